"""The demo's arrival stories: twelve invented people who came to Kornwestheim, and their brochure.

The seed has Kornwestheim collect Ankommensgeschichten and publish them as the Ankommensbroschüre,
"portraits and interviews of people who arrive or have arrived". The demo tells twelve such stories,
all invented and marked so (`is_fictional`): people who came between 2014 and 2023 from Syria,
Afghanistan, Iraq, Iran, Eritrea, Gambia, Turkey, Romania, Kosovo and Ukraine, about work, language,
school, neighbourhood, housing, volunteering and family, in the town's districts. Three told theirs
in Arabic or Persian: the German is the translation, and their own words are the story's reviewed
translation into that language (`demo_texts.ORIGINALS`).

The consent texts for the five purposes come first, in German and checked in every language the town
offers (`demo_texts`; saved as the town's system without an audit line each, like an import's texts).
The rest goes through the app's services, as the town's editor Rita Neumann (an account this demo
makes, role `editor`) would do it: consents signed on paper and recorded with a scan (a small PDF),
and the one storyteller with an account (Amal Haddad, the demo's `mitglied`) consenting online
herself. Ten stories are published; one was taken off when its teller withdrew the consent to the
web; one waits in review for its consent. The photos are drawings made here with Pillow — no photo
shows a person — set through `services.set_photo` like an upload. Two stories carry notes between
the editors and the teller, two published ones a reader's comment.

Last, the brochure of the stories that may be printed is set at once (`brochures.build`, not the
task, so the demo has it the moment it is loaded) and published. A second run changes nothing: the
first story's slug marks that the stories are there.
"""

import io
from datetime import date, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import formats, timezone, translation
from PIL import Image, ImageDraw

from ankommen.accounts.demo import DEMO_PASSWORD, demo_email, members_by_local_part
from ankommen.accounts.models import Member, User
from ankommen.concept.models import Field
from ankommen.core.actors import SystemActor
from ankommen.core.languages import SOURCE
from ankommen.core.models import TranslationState
from ankommen.core.translation import save_translation
from ankommen.stories import brochures, services
from ankommen.stories.demo_texts import ORIGINALS, PURPOSE_PARTS, consent_text
from ankommen.stories.models import (
    Consent,
    ConsentText,
    Naming,
    Purpose,
    Story,
    StoryComment,
    StoryKind,
    StoryNote,
    Theme,
)
from ankommen.stories.rules import EDITOR

EDITOR_LOCAL = "redaktion"
EDITOR_NAME = "Rita Neumann"
TEXTS_VALID_FROM = date(2025, 1, 1)

WIRTSCHAFT = "wirtschaft-und-berufliche-bildung"
WOHNEN = "wohnen-und-leben"
BILDUNG = "fruehkindliche-und-schulische-bildung"

WEB, BROCHURE, PRESS = Purpose.WEB, Purpose.BROCHURE, Purpose.PRESS
TRANSLATION, EASY = Purpose.TRANSLATION, Purpose.EASY_LANGUAGE

