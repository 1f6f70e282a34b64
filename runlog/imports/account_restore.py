"""Saving a checked account export into a runner's account: all of it in one transaction, duplicates skipped."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from injuries.models import PainReport, ReturnPlan
from runlog.activity.models import Recording
from runlog.activity.store import Recorded, RecordingWriter
from runlog.imports.account_schema import AccountDocument
from runlog.imports.models import ImportBatch
from runlog.imports.parsers import fit, gpx, tcx
from runlog.imports.parsers.base import ImportRejected, maybe_gunzip
from runlog.imports.save import DuplicateIndex, FileReport
from runlog.log.models import CrossTraining, Profile, Run, Shoe

PROFILE_FIELDS = ("units", "timezone", "digest_enabled", "digest_weekday", "foot_type", "language")


def activity_identity(start: dt.datetime, distance_m: float | None, kind: str) -> str:
    """Coarse identity of an activity: the minute it started, its kind and its distance to 100 m."""
    minute = start.astimezone(dt.UTC).strftime("%Y%m%dT%H%M")
    distance = "-" if distance_m is None else str(round(distance_m / 100))
    return hashlib.sha1(f"{minute}|{kind}|{distance}".encode()).hexdigest()[:20]


def _restore_profile(profile: Profile, doc: AccountDocument, shoes: dict[str, Shoe], dry_run: bool) -> None:
    changed = [name for name in PROFILE_FIELDS if name in doc.profile]
    for name in changed:
        setattr(profile, name, doc.profile[name])
    if "default_shoe" in doc.profile:
        profile.default_shoe = shoes.get(doc.profile["default_shoe"])
        changed.append("default_shoe")
    if changed and not dry_run:
        profile.save(update_fields=changed)


PARSERS = {".gpx": gpx.parse_gpx, ".tcx": tcx.parse_tcx, ".fit": fit.parse_fit}


def _recorded(name: str, data: bytes, report: FileReport) -> tuple[Recorded, float | None]:
    """An archived original, and what it recorded read back from it (the samples are rebuilt, not stored)."""
    recorded = Recorded(original=data, original_name=name.rsplit("/", 1)[-1])
    plain_name, plain = maybe_gunzip(name, data)
    parser = next((parse for suffix, parse in PARSERS.items() if plain_name.lower().endswith(suffix)), None)
    try:
        records = parser(plain) if parser else []
    except ImportRejected as exc:
        report.remarks.append(
            _("%(name)s: kept, but its samples could not be read (%(reason)s)") % {"name": name, "reason": exc.reason}
        )
        records = []
    if not records:
        return recorded, None
    recorded.samples, recorded.laps, recorded.device = records[0].samples, records[0].laps, records[0].device
    return recorded, records[0].elevation_loss_m


def _keep_originals(user, doc: AccountDocument, pending, report: FileReport, writer: RecordingWriter) -> None:
    """The archive's original files for the activities just created, each beside its activity."""
    recordings = []
    for activity, name, kind in pending:
        if doc.read_file is None:
            continue
        recorded, loss_m = _recorded(name, doc.read_file(name), report)
        recording = writer.build(user.pk, recorded, kind == "run", loss_m)
        setattr(recording, kind, activity)
        recordings.append(recording)
    Recording.objects.bulk_create(recordings, batch_size=200)


def save(profile: Profile, doc: AccountDocument, report: FileReport, batch: ImportBatch | None, dry_run: bool) -> None:
    """Everything in one transaction; duplicates of what the account already holds are skipped."""
    writer = RecordingWriter()
    try:
        _save(profile, doc, report, batch, dry_run, writer)
    except BaseException:
        writer.discard()  # nothing of the document is saved, so none of its stored files stays either
        raise


