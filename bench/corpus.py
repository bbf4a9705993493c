"""Corpora for benchmarks: N articles recombined from real text.

``text="synthetic"`` (the default): whole paragraphs of the seed page, drawn
again and again, so every sentence recurs hundreds of times at 1,000 articles
and every cache keyed by text (jieba's cuts, the conversion's) hits.

``text="real"``: clauses of real articles spliced at word boundaries, so the
text a build analyses is new almost everywhere, as real articles' text is. The
source is the 24 real articles of ``tests/fixtures/corpus/`` (the copy of
``../shared/corpus/``; publishers' copyright, test material only) and the seed
page. Their paragraphs are cut into sentences and sentences into clauses (at
，；：); jieba's stock dictionary cuts each clause into words. A new clause is the
first words of one clause joined to the last words of another (each part at
least one word, never inside quotation marks or brackets); a sentence has as
many clauses as a real sentence drawn at random, a paragraph 1–4 sentences, an
article 4–14 paragraphs (about the corpus's mean article length). So the words,
their neighbours within a clause and the share of glossary terms are real text's,
while no clause recurs but by chance; what does recur is the vocabulary (the
source's 9,000 or so words, where 1,000 real articles would bring several times
as many: see the README's "Every word explained", Cost).

Every page either writes is marked as a benchmark (publication 合成基准（非新闻）,
titles 合成基准稿件… or 真实语料重组基准稿件…（非新闻）) and goes to a temporary
folder; it is never published. Deterministic for a given N.
"""
from __future__ import annotations

import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "sources" / "000_371fdb277fab058e.txt"
PUBLICATION = "合成基准（非新闻）"
ARTICLES_PER_PAGE = 4
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "scraped-2026-06-12.json"
TEXTS = ("synthetic", "real")


def paragraphs(seed: Path = SEED) -> list[str]:
    """Body paragraphs of the seed that end a sentence (no headings, no markers)."""
    lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if len(line) > 30 and not line.startswith("#") and line[-1] in "。！？"]


def write_corpus(folder: Path, articles: int, seed: int = 7, text: str = "synthetic") -> Path:
    """Write ``articles`` benchmark articles (``text``: see the module), 4 a page, one page
    a day; return the content folder."""
    rng = random.Random(seed)
    pool = _pool(text)
    content = folder / "content"
    sources = content / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    _glossary_without_page_notes(ROOT / "content" / "glossary.yml", content / "glossary.yml")
    start = date(2030, 1, 1)
    pages = (articles + ARTICLES_PER_PAGE - 1) // ARTICLES_PER_PAGE
    for number in range(pages):
        count = min(ARTICLES_PER_PAGE, articles - number * ARTICLES_PER_PAGE)
        stem = f"synthetic-{number:05d}"
        (sources / f"{stem}.txt").write_text(_page(rng, pool, number, count), encoding="utf-8")
        day = start + timedelta(days=number)
        (sources / f"{stem}.meta.yml").write_text(
            f"publication: {PUBLICATION}\ndate: {day.isoformat()}\npage: A{1 + number % 8:02d}\n",
            encoding="utf-8")
    return content


def add_day(content: Path, pages: int, seed: int = 11, text: str = "synthetic") -> list[Path]:
    """``pages`` more pages of 4 benchmark articles, all dated the day after the newest
    page (pages A01, A02…): what a daily update brings. Returns the files written."""
    rng = random.Random(seed + pages)
    pool = _pool(text)
    sources = content / "sources"
    metas = sorted(sources.glob("*.meta.yml"))
    newest = max(date.fromisoformat(p.read_text(encoding="utf-8").split("date: ")[1][:10]) for p in metas)
    day = newest + timedelta(days=1)
    written = []
    for index in range(pages):
        number = len(metas) + index
        stem = f"synthetic-{number:05d}"
        (sources / f"{stem}.txt").write_text(_page(rng, pool, number, ARTICLES_PER_PAGE), encoding="utf-8")
        (sources / f"{stem}.meta.yml").write_text(
            f"publication: {PUBLICATION}\ndate: {day.isoformat()}\npage: A{index + 1:02d}\n", encoding="utf-8")
        written += [sources / f"{stem}.txt", sources / f"{stem}.meta.yml"]
    return written