# The stories. "person": the Story's details; "consent": (language of the text, days ago signed,
# purposes, given by (the person if empty), {purpose: valid for days}); "published": days ago, or
# "withdrawn" (published once, the consent to the web withdrawn since), or "review" (no consent yet);
# "photo": (drawing, its description) or None; "teller": a demo member whose story it is (consents
# online). The first slug marks the demo as loaded.
STORIES = [
    {
        "slug": "wieder-mit-kindern-arbeiten",
        "kind": StoryKind.PORTRAIT,
        "title": "„Ich wollte wieder mit Kindern arbeiten“",
        "teaser": "Rasha Khalil war in Aleppo Grundschullehrerin. In Kornwestheim hat sie noch einmal von vorn "
        "angefangen. Heute ist sie Erzieherin in einer Kita in der Weststadt.",
        "body": "Im Herbst 2015 kam Rasha Khalil mit ihrem Mann und zwei kleinen Kindern nach Kornwestheim. Die "
        "Familie wohnte zuerst in einer Gemeinschaftsunterkunft, dann zwei Jahre in einer kleinen Wohnung in der "
        "Weststadt. „Am Anfang habe ich nur gewartet“, erzählt sie. „Auf Briefe, auf Termine, auf einen Platz "
        "im Sprachkurs.“\n\n"
        "In Syrien hatte sie acht Jahre lang an einer Grundschule unterrichtet. In Deutschland wurde ihr "
        "Abschluss als Lehrerin nicht anerkannt. „Das war bitter. Aber eine Beraterin hat mir gesagt: Sie "
        "können Erzieherin werden und wieder mit Kindern arbeiten. Das war der Satz, den ich gebraucht habe.“\n\n"
        "Sie lernte Deutsch im Integrationskurs und danach weiter bis zum Niveau B2. 2018 begann sie die "
        "Ausbildung zur Erzieherin, die Arbeit und Schule verbindet: drei Tage in der Woche in einer Kita, zwei "
        "Tage in der Fachschule. Abends lernte sie, wenn ihre Kinder schliefen. Die Fachwörter schrieb sie auf "
        "kleine Karten, auf die eine Seite Deutsch, auf die andere Arabisch.\n\n"
        "Heute arbeitet Rasha Khalil in einer Kita in der Weststadt. Viele Eltern dort sprechen zu Hause eine "
        "andere Sprache als Deutsch. „Manchmal übersetze ich beim Elterngespräch. Aber vor allem sage ich den "
        "Eltern: Ihr Kind darf zwei Sprachen haben.“ Jeden Morgen begrüßen sich die Kinder ihrer Gruppe in drei "
        "Sprachen, die sie selbst aussuchen.\n\n"
        "Was hat ihr am meisten geholfen? Sie überlegt lange. „Menschen, die mir vertraut haben. Die "
        "Anleiterin in meiner ersten Kita hat nie gesagt: Das kannst du nicht. Sie hat gesagt: Versuch es, ich "
        "bin da.“",
        "person": {
            "given_name": "Rasha",
            "family_name": "Khalil",
            "naming": Naming.FULL,
            "arrival_year": 2015,
            "origin": "Syrien",
            "show_origin": True,
            "original_language": "ar",
        },
        "themes": [Theme.WORK, Theme.LANGUAGE, Theme.FAMILY],
        "fields": [WIRTSCHAFT, BILDUNG],
        "photo": (
            "blocks",
            "Zeichnung: ein Turm aus Bauklötzen auf einem Holztisch – unten zwei Würfel in Rot und Blau, darauf "
            "ein gelber Bogen und oben ein grünes Dreieck.",
        ),
        "consent": ("ar", 320, [WEB, BROCHURE, TRANSLATION, EASY, PRESS], "", {PRESS: 400}),
        "published": 316,
    },
    {
        "slug": "eine-tuer-die-offen-steht",
        "kind": StoryKind.PORTRAIT,
        "title": "Eine Tür, die offen steht",
        "teaser": "Amal kam 2016 aus Homs nach Kornwestheim. Heute kennt sie in der Oststadt fast alle "
        "Nachbarinnen und lädt jeden Donnerstag zum Frühstück in den Stadtteiltreff ein.",
        "body": "Als Amal im Winter 2016 in die Oststadt zog, kannte sie niemanden im Haus. „Im Treppenhaus haben "
        "alle freundlich gegrüßt, und dann war die Tür zu“, sagt sie und lacht. „In Homs standen die Türen "
        "offen. Hier musste ich lernen, wann man klingelt.“\n\n"
        "Sie lernte es mit einem Kuchen. Als die ältere Nachbarin aus dem zweiten Stock im Krankenhaus war, "
        "brachte Amal ihr Essen. Danach lud die Nachbarin sie zum Kaffee ein. „Sie hat mir die Mülltrennung "
        "erklärt, und ich habe ihr gezeigt, wie man Maqluba kocht. Wir reden bis heute jede Woche.“\n\n"
        "Deutsch hat Amal im Kurs gelernt, aber richtig sprechen erst im Alltag: beim Elternabend, beim Arzt, "
        "im Treppenhaus. Heute hilft sie selbst. Jeden Donnerstag organisiert sie im Stadtteiltreff ein "
        "Frühstück für Frauen aus der Nachbarschaft. Manche sind erst seit ein paar Wochen in Kornwestheim, "
        "manche wohnen schon vierzig Jahre hier.\n\n"
        "Seit einem Jahr macht Amal auch in der Dialogplattform mit. Sie schreibt Beiträge zum Handlungsfeld "
        "Wohnen und Leben, vor allem über Nachbarschaft. „Viele Probleme sind klein, wenn man sich kennt: der "
        "Lärm, die Kinder im Hof, der Keller. Schwierig wird es, wenn niemand miteinander spricht.“\n\n"
        "Was würde sie jemandem sagen, der gerade ankommt? „Geh zu den Treffen, auch wenn du wenig verstehst. "
        "Beim dritten Mal verstehst du mehr. Und bring etwas zu essen mit.“",
        "person": {
            "given_name": "Amal",
            "family_name": "Haddad",
            "naming": Naming.FIRST,
            "arrival_year": 2016,
            "origin": "Syrien",
            "show_origin": True,
        },
        "themes": [Theme.NEIGHBOURHOOD, Theme.VOLUNTEERING, Theme.LANGUAGE],
        "fields": [WOHNEN],
        "photo": (
            "tea",
            "Zeichnung: ein runder Tisch von oben, darauf vier Gläser mit Tee und in der Mitte ein Teller mit "
            "Gebäck.",
        ),
        "teller": "mitglied",
        "consent": ("ar", 0, [WEB, TRANSLATION], "", {}),
        "published": 0,
    },
    {
        "slug": "in-der-werkstatt-deutsch-gelernt",
        "kind": StoryKind.INTERVIEW,
        "title": "„In der Werkstatt habe ich Deutsch gelernt“",
        "teaser": "Mahdi kam mit 16 Jahren allein aus Afghanistan. Heute ist er Kfz-Mechatroniker in einer "
        "Werkstatt in der Südstadt und will die Meisterschule besuchen. Ein Gespräch über Schraubenschlüssel, "
        "Fachwörter und Geduld.",
        "body": "Mahdi kam 2015 allein nach Deutschland, mit 16 Jahren. Er wohnte zuerst in einer Wohngruppe für "
        "Jugendliche und besuchte an der Berufsschule eine Klasse für junge Geflüchtete. Heute arbeitet er nach "
        "seiner Ausbildung als Kfz-Mechatroniker in einer Autowerkstatt in der Südstadt.\n\n"
        "Das Gespräch haben wir auf Dari geführt, seiner Muttersprache. Hier steht es auf Deutsch; seine eigenen "
        "Worte stehen in der persischen Fassung.",
        "answers": [
            (
                "Wie war dein erster Tag in Kornwestheim?",
                "Es war kalt, und ich war sehr müde. Ein Betreuer hat mir ein Zimmer gezeigt und gesagt: „Hier "
                "bist du sicher.“ Das Wort „sicher“ habe ich damals nicht verstanden. Aber sein Gesicht habe ich "
                "verstanden.",
            ),
            (
                "Wie bist du zur Autowerkstatt gekommen?",
                "Schon in Herat habe ich meinem Onkel in seiner Werkstatt geholfen. An der Berufsschule mussten "
                "wir ein Praktikum machen. Ich bin mit meinem Lebenslauf von Werkstatt zu Werkstatt gegangen. "
                "Bei der dritten hat der Chef gesagt: „Komm morgen um sieben.“ Nach dem Praktikum hat er mir "
                "einen Ausbildungsplatz angeboten.",
            ),
            (
                "Was war in der Ausbildung am schwersten?",
                "Die Berufsschule. In der Werkstatt kann ich zeigen, was ich kann. In der Prüfung muss ich es "
                "aufschreiben. Wörter wie „Drehmomentschlüssel“ oder „Einspritzanlage“ habe ich hundertmal "
                "geschrieben. Ein Rentner hat drei Jahre lang jeden Samstag mit mir gelernt.",
            ),
            (
                "Und heute?",
                "2021 habe ich die Gesellenprüfung bestanden. Seitdem arbeite ich in derselben Werkstatt. Jetzt "
                "zeige ich selbst den Praktikanten, wie man das Öl wechselt. Ich spare für die Meisterschule.",
            ),
            (
                "Was wünschst du dir?",
                "Dass Betriebe jungen Leuten eine Chance geben, auch wenn ihr Deutsch noch nicht perfekt ist. "
                "Und dass meine Mutter mich einmal hier besuchen kann.",
            ),
        ],
        "person": {
            "given_name": "Mahdi",
            "family_name": "Ahmadi",
            "naming": Naming.FIRST,
            "arrival_year": 2015,
            "origin": "Afghanistan",
            "show_origin": True,
            "original_language": "fa",
        },
        "themes": [Theme.WORK, Theme.LANGUAGE],
        "fields": [WIRTSCHAFT],
        "photo": (
            "gears",
            "Zeichnung: zwei ineinandergreifende Zahnräder, ein großes in Orange und ein kleines in Grau, auf "
            "dunkelblauem Grund.",
        ),
        "consent": ("fa", 250, [WEB, BROCHURE, TRANSLATION], "", {}),
        "published": 245,
    },
    {
        "slug": "hundertzwanzig-wohnungen-eine-zusage",
        "kind": StoryKind.PORTRAIT,
        "title": "Hundertzwanzig Wohnungen, eine Zusage",
        "teaser": "Samir hat mit seiner Familie fast vier Jahre in einer Unterkunft der Stadt gewohnt. Dann kam "
        "nach über hundert Anfragen eine Zusage aus Pattonville. Er erzählt, was die Suche mit seiner Familie "
        "gemacht hat.",
        "body": "Samir heißt eigentlich anders. Er möchte seinen Namen nicht im Internet lesen, weil ein Teil "
        "seiner Familie noch im Irak lebt. Er kam 2016 aus Mossul nach Kornwestheim, mit seiner Frau und drei "
        "Kindern. Zwei Jahre vorher hatte die Familie ihre Stadt verlassen müssen.\n\n"
        "Die Familie lebte fast vier Jahre in der Anschlussunterbringung, also in einer Wohnung, die die Stadt "
        "für Geflüchtete bereitstellt: zwei Zimmer und eine Küche, die sie mit einer anderen Familie teilte. "
        "„Die Kinder haben ihre Hausaufgaben auf dem Bett gemacht“, sagt Samir. „Meine älteste Tochter hat oft "
        "bei einer Freundin gelernt, weil es bei uns zu laut war.“\n\n"
        "Samir arbeitete bald als Lagerhelfer in einem Logistikbetrieb. Mit einem festen Arbeitsvertrag begann "
        "die Suche nach einer Wohnung. Er schrieb über hundertzwanzig Anfragen. Die meisten blieben ohne "
        "Antwort. „Am Telefon war alles gut. Dann habe ich meinen Namen gesagt.“\n\n"
        "Geholfen hat am Ende eine Ehrenamtliche aus einem Unterstützerkreis für Geflüchtete. Sie kannte einen "
        "älteren Herrn in Pattonville, der seine Wohnung vermieten wollte und Angst vor Ärger hatte. Sie hat ihn "
        "mit Samir bekannt gemacht. Bei der Besichtigung haben die beiden Männer eine Stunde über Fußball "
        "geredet. Seit 2020 wohnt die Familie dort.\n\n"
        "Heute hat jedes Kind einen Schreibtisch. Die älteste Tochter macht bald ihr Abitur. „Eine Wohnung ist "
        "mehr als vier Wände“, sagt Samir. „Eine Wohnung ist Ruhe. Mit Ruhe können die Kinder lernen, und ich "
        "kann schlafen.“",
        "person": {
            "given_name": "Yasir",
            "family_name": "Al-Jubouri",
            "pseudonym": "Samir",
            "naming": Naming.PSEUDONYM,
            "arrival_year": 2016,
            "origin": "Irak",
            "show_origin": True,
            "original_language": "ar",
        },
        "themes": [Theme.HOUSING, Theme.FAMILY, Theme.SCHOOL],
        "fields": [WOHNEN, BILDUNG],
        "photo": None,
        "consent": ("ar", 200, [WEB, BROCHURE, TRANSLATION], "", {}),
        "published": 196,
    },
    {
        "slug": "freitags-im-sprachcafe",
        "kind": StoryKind.PORTRAIT,
        "title": "Freitags im Sprachcafé",
        "teaser": "Oksana Hrytsenko unterrichtete in Charkiw Deutsch und Englisch. Seit 2022 lebt sie in "
        "Kornwestheim, unterrichtet in einer Vorbereitungsklasse und leitet ehrenamtlich ein Sprachcafé in der "
        "Stadtbücherei.",
        "body": "Im März 2022 stieg Oksana Hrytsenko in Kornwestheim aus dem Zug, mit ihrer Tochter und einem "
        "Koffer. Ihr Mann blieb in der Ukraine. Eine Familie aus der Innenstadt hatte über eine "
        "Nachbarschaftsgruppe ein Zimmer angeboten. „Ich dachte: zwei, drei Wochen. Dann fahren wir zurück.“\n\n"
        "In Charkiw hatte sie zwanzig Jahre lang an einem Gymnasium Deutsch und Englisch unterrichtet. Deutsch "
        "zu sprechen war für sie nicht neu, Schwäbisch schon. „Beim Bäcker habe ich am ersten Tag kein Wort "
        "verstanden. Ich hatte Schiller gelesen, aber nie das Wort ‚Weckle‘ gehört.“\n\n"
        "Weil sie Deutsch sprach, wurde sie schnell gebraucht: beim Amt, beim Arzt, in der Schule ihrer "
        "Tochter. Im Herbst 2022 bekam sie eine Stelle als Lehrerin in einer Vorbereitungsklasse. Dort lernen "
        "Kinder aus der Ukraine, aus Syrien und aus Afghanistan zusammen Deutsch. Die Anerkennung als Lehrerin "
        "bereitet sie vor; dafür braucht sie noch eine Prüfung.\n\n"
        "Im Winter 2022 gründete sie mit zwei Ehrenamtlichen das Sprachcafé in der Stadtbücherei im K. Jeden "
        "Freitagnachmittag sitzen dort zwanzig, manchmal dreißig Menschen an kleinen Tischen und üben "
        "Sprechen. „Grammatik lernt man im Kurs. Hier lernt man, keine Angst vor Fehlern zu haben.“\n\n"
        "Ob sie zurückgeht, weiß sie nicht. „Ich lebe jetzt in zwei Ländern. In einem wohne ich, an das andere "
        "denke ich jeden Tag.“",
        "person": {
            "given_name": "Oksana",
            "family_name": "Hrytsenko",
            "naming": Naming.FULL,
            "arrival_year": 2022,
            "origin": "Ukraine",
            "show_origin": True,
        },
        "themes": [Theme.LANGUAGE, Theme.VOLUNTEERING, Theme.WORK],
        "fields": [WIRTSCHAFT, BILDUNG],
        "photo": (
            "books",
            "Zeichnung: ein Regal mit bunten Büchern, daneben eine weiße Tasse.",
        ),
        "consent": ("uk", 150, [WEB, BROCHURE, TRANSLATION, EASY, PRESS], "", {PRESS: 365}),
        "published": 146,
    },
    {
        "slug": "in-der-vorbereitungsklasse-waren-alle-neu",
        "kind": StoryKind.INTERVIEW,
        "title": "„In der Vorbereitungsklasse waren alle neu“",
        "teaser": "Sofiia kam 2023 mit ihrer Mutter aus Saporischschja. Nach einem Jahr in der "
        "Vorbereitungsklasse geht sie heute in eine ganz normale Klasse. Ein Gespräch über Schule, Freundinnen "
        "und Volleyball.",
        "body": "Sofiia war zwölf, als sie mit ihrer Mutter und ihrem kleinen Bruder nach Kornwestheim kam. Die "
        "Familie wohnt in der Oststadt. Weil Sofiia noch keine 16 ist, haben ihre Mutter und sie gemeinsam "
        "zugestimmt; wir nennen nur ihren Vornamen.",
        "answers": [
            (
                "Wie war dein erster Schultag in Kornwestheim?",
                "Ich war sehr nervös. Ich konnte nur „Hallo“ und „Danke“ sagen. Aber in der Vorbereitungsklasse "
                "waren alle neu, aus vielen Ländern. Ein Junge aus Syrien hat mir mit Händen und Füßen den Weg "
                "zur Mensa erklärt. Wir haben beide gelacht.",
            ),
            (
                "Wie hast du Deutsch gelernt?",
                "In der Schule, jeden Tag, und mit Serien mit Untertiteln. Am meisten aber beim Volleyball. Im "
                "Training muss man schnell verstehen, sonst bekommt man den Ball an den Kopf.",
            ),
            (
                "Was ist anders als in deiner Schule in der Ukraine?",
                "Hier arbeiten wir mehr in Gruppen und halten Referate. Am Anfang fand ich das schwer. Im "
                "ersten Jahr hatte ich abends noch Online-Unterricht von meiner alten Schule. Das war zu viel, "
                "deshalb habe ich damit aufgehört.",
            ),
            (
                "Was vermisst du?",
                "Meine Oma und unseren Hund. Und den Fluss, den Dnipro. Mit meiner Oma telefonieren wir jeden "
                "Sonntag.",
            ),
            (
                "Was möchtest du später machen?",
                "Vielleicht Ärztin werden. Oder Sportlehrerin. Meine Lehrerin sagt, ich muss mich noch nicht "
                "entscheiden.",
            ),
        ],
        "person": {
            "given_name": "Sofiia",
            "family_name": "Melnyk",
            "naming": Naming.FIRST,
            "under_16": True,
            "arrival_year": 2023,
            "origin": "Ukraine",
            "show_origin": True,
        },
        "themes": [Theme.SCHOOL, Theme.LANGUAGE, Theme.FAMILY],
        "fields": [BILDUNG],
        "photo": (
            "sunflower",
            "Zeichnung: eine große Sonnenblume mit grünem Stiel und zwei Blättern vor hellblauem Himmel.",
        ),
        "consent": ("uk", 90, [WEB, TRANSLATION], "Iryna Melnyk", {WEB: 540, TRANSLATION: 540}),
        "published": 85,
    },
    {
        "slug": "zuhoeren-ist-auch-pflege",
        "kind": StoryKind.PORTRAIT,
        "title": "Zuhören ist auch Pflege",
        "teaser": "Senait kam 2014 aus Eritrea. Heute ist sie Pflegefachfrau in einem Pflegeheim in der Südstadt. "
        "Von den Bewohnerinnen hat sie Schwäbisch gelernt.",
        "body": "Senait war 23 Jahre alt, als sie 2014 nach Kornwestheim kam. Hinter ihr lag eine lange Flucht "
        "durch die Wüste und über das Mittelmeer. Darüber spricht sie nicht gern. „Das ist vorbei. Ich erzähle "
        "lieber, was danach kam.“\n\n"
        "Danach kam zuerst das Warten. Ein Jahr lang durfte sie keinen Integrationskurs besuchen, weil ihr "
        "Asylverfahren noch lief. Sie lernte Deutsch mit Ehrenamtlichen und mit einem Wörterbuch. 2016 machte "
        "sie ein Praktikum in einem Pflegeheim in der Südstadt.\n\n"
        "„Die erste Woche war schwer. Ich habe die alten Menschen nicht verstanden, sie haben Schwäbisch "
        "gesprochen.“ Eine Bewohnerin brachte ihr jeden Tag ein neues Wort bei. „Sie sagte: Bei uns heißt die "
        "Kartoffel Grombira. Ich habe lange gedacht, das ist ein Witz.“ Senait lacht.\n\n"
        "Nach der einjährigen Ausbildung zur Altenpflegehelferin machte sie die dreijährige Ausbildung zur "
        "Pflegefachfrau. 2022 hat sie die Prüfung bestanden. Heute leitet sie eine Wohngruppe mit zwölf "
        "Bewohnerinnen und Bewohnern.\n\n"
        "„Pflege ist nicht nur Waschen und Medikamente. Pflege ist auch Zeit“, sagt sie. „Die alten Menschen "
        "haben mir zugehört, als ich fremd war. Jetzt höre ich ihnen zu.“",
        "person": {
            "given_name": "Senait",
            "family_name": "Tesfamariam",
            "naming": Naming.FIRST,
            "arrival_year": 2014,
            "origin": "Eritrea",
            "show_origin": True,
        },
        "themes": [Theme.WORK, Theme.LANGUAGE],
        "fields": [WIRTSCHAFT],
        "photo": (
            "tree",
            "Zeichnung: ein großer Baum mit runder Krone auf einem grünen Hügel, rechts oben die Sonne.",
        ),
        "consent": ("de", 290, [WEB, BROCHURE, TRANSLATION, EASY], "", {}),
        "published": 287,
    },
    {
        "slug": "zwei-pruefungen-bis-zum-ersten-dienst",
        "kind": StoryKind.INTERVIEW,
        "title": "Zwei Prüfungen bis zum ersten Dienst",
        "teaser": "Zeynep Arslan war in Izmir Ärztin. In Deutschland dauerte es drei Jahre, bis sie wieder "
        "Patientinnen und Patienten behandeln durfte. Ein Gespräch über Fachsprache und Geduld.",
        "body": "Zeynep Arslan kam 2019 mit ihrem Mann nach Kornwestheim. Er hatte eine Stelle als Ingenieur in "
        "Stuttgart bekommen. Sie war Ärztin für Innere Medizin, durfte in Deutschland aber zuerst nicht als "
        "Ärztin arbeiten. Sie wohnt mit ihrer Familie in der Innenstadt.",
        "answers": [
            (
                "Was mussten Sie tun, um in Deutschland als Ärztin zu arbeiten?",
                "Zwei Prüfungen bestehen: die Fachsprachprüfung, also Deutsch auf dem Niveau C1 für die Medizin, "
                "und die Kenntnisprüfung über das medizinische Wissen. Dazu kamen viele Unterlagen, Übersetzungen "
                "und Beglaubigungen. Das hat fast drei Jahre gedauert.",
            ),
            (
                "Wie haben Sie sich vorbereitet?",
                "Deutsch habe ich jeden Tag gelernt, auch am Wochenende. Für die Fachsprache habe ich in einer "
                "Klinik hospitiert. Ich durfte zuschauen und Arztbriefe schreiben, die ein Kollege dann "
                "korrigiert hat. Am Anfang war sehr viel Rot auf dem Papier.",
            ),
            (
                "Was war schwerer: die Medizin oder die Sprache?",
                "Die Sprache. Ein Patient sagt nicht: „Ich habe Atemnot bei Belastung.“ Er sagt: „Auf der Treppe "
                "geht mir die Luft aus.“ Das lernt man nicht im Buch, das lernt man am Bett.",
            ),
            (
                "Wie geht es Ihnen heute?",
                "Seit 2022 arbeite ich als Assistenzärztin in einer Klinik in der Region und mache meine "
                "Weiterbildung zur Fachärztin. Manchmal bitten mich Kolleginnen, bei türkischsprachigen "
                "Patienten zu helfen. Das mache ich gern. Aber ich bin Ärztin, nicht Dolmetscherin.",
            ),
            (
                "Was würden Sie ändern?",
                "Die Verfahren sollten schneller gehen. Viele Ärztinnen und Pflegekräfte leben schon hier und "
                "warten. Und die Kliniken brauchen sie.",
            ),
        ],
        "person": {
            "given_name": "Zeynep",
            "family_name": "Arslan",
            "naming": Naming.FULL,
            "arrival_year": 2019,
            "origin": "Türkei",
            "show_origin": True,
        },
        "themes": [Theme.WORK, Theme.LANGUAGE],
        "fields": [WIRTSCHAFT],
        "photo": (
            "street",
            "Zeichnung: eine Reihe von Häusern mit spitzen Dächern in der Abenddämmerung, einige Fenster "
            "leuchten gelb.",
        ),
        "consent": ("tr", 120, [WEB, BROCHURE, TRANSLATION, PRESS], "", {PRESS: 365}),
        "published": 115,
    },
    {
        "slug": "zwischen-gueterbahnhof-und-fussballplatz",
        "kind": StoryKind.INTERVIEW,
        "title": "Zwischen Güterbahnhof und Fußballplatz",
        "teaser": "Andrei kam 2014 aus Rumänien, als Menschen aus Rumänien und Bulgarien zum ersten Mal ohne "
        "Einschränkungen in Deutschland arbeiten durften. Heute plant er die Touren in einem Logistikzentrum und "
        "trainiert eine Jugendmannschaft.",
        "body": "Andrei kam 2014 aus Timișoara nach Kornwestheim, zuerst allein. Ein Jahr später kamen seine Frau "
        "und sein Sohn nach. Die Familie wohnt in der Weststadt.",
        "answers": [
            (
                "Warum Kornwestheim?",
                "Ein Freund aus meiner Stadt arbeitete schon hier als Lkw-Fahrer. Er sagte: Hier gibt es "
                "Arbeit, viel Logistik, den Güterbahnhof, die Autobahn ist nah. Nach zwei Wochen hatte ich einen "
                "Vertrag.",
            ),
            (
                "Was war am Anfang schwierig?",
                "Die ersten Monate habe ich mit vier Männern in einer Wohnung gewohnt, die viel zu teuer war. "
                "Der Vermieter wusste, dass wir nichts anderes finden. Ich hatte Arbeit, aber ich kannte meine "
                "Rechte nicht. Eine Beratungsstelle für Beschäftigte aus Osteuropa hat mir geholfen.",
            ),
            (
                "Wie haben Sie Deutsch gelernt?",
                "Als EU-Bürger musste ich keinen Kurs machen, und deshalb habe ich lange keinen gemacht. Das war "
                "ein Fehler. Erst als ich Disponent werden wollte, habe ich abends einen Kurs an der "
                "Volkshochschule besucht. Heute telefoniere ich den ganzen Tag auf Deutsch.",
            ),
            (
                "Sie trainieren eine Fußballmannschaft?",
                "Ja, die D-Jugend, Kinder von elf und zwölf Jahren. Zuerst habe ich nur meinen Sohn zum "
                "Training gebracht. Dann fehlte ein Trainer. In meiner Mannschaft spielen Kinder aus acht "
                "Ländern. Auf dem Platz sprechen alle Deutsch.",
            ),
        ],
        "person": {
            "given_name": "Andrei",
            "family_name": "Popa",
            "naming": Naming.FIRST,
            "arrival_year": 2014,
            "origin": "Rumänien",
            "show_origin": True,
        },
        "themes": [Theme.WORK, Theme.HOUSING, Theme.VOLUNTEERING, Theme.FAMILY],
        "fields": [WIRTSCHAFT, WOHNEN],
        "photo": None,
        "consent": ("de", 300, [WEB], "", {}),
        "published": "withdrawn",
        "withdrawn": 24,
    },
    {
        "slug": "fliese-fuer-fliese",
        "kind": StoryKind.PORTRAIT,
        "title": "Fliese für Fliese",
        "teaser": "Arben Morina kam 2017 mit einem Arbeitsvertrag aus dem Kosovo. Sechs Jahre später gründete er "
        "in Kornwestheim seinen eigenen Betrieb. Er erzählt, was ihm beim Ankommen geholfen hat.",
        "body": "Um 2015 versuchten viele Menschen aus dem Kosovo, in Deutschland Asyl zu bekommen. Fast alle "
        "wurden abgelehnt. Arben Morina ging einen anderen Weg: Er wartete in Prishtina über ein Jahr auf ein "
        "Visum zum Arbeiten. Im Frühjahr 2017 kam er nach Kornwestheim, mit einem Arbeitsvertrag als "
        "Fliesenleger bei einem Handwerksbetrieb.\n\n"
        "Fliesen legen konnte er schon, das hatte er zehn Jahre lang im Kosovo gemacht. Neu waren die Normen, "
        "die Materialien und die Sprache auf der Baustelle. Ein älterer Kollege zeigte ihm alles mit viel "
        "Geduld: wie man ein Aufmaß schreibt, wie man mit Kunden spricht und wo es in Kornwestheim gute Brezeln "
        "gibt.\n\n"
        "2018 kamen seine Frau und die beiden Kinder nach. Die Suche nach einer Wohnung dauerte acht Monate; bis "
        "dahin wohnte die Familie bei einem Cousin. Heute wohnen sie in der Weststadt. Die Tochter geht in die "
        "Grundschule, der Sohn in die Kita um die Ecke.\n\n"
        "2023 machte sich Arben selbstständig. Die Handwerkskammer und eine Gründungsberatung halfen ihm beim "
        "Geschäftsplan. Heute hat er zwei Angestellte und einen Auszubildenden aus Kornwestheim, der in der "
        "Schule keine Lust auf Mathematik hatte. „Jetzt rechnet er jeden Tag Quadratmeter“, sagt Arben. „Und "
        "er merkt, wozu Mathematik gut ist.“\n\n"
        "Was ihm beim Ankommen geholfen hat? „Arbeit vom ersten Tag an. Wer arbeitet, lernt Leute kennen. Und "
        "wer Leute kennt, findet auch eine Wohnung, irgendwann.“",
        "person": {
            "given_name": "Arben",
            "family_name": "Morina",
            "naming": Naming.FULL,
            "arrival_year": 2017,
            "origin": "Kosovo",
            "show_origin": True,
        },
        "themes": [Theme.WORK, Theme.FAMILY, Theme.HOUSING],
        "fields": [WIRTSCHAFT, WOHNEN],
        "photo": (
            "tiles",
            "Zeichnung: eine Wand aus quadratischen Fliesen in Blau- und Weißtönen mit hellen Fugen.",
        ),
        "consent": ("de", 60, [WEB, BROCHURE, TRANSLATION, EASY], "", {}),
        "published": 56,
    },
    {
        "slug": "ein-chor-der-keine-fragen-stellt",
        "kind": StoryKind.PORTRAIT,
        "title": "Ein Chor, der keine Fragen stellt",
        "teaser": "Mina musste 2017 den Iran verlassen, weil sie Christin geworden war. In Kornwestheim hat sie in "
        "einem Chor Freundinnen gefunden und ihre Stimme wieder.",
        "body": "Mina heißt eigentlich anders. In ihrem Herkunftsland kann es gefährlich sein, den Glauben zu "
        "wechseln. Mina ist in Teheran aufgewachsen und hat dort Architektur studiert. Als sie Christin wurde, "
        "musste sie das Land verlassen. 2017 kam sie nach Deutschland, im Herbst desselben Jahres nach "
        "Kornwestheim.\n\n"
        "Ihr Asylverfahren dauerte drei Jahre. „In dieser Zeit hatte ich viel Angst und wenig zu tun“, sagt "
        "sie. „Das ist eine schlechte Mischung.“ Eine Nachbarin in der Innenstadt nahm sie mit in einen Chor. "
        "Mina verstand die Liedtexte kaum, aber sie konnte Noten lesen.\n\n"
        "Im Chor singen Menschen zwischen 20 und 80 Jahren. Niemand fragte sie nach ihrem Verfahren. „Sie "
        "wollten nur wissen, ob ich Alt oder Sopran singe“, sagt Mina. Nach den Proben gingen sie zusammen etwas "
        "trinken. So lernte sie Deutsch: beim Singen und beim Reden danach.\n\n"
        "Heute arbeitet Mina als technische Zeichnerin in einem Architekturbüro. Ihr Studium wurde zum Teil "
        "anerkannt; sie hofft, bald wieder als Architektin zu arbeiten. Am Wochenende begleitet sie Frauen aus "
        "dem Iran und aus Afghanistan zu Ämtern und übersetzt für sie.\n\n"
        "Über ihren Glauben spricht Mina offen, wenn man sie fragt. „Hier darf ich glauben, was ich will. Das "
        "war für mich das Wichtigste am Ankommen. Alles andere habe ich Schritt für Schritt gelernt.“",
        "person": {
            "given_name": "Shirin",
            "family_name": "Rahimi",
            "pseudonym": "Mina",
            "naming": Naming.PSEUDONYM,
            "arrival_year": 2017,
            "show_arrival_year": False,
            "origin": "Iran",
            "show_origin": True,
        },
        "themes": [Theme.NEIGHBOURHOOD, Theme.VOLUNTEERING, Theme.LANGUAGE],
        "fields": [WOHNEN],
        "photo": None,
        "consent": None,
        "published": "review",
    },
    {
        "slug": "reis-erdnuesse-und-spaetzle",
        "kind": StoryKind.PORTRAIT,
        "title": "Reis, Erdnüsse und Spätzle",
        "teaser": "Lamin kam 2016 als junger Mann aus Gambia. In einem Restaurant in der Innenstadt wurde er "
        "Koch. Heute steht er dort am Herd und kocht einmal im Monat für das Nachbarschaftsfest.",
        "body": "Lamin war 19, als er nach einer langen Reise durch Mali, Niger und Libyen in Deutschland ankam. "
        "Seit 2016 lebt er in Kornwestheim. Zuerst wohnte er in einer Gemeinschaftsunterkunft mit Männern aus "
        "sechs Ländern. „Wir hatten eine Küche für dreißig Leute. Dort habe ich angefangen zu kochen, für "
        "alle.“\n\n"
        "Sein Asylantrag wurde abgelehnt. Lamin bekam eine Duldung: Seine Abschiebung wurde ausgesetzt, aber "
        "immer nur für ein paar Monate. „Jedes Mal, wenn ich zur Ausländerbehörde ging, hatte ich "
        "Bauchschmerzen.“ Ein Ehrenamtlicher half ihm, einen Ausbildungsplatz zu finden, in einem Restaurant in "
        "der Innenstadt. Mit dem Ausbildungsvertrag bekam er eine Ausbildungsduldung, also Sicherheit für die "
        "Zeit der Ausbildung.\n\n"
        "Die Berufsschule war hart. Lamin sprach Englisch, Mandinka und Wolof, aber das Deutsch der Fachbücher "
        "war neu. Sein Chef gab ihm jeden Abend die Speisekarte mit nach Hause. „Ich habe die Karte gelernt wie "
        "ein Gedicht: Maultaschen, Zwiebelrostbraten, Linsen mit Spätzle.“\n\n"
        "2020 bestand er die Prüfung zum Koch. Danach bekam er eine Aufenthaltserlaubnis. Heute leitet er in "
        "der Küche den Posten für die warmen Gerichte und bildet selbst einen Auszubildenden mit aus.\n\n"
        "Einmal im Monat kocht Lamin ehrenamtlich beim Nachbarschaftsfest im Stadtteiltreff: Domoda, einen "
        "Eintopf aus Gambia mit Erdnusssoße und Reis, und daneben einen großen Topf Linsen mit Spätzle. „Die "
        "Leute probieren beides“, sagt er. „Am Ende ist immer alles leer.“",
        "person": {
            "given_name": "Lamin",
            "family_name": "Ceesay",
            "naming": Naming.FIRST,
            "arrival_year": 2016,
            "origin": "Gambia",
            "show_origin": True,
        },
        "themes": [Theme.WORK, Theme.VOLUNTEERING],
        "fields": [WIRTSCHAFT],
        "photo": None,
        "consent": ("de", 40, [WEB, BROCHURE, EASY], "", {}),
        "published": 36,
    },
]
MARKER = STORIES[0]["slug"]

