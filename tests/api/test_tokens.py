"""API tokens: hashed at rest, shown once, revocable, scoped, rate-limited; the Settings page and the command."""

import hashlib

import pytest
from django.core.management import call_command

from runlog.api.models import ApiToken
from runlog.api.tokens import create_token, revoke
from tests.api.conftest import ApiClient


def test_a_token_is_stored_as_its_sha256_never_as_itself(alice):
    token, secret = create_token(alice, "phone")

    stored = ApiToken.objects.values().get(pk=token.pk)

    assert secret not in str(stored)
    assert stored["digest"] == hashlib.sha256(secret.encode()).hexdigest()
    assert len(secret) >= 43  # 32 random bytes, URL-safe


def test_a_request_without_a_token_or_with_a_wrong_one_gets_401(alice):
    _, secret = create_token(alice, "phone")

    assert ApiClient("rl_" + "x" * 43).get("/api/v1/runs").status_code == 401
    anonymous = ApiClient(secret).client.get("/api/v1/runs")
    assert anonymous.status_code == 401
    assert anonymous.json()["detail"]
    assert anonymous["WWW-Authenticate"] == "Bearer"


def test_a_revoked_token_is_refused(alice):
    token, secret = create_token(alice, "phone")
    client = ApiClient(secret)
    assert client.get("/api/v1/runs").status_code == 200

    revoke(token)

    assert client.get("/api/v1/runs").status_code == 401


def test_a_read_token_reads_but_cannot_write(alice, alice_read_api):
    assert alice_read_api.get("/api/v1/shoes").status_code == 200

    response = alice_read_api.post("/api/v1/shoes", {"name": "Daily"})

    assert response.status_code == 403
    assert "read" in response.json()["detail"]
    assert not alice.shoes.exists()


def test_a_token_past_its_rate_limit_gets_429_with_retry_after(settings, alice):
    # The limit is counted in the cache (the tests' default is a dummy that keeps nothing).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rate"}}
    settings.API_RATE_LIMIT = "3/min"
    client = ApiClient(create_token(alice, "loop")[1])

    answers = [client.get("/api/v1/runs") for _ in range(4)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert 1 <= int(answers[-1]["Retry-After"]) <= 60
    assert answers[-1].json()["detail"]
    # The limit is per token: another token of the same runner still gets through.
    assert ApiClient(create_token(alice, "other")[1]).get("/api/v1/runs").status_code == 200


def test_each_use_is_recorded_as_the_last_use(alice):
    token, secret = create_token(alice, "phone")
    assert token.last_used_at is None

    ApiClient(secret).get("/api/v1/runs")

    token.refresh_from_db()
    assert token.last_used_at is not None


def test_settings_creates_a_token_shows_it_once_and_lists_it(alice, alice_client):
    response = alice_client.post("/settings/api-tokens/", {"name": "Phone shortcut", "scope": "write"})

    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(user=alice)
    assert (token.name, token.scope) == ("Phone shortcut", "write")
    again = alice_client.get("/settings/api-tokens/").content.decode()
    assert "Phone shortcut" in again
    assert secret not in again
    assert ApiClient(secret).post("/api/v1/shoes", {"name": "Daily"}).status_code == 201


def test_settings_revokes_a_token(alice, alice_client):
    token, secret = create_token(alice, "phone")

    response = alice_client.post(f"/settings/api-tokens/{token.pk}/revoke/")

    assert response.status_code == 302
    assert ApiClient(secret).get("/api/v1/runs").status_code == 401
    assert "revoked" in alice_client.get("/settings/api-tokens/").content.decode()


def test_a_token_needs_a_name(alice, alice_client):
    response = alice_client.post("/settings/api-tokens/", {"name": "", "scope": "read"})

    assert response.status_code == 422
    assert not ApiToken.objects.exists()


def test_the_command_prints_only_a_working_token(alice, capsys):
    call_command("create_api_token", "alice", "--name", "Garmin bridge", "--scope", "write")

    printed = capsys.readouterr().out
    assert printed.count("\n") == 1
    secret = printed.strip()
    assert ApiToken.objects.get(user=alice).scope == "write"
    assert ApiClient(secret).get("/api/v1/runs").status_code == 200


def test_the_command_refuses_an_unknown_runner(db):
    with pytest.raises(Exception, match="no runner called"):
        call_command("create_api_token", "nobody", "--name", "x")
