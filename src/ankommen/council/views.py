"""The council's pages: public papers, meetings, decisions and measures; the administration's editor."""

import difflib
from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ankommen.circle.models import OrganisationMembership
from ankommen.concept.models import Field
from ankommen.core import blocks
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.files import private_file_url
from ankommen.core.form_pages import form_page, posted
from ankommen.core.models import translations_of
from ankommen.core.rules import may
from ankommen.core.translation import translated
from ankommen.council import documents, services
from ankommen.council.forms import (
    AgendaItemForm,
    AttachmentForm,
    CommitteeForm,
    ConsultationForm,
    CoSignatureRequestForm,
    CoSignForm,
    DecisionForm,
    DecisionTextsForm,
    ImportForm,
    LocationForm,
    MeasureForm,
    MeetingForm,
    MembershipForm,
    NewSubmissionForm,
    PersonForm,
    SubmissionForm,
)
from ankommen.council.models import (
    AgendaItem,
    Attachment,
    Committee,
    Consultation,
    CoSignature,
    Decision,
    FileRole,
    ImportRun,
    Location,
    Measure,
    MeasureStatus,
    Meeting,
    Membership,
    Person,
    Submission,
    SubmissionStatus,
)
from ankommen.council.rules import has_decision
from ankommen.dialogue.models import Contribution

# --- reading -----------------------------------------------------------------------------------------


def _submissions(request):
    """The town's submissions this reader may see: all for the admins, the public ones for everyone else."""
    submissions = Submission.objects.for_municipality(request.municipality).live()
    if may(request.member, "keep_council", request.municipality):
        return submissions
    return submissions.public()


@require_safe
def overview(request):
    """The council: its committees, the coming meetings, the latest decisions, and the submissions."""
    town, language = request.municipality, get_language()
    submissions = (
        _submissions(request)
        .select_related("field")
        .with_translations(language)
        .prefetch_related(
            Prefetch(
                "consultations",
                Consultation.objects.live()
                .select_related("committee", "decision", "meeting")
                .order_by("position"),
            )
        )[:50]
    )
    return render(
        request,
        "council/overview.html",
        {
            "committees": Committee.objects.for_municipality(town).live(),
            "meetings": Meeting.objects.for_municipality(town)
            .live()
            .filter(start__gte=timezone.now() - timezone.timedelta(days=1))
            .select_related("committee", "location")
            .order_by("start")[:5],
            "submissions": submissions,
            "keeps": may(request.member, "keep_council", town),
        },
    )


def decision_of(row):
    """A consultation's decision, or None (a reverse one-to-one raises where there is none)."""
    return row.decision if has_decision(row) else None


def _consultation_rows(submission, member):
    """The consultation sequence as this reader may see it: private rows name no decision to outsiders."""
    keeps = may(member, "keep_council", submission)
    rows = []
    for row in submission.consultations.all():
        decision = decision_of(row)
        shown = decision if decision and (keeps or row.is_public or decision.announced_at) else None
        rows.append({"row": row, "decision": shown, "may_record": may(member, "record_decision", row)})
    return rows


def _figures(submission):
    return {
        attachment.position: (private_file_url(attachment, "file"), attachment.alt_text, attachment.title)
        for attachment in submission.attachments.all()
        if attachment.role == FileRole.FIGURE and attachment.file
    }


@require_safe
def submission(request, pk):
    """A submission with every part, its consultation sequence with the decisions, and what followed."""
    language = get_language()
    item = town_object_or_404(
        _submission_with_all(request, language),
        request,
        "view_submission",
        pk=pk,
    )
    keeps = may(request.member, "keep_council", item)
    decisions = [decision_of(row) for row in item.consultations.all() if has_decision(row)]
    measures = (
        Measure.objects.for_municipality(request.municipality)
        .filter(decision__in=decisions)
        .select_related("owner", "field")
        .with_translations(language)
        if decisions
        else []
    )
    return render(
        request,
        "council/submission.html",
        {
            "item": item,
            "statement": _statement(item),
            "rows": _consultation_rows(item, request.member),
            "attachments": [
                a for a in item.attachments.all() if a.role == FileRole.ATTACHMENT and (a.is_public or keeps)
            ],
            "cosignatures": item.cosignatures.all(),
            "measures": measures,
            "keeps": keeps,
            "may_edit": may(request.member, "edit_submission", item),
            "may_release": may(request.member, "release_submission", item),
            "my_cosignatures": [c for c in item.cosignatures.all() if may(request.member, "cosign", c)],
            "recommendations": item.recommendations.all(),
        },
    )