# The brochure's stories in their order: from those who came first to those who came last.
BROCHURE_ORDER = [
    "zuhoeren-ist-auch-pflege",
    "wieder-mit-kindern-arbeiten",
    "in-der-werkstatt-deutsch-gelernt",
    "hundertzwanzig-wohnungen-eine-zusage",
    "reis-erdnuesse-und-spaetzle",
    "fliese-fuer-fliese",
    "zwei-pruefungen-bis-zum-ersten-dienst",
    "freitags-im-sprachcafe",
]
BROCHURE = {
    "title": "Ankommensgeschichten",
    "subtitle": "Menschen, die in Kornwestheim angekommen sind",
    "introduction": "Seit 2014 sind viele Menschen nach Kornwestheim gekommen: aus Syrien und Afghanistan, aus "
    "Eritrea, Gambia und dem Irak, aus der Ukraine, aus Rumänien, dem Kosovo und der Türkei. Manche sind "
    "geflohen, manche kamen zum Arbeiten oder zu ihrer Familie. Alle haben hier neu angefangen: in einer "
    "fremden Sprache, in einer neuen Arbeit, in einer Nachbarschaft, die sie erst kennenlernen mussten.\n\n"
    "In diesem Heft erzählen einige von ihnen, wie das war: was geholfen hat, was schwer war und was sie heute "
    "tun. Ihre Geschichten zeigen, was unser Integrationskonzept meint, wenn es sagt: Integration ist "
    "Ankommen – in der Sprache, in Arbeit und Ausbildung, in Kita und Schule, im Wohnviertel und im Verein.\n\n"
    "Wir danken allen, die uns ihre Geschichte anvertraut haben. Alle haben eingewilligt, dass wir sie hier "
    "abdrucken; manche haben einen anderen Namen gewählt. Die Bilder sind Zeichnungen und zeigen keine "
    "Menschen. Mehr Geschichten, auch in anderen Sprachen, finden Sie auf unserer Website. In dieser "
    "Demo-Ausgabe sind alle Geschichten und Personen erfunden.",
}

