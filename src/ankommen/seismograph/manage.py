"""The pages where the town's admins keep the Seismograph's data: districts and their boundaries, the
indicator catalogue, imports of values (upload, preview, save, history, rollback) and the thresholds
of the early warnings.

An uploaded file waits for its confirmation on the server, in the private storage, under the
uploader's folder and the SHA-256 of its content (`keep_upload`): the preview's address names it
by that hash, nothing about the file comes back from the browser but what its preview showed
(`fingerprint`). Saving reads it again and checks that it is still the file the hash names; the
service checks the file inside the transaction that writes it, and where that check finds other
than the preview showed (someone imported meanwhile), the transaction is undone and the new
preview shown.
"""

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST, require_safe

from ankommen.concept.models import District
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.form_pages import form_page, posted
from ankommen.core.languages import SOURCE
from ankommen.core.translation import gaps
from ankommen.seismograph import services
from ankommen.seismograph.catalogue import CATALOGUE
from ankommen.seismograph.imports import check_file
from ankommen.seismograph.manage_forms import (
    ConfirmForm,
    DistrictForm,
    DistrictShapeForm,
    ImportConfirmForm,
    ImportUploadForm,
    IndicatorForm,
    ThresholdsForm,
)
from ankommen.seismograph.models import (
    DistrictShape,
    FileFormat,
    ImportRun,
    Indicator,
    Layout,
    Observation,
    SeismographSettings,
    Topic,
)

FORM = "seismograph/manage/form.html"
IMPORTS_PER_PAGE = 25

# --- uploads waiting for their confirmation ----------------------------------------------------------

UPLOADS = "seismograph/uploads"
UPLOAD_KEPT = timedelta(days=1)  # an upload nobody confirmed goes with the uploader's next one after this
TOKEN = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Upload:
    token: str  # the SHA-256 of the content as uploaded
    file_name: str
    add_districts: bool
    content: bytes

    @property
    def intact(self):
        """Is the content still what was uploaded?"""
        return hashlib.sha256(self.content).hexdigest() == self.token


def _folder(town, member):
    return f"{UPLOADS}/{town.pk}/{member.pk}"


def keep_upload(town, member, content, *, file_name, add_districts):
    """Keep an uploaded file until its confirmation, for this member only; returns its token (the hash)."""
    storage, folder = storages["private"], _folder(town, member)
    _forget_old_uploads(storage, folder, timezone.now())
    token = hashlib.sha256(content).hexdigest()
    about = {"file_name": file_name, "add_districts": add_districts, "kept_at": timezone.now().isoformat()}
    for name, data in ((f"{token}.bin", content), (f"{token}.json", json.dumps(about).encode())):
        path = f"{folder}/{name}"
        if storage.exists(path):
            storage.delete(path)
        storage.save(path, ContentFile(data))
    return token


def kept_upload(town, member, token):
    """The member's kept upload `token`, or None if there is none (confirmed, forgotten, or never theirs)."""
    if not TOKEN.match(token or ""):
        return None
    storage, folder = storages["private"], _folder(town, member)
    try:
        with storage.open(f"{folder}/{token}.json") as about_file:
            about = json.loads(about_file.read())
        with storage.open(f"{folder}/{token}.bin") as content_file:
            content = content_file.read()
    except (FileNotFoundError, ValueError):
        return None
    return Upload(token, about["file_name"], bool(about["add_districts"]), content)


def forget_upload(town, member, token):
    storage, folder = storages["private"], _folder(town, member)
    for name in (f"{token}.bin", f"{token}.json"):
        if storage.exists(f"{folder}/{name}"):
            storage.delete(f"{folder}/{name}")