def _statement(item):
    """The statement in the reader's language where translated, with its figures: (HTML, its rendering)."""
    text = translated(item, "statement")
    return blocks.html(blocks.parse(text.text), figures=_figures(item), heading_level=3), text


def _submission_with_all(request, language):
    return (
        Submission.objects.for_municipality(request.municipality)
        .live()
        .select_related("field", "author__user")
        .with_translations(language)
        .prefetch_related(*translations_of("field", language))
        .prefetch_related(
            Prefetch(
                "consultations",
                Consultation.objects.live()
                .select_related("committee", "meeting", "decision")
                .prefetch_related("decision__translations")
                .order_by("position", "id"),
            ),
            Prefetch("attachments", Attachment.objects.live()),
            Prefetch("cosignatures", CoSignature.objects.select_related("department", "signed_by__user")),
            Prefetch("recommendations", Contribution.objects.select_related("field")),
        )
    )


@require_safe
def submission_document(request, pk, kind):
    """The submission as PDF or DOCX, for print and for the administration's word processor."""
    item = town_object_or_404(_submissions(request), request, "view_submission", pk=pk)
    if kind == "pdf":
        content, content_type = documents.submission_pdf(item), "application/pdf"
    else:
        content = documents.submission_docx(item)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(content, content_type=content_type)
    name = f"Sitzungsvorlage-{item.reference.replace('/', '-')}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def committee(request, pk):
    """A committee: its members with their group and role, its meetings."""
    body = town_object_or_404(Committee.objects.live(), request, pk=pk)
    return render(
        request,
        "council/committee.html",
        {
            "committee": body,
            "memberships": body.memberships.live()
            .select_related("person")
            .order_by("role", "person__family_name"),
            "meetings": body.meetings.live().select_related("location").order_by("-start")[:20],
            "keeps": may(request.member, "keep_council", body),
        },
    )


@require_safe
def meeting(request, pk):
    """A meeting and its agenda; a private item shows only as such, its matter and outcome stay inside."""
    item = town_object_or_404(Meeting.objects.live().select_related("committee", "location"), request, pk=pk)
    keeps = may(request.member, "keep_council", item)
    agenda = []
    for point in (
        item.agenda.live()
        .select_related("consultation__submission", "consultation__decision")
        .prefetch_related("consultation__decision__translations")
    ):
        consultation = point.consultation
        private = (
            not point.is_public
            or (consultation is not None and not consultation.is_public)
            or (consultation is not None and not consultation.submission.is_public)
        )
        decision = (
            getattr(consultation, "decision", None)
            if consultation and hasattr(consultation, "decision")
            else None
        )
        agenda.append(
            {
                "point": point,
                "private": private,
                "shown": keeps or not private,
                "decision": decision
                if decision and (keeps or not private or decision.announced_at)
                else None,
                "announced_only": private
                and not keeps
                and decision is not None
                and decision.announced_at is not None,
            }
        )
    files = [f for f in item.files.live() if f.is_public or keeps]
    return render(
        request,
        "council/meeting.html",
        {"meeting": item, "agenda": agenda, "files": files, "keeps": keeps},
    )


@require_safe
def measures(request):
    """Every measure that follows the council's decisions: who, until when, how far — late ones marked."""
    language = get_language()
    rows = (
        Measure.objects.for_municipality(request.municipality)
        .select_related("field", "owner", "decision__consultation__submission")
        .with_translations(language)
        .prefetch_related(*translations_of("field", language))
        .order_by("field__position", "due_on", "title")
    )
    groups = {}
    for row in rows:
        groups.setdefault(row.field, []).append(row)
    return render(
        request,
        "council/measures.html",
        {
            "groups": [
                {
                    "field": field,
                    "measures": measures,
                    "id": f"massnahmen-{field.slug if field else 'konzept'}",
                    "caption": field.name if field else _("Maßnahmen zum Konzept als Ganzes"),
                }
                for field, measures in groups.items()
            ],
            "keeps": may(request.member, "keep_council", request.municipality),
        },
    )


