"""Shared fixtures: personas alice (owns the data) and bob (another runner), and an admin."""

import os
from pathlib import Path

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

from tests.factories import ProfileFactory, UserFactory
from tests.i18n.pseudo import pseudo_locale, pseudo_locale_dir  # noqa: F401 (fixtures for every test)

# Benchmarks run with `make bench` only.
collect_ignore_glob = [] if os.environ.get("RUNLOG_BENCH") else ["benchmarks/*"]

PASSWORD = "correct-horse-battery-staple"

# On a developer's machine hypothesis draws new examples every run and keeps what failed; in CI
# (CI=true) the examples are the same every run, so a run that lands is repeatable.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """The .mo files are build output (make install compiles them): the suite compiles them too, so a
    test sees every language as a runner would, fresh from the .po catalogues."""
    from django.conf import settings
    from django.utils.translation import trans_real

    from runlog.site.catalogues import compile_po

    for root in settings.LOCALE_PATHS:
        for po in Path(root).glob("*/LC_MESSAGES/*.po"):
            compile_po(po)
    trans_real._translations = {}
    trans_real._default = None


@pytest.fixture(autouse=True)
def upload_storage(settings, tmp_path):
    """Uploaded files go to a temporary directory of each test, never to the project's own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def alice(db):
    user = UserFactory(username="alice", password=PASSWORD)
    ProfileFactory(user=user, timezone="Europe/Berlin")
    return user


@pytest.fixture
def bob(db):
    user = UserFactory(username="bob", password=PASSWORD)
    ProfileFactory(user=user, timezone="America/New_York", units="mi")
    return user


@pytest.fixture
def alice_client(alice) -> Client:
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob) -> Client:
    client = Client()
    client.force_login(bob)
    return client


@pytest.fixture
def htmx_headers():
    return {"HTTP_HX_REQUEST": "true"}
