"""Changing the Seismograph's signals: computing the warnings, adding observations, and deciding about either.

`recompute_warnings(town)` compares what the current values support (`warnings.fire`) with the
warnings the town has: it adds the new ones (and tells the people who follow their district or field), refreshes
the numbers of the open ones, opens again a withdrawn one the data support again, and withdraws the
open ones the data no longer support (after an import was rolled back, say). A warning someone already
took up as a finding or dismissed stays as it was decided. It runs after every import and rollback
(`warnings_after_import`, queued as a task when their transaction commits), every hour for every town
(a changed threshold), and for the demo.

An observation is a member's note about a district and field, or one staff enter from paper. A
moderator turns a signal of either kind into a finding of kind "problem" in the field's stocktaking —
running or not — through the dialogue's own service (`dialogue.services.add_contribution`, entered as
from a source, "Seismograph"), or dismisses it with a reason.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from ankommen.concept.models import District, Field, Stage, StageKind
from ankommen.core import limits, notifications
from ankommen.core.actors import SystemActor
from ankommen.core.audit import audit
from ankommen.core.models import Municipality
from ankommen.core.rules import require
from ankommen.seismograph import warnings
from ankommen.seismograph.models import (
    Indicator,
    Observation,
    SeismographSettings,
    Signal,
    SignalKind,
    SignalStatus,
)

# Who a finding taken from the Seismograph names as its source (`paper_author`); the dialogue's page
# shows where it came from through the slot `contribution_after` (`signal_views.finding_source`).
SOURCE_NAME = "Seismograph"
WRITE_BATCH = 500


@dataclass
class Recomputed:
    """What computing the warnings changed."""

    added: list
    reopened: int = 0
    withdrawn: int = 0
    updated: int = 0

    @property
    def changed(self):
        return bool(self.added or self.reopened or self.withdrawn)


def _user(actor):
    return getattr(actor, "user", None)


def recompute_warnings(town, *, actor=None):
    """Bring the town's warnings in line with its current values (see the module); `actor` None: the system."""
    actor = actor or SystemActor.of(town)
    require(actor, "compute_warnings", town)
    settings = SeismographSettings.of(town)
    with transaction.atomic():
        # Two computations for one town (an import's and the hourly one) take turns (PostgreSQL).
        Municipality.objects.select_for_update().filter(pk=town.pk).first()
        indicators = {
            indicator.pk: indicator
            for indicator in Indicator.objects.for_municipality(town).only("pk", "direction", "field_id")
        }
        rows = (
            Observation.objects.for_municipality(town)
            .current()
            .values_list("indicator_id", "district_id", "period", "period_start", "value")
        )
        latest = {}
        fired = warnings.fire(
            _noting_latest(rows.iterator(chunk_size=5000), latest),
            {pk: indicator.direction for pk, indicator in indicators.items()},
            threshold=settings.z_threshold,
            periods_against=settings.periods_against,
        )
        supported = {each.key: each for each in fired}
        known = {
            (signal.district_id, signal.indicator_id, signal.period, signal.rule): signal
            for signal in Signal.objects.for_municipality(town)
            .warnings()
            .only("pk", "district_id", "indicator_id", "period", "rule", "status", "evidence")
        }
        result = Recomputed(added=[])
        changed = []
        for key, signal in known.items():
            now_fired = supported.get(key)
            if now_fired is None:
                if signal.status == SignalStatus.OPEN:
                    signal.status = SignalStatus.WITHDRAWN
                    result.withdrawn += 1
                    changed.append(signal)
                continue
            if signal.status == SignalStatus.WITHDRAWN:
                signal.status = SignalStatus.OPEN
                signal.evidence = now_fired.evidence
                result.reopened += 1
                changed.append(signal)
            elif signal.status == SignalStatus.OPEN and signal.evidence != now_fired.evidence:
                signal.evidence = now_fired.evidence
                result.updated += 1
                changed.append(signal)
        Signal.objects.bulk_update(changed, ["status", "evidence"], batch_size=WRITE_BATCH)
        now = timezone.now()
        new = [
            Signal(
                municipality=town,
                kind=SignalKind.WARNING,
                district_id=each.district_id,
                indicator_id=each.indicator_id,
                field_id=indicators[each.indicator_id].field_id,
                period=each.period,
                rule=each.rule,
                evidence=each.evidence,
                created_at=now,
            )
            for key, each in supported.items()
            if key not in known
        ]
        result.added = Signal.objects.bulk_create(new, batch_size=WRITE_BATCH)
        _tell_followers([each for each in result.added if _is_news(each, latest)])
        if result.changed:
            audit(
                _user(actor),
                "warnings.computed",
                town,
                added=len(result.added),
                reopened=result.reopened,
                withdrawn=result.withdrawn,
            )
    return result


