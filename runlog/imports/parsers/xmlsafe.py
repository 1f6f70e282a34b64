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
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from runlog.imports.parsers.base import ImportRejected

CHUNK_BYTES = 256 * 1024
_DECLARED_ENCODING = re.compile(r"""^<\?xml[^>]*?encoding\s*=\s*(["'])([^"']*)\1""")
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes) -> str:
    if not data.strip():
        raise ImportRejected(_("the file is empty"))
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
        raise ImportRejected(_("the XML declares a DTD or entities, which are refused for safety")) from None
    except ParseError as exc:
        raise ImportRejected(_("malformed XML (%(exc)s)") % {"exc": exc}) from None
    except ValueError as exc:  # e.g. an encoding declaration on a str
        raise ImportRejected(_("malformed XML (%(exc)s)") % {"exc": exc}) from None


def local(tag: str) -> str:
    """Tag name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def _source(data: bytes) -> io.BytesIO:
    """The bytes to parse, positioned at the first '<'. UTF-8, UTF-16 with a byte-order mark and any
    encoding the XML declaration names go to the parser as they are (no copy); other bytes are read as
    Windows-1252 / Latin-1 and re-encoded."""
    if not data.strip():
        raise ImportRejected(_("the file is empty"))
    if data.startswith(UTF16_BOMS):
        return io.BytesIO(data)
    start = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    start += len(data) - start - len(data[start:].lstrip())
    source = io.BytesIO(data)
    source.seek(start)
    try:
        str(data[start:], "utf-8")  # validate only; the str is dropped at once
    except UnicodeDecodeError:
        declared = _DECLARED_ENCODING.match(data[start : start + 200].decode("latin-1"))
        if not declared or declared.group(2).strip().lower() in ("utf-8", "utf8"):
            # No declaration, or one that claims UTF-8 for bytes that are not: what Windows tools write.
            return io.BytesIO(_single_byte(data).lstrip().encode("utf-8"))
    return source


def _single_byte(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


class Reader(xml.sax.handler.ContentHandler):
    """Calls `opened(path, attrs)` and `closed(path, text)` per element, `path` being the local names from the
    root down. Nothing of an element is kept once it ends.

    A document whose root is not `ROOT` is still read to its end (ignored) so that a malformed file is
    reported as malformed, as a whole-tree parse would; then it is rejected with `WRONG_ROOT`."""

    ROOT = ""
    WRONG_ROOT = gettext_lazy("not the expected kind of XML file")

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
        raise ImportRejected(_("the XML declares a DTD or entities, which are refused for safety")) from None
    except xml.sax.SAXParseException as exc:
        raise ImportRejected(
            _("malformed XML (%(exc)s: line %(line)s)") % {"exc": exc.getMessage(), "line": exc.getLineNumber()}
        ) from None
    except xml.sax.SAXException as exc:
        raise ImportRejected(_("malformed XML (%(exc)s)") % {"exc": exc.getMessage()}) from None
    except LookupError:  # the declaration names an encoding Python does not know ("ATF-8")
        raise ImportRejected(_("the XML declares a text encoding that could not be read")) from None
    if reader.wrong_root:
        raise ImportRejected(reader.WRONG_ROOT)