def _forget_old_uploads(storage, folder, now):
    """Delete the kept files of one folder that waited longer than `UPLOAD_KEPT` (or whose record is unreadable)."""
    try:
        _folders, names = storage.listdir(folder)
    except FileNotFoundError:
        return
    oldest = now - UPLOAD_KEPT
    for name in names:
        if not name.endswith(".json"):
            continue
        try:
            with storage.open(f"{folder}/{name}") as about_file:
                kept_at = parse_datetime(json.loads(about_file.read())["kept_at"])
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            kept_at = None
        if kept_at is None or kept_at < oldest:
            for stale in (name, name.removesuffix(".json") + ".bin"):
                if storage.exists(f"{folder}/{stale}"):
                    storage.delete(f"{folder}/{stale}")


def prune_uploads(now):
    """The daily job: files uploaded for a preview and never confirmed go after a day, in every town."""
    storage = storages["private"]
    try:
        towns, _files = storage.listdir(UPLOADS)
    except FileNotFoundError:
        return
    for town in towns:
        members, _files = storage.listdir(f"{UPLOADS}/{town}")
        for member in members:
            _forget_old_uploads(storage, f"{UPLOADS}/{town}/{member}", now)


def fingerprint(report):
    """What saving the checked file would do, in 32 hex digits: the same file against the same data gives the same."""
    summary = [
        report.sha256,
        report.new_count,
        report.changed_count,
        report.unchanged_count,
        sorted(report.replaced),
        sorted(report.new_districts),
    ]
    return hashlib.sha256(json.dumps(summary).encode()).hexdigest()[:32]


# --- numbers as the pages show them ------------------------------------------------------------------


def number(value):
    """A value in the reader's format: 5.120 for a count, 12,5 for a share; "–" for none."""
    if value is None:
        return "–"
    if float(value).is_integer():
        return formats.number_format(int(value), force_grouping=True)
    return formats.number_format(round(value, 6), force_grouping=True)


def _context(current, **more):
    """What every page of the area shows: its navigation with `current` (a URL name) marked."""
    return {"section": current, **more}


# --- the overview ---------------------------------------------------------------------------------------


@require_safe
def overview(request):
    """What the town holds: districts, indicators, values, the last import, the thresholds; and where to keep each."""
    town = request.municipality
    authorize(request, "keep_indicators", town)
    values = Observation.objects.for_municipality(town).current().count()
    return render(
        request,
        "seismograph/manage/overview.html",
        _context(
            "manage",
            districts=District.objects.for_municipality(town).count(),
            shapes=DistrictShape.objects.for_municipality(town).count(),
            indicators=Indicator.objects.for_municipality(town).count(),
            values=values,
            values_shown=number(values),
            last_import=ImportRun.objects.for_municipality(town).select_related("started_by__user").first(),
            thresholds=SeismographSettings.of(town),
        ),
    )


# --- districts ------------------------------------------------------------------------------------------


@require_safe
def districts(request):
    """The town's districts: which has a boundary for the map, how many current values each has."""
    town = request.municipality
    authorize(request, "administer", town)
    rows = list(District.objects.for_municipality(town))
    with_shape = set(DistrictShape.objects.for_municipality(town).values_list("district_id", flat=True))
    values = dict(
        Observation.objects.for_municipality(town)
        .current()
        .order_by()
        .values_list("district_id")
        .annotate(count=Count("id"))
    )
    for district in rows:
        district.has_shape = district.pk in with_shape
        district.values_shown = number(values.get(district.pk, 0))
    return render(
        request,
        "seismograph/manage/districts.html",
        _context("manage_districts", districts=rows, count_column=[_("Werte")]),
    )


def district_new(request):
    town = request.municipality
    authorize(request, "administer", town)
    return form_page(
        request,
        DistrictForm(posted(request)),
        FORM,
        save=partial(services.save_district, District(municipality=town), actor=request.member),
        done=lambda district: _("Der Stadtteil „%(name)s“ ist angelegt.") % {"name": district.name},
        then=reverse("seismograph:manage_districts"),
        context=_context(
            "manage_districts", heading=_("Stadtteil anlegen"), back=reverse("seismograph:manage_districts")
        ),
    )


