"""jieba with its stock dictionary, loaded once per process for every stage that cuts
words (suspects here; glossary readings and keywords in annotate): loading it takes
most of a second, so no stage loads a second copy (``jieba.dt`` stays unused)."""
from __future__ import annotations

from functools import lru_cache

import jieba
import jieba.posseg


@lru_cache(maxsize=1)
def stock_tokenizer() -> jieba.Tokenizer:
    return jieba.Tokenizer()


@lru_cache(maxsize=1)
def tagger() -> jieba.posseg.POSTokenizer:
    """Parts of speech over the same dictionary."""
    return jieba.posseg.POSTokenizer(stock_tokenizer())