# Notes between the editors and the teller: (story slug, author's local part, days ago, text).
NOTES = [
    (
        "eine-tuer-die-offen-steht",
        EDITOR_LOCAL,
        6,
        "Liebe Amal, ich habe Ihren Text etwas gekürzt und den Absatz über die Dialogplattform nach hinten "
        "gestellt. Bitte schauen Sie, ob alles stimmt. Möchten Sie mit Ihrem Nachnamen genannt werden?",
    ),
    (
        "eine-tuer-die-offen-steht",
        "mitglied",
        5,
        "Danke, so ist es gut! Bitte nur mein Vorname. Und bitte nicht schreiben, in welcher Straße ich wohne; "
        "die Oststadt ist in Ordnung.",
    ),
    (
        "eine-tuer-die-offen-steht",
        EDITOR_LOCAL,
        4,
        "Ist geändert. Sie können jetzt unter „Meine Geschichten“ selbst einwilligen: für die Website und, wenn "
        "Sie möchten, für Übersetzungen.",
    ),
    (
        "ein-chor-der-keine-fragen-stellt",
        EDITOR_LOCAL,
        10,
        "Gespräch mit Mina im Rathaus, mit einer Dolmetscherin für Persisch. Sie möchte die Stellen über ihren "
        "Glauben im Text lassen, aber nicht ihren echten Namen und nicht das Jahr ihrer Ankunft.",
    ),
    (
        "ein-chor-der-keine-fragen-stellt",
        "admin",
        8,
        "Danke. Bitte lassen Sie ihr den Text vor der Unterschrift auf Persisch vorlesen. Die Texte der "
        "Einwilligung gibt es geprüft auf Persisch; sie kann also auf Persisch einwilligen.",
    ),
    (
        "ein-chor-der-keine-fragen-stellt",
        EDITOR_LOCAL,
        2,
        "Der Termin für die Unterschrift ist nächste Woche. Bis dahin bleibt die Geschichte in Prüfung.",
    ),
]

