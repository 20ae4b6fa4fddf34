"""Name keys: the one normalisation used both when building the index and when querying it."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"[’'`‘ʼ]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
#: Leading articles dropped from keys: "the Gaza Strip" and "Gaza Strip" are one name.
_ARTICLES = ("the ",)
#: Words written in full or abbreviated alike: "St. Petersburg" is Saint Petersburg's own name too.
_ABBREVIATED = {"saint": "st", "sainte": "ste"}
_ABBREVIATED_RE = re.compile(r"\b(" + "|".join(_ABBREVIATED) + r")\b")


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Accent-free, case-folded, punctuation-free key: "Côte d'Ivoire" -> "cote divoire",
    "Saint Petersburg" -> "st petersburg"."""
    if name.isascii():  # most names: skip the Unicode decomposition
        plain = name.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = _APOSTROPHES.sub("", plain)
    key = _NON_WORD.sub(" ", plain).strip()
    for article in _ARTICLES:
        if key.startswith(article):
            key = key[len(article) :]
    if "saint" in key:
        key = _ABBREVIATED_RE.sub(lambda m: _ABBREVIATED[m.group(1)], key)
    return key


_LATIN = re.compile(r"[\u0000-\u024f\u0300-\u036f\u1e00-\u1eff\u2019]+")


def is_latin(name: str) -> bool:
    """True when the name is written in Latin script (other scripts cannot occur in English news)."""
    return name.isascii() or _LATIN.fullmatch(name) is not None
