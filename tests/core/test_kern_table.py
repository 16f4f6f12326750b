"""`{% kern_table %}`: one KERN table head for every table, the rows written by each page."""

import pytest
from django.template import Context, Template, TemplateSyntaxError


def _render(source, **context):
    return Template(source).render(Context(context))


def test_table_has_hidden_caption_and_column_headings_with_scope():
    html = _render('{% kern_table "Mitglieder" _("Name") "Rollen" %}<tr><td>Ada</td></tr>{% endkern_table %}')
    assert '<caption id="tabelle-mitglieder" class="visually-hidden">Mitglieder</caption>' in html
    assert html.count('scope="col"') == 2
    assert '<th class="kern-table__header" scope="col">Rollen</th>' in html
    assert '<tbody class="kern-table__body">' in html and '<tr><td data-label="Name">Ada</td></tr>' in html
    assert (
        '<div class="table-scroll" role="region" aria-labelledby="tabelle-mitglieder" tabindex="0">' in html
    )


def test_each_cell_carries_its_columns_heading_to_reflow_on_a_phone():
    html = _render(
        '{% kern_table "Stufen" "Stufe" "Stand" numeric=labels %}'
        '<tr class="kern-table__row"><th scope="row">Bestandsaufnahme</th><td>offen</td><td>3</td></tr>'
        "<tr><th>Optionen</th><td>geplant</td><td>0</td><td>zu viel</td></tr>"
        "{% endkern_table %}",
        labels=["Beiträge <neu>"],
    )
    assert (
        '<tr class="kern-table__row"><th data-label="Stufe" scope="row">Bestandsaufnahme</th>'
        '<td data-label="Stand">offen</td><td data-label="Beiträge &lt;neu&gt;">3</td></tr>'
    ) in html
    assert '<td data-label="">zu viel</td>' in html  # a cell beyond the headings gets none
    assert '<th class="kern-table__header" scope="col">Stufe</th>' in html  # the head is left alone


def test_a_given_id_names_the_caption():
    html = _render('{% kern_table "Hilfeseiten" "Titel" id="hilfe" %}{% endkern_table %}')
    assert '<div class="table-scroll" role="region" aria-labelledby="hilfe" tabindex="0">' in html
    assert '<caption id="hilfe" class="visually-hidden">Hilfeseiten</caption>' in html


def test_numeric_columns_and_the_small_table():
    html = _render(
        '{% kern_table caption "Sprache" numeric=labels small=True %}{% endkern_table %}',
        caption="Stand <je> Sprache",
        labels=["fehlt", "geprüft"],
    )
    assert "Stand &lt;je&gt; Sprache" in html
    assert html.count("kern-table__header--numeric") == 2
    assert '<table class="kern-table kern-table--small">' in html


def test_an_unknown_option_is_a_template_error():
    with pytest.raises(TemplateSyntaxError, match="wide"):
        Template('{% kern_table "Titel" "Spalte" wide=True %}{% endkern_table %}')