@require_safe
def measure(request, slug):
    language = get_language()
    item = town_object_or_404(
        Measure.objects.select_related(
            "field",
            "owner",
            "recommendation",
            "decision__consultation__submission",
            "decision__consultation__committee",
        ).with_translations(language),
        request,
        slug=slug,
    )
    return render(
        request,
        "council/measure.html",
        {
            "measure": item,
            "submission_visible": may(
                request.member, "view_submission", item.decision.consultation.submission
            ),
            "may_keep": may(request.member, "keep_measure", item),
        },
    )


# --- the administration: committees, people, meetings -------------------------------------------------


def _admin_form(request, form, template_context, *, save, done, then):
    """A form of the council's administration that adds a row to the town."""
    authorize(request, "keep_council", request.municipality)
    return form_page(
        request, form, "council/form.html", save=save, done=done, then=then, context=template_context
    )


def committee_new(request):
    return _admin_form(
        request,
        CommitteeForm(posted(request)),
        {"heading": _("Gremium anlegen"), "back": reverse("council:overview")},
        save=partial(_new_row, request, Committee, "committee.created"),
        done=_("Das Gremium ist angelegt."),
        then=lambda body: body.get_absolute_url(),
    )


def _new_row(request, model, audited_as, **values):
    return services.save_council_row(
        model(municipality=request.municipality), actor=request.member, audited_as=audited_as, **values
    )


def committee_edit(request, pk):
    body = town_object_or_404(Committee.objects.live(), request, "keep_council", pk=pk)
    return form_page(
        request,
        CommitteeForm(posted(request), instance=body),
        "council/form.html",
        save=partial(services.save_council_row, body, actor=request.member, audited_as="committee.changed"),
        done=_("Die Änderungen sind gespeichert."),
        then=body.get_absolute_url(),
        context={"heading": _("Gremium bearbeiten"), "back": body.get_absolute_url()},
    )


def membership_new(request, pk):
    """A seat in a committee; the person is chosen, or entered new in the same form."""
    body = town_object_or_404(Committee.objects.live(), request, "keep_council", pk=pk)
    return form_page(
        request,
        MembershipForm(posted(request), municipality=request.municipality),
        "council/form.html",
        save=lambda **values: services.save_council_row(
            Membership(municipality=request.municipality, committee=body),
            actor=request.member,
            audited_as="membership.created",
            **values,
        ),
        done=_("Die Mitgliedschaft ist eingetragen."),
        then=body.get_absolute_url(),
        context={
            "heading": _("Mitglied eintragen: %(name)s") % {"name": body.name},
            "back": body.get_absolute_url(),
            "after_link": (reverse("council:person_new"), _("Eine Person anlegen, die noch fehlt")),
        },
    )


def person_new(request):
    return _admin_form(
        request,
        PersonForm(posted(request)),
        {"heading": _("Person anlegen"), "back": reverse("council:overview")},
        save=partial(_new_row, request, Person, "person.created"),
        done=_("Die Person ist angelegt. Tragen Sie jetzt ihre Mitgliedschaft im Gremium ein."),
        then=reverse("council:overview"),
    )


def location_new(request):
    return _admin_form(
        request,
        LocationForm(posted(request)),
        {"heading": _("Sitzungsort anlegen"), "back": reverse("council:meeting_new")},
        save=partial(_new_row, request, Location, "location.created"),
        done=_("Der Ort ist angelegt."),
        then=reverse("council:meeting_new"),
    )


def meeting_new(request):
    return _admin_form(
        request,
        MeetingForm(posted(request), municipality=request.municipality),
        {
            "heading": _("Sitzung anlegen"),
            "back": reverse("council:overview"),
            "after_link": (reverse("council:location_new"), _("Einen Sitzungsort anlegen, der noch fehlt")),
        },
        save=partial(_new_row, request, Meeting, "meeting.created"),
        done=_("Die Sitzung ist angelegt. Jetzt fehlt ihre Tagesordnung."),
        then=lambda item: item.get_absolute_url(),
    )


def meeting_edit(request, pk):
    item = town_object_or_404(Meeting.objects.live(), request, "keep_council", pk=pk)
    return form_page(
        request,
        MeetingForm(posted(request), municipality=request.municipality, instance=item),
        "council/form.html",
        save=partial(services.save_council_row, item, actor=request.member, audited_as="meeting.changed"),
        done=_("Die Änderungen sind gespeichert."),
        then=item.get_absolute_url(),
        context={"heading": _("Sitzung bearbeiten"), "back": item.get_absolute_url()},
    )


