"""Logging in through the product's password hasher (Argon2), not the suite's fast MD5."""

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import override_settings

from ankommen import settings as product_settings
from ankommen.accounts.models import User

PASSWORD = "ein-langes-passwort-2026"


@pytest.fixture
def production_hashers():
    assert product_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    with override_settings(PASSWORD_HASHERS=product_settings.PASSWORD_HASHERS):
        yield


def _login(client, password):
    return client.post("/konto/login/", {"login": "expertin@demo.ankommen.example", "password": password})


def test_member_logs_in_with_a_password_hashed_by_argon2(client, people, production_hashers):
    user = people["expertin"].user
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    assert identify_hasher(User.objects.get(pk=user.pk).password).algorithm == "argon2"

    response = _login(client, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_refused_under_argon2(client, people, production_hashers):
    user = people["expertin"].user
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])

    response = _login(client, "ein-falsches-passwort")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