# Readers' comments on published stories: (story slug, author's local part, days ago, text).
COMMENTS = [
    (
        "freitags-im-sprachcafe",
        "multiplikator",
        12,
        "Ich war letzten Freitag zum ersten Mal als Ehrenamtlicher im Sprachcafé. Danke für den herzlichen "
        "Empfang! Wer Brettspiele übrig hat: Wir freuen uns darüber.",
    ),
    (
        "eine-tuer-die-offen-steht",
        "nachbarschaft",
        0,
        "Liebe Amal, ich wohne zwei Straßen weiter. Darf meine Mutter zum nächsten Frühstück kommen? Sie ist "
        "neu in Kornwestheim und kennt noch niemanden.",
    ),
]


def load(town, stdout):
    if Story.objects.for_municipality(town).filter(slug=MARKER).exists():
        return
    people = members_by_local_part(town)
    if "admin" not in people:
        return
    with translation.override("de"):
        _load(town, people, stdout)


def _load(town, people, stdout):
    editor = _editor(town)
    people[EDITOR_LOCAL] = editor
    today = timezone.localdate()
    _consent_texts(town)
    fields = {field.slug: field for field in Field.objects.for_municipality(town)}
    stories = {spec["slug"]: _story(town, spec, editor, people, fields, today) for spec in STORIES}
    for slug, local_part, days, text in NOTES:
        note = services.add_note(stories[slug], actor=people[local_part], text=text)
        StoryNote.objects.filter(pk=note.pk).update(created_at=_ago(days, "10:30"))
    for slug, local_part, days, text in COMMENTS:
        comment = services.add_comment(stories[slug], actor=people[local_part], text=text)
        StoryComment.objects.filter(pk=comment.pk).update(created_at=min(_ago(days, "19:15"), timezone.now()))
    brochure = brochures.save_brochure(
        town,
        actor=editor,
        values={**BROCHURE, "edition": formats.date_format(today, "F Y")},
        stories=[stories[slug] for slug in BROCHURE_ORDER],
    )
    brochures.build(brochure)
    brochures.publish_brochure(brochure, actor=editor)
    stdout.write(
        f"Ankommensgeschichten: {len(stories)} erfundene Geschichten, Broschüre mit {brochure.pages} Seiten; "
        f"Redaktion: {demo_email(EDITOR_LOCAL)} ({EDITOR_NAME})."
    )


