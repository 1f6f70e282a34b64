"""Translation catalogues without GNU gettext: read a .po file, write the .mo file Django loads.

`make install` compiles every catalogue with this (manage.py compile_catalogues), so a fresh machine needs
no system package; `manage.py check_catalogues` uses the same reader to refuse an untranslated, fuzzy or
stale catalogue; the language walk test builds its pseudo-locale with it.
"""

from __future__ import annotations

import ast
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    """One message of a catalogue: its id (with its plural and context) and its translations."""

    msgid: str
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: list[str] = field(default_factory=list)  # one, or one per plural form
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)
    obsolete: bool = False
    seen_id: bool = field(default=False, repr=False, compare=False)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)


_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


def _unquote(text: str) -> str:
    return ast.literal_eval(text)  # a C-style quoted string: the same escapes as Python's


def parse_po(path: Path | str) -> tuple[dict[str, str], list[Entry]]:
    """The header's fields and the entries (the header entry itself left out)."""
    entries: list[Entry] = []
    current: Entry | None = None
    last: tuple[str, int] | None = None  # which string a continuation line extends
    flags: set[str] = set()
    references: list[str] = []

    def finish():
        nonlocal current
        if current is not None:
            entries.append(current)
        current = None

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            finish()
            last = None
            continue
        if line.startswith("#,"):
            finish()
            flags = {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        if line.startswith("#:"):
            finish()
            references.extend(line[2:].split())
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            if current is None or last is None:
                raise ValueError(f"{path}: a string continues nothing: {raw!r}")
            name, index = last
            if name == "msgstr":
                current.msgstr[index] += _unquote(line)
            else:
                setattr(current, name, getattr(current, name) + _unquote(line))
            continue
        match = _KEYWORD.match(line)
        if not match:
            raise ValueError(f"{path}: cannot read the line {raw!r}")
        keyword, index, text = match.group(1), match.group(2), _unquote(match.group(3))
        # A message starts at its msgctxt, or at its msgid when no msgctxt came just before.
        starts = keyword == "msgctxt" or (
            keyword == "msgid" and not (current is not None and current.msgctxt is not None and not current.seen_id)
        )
        if starts or current is None:
            finish()
            current = Entry(msgid="", flags=flags, references=references, obsolete=obsolete)
            flags, references = set(), []
        if keyword == "msgid":
            current.seen_id = True
        if keyword.startswith("msgstr"):
            position = int(index or 0)
            while len(current.msgstr) <= position:
                current.msgstr.append("")
            current.msgstr[position] = text
            last = ("msgstr", position)
        else:
            setattr(current, keyword, text)
            last = (keyword, 0)
    finish()
    header: dict[str, str] = {}
    messages = []
    for entry in entries:
        if entry.msgid == "" and entry.msgctxt is None:
            for header_line in (entry.msgstr[0] if entry.msgstr else "").splitlines():
                name, _, value = header_line.partition(":")
                if name.strip():
                    header[name.strip()] = value.strip()
        elif not entry.obsolete:
            messages.append(entry)
    return header, messages


def header_text(header: dict[str, str]) -> str:
    return "".join(f"{name}: {value}\n" for name, value in header.items())


def write_mo(path: Path | str, header: dict[str, str], entries: list[Entry], *, include_fuzzy: bool = False) -> int:
    """The GNU .mo file of the translated entries (as msgfmt writes it: untranslated and fuzzy ones left
    out, so they show in English); returns how many messages it holds."""
    catalogue: dict[bytes, bytes] = {b"": header_text(header).encode("utf-8")}
    for entry in entries:
        if not entry.translated or (entry.fuzzy and not include_fuzzy):
            continue
        key = entry.msgid
        if entry.msgid_plural is not None:
            key += "\x00" + entry.msgid_plural
        if entry.msgctxt is not None:
            key = entry.msgctxt + "\x04" + key
        catalogue[key.encode("utf-8")] = "\x00".join(entry.msgstr).encode("utf-8")
    keys = sorted(catalogue)
    ids = b""
    strs = b""
    offsets = []
    for key in keys:
        value = catalogue[key]
        offsets.append((len(ids), len(key), len(strs), len(value)))
        ids += key + b"\x00"
        strs += value + b"\x00"
    count = len(keys)
    ids_start = 7 * 4 + count * 16
    strs_start = ids_start + len(ids)
    table = []
    for id_offset, id_length, str_offset, str_length in offsets:
        table.append((id_length, ids_start + id_offset, str_length, strs_start + str_offset))
    out = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    out += b"".join(struct.pack("ii", length, offset) for length, offset, _, _ in table)
    out += b"".join(struct.pack("ii", length, offset) for _, _, length, offset in table)
    out += ids + strs
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out)
    return count - 1


def compile_po(po_path: Path | str) -> int:
    """`django.po` → `django.mo` beside it."""
    header, entries = parse_po(po_path)
    return write_mo(Path(po_path).with_suffix(".mo"), header, entries)


# The translated languages (English is the source) and how their catalogues are made: from the project root
# for runlog/locale (the templates included, injuries' Python left to its own catalogue), from injuries/ for
# injuries/locale. Both `manage.py make_catalogues` and the staleness check of `check_catalogues` use these.
LANGUAGES = ("de", "fr", "es", "nl")
MAKEMESSAGES_OPTIONS = {
    "runlog": {
        "cwd": ".",
        "ignore": ["injuries/*.py", ".venv", "node_modules", "tests", "staticfiles", "artifacts", "docs", "media"],
    },
    "injuries": {"cwd": "injuries", "ignore": ["locale"]},
}


def catalogue_path(root: Path, package: str, language: str) -> Path:
    return root / package / "locale" / language / "LC_MESSAGES" / "django.po"


def problems(header: dict[str, str], entries: list[Entry]) -> dict[str, list[str]]:
    """The untranslated and the fuzzy messages of one catalogue (their msgids)."""
    return {
        "untranslated": [entry.msgid for entry in entries if not entry.translated],
        "fuzzy": [entry.msgid for entry in entries if entry.fuzzy],
    }
