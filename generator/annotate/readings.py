"""Glossary readings against a dictionary's: the comparison ``baozhai check`` prints.

The dictionary is anything that answers :data:`Lookup`: a word in, its reading out
(tone marks or tone numbers, syllables spaced or not: ``zhīshi``, ``zhi1 shi5``),
or None when the word is not in it. The dictionary layer (CC-CEDICT,
:mod:`generator.annotate.dictionary`) provides it; without a dictionary (a test's
``None``) the report says the comparison was not made (it never passes silently).

A form is compared word by word (jieba's stock segmentation, as the readings are
made): a form all of whose words the dictionary knows is compared whole, case,
spaces and apostrophes aside (GB/T 16159 capitals and word division are the
glossary's own; the syllables and tones are the dictionary's).
"""
from __future__ import annotations

import re
from typing import Callable

from pypinyin.contrib.tone_convert import to_tone

from generator.model import Glossary

Lookup = Callable[[str], str | None]
_NUMBERED = re.compile(r"[a-zü:]+[1-5]", re.I)


def dictionary_lookup() -> Lookup:
    """The dictionary layer's word → reading function (CC-CEDICT's first reading)."""
    from generator.annotate.dictionary import reading  # loads CC-CEDICT when first asked

    return reading


def reading_differences(glossary: Glossary, lookup: Lookup | None) -> list[str]:
    """One line per form whose reading differs from the dictionary's."""
    if lookup is None:
        return ["readings: not compared with a dictionary (no dictionary layer in this generator)"]
    from generator.annotate.glossary import stock_tokenizer  # jieba's dictionary: loaded once, when needed
    tokenizer = stock_tokenizer()
    lines = []
    for term in glossary.terms:
        for form in term.forms:
            ours = term.reading(form)
            theirs = dictionary_reading(form, lookup, tokenizer)
            if theirs is not None and normal(ours) != normal(theirs):
                lines.append(f"{glossary.path}:{term.line}: reading: “{form}” {ours} — dictionary: {theirs}")
    return lines


def dictionary_reading(form: str, lookup: Lookup, tokenizer) -> str | None:
    """The dictionary's reading of ``form``: whole, or word by word; None if unknown."""
    whole = lookup(form)
    if whole:
        return tone_marked(whole)
    words = [w for w in tokenizer.cut(form) if w.strip()]
    readings = [lookup(w) for w in words]
    if len(words) < 2 or not all(readings):
        return None
    return " ".join(tone_marked(r) for r in readings if r)  # all are, checked above


def tone_marked(reading: str) -> str:
    """``zhi1 shi5`` → ``zhī shi``; tone marks are left as they are."""
    reading = reading.replace("u:", "ü").replace("U:", "Ü")
    return _NUMBERED.sub(lambda m: to_tone(m.group()), reading)


def normal(reading: str) -> str:
    """What two readings must share: syllables and tones (not case, spaces, apostrophes)."""
    return re.sub(r"[\s'’\-]", "", reading).lower()
