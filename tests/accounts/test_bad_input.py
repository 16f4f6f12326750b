"""Unknown ids and tokens in the accounts' addresses answer 404."""

import pytest


@pytest.mark.parametrize(
    "url",
    [
        "/verwaltung/mitglieder/999999/",
        "/einladung/kein-gueltiger-schluessel/",
    ],
)
def test_unknown_ids_answer_404(client_as, url):
    assert client_as("admin").get(url).status_code == 404
