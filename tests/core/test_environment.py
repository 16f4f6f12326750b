"""Settings from the environment: typed, strict, secrets from files."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from ankommen.core.environment import env_bool, env_int, env_list, env_str


@pytest.mark.parametrize(
    ("value", "expected"), [("true", True), ("1", True), ("ON", True), ("false", False), ("0", False)]
)
def test_env_bool_reads_the_usual_spellings(monkeypatch, value, expected):
    monkeypatch.setenv("X_FLAG", value)
    assert env_bool("X_FLAG") is expected


def test_env_bool_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_FLAG")


def test_env_int_refuses_words(monkeypatch):
    monkeypatch.setenv("X_NUMBER", "zehn")
    with pytest.raises(ImproperlyConfigured):
        env_int("X_NUMBER", 1)
    monkeypatch.setenv("X_NUMBER", "10")
    assert env_int("X_NUMBER", 1) == 10


def test_env_list_splits_and_trims(monkeypatch):
    monkeypatch.setenv("X_HOSTS", " a.example, b.example ,,")
    assert env_list("X_HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.delenv("X_HOSTS")
    assert env_list("X_HOSTS", ["d"]) == ["d"]


def test_secret_comes_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s3cr3t\n")
    monkeypatch.delenv("X_SECRET", raising=False)
    monkeypatch.setenv("X_SECRET_FILE", str(secret))
    assert env_str("X_SECRET") == "s3cr3t"