def district_edit(request, pk):
    district = town_object_or_404(District.objects, request, "administer", pk=pk)
    return form_page(
        request,
        DistrictForm(posted(request), instance=district),
        FORM,
        save=partial(services.save_district, district, actor=request.member),
        done=lambda district: _("Der Stadtteil „%(name)s“ ist gespeichert.") % {"name": district.name},
        then=reverse("seismograph:manage_districts"),
        context=_context(
            "manage_districts",
            heading=_("Stadtteil bearbeiten"),
            back=reverse("seismograph:manage_districts"),
            intro=[
                _(
                    "Werte, Beiträge und Grenze bleiben beim Stadtteil; Dateien für den Import nennen ihn nach "
                    "dem Speichern beim neuen Namen."
                )
            ],
        ),
    )


def _points(geometry):
    """How many corner points a Polygon or MultiPolygon has (its rings' positions)."""
    coordinates = geometry.get("coordinates") or []
    polygons = coordinates if geometry.get("type") == "MultiPolygon" else [coordinates]
    return sum(
        len(ring)
        for polygon in polygons
        if isinstance(polygon, list)
        for ring in polygon
        if isinstance(ring, list)
    )


def district_shape(request, pk):
    """Upload a district's boundary as GeoJSON, or replace the one it has."""
    district = town_object_or_404(District.objects.select_related("shape"), request, "administer", pk=pk)
    shape = getattr(district, "shape", None)
    if shape is None:
        intro = [
            _(
                "Der Stadtteil hat noch keine Grenze; ohne sie fehlt er auf der Karte (in den Tabellen steht er)."
            )
        ]
    else:
        geometry = shape.geometry
        intro = [
            _("Der Stadtteil hat eine Grenze: %(kind)s mit %(points)s Punkten. Eine neue Datei ersetzt sie.")
            % {"kind": geometry.get("type"), "points": number(_points(geometry))}
        ]
    return form_page(
        request,
        DistrictShapeForm(posted(request), request.FILES or None),
        FORM,
        save=lambda geojson: services.save_district_shape(district, actor=request.member, geojson=geojson),
        done=_("Die Grenze des Stadtteils „%(name)s“ ist gespeichert.") % {"name": district.name},
        then=reverse("seismograph:manage_districts"),
        context=_context(
            "manage_districts",
            heading=_("Grenze von „%(name)s“") % {"name": district.name},
            back=reverse("seismograph:manage_districts"),
            intro=intro,
            submit=_("Grenze hochladen") if shape is None else _("Grenze ersetzen"),
        ),
    )


# --- indicators -----------------------------------------------------------------------------------------


@require_safe
def indicators(request):
    """The town's indicators by topic, each with its values; the shipped catalogue; links to translate them."""
    town = request.municipality
    authorize(request, "keep_indicators", town)
    rows = list(Indicator.objects.for_municipality(town).select_related("field"))
    values = dict(
        Observation.objects.for_municipality(town)
        .current()
        .order_by()
        .values_list("indicator_id")
        .annotate(count=Count("id"))
    )
    by_topic = {topic: [] for topic in Topic.values}
    for indicator in rows:
        indicator.values_shown = number(values.get(indicator.pk, 0))
        by_topic.setdefault(indicator.topic, []).append(indicator)
    known = {indicator.key for indicator in rows}
    return render(
        request,
        "seismograph/manage/indicators.html",
        _context(
            "manage_indicators",
            topics=[(Topic(topic).label, topic, listed) for topic, listed in by_topic.items() if listed],
            count=len(rows),
            catalogue_size=len(CATALOGUE),
            missing=sum(1 for entry in CATALOGUE if entry.key not in known),
            languages=[language for language in town.active_languages if language.code != SOURCE],
            content_type=ContentType.objects.get_for_model(Indicator).pk,
            count_column=[_("Werte")],
        ),
    )


