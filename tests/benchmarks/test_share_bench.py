"""The clinician share of the demo runner's last 12 weeks: how long its page and its PDF take, and how big
the PDF is.

Run with `make bench` (or RUNLOG_BENCH=1 … pytest tests/benchmarks/test_share_bench.py --benchmark-only).
Figures, not assertions: the page's query count is pinned in tests/sharing/test_clinician_share.py.
"""

import datetime as dt
import io

import pypdf
import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from runlog.sharing.models import ClinicianShare

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def demo_share(db):
    with time_machine.travel(NOW, tick=True):
        call_command("seed_demo", stdout=io.StringIO())
        share = ClinicianShare.objects.get(user__username="demo")
        ClinicianShare.objects.filter(pk=share.pk).delete()
        today = dt.date(2026, 11, 25)
        _, token = ClinicianShare.create(
            share.user,
            start_date=today - dt.timedelta(days=83),
            end_date=today,
            include_notes=True,
            expires_at=NOW + dt.timedelta(days=14),
        )
        yield token


def test_share_pdf_of_twelve_weeks(benchmark, demo_share):
    client = Client()
    benchmark.group = "clinician share, demo runner, 12 weeks"

    response = benchmark.pedantic(client.get, args=(f"/share/{demo_share}/report.pdf",), rounds=5, warmup_rounds=1)

    assert response.status_code == 200
    pages = len(pypdf.PdfReader(io.BytesIO(response.content)).pages)
    benchmark.extra_info.update({"pdf_bytes": len(response.content), "pdf_pages": pages})
    print(f"\nclinician share PDF, 12 weeks of the demo runner: {len(response.content)} bytes, {pages} pages")


def test_share_page_of_twelve_weeks(benchmark, demo_share):
    client = Client()
    benchmark.group = "clinician share, demo runner, 12 weeks"

    response = benchmark(client.get, f"/share/{demo_share}/")

    assert response.status_code == 200
    benchmark.extra_info["html_bytes"] = len(response.content)
