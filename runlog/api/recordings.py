"""What the API serves of a run's recording: its samples, its splits and its original file.

The same functions as the run's page (runlog.activity): the samples read back from storage, the splits
cut from them, the original file streamed from storage. Positions are the runner's own, as on the page's
samples JSON and in the original file: the privacy zone is a rule for drawing a route (the page, the map),
not for the runner's own data.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import FileResponse, Http404, HttpRequest
from django.utils.translation import gettext as _

from runlog.activity.models import Recording
from runlog.activity.samples import Samples, SamplesCorrupt
from runlog.activity.splits import splits
from runlog.log import units as u
from runlog.log.models import Run
from runlog.site.ownership import owned_or_404

log = logging.getLogger("runlog.api")

# The channels of the API's samples, in the document's order (power, which the page's JSON also carries,
# is not part of version 1).
CHANNELS = ("t_s", "distance_m", "lat", "lon", "elevation_m", "hr", "cadence_spm", "speed_m_s")

# The original's media type by its name as uploaded; anything else (none known) is plain bytes.
MEDIA_TYPES = {
    ".gpx": "application/gpx+xml",
    ".tcx": "application/vnd.garmin.tcx+xml",
    ".fit": "application/vnd.ant.fit",
    ".gz": "application/gzip",
}
OCTETS = "application/octet-stream"


def own_recording(request: HttpRequest, pk: int) -> Recording | None:
    """The token owner's run's recording (None for a run logged by hand or from a summary); 404 for a run
    that is not theirs, exactly as for a missing id."""
    run = owned_or_404(Run.objects.filter(user=request.auth.user).select_related("recording"), request, pk, "run")
    try:
        return run.recording
    except Recording.DoesNotExist:
        return None


def _samples(recording: Recording | None) -> Samples | None:
    if recording is None:
        return None
    try:
        return recording.samples
    except (OSError, SamplesCorrupt):
        log.exception("samples unreadable recording=%s", recording.pk)
        raise Http404(_("This run's samples cannot be read from storage.")) from None


def samples_out(recording: Recording | None) -> dict[str, Any]:
    samples = _samples(recording)
    if samples is None:
        return {name: [] if name == "t_s" else None for name in CHANNELS}
    columns = samples.as_columns()
    return {name: columns[name] for name in CHANNELS}


def splits_out(recording: Recording | None, unit: str) -> list[dict[str, Any]]:
    samples = _samples(recording)
    if samples is None:
        return []
    result = []
    for split in splits(samples, unit_m=u.unit_m(unit)):
        shown = split.as_dict()
        result.append(
            {
                "index": split.index,
                "distance_m": shown["distance_m"],
                "duration_s": shown["duration_s"],
                "avg_hr": None if shown["avg_hr"] is None else int(shown["avg_hr"]),
                "avg_cadence_spm": shown["avg_cadence_spm"],
                "elevation_gain_m": shown["elevation_gain_m"],
            }
        )
    return result


def media_type(name: str) -> str:
    lower = name.lower()
    return next((kind for end, kind in MEDIA_TYPES.items() if lower.endswith(end)), OCTETS)


def original_response(recording: Recording | None, pk: int) -> FileResponse:
    """The original file streamed from storage as an attachment under its uploaded name; 404 without one."""
    if recording is None or not recording.original.name:
        raise Http404(_("This run has no original file."))
    name = (recording.original_name or "").replace("\\", "/").rsplit("/", 1)[-1].strip() or f"run-{pk}"
    try:
        stream = recording.original.open("rb")
    except OSError:
        log.exception("original unreadable recording=%s", recording.pk)
        raise Http404(_("This run's original file cannot be read from storage.")) from None
    return FileResponse(stream, as_attachment=True, filename=name, content_type=media_type(name))
