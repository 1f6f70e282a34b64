"""Strava bulk-export activities.csv and Garmin Connect Activities.csv to records."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zoneinfo

from dateutil import parser as dateparser

from .base import ActivityRecord, ImportRejected

# Localized header names seen in exports, mapped to the English ones.
HEADER_ALIASES = {
    # Strava, German / French / Spanish
    "aktivitäts-id": "Activity ID",
    "aktivitätsdatum": "Activity Date",
    "aktivitätsname": "Activity Name",
    "aktivitätsart": "Activity Type",
    "aktivitätsbeschreibung": "Activity Description",
    "verstrichene zeit": "Elapsed Time",
    "distanz": "Distance",
    "bewegungszeit": "Moving Time",
    "aktivitätsausrüstung": "Activity Gear",
    "dateiname": "Filename",
    "höhenmeter bergauf": "Elevation Gain",
    "durchschnittliche herzfrequenz": "Average Heart Rate",
    "id de l'activité": "Activity ID",
    "date de l'activité": "Activity Date",
    "nom de l'activité": "Activity Name",
    "type d'activité": "Activity Type",
    "durée écoulée": "Elapsed Time",
    "distance": "Distance",
    "durée de déplacement": "Moving Time",
    "équipement de l'activité": "Activity Gear",
    "nom du fichier": "Filename",
    "id de actividad": "Activity ID",
    "fecha de la actividad": "Activity Date",
    "nombre de la actividad": "Activity Name",
    "tipo de actividad": "Activity Type",
    "tiempo transcurrido": "Elapsed Time",
    "distancia": "Distance",
    "tiempo en movimiento": "Moving Time",
    "equipo de la actividad": "Activity Gear",
    "nombre del archivo": "Filename",
    # Garmin Connect, German / French / Spanish
    "aktivitätstyp": "Activity Type",
    "datum": "Date",
    "titel": "Title",
    "zeit": "Time",
    "ø herzfrequenz": "Avg HR",
    "gesamtanstieg": "Total Ascent",
    "type d'activité ": "Activity Type",
    "titre": "Title",
    "temps": "Time",
    "fc moyenne": "Avg HR",
    "ascension totale": "Total Ascent",
    "tipo de actividad ": "Activity Type",
    "fecha": "Date",
    "título": "Title",
    "tiempo": "Time",
    "frecuencia cardiaca media": "Avg HR",
    "ascenso total": "Total Ascent",
}
MONTHS = {
    "januar": "January",
    "februar": "February",
    "märz": "March",
    "mai": "May",
    "juni": "June",
    "juli": "July",
    "oktober": "October",
    "dezember": "December",
    "janv.": "January",
    "févr.": "February",
    "mars": "March",
    "avr.": "April",
    "juin": "June",
    "juil.": "July",
    "août": "August",
    "sept.": "September",
    "oct.": "October",
    "nov.": "November",
    "déc.": "December",
    "ene.": "January",
    "abr.": "April",
    "ago.": "August",
    "dic.": "December",
    "enero": "January",
    "febrero": "February",
    "marzo": "March",
    "abril": "April",
    "mayo": "May",
    "junio": "June",
    "julio": "July",
    "agosto": "August",
    "septiembre": "September",
    "octubre": "October",
    "noviembre": "November",
    "diciembre": "December",
}
STRAVA_TYPES = {
    "run": "running",
    "trail run": "running",
    "virtual run": "running",
    "ride": "cycling",
    "virtual ride": "cycling",
    "e-bike ride": "cycling",
    "gravel ride": "cycling",
    "mountain bike ride": "cycling",
    "swim": "swimming",
    "walk": "walking",
    "hike": "walking",
    "weight training": "strength",
    "workout": "strength",
    "crossfit": "strength",
    "yoga": "yoga",
    "pilates": "yoga",
    "elliptical": "elliptical",
    "stair-stepper": "elliptical",
    "rowing": "other",
    "lauf": "running",
    "radfahrt": "cycling",
    "schwimmen": "swimming",
    "krafttraining": "strength",
    "course à pied": "running",
    "vélo": "cycling",
    "natation": "swimming",
    "carrera": "running",
    "bicicleta": "cycling",
    "natación": "swimming",
}
GARMIN_TYPES = {
    "running": "running",
    "trail running": "running",
    "treadmill running": "running",
    "track running": "running",
    "indoor running": "running",
    "virtual run": "running",
    "street running": "running",
    "cycling": "cycling",
    "road cycling": "cycling",
    "indoor cycling": "cycling",
    "mountain biking": "cycling",
    "gravel cycling": "cycling",
    "virtual cycling": "cycling",
    "pool swim": "swimming",
    "open water swimming": "swimming",
    "lap swimming": "swimming",
    "walking": "walking",
    "hiking": "walking",
    "strength training": "strength",
    "yoga": "yoga",
    "pilates": "yoga",
    "elliptical": "elliptical",
    "laufen": "running",
    "radfahren": "cycling",
    "schwimmbadschwimmen": "swimming",
    "krafttraining": "strength",
}


class Table:
    """A CSV with possibly duplicated header names: `get(row, name, n)` takes the n-th column of that name."""

    def __init__(self, text: str):
        try:
            rows = list(csv.reader(io.StringIO(text)))
        except csv.Error as exc:
            raise ImportRejected(f"malformed CSV ({exc})") from None
        if not rows or not any(rows[0]):
            raise ImportRejected("the CSV file is empty")
        self.header = [HEADER_ALIASES.get(h.strip().lower(), h.strip()) for h in rows[0]]
        self.rows = [r for r in rows[1:] if any(cell.strip() for cell in r)]
        self.positions: dict[str, list[int]] = {}
        for index, name in enumerate(self.header):
            self.positions.setdefault(name, []).append(index)

    def has(self, name: str, occurrence: int = 0) -> bool:
        return len(self.positions.get(name, ())) > occurrence

    def get(self, row: list[str], name: str, occurrence: int = 0) -> str:
        indexes = self.positions.get(name, ())
        if len(indexes) <= occurrence or indexes[occurrence] >= len(row):
            return ""
        value = row[indexes[occurrence]].strip()
        return "" if value in ("--", "-") else value


def _number(text: str, decimal_comma: bool = False) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    if decimal_comma:
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def _clock(text: str) -> float | None:
    """'01:02:03', '1:02:03.5', '45:10' or plain seconds."""
    text = (text or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    parts = text.split(":")
    try:
        values = [float(p.replace(",", ".")) for p in parts]
    except ValueError:
        return None
    seconds = 0.0
    for value in values:
        seconds = seconds * 60 + value
    return seconds


_MONTH_RE = re.compile(
    r"\b(" + "|".join(re.escape(name) for name in sorted(MONTHS, key=len, reverse=True)) + ")", re.IGNORECASE
)
_FAST_FORMATS = ("%b %d, %Y, %I:%M:%S %p", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")


def _date(text: str, tz: dt.tzinfo) -> dt.datetime:
    stripped = text.strip()
    for fmt in _FAST_FORMATS:  # Strava's English format and Garmin's ISO-like one, without a general parser
        try:
            return dt.datetime.strptime(stripped, fmt).replace(tzinfo=tz).astimezone(dt.UTC)
        except ValueError:
            continue
    cleaned = _MONTH_RE.sub(lambda m: MONTHS[m.group(1).lower()], stripped)
    cleaned = cleaned.replace(" um ", " ").replace(" à ", " ")
    try:
        value = dateparser.parse(cleaned, dayfirst=bool(re.match(r"^\d{1,2}\.", cleaned)))
    except (ValueError, OverflowError):
        raise ImportRejected(f"unreadable date “{text}”") from None
    return (value if value.tzinfo else value.replace(tzinfo=tz)).astimezone(dt.UTC)


def looks_like_strava(text: str) -> bool:
    head = text.split("\n", 1)[0].lower()
    return "activity id" in head or "aktivitäts-id" in head or "id de l'activité" in head or "id de actividad" in head


def parse_strava_csv(data: bytes) -> list[tuple[int, ActivityRecord | ImportRejected, str]]:
    """(row number, record or the row's rejection, file named in the row) for every row."""
    table = Table(data.decode("utf-8-sig", errors="replace"))
    for required in ("Activity Date", "Activity Type"):
        if not table.has(required):
            raise ImportRejected(f"not a Strava activities.csv (no “{required}” column)")
    out = []
    for number, row in enumerate(table.rows, start=2):
        try:
            out.append((number, _strava_row(table, row), table.get(row, "Filename")))
        except ImportRejected as exc:
            out.append((number, exc, ""))
    return out


def _strava_row(table: Table, row: list[str]) -> ActivityRecord:
    kind = table.get(row, "Activity Type")
    sport = STRAVA_TYPES.get(kind.lower(), kind.lower() or "other")
    distance = _number(table.get(row, "Distance", 1))  # the second Distance column is always metres
    if distance is None:
        shown = table.get(row, "Distance", 0)
        if sport == "swimming" or ("," in shown and "." not in shown):
            distance = _number(shown)  # swims: metres with a thousands separator
        else:
            km = _number(shown)
            distance = km * 1000 if km is not None else None
    elapsed = _number(table.get(row, "Elapsed Time", 1)) or _number(table.get(row, "Elapsed Time", 0))
    moving = _number(table.get(row, "Moving Time"))
    rpe = _number(table.get(row, "Perceived Exertion"))
    return ActivityRecord(
        start=_date(table.get(row, "Activity Date"), dt.UTC),
        sport=sport,
        distance_m=distance or None,
        duration_s=moving or elapsed,
        elapsed_s=elapsed,
        avg_hr=_number(table.get(row, "Average Heart Rate")),
        elevation_gain_m=_number(table.get(row, "Elevation Gain")),
        name=table.get(row, "Activity Name"),
        notes=table.get(row, "Activity Description"),
        rpe=int(rpe) if rpe is not None and 0 <= rpe <= 10 else None,
        shoe_name=table.get(row, "Activity Gear") if sport == "running" else "",
        source="strava",
        source_id=table.get(row, "Activity ID"),
    )


def looks_like_garmin(text: str) -> bool:
    head = text.split("\n", 1)[0].lower()
    return ("activity type" in head or "aktivitätstyp" in head) and ("date" in head or "datum" in head)


def parse_garmin_csv(data: bytes, tz: dt.tzinfo, units: str) -> list[tuple[int, ActivityRecord | ImportRejected, str]]:
    text = data.decode("utf-8-sig", errors="replace")
    table = Table(text)
    for required in ("Activity Type", "Date"):
        if not table.has(required):
            raise ImportRejected(f"not a Garmin Connect Activities.csv (no “{required}” column)")
    # Localized exports use a decimal comma ("10,52") and write the date day-first.
    decimal_comma = any(re.fullmatch(r"\d+,\d{1,2}", table.get(r, "Distance")) for r in table.rows[:50])
    out = []
    for number, row in enumerate(table.rows, start=2):
        try:
            out.append((number, _garmin_row(table, row, tz, units, decimal_comma), ""))
        except ImportRejected as exc:
            out.append((number, exc, ""))
    return out


def _garmin_row(table: Table, row: list[str], tz: dt.tzinfo, units: str, decimal_comma: bool) -> ActivityRecord:
    kind = table.get(row, "Activity Type")
    sport = GARMIN_TYPES.get(kind.lower(), kind.lower() or "other")
    shown = table.get(row, "Distance")
    if sport == "swimming":
        metres = _number(shown.replace(".", "").replace(",", ""))  # swims: m (or yd) with a thousands separator
        distance = metres * 0.9144 if metres is not None and units == "mi" else metres
    else:
        value = _number(shown, decimal_comma)
        distance = value * (1609.344 if units == "mi" else 1000.0) if value is not None else None
    moving = _clock(table.get(row, "Moving Time"))
    elapsed = _clock(table.get(row, "Elapsed Time")) or _clock(table.get(row, "Time"))
    hr = _number(table.get(row, "Avg HR"), decimal_comma)
    climb = (
        _number(table.get(row, "Total Ascent").replace(",", "").replace(".", ""))
        if table.get(row, "Total Ascent")
        else None
    )
    if climb is not None and units == "mi":
        climb *= 0.3048  # feet
    return ActivityRecord(
        start=_date(table.get(row, "Date"), tz),
        sport=sport,
        distance_m=distance or None,
        duration_s=moving or elapsed,
        elapsed_s=elapsed,
        avg_hr=hr,
        elevation_gain_m=climb,
        name=table.get(row, "Title"),
        source="garmin",
    )


def zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)
