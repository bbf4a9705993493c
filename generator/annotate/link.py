"""Annotate, link: related articles and continuation jumps, computed over the whole digest.

**Related articles.** Each article is a bag of weighted features: the glossary
terms it uses and its top jieba keywords (jieba's general-language TF-IDF
picks them; glossary forms are left out so nothing counts twice). A feature's
weight in an article is ``(1 + ln tf) × idf``, with the idf of jieba's own
general-language table (the one that picked the keywords; a word or term it
lacks gets the table's median, as jieba's extractor gives it), so a rare
word counts more than a common one; keywords count half as much as curated
glossary terms. The idf is fixed, not computed over this digest: an article's
weights depend on that article alone, so a new article changes the related
lists only of the articles it is now related to (and of those whose related
article it displaces from a feature's strongest holders), not of every
article sharing a word with it, and an incremental build re-renders those
few pages (one page of 4 synthetic articles added to 1,000: 1 old article
page changed, against 231 with the digest's idf). Scoring the best candidates
again over every feature they share, so that no displacement changes a
score, was tried and left out: it finds more true neighbours of a new
article, so more pages changed (5 old ones). Two articles are as related as the cosine of their vectors; the
shared features, strongest first, are the reason shown to the reader.

The search never compares all pairs: an inverted index maps each feature to
the articles holding it, and each feature's list keeps only its
``POSTING_LIMIT`` strongest holders (a word in thousands of articles says
little about any two of them), so each article's look-up costs at most its
feature count × ``POSTING_LIMIT`` steps — linear in the number of articles.
Ties break by slug: same digest, same output.

**Continuations.** ``(下转A05版)`` on page A01 of an issue points at page A05
of the same publication and date: the article there whose ``(上接A01版)``
points back, else that page's first article. A page the digest lacks leaves
the jump unresolved, and the article page says so.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Iterable

import jieba

from generator.cache import Cache, Memo
from generator.ingest.sentences import ends_sentence
from generator.model import Article, Continuation, Feature, Jump, Links, Occurrence, PageMeta, Related, Weighted

if TYPE_CHECKING:  # pragma: no cover
    from generator.model import Digest

KEYWORDS = 15  # jieba keywords kept per article
KEYWORD_WEIGHT = 0.5  # a keyword counts half as much as a glossary term
POSTING_LIMIT = 32  # strongest holders kept per feature in the inverted index
RELATED = 5  # related articles shown per article
MIN_SCORE = 0.01  # weaker than this (one common word shared) is not worth showing
REASONS = 5  # shared features shown per related article
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)  # a keyword needs a letter (CJK or Latin)
_RUN = jieba.re_han_default  # a run of text jieba segments on its own


def link(digest: "Digest", cache: Cache | None = None) -> Links:
    """The pipeline stage: features, related articles and continuation jumps.

    Each article's keywords are taken from the last build's (``cache``: one entry, by
    the hash of the text they were extracted from) when its text is unchanged: jieba
    cuts only new texts (≈ 0.5 s of a build at 1,000 articles). The entry is written
    again, with this build's texts only, when any changed."""
    cache = cache or Cache(None)
    forms = set(digest.glossary.by_form())
    segmented: dict[str, tuple[str, ...]] = {}  # shared by every article's keyword extraction
    known = Memo(cache, KEYWORDS_KIND)
    bags = {a.slug: bag(a, digest.annotations.occurrences.get(a.slug, []), forms, segmented, known)
            for a in digest.articles}
    known.file()
    features = weigh(bags)
    by_slug = {a.slug: a for a in digest.articles}
    related = {slug: [Related(by_slug[other], score, reasons) for other, score, reasons in found]
               for slug, found in rank(features).items()}
    placed = {a.slug: r for r in digest.pages for a in r.page.articles}
    jumps = resolve_jumps(digest)
    return Links(features, related, jumps, placed, begun_mid_sentence(jumps))


# -- features ----------------------------------------------------------------------------

KEYWORDS_KIND = "keywords"  # the cache's entry of every article's keywords, by its text (a Memo)


def bag(article: Article, found: list[Occurrence], forms: set[str],
        segmented: dict[str, tuple[str, ...]] | None = None, known: Memo | None = None) -> Counter:
    """Feature → count in one article: its glossary occurrences (``found``) and its
    jieba keywords that are no glossary form (``segmented``: see :func:`keywords`;
    ``known``: keywords extracted before, by text)."""
    counts: Counter = Counter()
    for occurrence in found:
        counts[Feature("t:" + occurrence.term.term, occurrence.term.term, occurrence.term)] += 1
    used = sorted({o.form for o in found}, key=lambda form: (-len(form), form))
    text = article_text(article, found, used)
    extract = partial(keywords, text, segmented=segmented)
    for word, count in (known.get((text,), extract) if known is not None else extract()):
        if word not in forms:
            counts[Feature("k:" + word, word)] += count
    return counts


