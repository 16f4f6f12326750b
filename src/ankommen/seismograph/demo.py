"""The demo town's Seismograph: the shipped catalogue of indicators (values come with the dashboard's demo)."""

from ankommen.core.actors import SystemActor
from ankommen.seismograph.services import install_catalogue


def load(town, stdout):
    created = install_catalogue(town, actor=SystemActor.of(town))
    if created:
        stdout.write(f"Seismograph: {len(created)} Indikatoren aus dem Katalog übernommen.")
