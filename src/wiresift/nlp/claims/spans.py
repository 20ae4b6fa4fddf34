"""Find number expressions in a spaCy Doc: runs of number tokens with qualifier, unit and range.

A :class:`NumSpan` is a run of number tokens with its qualifier ("about"), its unit ("$", "km",
"percent") and its range partner ("3,000-4,000"). :mod:`~wiresift.nlp.claims.filters` then keeps
the spans a reader would call a count or amount.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.claims.fractions import FRACTION_STARTS, fraction_at
from wiresift.nlp.claims.lexicon import (
    CHANGE_VERBS,
    CURRENCY_ADJECTIVES,
    OBJECT_CHANGE_VERBS,
    PREFIX_UNITS,
    QUALIFIER_MAX_WORDS,
    QUALIFIER_VERBS,
    QUALIFIERS,
    UNITS,
)
from wiresift.nlp.claims.numbers import (
    NUMBER_WORDS,
    SCALES,
    SHORT_SCALES,
    VAGUE_BASES,
    digit_value,
    parse,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_LEADING_ZERO = re.compile(r"^0\d")
_WORD_NUMBERS = frozenset(NUMBER_WORDS)
#: The lower-cased words a number run or a fraction may start with; any other token starts one only
#: when it opens with a digit (:func:`digit_value` wants one first).
_STARTS = _WORD_NUMBERS | FRACTION_STARTS
_JOINERS = frozenset({"-", "and"})
#: Verbs after which "5% to 10%" is a change and the level it reached; the verbs of a level
#: ("cost $50 to $100", "range", "be") keep a range.
_CHANGE_LEMMAS = (CHANGE_VERBS | OBJECT_CHANGE_VERBS) - {
    "be",
    "cost",
    "range",
    "value",
    "run",
    "amount",
    "fetch",
    "total",
    "average",
}
#: A scale letter the tokenizer splits from its digits ("$300M", "40bn" is one token already).
_SUFFIX_SCALES = {**SHORT_SCALES, "b": 1_000_000_000}
#: A fraction written after a whole number: the "1/4" of "6 1/4%" (numerator below denominator).
#: Fraction characters written after a whole number ("7 ½ months").
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_MIXED_FRACTION = re.compile(r"([1-9])/([2-9]|1[0-6])")
#: A year: never the base of a share.
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
#: Words between two numbers that make the first a share of the second, whatever the base.
_PROPORTION_WORDS = (["in"], ["in", "every"], ["of", "every"], ["out", "of", "every"])
#: The most words between two numbers that join them ("out of every").
_MAX_JOIN = max(len(words) for words in _PROPORTION_WORDS)
#: Currency words that a nationality adjective can make more precise ("Kenyan shillings").
_ADJECTIVE_CURRENCIES = frozenset({"USD", "KES", "CHF", "INR", "RUB", "MXN", "TRY"})


@dataclass
class NumSpan:
    """Token indexes ``[first, last]`` of the number and what surrounds it."""

    first: int
    last: int
    value: float | None
    vague: bool
    start: int  # char span of the whole claim (qualifier .. unit)
    end: int
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    unit_tok: int | None = None  # token index of a word unit ("percent", "km")
    counted_word: int | None = None  # token index of "member" in "62-member"
    percent_of: int | None = None  # "6 of 10 Americans": index of the noun after the base


def _is_num(tok: Token) -> bool:
    text = tok.text
    if "/" in text or _LEADING_ZERO.match(text):
        return False
    low = tok.lower_
    if low == "half":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ in {"a", "an", "of"}
    return low in _WORD_NUMBERS or digit_value(text) is not None


def _half_before(doc: Doc, i: int) -> bool:
    """ "half-" glued before the token at ``i`` ("a half-dozen")."""
    return doc[i - 1].text == "-" and doc[i - 2].lower_ == "half"


def may_start(text: str) -> bool:
    """Whether a token of this text may start a number run or a fraction: a number word, a fraction's
    first word ("half", "two"), or a digit first (``_is_num`` and ``fraction_at`` are false at any other)."""
    return text[:1].isdecimal() or text.lower() in _STARTS


def _qualifier(doc: Doc, first: int) -> tuple[str | None, int]:
    """The qualifier just before token ``first`` and the index where it starts."""
    for n in range(QUALIFIER_MAX_WORDS, 0, -1):
        lo = first - n
        if lo < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[lo:first])
        if phrase in QUALIFIERS:
            return QUALIFIERS[phrase], lo
    if first > 0:
        prev = doc[first - 1]
        lemma = prev.lemma_.lower()
        if prev.pos_ == "VERB" and lemma in QUALIFIER_VERBS:
            return QUALIFIER_VERBS[lemma], first
    return None, first


def _unit_after(doc: Doc, last: int) -> tuple[str | None, int]:
    """A unit right after the number: ``("km", index of its last token)`` or ``(None, last)``.

    Whitespace tokens (a no-break space in "1\xa0percent") are skipped.
    """
    after = [t for t in doc[last + 1 : last + 8] if not t.is_space][:3]
    for n in (3, 2, 1):
        if len(after) < n:
            continue
        words = [t.lower_ for t in after[:n]]
        hi = after[n - 1].i
        phrase = " ".join(words)
        if phrase in UNITS:
            unit = UNITS[phrase]
            if unit == "lb" and hi + 1 < len(doc) and doc[hi + 1].lower_ == "sterling":
                return "GBP", hi + 1
            return unit, hi
        # "100,000 Kenyan shillings": a currency adjective between number and unit word
        # ... or a two-word country name: "52 billion Hong Kong dollars"
        if n >= 2 and words[-1] in UNITS and UNITS[words[-1]] in _ADJECTIVE_CURRENCIES:
            code = CURRENCY_ADJECTIVES.get((words[0], UNITS[words[-1]]))
            if code:
                return code, hi
    return None, last


def _prefix_unit(doc: Doc, first: int) -> tuple[str | None, int]:
    if first > 0:
        prev = doc[first - 1].lower_
        if prev in PREFIX_UNITS:
            if first > 1 and doc[first - 2].lower_ in {"us", "u.s."} and prev == "$":
                return "USD", first - 2
            return PREFIX_UNITS[prev], first - 1
    return None, first


def _extend(doc: Doc, i: int) -> int:
    """Last token index of the number run starting at ``i``."""
    j = i
    n = len(doc)
    while j + 1 < n:
        nxt = doc[j + 1]
        cur = doc[j]
        if _is_num(nxt):
            if digit_value(nxt.text) is not None:
                break  # two numbers side by side are two numbers ("(254) 751")
            if digit_value(cur.text) is not None and nxt.lower_ not in SCALES and nxt.lower_ != "dozen":
                break
            j += 1
            continue
        if nxt.lower_ in _JOINERS and j + 2 < n and _is_num(doc[j + 2]):
            word_after = doc[j + 2].lower_
            if nxt.text == "-" and _glued(cur, nxt) and word_after in SCALES and word_after != "hundred":
                j += 2  # "700-million-strong", "a 2.5-billion-dollar deal": one number
                continue
            if cur.lower_ in _WORD_NUMBERS and word_after in _WORD_NUMBERS and word_after not in VAGUE_BASES:
                if nxt.lower_ == "and" and cur.lower_ not in SCALES:
                    break  # "between three and six": two numbers ("two hundred and fifty" is one)
                j += 2
                continue
        # "tens of thousands", "hundreds of thousands"
        if (
            nxt.lower_ == "of"
            and cur.lower_ in VAGUE_BASES
            and j + 2 < n
            and doc[j + 2].lower_ in VAGUE_BASES
        ):
            j += 2
            continue
        break
    return j


def _glued(a: Token, b: Token) -> bool:
    """Whether ``b`` follows ``a`` with no space between them."""
    return b.i == a.i + 1 and not a.whitespace_


def _words(doc: Doc, first: int, last: int) -> list[str]:
    return [t.text for t in doc[first : last + 1]]


def find_numbers(doc: Doc) -> list[NumSpan]:
    """Every number run in ``doc`` with its qualifier, unit and range partner (no filtering)."""
    spans: list[NumSpan] = []
    # the tokens that may start a number or a fraction, read from the cached texts: the others are
    # skipped without making a Token of each (fraction_at is None and _is_num False there)
    texts = doccache.of(doc).texts
    starting = {text for text in set(texts) if may_start(text)}  # each distinct text judged once
    starts = [k for k, text in enumerate(texts) if text in starting]
    i = 0
    n = len(doc)
    while i < n:
        k = bisect.bisect_left(starts, i)
        if k == len(starts):
            break
        i = starts[k]
        tok = doc[i]
        frac = fraction_at(doc, i)
        if frac is not None:  # "two-thirds of voters": a share of the "of" object
            qual, qstart = _qualifier(doc, i)
            spans.append(
                NumSpan(i, frac[1], frac[0], False, doc[min(qstart, i)].idx, doc[frac[1]].idx + len(doc[frac[1]].text),
                        qualifier=qual, unit="%")
            )  # fmt: skip
            i = frac[1] + 1
            continue
        if not _is_num(tok):
            i += 1
            continue
        first = i
        last = _extend(doc, i)
        # "a dozen", "a hundred", "several thousand", "a few hundred"
        if (
            first > 0
            and doc[first - 1].lower_ in {"a", "an"}
            and tok.lower_ in {"dozen", "hundred", "thousand"}
        ):
            first -= 1
        if (
            first > 0
            and doc[first - 1].lower_ in {"several", "few"}
            and tok.lower_ in {"hundred", "thousand", "dozen"}
        ):
            first -= 1
            if first > 0 and doc[first - 1].lower_ == "a":
                first -= 1
        number = parse(_words(doc, first, last))
        i = last + 1
        if number is None:
            continue
        if (
            number.vague
            and last + 2 < n
            and doc[last + 1].lower_ == "and"
            and doc[last + 2].lower_ == tok.lower_
        ):
            last = i = last + 2  # "billions and billions": one vague amount said twice
        value = number.value
        if tok.lower_ == "dozen" and first == last and first >= 2 and _half_before(doc, first):
            value, first = 6.0, first - 2  # "a half-dozen seats": half of "dozen"
        scale = doc[i].lower_.removesuffix(".") if i < n else ""  # "£312.5m." ends a sentence
        if i < n and value is not None and _glued(doc[last], doc[i]) and scale in _SUFFIX_SCALES:
            value *= _SUFFIX_SCALES[scale]  # "$300M": the tokenizer split the scale off
            last = i
            i += 1
        mixed = _MIXED_FRACTION.fullmatch(doc[i].text) if i < n and value is not None else None
        proper = mixed is not None and int(mixed[1]) < int(mixed[2])
        if mixed and proper and value is not None and value == int(value) and digit_value(doc[last].text):
            value += int(mixed[1]) / int(mixed[2])  # "6 1/4%": a whole number and a fraction
            last = i
            i += 1
        elif i < n and value is not None and doc[i].text in _VULGAR and digit_value(doc[last].text):
            value += _VULGAR[doc[i].text]  # "7 ½ months", "6½%" split by the tokenizer
            last = i
            i += 1
        # "half a percentage point", "half of 1 percent"
        if tok.lower_ == "half":
            inner = i + 1 if i < n and doc[i].lower_ in {"of", "a", "an"} else i
            if inner < n and doc[inner].lower_ in {"a", "an"}:
                inner += 1
            if inner < n and doc[inner].lower_ in SCALES:
                value = 0.5 * SCALES[doc[inner].lower_]  # "half a million dollars"
                last = inner
            elif inner < n and doc[inner].lower_ == "dozen":
                value, last = 6.0, inner  # "half a dozen boats"
            elif inner < n and digit_value(doc[inner].text) is not None:
                inner_val = digit_value(doc[inner].text)
                assert inner_val is not None
                value = 0.5 * inner_val
                last = inner
            elif inner < n and _unit_after(doc, inner - 1)[0] is not None:
                last = inner - 1
            else:
                continue
            i = last + 1
        prefix, pstart = _prefix_unit(doc, first)
        unit, uend = _unit_after(doc, last)
        if unit is None and number.vague and last + 1 < n and doc[last + 1].lower_ == "of":
            unit, uend = _unit_after(doc, last + 1)  # "millions of dollars"
            unit, uend = (unit, uend) if unit and unit.isupper() and len(unit) == 3 else (None, last)
        qual, qstart = _qualifier(doc, pstart)
        span = NumSpan(
            first=first,
            last=last,
            value=value,
            vague=number.vague,
            start=doc[min(qstart, pstart, first)].idx,
            end=doc[uend].idx + len(doc[uend].text),
            qualifier="vague" if number.vague and qual is None else qual,
            unit=prefix or unit,
            unit_tok=uend if unit and uend > last else None,
        )
        spans.append(span)
        i = max(i, uend + 1)
    return _share_units(doc, _merge_ranges(doc, spans))


#: Words between listed numbers that share the unit written after the last: "10 or 15 percent",
#: "4, 6, 9 percent", "1.5 or 3 miles".
_LIST_JOINERS = (["or"], [","], [",", "or"])


def _share_units(doc: Doc, spans: list[NumSpan]) -> list[NumSpan]:
    """Give a bare number the unit written after the next number of its list ("a 10 or 15 percent
    premium": both are shares); a currency sign before a number is its own and is never shared."""
    shared: set[int] = set()
    for k in range(len(spans) - 2, -1, -1):
        a, b = spans[k], spans[k + 1]
        written = b.unit_tok is not None or k + 1 in shared  # after the number, or shared along the list
        if a.unit is not None or b.unit is None or not written or a.value is None:
            continue
        if a.counted_word is not None or a.percent_of is not None:
            continue
        if [t.lower_ for t in doc[a.last + 1 : b.first]] in _LIST_JOINERS and _tied(doc, a, b):
            a.unit = b.unit
            shared.add(k)
    return spans


def _tied(doc: Doc, a: NumSpan, b: NumSpan) -> bool:
    """Whether the parse ties number ``a`` to the next number ``b`` or its unit, inside the list
    ("4, 6, 9 percent"; not "In 2019, 40 percent ...", where the year hangs on "In")."""
    end = b.unit_tok if b.unit_tok is not None else b.last
    tok = doc[a.last]
    while a.first <= tok.i <= end:
        if tok.i >= b.first:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _merge_ranges(doc: Doc, spans: list[NumSpan]) -> list[NumSpan]:
    """Join "3,000-4,000", "between 3,000 and 4,000", "150 to 175" and "6 (out) of 10"/"1 in 4"."""
    out: list[NumSpan] = []
    k = 0
    while k < len(spans):
        a = spans[k]
        b = spans[k + 1] if k + 1 < len(spans) else None
        if b is not None and a.value is not None and b.value is not None:
            # the words between, where they are few enough to be one of the joins below
            between = (
                doccache.of(doc).lowers[a.last + 1 : b.first] if b.first - a.last <= _MAX_JOIN + 1 else None
            )
            before = doc[a.first - 1].lower_ if a.first > 0 else ""
            if b.first > a.last and a.unit_tok is None and between in (["-"], ["to"], ["and"], ["–"]):
                is_range = a.value < b.value and not (between == ["and"] and before != "between")
                is_range = is_range and not (
                    between == ["to"] and before == "from" and not _spread(doc, a.first)
                )
                if is_range:
                    if before == "between":
                        a.start = min(a.start, doc[a.first - 1].idx)
                    a.low, a.high, a.value = a.value, b.value, None
                    a.end, a.last, a.unit, a.unit_tok = b.end, b.last, b.unit or a.unit, b.unit_tok
                    a.qualifier = a.qualifier if a.qualifier != "vague" else None
                    out.append(a)
                    k += 2
                    continue
                falls = between == ["to"] and a.value > b.value and before != "from"  # not "fell from 9 to 5"
                if between in (["-"], ["–"]) or falls:
                    # "80-19 vote", "751-613", "split 4 to 1": a tally, a phone number, a ratio
                    k += 2
                    continue
            if _unit_range(doc, a, b):
                a.low, a.high, a.value = a.value, b.value, None
                a.end, a.last, a.unit_tok = b.end, b.last, b.unit_tok
                out.append(a)
                k += 2
                continue
            of_base = between in (["of"], ["out", "of"]) and b.value in (10, 100)  # "seven out of 10"
            proportion = between in _PROPORTION_WORDS or of_base  # "1 in 4", "two out of every eight"
            proportion = proportion and not _YEAR.fullmatch(doc[b.first].text)  # "Artemis 2 in 2022"
            if proportion and a.unit_tok is None and b.unit is None and a.unit is None and a.value < b.value:
                a.value = 100 * a.value / b.value
                a.unit = "%"
                a.end, a.last = b.end, b.last
                a.percent_of = b.last
                out.append(a)
                k += 2
                continue
        out.append(a)
        k += 1
    return out


#: Words before "from ... to ..." that make it a spread of values ("anywhere from 5 to 9", "ranging
#: from $20 to $40") rather than a change.
_SPREAD_WORDS = frozenset({"anywhere", "ranging", "range", "ranges", "ranged", "varying", "vary", "varies"})


def _spread(doc: Doc, first: int) -> bool:
    """Whether "from" right before token ``first`` follows a word of spread."""
    return first > 1 and doc[first - 1].lower_ == "from" and doc[first - 2].lower_ in _SPREAD_WORDS


def _unit_range(doc: Doc, a: NumSpan, b: NumSpan) -> bool:
    """ "80% to 90%", "$50-$100", "between 3 km and 5 km": two ends that each carry the same unit.
    Not after a verb of change or "by"/"from" ("rose 5% to 10%" is a change and a level)."""
    if a.unit is None or a.unit != b.unit or a.value is None or b.value is None or a.value >= b.value:
        return False
    end = a.unit_tok if a.unit_tok is not None else a.last
    between = [t.lower_ for t in doc[end + 1 : b.first] if t.idx < b.start]
    first = next((t.i for t in doc[max(0, a.first - 4) : a.first + 1] if t.idx >= a.start), a.first)
    before = doc[first - 1] if first > 0 else None
    if before is not None and before.lower_ == "from" and _spread(doc, first):
        return between in (["-"], ["to"], ["–"])  # "anywhere from $300 to $700": a spread, not a change
    if before is not None and (before.lower_ in {"from", "by"} or before.lemma_.lower() in _CHANGE_LEMMAS):
        return False
    if between == ["and"]:
        return before is not None and before.lower_ == "between"
    return between in (["-"], ["to"], ["–"])