def article_text(article: Article, found: list[Occurrence], used: list[str]) -> str:
    """Headline, deck and body, with the glossary terms cut out (they count as terms):
    the body's annotated occurrences, and the forms ``used`` wherever they are in
    the headline and deck (which are not annotated)."""
    spans: dict[str, list] = defaultdict(list)
    for occurrence in found:
        spans[occurrence.anchor].append((occurrence.start, occurrence.end))
    texts = [t.text for t in (article.headline, article.deck) if t is not None]
    for form in used:
        texts = [text.replace(form, "\n") for text in texts]
    for block in article.blocks:
        text = block.text.text
        for start, end in sorted(spans.get(block.anchor, []), reverse=True):
            text = text[:start] + "\n" + text[end:]
        texts.append(text)
    return "\n".join(texts)


def keywords(text: str, limit: int = KEYWORDS,
             segmented: dict[str, tuple[str, ...]] | None = None) -> list[tuple[str, int]]:
    """The ``limit`` strongest jieba TF-IDF keywords of ``text`` with their counts.

    jieba segments each run of CJK and Latin text between punctuation or spaces on
    its own (what lies between runs becomes one-character words, never keywords), so
    the words of ``text`` are the words of its runs, in order. ``segmented`` remembers
    each run's candidate words across calls: a run met before (a stock phrase, a
    dateline) is not segmented again."""
    tokenizer, idf, median = _jieba()
    segmented = {} if segmented is None else segmented
    words: list[str] = []
    for run in _RUN.findall(text):
        found = segmented.get(run)
        if found is None:
            found = segmented[run] = candidates(tokenizer.cut(run))
        words += found
    counts = Counter(words)
    ranked = heapq.nsmallest(limit, [(-n * idf.get(w, median), w) for w, n in counts.items()])
    return [(w, counts[w]) for _, w in ranked]


def candidates(words: Iterable[str]) -> tuple[str, ...]:
    """The words that may be keywords: two characters or more, one of them a letter."""
    return tuple(w for w in words if len(w.strip()) >= 2 and _WORD.search(w))


@lru_cache(maxsize=1)
def _jieba() -> tuple[jieba.Tokenizer, dict[str, float], float]:
    """jieba's stock tokenizer and its TF-IDF table, both loaded once per process.

    The tokenizer is the glossary's (stock dictionary, never given user words; the
    global ``jieba.dt`` is not used), so the dictionary is not loaded a second time.
    The table is that of jieba's default extractor, built when ``jieba.analyse`` is
    imported; a ``TFIDF()`` of our own would load the same file again."""
    import jieba.analyse

    from generator.annotate.glossary import stock_tokenizer

    jieba.setLogLevel(60)
    return stock_tokenizer(), jieba.analyse.default_tfidf.idf_freq, jieba.analyse.default_tfidf.median_idf


def weigh(bags: dict[str, Counter]) -> dict[str, list[Weighted]]:
    """``(1 + ln tf) × idf`` per feature, strongest first (ties by key); see :func:`idf`."""
    result = {}
    for slug, counts in bags.items():
        weighted = [Weighted(f, (1 + math.log(tf)) * idf(f.label) * (1 if f.term else KEYWORD_WEIGHT))
                    for f, tf in counts.items()]
        result[slug] = sorted(weighted, key=lambda w: (-w.weight, w.feature.key))
    return result


def idf(word: str) -> float:
    """jieba's general-language idf of ``word`` (a keyword or a glossary term), or the
    table's median for a word it lacks: the same for every digest."""
    _, table, median = _jieba()
    return table.get(word, median)


# -- ranking -----------------------------------------------------------------------------

def rank(features: dict[str, list[Weighted]], limit: int = RELATED) -> dict[str, list[tuple]]:
    """Slug → [(other slug, cosine, shared features strongest first)], best first."""
    norms = {s: math.sqrt(sum(w.weight ** 2 for w in ws)) or 1.0 for s, ws in features.items()}
    index = inverted_index(features, norms)
    weights = {s: {w.feature.key: w for w in ws} for s, ws in features.items()}
    result = {}
    for slug in sorted(features):
        best = strongest(cosines(features[slug], norms[slug], index), slug, limit)
        result[slug] = [(other, -score, _reasons(weights[slug], weights[other])) for score, other in best]
    return result


