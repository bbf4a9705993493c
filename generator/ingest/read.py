"""Ingest, read: raw page files → :class:`SourcePage` (decoded, split, metadata attached).

Sources are never modified. Bad files are refused with a message naming the
file and line, never skipped.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from generator.errors import SourceError
from dataclasses import replace

from generator.ingest import layers, records, script
from generator.model import PageMeta, SourceLine, SourcePage

SOURCE_SUFFIX = ".txt"
SUFFIXES = (SOURCE_SUFFIX,) + records.SUFFIXES  # a page of text, or scraper records (JSON, JSONL)
META_SUFFIX = ".meta.yml"
META_FIELDS = {"publication", "outlet", "date", "page", "edition", "region"}
STRUCTURE_CHOICES = ("paragraphs", "list", "articles")  # what structure: may say of a line
Structure = tuple[tuple[int, str], ...]
REGIONS = ("cn", "tw", "hk")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PAGE = re.compile(r"[A-Z]{0,2}\d{1,3}")
MAX_BYTES = 4_000_000  # a page file; a whole newspaper page is ~100 kB
MAX_LINE = 100_000  # characters on one line
# Not text: C0/C1 controls (tab and line ends aside), DEL, lone surrogates, non-characters.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def find_sources(content: Path) -> list[Path]:
    """The page files of a content folder, in name order."""
    folder = content / "sources"
    if not content.is_dir():
        raise SourceError("content folder does not exist", content)
    if not folder.is_dir():
        raise SourceError("no sources/ folder: raw pages go in sources/*.txt", content)
    files = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    if not files:
        raise SourceError("no source pages (*.txt, *.json, *.jsonl) found", folder)
    for path in files:
        _inside(path)
    return files


def _inside(path: Path) -> None:
    """A page (or sidecar) that is a link to a file outside its folder is refused:
    a build must not publish whatever file the link points at."""
    if not path.resolve().is_relative_to(path.parent.resolve()):
        raise SourceError("links to a file outside the sources folder", path, 1)


def read_page(path: Path) -> SourcePage:
    """Decode one page file and attach its metadata (front matter or sidecar)."""
    text = decode(_read_bytes(path), path)
    lines = text.split("\n")
    if path.suffix in records.SUFFIXES:
        meta, structure = _sidecar(path, PageMeta(), ())
        if structure:
            raise SourceError("structure: applies to text pages, not to scraper records",
                              path.with_name(path.stem + META_SUFFIX), 1)
        return _read_through(_checked(records.read_records(path, text, meta)))
    long = next((i for i, line in enumerate(lines) if len(line) > MAX_LINE), None)
    if long is not None:
        raise SourceError(f"line has {len(lines[long]):,} characters; a source line may have at most "
                          f"{MAX_LINE:,} (is this extracted page text?)", path, long + 1)
    meta, structure, body_start = _front_matter(lines, path)
    meta, structure = _sidecar(path, meta, structure)
    numbered = tuple(SourceLine(i + 1, line) for i, line in enumerate(lines))
    page = SourcePage(path=path, key=path.stem, lines=numbered, meta=meta, body_start=body_start,
                      structure=structure)
    if not any(line.text.strip() for line in numbered[body_start - 1:]):
        raise SourceError("page is empty (only whitespace)", path, 1)
    return _read_through(page)


def _read_through(page: SourcePage) -> SourcePage:
    """The page's reading lines: leftover HTML taken apart, a Traditional page converted
    to Simplified by its region (generator.ingest.layers, generator.ingest.script)."""
    body = "\n".join(ln.text for ln in page.lines if ln.number >= page.body_start)
    found = script.decide(body, page.meta.region)
    convert = script.converter(found.region) if found.converts else None
    if convert is None and "<" not in body:
        return page
    last = max(max(ln.number for ln in page.lines), max((ln.origin.line for ln in page.lines if ln.origin), default=0))
    lines, changes = layers.read_through(page.lines, page.body_start, last, convert)
    meta = replace(page.meta, region=found.region) if found.converts else page.meta
    return replace(page, lines=lines, changes=changes, meta=meta,
                   script=found.reason if found.converts else "", script_doubtful=found.doubtful)


def _sidecar(path: Path, meta: PageMeta, structure: Structure) -> tuple[PageMeta, Structure]:
    """The metadata of a sidecar ``NAME.meta.yml``, if there is one (front matter and a
    sidecar together are refused)."""
    sidecar = path.with_name(path.stem + META_SUFFIX)
    if sidecar.exists():
        if meta != PageMeta() or structure:
            raise SourceError("metadata given twice: front matter and " + sidecar.name, path, 1)
        _inside(sidecar)
        data = _read_bytes(sidecar)
        meta, structure = _parse_meta(decode(data, sidecar) if data.strip() else "", sidecar, 0)
    return meta, structure


def _checked(page: SourcePage) -> SourcePage:
    """A record file's reading lines hold text, not control characters or runaway lines."""
    for line in page.lines:
        bad = CONTROL.search(line.text)
        if bad or len(line.text) > MAX_LINE:
            origin = line.record
            problem = f"control character U+{ord(bad.group()):04X}" if bad else f"{len(line.text):,} characters"
            raise SourceError(f"record {origin.record}, field {origin.field}: {problem}", page.path,
                              page.where(line.number))
    if not any(line.text.strip() for line in page.lines):
        raise SourceError("page is empty (only whitespace)", page.path, 1)
    return page


