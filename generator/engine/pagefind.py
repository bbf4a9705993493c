"""The hosted site's search index: Pagefind over the documents of Material's index.

A hosted reader's first query used to fetch Material's whole ``search_index.json``
(3–6 MB at 1,000 articles, growing with every page). The hosted site instead
gets a Pagefind index (``<edition>/pagefind/``): the worker (``worker.js``)
fetches Pagefind's small entry files and only the chunks of the words a query
holds, then the records of the best pages, and hands them to the same query
layer (``generator/search/query.js``: filter, ranking, snippets) that ranks
Lunr's results in the offline bundle.

One Pagefind record per page, written as a small HTML page of its own for
Pagefind's indexer (not the site's pages: Pagefind indexes what it is given, so
the furniture Material's index leaves out stays out and both ways of searching
read the same documents):

* ``content``: the page's ``alt`` tokens as Pagefind words
  (:func:`generator.search.index.pagefind_words`: pairs of Han characters, in
  Simplified script for both editions, Latin runs, term pages' toneless pinyin)
  and the page's ``exact`` title token;
* ``docs``: the page's documents as Material's index holds them (location,
  title, text, exact, line, pinyin or alt), for the query layer: not given to
  Pagefind but written beside its index, ``docs/<record id>.json`` (the id is
  Pagefind's name for the record, ``fragment/<id>.pf_fragment``), which the
  worker fetches for a result. (As Pagefind metadata they were indexed too:
  Pagefind 1.5 makes every metadata value searchable, which put the documents'
  text and, in the Traditional edition, every single character of ``alt`` into
  the word index, half as large again, its chunks and the records a query
  fetches larger.)

The records' language is ``und`` (BCP 47 "undetermined"), on purpose: the words
are Baozhai's tokens, not running Chinese text. Given ``zh-cn``/``zh-tw``,
Pagefind's browser code would cut each query again with the browser's word
segmenter (``Intl.Segmenter``), which splits the pairs; its extended indexer's
jieba words would miss a query inside a word (质生产, 撕钢), which the query
table requires.

The edition's ``search/search_index.json`` is then replaced by a stub with no
documents (Material's page script still fetches it and sets up its worker; the
stub's ``config.pagefind`` tells the worker where the index is). The offline
bundles are zipped before this runs and keep the whole index
(``search/search_index.js``: Pagefind cannot fetch under ``file://``).

Couplings: Material's ``search/search_index.json`` (docs, config) and its page
script fetching it for the worker (couplings.py "search index", "search worker");
Pagefind's indexer command (``pagefind --site --output-path``; ``data-pagefind-body``
and ``<html lang>`` of the pages it reads; its records ``fragment/<id>.pf_fragment``
naming the page read in ``url``) and its web module ``pagefind.js`` (``search``,
results' ``id``, ``score`` and ``words``), version 1.5.2.
"""
from __future__ import annotations

import gzip
import hashlib
import html
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.errors import BuildError
from generator.search.index import alt_tokens, document_fields, pagefind_words
from generator.write import link_unchanged

FOLDER = "pagefind"  # in each edition's site folder
LANGUAGE = "und"  # see the module docstring
SIGNATURE = "pagefind_dcd"  # what Pagefind 1.5 writes before a record's JSON
DOCS = "docs"  # in the Pagefind folder: each record's documents, ``<record id>.json``


def records(index: dict) -> list[dict]:
    """One Pagefind record per page of a (Baozhai-enriched) Material search index: its
    words (every document's), its title's words again (``title``: Pagefind weighs a
    heading's words above the text's, as the query layer ranks a page whose title
    holds the query), and its documents (``docs``, JSON: not indexed)."""
    pages: dict[str, list[dict]] = {}
    for doc in index["docs"]:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    out = []
    for path, docs in pages.items():
        words, title = [], ""
        head = next((d for d in docs if d["location"] == path), docs[0])
        for doc in docs:
            alt = doc.get("alt")
            if alt is None:
                alt = document_fields(doc.get("title", ""), doc.get("text", ""), doc.get("pinyin", ""))["alt"]
            words.append(pagefind_words(alt))
            if doc is head:  # alt begins with the title's tokens (in Simplified script)
                title = pagefind_words(" ".join(alt.split()[:len(alt_tokens(doc.get("title", "")).split())]))
        if head.get("exact"):
            words.append(head["exact"])
        out.append({"url": path, "title": title, "content": " ".join(w for w in words if w), "language": LANGUAGE,
                    "docs": json.dumps(docs, ensure_ascii=False, separators=(",", ":"))})
    return out


def record_page(record: dict) -> str:
    """A record as the HTML page Pagefind indexes: its words the page's body (its
    documents are not in it: :func:`write_docs`)."""
    return (f'<!doctype html>\n<html lang="{record["language"]}">\n<head><meta charset="utf-8"></head>\n<body>\n'
            f'<main data-pagefind-body><h1>{html.escape(record["title"])}</h1>\n'
            f'<p>{html.escape(record["content"])}</p></main>\n</body>\n</html>\n')