@require_POST
def install_catalogue(request):
    """Take what the town lacks of the shipped catalogue; the town's own indicators stay as they are."""
    town = request.municipality
    authorize(request, "keep_indicators", town)
    created = services.install_catalogue(town, actor=request.member)
    if created:
        messages.success(
            request,
            ngettext(
                "%(count)s Indikator aus dem mitgelieferten Katalog übernommen.",
                "%(count)s Indikatoren aus dem mitgelieferten Katalog übernommen.",
                len(created),
            )
            % {"count": len(created)},
        )
    else:
        messages.info(
            request,
            _("Alle Indikatoren des mitgelieferten Katalogs sind schon da; es wurde keiner hinzugefügt."),
        )
    return redirect("seismograph:manage_indicators")


def indicator_new(request):
    town = request.municipality
    authorize(request, "keep_indicators", town)
    return form_page(
        request,
        IndicatorForm(posted(request), municipality=town),
        FORM,
        save=partial(services.save_indicator, Indicator(municipality=town), actor=request.member),
        done=lambda indicator: _("Der Indikator „%(name)s“ ist angelegt.") % {"name": indicator.name},
        then=lambda indicator: reverse("seismograph:manage_indicator_edit", args=[indicator.pk]),
        context=_context(
            "manage_indicators", heading=_("Indikator anlegen"), back=reverse("seismograph:manage_indicators")
        ),
    )


def indicator_edit(request, pk):
    town = request.municipality
    indicator = town_object_or_404(
        Indicator.objects.prefetch_related("translations"), request, "keep_indicators", pk=pk
    )
    value_count = Observation.objects.for_municipality(town).filter(indicator=indicator).count()
    return form_page(
        request,
        IndicatorForm(posted(request), municipality=town, instance=indicator, key_fixed=value_count > 0),
        "seismograph/manage/indicator_form.html",
        save=partial(services.save_indicator, indicator, actor=request.member),
        done=lambda indicator: _("Der Indikator „%(name)s“ ist gespeichert.") % {"name": indicator.name},
        then=reverse("seismograph:manage_indicator_edit", args=[indicator.pk]),
        context=_context(
            "manage_indicators",
            heading=_("Indikator bearbeiten"),
            back=reverse("seismograph:manage_indicators"),
            indicator=indicator,
            value_count=value_count,
            gaps=gaps(town, [indicator]),
            has_languages=len(town.active_languages) > 1,
        ),
    )


# --- importing values -----------------------------------------------------------------------------------


def import_upload(request):
    """Upload a file of values: it is kept on the server and checked, and the preview shows what it would do."""
    town = request.municipality
    authorize(request, "import_values", town)
    form = ImportUploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token = keep_upload(
            town,
            request.member,
            upload.read(),
            file_name=(upload.name or "datei.csv")[:255],
            add_districts=form.cleaned_data["add_districts"],
        )
        return redirect("seismograph:manage_import_preview", token)
    return render(
        request,
        "seismograph/manage/import_upload.html",
        _context("manage_import", form=form),
        status=400 if form.errors else 200,
    )


def _gone(request):
    messages.error(
        request,
        _(
            "Diese Datei liegt nicht mehr zur Prüfung bereit (schon gespeichert, oder älter als einen Tag). "
            "Bitte laden Sie sie noch einmal hoch."
        ),
    )
    return redirect("seismograph:manage_import")


