"""Fixtures for the tests of what the cache keeps (the suite runs with a dummy cache otherwise)."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def real_cache(settings):
    """A real (in-memory) cache, empty, with the clock stopped at NOW."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    with time_machine.travel(NOW, tick=False):
        yield cache
    cache.clear()
