"""A synthetic corpus for benchmarks: N articles recombined from the seed page.

Every page it writes is marked synthetic (publication 合成基准（非新闻）) and
goes to a temporary folder; it is never published. Deterministic for a given N.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "sources" / "000_371fdb277fab058e.txt"
PUBLICATION = "合成基准（非新闻）"
ARTICLES_PER_PAGE = 4


def paragraphs(seed: Path = SEED) -> list[str]:
    """Body paragraphs of the seed that end a sentence (no headings, no markers)."""
    lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if len(line) > 30 and not line.startswith("#") and line[-1] in "。！？"]


def write_corpus(folder: Path, articles: int, seed: int = 7) -> Path:
    """Write ``articles`` synthetic articles, 4 a page, one page a day; return the content folder."""
    rng = random.Random(seed)
    pool = paragraphs()
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


def add_day(content: Path, pages: int, seed: int = 11) -> list[Path]:
    """``pages`` more pages of 4 synthetic articles, all dated the day after the newest
    page (pages A01, A02…): what a daily update brings. Returns the files written."""
    rng = random.Random(seed + pages)
    pool = paragraphs()
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


def _page(rng: random.Random, pool: list[str], number: int, count: int) -> str:
    parts = []
    for index in range(count):
        parts.append(f"# 合成基准稿件{number}之{index + 1}（非新闻）\n")
        parts += [rng.choice(pool) + "\n" for _ in range(rng.randint(5, 12))]
    return "\n".join(parts)