def _glossary_without_page_notes(source: Path, target: Path) -> None:
    """The seed glossary, less its page notes: they name lines of the seed's own source
    files, which a synthetic corpus does not have (the build rejects a note it cannot place)."""
    import yaml

    entries = yaml.safe_load(source.read_text(encoding="utf-8"))
    for entry in entries if isinstance(entries, list) else entries.get("terms", []):
        entry.pop("page_notes", None)
    target.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")


class Spliced:
    """Paragraphs of real text made anew for each draw (see the module): clauses spliced
    at word boundaries, sentences shaped like real ones."""

    title = "真实语料重组基准稿件"

    def __init__(self, texts: list[str]):
        import jieba

        jieba.setLogLevel(60)
        self.shapes: list[int] = []  # clauses per real sentence
        self.clauses: list[list[str]] = []  # each clause's words (jieba, stock dictionary)
        self.ends: list[str] = []  # sentence ends as found (。！？ with a closing quote)
        for paragraph in texts:
            for sentence, end in _SENTENCE.findall(paragraph):
                pieces = [c for c in _CLAUSE.split(sentence) if c]
                if not pieces or not all(_balanced(c) for c in pieces[::2]):
                    continue
                self.shapes.append((len(pieces) + 1) // 2)
                self.ends.append(end)
                self.clauses += [list(jieba.cut(c, HMM=False)) for c in pieces[::2]]
        self.cuts = [[n for n in range(1, len(w)) if _balanced("".join(w[:n]))] for w in self.clauses]

    def clause(self, rng: random.Random) -> str:
        a, b = rng.randrange(len(self.clauses)), rng.randrange(len(self.clauses))
        if not self.cuts[a] or not self.cuts[b]:
            return "".join(self.clauses[a])
        return "".join(self.clauses[a][:rng.choice(self.cuts[a])] + self.clauses[b][rng.choice(self.cuts[b]):])

    def sentence(self, rng: random.Random) -> str:
        shape = rng.randrange(len(self.shapes))
        return "，".join(self.clause(rng) for _ in range(self.shapes[shape])) + self.ends[shape]

    def paragraph(self, rng: random.Random) -> str:
        return "".join(self.sentence(rng) for _ in range(rng.randint(1, 4)))


_SENTENCE = re.compile(r"([^。！？]+)([。！？]”?)")
_CLAUSE = re.compile(r"([，；：])")
_PAIRS = {"“": "”", "（": "）", "《": "》", "(": ")", "【": "】", "‘": "’", "「": "」"}


def _balanced(text: str) -> bool:
    """No quotation mark or bracket left open or closed without its partner."""
    depth = 0
    for char in text:
        if char in _PAIRS:
            depth += 1
        elif char in _PAIRS.values():
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def real_paragraphs() -> list[str]:
    """The corpus articles' paragraphs (tests/fixtures/corpus) and the seed's, that end a sentence."""
    records = json.loads(CORPUS.read_text(encoding="utf-8"))["articles"]
    found = [p.strip() for r in records for p in r["content"] if len(p.strip()) > 30 and p.strip()[-1] in "。！？”"]
    return found + paragraphs()


def _pool(text: str) -> list[str] | Spliced:
    if text not in TEXTS:
        raise ValueError(f"unknown benchmark text {text!r}: one of {', '.join(TEXTS)}")
    return paragraphs() if text == "synthetic" else Spliced(real_paragraphs())


def _page(rng: random.Random, pool: list[str] | Spliced, number: int, count: int) -> str:
    parts = []
    for index in range(count):
        if isinstance(pool, Spliced):
            parts.append(f"# {pool.title}{number}之{index + 1}（非新闻）\n")
            parts += [pool.paragraph(rng) + "\n" for _ in range(rng.randint(4, 14))]
        else:
            parts.append(f"# 合成基准稿件{number}之{index + 1}（非新闻）\n")
            parts += [rng.choice(pool) + "\n" for _ in range(rng.randint(5, 12))]
    return "\n".join(parts)
