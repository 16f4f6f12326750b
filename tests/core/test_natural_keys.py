"""Every translatable row has a name within its town that outlives its database id (its natural key),
and that name survives being written into an XLIFF unit id, whatever characters it holds."""

import pytest

from ankommen.concept.models import Concept, Field, Stage
from ankommen.core.translation import translatable_models
from ankommen.core.xliff import decode_key, encode_key
from ankommen.legal.models import Part, SignLanguageVideo


@pytest.fixture
def a_video(town):
    """The demo has no sign language video; every translatable model needs a row to try its key on."""
    return SignLanguageVideo.objects.create(
        municipality=town,
        part=Part.CONTENT,
        video="gebaerdensprache/inhalte.mp4",
        media_type="video/mp4",
        size=1,
        description="Was es auf dieser Seite gibt.",
    )


def test_every_translatable_model_declares_its_natural_key():
    undeclared = [model.__name__ for model in translatable_models() if model.natural_key_fields is None]
    assert undeclared == []


def test_natural_keys_name_every_translatable_row_of_the_town_and_lead_back_to_it(town, a_video):
    for model in (
        model for model in translatable_models() if model._meta.app_config.name.startswith("ankommen.")
    ):
        rows = model.objects.for_municipality(town)
        assert rows.exists(), f"no {model.__name__} in the demo town to try its key on"
        for obj in rows:
            key = obj.natural_key()
            assert all(isinstance(part, str) and part for part in key), (model.__name__, key)
            assert rows.get_by_natural_key(*key) == obj
            assert decode_key(encode_key(key)) == key


def test_a_natural_key_holds_within_its_town(town, other_town):
    ours = Field.objects.for_municipality(town).get_by_natural_key("wohnen-und-leben")
    theirs = Field.objects.for_municipality(other_town).get_by_natural_key("wohnen-und-leben")
    assert ours.municipality == town
    assert theirs.municipality == other_town
    with pytest.raises(Field.MultipleObjectsReturned):
        Field.objects.get_by_natural_key("wohnen-und-leben")


def test_keys_follow_related_rows_and_a_towns_one_row_has_an_empty_key(town):
    stage = Stage.objects.for_municipality(town).get(field__slug="wohnen-und-leben", kind="stocktaking")
    assert stage.natural_key() == ("wohnen-und-leben", "stocktaking")
    assert Concept.objects.for_municipality(town).get().natural_key() == ()
    assert Concept.objects.for_municipality(town).get_by_natural_key().municipality == town


def test_a_key_with_the_wrong_number_of_parts_names_nothing(town):
    with pytest.raises(Stage.DoesNotExist):
        Stage.objects.for_municipality(town).get_by_natural_key("wohnen-und-leben")


@pytest.mark.parametrize(
    "key",
    [
        ("wohnen-und-leben", "Wohnen/Leben: 50 % mehr [sic]"),
        ("a%2Fb", "%%", "100%"),
        ("::", "[]", "//", "]["),
        ("Zeile eins\nZeile zwei\tund ein Tab",),
        ("Übergänge: Kita → Schule", "ملاحظة: ٥٠٪"),
        (),
    ],
)
def test_the_key_encoding_survives_awkward_titles(key):
    encoded = encode_key(key)
    assert decode_key(encoded) == key
    inside = encoded.split("/")
    assert len(inside) == (len(key) or 1)
    assert not any(char in part for part in inside for char in ":[]\n\t")


def test_an_empty_part_cannot_be_encoded():
    with pytest.raises(ValueError, match="cannot be empty"):
        encode_key(("wohnen-und-leben", ""))
