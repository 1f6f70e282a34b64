"""Hand-made activity files for the import pipeline's tests and benchmarks: GPX runs and archives of them."""

import datetime as dt
import io
import zipfile

FIRST_RUN = dt.datetime(2025, 1, 1, 6, 0, tzinfo=dt.UTC)


def gpx_run(start: dt.datetime, points: int = 600) -> bytes:
    """A run of `points` seconds heading north at about 3 m/s (0.000027° of latitude a second)."""
    trackpoints = "".join(
        f'<trkpt lat="{48 + i * 0.000027:.6f}" lon="11.000000"><ele>500</ele>'
        f"<time>{(start + dt.timedelta(seconds=i)).strftime('%Y-%m-%dT%H:%M:%SZ')}</time></trkpt>"
        for i in range(points)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<gpx version="1.1" creator="runlog tests" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><type>running</type><trkseg>{trackpoints}</trkseg></trk></gpx>"
    ).encode()


def gpx_archive(runs: int, points: int = 600) -> bytes:
    """A ZIP of `runs` GPX files, one run a day from FIRST_RUN."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for day in range(runs):
            archive.writestr(f"run-{day:04d}.gpx", gpx_run(FIRST_RUN + dt.timedelta(days=day), points))
    return buffer.getvalue()