def _noting_latest(rows, latest):
    """Pass the rows on, noting each indicator's latest period (by its first day) in `latest`."""
    for row in rows:
        indicator_id, _district, period, start, _value = row
        if indicator_id not in latest or start > latest[indicator_id][0]:
            latest[indicator_id] = (start, period)
        yield row


def _is_news(signal, latest):
    """A warning about the indicator's latest period is news; one about 2009, found when a town's history
    is first imported, is not: its followers read it in the list, but are not sent it."""
    last = signal.evidence.get("to") or signal.period
    return latest.get(signal.indicator_id, (None, None))[1] == last


def _tell_followers(added):
    """The people who follow a new warning's district or its field hear of it (topic "Was Sie verfolgen"),
    each once."""
    if not added:
        return
    signals = list(
        Signal.objects.filter(pk__in=[each.pk for each in added]).select_related("district", "indicator")
    )
    readers = notifications.followers_of(
        [(District, signal.district_id) for signal in signals]
        + [(Field, signal.field_id) for signal in signals if signal.field_id is not None]
    )
    for signal in signals:
        people = {user.pk: user for user in readers[District, signal.district_id]}
        people.update((user.pk, user) for user in readers[Field, signal.field_id])
        if people:
            notifications.notify(
                list(people.values()),
                "seismograph.warning",
                event=f"signal:{signal.pk}",
                target=signal,
                label=_label(signal),
            )


def _label(signal):
    """ "Oststadt: SGB-II-Quote 2024" (German: what a notification keeps)."""
    return f"{signal.district.name}: {signal.indicator.name} {signal.period}"


@task()
def recompute_warnings_task(town_id: int) -> int:
    """Compute the warnings of town `town_id` again (after an import or a rollback); returns how many are new."""
    town = Municipality.objects.get(pk=town_id)
    return len(recompute_warnings(town).added)


def warnings_after_import(town_id):
    """Called at the end of an import and of its rollback: the warnings are computed again once it commits.

    Queued, not done in the import's own transaction: the import stays as fast as it was, and a problem
    with the warnings can never undo it (the hourly run catches up should the task be lost).
    """
    transaction.on_commit(lambda: recompute_warnings_task.enqueue(town_id))


def recompute_every_town(now):
    """The periodic job: every town that has values gets its warnings computed again."""
    towns = Municipality.objects.filter(
        pk__in=Observation.objects.current().values("municipality_id").distinct()
    )
    for town in towns:
        recompute_warnings(town)


# --- observations ---------------------------------------------------------------------------------------


def add_observation(town, *, author, district, field, text, paper_author="", paper_occasion=""):
    """A member notes an observation about a district and field; with `paper_author`, staff enter one
    made where people meet (a counselling hour, a district walk). Moderated like every text people write."""
    require(author, "record_observation_on_paper" if paper_author else "add_observation", town)
    if district.municipality_id != town.pk or (field is not None and field.municipality_id != town.pk):
        raise ValidationError(_("Stadtteil und Handlungsfeld müssen zu dieser Kommune gehören."))
    with transaction.atomic():
        limits.count(author, limits.CONTRIBUTIONS)
        signal = Signal.objects.create(
            municipality=town,
            kind=SignalKind.OBSERVATION,
            district=district,
            field=field,
            author=author,
            text=text,
            paper_author=paper_author,
            paper_occasion=paper_occasion if paper_author else "",
        )
        audit(author.user, "observation.added", signal, district=district.name)
    return signal