def import_preview(request, token):
    """What a kept file holds and would change; "Werte speichern" saves it, all or nothing, after checking it again."""
    town = request.municipality
    authorize(request, "import_values", town)
    upload = kept_upload(town, request.member, token)
    if upload is None:
        return _gone(request)
    if not upload.intact:
        forget_upload(town, request.member, token)
        messages.error(
            request,
            _(
                "Die Datei hat sich seit dem Hochladen verändert; gespeichert wurde nichts. Bitte laden Sie sie noch einmal hoch."
            ),
        )
        return redirect("seismograph:manage_import")
    status, changed_since, report = 200, False, None
    if request.method == "POST":
        sent = ImportConfirmForm(request.POST)
        seen = sent.cleaned_data["seen"] if sent.is_valid() else ""
        try:
            run = _save(request, upload, seen)
        except services.ImportRefused as refused:
            report, status = refused.report, 400  # the town's data changed since: the file no longer fits
        except PreviewOutdated as outdated:
            report, status, changed_since = outdated.report, 409, True
        else:
            forget_upload(town, request.member, token)  # saved: a second click finds nothing to save again
            messages.success(request, _saved(run))
            return redirect("seismograph:manage_imports")
    if report is None:
        report = check_file(town, upload.content, upload.file_name, add_districts=upload.add_districts)
    return render(
        request,
        "seismograph/manage/import_preview.html",
        _context(
            "manage_import",
            upload=upload,
            report=report,
            described=_described(report),
            rows=_preview_rows(report),
            shown={
                "values": number(len(report.values)),
                "new": number(report.new_count),
                "changed": number(report.changed_count),
                "unchanged": number(report.unchanged_count),
                "problems": number(report.problem_count),
                "more": number(report.more),
            },
            value_columns=[_("bisher"), _("neu")],
            form=ImportConfirmForm(initial={"seen": fingerprint(report)}),
            upload_form=ImportUploadForm(initial={"add_districts": upload.add_districts}),
            changed_since=changed_since,
        ),
        status=status,
    )


class PreviewOutdated(Exception):
    """Saving would do other than the preview showed (the town's data changed meanwhile): nothing was saved."""

    def __init__(self, report):
        super().__init__()
        self.report = report


def _save(request, upload, seen):
    """Save the kept file if it still does what the preview showed (`seen`), else write nothing.

    The service checks the file inside its transaction; what it found is compared with the preview
    there, and a difference undoes the whole transaction: the file is read and checked once.
    """
    with transaction.atomic():
        run = services.import_observations(
            request.municipality,
            upload.content,
            upload.file_name,
            actor=request.member,
            add_districts=upload.add_districts,
        )
        if fingerprint(run.report) != seen:
            raise PreviewOutdated(run.report)
    return run


def _saved(run):
    return ngettext(
        "„%(file)s“ ist gespeichert: %(count)s Wert, davon %(new)s neu, %(changed)s geändert, %(unchanged)s unverändert.",
        "„%(file)s“ ist gespeichert: %(count)s Werte, davon %(new)s neu, %(changed)s geändert, %(unchanged)s unverändert.",
        run.value_count,
    ) % {
        "file": run.file_name,
        "count": number(run.value_count),
        "new": number(run.new_count),
        "changed": number(run.changed_count),
        "unchanged": number(run.unchanged_count),
    }


DELIMITERS = {";": gettext_lazy("Semikolon"), ",": gettext_lazy("Komma"), "\t": gettext_lazy("Tabulator")}


def _described(report):
    """The file as the report read it, in words: format, layout, encoding and separator."""
    parts = [str(FileFormat(report.file_format).label)]
    if report.layout:
        parts.append(str(Layout(report.layout).label))
    if report.encoding:
        parts.append(_("Kodierung %(encoding)s") % {"encoding": report.encoding})
    if report.delimiter:
        parts.append(_("getrennt durch %(delimiter)s") % {"delimiter": DELIMITERS[report.delimiter]})
    return ", ".join(parts)


def _preview_rows(report):
    return [
        {
            "line": row.line,
            "district": row.district,
            "period": row.period,
            "indicator": row.indicator,
            "before": number(row.before),
            "value": number(row.value),
            "state": _("neu") if row.before is None else (_("geändert") if row.changed else _("unverändert")),
            "is_new": row.before is None,
            "changed": row.changed,
        }
        for row in report.preview
    ]


# --- the imports ----------------------------------------------------------------------------------------


