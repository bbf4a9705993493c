"""Structure scores per layout: the corpus records written in every layout real pages
take (bench/layouts.py), parsed by Baozhai, compared with each record's own ground truth.

    .venv/bin/python bench/structure.py [LAYOUT…] [--pages]

Columns: pages, pages that stopped the build, headlines found / expected, extra
articles (an article page for a non-article line), paragraphs whole / expected
(one paragraph block per source paragraph), subheads found, date and outlet right
/ expected, furniture lines in a body, duplicated articles, bogus bylines, source
characters lost (the preservation accounting). ``tests/test_structure_corpus.py``
asserts the thresholds on the same numbers.
"""
from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

import opencc

HERE = Path(__file__).resolve().parent
_OPENCC = {"tw": opencc.OpenCC("tw2sp"), "hk": opencc.OpenCC("hk2s"), "cn": opencc.OpenCC("tw2sp")}
_T2S = opencc.OpenCC("t2s")
sys.path.insert(0, str(HERE))

from layouts import LAYOUTS, Expected, Sample, samples  # noqa: E402

from generator.errors import BaozhaiError  # noqa: E402
from generator.ingest.preserve import check_accounting  # noqa: E402
from generator.ingest.punctuation import FULL  # noqa: E402
from generator.ingest.script import QUOTES  # noqa: E402
from generator.ingest.duplicates import remove_duplicates  # noqa: E402
from generator.model import Article, Digest, PageResult  # noqa: E402
from generator.pipeline import process_page  # noqa: E402


@dataclass
class Score:
    pages: int = 0
    stopped: int = 0
    headlines: int = 0
    articles: int = 0
    extra: int = 0
    whole: int = 0
    paragraphs: int = 0
    subheads_found: int = 0
    subheads: int = 0
    meta_right: int = 0
    meta: int = 0
    furniture_in_body: int = 0
    duplicated: int = 0
    bogus_bylines: int = 0
    lost: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for f in fields(self):
            if f.name == "notes":
                self.notes += other.notes
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def whole_share(self) -> float:
        return self.whole / self.paragraphs if self.paragraphs else 1.0


def canon(text: str) -> str:
    """Text compared: no whitespace, half-width marks as the parser shows them, in
    Simplified script (a Traditional source is read in Simplified: generator.ingest.layers)."""
    return "".join(FULL.get(ch, ch) for ch in _simplified(text) if not ch.isspace())


_REGION = ["tw"]  # the region the reader decided for the page being scored (generator.ingest.script)


def _simplified(text: str) -> str:
    return _converted(text, _REGION[0])


@lru_cache(maxsize=65536)
def _converted(text: str, region: str) -> str:
    """Traditional text as the reader reads it (its page's region); Simplified text as it
    is (OpenCC would turn 显著 into 显着: its phrases are Traditional)."""
    if str(_T2S.convert(text)) == text:
        return text
    return str(_OPENCC[region].convert(text)).translate(QUOTES)


def score_layout(layout: str, folder: Path) -> Score:
    total = Score()
    results = []
    for sample in samples((layout,)):
        result, score = score_sample(sample, folder)
        total.add(score)
        if result is not None:
            results.append(result)
    remove_duplicates(Digest(folder, results))  # as the pipeline does once every page is read
    bodies: set[str] = set()
    for result in results:
        total.duplicated += _duplicates(result, bodies)
    return total


def score_sample(sample: Sample, folder: Path) -> tuple[PageResult | None, Score]:
    score = Score(pages=1, articles=len(sample.articles))
    score.paragraphs = sum(len(e.paragraphs) for e in sample.articles)
    score.subheads = sum(len(e.subheads) for e in sample.articles)
    score.meta = sum(2 for e in sample.articles if e.date)
    path = folder / "sources" / f"{sample.layout}-{sample.name}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(sample.text, encoding="utf-8")
    try:
        result = process_page(path, [], folder / "errata.yml")
    except BaozhaiError as err:
        score.stopped = 1
        score.notes.append(f"stopped: {err}")
        return None, score
    page = result.page
    _REGION[0] = page.source.meta.region or "cn"
    score.lost = len(check_accounting(page, result.repairs))
    titles = {canon(e.title): e for e in sample.articles}
    matched: dict[int, Article] = {}
    for article in page.articles:
        wanted = titles.get(canon(article.headline.text)) if article.headline else None
        if wanted is not None and wanted.record not in matched:
            matched[wanted.record] = article
        else:
            score.extra += 1
            score.notes.append(f"{path.name}: extra article “{article.title[:30]}”")
    score.headlines = len(matched)
    for missing in (e for e in sample.articles if e.record not in matched):
        score.notes.append(f"{path.name}: headline not found “{missing.title}”")
    for wanted in sample.articles:
        score.whole += _whole(wanted, page.articles, score.notes, path.name)
        score.subheads_found += _subheads(wanted, page.articles, score.notes, path.name)
        if wanted.date and wanted.record in matched:
            score.meta_right += _meta(wanted, result, matched[wanted.record])
        if wanted.record in matched:
            score.bogus_bylines += _bogus(wanted, matched[wanted.record], score.notes, path.name)
    score.furniture_in_body = _furniture_in_body(sample, page.articles, score.notes, path.name)
    return result, score


