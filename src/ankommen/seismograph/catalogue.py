"""The indicator catalogue the product ships, modelled on German integration and social monitoring.

Its entries follow the indicators of the Länder's integration monitoring, the KGSt's and the
Wegweiser Kommune's municipal indicators and small-area social monitoring (Sozialraummonitoring):
residents by citizenship, migration background and age; the SGB II rate and unemployment; childcare
and school; naturalisations and integration courses; moves; social housing; turnout. Each has a
stable key that import files use, and names the field of action it informs by the field's slug
(the demo's fields; a town without such a field gets the indicator without one).

The texts are German source rows (`Indicator` is translatable), written into the town's table by
`services.install_catalogue`; a town edits them there.
"""

from dataclasses import dataclass

from ankommen.seismograph.models import Direction, Topic, Unit

WORK = "wirtschaft-und-berufliche-bildung"
HOUSING = "wohnen-und-leben"
EDUCATION = "fruehkindliche-und-schulische-bildung"

REGISTER = "Einwohnermelderegister der Stadt (Hauptwohnsitz, Stichtag 31.12.)"
MIGRATION_REGISTER = (
    "Einwohnermelderegister der Stadt, Migrationshintergrund abgeleitet nach dem Verfahren MigraPro "
    "(Stichtag 31.12.)"
)
EMPLOYMENT_AGENCY = "Statistik der Bundesagentur für Arbeit, kleinräumige Auswertung (Jahresdurchschnitt)"
CHILDCARE = "Kita-Bedarfsplanung der Stadt, Kinder- und Jugendhilfestatistik (Stichtag 1.3.)"
SCHOOL_ENTRY = "Einschulungsuntersuchung des Gesundheitsamts (Sprachstandsdiagnose)"
SCHOOLS = "Schulstatistik, Übergänge nach der Grundschule (Staatliches Schulamt, Statistisches Landesamt)"
NATURALISATION = "Einbürgerungsbehörde der Stadt"
BAMF = "Bundesamt für Migration und Flüchtlinge, Integrationskursgeschäftsstatistik"
MOVES = "Einwohnermelderegister der Stadt, Zu- und Fortzüge über die Grenze des Stadtteils"
HOUSING_OFFICE = "Wohnungsbauförderung und Gebäude- und Wohnungsregister der Stadt"
ELECTIONS = "Wahlamt der Stadt, Ergebnis der letzten Gemeinderatswahl nach Wahlbezirken"


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    definition: str
    numerator: str
    denominator: str
    unit: str
    direction: str
    source: str
    topic: str
    field: str = ""  # the slug of the field of action it informs
    is_count: bool = False


def _count(key, name, definition, source=REGISTER, **more):
    """A number of residents: usable as a group or a total in the segregation measures."""
    return Entry(
        key,
        name,
        definition,
        numerator=name,
        denominator="",
        unit=Unit.COUNT,
        direction=Direction.NEUTRAL,
        source=source,
        topic=more.pop("topic", Topic.POPULATION),
        is_count=True,
        **more,
    )