def _write(folder: Path, items: list[dict]) -> None:
    """Pagefind's indexer (the ``pagefind`` command of pagefind-bin, run to its end) over
    the records as HTML pages of one folder. (Its Python API runs the same binary as a
    service, read one answer each 0.1 s — 240 s for a record a request at 1,000 articles
    — and, stopped on a timeout, now and then left a file empty; the command writes the
    same files, byte for byte, and has finished when it exits.)"""
    with tempfile.TemporaryDirectory(prefix="baozhai-pagefind-") as pages:
        for number, item in enumerate(items):
            (Path(pages) / page_name(number, item)).write_text(record_page(item), encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "pagefind", "--site", pages, "--output-path", str(folder),
                               "--silent"], capture_output=True, text=True)
    if done.returncode:
        raise BuildError(f"{folder}: Pagefind's indexer failed (exit {done.returncode}): "
                         f"{(done.stderr or done.stdout).strip()[-2000:]}")


def _record(path: Path) -> dict:
    """One of Pagefind's records (``fragment/<id>.pf_fragment``: gzip, :data:`SIGNATURE`, JSON)."""
    return json.loads(gzip.decompress(path.read_bytes()).decode("utf-8").removeprefix(SIGNATURE))


def page_name(number: int, item: dict) -> str:
    """The page Pagefind reads for item ``number``: the number, and a hash of the
    item's documents (the record's url holds both, so Pagefind's id for it, the name
    of its documents' file, changes whenever they do, and a browser never keeps a
    stale copy under the same name)."""
    return f"{number:06d}-{hashlib.sha256(item['docs'].encode('utf-8')).hexdigest()[:12]}.html"


def write_docs(folder: Path, items: list[dict]) -> None:
    """Each record's documents as ``docs/<record id>.json`` beside Pagefind's index in
    ``folder``: the record's ``url`` names the page Pagefind read (:func:`page_name`),
    its number the item."""
    (folder / DOCS).mkdir()
    for path in sorted((folder / "fragment").glob("*.pf_fragment")):
        url = _record(path)["url"]
        number = url.strip("/").partition("-")[0]
        if not number.isdigit() or int(number) >= len(items) or url.strip("/") != page_name(int(number), items[int(number)]):
            raise BuildError(f"{path}: Pagefind's record names no page it was given: {url!r}")
        (folder / DOCS / f"{path.stem}.json").write_text(items[int(number)]["docs"], encoding="utf-8")


def whole(folder: Path) -> bool:
    """Whether the Pagefind files in ``folder`` are complete: its entry parses, its script
    is not empty, every word list, chunk and record unpacks, every record has its
    documents (a check the build makes after each index it writes: a damaged index
    would fail only in the reader's browser)."""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        if not (folder / "pagefind.js").stat().st_size:
            return False
        for language in entry["languages"].values():
            gzip.decompress((folder / f"pagefind.{language['hash']}.pf_meta").read_bytes())
        for path in folder.rglob("*.pf_*"):
            gzip.decompress(path.read_bytes())
        for path in folder.glob("fragment/*.pf_fragment"):
            if not json.loads((folder / DOCS / f"{path.stem}.json").read_text(encoding="utf-8")):
                return False
    except (OSError, ValueError, EOFError, KeyError):
        return False
    return True


def write_index(folder: Path, items: list[dict]) -> None:
    """Pagefind's index of ``items`` into ``folder``, checked whole."""
    shutil.rmtree(folder, ignore_errors=True)
    _write(folder, items)
    write_docs(folder, items)
    if not whole(folder):
        raise BuildError(f"{folder}: Pagefind's index is incomplete (a file is empty or cut short)")
    for path in folder.glob("pagefind-*"):  # Pagefind's own search UIs: the page keeps Material's
        if path.name != "pagefind-entry.json":
            path.unlink()


def stub(index: dict) -> dict:
    """What Material's page script fetches on the hosted site: no documents."""
    # in ``config``: Material's page script hands the worker only config, docs (and options of its own)
    return {"config": {**index["config"], "pagefind": f"{FOLDER}/"}, "docs": []}


def index_sites(folders: list[Path], previous: list[Path] | None = None) -> None:
    """Give each edition's site folder its Pagefind index and the stub JSON index.

    The editions are indexed one after the other: Pagefind's indexer holds every
    record's words until it writes (≈ 0.3–0.5 MB a record), so two side by side
    would hold both editions' at once (notes/performance.md, "Where the memory goes"). ``previous``: each
    edition's folder in the site this build replaces; the index files it holds
    unchanged (the records of unchanged pages, named by the hash of their bytes) are
    linked from there (:func:`generator.write.link_unchanged`)."""
    for number, folder in enumerate(folders):
        _index_site(folder, previous[number] if previous else None)


def _index_site(folder: Path, previous: Path | None) -> None:
    path = folder / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    write_index(folder / FOLDER, records(index))
    if previous is not None:
        link_unchanged(folder / FOLDER, previous / FOLDER)
    path.write_text(json.dumps(stub(index), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def read_index(folder: Path) -> dict:
    """What a hosted edition's search can show, read back from its Pagefind records
    (each ``fragment/<id>.pf_fragment``) and their documents (``docs/<id>.json``) as a
    Material index: the stub's config, and every page's documents, pages in address order."""
    config = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    pages = {}
    for path in sorted((folder / FOLDER / "fragment").glob("*.pf_fragment")):
        docs = json.loads((folder / FOLDER / DOCS / f"{path.stem}.json").read_text(encoding="utf-8"))
        pages[docs[0]["location"].split("#")[0]] = docs
    return {"config": config, "docs": [doc for url in sorted(pages) for doc in pages[url]]}
