"""`{% kern_table %}`: one KERN table head for every table, the rows written by each page."""

import pytest
from django.template import Context, Template, TemplateSyntaxError


def _render(source, **context):
    return Template(source).render(Context(context))


def test_table_has_hidden_caption_and_column_headings_with_scope():
    html = _render('{% kern_table "Mitglieder" _("Name") "Rollen" %}<tr><td>Ada</td></tr>{% endkern_table %}')
    assert '<caption class="visually-hidden">Mitglieder</caption>' in html
    assert html.count('scope="col"') == 2
    assert '<th class="kern-table__header" scope="col">Rollen</th>' in html
    assert '<tbody class="kern-table__body">' in html and "<tr><td>Ada</td></tr>" in html
    assert 'role="region"' not in html


def test_table_with_an_id_is_a_region_the_keyboard_reaches():
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