def _editor(town):
    """Rita Neumann of the town's editorial staff, with the demo's password."""
    from allauth.account.models import EmailAddress

    email = demo_email(EDITOR_LOCAL)
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, DEMO_PASSWORD, display_name=EDITOR_NAME)
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    member, _created = Member.objects.get_or_create(
        municipality=town, user=user, defaults={"role_sectors": {EDITOR: ""}}
    )
    return member


def _consent_texts(town):
    """The consent text for every purpose, version 1, in German and checked in each of the town's languages."""
    actor = SystemActor.of(town)
    for purpose in Purpose:
        text, _created = ConsentText.objects.get_or_create(
            municipality=town,
            purpose=purpose,
            version=1,
            defaults={"text": consent_text(purpose, SOURCE), "valid_from": TEXTS_VALID_FROM},
        )
        for language in town.languages:
            if language != SOURCE and language in PURPOSE_PARTS[purpose]:
                save_translation(
                    text,
                    "text",
                    language,
                    actor=actor,
                    text=consent_text(purpose, language),
                    state=TranslationState.REVIEWED,
                    audited=False,
                )


def _story(town, spec, editor, people, fields, today):
    """One story as the editors make it: written, illustrated, consented to, published (or not)."""
    teller = people.get(spec.get("teller"))
    story = services.create_story(
        town,
        actor=editor,
        values={
            "slug": spec["slug"],
            "kind": spec["kind"],
            "title": spec["title"],
            "teaser": spec["teaser"],
            "body": spec["body"],
            "storyteller": teller,
            "is_fictional": True,
            **spec["person"],
        },
        themes=spec["themes"],
        fields=[fields[slug] for slug in spec["fields"] if slug in fields],
        answers=spec.get("answers", ()),
    )
    if spec["photo"]:
        drawing, alt = spec["photo"]
        services.set_photo(story, _illustration(drawing), actor=editor, alt=alt)
    _original(story, town)
    consents = _consents(story, spec, editor, teller, today)
    started = today - timedelta(days=(spec["consent"][1] if spec["consent"] else 0) + 21)
    Story.objects.filter(pk=story.pk).update(created_at=_at(started, "09:00"))
    if spec["published"] == "review":
        services.submit_story(story, actor=editor)
        return story
    days = spec["published"] if isinstance(spec["published"], int) else spec["consent"][1] - 3
    story.published_at = min(_ago(days, "11:00"), timezone.now())
    services.publish_story(story, actor=editor)
    if spec["published"] == "withdrawn":
        web = consents[Purpose.WEB]
        services.withdraw_consent(web, actor=editor)
        Consent.objects.filter(pk=web.pk).update(withdrawn_at=_ago(spec["withdrawn"], "15:45"))
        story.refresh_from_db()
    return story