def read_text(path: Path) -> str:
    """A content file (glossary, errata) decoded like a page: UTF-8, encodings named."""
    data = _read_bytes(path)
    return decode(data, path) if data.strip() else ""


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(f"file is {size / 1e6:.1f} MB; a source page may be at most "
                          f"{MAX_BYTES / 1e6:.0f} MB: split it into pages", path, 1)
    return path.read_bytes()


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (a BOM is accepted); other encodings are named, not guessed through."""
    if not data.strip():
        raise SourceError("page is empty", path, 1)
    utf16 = "UTF-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else _utf16_without_bom(data)
    if utf16:
        raise SourceError(_convert_hint(utf16, utf16), path, 1)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SourceError("binary data (NUL byte): not a text page", path, line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise SourceError(_guess_encoding(data, err.start), path, line) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = CONTROL.search(text)
    if bad:
        line = text[: bad.start()].count("\n") + 1
        raise SourceError(f"control character U+{ord(bad.group()):04X}: not a text page", path, line)
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16LE/BE without a BOM: has NUL bytes, decodes to printable lines."""
    for codec in ("UTF-16LE", "UTF-16BE"):
        try:
            text = data.decode(codec) if b"\x00" in data else ""
        except UnicodeDecodeError:
            continue
        if "\n" in text and all(ch.isprintable() or ch in "\n\r\t" for ch in text):
            return codec
    return None


def _guess_encoding(data: bytes, bad: int | None = None) -> str:
    """Name the legacy encoding a non-UTF-8 page most likely uses; a page that is
    UTF-8 up to a line in another encoding is told so (converting the whole file
    would garble the rest)."""
    start = data.rfind(b"\n", 0, bad) + 1 if bad is not None else 0
    if not data[:start].isascii():  # UTF-8 text before this line: the file mixes encodings
        end = data.find(b"\n", bad)
        line = _guess_whole(data[start:end if end >= 0 else len(data)])
        if line.startswith("not UTF-8: looks like "):
            label = line[len("not UTF-8: looks like "):line.index(";")]
            return f"not UTF-8: this line looks like {label} while the lines before it are UTF-8: retype it in UTF-8"
    return _guess_whole(data)


def _guess_whole(data: bytes) -> str:
    decoded = {}
    for name in ("gb18030", "big5"):
        try:
            decoded[name] = data.decode(name)
        except UnicodeDecodeError:
            continue
    if "gb18030" in decoded and ("big5" not in decoded or _mostly_gb2312(decoded["gb18030"])):
        return _convert_hint("GB18030/GBK", "gb18030")
    if "big5" in decoded:
        return _convert_hint("Big5", "big5")
    return "not valid UTF-8 and not a recognised Chinese encoding: save the page as UTF-8"