def agenda_item_new(request, pk):
    item = town_object_or_404(
        Meeting.objects.live().select_related("committee"), request, "keep_council", pk=pk
    )
    return form_page(
        request,
        AgendaItemForm(posted(request), municipality=request.municipality, meeting=item),
        "council/form.html",
        save=lambda **values: services.save_council_row(
            AgendaItem(municipality=request.municipality, meeting=item, position=item.agenda.count() + 1),
            actor=request.member,
            audited_as="agenda_item.created",
            **values,
        ),
        done=_("Der Tagesordnungspunkt ist eingetragen."),
        then=item.get_absolute_url(),
        context={
            "heading": _("Tagesordnungspunkt: %(meeting)s") % {"meeting": item.title},
            "back": item.get_absolute_url(),
        },
    )


# --- the administration: submissions -----------------------------------------------------------------


def _open_recommendations(town):
    return (
        Contribution.objects.for_municipality(town)
        .filter(kind="recommendation", hidden_at=None, withdrawn_at=None)
        .select_related("field")
        .order_by("field__position", "title")
    )


def submission_new(request):
    """A new submission; `?feld=slug` starts it from a field's recommendations, ticked already."""
    town = request.municipality
    authorize(request, "keep_council", town)
    field = Field.objects.for_municipality(town).filter(slug=request.GET.get("feld", "")).first()
    recommendations = _open_recommendations(town)
    initial = {}
    if field is not None:
        chosen = [item for item in recommendations if item.field_id == field.pk]
        initial = {
            "field": field,
            "recommendations": chosen,
            "subject": _("Empfehlungen im Handlungsfeld %(field)s") % {"field": field.name},
            "statement": _quoted(chosen),
        }
    return form_page(
        request,
        NewSubmissionForm(
            posted(request), municipality=town, recommendations=recommendations, initial=initial
        ),
        "council/submission_form.html",
        save=partial(services.create_submission, town, actor=request.member),
        done=_("Die Vorlage ist als Entwurf angelegt."),
        then=lambda item: item.get_absolute_url(),
        context={"heading": _("Sitzungsvorlage anlegen")},
    )


def _quoted(recommendations):
    """The recommendations as the statement's first section, each quoted with its title."""
    if not recommendations:
        return ""
    lines = [_("Empfehlungen der Dialogplattform")]
    lines += [f"- **{item.title}**: {item.body}" for item in recommendations]
    return "\n".join(lines)


def submission_edit(request, pk):
    """Edit a draft; a newer version saved meanwhile is shown with its changes instead of being overwritten."""
    item = town_object_or_404(Submission.objects.live(), request, "edit_submission", pk=pk)
    form = SubmissionForm(posted(request), municipality=request.municipality, instance=item)
    conflict = None
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        version = values.pop("version") or item.version
        try:
            services.save_submission(item, actor=request.member, version=version, **values)
        except services.EditConflict as error:
            conflict = _conflict(item, version, error)
            form.add_error(None, error.messages[0])
            form.data = form.data.copy()
            form.data["version"] = error.current.version  # the next save goes over it, knowingly
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Vorlage ist gespeichert."))
            return redirect(item.get_absolute_url())
    return render(
        request,
        "council/submission_form.html",
        {"form": form, "item": item, "heading": _("Vorlage bearbeiten"), "conflict": conflict},
        status=400 if form.errors else 200,
    )


def _conflict(item, version, error):
    """What changed between the version the editor opened and the one saved meanwhile."""
    versions = {v.number: v for v in item.versions.filter(number__in=[version, error.current.version])}
    before, after = versions.get(version), versions.get(error.current.version)
    if before is None or after is None:
        return []
    return _differences(before.parts, after.parts)


def _differences(before, after):
    """Per part that differs: its label and the lines removed and added."""
    differences = []
    for part, value in after.items():
        old = before.get(part)
        if old == value:
            continue
        old_lines = (
            str(old if old is not None else "").splitlines()
            if not isinstance(old, list)
            else [str(r) for r in old]
        )
        new_lines = (
            str(value if value is not None else "").splitlines()
            if not isinstance(value, list)
            else [str(r) for r in value]
        )
        lines = [
            (line[0], line[1:]) for line in difflib.ndiff(old_lines, new_lines) if line[:1] in ("-", "+")
        ]
        label = _part_label(part)
        differences.append({"label": label, "lines": lines})
    return differences


