"""Writing iCalendar (RFC 5545): escaped text, lines folded at 75 octets, CRLF line ends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from runlog.site.localtime import in_zone

MAX_OCTETS = 75


def escape(text: str) -> str:
    """TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """A content line cut into lines of at most 75 octets, never inside a UTF-8 character; each
    continuation starts with a space (RFC 5545 3.1)."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode())
        limit = MAX_OCTETS if not parts else MAX_OCTETS - 1
        if size + octets > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += octets
    parts.append(current)
    return "\r\n ".join(parts)


def utc(moment: dt.datetime) -> str:
    return in_zone(moment, dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def day(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def calendar(name: str, events: Iterable[list[tuple[str, str]]]) -> str:
    """A VCALENDAR of events, each a list of (property with parameters, value already formatted)."""
    lines = [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", "-//Runlog//Training feed//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", escape(name)),
    ]
    for event in events:
        lines += [("BEGIN", "VEVENT"), *event, ("END", "VEVENT")]
    lines.append(("END", "VCALENDAR"))
    return "".join(fold(f"{prop}:{value}") + "\r\n" for prop, value in lines)