def remove_observations(observations):
    """At an erasing person's request: the texts of their observations go; an open one is dismissed."""
    now = timezone.now()
    for signal in observations:
        signal.text = ""
        if signal.status == SignalStatus.OPEN:
            signal.status = SignalStatus.DISMISSED
            signal.decided_at = now
            signal.dismiss_reason = _(
                "Der Text wurde auf Wunsch der Person entfernt, die ihn geschrieben hat."
            )
        signal.save(update_fields=["text", "status", "decided_at", "dismiss_reason"])


# --- deciding ------------------------------------------------------------------------------------------


def stocktaking_of(field):
    """The field's stocktaking stage, running or not (None if it has none, or only an archived one)."""
    if field is None:
        return None
    return (
        Stage.objects.for_municipality(field.municipality_id)
        .filter(field=field, kind=StageKind.STOCKTAKING, archived_at__isnull=True)
        .select_related("field")
        .first()
    )


def make_finding(signal, *, actor, title, body):
    """A signal becomes a finding of kind "problem" in its field's stocktaking, linked both ways."""
    from ankommen.dialogue.models import FindingKind
    from ankommen.dialogue.services import add_contribution

    require(actor, "make_finding_from_signal", signal)
    stage = stocktaking_of(signal.field)
    if stage is None or stage.field.is_archived:
        raise ValidationError(
            _("Das Handlungsfeld hat keine Bestandsaufnahme, in die der Befund gehen könnte."),
            code="no_stage",
        )
    with transaction.atomic():
        locked = Signal.objects.select_for_update().get(pk=signal.pk)
        if locked.status != SignalStatus.OPEN:
            raise ValidationError(_("Über dieses Signal ist inzwischen entschieden."), code="decided")
        finding = add_contribution(
            stage,
            author=actor,
            title=title,
            body=body,
            finding_kind=FindingKind.PROBLEM,
            paper_author=SOURCE_NAME,
            paper_occasion=_occasion(signal),
            from_source=True,
            districts=[signal.district_id],
        )
        signal.status = SignalStatus.FINDING
        signal.finding = finding
        signal.decided_at = timezone.now()
        signal.decided_by = actor
        signal.save(update_fields=["status", "finding", "decided_at", "decided_by"])
        audit(actor.user, "signal.finding", signal, finding=title)
    return finding


def _occasion(signal):
    """ "Warnsignal vom 12. März 2027" / "Beobachtung vom …": what the finding's byline says it came from,
    stored in the town's language, German, whatever the moderator reads the page in."""
    with translation.override("de"):
        day = formats.date_format(timezone.localtime(signal.created_at), "DATE_FORMAT")
        if signal.is_warning:
            return _("Warnsignal vom %(date)s") % {"date": day}
        return _("Beobachtung vom %(date)s") % {"date": day}


def dismiss_signal(signal, *, actor, reason):
    """A moderator sets a signal aside, saying why (the reason shows on the signal's page)."""
    require(actor, "dismiss_signal", signal)
    with transaction.atomic():
        changed = Signal.objects.filter(pk=signal.pk, status=SignalStatus.OPEN).update(
            status=SignalStatus.DISMISSED, decided_at=timezone.now(), decided_by=actor, dismiss_reason=reason
        )
        if not changed:
            raise ValidationError(_("Über dieses Signal ist inzwischen entschieden."), code="decided")
        signal.refresh_from_db()
        audit(actor.user, "signal.dismissed", signal, reason=reason)
    return signal