def _part_label(part):
    labels = {
        "subject": _("Betreff"),
        "paper_type": _("Art der Vorlage"),
        "date": _("Datum"),
        "field_id": _("Handlungsfeld"),
        "decision_proposal": _("Beschlussvorschlag"),
        "external_participation": _("Beteiligung extern"),
        "financial_impact": _("Finanzielle Auswirkungen"),
        "coverage_proposal": _("Deckungsvorschlag"),
        "statement": _("Sachdarstellung und Begründung"),
        "is_public": _("öffentlich"),
        "nonpublic_reason": _("Grund für die nichtöffentliche Beratung"),
        "consultations": _("Beratungsfolge"),
        "attachments": _("Anlagen"),
    }
    return labels.get(part, part)


@require_safe
def submission_versions(request, pk):
    """Every saved version; two of them compared part by part."""
    item = town_object_or_404(Submission.objects.live(), request, "keep_council", pk=pk)
    versions = list(item.versions.select_related("saved_by__user"))
    numbers = {v.number: v for v in versions}
    newest = versions[0].number if versions else 1
    try:
        a = int(request.GET.get("von", newest - 1))
        b = int(request.GET.get("bis", newest))
    except ValueError:
        a, b = newest - 1, newest
    differences = _differences(numbers[a].parts, numbers[b].parts) if a in numbers and b in numbers else None
    return render(
        request,
        "council/submission_versions.html",
        {"item": item, "versions": versions, "a": a, "b": b, "differences": differences},
    )


def consultation_new(request, pk):
    item = town_object_or_404(Submission.objects.live(), request, "edit_submission", pk=pk)
    return form_page(
        request,
        ConsultationForm(
            posted(request),
            municipality=request.municipality,
            initial={"position": item.consultations.count() + 1},
        ),
        "council/form.html",
        save=lambda **values: services.save_consultation(
            Consultation(municipality=request.municipality, submission=item), actor=request.member, **values
        ),
        done=_("Die Beratung ist in die Beratungsfolge eingetragen."),
        then=item.get_absolute_url(),
        context={"heading": _("Beratungsfolge: ein Gremium eintragen"), "back": item.get_absolute_url()},
    )


def attachment_new(request, pk):
    item = town_object_or_404(Submission.objects.live(), request, "edit_submission", pk=pk)
    form = AttachmentForm(posted(request), request.FILES or None)
    return form_page(
        request,
        form,
        "council/form.html",
        save=partial(services.add_attachment, item, actor=request.member),
        done=_("Die Datei ist angehängt."),
        then=item.get_absolute_url(),
        context={
            "heading": _("Anlage oder Abbildung hinzufügen"),
            "back": item.get_absolute_url(),
            "multipart": True,
        },
    )


def cosignature_request(request, pk):
    item = town_object_or_404(Submission.objects.live(), request, "edit_submission", pk=pk)
    return form_page(
        request,
        CoSignatureRequestForm(posted(request), municipality=request.municipality),
        "council/form.html",
        save=partial(services.request_cosignature, item, actor=request.member),
        done=_("Der Fachbereich ist um Mitzeichnung gebeten."),
        then=item.get_absolute_url(),
        context={
            "heading": _("Um Mitzeichnung bitten"),
            "back": item.get_absolute_url(),
            "intro": [
                _(
                    "Die Mitglieder des Fachbereichs sehen die Vorlage und zeichnen für ihn mit oder lehnen ab."
                ),
                _(
                    "Jede spätere Änderung der Vorlage macht eine Mitzeichnung ungültig: dann ist sie erneut nötig."
                ),
            ],
        },
    )


def cosign(request, pk):
    """A department's member signs the version in front of them, or declines with a reason."""
    cosignature = town_object_or_404(
        CoSignature.objects.select_related("submission", "department"), request, "cosign", pk=pk
    )
    item = cosignature.submission
    return form_page(
        request,
        CoSignForm(posted(request)),
        "council/form.html",
        save=partial(services.cosign, cosignature, actor=request.member),
        done=_("Ihre Entscheidung für den Fachbereich ist eingetragen."),
        then=item.get_absolute_url(),
        context={
            "heading": _("Mitzeichnen für %(department)s") % {"department": cosignature.department.name},
            "back": item.get_absolute_url(),
            "intro": [
                _("Sie zeichnen Fassung %(version)s der Vorlage %(reference)s „%(subject)s“.")
                % {"version": item.version, "reference": item.reference, "subject": item.subject}
            ],
        },
    )


