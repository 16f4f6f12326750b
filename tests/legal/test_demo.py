"""The demo town's legal pages are loaded once, complete, and a second run adds nothing."""

from io import StringIO

from django.core.management import call_command

from ankommen.legal.models import (
    AccessibilityStatement,
    BarrierReport,
    EasyLanguageText,
    Imprint,
    NonAccessibleContent,
    PrivacyNotice,
    SignLanguageVideo,
    TermsVersion,
)

MODELS = (
    Imprint,
    PrivacyNotice,
    TermsVersion,
    AccessibilityStatement,
    NonAccessibleContent,
    EasyLanguageText,
    BarrierReport,
)


def test_the_demo_is_complete_and_idempotent(town):
    before = [model.objects.filter(municipality=town).count() for model in MODELS]
    assert before == [1, 1, 2, 1, 2, 1, 2]
    call_command("demo", stdout=StringIO())
    assert [model.objects.filter(municipality=town).count() for model in MODELS] == before
    assert not SignLanguageVideo.objects.exists()


def test_the_demo_uses_no_real_names_and_only_demo_addresses(town):
    imprint = Imprint.objects.get(municipality=town)
    assert imprint.represented_by == "Oberbürgermeisterin/Oberbürgermeister"
    emails = [
        imprint.email,
        PrivacyNotice.objects.get(municipality=town).officer_email,
        AccessibilityStatement.objects.get(municipality=town).contact_email,
        *BarrierReport.objects.filter(municipality=town).exclude(email="").values_list("email", flat=True),
    ]
    assert all(email.endswith("@demo.ankommen.example") for email in emails)