def _mostly_gb2312(text: str) -> bool:
    """Big5 bytes read as GB18030 give many characters outside GB2312
    (Big5's ，。、 become private-use characters)."""
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return True
    inside = sum(1 for c in wide if _encodable(c, "gb2312"))
    return inside / len(wide) >= 0.9


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _convert_hint(label: str, codec: str) -> str:
    return (f"not UTF-8: looks like {label}; convert it with "
            f"`iconv -f {codec.upper()} -t UTF-8 FILE > FILE.utf8` and replace the file")


def _front_matter(lines: list[str], path: Path) -> tuple[PageMeta, Structure, int]:
    if not lines or lines[0].strip() != "---":
        return PageMeta(), (), 1
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            return *_parse_meta("\n".join(lines[1:end]), path, 1), end + 2
    raise SourceError("front matter opened with --- is never closed", path, 1)


def _parse_meta(text: str, path: Path, offset: int) -> tuple[PageMeta, Structure]:
    root = None
    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text) or {}
    except (yaml.YAMLError, ValueError, RecursionError) as err:  # ValueError: a date like 2026-02-30
        mark = getattr(err, "problem_mark", None)
        line = offset + mark.line + 1 if mark else offset + _value_line(root)
        raise SourceError(f"metadata is not valid YAML: {getattr(err, 'problem', None) or err}",
                          path, line) from None
    if not isinstance(data, dict):
        raise SourceError("metadata must be a mapping of publication/date/page/edition/region", path, offset + 1)
    where = {k.value: offset + k.start_mark.line + 1 for k, _ in root.value  # line of each field
             if isinstance(k, yaml.ScalarNode)} if isinstance(root, yaml.MappingNode) else {}
    structure = _structure(data.pop("structure", None), path, where.get("structure", offset + 1))
    unknown = set(data) - META_FIELDS
    if unknown:
        raise SourceError(f"unknown metadata field(s): {', '.join(sorted(map(str, unknown)))}", path, offset + 1)
    values = {}
    for key, value in data.items():
        if isinstance(value, (list, dict)):
            raise SourceError(f"metadata {key} must be a single value, not a {type(value).__name__}",
                              path, where.get(key, offset + 1))
        if value is not None:
            values[key] = str(value)
        if key in values and (CONTROL.search(values[key]) or "\n" in values[key] or "\r" in values[key]):
            raise SourceError(f"metadata {key} must be one line of text", path, where.get(key, offset + 1))
    if "date" in values and not (_DATE.fullmatch(values["date"]) and _real_date(values["date"])):
        raise SourceError(f"date must be YYYY-MM-DD, got {values['date']!r}", path,
                          where.get("date", offset + 1))
    if "page" in values and not _PAGE.fullmatch(values["page"]):
        raise SourceError(f"page must look like A02 or 5, got {values['page']!r}", path,
                          where.get("page", offset + 1))
    if "region" in values and values["region"] not in REGIONS:
        raise SourceError(f"region must be one of {', '.join(REGIONS)}, got {values['region']!r}", path,
                          where.get("region", offset + 1))
    if "outlet" in values:
        if "publication" in values:
            raise SourceError("outlet and publication are the same field: give one", path, where["outlet"])
        values["publication"] = values.pop("outlet")
    return PageMeta(**values), structure


def _structure(value: object, path: Path, line: int) -> Structure:
    """``structure:``: the editor's word on a table, list or bulletin the parser found, by
    the line its decision names: ``paragraphs``, ``list`` or ``articles``."""
    if value is None:
        return ()
    if not isinstance(value, dict) or not all(isinstance(k, int) and not isinstance(k, bool) and k >= 1
                                              and v in STRUCTURE_CHOICES for k, v in value.items()):
        raise SourceError(f"structure must map line numbers to one of {', '.join(STRUCTURE_CHOICES)} "
                          "(e.g. 12: paragraphs)", path, line)
    return tuple(sorted(value.items()))


def _value_line(root: yaml.Node | None) -> int:
    """1-based line (in ``root``'s text) of the first field whose value cannot be built."""
    for key, value in root.value if isinstance(root, yaml.MappingNode) else ():
        try:
            yaml.safe_load(yaml.serialize(value))
        except (yaml.YAMLError, ValueError, RecursionError):
            return key.start_mark.line + 1
    return 1


def _real_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