def cosines(weighted: list[Weighted], norm: float,
            index: dict[str, list[tuple[str, float]]]) -> dict[str, float]:
    """Other slug → cosine with the article of ``weighted`` (norm ``norm``), summed over
    the features they share, in the order of ``weighted``."""
    found: dict[str, float] = defaultdict(float)
    for mine in weighted:
        holders = index.get(mine.feature.key)
        if holders:
            strength = mine.weight / norm
            for other, weight in holders:
                found[other] += strength * weight
    return found


def strongest(scores: dict[str, float], slug: str, limit: int) -> list[tuple[float, str]]:
    """The ``limit`` best [(−score rounded to 9 places, other slug)] but ``slug`` itself,
    scores below ``MIN_SCORE`` left out. Rounding (ties break by slug) is what ranks;
    it moves a score by less than 1e-9, so only scores within 1e-8 of the
    ``limit``-th highest can be among the best: only those are rounded and compared."""
    eligible = {other: score for other, score in scores.items() if score >= MIN_SCORE and other != slug}
    if 0 < limit < len(eligible):
        floor = heapq.nlargest(limit, eligible.values())[-1] - 1e-8
        eligible = {other: score for other, score in eligible.items() if score >= floor}
    return heapq.nsmallest(limit, [(-round(score, 9), other) for other, score in eligible.items()])


def inverted_index(features: dict[str, list[Weighted]],
                   norms: dict[str, float] | None = None) -> dict[str, list[tuple[str, float]]]:
    """Feature key → its strongest holders (slug, weight / the article's norm), at most
    ``POSTING_LIMIT``; features only one article has are left out."""
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for slug, weighted in features.items():
        norm = norms[slug] if norms else 1.0
        for w in weighted:
            postings[w.feature.key].append((slug, w.weight / norm))
    return {key: sorted(holders, key=lambda h: (-h[1], h[0]))[:POSTING_LIMIT]
            for key, holders in postings.items() if len(holders) > 1}


def _reasons(mine: dict[str, Weighted], theirs: dict[str, Weighted]) -> tuple[Feature, ...]:
    """The features two articles share, by their contribution to the score."""
    shared = sorted((-(w.weight * theirs[key].weight), key) for key, w in mine.items() if key in theirs)
    return tuple(mine[key].feature for _, key in shared[:REASONS])


# -- continuations -----------------------------------------------------------------------

def resolve_jumps(digest: "Digest") -> dict[str, list[Jump]]:
    """Each article's continuation markers with the article each one leads to."""
    pages: dict[tuple, list[Article]] = {}
    for result in digest.pages:
        meta = result.page.source.meta
        if meta.date and meta.page:
            pages.setdefault(_page_key(meta, meta.page), result.page.articles)
    jumps = {}
    for result in digest.pages:
        meta = result.page.source.meta
        for article in result.page.articles:
            jumps[article.slug] = [Jump(c, _target(pages, meta, c)) for c in article.continuations]
    return jumps


def begun_mid_sentence(jumps: dict[str, list[Jump]]) -> set[str]:
    """Articles continued from another page (上接) whose text here begins in the middle of a
    sentence: the earlier part's last paragraph ends no sentence (generator.ingest.sentences),
    or the earlier part is not in the digest (a jump usually cuts a sentence)."""
    found = set()
    for slug, article_jumps in jumps.items():
        for jump in article_jumps:
            if jump.continuation.direction != "from":
                continue
            earlier = jump.target.paragraphs if jump.target is not None else []
            if not earlier or not ends_sentence(earlier[-1].text.text):
                found.add(slug)
    return found


def _target(pages: dict[tuple, list[Article]], meta: PageMeta, jump: Continuation) -> Article | None:
    if not (meta.date and meta.page):
        return None
    there = pages.get(_page_key(meta, jump.page))
    if not there:
        return None
    back = "to" if jump.direction == "from" else "from"
    here = page_number(meta.page)
    return next((a for a in there for c in a.continuations
                 if c.direction == back and page_number(c.page) == here), there[0])


def _page_key(meta: PageMeta, page: str) -> tuple:
    return (meta.publication or "", meta.date, page_number(page))


def page_number(page: str) -> tuple[str, int]:
    """``A5`` and ``A05`` name the same page: (letters, number)."""
    found = re.fullmatch(r"([A-Za-z]*)0*(\d+)", page.strip())
    return (found.group(1).upper(), int(found.group(2))) if found else (page.strip(), 0)
