"""The demo runner has a run from a real watch file, with its samples, laps and original."""

import datetime as dt
import io

import time_machine
from django.core.management import call_command
from django.urls import reverse

from runlog.activity.models import Recording


@time_machine.travel(dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC), tick=False)
def test_the_demo_shows_a_run_from_a_real_watch_file(db, client):
    call_command("seed_demo", stdout=io.StringIO())

    (recording,) = Recording.objects.filter(user__username="demo")
    assert (recording.sample_count, len(recording.laps), recording.device) == (1202, 6, "Garmin Forerunner 645M")
    assert recording.run.start == dt.datetime(2019, 9, 14, 15, 22, 5, tzinfo=dt.UTC)
    client.force_login(recording.user)
    page = client.get(reverse("run_detail", args=[recording.run_id])).content.decode()
    assert "Splits per km" in page and 'class="route"' in page
