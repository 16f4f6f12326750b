"""A small town whose numbers the dashboard's tests know by heart: the second town of the test world.

Ludwigsburg (host `ludwigsburg.ankommen.example`) gets the catalogue and one import of four districts:
Nord, Süd, Mitte and Leer, where nobody lives. Residents and those without German citizenship in
2023 and 2024 (Leer: 0 and 0), the share of them with its numerator and denominator, the SGB II rate
with numerator and denominator, childcare without them (the town's value weighted by residents),
and turnout in 2022, a year without residents (the plain mean).
"""

import re
from html import unescape

from django.test import Client

from ankommen.core.actors import SystemActor
from ankommen.seismograph.services import import_observations, install_catalogue
from tests.conftest import OTHER_HOST

FILE = """district;period;indicator;value;numerator;denominator
Nord;2023;einwohner_gesamt;1000;;
Süd;2023;einwohner_gesamt;3000;;
Mitte;2023;einwohner_gesamt;2000;;
Leer;2023;einwohner_gesamt;0;;
Nord;2023;einwohner_nichtdeutsch;100;;
Süd;2023;einwohner_nichtdeutsch;900;;
Mitte;2023;einwohner_nichtdeutsch;200;;
Leer;2023;einwohner_nichtdeutsch;0;;
Nord;2024;einwohner_gesamt;1100;;
Süd;2024;einwohner_gesamt;3000;;
Mitte;2024;einwohner_gesamt;2100;;
Leer;2024;einwohner_gesamt;0;;
Nord;2024;einwohner_nichtdeutsch;132;;
Süd;2024;einwohner_nichtdeutsch;960;;
Mitte;2024;einwohner_nichtdeutsch;231;;
Leer;2024;einwohner_nichtdeutsch;0;;
Nord;2023;anteil_nichtdeutsch;10;100;1000
Süd;2023;anteil_nichtdeutsch;30;900;3000
Mitte;2023;anteil_nichtdeutsch;10;200;2000
Nord;2024;anteil_nichtdeutsch;12;132;1100
Süd;2024;anteil_nichtdeutsch;32;960;3000
Mitte;2024;anteil_nichtdeutsch;11;231;2100
Nord;2023;sgb2_quote;5;40;800
Süd;2023;sgb2_quote;12;288;2400
Mitte;2023;sgb2_quote;8;128;1600
Nord;2024;sgb2_quote;4,5;40;880
Süd;2024;sgb2_quote;12,5;300;2400
Mitte;2024;sgb2_quote;7,5;126;1680
Nord;2024;betreuungsquote_unter_3;30;;
Süd;2024;betreuungsquote_unter_3;20;;
Mitte;2024;betreuungsquote_unter_3;40;;
Nord;2022;wahlbeteiligung;50;;
Süd;2022;wahlbeteiligung;40;;
Mitte;2022;wahlbeteiligung;60;;
"""

DISTRICTS = ("Nord", "Süd", "Mitte", "Leer")


def build(town):
    """The small town's catalogue, districts and values (one import that adds the districts)."""
    actor = SystemActor.of(town)
    install_catalogue(town, actor=actor)
    return import_observations(town, FILE.encode(), "kleine-stadt.csv", actor=actor, add_districts=True)


def client():
    """A visitor's client on the small town's host."""
    return Client(HTTP_HOST=OTHER_HOST)


TAGS = re.compile(r"<[^>]+>")


def text(response):
    """The page's main content as text, its whitespace squeezed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(unescape(TAGS.sub(" ", main)).split())
