"""Which script and region a source is in, and its conversion to Simplified.

A source is Traditional when at least 5% of its Han characters (and at least 3)
are ones OpenCC's ``t2s`` changes; a Simplified page quoting a Traditional name or
two stays below that. Its region is what its metadata says (``region: tw``/``hk``/
``cn``); without one, the evidence decides: Taiwan words (臺灣, 中央社, 立法院,
新臺幣…) against Hong Kong words (香港, 立法會, 港元, and Cantonese 嘅 咗 喺 哋…);
a tie is Taiwan (the more common source), recorded as a doubtful decision. Taiwan
pages are converted with OpenCC ``tw2sp`` (Taiwan phrases to mainland ones: 軟體 →
软件), Hong Kong ones with ``hk2s``; 「」『』 become “”‘’.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import opencc

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TAIWAN = re.compile(r"臺灣|台灣|中央社|立法院|行政院|總統府|新臺幣|新台幣|臺北|台北|高雄|臺中|台中|臺南|台南|國民黨|民進黨")
HONG_KONG = re.compile(r"香港|港府|特區|立法會|港元|港幣|九龍|新界|嘅|咗|喺|哋|冇|佢")
CONFIGS = {"tw": "tw2sp", "hk": "hk2s"}
QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})
SHARE = 0.05  # of Han characters that t2s changes: a Traditional page


@dataclass(frozen=True)
class Script:
    """The region a page is read as, and why (``doubtful``: a guess)."""

    region: str  # "cn" | "tw" | "hk"
    reason: str
    doubtful: bool = False

    @property
    def converts(self) -> bool:
        return self.region in CONFIGS


def decide(text: str, given: str | None) -> Script:
    if given is not None:
        return Script(given, f"region {given} given in the metadata")
    han = HAN.findall(text)
    traditional = sum(1 for ch in han if _t2s_changes(ch))
    if traditional < 3 or traditional < SHARE * len(han):
        return Script("cn", f"Simplified: {traditional} of {len(han)} Han characters Traditional")
    taiwan, hong_kong = len(TAIWAN.findall(text)), len(HONG_KONG.findall(text))
    region = "hk" if hong_kong > taiwan else "tw"
    reason = (f"Traditional ({traditional} of {len(han)} Han characters); Taiwan words {taiwan}, "
              f"Hong Kong words {hong_kong}: region {region}")
    return Script(region, reason, doubtful=taiwan == hong_kong)


@lru_cache(maxsize=8192)
def _t2s_changes(char: str) -> bool:
    return _opencc("t2s").convert(char) != char


@lru_cache(maxsize=None)
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def converter(region: str):
    """Traditional text of ``region`` → Simplified (OpenCC, then quotation marks)."""
    stock = _opencc(CONFIGS[region])
    return lambda text: str(stock.convert(text)).translate(QUOTES)
