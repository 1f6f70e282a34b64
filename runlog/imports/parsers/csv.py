"""Strava bulk-export activities.csv and Garmin Connect Activities.csv to records."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zoneinfo

from dateutil import parser as dateparser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from runlog.imports.parsers.base import ActivityRecord, ImportRejected, check_start, finite, in_utc, number

UNREADABLE_ENCODING = gettext_lazy("the file's text encoding could not be read (save it as UTF-8 and try again)")
# Byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

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
    "durchschnittliche trittfrequenz": "Average Cadence",
    "cadence moyenne": "Average Cadence",
    "cadencia media": "Average Cadence",
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
GARMIN_HEADER_SEARCH = 5  # lines in which to look for a Garmin export's header
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

    def __init__(self, text: str, indented: bool = False):
        try:
            # Old Garmin exports start every line with a space, before quoted cells too.
            rows = list(csv.reader(io.StringIO(text), skipinitialspace=indented))
        except csv.Error as exc:
            raise ImportRejected(_("malformed CSV (%(exc)s)") % {"exc": exc}) from None
        if not rows or not any(rows[0]):
            raise ImportRejected(_("the CSV file is empty"))
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


def decode_csv(data: bytes) -> str:
    """A CSV file's text: a byte-order mark decides (UTF-8, UTF-16, UTF-32); without one UTF-8, then
    Windows-1252, then Latin-1 (what spreadsheets on Windows write). Bytes that are no text at all
    (NULs without a UTF-16 mark, an odd-length UTF-16 file) are rejected as such."""
    for mark, encoding in BOMS:
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ImportRejected(UNREADABLE_ENCODING) from None
    if b"\x00" in data:
        raise ImportRejected(UNREADABLE_ENCODING)
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        break
    # Control characters other than tab and line ends mean binary data, not a spreadsheet export.
    if re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]", text[:65536]):
        raise ImportRejected(UNREADABLE_ENCODING)
    return text


def _text(data: bytes | str) -> str:
    return data if isinstance(data, str) else decode_csv(data)


def _number(text: str, what: str, decimal_comma: bool = False) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    if decimal_comma:
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    return number(text, what)


def _clock(text: str, what: str) -> float | None:
    """'01:02:03', '1:02:03.5', '45:10' or plain seconds."""
    text = (text or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return number(text, what)
    seconds = 0.0
    for part in text.split(":"):
        value = number(part.replace(",", "."), what)
        if value is None:
            return None
        seconds = seconds * 60 + value
    return finite(seconds, what)


_MONTH_RE = re.compile(
    r"\b(" + "|".join(re.escape(name) for name in sorted(MONTHS, key=len, reverse=True)) + ")", re.IGNORECASE
)
# A day name before the date ("Fr, 25 Mai 2012 20:31"): the date says the day already.
_WEEKDAY = re.compile(r"^[^\W\d_]{2,4}\.?,\s*(?=\d)")
_FAST_FORMATS = ("%b %d, %Y, %I:%M:%S %p", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")


def _date(text: str, tz: dt.tzinfo) -> dt.datetime:
    """The row's start in UTC, rejected when unreadable or outside 1970 to today in every zone."""
    stripped = text.strip()
    for fmt in _FAST_FORMATS:  # Strava's English format and Garmin's ISO-like one, without a general parser
        try:
            value = dt.datetime.strptime(stripped, fmt)
        except ValueError:
            continue
        return check_start(in_utc(value.replace(tzinfo=tz), _("the date")))
    cleaned = _MONTH_RE.sub(lambda m: MONTHS[m.group(1).lower()], _WEEKDAY.sub("", stripped))
    cleaned = cleaned.replace(" um ", " ").replace(" à ", " ")
    try:
        value = dateparser.parse(cleaned, dayfirst=bool(re.match(r"^\d{1,2}\.", cleaned)))
    except (ValueError, OverflowError, TypeError):
        raise ImportRejected(_("unreadable date “%(text)s”") % {"text": text[:40]}) from None
    return check_start(in_utc(value if value.tzinfo else value.replace(tzinfo=tz), _("the date")))


def looks_like_strava(text: str) -> bool:
    head = text[:4096].split("\n", 1)[0].lower()
    return "activity id" in head or "aktivitäts-id" in head or "id de l'activité" in head or "id de actividad" in head


def parse_strava_csv(data: bytes | str) -> list[tuple[int, ActivityRecord | ImportRejected, str]]:
    """(row number, record or the row's rejection, file named in the row) for every row. `data` is the
    file's bytes, or its text once `decode_csv` has read it."""
    table = Table(_text(data))
    for required in ("Activity Date", "Activity Type"):
        if not table.has(required):
            raise ImportRejected(_("not a Strava activities.csv (no “%(required)s” column)") % {"required": required})
    out = []
    for row_number, row in enumerate(table.rows, start=2):
        try:
            out.append((row_number, _strava_row(table, row), table.get(row, "Filename")))
        except ImportRejected as exc:
            out.append((row_number, exc, ""))
    return out


