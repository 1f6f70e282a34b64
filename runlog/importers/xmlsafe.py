"""XML parsing that refuses DTDs and entities (billion laughs, external entities) before anything else.

Activity files are read as a stream of elements (`stream`), never as a whole tree: a 25 MB track holds
hundreds of thousands of points, and building an object per element would take the worker's memory
several times over the file's size.
"""

from __future__ import annotations

import io
import re
import xml.sax
import xml.sax.handler
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as DET
import defusedxml.sax
from defusedxml import DefusedXmlException

from .base import ImportRejected

CHUNK_BYTES = 256 * 1024
_DECLARED_ENCODING = re.compile(r"""^(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")
UTF8_BOM = b"\xef\xbb\xbf"


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


def _source(data: bytes) -> io.BytesIO:
    """The bytes to parse, positioned at the first '<': UTF-8 as is (no copy); UTF-16 or Latin-1 text
    re-encoded as UTF-8 with its declaration saying so."""
    if not data.strip():
        raise ImportRejected("the file is empty")
    body = data[len(UTF8_BOM) :] if data.startswith(UTF8_BOM) else data
    try:
        str(body, "utf-8")  # validate only; the str is dropped at once
    except UnicodeDecodeError:
        text = decode(data)
        return io.BytesIO(_DECLARED_ENCODING.sub(r"\1\2UTF-8\2", text, count=1).encode("utf-8"))
    source = io.BytesIO(data)
    source.seek(len(data) - len(data.lstrip()) if body is data else len(UTF8_BOM) + len(body) - len(body.lstrip()))
    return source


class Reader(xml.sax.handler.ContentHandler):
    """Calls `opened(path, attrs)` and `closed(path, text)` per element, `path` being the local names from the
    root down. Nothing of an element is kept once it ends.

    A document whose root is not `ROOT` is still read to its end (ignored) so that a malformed file is
    reported as malformed, as a whole-tree parse would; then it is rejected with `WRONG_ROOT`."""

    ROOT = ""
    WRONG_ROOT = "not the expected kind of XML file"

    def __init__(self):
        super().__init__()
        self.path: list[str] = []
        self._text: list[str] = []
        self.wrong_root = False

    def opened(self, path: list[str], attrs: dict[str, str]) -> None: ...

    def closed(self, path: list[str], text: str) -> None: ...

    def startElementNS(self, name, qname, attrs):  # noqa: N802 (the SAX interface)
        self.path.append(name[1])
        self._text = []
        if len(self.path) == 1 and name[1] != self.ROOT:
            self.wrong_root = True
        if self.wrong_root:
            return
        self.opened(self.path, {key[1]: value for key, value in attrs.items()} if attrs else {})

    def endElementNS(self, name, qname):  # noqa: N802
        text = "".join(self._text)
        self._text = []
        if not self.wrong_root:
            self.closed(self.path, text)
        self.path.pop()

    def characters(self, content):
        if len(self._text) < 64:  # an element's text is short; never let one grow without bound
            self._text.append(content)


def stream(data: bytes, reader: Reader) -> None:
    """Feed a file to `reader` element by element, refusing DTDs, entities and external references."""
    source = _source(data)
    parser = defusedxml.sax.make_parser()
    parser.forbid_dtd = True
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setContentHandler(reader)
    try:
        while chunk := source.read(CHUNK_BYTES):
            parser.feed(chunk)
        parser.close()
    except DefusedXmlException:
        raise ImportRejected("the XML declares a DTD or entities, which are refused for safety") from None
    except xml.sax.SAXParseException as exc:
        raise ImportRejected(f"malformed XML ({exc.getMessage()}: line {exc.getLineNumber()})") from None
    except xml.sax.SAXException as exc:
        raise ImportRejected(f"malformed XML ({exc.getMessage()})") from None
    if reader.wrong_root:
        raise ImportRejected(reader.WRONG_ROOT)
