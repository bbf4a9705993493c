"""``baozhai check`` (validate the content and report; write nothing) and
``baozhai terms --suggest`` (candidate glossary terms)."""
from __future__ import annotations

from datetime import date

from generator.annotate.glossary_check import glossary_report
from generator.annotate.readings import Lookup, dictionary_lookup
from generator.annotate.suggest import suggest
from generator.annotate.words import unlisted_words
from generator.config import Settings
from generator.editions.edition import confusable_report, convert_files, converter_for, edition_checks
from generator.errors import template_errors
from generator.pipeline import generate, process


def check(settings: Settings, verbose: bool = False, today: date | None = None,
          lookup: Lookup | None = None) -> list[str]:
    """Everything ``baozhai check`` prints, line by line. ``today`` dates the glossary's
    ``as_of`` check (default: the machine's date); ``lookup`` is the dictionary the
    readings are compared with (default: the dictionary layer's, if any)."""
    with template_errors():
        digest, files = generate(settings)
    lines = [f"{len(digest.pages)} page(s), {len(digest.articles)} article(s)"]
    for result in digest.pages:
        lines += _page_report(result, verbose)
        if digest.dictionary:
            lines += unlisted_words(digest.words, result.page.articles, None if verbose else 40)
    lines += glossary_report(digest, today or date.today(), lookup or dictionary_lookup())
    for edition in settings.edition_list():
        converter = converter_for(settings, edition, digest.glossary)
        if converter is not None:
            converted = convert_files(files, converter)
            problems = edition_checks(files, converted, converter)
            lines.append(f"\n{edition.code} ({edition.variant}): "
                         f"{sum('Simplified left' in p for p in problems)} page(s) with Simplified left, "
                         f"{sum('override' in p for p in problems)} stale override(s)")
            lines += problems
            audit = confusable_report(files, converted, converter)
            lines.append(f"confusable characters: {sum(1 for line in audit if line.startswith('    '))} "
                         f"place(s) with the rarer form, to read (articles only)")
            lines += audit if verbose else audit[:40] + (["  … (--verbose lists every place)"]
                                                          if len(audit) > 40 else [])
    lines.append("preservation: every source character accounted for and shown")
    return lines


def failed(report: list[str]) -> bool:
    """A report with an error line fails ``baozhai check`` (non-zero exit)."""
    return any(": error: " in line for line in report)


def suggest_terms(settings: Settings, limit: int) -> list[str]:
    digest = process(settings.content)
    rows = [f"{c.word}\t{c.count}×\tweight {c.weight:.3f}\t{', '.join(c.places)}"
            for c in suggest(digest, digest.glossary, limit)]
    return ["candidate\tcount\tweight\twhere"] + rows


def _page_report(result, verbose: bool) -> list[str]:
    """What an editor confirms a new page by: each article with its headline, byline,
    dateline, date/outlet and paragraph count; the page's furniture lines; every doubtful
    decision (all of them with --verbose); joins, punctuation, errata, suspects."""
    page = result.page
    name = page.source.name
    lines = [f"\n{name}"]
    for article in page.articles:
        lines += _article_report(name, page, article)
    lines.append(f"  furniture: {len(page.furniture)} line(s)")
    lines += [f"    {name}:{f.text.first_line}: {f.kind}: {f.text.text}" for f in page.furniture]
    doubtful = [d for d in page.decisions if d.doubtful]
    lines.append(f"  decisions: {len(page.decisions)}, doubtful: {len(doubtful)}")
    lines += [f"    {name}:{d.line}: {'warning: ' if d.doubtful else ''}{d.kind}: {d.message}"
              for d in (page.decisions if verbose else doubtful)]
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
    return lines + furniture_report(result, verbose)


def furniture_report(result, verbose: bool) -> list[str]:
    """Metadata found, furniture lines (each with --verbose), duplicates, doubtful decisions."""
    page, source = result.page, result.page.source
    name = source.name
    lines = ["  metadata: " + (", ".join(f"{k}={v}" for k, v in source.meta.fields().items()) or "none")]
    for article in page.articles:
        found = {k: v for k, v in article.meta.fields().items() if source.meta.fields().get(k) != v}
        if found:
            lines.append(f"    article {article.number}: " + ", ".join(f"{k}={v}" for k, v in found.items()))
    kinds: dict[str, int] = {}
    for item in page.furniture:
        kinds[item.kind] = kinds.get(item.kind, 0) + 1
    lines.append(f"  furniture: {len(page.furniture)}" +
                 (" (" + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")" if kinds else ""))
    if verbose:
        lines += [f"    {name}:{source.where(f.text.first_line)}: {f.kind}: {f.text.text[:60]}" for f in page.furniture]
    if source.changes:
        lines.append(f"  read through: {sum(c.kind == 'script' for c in source.changes)} script conversion(s), "
                     f"{sum(c.kind != 'script' for c in source.changes)} HTML tag(s)/reference(s)")
    lines.append(f"  duplicates: {len(page.duplicates)}")
    lines += [f"    {name}:{source.where(d.article.first_line)}: “{d.article.blocks[0].text.text[:12]}…” {d.kept}"
              for d in page.duplicates]
    doubtful = [d for d in page.decisions if d.doubtful]
    lines.append(f"  doubtful decisions: {len(doubtful)}")
    lines += [f"    warning: {name}:{source.where(d.line)}: {d.kind}: {d.message}" for d in doubtful]
    return lines


def _article_report(name: str, page, article) -> list[str]:
    flag = " (provisional title)" if article.provisional else ""
    sections = sum(1 for b in article.blocks if b.kind == "heading")
    counts = f"{len(article.paragraphs)} paragraphs" + (f", {sections} subheads" if sections else "")
    for kind, label in (("table", "tables"), ("list", "lists")):
        found = [b for b in article.blocks if b.kind == kind]
        counts += f", {len(found)} {label} (lines " + ", ".join(
            f"{b.text.first_line}–{b.text.pieces[-1].line}" for b in found) + ")" if found else ""
    lines = [f"  article {article.number}: {article.title}{flag} [{counts}] → {article.slug}"]
    where = {"headline": article.headline, "kicker": article.kicker, "deck": article.deck,
             "dateline": article.dateline, "reporters": article.reporters}
    for label, text in [*where.items(), *(("byline", b) for b in article.bylines)]:
        if text is not None:
            lines.append(f"    {label}: {text.text} ({name}:{text.first_line})")
    meta = getattr(article, "meta", None) or page.source.meta
    known = [v for v in (meta.date, meta.publication, f"{meta.page}版" if meta.page else None) if v]
    lines.append(f"    date/outlet: {' '.join(known) if known else 'not on the page'}")
    return lines
