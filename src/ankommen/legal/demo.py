"""The demo town's legal pages: complete, realistic, and clearly a demo (no real people, demo addresses)."""

from datetime import date, timedelta

from django.utils import timezone

from ankommen.legal.models import (
    AccessibilityStatement,
    BarrierReport,
    BarrierReportKind,
    Compliance,
    EasyLanguageText,
    ExemptionReason,
    Imprint,
    NonAccessibleContent,
    PrivacyNotice,
    ReviewMethod,
    TermsVersion,
)

RATHAUS = "Rathaus\nJakob-Sigle-Platz 1\n70806 Kornwestheim"
DEMO_PHONE = "+49 7154 0000-0 (Demo)"

IMPRINT = {
    "body_name": "Stadt Kornwestheim",
    "legal_form": "Körperschaft des öffentlichen Rechts",
    "represented_by": "Oberbürgermeisterin/Oberbürgermeister",
    "address": RATHAUS,
    "phone": DEMO_PHONE,
    "email": "impressum@demo.ankommen.example",
    "vat_id": "",
    "supervisory_authority": "Regierungspräsidium Stuttgart (Rechtsaufsicht)",
    "content_responsible": "Integrationsbeauftragte/Integrationsbeauftragter der Stadt Kornwestheim",
    "content_responsible_address": RATHAUS,
    "notes": (
        "Dies ist eine Demo-Installation von Ankommen. Alle Angaben dienen nur der Veranschaulichung; "
        "Telefonnummern und E-Mail-Adressen sind nicht erreichbar.\n\n"
        "Haftung für Links: Diese Plattform enthält Links zu Seiten Dritter. Für deren Inhalte sind "
        "allein die jeweiligen Anbieter verantwortlich. Wird uns ein rechtswidriger Inhalt bekannt, "
        "entfernen wir den Link.\n\n"
        "Beiträge und Kommentare geben die Meinung der Personen wieder, die sie geschrieben haben, "
        "nicht die der Stadt. Die Moderation blendet Beiträge aus, die gegen die Nutzungsbedingungen "
        "verstoßen."
    ),
}

PRIVACY_TEXT = """Wir nehmen den Schutz Ihrer Daten ernst. Hier erfahren Sie, welche Daten die Dialogplattform verarbeitet, wozu und wie lange.

Zweck und Rechtsgrundlage
Die Stadt betreibt die Dialogplattform, um die Bürgerinnen und Bürger an der Integrationsarbeit zu beteiligen. Das ist eine Aufgabe im öffentlichen Interesse (Art. 6 Abs. 1 Buchstabe e DSGVO in Verbindung mit § 4 Landesdatenschutzgesetz Baden-Württemberg). Für ein Konto und für Ihre Beiträge verarbeiten wir Daten, weil Sie uns darum bitten (Art. 6 Abs. 1 Buchstabe b DSGVO).

Lesen ohne Konto
Wenn Sie die Seiten nur lesen, speichert der Server für höchstens 7 Tage technische Angaben zu jedem Abruf: Zeitpunkt, aufgerufene Adresse und Ihre IP-Adresse. Wir brauchen sie, um Angriffe abzuwehren und Fehler zu finden. Wir setzen keine Cookies zur Analyse oder Werbung und binden keine Inhalte anderer Anbieter ein; Schriften und Videos kommen von unserem eigenen Server.

Konto und Beiträge
Für ein Konto speichern wir Ihre E-Mail-Adresse, Ihren Anzeigenamen und Ihre Rolle. Ihre Beiträge, Kommentare und Unterstützungen erscheinen mit Ihrem Anzeigenamen. Ein Cookie hält Sie angemeldet; ein weiteres schützt Formulare vor Missbrauch. Beide sind technisch notwendig. Sie können Ihr Konto jederzeit löschen lassen; Ihre Beiträge bleiben dann ohne Ihren Namen stehen.

Barriere-Meldungen
Wenn Sie eine Barriere melden, speichern wir Ihre Nachricht. Name und E-Mail-Adresse sind freiwillig; wir nutzen sie nur, um Ihnen zu antworten.

Empfänger
Ihre Daten verarbeitet nur die Stadtverwaltung. Die Plattform läuft auf Servern in Deutschland. Wir geben keine Daten an Dritte weiter, außer wenn ein Gesetz uns dazu verpflichtet.

Ihre Rechte
Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18) und Widerspruch (Art. 21). Wenden Sie sich dafür an die Datenschutzbeauftragte oder den Datenschutzbeauftragten der Stadt. Sie können sich auch beim Landesbeauftragten für den Datenschutz und die Informationsfreiheit Baden-Württemberg beschweren.

Dies ist eine Demo-Installation: Der Text zeigt, wie eine Datenschutzerklärung aussehen kann, und ersetzt keine Prüfung durch die Stadt."""

