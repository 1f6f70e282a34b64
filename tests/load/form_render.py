"""Time to render the runner's forms with each form renderer, interleaved in one process.

    python tests/load/form_render.py            # 300 rounds: the run, pain and settings edit forms

Each round renders every form once with each renderer in turn (Django templates, Django's Jinja2
renderer, Runlog's Jinja2-first renderer), so a busy machine slows them alike; the figure is the
median per form. The forms are edit forms, which are never cached (the empty quick-log form is).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="runlog-forms-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="runlog.settings",
        RUNLOG_TESTING="0",
        DEBUG="0",
        SECRET_KEY="form-render-timing-only-0123456789abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="testserver",
        SQLITE_PATH=os.path.join(tmp, "forms.sqlite3"),
        CACHE_URL="dummy://",
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.forms.renderers import DjangoTemplates, Jinja2
    from django.template.loader import get_template
    from django.test.utils import override_settings

    from injuries.forms import PainReportForm
    from injuries.models import PainReport
    from runlog.log.forms import ProfileForm, RunForm
    from runlog.log.models import Profile, Run, Shoe
    from runlog.site.renderers import JinjaFirstRenderer

    # The pain form's body map links its script; no collectstatic manifest is needed to time forms.
    override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_user("timing", password="not-used-0123")
    profile = Profile.objects.create(user=user, timezone="Europe/Berlin")
    shoes = [Shoe.objects.create(user=user, name=f"Pair {i}") for i in range(4)]
    start = dt.datetime(2026, 11, 20, 7, tzinfo=dt.UTC)
    run = Run.objects.create(user=user, start=start, distance_m=10_000, duration_s=3000, shoe=shoes[0])
    report = PainReport.objects.create(user=user, date=start.date(), location="shin", side="left", during=3, run=run)
    template = get_template("log/_form_fields.html")
    forms = {
        "run edit form": lambda renderer: RunForm(instance=run, profile=profile, renderer=renderer),
        "pain edit form": lambda renderer: PainReportForm(instance=report, profile=profile, renderer=renderer),
        "settings form": lambda renderer: ProfileForm(instance=profile, renderer=renderer),
    }
    renderers = {"DjangoTemplates": DjangoTemplates(), "Jinja2": Jinja2(), "JinjaFirstRenderer": JinjaFirstRenderer()}
    times = {(form, name): [] for form in forms for name in renderers}
    for round_ in range(args.rounds + 20):
        for form, make in forms.items():
            for name, renderer in renderers.items():
                began = time.perf_counter()
                template.render({"form": make(renderer)})
                if round_ >= 20:  # warm-up: template loading and compiling
                    times[form, name].append(time.perf_counter() - began)
    for form in forms:
        line = ", ".join(f"{name} {statistics.median(times[form, name]) * 1000:.2f} ms" for name in renderers)
        print(f"{form:15} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