def submission_release(request, pk):
    item = town_object_or_404(Submission.objects.live(), request, "release_submission", pk=pk)
    return form_page(
        request,
        forms.Form(posted(request)),
        "council/form.html",
        save=partial(services.release_submission, item, actor=request.member),
        done=_("Die Vorlage ist freigegeben und geht an das Gremium."),
        then=item.get_absolute_url(),
        context={
            "heading": _("Vorlage %(reference)s freigeben?") % {"reference": item.reference},
            "back": item.get_absolute_url(),
            "intro": [
                _("Danach lässt sich die Vorlage nicht mehr ändern."),
                _("Ist sie öffentlich, sieht sie jede und jeder, auch über die OParl-Schnittstelle."),
            ],
            "submit": _("Ja, freigeben"),
        },
    )


def submission_withdraw(request, pk):
    item = town_object_or_404(Submission.objects.live(), request, "withdraw_submission", pk=pk)
    return form_page(
        request,
        forms.Form(posted(request)),
        "council/form.html",
        save=partial(services.withdraw_submission, item, actor=request.member),
        done=_("Die Vorlage ist zurückgezogen."),
        then=item.get_absolute_url(),
        context={
            "heading": _("Vorlage %(reference)s zurückziehen?") % {"reference": item.reference},
            "back": item.get_absolute_url(),
            "intro": [_("Die Vorlage bleibt mit allen Fassungen erhalten, wird aber nicht mehr beraten.")],
            "submit": _("Ja, zurückziehen"),
        },
    )


def decision_new(request, pk):
    """Record what the body decided on one consultation row, with the votes."""
    row = town_object_or_404(
        Consultation.objects.live().select_related("submission", "committee", "meeting"),
        request,
        "record_decision",
        pk=pk,
    )
    item = row.submission
    return form_page(
        request,
        DecisionForm(posted(request), municipality=request.municipality, consultation=row),
        "council/form.html",
        save=partial(services.record_decision, row, actor=request.member),
        done=_("Der Beschluss ist eingetragen."),
        then=item.get_absolute_url(),
        context={
            "heading": _("Beschluss: %(committee)s") % {"committee": row.committee.name},
            "back": item.get_absolute_url(),
            "intro": [
                _("Vorlage %(reference)s „%(subject)s“.")
                % {"reference": item.reference, "subject": item.subject},
                _("„Einstimmig“ und „bei Stimmengleichheit abgelehnt“ ergeben sich aus den Stimmen."),
                _("„Vertagt“ und „verwiesen“ tragen die nächste Beratung gleich in die Beratungsfolge ein."),
            ],
        },
    )


def decision_texts(request, pk):
    decision = town_object_or_404(
        Decision.objects.select_related("consultation__submission"), request, "keep_council", pk=pk
    )
    item = decision.consultation.submission
    return form_page(
        request,
        DecisionTextsForm(posted(request), instance=decision),
        "council/form.html",
        save=partial(services.save_decision_texts, decision, actor=request.member),
        done=_("Die Änderungen sind gespeichert."),
        then=item.get_absolute_url(),
        context={"heading": _("Beschluss erklären"), "back": item.get_absolute_url()},
    )


def decision_announce(request, pk):
    decision = town_object_or_404(
        Decision.objects.select_related("consultation__submission", "consultation__committee"),
        request,
        "announce_decision",
        pk=pk,
    )
    item = decision.consultation.submission
    return form_page(
        request,
        forms.Form(posted(request)),
        "council/form.html",
        save=partial(services.announce_decision, decision, actor=request.member),
        done=_("Der Beschluss ist bekanntgegeben."),
        then=item.get_absolute_url(),
        context={
            "heading": _("Beschluss bekanntgeben?"),
            "back": item.get_absolute_url(),
            "intro": [
                _(
                    "Öffentlich wird genau der Wortlaut des Beschlusses, sonst nichts aus der nichtöffentlichen Beratung."
                ),
                decision.effective_wording,
            ],
            "submit": _("Ja, bekanntgeben"),
        },
    )


