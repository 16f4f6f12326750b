"""The demo town's Seismograph values and boundaries taken away, for tests that start from a town without any.

The demo imports ten years of values for its five districts and draws their boundaries
(`seismograph/demo.py`); tests of imports and of the data's rules count rows from nothing.
"""

from ankommen.core.cache import touch_town
from ankommen.seismograph import demo
from ankommen.seismograph.models import DistrictShape, ImportRun, Observation, Signal, SignalKind


def without_demo_values(town):
    """Delete the demo's import (its values and its record), the warnings computed from them, and the
    districts' boundaries; the demo's observations stay."""
    Signal.objects.for_municipality(town).filter(kind=SignalKind.WARNING).delete()
    runs = ImportRun.objects.for_municipality(town).filter(file_name=demo.FILE_NAME)
    values = Observation.objects.for_municipality(town).filter(import_run__in=runs)
    values._raw_delete(values.db)  # 725 rows without a signal each; the town's cache is touched once
    runs.delete()
    DistrictShape.objects.for_municipality(town).delete()
    touch_town(town.pk)