@require_safe
def imports(request):
    """Every import of the town, newest first: who, when, which file, what it changed, and its rollback."""
    town = request.municipality
    authorize(request, "import_values", town)
    runs = (
        ImportRun.objects.for_municipality(town)
        .select_related("started_by__user", "rolled_back_by__user")
        .annotate(
            replaced_later=Exists(
                Observation.objects.filter(import_run=OuterRef("pk"), replaced_by__isnull=False)
            )
        )
    )
    page = Paginator(runs, IMPORTS_PER_PAGE).get_page(request.GET.get("page"))
    for run in page:
        run.shown = {
            name: number(getattr(run, f"{name}_count")) for name in ("value", "new", "changed", "unchanged")
        }
    return render(request, "seismograph/manage/imports.html", _context("manage_imports", page_obj=page))


def import_roll_back(request, pk):
    """Confirm, then roll an import back: what goes, what is current again; refused while later imports build on it."""
    town = request.municipality
    run = town_object_or_404(
        ImportRun.objects.select_related("started_by__user"), request, "import_values", pk=pk
    )
    values = Observation.objects.for_municipality(town)
    removed = values.filter(import_run=run).count()
    restored = values.filter(replaced_by=run).count()
    later = list(
        ImportRun.objects.for_municipality(town)
        .filter(pk__in=values.filter(import_run=run, replaced_by__isnull=False).values("replaced_by"))
        .order_by("-started_at", "-id")
    )
    added = [district.name for district in run.added_districts.all()] if run.is_applied else []
    done = _("Der Import „%(file)s“ ist zurückgenommen.") % {"file": run.file_name}
    return form_page(
        request,
        ConfirmForm(posted(request)),
        "seismograph/manage/roll_back.html",
        save=lambda: services.roll_back_import(run, actor=request.member),
        done=lambda run: " ".join([done, *_roll_back_sentences(removed, restored, past=True)]),
        then=reverse("seismograph:manage_imports"),
        context=_context(
            "manage_imports",
            heading=_("Import zurücknehmen?"),
            back=reverse("seismograph:manage_imports"),
            run=run,
            later=later,
            sentences=_roll_back_sentences(removed, restored),
            added=added,
            submit=_("Ja, Import zurücknehmen"),
        ),
    )


def _roll_back_sentences(removed, restored, *, past=False):
    if past:
        return [
            ngettext("%(count)s Wert entfernt.", "%(count)s Werte entfernt.", removed)
            % {"count": number(removed)},
            ngettext(
                "%(count)s früherer Wert gilt wieder.", "%(count)s frühere Werte gelten wieder.", restored
            )
            % {"count": number(restored)},
        ]
    return [
        ngettext(
            "%(count)s Wert dieses Imports wird entfernt.",
            "%(count)s Werte dieses Imports werden entfernt.",
            removed,
        )
        % {"count": number(removed)},
        ngettext(
            "%(count)s früherer Wert, den der Import ersetzt hat, gilt wieder.",
            "%(count)s frühere Werte, die der Import ersetzt hat, gelten wieder.",
            restored,
        )
        % {"count": number(restored)},
    ]


# --- the thresholds of the warnings ---------------------------------------------------------------------


def thresholds(request):
    town = request.municipality
    authorize(request, "administer", town)
    return form_page(
        request,
        ThresholdsForm(posted(request), instance=SeismographSettings.of(town)),
        FORM,
        save=partial(services.set_warning_thresholds, town, actor=request.member),
        done=_(
            "Die Schwellen für Warnsignale sind gespeichert; die Warnsignale werden gleich mit ihnen neu berechnet."
        ),
        then=reverse("seismograph:manage_thresholds"),
        context=_context(
            "manage_thresholds",
            heading=_("Schwellen für Warnsignale"),
            intro=[
                _(
                    "Der Seismograph meldet einen Stadtteil, wenn ein Indikator dort deutlich vom Rest der Stadt "
                    "abweicht oder sich über mehrere Zeiträume gegen die Stadt entwickelt. Wie deutlich und wie "
                    "lange, legen Sie hier fest; jedes Warnsignal nennt seine Zahlen."
                )
            ],
        ),
    )
