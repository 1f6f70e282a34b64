"""The default cache: Django's file-based cache, culled by sampling.

Django's FileBasedCache lists its whole directory on every `set` to decide whether to cull, which costs
milliseconds once it holds thousands of entries (every list entry and assessment is one). Here the
listing runs on about one set in CULL_EVERY, so the directory can overshoot MAX_ENTRIES by a few
dozen entries between culls; expired entries are still dropped when read or culled.
"""

from __future__ import annotations

import random

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 50


class SampledCullFileCache(FileBasedCache):
    def _cull(self):
        if random.random() < 1 / CULL_EVERY:  # sampling, not security
            super()._cull()
