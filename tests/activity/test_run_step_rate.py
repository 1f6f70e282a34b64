"""The run's page shows its step rate against the range to build towards (form.cadence): ⌈1.05 c⌉ to
⌊1.10 c⌋ steps/min, c the median step rate of the runner's runs in the 30 days up to the run's day."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from tests.factories import RunFactory, local

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def runs_at(user, *rates_by_days_ago):
    return [
        RunFactory(user=user, start=local(TODAY - dt.timedelta(days=n)), avg_cadence_spm=spm)
        for n, spm in rates_by_days_ago
    ]


def page(client, run) -> str:
    response = client.get(reverse("run_detail", args=[run.pk]))
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_a_run_below_the_range_shows_the_range_from_the_median_step_rate(alice, alice_client):
    # Median of 158, 164, 160 = 160 → 168 (⌈168.0⌉) to 176 (⌊176.0⌋), never 169 by float error.
    *_, run = runs_at(alice, (10, 158), (6, 164), (2, 160))

    html = page(alice_client, run)

    assert "<strong>160 steps/min</strong> on this run; the range to build towards is" in html
    assert "<strong>168–176 steps/min</strong>" in html
    assert "below the range" in html
    assert "your usual step rate of 160 steps/min" in html
    assert 'href="/advice/topic-step-rate/"' in html


def test_an_even_count_takes_the_mean_of_the_two_middle_rates(alice, alice_client):
    # Median of 161, 165, 170, 172 = 167.5 → 1.05 × 167.5 = 175.875 → 176; 1.10 × 167.5 = 184.25 → 184.
    *_, run = runs_at(alice, (12, 161), (9, 170), (5, 165), (1, 172))

    html = page(alice_client, run)

    assert "<strong>176–184 steps/min</strong>" in html
    assert "below the range" in html
    assert "your usual step rate of 167.5 steps/min" in html


def test_a_run_inside_or_above_the_range_says_so(alice, alice_client):
    # 150, 160, 176 → median 160 → 168–176: 176 is in the range (its upper end).
    *_, inside = runs_at(alice, (8, 150), (6, 160), (4, 176))
    # Adding 185 two days ago: 150, 160, 176, 185 → median 168 → 176.4 → 177, 184.8 → 184: 185 is above.
    (above,) = runs_at(alice, (2, 185))

    assert "in the range" in page(alice_client, inside)
    assert "<strong>168–176 steps/min</strong>" in page(alice_client, inside)
    html = page(alice_client, above)
    assert "<strong>177–184 steps/min</strong>" in html
    assert "above the range" in html


def test_the_range_is_the_one_of_the_runs_day_not_of_later_runs(alice, alice_client):
    # On day -6 the runs of days -10, -8, -6 count (median 160: 168–176); the later 190s do not.
    _, _, run, *_ = runs_at(alice, (10, 158), (8, 160), (6, 164), (4, 190), (2, 190))

    assert "<strong>168–176 steps/min</strong>" in page(alice_client, run)


def test_with_too_few_runs_with_a_step_rate_the_page_says_so(alice, alice_client):
    RunFactory(user=alice, start=local(TODAY - dt.timedelta(days=40)), avg_cadence_spm=160)  # outside the 30 days
    RunFactory(user=alice, start=local(TODAY - dt.timedelta(days=5)))  # no step rate
    *_, run = runs_at(alice, (4, 162), (2, 166))

    html = page(alice_client, run)

    assert "<strong>166 steps/min</strong> on this run." in html
    assert "Not enough data for a target range yet: it needs 3 runs with a step rate in the 30 days" in html
    assert "steps/min</strong> on this run; the range" not in html


def test_a_run_without_a_step_rate_shows_no_step_rate_section(alice, alice_client):
    runs_at(alice, (8, 160), (6, 162), (4, 164))
    run = RunFactory(user=alice, start=local(TODAY - dt.timedelta(days=2)))

    assert 'id="step-rate-title"' not in page(alice_client, run)