def measure_new(request, pk):
    decision = town_object_or_404(
        Decision.objects.select_related("consultation__submission__field"), request, "keep_council", pk=pk
    )
    item = decision.consultation.submission
    if not decision.adopts:
        raise Http404
    return form_page(
        request,
        MeasureForm(
            posted(request),
            municipality=request.municipality,
            decision=decision,
            initial={"field": item.field},
        ),
        "council/form.html",
        save=lambda **values: services.save_measure(
            Measure(municipality=request.municipality, decision=decision), actor=request.member, **values
        ),
        done=_("Die Maßnahme ist angelegt."),
        then=lambda measure: measure.get_absolute_url(),
        context={"heading": _("Maßnahme anlegen"), "back": item.get_absolute_url()},
    )


def measure_edit(request, slug):
    item = town_object_or_404(
        Measure.objects.select_related("decision__consultation__submission"),
        request,
        "keep_measure",
        slug=slug,
    )
    return form_page(
        request,
        MeasureForm(
            posted(request), municipality=request.municipality, decision=item.decision, instance=item
        ),
        "council/form.html",
        save=partial(services.save_measure, item, actor=request.member),
        done=_("Die Maßnahme ist gespeichert."),
        then=item.get_absolute_url(),
        context={"heading": _("Maßnahme bearbeiten"), "back": item.get_absolute_url()},
    )


@require_safe
def meeting_report(request, pk):
    """The status report of measures for a meeting: every measure of decisions taken up to its day."""
    item = town_object_or_404(
        Meeting.objects.live().select_related("committee"), request, "keep_council", pk=pk
    )
    rows = list(
        Measure.objects.for_municipality(request.municipality)
        .filter(decision__recorded_at__lte=item.start)
        .select_related("field", "owner", "decision__consultation__submission")
        .order_by("status", "due_on")
    )
    return render(
        request,
        "council/meeting_report.html",
        {
            "meeting": item,
            "measures": rows,
            "late": [m for m in rows if m.is_late],
            "done": [m for m in rows if m.status == MeasureStatus.DONE],
        },
    )


@require_safe
def my_cosignatures(request):
    """What the member's departments are asked to co-sign."""
    authorize(request, "view_own_cosignatures", request.member)
    departments = (
        OrganisationMembership.objects.for_municipality(request.municipality)
        .filter(member=request.member)
        .values("organisation_id")
    )
    rows = (
        CoSignature.objects.for_municipality(request.municipality)
        .filter(department__in=departments, submission__deleted_at=None)
        .select_related("submission", "department", "signed_by__user")
        .order_by("-requested_at")
    )
    return render(
        request, "council/my_cosignatures.html", {"cosignatures": rows, "drafts": SubmissionStatus.DRAFT}
    )


# --- the administration: imports from another council system ------------------------------------------


def imports(request):
    """Start an import from the town's council information system; the runs so far, newest first."""
    from ankommen.council import tasks

    town = request.municipality
    authorize(request, "keep_council", town)
    return form_page(
        request,
        ImportForm(posted(request)),
        "council/imports.html",
        save=lambda url: tasks.start_import(town, url, started_by=request.member),
        done=_("Der Import ist gestartet. Diese Seite zeigt, wie weit er ist."),
        then=lambda run: reverse("council:import_run", args=[run.pk]),
        context={
            "heading": _("Aus dem Ratsinformationssystem übernehmen (OParl)"),
            "runs": ImportRun.objects.for_municipality(town).select_related("started_by__user")[:20],
        },
    )


@require_safe
def import_run(request, pk):
    """One import: how far it is (per kind of object: read, new, changed), and a line per problem."""
    run = town_object_or_404(
        ImportRun.objects.select_related("started_by__user"), request, "keep_council", pk=pk
    )
    names = {
        "organization": _("Gremien"),
        "person": _("Personen"),
        "membership": _("Mitgliedschaften"),
        "meeting": _("Sitzungen"),
        "location": _("Orte"),
        "agendaItem": _("Tagesordnungspunkte"),
        "paper": _("Vorlagen"),
        "consultation": _("Beratungen"),
        "file": _("Dateien"),
    }
    counts = [
        (names.get(kind, kind), numbers)
        for kind, numbers in run.counts.items()
        if isinstance(numbers, dict) and kind not in ("pages", "quirks")
    ]
    return render(
        request,
        "council/import_run.html",
        {"run": run, "counts": counts, "running": run.status == "running"},
    )
