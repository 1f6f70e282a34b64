"""XML parsing that refuses DTDs and entities (billion laughs, external entities) before anything else."""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from .base import ImportRejected


def decode(data: bytes) -> str:
    if not data.strip():
        raise ImportRejected("the file is empty")
    for encoding in ("utf-8-sig", "utf-16", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    # Some exporters write whitespace before the XML declaration, which parsers reject.
    return text.lstrip()


def parse(text: str) -> Element:
    try:
        return DET.fromstring(text.encode("utf-8") if text.startswith("<?xml") else text, forbid_dtd=True)
    except DefusedXmlException:
        raise ImportRejected("the XML declares a DTD or entities, which are refused for safety") from None
    except ParseError as exc:
        raise ImportRejected(f"malformed XML ({exc})") from None
    except ValueError as exc:  # e.g. an encoding declaration on a str
        raise ImportRejected(f"malformed XML ({exc})") from None


def local(tag: str) -> str:
    """Tag name without its namespace."""
    return tag.rsplit("}", 1)[-1]
