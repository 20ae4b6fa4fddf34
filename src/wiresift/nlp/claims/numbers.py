"""Read the value of a written number: digits ("5,000", "3.5"), words ("two thousand", "a dozen")
and vague plurals ("dozens", "tens of thousands").

Vague plurals get the smallest plural reading, twice the base ("dozens" = 24, "hundreds" = 200,
"tens of thousands" = 20,000): a floor the text does assert, and one convention for the gold and
the system alike. "several"/"a few" before a scale count as three of it ("several thousand" = 3,000).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 10**12,
    # South Asian scales ("Rs 24 lakh" = 2.4 million rupees, "5 crore" = 50 million)
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}
#: Abbreviated scales after digits ("$2.3bn", "5m").
SHORT_SCALES = {"bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "k": 1_000, "tn": 10**12}
#: Plural words that only say "several of this base" (qualifier ``vague``).
VAGUE_BASES = {
    "dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1_000,
    "millions": 1_000_000, "billions": 1_000_000_000,
}  # fmt: skip
#: "several"/"a few" + scale: three of it (the least that "several" can mean).
FEW = 3
#: A vague plural means at least two of its base.
VAGUE_FACTOR = 2

NUMBER_WORDS = frozenset({*UNITS, *TENS, *SCALES, "dozen", "half", *VAGUE_BASES})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_DIGITS_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(bn|mn|m|k|tn)$", re.I)


@dataclass(frozen=True)
class Number:
    value: float
    vague: bool = False


def digit_value(word: str) -> float | None:
    """``"5,000"`` -> 5000.0; ``"2.3bn"`` -> 2.3e9; anything else None."""
    if _DIGITS.match(word):
        return float(word.replace(",", ""))
    m = _DIGITS_SCALE.match(word)
    if m:
        return float(m.group(1)) * SHORT_SCALES[m.group(2).lower()]
    return None


def is_number_word(word: str) -> bool:
    low = word.lower()
    return low in NUMBER_WORDS or digit_value(word) is not None


def parse(words: list[str]) -> Number | None:
    """Value of a sequence of number words (no units); None when it is not one number.

    Accepts "two hundred and fifty", "2.3 billion", "a dozen", "tens of thousands",
    "several thousand", "twenty-five" (pass the hyphen-split parts).
    """
    toks = [w.lower() for w in words if w not in {"-", "and", "a", "an", "of"}]
    if not toks:
        return None
    vague = False
    total = 0.0
    current: float | None = None
    for i, tok in enumerate(toks):
        digits = digit_value(tok)
        if digits is not None:
            if current is not None:
                return None
            current = digits
        elif tok in UNITS or tok in TENS:
            add = UNITS.get(tok, TENS.get(tok, 0))
            current = (current or 0) + add
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "half" and i == 0:
            current = 0.5
        elif tok in SCALES:
            scale = SCALES[tok]
            if tok == "hundred":
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = None
        elif tok in VAGUE_BASES:
            vague = True
            base = VAGUE_BASES[tok]
            current = float(VAGUE_FACTOR * base) if i == 0 else (current or 1) * base
        elif tok in {"several", "few"} and i == 0:
            vague = True
            current = float(FEW)
        else:
            return None
    value = total + (current or 0)
    if vague and toks[0] in {"several", "few"} and len(toks) == 1:
        return None  # "several" alone is not a number
    return Number(value, vague)