def _candidates(article: Article) -> list[str]:
    paras = [b for b in article.blocks if b.kind == "para"]
    dateline = canon(article.dateline.text) if article.dateline else ""
    reporters = canon(article.reporters.text) if article.reporters else ""
    found = []
    for index, block in enumerate(paras):
        text = canon(block.text.text)
        found.append(text)
        if index == 0:
            found += [dateline + text, dateline + text + reporters]
        found += [text + reporters, text + dateline]
    return found


def _whole(wanted: Expected, articles: list[Article], notes: list[str], name: str) -> int:
    shown = {c for a in articles for c in _candidates(a)}
    count = 0
    for paragraph in wanted.paragraphs:
        if canon(paragraph) in shown:
            count += 1
        else:
            notes.append(f"{name}: paragraph not whole “{paragraph[:24]}…”")
    return count


def _subheads(wanted: Expected, articles: list[Article], notes: list[str], name: str) -> int:
    headings = {canon(b.text.text) for a in articles for b in a.blocks if b.kind == "heading"}
    missing = [s for s in wanted.subheads if canon(s) not in headings]
    notes += [f"{name}: subhead not found “{s}”" for s in missing]
    return len(wanted.subheads) - len(missing)


def _meta(wanted: Expected, result: PageResult, article: Article) -> int:
    """Date and outlet as the article's metadata (found on the page, merged with the page's)."""
    meta = article.meta
    outlet = canon(meta.publication or "")
    target = canon(wanted.outlet or "")
    return (meta.date == wanted.date) + bool(outlet and target and (target in outlet or outlet in target))


def _bogus(wanted: Expected, article: Article, notes: list[str], name: str) -> int:
    names = [canon(n) for n in wanted.bylines]
    bad = [b.text for b in article.bylines if not any(n in canon(b.text) for n in names)]
    notes += [f"{name}: bogus byline “{b}”" for b in bad]
    return len(bad)


def _furniture_in_body(sample: Sample, articles: list[Article], notes: list[str], name: str) -> int:
    lines = {p.line for a in articles for b in a.blocks for p in b.text.pieces}
    inside = sorted(sample.furniture & lines)
    source = sample.text.split("\n")
    notes += [f"{name}:{n}: furniture in a body “{source[n - 1][:30]}”" for n in inside]
    return len(inside)


def _duplicates(result: PageResult, bodies: set[str]) -> int:
    count = 0
    for article in result.page.articles:
        if getattr(article, "duplicate_of", None):
            continue
        body = canon("".join(b.text.text for b in article.paragraphs))
        count += body in bodies
        bodies.add(body)
    return count


HEADER = ("layout", "pages", "stopped", "headlines", "extra", "paragraphs whole", "subheads",
          "date+outlet", "furniture in body", "duplicated", "bogus bylines", "chars lost")


def row(layout: str, s: Score) -> tuple[str, ...]:
    return (layout, str(s.pages), str(s.stopped), f"{s.headlines}/{s.articles}", str(s.extra),
            f"{s.whole}/{s.paragraphs} ({100 * s.whole_share:.1f}%)", f"{s.subheads_found}/{s.subheads}",
            f"{s.meta_right}/{s.meta}", str(s.furniture_in_body), str(s.duplicated), str(s.bogus_bylines),
            str(s.lost))


def table(scores: dict[str, Score]) -> str:
    rows = [HEADER] + [row(k, v) for k, v in scores.items()]
    out = ["| " + " | ".join(r) + " |" for r in rows]
    out.insert(1, "|" + "---|" * len(HEADER))
    return "\n".join(out)


def score_all(layouts: tuple[str, ...] = LAYOUTS) -> dict[str, Score]:
    with tempfile.TemporaryDirectory() as tmp:
        return {layout: score_layout(layout, Path(tmp) / layout) for layout in layouts}


def main(argv: list[str]) -> None:
    chosen = tuple(a for a in argv if not a.startswith("-")) or LAYOUTS
    scores = score_all(chosen)
    print(table(scores))
    if "--pages" in argv:
        for layout, s in scores.items():
            for note in s.notes:
                print(f"{layout}: {note}")


if __name__ == "__main__":
    main(sys.argv[1:])