CATALOGUE = (
    # --- residents ------------------------------------------------------------------------------
    _count(
        "einwohner_gesamt",
        "Einwohnerinnen und Einwohner",
        "Alle Personen mit Hauptwohnsitz im Stadtteil am Stichtag.",
    ),
    _count(
        "einwohner_deutsch",
        "Einwohnerinnen und Einwohner mit deutscher Staatsangehörigkeit",
        "Personen mit Hauptwohnsitz im Stadtteil, die die deutsche Staatsangehörigkeit haben, auch neben "
        "einer anderen.",
    ),
    _count(
        "einwohner_nichtdeutsch",
        "Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit",
        "Personen mit Hauptwohnsitz im Stadtteil, die nur eine oder mehrere ausländische "
        "Staatsangehörigkeiten haben oder staatenlos sind.",
    ),
    _count(
        "einwohner_migrationshintergrund",
        "Einwohnerinnen und Einwohner mit Migrationshintergrund",
        "Personen ohne deutsche Staatsangehörigkeit, Eingebürgerte, Spätaussiedlerinnen und "
        "Spätaussiedler sowie deren Kinder, soweit sie mit ihren Eltern gemeldet sind.",
        source=MIGRATION_REGISTER,
    ),
    _count(
        "einwohner_ohne_migrationshintergrund",
        "Einwohnerinnen und Einwohner ohne Migrationshintergrund",
        "Alle übrigen Personen mit Hauptwohnsitz im Stadtteil.",
        source=MIGRATION_REGISTER,
    ),
    _count(
        "einwohner_unter_6",
        "Kinder unter 6 Jahren",
        "Personen mit Hauptwohnsitz im Stadtteil, die am Stichtag jünger als 6 Jahre sind.",
    ),
    _count(
        "einwohner_unter_18",
        "Kinder und Jugendliche unter 18 Jahren",
        "Personen mit Hauptwohnsitz im Stadtteil, die am Stichtag jünger als 18 Jahre sind.",
    ),
    _count(
        "einwohner_18_bis_64",
        "Einwohnerinnen und Einwohner von 18 bis 64 Jahren",
        "Personen mit Hauptwohnsitz im Stadtteil, die am Stichtag 18 bis 64 Jahre alt sind.",
    ),
    _count(
        "einwohner_65_und_aelter",
        "Einwohnerinnen und Einwohner ab 65 Jahren",
        "Personen mit Hauptwohnsitz im Stadtteil, die am Stichtag 65 Jahre oder älter sind.",
    ),
    Entry(
        "anteil_nichtdeutsch",
        "Anteil der Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit",
        "Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit je 100 Einwohnerinnen und "
        "Einwohner des Stadtteils.",
        numerator="Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit",
        denominator="Einwohnerinnen und Einwohner",
        unit=Unit.PERCENT,
        direction=Direction.NEUTRAL,
        source=REGISTER,
        topic=Topic.POPULATION,
    ),
    Entry(
        "anteil_migrationshintergrund",
        "Anteil der Einwohnerinnen und Einwohner mit Migrationshintergrund",
        "Einwohnerinnen und Einwohner mit Migrationshintergrund je 100 Einwohnerinnen und Einwohner "
        "des Stadtteils.",
        numerator="Einwohnerinnen und Einwohner mit Migrationshintergrund",
        denominator="Einwohnerinnen und Einwohner",
        unit=Unit.PERCENT,
        direction=Direction.NEUTRAL,
        source=MIGRATION_REGISTER,
        topic=Topic.POPULATION,
    ),
    Entry(
        "anteil_unter_18",
        "Anteil der Kinder und Jugendlichen unter 18 Jahren",
        "Einwohnerinnen und Einwohner unter 18 Jahren je 100 Einwohnerinnen und Einwohner des Stadtteils.",
        numerator="Kinder und Jugendliche unter 18 Jahren",
        denominator="Einwohnerinnen und Einwohner",
        unit=Unit.PERCENT,
        direction=Direction.NEUTRAL,
        source=REGISTER,
        topic=Topic.POPULATION,
    ),
    Entry(
        "anteil_65_und_aelter",
        "Anteil der Einwohnerinnen und Einwohner ab 65 Jahren",
        "Einwohnerinnen und Einwohner ab 65 Jahren je 100 Einwohnerinnen und Einwohner des Stadtteils.",
        numerator="Einwohnerinnen und Einwohner ab 65 Jahren",
        denominator="Einwohnerinnen und Einwohner",
        unit=Unit.PERCENT,
        direction=Direction.NEUTRAL,
        source=REGISTER,
        topic=Topic.POPULATION,
    ),
    # --- work and social security ---------------------------------------------------------------
    _count(
        "sgb2_leistungsberechtigte",
        "Leistungsberechtigte nach dem SGB II",
        "Personen in Bedarfsgemeinschaften, die Bürgergeld (Grundsicherung für Arbeitsuchende nach "
        "dem SGB II) beziehen, erwerbsfähige wie nicht erwerbsfähige.",
        source=EMPLOYMENT_AGENCY,
        topic=Topic.WORK,
        field=WORK,
    ),
    Entry(
        "sgb2_quote",
        "SGB-II-Quote",
        "Leistungsberechtigte nach dem SGB II je 100 Einwohnerinnen und Einwohner unter der "
        "Regelaltersgrenze (0 bis unter 65 Jahre).",
        numerator="Leistungsberechtigte nach dem SGB II",
        denominator="Einwohnerinnen und Einwohner unter 65 Jahren",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_WORSE,
        source=EMPLOYMENT_AGENCY,
        topic=Topic.WORK,
        field=WORK,
    ),
    Entry(
        "sgb2_quote_unter_15",
        "SGB-II-Quote der Kinder unter 15 Jahren",
        "Nicht erwerbsfähige Leistungsberechtigte unter 15 Jahren je 100 Kinder unter 15 Jahren: "
        "das übliche Maß der Kinderarmut im Stadtteil.",
        numerator="Nicht erwerbsfähige Leistungsberechtigte nach dem SGB II unter 15 Jahren",
        denominator="Kinder unter 15 Jahren",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_WORSE,
        source=EMPLOYMENT_AGENCY,
        topic=Topic.WORK,
        field=HOUSING,
    ),
    _count(
        "arbeitslose",
        "Arbeitslose",
        "Arbeitslos gemeldete Personen nach dem SGB II und dem SGB III mit Wohnort im Stadtteil.",
        source=EMPLOYMENT_AGENCY,
        topic=Topic.WORK,
        field=WORK,
    ),
    Entry(
        "arbeitslosenquote",
        "Arbeitslosenquote (Arbeitslosenanteil)",
        "Arbeitslose je 100 Einwohnerinnen und Einwohner von 15 bis unter 65 Jahren. Für Stadtteile "
        "liegt die Bezugsgröße der amtlichen Quote (alle zivilen Erwerbspersonen) nicht vor; der Anteil "
        "an der Bevölkerung im erwerbsfähigen Alter ist das übliche kleinräumige Maß.",
        numerator="Arbeitslose",
        denominator="Einwohnerinnen und Einwohner von 15 bis unter 65 Jahren",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_WORSE,
        source=EMPLOYMENT_AGENCY,
        topic=Topic.WORK,
        field=WORK,
    ),
    Entry(
        "arbeitslosenquote_nichtdeutsch",
        "Arbeitslosenquote der Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit",
        "Arbeitslose ohne deutsche Staatsangehörigkeit je 100 Einwohnerinnen und Einwohner ohne deutsche "
        "Staatsangehörigkeit von 15 bis unter 65 Jahren.",
        numerator="Arbeitslose ohne deutsche Staatsangehörigkeit",
        denominator="Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit von 15 bis unter 65 Jahren",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_WORSE,
        source=EMPLOYMENT_AGENCY,
        topic=Topic.WORK,
        field=WORK,
    ),
    # --- childcare and school -------------------------------------------------------------------
    Entry(
        "betreuungsquote_unter_3",
        "Betreuungsquote der Kinder unter 3 Jahren",
        "Kinder unter 3 Jahren in einer Kindertageseinrichtung oder in Kindertagespflege je 100 Kinder "
        "unter 3 Jahren im Stadtteil.",
        numerator="Betreute Kinder unter 3 Jahren",
        denominator="Kinder unter 3 Jahren",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_BETTER,
        source=CHILDCARE,
        topic=Topic.EDUCATION,
        field=EDUCATION,
    ),
    Entry(
        "betreuungsquote_unter_3_migrationshintergrund",
        "Betreuungsquote der Kinder unter 3 Jahren mit Migrationshintergrund",
        "Betreute Kinder unter 3 Jahren, von denen mindestens ein Elternteil ausländischer Herkunft ist, "
        "je 100 Kinder unter 3 Jahren mit Migrationshintergrund im Stadtteil.",
        numerator="Betreute Kinder unter 3 Jahren mit Migrationshintergrund",
        denominator="Kinder unter 3 Jahren mit Migrationshintergrund",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_BETTER,
        source=CHILDCARE,
        topic=Topic.EDUCATION,
        field=EDUCATION,
    ),
    Entry(
        "betreuungsquote_3_bis_6",
        "Betreuungsquote der Kinder von 3 bis unter 6 Jahren",
        "Kinder von 3 Jahren bis zum Schuleintritt in einer Kindertageseinrichtung oder in "
        "Kindertagespflege je 100 Kinder dieses Alters im Stadtteil.",
        numerator="Betreute Kinder von 3 bis unter 6 Jahren",
        denominator="Kinder von 3 bis unter 6 Jahren",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_BETTER,
        source=CHILDCARE,
        topic=Topic.EDUCATION,
        field=EDUCATION,
    ),
    Entry(
        "betreuungsquote_3_bis_6_migrationshintergrund",
        "Betreuungsquote der Kinder von 3 bis unter 6 Jahren mit Migrationshintergrund",
        "Betreute Kinder von 3 Jahren bis zum Schuleintritt, von denen mindestens ein Elternteil "
        "ausländischer Herkunft ist, je 100 Kinder dieses Alters mit Migrationshintergrund im Stadtteil.",
        numerator="Betreute Kinder von 3 bis unter 6 Jahren mit Migrationshintergrund",
        denominator="Kinder von 3 bis unter 6 Jahren mit Migrationshintergrund",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_BETTER,
        source=CHILDCARE,
        topic=Topic.EDUCATION,
        field=EDUCATION,
    ),
    Entry(
        "sprachfoerderbedarf_einschulung",
        "Sprachförderbedarf bei der Einschulungsuntersuchung",
        "Untersuchte Kinder mit intensivem Sprachförderbedarf je 100 untersuchte Kinder des Stadtteils "
        "(Einschulungsuntersuchung im vorletzten Kindergartenjahr).",
        numerator="Untersuchte Kinder mit intensivem Sprachförderbedarf",
        denominator="Untersuchte Kinder",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_WORSE,
        source=SCHOOL_ENTRY,
        topic=Topic.EDUCATION,
        field=EDUCATION,
    ),
    Entry(
        "uebergang_gymnasium",
        "Übergänge auf das Gymnasium",
        "Schülerinnen und Schüler der 4. Klasse, die auf ein Gymnasium wechseln, je 100 Schülerinnen "
        "und Schüler der 4. Klasse mit Wohnort im Stadtteil.",
        numerator="Übergänge auf ein Gymnasium",
        denominator="Schülerinnen und Schüler der 4. Klasse",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_BETTER,
        source=SCHOOLS,
        topic=Topic.EDUCATION,
        field=EDUCATION,
    ),
    Entry(
        "uebergang_realschule",
        "Übergänge auf die Realschule",
        "Schülerinnen und Schüler der 4. Klasse, die auf eine Realschule wechseln, je 100 Schülerinnen "
        "und Schüler der 4. Klasse mit Wohnort im Stadtteil.",
        numerator="Übergänge auf eine Realschule",
        denominator="Schülerinnen und Schüler der 4. Klasse",
        unit=Unit.PERCENT,
        direction=Direction.NEUTRAL,
        source=SCHOOLS,
        topic=Topic.EDUCATION,
        field=EDUCATION,
    ),
    Entry(
        "uebergang_gemeinschaftsschule",
        "Übergänge auf die Gemeinschaftsschule",
        "Schülerinnen und Schüler der 4. Klasse, die auf eine Gemeinschaftsschule wechseln, je 100 "
        "Schülerinnen und Schüler der 4. Klasse mit Wohnort im Stadtteil.",
        numerator="Übergänge auf eine Gemeinschaftsschule",
        denominator="Schülerinnen und Schüler der 4. Klasse",
        unit=Unit.PERCENT,
        direction=Direction.NEUTRAL,
        source=SCHOOLS,
        topic=Topic.EDUCATION,
        field=EDUCATION,
    ),
    Entry(
        "uebergang_werkrealschule",
        "Übergänge auf die Werkrealschule oder Hauptschule",
        "Schülerinnen und Schüler der 4. Klasse, die auf eine Werkrealschule oder Hauptschule wechseln, "
        "je 100 Schülerinnen und Schüler der 4. Klasse mit Wohnort im Stadtteil.",
        numerator="Übergänge auf eine Werkrealschule oder Hauptschule",
        denominator="Schülerinnen und Schüler der 4. Klasse",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_WORSE,
        source=SCHOOLS,
        topic=Topic.EDUCATION,
        field=EDUCATION,
    ),
    # --- naturalisation and participation --------------------------------------------------------
    Entry(
        "einbuergerungen",
        "Einbürgerungen",
        "Einbürgerungen von Einwohnerinnen und Einwohnern des Stadtteils im Jahr.",
        numerator="Einbürgerungen",
        denominator="",
        unit=Unit.COUNT,
        direction=Direction.HIGHER_IS_BETTER,
        source=NATURALISATION,
        topic=Topic.PARTICIPATION,
    ),
    Entry(
        "einbuergerungsquote",
        "Einbürgerungsquote",
        "Einbürgerungen im Jahr je 100 Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit "
        "zu Beginn des Jahres.",
        numerator="Einbürgerungen",
        denominator="Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_BETTER,
        source=NATURALISATION,
        topic=Topic.PARTICIPATION,
    ),
    Entry(
        "integrationskurs_teilnehmende",
        "Neue Teilnehmende an Integrationskursen",
        "Personen mit Wohnort im Stadtteil, die im Jahr einen Integrationskurs begonnen haben.",
        numerator="Neue Teilnehmende an Integrationskursen",
        denominator="",
        unit=Unit.COUNT,
        direction=Direction.HIGHER_IS_BETTER,
        source=BAMF,
        topic=Topic.PARTICIPATION,
        field=WORK,
    ),
    Entry(
        "integrationskurs_quote",
        "Teilnahme an Integrationskursen je 1.000 Einwohnerinnen und Einwohner ohne deutsche "
        "Staatsangehörigkeit",
        "Neue Teilnehmende an Integrationskursen im Jahr je 1.000 Einwohnerinnen und Einwohner ohne "
        "deutsche Staatsangehörigkeit.",
        numerator="Neue Teilnehmende an Integrationskursen",
        denominator="Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit",
        unit=Unit.PER_THOUSAND,
        direction=Direction.HIGHER_IS_BETTER,
        source=BAMF,
        topic=Topic.PARTICIPATION,
        field=WORK,
    ),
    Entry(
        "wahlbeteiligung",
        "Wahlbeteiligung",
        "Wählerinnen und Wähler je 100 Wahlberechtigte bei der letzten Gemeinderatswahl, nach den "
        "Wahlbezirken des Stadtteils.",
        numerator="Wählerinnen und Wähler",
        denominator="Wahlberechtigte",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_BETTER,
        source=ELECTIONS,
        topic=Topic.PARTICIPATION,
    ),
    # --- housing and moves ----------------------------------------------------------------------
    Entry(
        "zuzuege",
        "Zuzüge",
        "Personen, die im Jahr in den Stadtteil gezogen sind, aus einem anderen Stadtteil oder von "
        "außerhalb der Stadt.",
        numerator="Zuzüge",
        denominator="",
        unit=Unit.COUNT,
        direction=Direction.NEUTRAL,
        source=MOVES,
        topic=Topic.HOUSING,
        field=HOUSING,
    ),
    Entry(
        "fortzuege",
        "Fortzüge",
        "Personen, die im Jahr aus dem Stadtteil fortgezogen sind, in einen anderen Stadtteil oder "
        "aus der Stadt hinaus.",
        numerator="Fortzüge",
        denominator="",
        unit=Unit.COUNT,
        direction=Direction.NEUTRAL,
        source=MOVES,
        topic=Topic.HOUSING,
        field=HOUSING,
    ),
    Entry(
        "fluktuation",
        "Fluktuation",
        "Zuzüge und Fortzüge im Jahr zusammen je 1.000 Einwohnerinnen und Einwohner: wie stark die "
        "Bewohnerschaft des Stadtteils wechselt.",
        numerator="Zuzüge und Fortzüge",
        denominator="Einwohnerinnen und Einwohner",
        unit=Unit.PER_THOUSAND,
        direction=Direction.HIGHER_IS_WORSE,
        source=MOVES,
        topic=Topic.HOUSING,
        field=HOUSING,
    ),
    Entry(
        "sozialwohnungen_anteil",
        "Anteil der Sozialwohnungen",
        "Mietpreis- und belegungsgebundene Wohnungen je 100 Wohnungen im Stadtteil.",
        numerator="Mietpreis- und belegungsgebundene Wohnungen",
        denominator="Wohnungen",
        unit=Unit.PERCENT,
        direction=Direction.NEUTRAL,
        source=HOUSING_OFFICE,
        topic=Topic.HOUSING,
        field=HOUSING,
    ),
)