PRIVACY = {
    "controller": "Stadt Kornwestheim\nJakob-Sigle-Platz 1\n70806 Kornwestheim",
    "officer_name": "Datenschutzbeauftragte/Datenschutzbeauftragter der Stadt Kornwestheim",
    "officer_address": RATHAUS,
    "officer_email": "datenschutz@demo.ankommen.example",
    "officer_phone": DEMO_PHONE,
    "text": PRIVACY_TEXT,
}

TERMS_1 = """Die Dialogplattform ist ein Ort für einen respektvollen Austausch über Integration in Kornwestheim. Mit Ihrem Konto stimmen Sie diesen Regeln zu.

Respekt
Wir begegnen einander freundlich und auf Augenhöhe. Beleidigungen, Drohungen, Diskriminierung und Hetze gegen Menschen oder Gruppen haben hier keinen Platz.

Beim Thema bleiben
Beiträge und Kommentare gehören zum Handlungsfeld und zur Stufe, in der sie stehen. Werbung und Parteiwerbung sind nicht erlaubt.

Daten anderer schützen
Schreiben Sie keine Namen, Adressen oder Fotos anderer Menschen ohne deren Einverständnis.

Moderation
Die Moderation blendet Beiträge aus, die gegen diese Regeln verstoßen. An der Stelle steht dann für alle sichtbar der Grund. Bei wiederholten Verstößen kann die Stadt ein Konto sperren."""

TERMS_2 = """Die Dialogplattform ist ein Ort für einen respektvollen Austausch über Integration in Kornwestheim. Mit Ihrem Konto stimmen Sie diesen Regeln zu.

Respekt
Wir begegnen einander freundlich und auf Augenhöhe. Beleidigungen, Drohungen, Diskriminierung und Hetze gegen Menschen oder Gruppen haben hier keinen Platz.

Beim Thema bleiben
Beiträge und Kommentare gehören zum Handlungsfeld und zur Stufe, in der sie stehen. Werbung und Parteiwerbung sind nicht erlaubt.

Verständlich schreiben
Viele Menschen hier lernen noch Deutsch. Schreiben Sie kurze Sätze und erklären Sie Abkürzungen. Sie dürfen auch in Ihrer Sprache schreiben; die Plattform kann Beiträge übersetzen lassen.

Daten anderer schützen
Schreiben Sie keine Namen, Adressen oder Fotos anderer Menschen ohne deren Einverständnis.

Melden
Wenn Sie einen Beitrag für unangemessen halten, melden Sie ihn. Die Moderation sieht sich jede Meldung an.

Moderation
Die Moderation blendet Beiträge aus, die gegen diese Regeln verstoßen. An der Stelle steht dann für alle sichtbar der Grund. Bei wiederholten Verstößen kann die Stadt ein Konto sperren."""

TERMS_2_CHANGES = "Neu: verständlich schreiben, Beiträge in der eigenen Sprache und das Melden von Beiträgen."

TERMS = [
    ("1", date(2023, 3, 1), "", TERMS_1),
    ("2", date(2025, 1, 15), TERMS_2_CHANGES, TERMS_2),
]

STATEMENT = {
    "compliance": Compliance.PARTIAL,
    "prepared_on": date(2025, 3, 1),
    "reviewed_on": date(2025, 9, 15),
    "review_method": ReviewMethod.SELF_ASSESSMENT,
    "reviewer": "",
    "contact_name": (
        "Beauftragte/Beauftragter für die Belange von Menschen mit Behinderungen der Stadt Kornwestheim"
    ),
    "contact_address": RATHAUS,
    "contact_phone": DEMO_PHONE,
    "contact_email": "barrierefreiheit@demo.ankommen.example",
}

