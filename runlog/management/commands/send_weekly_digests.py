"""manage.py send_weekly_digests [--now ISO-DATETIME] [--dry-run] [--inline]: the digests that are due.

With --inline, a runner whose digest cannot be built or rendered is logged with the traceback and
marked failed; the others are sent, and the command exits non-zero at the end.
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from runlog.digest.content import build_contents_each
from runlog.digest.delivery import ERROR, UNVERIFIED, deliver_batch, record_error
from runlog.digest.due import due_profiles
from runlog.digest.tasks import send_digest


class Command(BaseCommand):
    help = (
        "Find runners whose weekly digest is due (their weekday, after 07:00 local time) and queue one task "
        "each for the workers, or send in this process with --inline. Safe to run as often as you like."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", help="pretend it is this moment (ISO 8601; UTC if no offset)")
        parser.add_argument("--dry-run", action="store_true", help="list who is due; send and record nothing")
        parser.add_argument("--inline", action="store_true", help="send here instead of queueing tasks")

    def handle(self, *args, now, dry_run, inline, **options):
        if now:
            try:
                moment = dt.datetime.fromisoformat(now)
            except ValueError:
                raise CommandError(f"--now {now!r} is not an ISO date-time") from None
            moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
        else:
            moment = timezone.now()
        due = queued = skipped = 0
        outcomes: dict[str, int] = {}
        for profiles, weeks in due_profiles(moment):
            due += len(profiles)
            if dry_run:
                for profile in profiles:
                    name, week = profile.user.get_username(), weeks[profile.user_id]
                    if profile.email_verified:
                        self.stdout.write(f"due: {name} (week of {week})")
                    else:  # what the real run records for them
                        self.stdout.write(f"would skip: {name} (week of {week}): {UNVERIFIED}")
                        skipped += 1
                continue
            if inline:
                contents, failures = build_contents_each(profiles, weeks)
                for profile, week, error in failures:
                    if record_error(profile.user_id, week, moment, error):
                        outcomes[ERROR] = outcomes.get(ERROR, 0) + 1
                if contents:
                    for status, count in deliver_batch(list(contents.values()), moment).items():
                        outcomes[status] = outcomes.get(status, 0) + count
                continue
            for profile in profiles:
                send_digest.enqueue(profile.user_id, weeks[profile.user_id].isoformat())
                queued += 1
        if dry_run:
            unverified = f", {skipped} of them to skip ({UNVERIFIED})" if skipped else ""
            self.stdout.write(f"{due} digest(s) due at {moment.isoformat()}{unverified}; dry run, nothing sent.")
        elif inline:
            parts = ", ".join(f"{count} {status}" for status, count in sorted(outcomes.items())) or "nothing to do"
            self.stdout.write(f"{due} digest(s) due at {moment.isoformat()}: {parts}.")
            if outcomes.get(ERROR):
                raise CommandError(
                    f"{outcomes[ERROR]} digest(s) could not be built or rendered; the log has the traceback of each."
                )
        else:
            self.stdout.write(f"{due} digest(s) due at {moment.isoformat()}: {queued} queued for the workers.")
