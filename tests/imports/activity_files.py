"""Small activity files for tests: GPX, TCX and Strava CSV text, and a minimal FIT encoder (one session)."""

import datetime as dt
import struct

from fitdecode.utils import compute_crc

START = dt.datetime(2026, 3, 1, 7, 0, tzinfo=dt.UTC)
FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
# session field: (number, struct format, FIT base type)
SESSION_FIELDS = {
    "start_time": (2, "I", 0x86),
    "sport": (5, "B", 0x00),
    "total_elapsed_time": (7, "I", 0x86),  # ms
    "total_timer_time": (8, "I", 0x86),  # ms
    "total_distance": (9, "I", 0x86),  # cm
    "avg_heart_rate": (16, "B", 0x02),
    "max_heart_rate": (17, "B", 0x02),
    "avg_cadence": (18, "B", 0x02),  # strides/min when running
    "total_ascent": (22, "H", 0x84),
    "avg_fractional_cadence": (92, "B", 0x02),  # 1/128
}


def fit_seconds(when: dt.datetime) -> int:
    return int((when - FIT_EPOCH).total_seconds())


def session_fit(**raw: int) -> bytes:
    """A FIT file holding one session message with these raw field values."""
    fields = [(SESSION_FIELDS[name], value) for name, value in raw.items()]
    definition = struct.pack("<BBBHB", 0x40, 0, 0, 18, len(fields)) + b"".join(
        struct.pack("<BBB", number, struct.calcsize(fmt), base) for (number, fmt, base), _ in fields
    )
    data = b"\x00" + b"".join(struct.pack("<" + fmt, value) for (_, fmt, _), value in fields)
    body = definition + data
    header = struct.pack("<BBHI4s", 14, 0x20, 2093, len(body), b".FIT")
    header += struct.pack("<H", compute_crc(header))
    return header + body + struct.pack("<H", compute_crc(header + body))


def running_session(start: dt.datetime, **overrides: int) -> bytes:
    """A plausible 10 km, 50 min run starting at `start`, with any raw field replaced."""
    raw = {
        "start_time": fit_seconds(start),
        "sport": 1,
        "total_elapsed_time": 3_060_000,
        "total_timer_time": 3_000_000,
        "total_distance": 1_000_000,
        "avg_heart_rate": 150,
        "max_heart_rate": 175,
        "avg_cadence": 85,
        "avg_fractional_cadence": 64,
        "total_ascent": 120,
    }
    raw.update(overrides)
    return session_fit(**raw)


def gpx(points: int = 40, lat: str | None = None, ele: str = "100", time: str | None = None, hr: int = 150, cad=85):
    """A 40-point run, 10 s and about 30 m apart (3 m/s, a 5:33 /km pace), with one point's values replaced."""
    rows = []
    for i in range(points):
        when = time if time and i == 0 else f"{(START + dt.timedelta(seconds=10 * i)):%Y-%m-%dT%H:%M:%SZ}"
        rows.append(
            f'<trkpt lat="{lat if lat and i == 5 else f"{47 + i * 0.00027:.5f}"}" lon="8.0">'
            f"<ele>{ele if i == 5 else 100 + i % 3}</ele><time>{when}</time>"
            f"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{hr}</gpxtpx:hr><gpxtpx:cad>{cad}</gpxtpx:cad>"
            "</gpxtpx:TrackPointExtension></extensions></trkpt>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"><trk><name>Lunch run</name>'
        "<type>running</type><trkseg>" + "".join(rows) + "</trkseg></trk></gpx>"
    ).encode()


def tcx(total_time: str = "1800", distance: str = "5000", start: str = "2026-03-01T07:00:00Z", hr: str = "150"):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
<Activities><Activity Sport="Running"><Id>{start}</Id><Lap StartTime="{start}">
<TotalTimeSeconds>{total_time}</TotalTimeSeconds><DistanceMeters>{distance}</DistanceMeters>
<AverageHeartRateBpm><Value>{hr}</Value></AverageHeartRateBpm>
<Track><Trackpoint><Time>{start}</Time><HeartRateBpm><Value>{hr}</Value></HeartRateBpm></Trackpoint></Track>
</Lap></Activity></Activities></TrainingCenterDatabase>""".encode()


STRAVA_HEADER = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Average Heart Rate"


def strava(*rows: str, header: str = STRAVA_HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"