NON_ACCESSIBLE = [
    (
        "Ältere PDF-Anhänge, zum Beispiel die Sitzungsvorlage zum Integrationskonzept vom 22. März 2017",
        ExemptionReason.OUT_OF_SCOPE,
        "Einige Anhänge liegen nur als eingescannte PDF-Dateien vor; Bildschirmleseprogramme können sie "
        "nicht vorlesen. Dateien von Büroanwendungen, die vor dem 23. September 2018 veröffentlicht wurden, "
        "fallen nicht unter die Anforderungen, solange sie für kein laufendes Verwaltungsverfahren nötig sind.",
        "Die Inhalte der Sitzungsvorlage stehen als Text auf der Startseite: das Integrationskonzept und die "
        "Handlungsfelder. Auf Anfrage schicken wir Ihnen die Vorlage als barrierefreies Dokument.",
    ),
    (
        "Videos von Veranstaltungen ohne Übersetzung in Deutsche Gebärdensprache",
        ExemptionReason.DISPROPORTIONATE_BURDEN,
        "Die Aufzeichnungen der Ankommenskonferenz haben Untertitel, aber keine Übersetzung in Deutsche "
        "Gebärdensprache. Sie alle nachträglich übersetzen zu lassen, wäre eine unverhältnismäßige Belastung. "
        "Neue Videos planen wir mit Gebärdensprache.",
        "Auf Anfrage erhalten Sie eine schriftliche Zusammenfassung. Für Veranstaltungen können Sie bei der "
        "Anmeldung eine Dolmetschung in Gebärdensprache anfragen.",
    ),
]

EASY_LANGUAGE_CONTENT = """Diese Internet·seite ist von der Stadt Kornwestheim.
Hier geht es um Integration.
Integration heißt:
Alle Menschen in Kornwestheim sollen gut zusammen·leben.
Egal, woher sie kommen.

Die Stadt Kornwestheim hat einen Plan für Integration.
Der Plan heißt: Integrations·konzept.
Im Plan stehen 3 wichtige Themen:
Arbeit und Ausbildung.
Wohnen und Leben.
Kinder·garten und Schule.

Zu jedem Thema gibt es 2 Schritte.
Im 1. Schritt sammeln Fach·leute:
Was ist schon gut?
Was fehlt noch?
Im 2. Schritt machen viele Menschen Vorschläge.
Zum Beispiel Menschen aus Vereinen.
Oder Menschen aus der Politik.
Oder Menschen aus der Stadt·verwaltung.
Danach entscheidet der Gemeinde·rat über die Vorschläge.

Sie können alles auf dieser Internet·seite lesen.
Sie wollen mit·machen?
Dann melden Sie sich an.
Dann können Sie zum Beispiel:
Vorschläge unterstützen.
Etwas zu den Vorschlägen schreiben."""

REPORTS = [
    # (days ago, kind, subject, location, message, name, e-mail)
    (
        3,
        BarrierReportKind.ACCESSIBLE_FORMAT,
        "Sitzungsvorlage von 2017 in barrierefreier Form",
        "Erklärung zur Barrierefreiheit: ältere PDF-Anhänge",
        "Ich nutze ein Bildschirmleseprogramm. Die Sitzungsvorlage zum Integrationskonzept kann ich als "
        "PDF nicht lesen. Bitte schicken Sie mir den Text als barrierefreies Dokument.",
        "Demo-Person",
        "leserin@demo.ankommen.example",
    ),
    (
        40,
        BarrierReportKind.BARRIER,
        "Filter im Handlungsfeld schwer zu lesen",
        "https://kornwestheim.ankommen.example/handlungsfelder/wohnen-und-leben/",
        "Die grauen Hinweise neben den Filtern kann ich mit meiner Sehbehinderung kaum lesen. "
        "Der Kontrast ist zu schwach.",
        "",
        "sehen@demo.ankommen.example",
    ),
]


def load(town, stdout):
    Imprint.objects.get_or_create(municipality=town, defaults=IMPRINT)
    PrivacyNotice.objects.get_or_create(municipality=town, defaults=PRIVACY)
    for number, dated, changes, text in TERMS:
        TermsVersion.objects.get_or_create(
            municipality=town,
            number=number,
            defaults={"dated": dated, "changes": changes, "text": text, "published_at": timezone.now()},
        )
    statement, created = AccessibilityStatement.objects.get_or_create(municipality=town, defaults=STATEMENT)
    if created:
        for position, row in enumerate(NON_ACCESSIBLE):
            values = dict(zip(("content", "reason", "explanation", "alternative"), row, strict=True))
            NonAccessibleContent.objects.create(
                municipality=town, statement=statement, position=position, **values
            )
    EasyLanguageText.objects.get_or_create(municipality=town, defaults={"content": EASY_LANGUAGE_CONTENT})
    for days_ago, kind, subject, location, message, name, email in REPORTS:
        BarrierReport.objects.get_or_create(
            municipality=town,
            subject=subject,
            defaults={
                "kind": kind,
                "location": location,
                "message": message,
                "name": name,
                "email": email,
                "received_at": timezone.now() - timedelta(days=days_ago),
            },
        )
    stdout.write("Rechtliche Seiten, Erklärung zur Barrierefreiheit und Leichte Sprache angelegt.")