def _save(profile, doc, report, batch, dry_run, writer: RecordingWriter) -> None:
    user = profile.user
    pending: list[tuple[Run | CrossTraining, str, str]] = []  # (activity, its file in the ZIP, "run" or ...)
    with transaction.atomic():
        empty = not (Run.objects.filter(user=user).exists() or CrossTraining.objects.filter(user=user).exists())
        existing = {s.name.strip().lower(): s for s in Shoe.objects.filter(user=user)}
        shoes: dict[str, Shoe] = {}
        for item in doc.shoes:
            shoe = existing.get(item["name"].strip().lower())
            if shoe is None:
                shoe = Shoe(user=user, import_batch=batch, **{k: v for k, v in item.items() if k != "key"})
                if not dry_run:
                    shoe.save()
                report.created += 1
            shoes[item["key"]] = shoe
        if doc.profile and empty:
            _restore_profile(profile, doc, shoes, dry_run)
        elif doc.profile:
            report.remarks.append(_("the account already had a log, so its settings were kept"))

        starts = [r["start"] for r in doc.runs + doc.cross_training]
        index = DuplicateIndex.for_user(user, min(starts), max(starts)) if starts else DuplicateIndex()
        runs: list[Run] = []
        by_key: dict[str, Run] = {}
        duplicate_keys: dict[str, str] = {}  # run key → identity of the run already in the account
        duplicate_starts: list[dt.datetime] = []
        for position, item in enumerate(doc.runs):
            key, values = item["key"], {k: v for k, v in item.items() if k != "key"}
            source, source_id = values.get("source", ""), values.get("source_id", "")
            if index.seen("run", values["start"], values["distance_m"], source, source_id):
                report.duplicates += 1
                if key is not None:
                    duplicate_keys[key] = activity_identity(values["start"], values["distance_m"], "run")
                    duplicate_starts.append(values["start"])
                continue
            index.add("run", values["start"], values["distance_m"], source, source_id)
            run = Run(
                user=user,
                import_batch=batch,
                **{**values, "shoe": shoes.get(values["shoe"])},
            )
            runs.append(run)
            if key is not None:
                by_key[key] = run
            if position in doc.run_files:
                pending.append((run, doc.run_files[position], "run"))

        sessions: list[CrossTraining] = []
        for position, item in enumerate(doc.cross_training):
            kind = f"xt:{item['activity']}"
            source, source_id = item.get("source", ""), item.get("source_id", "")
            if index.seen(kind, item["start"], None, source, source_id):
                report.duplicates += 1
                continue
            index.add(kind, item["start"], None, source, source_id)
            sessions.append(
                CrossTraining(
                    user=user,
                    import_batch=batch,
                    **item,
                )
            )
            if position in doc.session_files:
                pending.append((sessions[-1], doc.session_files[position], "cross_training"))

        if not dry_run:
            # Saved before the pain reports, which refer to them by primary key.
            Run.objects.bulk_create(runs, batch_size=500)
        if duplicate_keys:
            # A pain report linked to a run the account already had stays linked to that run.
            # Identities are computed, not stored: the account's runs from the first such minute to the last.
            first = min(duplicate_starts).replace(second=0, microsecond=0)
            last = max(duplicate_starts).replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
            candidates = Run.objects.filter(user=user, start__gte=first, start__lt=last)
            wanted = set(duplicate_keys.values())
            already = {}
            for pk, start, distance_m in candidates.values_list("pk", "start", "distance_m"):
                if (identity := activity_identity(start, distance_m, "run")) in wanted:
                    already[identity] = pk
            for key, identity in duplicate_keys.items():
                if identity in already:
                    by_key[key] = Run(pk=already[identity], user=user)

        seen_pain = set(PainReport.objects.filter(user=user).values_list("date", "location", "side"))
        pains: list[PainReport] = []
        for item in doc.pain_reports:
            identity = (item["date"], item["location"], item["side"])
            if identity in seen_pain:
                report.duplicates += 1
                continue
            seen_pain.add(identity)
            values = {**item, "run": by_key.get(item["run"]) if item.get("run") else None}
            pains.append(PainReport(user=user, import_batch=batch, **values))
        seen_plans = set(ReturnPlan.objects.filter(user=user).values_list("location", "started_on"))
        plans: list[ReturnPlan] = []
        for item in doc.plans:
            identity = (item["location"], item["started_on"])
            if identity in seen_plans:
                report.duplicates += 1
                continue
            seen_plans.add(identity)
            plans.append(ReturnPlan(user=user, import_batch=batch, **item))
        report.created += len(runs) + len(sessions) + len(pains) + len(plans)
        if doc.original_files and doc.read_file is None:
            report.remarks.append(
                ngettext(
                    "%(count)d original activity file named in the file was not kept: "
                    "it travels in the ZIP export, not in account.json alone",
                    "%(count)d original activity files named in the file were not kept: "
                    "they travel in the ZIP export, not in account.json alone",
                    doc.original_files,
                )
                % {"count": doc.original_files}
            )
        if dry_run:
            return
        CrossTraining.objects.bulk_create(sessions, batch_size=500)
        PainReport.objects.bulk_create(pains, batch_size=500)
        ReturnPlan.objects.bulk_create(plans, batch_size=500)
        _keep_originals(user, doc, pending, report, writer)
    writer.written = []
