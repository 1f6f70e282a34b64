"""manage.py risk_report USERNAME [--on YYYY-MM-DD] [--format json|text]: the risk assessment."""

import datetime as dt
import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from injuries.advice import report_dict
from injuries.assessment import assessment_for
from runlog.log.models import profile_for


class Command(BaseCommand):
    help = "Print a runner's injury-risk assessment as of a date (default: today in their time zone)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--on", help="assessment date, YYYY-MM-DD")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, username, on, format, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no runner called {username!r}")
        profile = profile_for(user)
        day = None
        if on:
            try:
                day = dt.date.fromisoformat(on)
            except ValueError:
                raise CommandError(f"--on {on!r} is not a date (use YYYY-MM-DD)") from None
        assessment = assessment_for(profile, day)
        report = report_dict(user.get_username(), assessment)
        if format == "json":
            self.stdout.write(json.dumps(report, ensure_ascii=False))
            return
        self.stdout.write(self.as_text(report, assessment))

    @staticmethod
    def as_text(report: dict, assessment) -> str:
        metrics = report["metrics"]
        lines = [f"Risk report for {report['user']} on {report['on']}"]
        shown = ", ".join(f"{key} {'n/a' if value is None else value}" for key, value in metrics.items())
        lines.append(f"Metrics: {shown}")
        if not report["flags"]:
            checked = ", ".join(c.label.lower() for c in assessment.checks)
            lines.append(f"No warnings. Checked: {checked}.")
        for flag in report["flags"]:
            lines.append(f"[{flag['severity'].upper()}] {flag['code']}: {flag['title']}")
            lines.append(f"    {flag['message']}")
            if flag["advice"]:
                lines.append(f"    advice: {flag['advice']}")
        lines.append(f"{len(report['flags'])} warning(s).")
        plan = assessment.plan
        if plan is not None:
            lines.append(
                f"Return-to-run plan ({plan.location.replace('_', ' ')}, from {plan.started_on}): {plan.status}, "
                f"phase {plan.phase} of {report['plan']['phases']}"
                + (f", next {plan.next_session_label}" if plan.next_session_label else "")
                + "."
            )
        for episode in assessment.episodes:
            before = ", ".join(f"{b.code} ({b.date})" for b in episode.before) or "nothing in the log"
            lines.append(f"Pain episode {episode.location} from {episode.onset}: before it {before}.")
        return "\n".join(lines)
