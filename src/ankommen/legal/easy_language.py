"""The texts in Leichte Sprache that are the same in every town, and how a town's page is put together.

Leichte Sprache is a language of its own here, not a translation of the UI: these texts are not
passed through gettext. They follow the rules of the Netzwerk Leichte Sprache: one statement per
sentence and per line, common words, a medio-point (·) in long compound words, "Sie".
A town's admins may replace each of them; a text left empty shows the one below.
"""

from dataclasses import dataclass

from ankommen.legal.models import Part

TITLE = "Leichte Sprache"
INTRODUCTION = "Hier finden Sie Informationen in Leichter Sprache."

HEADINGS = {
    Part.CONTENT: "Was gibt es auf dieser Internet·seite?",
    Part.NAVIGATION: "Wie finden Sie sich auf der Internet·seite zurecht?",
    Part.ACCESSIBILITY: "Barriere·freiheit: Das Wichtigste",
}

STATEMENT_LINK = "Hier ist die Erklärung zur Barriere·freiheit in schwerer Sprache."
REPORT_LINK = "Hier ist das Formular: Barriere melden."
CONTENTS_LABEL = "Inhalt dieser Seite"
PAGE = {
    "title": TITLE,
    "introduction": INTRODUCTION,
    "contents_label": CONTENTS_LABEL,
    "statement_link": STATEMENT_LINK,
    "report_link": REPORT_LINK,
}

# The town's name goes where {town} stands.
CONTENT = """Diese Internet·seite ist von der Stadt {town}.
Die Internet·seite heißt: Dialog·plattform.
Auf der Dialog·plattform geht es um Integration.
Integration heißt hier:
Alle Menschen in {town} sollen gut zusammen·leben.
Auch die Menschen, die neu in {town} sind.

Auf der Dialog·plattform können Menschen ihre Ideen sagen.
Und sie können von ihren Erfahrungen erzählen.
Die Stadt sammelt die Ideen.
Dann beraten Fach·leute über die Ideen.
Danach entscheidet der Gemeinde·rat.

Sie können alle Seiten lesen.
Dafür brauchen Sie kein Konto.
Sie wollen selbst mit·machen?
Dann brauchen Sie ein Konto."""

NAVIGATION = """Oben auf jeder Seite sind Links.
Ein Link bringt Sie zu einer anderen Seite.

Der Link „Start“ bringt Sie zur ersten Seite.
Mit dem Link „Anmelden“ kommen Sie in Ihr Konto.
Mit dem Link „Registrieren“ machen Sie ein neues Konto.

Oben ist auch eine Liste mit Sprachen.
Dort können Sie eine andere Sprache wählen.

Ganz unten auf jeder Seite sind auch Links.
Zum Beispiel diese Links:
Leichte Sprache.
Gebärden·sprache.
Impressum.
Dort steht: Wer ist für die Internet·seite verantwortlich?
Datenschutz.
Dort steht: Was passiert mit Ihren Daten?
Barriere·freiheit.
Dort steht: Welche Teile sind noch nicht barriere·frei?

Sie benutzen keine Maus?
Dann benutzen Sie die Tabulator·taste.
Die Tabulator·taste ist links auf der Tastatur.
Mit der Tabulator·taste springen Sie von Link zu Link.
Ganz am Anfang kommt der Link „Zum Inhalt springen“.
Mit diesem Link kommen Sie direkt zum wichtigen Teil der Seite."""

ACCESSIBILITY = """Die Stadt will:
Alle Menschen können diese Internet·seite gut benutzen.
Auch Menschen mit Behinderung.
Das heißt: Barriere·freiheit.

Die Stadt prüft die Internet·seite.
Manche Teile sind noch nicht barriere·frei.
Diese Teile stehen in der Erklärung zur Barriere·freiheit.

Sie finden auf der Internet·seite eine Barriere?
Oder Sie brauchen einen Inhalt in einer anderen Form?
Zum Beispiel in Leichter Sprache.
Dann schreiben Sie der Stadt.
Dafür gibt es ein Formular.
Das Formular heißt: Barriere melden.
Sie brauchen dafür kein Konto.
Ihr Name ist freiwillig.
Sie möchten eine Antwort?
Dann schreiben Sie Ihre E-Mail-Adresse in das Formular.
Die Stadt antwortet Ihnen in 1 Monat.

Sie sind mit der Antwort nicht zufrieden?
Dann gibt es eine Schlichtungs·stelle.
Die Schlichtungs·stelle hilft bei Streit über Barriere·freiheit.
Die Hilfe kostet nichts."""

DEFAULTS = {Part.CONTENT: CONTENT, Part.NAVIGATION: NAVIGATION, Part.ACCESSIBILITY: ACCESSIBILITY}
FIELDS = {Part.CONTENT: "content", Part.NAVIGATION: "navigation", Part.ACCESSIBILITY: "accessibility"}


@dataclass(frozen=True)
class Section:
    part: str
    heading: str
    text: str
    is_default: bool


def sections(town, texts):
    """The three parts of the town's page: its own text where it wrote one, else the default."""
    result = []
    for part in Part:
        own = getattr(texts, FIELDS[part], "") if texts is not None else ""
        text = own or DEFAULTS[part].replace("{town}", town.name)
        result.append(Section(part.value, HEADINGS[part], text, not own))
    return result
