"""Glossary pages: the index (by pinyin initial and by category) and one page per term."""
from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from generator.model import Annotations, Occurrence
from generator.model import CATEGORIES, Glossary, Term
from generator.site.render import front_matter
from generator.slugs import ARTICLES

GLOSSARY = "glossary"


def term_url(term: Term, prefix: str = f"../{GLOSSARY}/") -> Markup:
    return Markup(f"{prefix}{term.slug}.html")


def term_view(term: Term, prefix: str = f"../{GLOSSARY}/") -> dict:
    return {"term": term.term, "pinyin": term.pinyin, "gloss": term.gloss,
            "category": term.category_label, "url": term_url(term, prefix)}


def render_glossary(env, glossary: Glossary, annotations: Annotations) -> dict[str, str]:
    files = {f"{GLOSSARY}/index.md": render_index(env, glossary)}
    uses = annotations.by_term()
    for term in glossary.terms:
        files[f"{GLOSSARY}/{term.slug}.md"] = render_term(env, term, uses.get(term.term, []))
    return files


def render_index(env, glossary: Glossary) -> str:
    letters = [{"key": key if key != "#" else "other", "label": key,
                "terms": [term_view(t, "") for t in group]}
               for key, group in groupby(glossary.terms, key=lambda t: t.initial)]
    categories = [{"key": key, "label": label,
                   "terms": [term_view(t, "") for t in glossary.terms if t.category == key]}
                  for key, label in CATEGORIES.items()]
    return env.get_template("glossary_index.md.j2").render(
        meta=front_matter("术语表", f"本摘编的{len(glossary.terms)}个术语：拼音、英文、释义与用例"),
        letters=letters, categories=[c for c in categories if c["terms"]])


def render_term(env, term: Term, uses: list[Occurrence]) -> str:
    return env.get_template("term.md.j2").render(
        meta=front_matter(term.term, f"{term.term}（{term.pinyin}）：{term.first_sentence}"),
        term=term, category_url=Markup(f"index.html#category-{term.category}"),
        aliases=[{"form": a, "pinyin": r} for a, r in zip(term.aliases, term.alias_readings)],
        uses=[_use(u) for u in uses])


def _use(occurrence: Occurrence) -> dict:
    """One concordance line: the sentence (or caption, headline …) with the use marked,
    where on the page it stands when not in the body, and the editor's page note."""
    before, match, after = occurrence.context
    article = occurrence.article
    return {"before": before, "match": match, "after": after, "title": article.title,
            "place": None if occurrence.place == "para" else occurrence.place_label, "note": occurrence.note,
            "url": Markup(f"../{ARTICLES}/{article.slug}.html#{occurrence.anchor}")}


def tooltip(term: Term, reading: str | None = None) -> str:
    return f"{reading or term.pinyin}｜{term.gloss}｜{term.first_sentence}"
