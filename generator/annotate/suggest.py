"""Editor help: candidate glossary terms the glossary lacks (jieba keyword extraction)."""
from __future__ import annotations

from dataclasses import dataclass

import jieba
import jieba.analyse

from generator.model import Digest, Glossary

# jieba part-of-speech tags worth a glossary entry: names of places, people,
# organisations, other proper nouns, nouns, verbal nouns, Latin words.
NAMED = ("ns", "nr", "nt", "nz", "n", "vn", "eng")


@dataclass(frozen=True)
class Candidate:
    word: str
    weight: float  # jieba TF-IDF weight over the whole corpus
    count: int
    places: tuple[str, ...]  # file:line of the first uses


def suggest(digest: Digest, glossary: Glossary, limit: int = 20) -> list[Candidate]:
    """Top keywords of the corpus that are neither a glossary form nor part of one."""
    known = [form for term in glossary.terms for form in term.forms]
    paragraphs = [(r.page.source.name, b) for r in digest.pages for a in r.page.articles for b in a.paragraphs]
    corpus = "\n".join(b.text.text for _, b in paragraphs)
    extractor = jieba.analyse.TFIDF()
    result = []
    tags = extractor.extract_tags(corpus, topK=limit * 5, withWeight=True, allowPOS=NAMED)
    for word, weight in tags:
        if len(word) < 2 or word.isdigit() or any(word in form for form in known):
            continue
        places = tuple(f"{name}:{b.text.first_line}" for name, b in paragraphs if word in b.text.text)
        result.append(Candidate(word, weight, corpus.count(word), places[:3]))
        if len(result) == limit:
            break
    return result


def glossary_warnings(digest: Digest) -> list[str]:
    """Entries that never occur in any article body."""
    used = digest.annotations.by_term()
    path = digest.glossary.path
    return [f"{path}:{t.line}: warning: “{t.term}” never occurs in the articles"
            for t in digest.glossary.terms if t.term not in used]