def _original(story, town):
    """What the person said in their own language, kept as the story's checked translation into it."""
    original = ORIGINALS.get(story.slug)
    if original is None:
        return
    actor, language = SystemActor.of(town), original["language"]
    for field in Story.translatable_fields:
        if original.get(field):
            save_translation(
                story,
                field,
                language,
                actor=actor,
                text=original[field],
                state=TranslationState.REVIEWED,
                audited=False,
            )
    for answer, (question, said) in zip(story.answers.all(), original.get("answers", ()), strict=True):
        for field, text in (("question", question), ("answer", said)):
            save_translation(
                answer,
                field,
                language,
                actor=actor,
                text=text,
                state=TranslationState.REVIEWED,
                audited=False,
            )


def _consents(story, spec, editor, teller, today):
    """The consents of `spec`: online by the teller with an account, else on paper, recorded with a scan."""
    if spec["consent"] is None:
        return {}
    language, days, purposes, given_by, until = spec["consent"]
    given_on = max(today - timedelta(days=days), TEXTS_VALID_FROM)
    made = {}
    for purpose in purposes:
        valid_until = today + timedelta(days=until[purpose]) if purpose in until else None
        if teller is not None:
            made[purpose] = services.give_consent(
                story,
                actor=teller,
                purpose=purpose,
                language=language,
                print_notice=purpose == Purpose.BROCHURE,
                valid_until=valid_until,
            )
            continue
        signer = given_by or story.full_name
        consent = services.record_consent(
            story,
            actor=editor,
            purpose=purpose,
            language=language,
            given_by=signer,
            given_on=given_on,
            scan=_scan(story, purpose, signer, given_on),
            guardian=story.under_16,
            print_notice=purpose == Purpose.BROCHURE,
            valid_until=valid_until,
        )
        Consent.objects.filter(pk=consent.pk).update(recorded_at=_at(given_on, "16:00"))
        made[purpose] = consent
    return made


def _at(day, clock):
    hour, minute = clock.split(":")
    return timezone.make_aware(datetime.combine(day, time(int(hour), int(minute))))


def _ago(days, clock):
    return _at(timezone.localdate() - timedelta(days=days), clock)


# --- the scan of a signed consent: a one-page PDF --------------------------------------------------


def _scan(story, purpose, signer, given_on):
    """A small, valid PDF standing in for the scanned signature (the demo has no paper)."""
    lines = [
        "Stadt Kornwestheim - Ankommensgeschichten",
        "Einwilligung (Scan der unterschriebenen Seite, Demo)",
        f"Geschichte: {story.title}",
        f"Zweck: {Purpose(purpose).label}",
        f"Unterschrieben von: {signer}" + (" (sorgeberechtigt)" if story.under_16 else ""),
        f"am {given_on:%d.%m.%Y}",
    ]
    return SimpleUploadedFile("einwilligung.pdf", _pdf_page(lines), content_type="application/pdf")


