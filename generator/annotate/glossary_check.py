"""What ``baozhai check`` reports on the glossary: entries a reader cannot trust yet.

* sources and dates: every entry names a source (the loader refuses one without);
  an ``as_of`` older than two years before *today* (injectable) is a warning;
* readings: every alias has a reading of its own; where a dictionary is at hand
  (:mod:`generator.annotate.readings`), each form's reading is compared with it;
* uses: every form a reader sees on a page is counted as a use (a term found on a
  source line with fewer uses counted there is reported, with file:line);
* near misses: a page form one character away from a long glossary form
  (创新和高新技术发展司 beside 创新和高技术发展司) is reported as a suspect.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

import ahocorasick

from generator.annotate.readings import Lookup, reading_differences
from generator.annotate.suggest import glossary_warnings
from generator.annotate.terms import Matcher
from generator.model import Digest, Glossary, Term

STALE_YEARS = 2
NEAR_MISS_MIN = 6  # forms shorter than this are too close to ordinary words


def glossary_report(digest: Digest, today: date, lookup: Lookup | None) -> list[str]:
    """The summary line, then one line per finding (``file:line: …``)."""
    glossary = digest.glossary
    unsourced = [t for t in glossary.terms if not t.source.strip()]
    unread = [(t, a) for t in glossary.terms for a in aliases_without_reading(t)]
    uncounted = uncounted_uses(digest)
    stale = stale_entries(glossary, today)
    uses = sum(len(digest.annotations.all_uses(a.slug)) for a in digest.articles)
    lines = [f"\nglossary: {len(glossary.terms)} entries, {uses} occurrences annotated; "
             f"{len(unsourced)} without source, {len(unread)} alias(es) without a reading of their own, "
             f"{len({t for t, _, _ in uncounted})} term(s) with uses uncounted, "
             f"{len(stale)} as_of older than {STALE_YEARS} years"]
    path = glossary.path
    lines += [f"{path}:{t.line}: error: “{t.term}” has no source" for t in unsourced]
    lines += [f"{path}:{t.line}: error: alias “{a}” of “{t.term}” has no reading of its own" for t, a in unread]
    lines += [f"{where}: error: “{term}” is on this line but not counted as a use" for term, where, _ in uncounted]
    lines += [f"{path}:{t.line}: warning: “{t.term}” as_of {t.as_of} is older than {STALE_YEARS} years: "
              "check its facts again" for t in stale]
    lines += glossary_warnings(digest)
    lines += near_misses(digest)
    lines += reading_differences(glossary, lookup)
    return lines


def aliases_without_reading(term: Term) -> list[str]:
    """Aliases whose reading is missing or merely the headword's (OPC → yīrén gōngsī);
    an alias written with the headword's characters (“奋斗者”号) may share its reading."""
    readings = term.alias_readings if len(term.alias_readings) == len(term.aliases) else ("",) * len(term.aliases)
    return [alias for alias, reading in zip(term.aliases, readings)
            if not reading.strip() or (reading == term.pinyin and _letters(alias) != _letters(term.term))]


def _letters(form: str) -> str:
    return "".join(c for c in form if c.isalnum())


def stale_entries(glossary: Glossary, today: date) -> list[Term]:
    limit = f"{today.year - STALE_YEARS:04d}-{today.month:02d}-{today.day:02d}"
    return [t for t in glossary.terms if t.as_of is not None and _padded(t.as_of) < limit]


def _padded(as_of: str) -> str:
    """``2024-06`` → ``2024-06-31``: a month holds until its end."""
    return as_of if len(as_of) == 10 else f"{as_of}-31"


def uncounted_uses(digest: Digest) -> list[tuple[str, str, int]]:
    """(term, file:line, missing) where a source line shows a term more often than uses
    were counted on it: the reader sees a use the term page does not list."""
    matcher = Matcher(digest.glossary)
    counted: Counter = Counter()
    for article in digest.articles:
        for use in digest.annotations.all_uses(article.slug):
            counted[(use.article.source, use.line, use.term.term)] += 1
    missing = []
    for result in digest.pages:
        source = result.page.source
        for line in source.lines:
            if line.number < source.body_start:
                continue
            seen = Counter(term.term for *_, term, _ in matcher.find(line.text))
            for term, count in seen.items():
                if count > counted[(source.name, line.number, term)]:
                    missing.append((term, f"{source.name}:{line.number}", count - counted[(source.name, line.number,
                                                                                           term)]))
    return missing


def near_misses(digest: Digest) -> list[str]:
    """Page text one character away (one added, dropped or changed) from a glossary form
    of at least NEAR_MISS_MIN characters, where the form itself is not there: damage
    or a misnamed institution (a suspect for an editor, never corrected silently)."""
    forms = {f: t for t in digest.glossary.terms for f in t.forms if len(f) >= NEAR_MISS_MIN}
    if not forms:
        return []
    heads = _heads(forms)
    found = []
    for result in digest.pages:
        source = result.page.source
        for line in source.lines:
            for form, text in _near(line.text, heads):
                if text in forms:
                    continue
                found.append(f"{source.name}:{line.number}: suspect: “{text}” is one character away from the "
                             f"glossary's “{form}” ({forms[form].term})")
    return found


def _heads(forms) -> ahocorasick.Automaton:
    """An automaton over the first two characters of every form: one pass a line."""
    automaton = ahocorasick.Automaton()
    for form in forms:
        found = automaton.get(form[:2], [])
        automaton.add_word(form[:2], found + [form])
    automaton.make_automaton()
    return automaton


def _near(text: str, heads: ahocorasick.Automaton) -> list[tuple[str, str]]:
    hits = []
    for last, candidates in heads.iter(text):
        start = last - 1
        for form in candidates:
            for size in (len(form) - 1, len(form), len(form) + 1):
                piece = text[start:start + size]
                if piece.endswith(form[-2:]) and piece != form and _one_edit(piece, form):
                    hits.append((form, piece))
    return hits


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` becomes ``b`` by adding, dropping or changing one character."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1:]