def _strava_row(table: Table, row: list[str]) -> ActivityRecord:
    kind = table.get(row, "Activity Type")
    sport = STRAVA_TYPES.get(kind.lower(), kind.lower() or "other")
    distance = _number(table.get(row, "Distance", 1), _("the distance"))  # the second Distance column is metres
    if distance is None:
        shown = table.get(row, "Distance", 0)
        if sport == "swimming" or ("," in shown and "." not in shown):
            distance = _number(shown, _("the distance"))  # swims: metres with a thousands separator
        else:
            km = _number(shown, _("the distance"))
            distance = km * 1000 if km is not None else None
    elapsed = _number(table.get(row, "Elapsed Time", 1), _("the elapsed time")) or _number(
        table.get(row, "Elapsed Time", 0), _("the elapsed time")
    )
    moving = _number(table.get(row, "Moving Time"), _("the moving time"))
    rpe = _number(table.get(row, "Perceived Exertion"), _("the perceived exertion"))
    max_hr = _number(table.get(row, "Max Heart Rate", 1), _("the maximum heart rate"))
    if max_hr is None:
        max_hr = _number(table.get(row, "Max Heart Rate", 0), _("the maximum heart rate"))
    # Strava writes a run's cadence per foot, like the files it comes from: steps are twice that. A ride's
    # cadence is pedalling, never a step rate.
    cadence = _number(table.get(row, "Average Cadence"), _("the average cadence"))
    return ActivityRecord(
        start=_date(table.get(row, "Activity Date"), dt.UTC),
        sport=sport,
        distance_m=distance or None,
        duration_s=moving or elapsed,
        elapsed_s=elapsed,
        avg_hr=_number(table.get(row, "Average Heart Rate"), _("the average heart rate")),
        max_hr=max_hr,
        avg_cadence_spm=round(2 * cadence, 1) if cadence and sport == "running" else None,
        elevation_gain_m=_number(table.get(row, "Elevation Gain"), _("the elevation gain")),
        elevation_loss_m=_number(table.get(row, "Elevation Loss"), _("the elevation loss")),
        name=table.get(row, "Activity Name"),
        notes=table.get(row, "Activity Description"),
        rpe=int(rpe) if rpe is not None and 0 <= rpe <= 10 else None,
        shoe_name=table.get(row, "Activity Gear") if sport == "running" else "",
        source="strava",
        source_id=table.get(row, "Activity ID"),
    )


def _garmin_header_line(text: str) -> int | None:
    """Which of the first lines is the header: the first, or the third in old exports (a title line, such as
    "Aktivitäten von NAME", and a blank line come first)."""
    for index, line in enumerate(text[:4096].split("\n")[:GARMIN_HEADER_SEARCH]):
        head = line.lower()
        if ("activity type" in head or "aktivitätstyp" in head) and ("date" in head or "datum" in head):
            return index
    return None


def looks_like_garmin(text: str) -> bool:
    return _garmin_header_line(text) is not None


def parse_garmin_csv(
    data: bytes | str, tz: dt.tzinfo, units: str
) -> list[tuple[int, ActivityRecord | ImportRejected, str]]:
    text = _text(data)
    header = _garmin_header_line(text) or 0
    lines = text.split("\n")[header:]
    table = Table("\n".join(lines), indented=bool(lines) and lines[0].startswith(" "))
    for required in ("Activity Type", "Date"):
        if not table.has(required):
            raise ImportRejected(
                _("not a Garmin Connect Activities.csv (no “%(required)s” column)") % {"required": required}
            )
    # Localized exports use a decimal comma ("10,52") and write the date day-first.
    decimal_comma = any(re.fullmatch(r"\d+,\d{1,2}", table.get(r, "Distance")) for r in table.rows[:50])
    out = []
    for row_number, row in enumerate(table.rows, start=header + 2):
        try:
            out.append((row_number, _garmin_row(table, row, tz, units, decimal_comma), ""))
        except ImportRejected as exc:
            out.append((row_number, exc, ""))
    return out


def _garmin_row(table: Table, row: list[str], tz: dt.tzinfo, units: str, decimal_comma: bool) -> ActivityRecord:
    kind = table.get(row, "Activity Type")
    sport = GARMIN_TYPES.get(kind.lower(), kind.lower() or "other")
    shown = table.get(row, "Distance")
    if sport == "swimming":
        # swims: m (or yd) with a thousands separator
        metres = _number(shown.replace(".", "").replace(",", ""), _("the distance"))
        distance = metres * 0.9144 if metres is not None and units == "mi" else metres
    else:
        value = _number(shown, _("the distance"), decimal_comma)
        distance = value * (1609.344 if units == "mi" else 1000.0) if value is not None else None
    moving = _clock(table.get(row, "Moving Time"), _("the moving time"))
    elapsed = _clock(table.get(row, "Elapsed Time"), _("the elapsed time")) or _clock(
        table.get(row, "Time"), _("the time")
    )
    hr = _number(table.get(row, "Avg HR"), _("the average heart rate"), decimal_comma)
    max_hr = _number(table.get(row, "Max HR"), _("the maximum heart rate"), decimal_comma)
    climb = (
        _number(table.get(row, "Total Ascent").replace(",", "").replace(".", ""), _("the total ascent"))
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
        max_hr=max_hr,
        elevation_gain_m=climb,
        name=table.get(row, "Title"),
        source="garmin",
    )


def zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)