def _pdf_page(lines):
    """A one-page A4 PDF with `lines` of text in Helvetica (characters outside Windows-1252 become '?')."""

    def literal(text):
        raw = text.encode("cp1252", errors="replace")
        return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"

    shown = b" T* ".join(literal(line) + b" Tj" for line in lines)
    content = b"BT /F1 12 Tf 18 TL 72 770 Td " + shown + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# --- the illustrations: calm drawings, no people ---------------------------------------------------

WIDTH, HEIGHT = 1200, 800


def _illustration(drawing):
    """The drawing `drawing` as an uploaded JPEG of 1200 × 800 pixels."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "#ffffff")
    DRAWINGS[drawing](ImageDraw.Draw(image))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=90)
    return SimpleUploadedFile(f"{drawing}.jpg", output.getvalue(), content_type="image/jpeg")


def _bands(draw, top, bottom, start, end, steps=16):
    """A calm vertical gradient from `start` to `end` (RGB tuples) between `top` and `bottom`, in bands."""
    height = (bottom - top) / steps
    for step in range(steps):
        share = step / (steps - 1)
        colour = tuple(round(a + (b - a) * share) for a, b in zip(start, end, strict=True))
        draw.rectangle((0, top + step * height, WIDTH, top + (step + 1) * height + 1), fill=colour)


def _blocks(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill="#f4ebdd")
    draw.rectangle((0, 620, WIDTH, HEIGHT), fill="#d9b98c")
    draw.rectangle((400, 440, 590, 630), fill="#c8553d")
    draw.rectangle((610, 440, 800, 630), fill="#2e6f95")
    draw.rectangle((390, 300, 810, 440), fill="#e8b440")
    draw.pieslice((500, 340, 700, 540), 180, 360, fill="#f4ebdd")
    draw.polygon([(480, 300), (720, 300), (600, 140)], fill="#5a8f5a")


def _tea(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill="#b5654a")
    draw.ellipse((250, 50, 950, 750), fill="#e9d8b4", outline="#c9b48c", width=10)
    draw.ellipse((520, 320, 680, 480), fill="#f8f3ea", outline="#d8cbb0", width=6)
    for x, y in ((575, 365), (625, 375), (590, 425), (635, 420)):
        draw.ellipse((x - 22, y - 22, x + 22, y + 22), fill="#c98b4a")
    for x, y in ((600, 170), (830, 400), (600, 630), (370, 400)):
        draw.ellipse((x - 55, y - 55, x + 55, y + 55), fill="#f6e7d0")
        draw.ellipse((x - 42, y - 42, x + 42, y + 42), fill="#8c3b2e")


def _gear(draw, centre, radius, teeth, colour, hole):
    from math import cos, pi, sin

    x, y = centre
    points = []
    for index in range(teeth * 4):
        angle = 2 * pi * index / (teeth * 4)
        reach = radius if index % 4 in (1, 2) else radius * 0.82
        points.append((x + reach * cos(angle), y + reach * sin(angle)))
    draw.polygon(points, fill=colour)
    draw.ellipse((x - radius * 0.25, y - radius * 0.25, x + radius * 0.25, y + radius * 0.25), fill=hole)


def _gears(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill="#1f3350")
    _gear(draw, (500, 430), 250, 16, "#e07a2e", "#1f3350")
    _gear(draw, (835, 300), 150, 10, "#a7b0ba", "#1f3350")


def _books(draw):
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill="#efe6d2")
    draw.rectangle((120, 560, 1080, 600), fill="#8a5a3b")
    x = 170
    for width, height, colour in (
        (60, 300, "#2e6f95"),
        (45, 260, "#c8553d"),
        (70, 330, "#e8b440"),
        (50, 280, "#5a8f5a"),
        (65, 310, "#7a4e8a"),
        (40, 240, "#d98a3a"),
        (60, 295, "#3d7f86"),
        (55, 270, "#b04a5a"),
    ):
        draw.rectangle((x, 560 - height, x + width, 560), fill=colour)
        draw.rectangle((x + 8, 560 - height + 30, x + width - 8, 560 - height + 40), fill="#f4ebdd")
        x += width + 6
    draw.rectangle((860, 450, 960, 560), fill="#ffffff", outline="#c9bfae", width=4)
    draw.arc((935, 470, 1000, 535), 270, 90, fill="#ffffff", width=14)


def _sunflower(draw):
    from math import cos, pi, sin

    _bands(draw, 0, 640, (150, 200, 235), (205, 232, 246))
    draw.rectangle((0, 640, WIDTH, HEIGHT), fill="#7fae6e")
    draw.rectangle((588, 330, 612, 700), fill="#4f7f3a")
    draw.ellipse((470, 470, 600, 530), fill="#5d8f45")
    draw.ellipse((600, 540, 730, 600), fill="#5d8f45")
    for index in range(18):
        angle = 2 * pi * index / 18
        x, y = 600 + 125 * cos(angle), 270 + 125 * sin(angle)
        draw.ellipse((x - 48, y - 48, x + 48, y + 48), fill="#f2b705")
    draw.ellipse((500, 170, 700, 370), fill="#6b4226")


def _tree(draw):
    _bands(draw, 0, 800, (220, 235, 240), (240, 244, 232))
    draw.ellipse((940, 70, 1080, 210), fill="#f2c94c")
    draw.ellipse((-200, 520, 1400, 1200), fill="#7fae6e")
    draw.rectangle((555, 380, 645, 600), fill="#7a5234")
    draw.ellipse((400, 120, 800, 470), fill="#3e7a4a")


def _street(draw):
    _bands(draw, 0, 560, (39, 56, 92), (229, 156, 122))
    draw.rectangle((0, 560, WIDTH, HEIGHT), fill="#4a4e63")
    colours = ("#c9b79c", "#a8b5a0", "#d3a58f", "#b7b2c9", "#c7c08e", "#9fb3c2")
    for index, colour in enumerate(colours):
        left = 40 + index * 190
        draw.rectangle((left, 340, left + 170, 560), fill=colour)
        draw.polygon([(left - 10, 340), (left + 180, 340), (left + 85, 240)], fill="#6e4b3e")
        for row, column in ((0, 0), (0, 1), (1, 0), (1, 1)):
            lit = (index + row + column) % 3 == 0
            x, y = left + 25 + column * 75, 370 + row * 90
            draw.rectangle((x, y, x + 45, y + 55), fill="#f5d46b" if lit else "#3a3f55")


def _tiles(draw):
    blues = ("#1d4e89", "#3f7cbf", "#a9c6e8", "#f3f6fa", "#6a9fd4", "#dfe9f5")
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill="#e9e4da")
    for row in range(8):
        for column in range(12):
            colour = blues[(row * 5 + column * 3 + (row * column) % 4) % len(blues)]
            x, y = column * 100, row * 100
            draw.rectangle((x + 4, y + 4, x + 96, y + 96), fill=colour)


DRAWINGS = {
    "blocks": _blocks,
    "tea": _tea,
    "gears": _gears,
    "books": _books,
    "sunflower": _sunflower,
    "tree": _tree,
    "street": _street,
    "tiles": _tiles,
}
