"""``baozhai check`` (validate the content and report; write nothing) and
``baozhai terms --suggest`` (candidate glossary terms)."""
from __future__ import annotations

from generator.annotate.suggest import glossary_warnings, suggest
from generator.annotate.words import reading_warnings, unlisted_words
from generator.config import Settings
from generator.editions.edition import convert_files, converter_for, edition_checks
from generator.pipeline import generate, process


def check(settings: Settings, verbose: bool = False) -> list[str]:
    """Everything ``baozhai check`` prints, line by line."""
    digest, files = generate(settings)
    lines = [f"{len(digest.pages)} page(s), {len(digest.articles)} article(s)"]
    for result in digest.pages:
        lines += _page_report(result, verbose)
        lines += unlisted_words(digest.words, result.page.articles, None if verbose else 40)
    lines.append(f"\nglossary: {len(digest.glossary.terms)} entries, "
                 f"{sum(len(v) for v in digest.annotations.occurrences.values())} occurrences annotated")
    lines += glossary_warnings(digest)
    lines += reading_warnings(digest.glossary)
    for edition in settings.edition_list():
        converter = converter_for(settings, edition, digest.glossary)
        if converter is not None:
            problems = edition_checks(files, convert_files(files, converter), converter)
            lines.append(f"\n{edition.code} ({edition.variant}): "
                         f"{sum('Simplified left' in p for p in problems)} page(s) with Simplified left, "
                         f"{sum('override' in p for p in problems)} stale override(s)")
            lines += problems
    lines.append("preservation: every source character accounted for and shown")
    return lines


def suggest_terms(settings: Settings, limit: int) -> list[str]:
    digest = process(settings.content)
    rows = [f"{c.word}\t{c.count}×\tweight {c.weight:.3f}\t{', '.join(c.places)}"
            for c in suggest(digest, digest.glossary, limit)]
    return ["candidate\tcount\tweight\twhere"] + rows


def _page_report(result, verbose: bool) -> list[str]:
    name = result.page.source.name
    lines = [f"\n{name}"]
    for article in result.page.articles:
        flag = " (provisional title)" if article.provisional else ""
        lines.append(f"  article {article.number}: {article.title}{flag} "
                     f"[{len(article.paragraphs)} paragraphs] → {article.slug}")
    lines.append(f"  joins: {len(result.repairs.joins)}")
    lines += [f"    {name}:{j.before}+{j.after}: {j.reason}" for j in result.repairs.joins]
    punct = result.repairs.punctuation
    lines.append(f"  punctuation made full-width: {len(punct)} on {len({p.line for p in punct})} lines")
    if verbose:
        lines += [f"    {name}:{p.line}:{p.column + 1}: {p.old} → {p.new}" for p in punct]
    lines.append(f"  errata: {len(result.errata)}")
    lines += [f"    {name}:{e.erratum.line}: {e.erratum.kind}: {e.erratum.reason}" for e in result.errata]
    lines.append(f"  suspects: {len(result.suspects)}")
    lines += [f"    {s.source}:{s.line}: {s.kind}: {s.message}" for s in result.suspects]
    return lines
