"""Numbers before "times": a frequency ("intercepted three times", "arrested a dozen times",
"scrambled hundreds of times") says how often something happened, like "every week" or "twice a
year", and is not a claim; a multiplier ("three times the rate", "ten times as many", "four times
higher") compares two amounts and stays one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wiresift.nlp.claims.spans import NumSpan

#: Words after "times" that open what is multiplied: "three times the rate", "twice as many".
_MULTIPLIED = frozenset(
    {"the", "that", "this", "those", "these", "its", "their", "his", "her", "our", "as", "what"}
)
#: Comparatives the tagger may miss after "times" ("ten times more").
_COMPARATIVES = frozenset(
    {"more", "less", "fewer", "higher", "lower", "greater", "larger", "bigger", "faster"}
)


#: Time units: a number that counts them is a duration ("24-48 hours", "billions of years").
TIME_UNITS = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "fortnight", "fortnights", "month", "months", "year", "years", "decade", "decades",
    "century", "centuries", "millennia", "season", "seasons",
    "mo", "mos", "yr", "yrs", "hr", "hrs", "min", "mins", "wk", "wks",
})  # fmt: skip


def is_duration(doc: Doc, span: NumSpan) -> bool:
    """A number that counts a time unit ("in 48 hours", "the next 3-5 years", "billions of years"):
    a duration, which the timexes layer may have missed, is not a claim (the golds' guideline).
    A unit or a counted word of its own ("10 percent a year", "a 62-member team") keeps it."""
    if span.unit is not None or span.counted_word is not None:
        return False
    i = span.last + 1
    if i + 1 < len(doc) and doc[i].lower_ == "of" and span.vague:
        i += 1
    if i < len(doc) and doc[i].lower_ in TIME_UNITS and doc[i].pos_ == "NOUN":
        return True
    # "nine league seasons", "three injury-hit seasons": the time unit the number modifies
    # past its other modifiers
    tok = doc[span.last]
    head = tok.head
    if tok.dep_ != "nummod" or head.i <= tok.i or head.lower_ not in TIME_UNITS or head.pos_ != "NOUN":
        return False
    # "grew to 95,000 last year": the parser hung the count on the date after it
    return not any(t.pos_ == "DET" or t.lower_ in _DATE_WORDS for t in doc[tok.i + 1 : head.i])


#: Words that make the time noun after a number a date of its own ("95,000 last year").
_DATE_WORDS = frozenset(
    {"last", "next", "this", "past", "previous", "coming", "same", "each", "every", "per"}
)


def is_frequency(doc: Doc, span: NumSpan) -> bool:
    """Whether the number counts the times something happened (and is therefore not a claim)."""
    i = span.last + 1
    if i + 1 < len(doc) and doc[i].lower_ == "of" and span.vague:
        i += 1  # "hundreds of times"
    if i >= len(doc) or doc[i].text != "times" or span.unit is not None:
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is None:
        return True
    low = after.lower_
    if low in _COMPARATIVES or after.tag_ in {"JJR", "RBR"}:
        return False  # "four times higher"
    if low in _MULTIPLIED:
        # "three times the rate", "ten times as many"; but "four times this month" is how often
        return after.pos_ == "DET" and (after.head.lower_ in TIME_UNITS or after.head.ent_type_ == "DATE")
    # "ten times normal levels", "three times $40" multiply what follows; "three times a week",
    # "three times since", "three times, doctors ...", "three times and" count occurrences
    return after.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM", "SYM"}


#: Words after "times" that lead to the multiplied noun without being it ("ten times as many people").
_MULTIPLIER_WORDS = frozenset({"as", "many", "much", "more", "fewer", "less", "the", "that", "this", "its"})


def multiplied(doc: Doc, times: int) -> Token | None:
    """The noun a multiplier multiplies, given the index of its "times": "four times the rate of
    drivers" -> rate, "ten times as many people" -> people, "ten times more cases" -> cases, "ten
    times normal levels" -> levels; None when no noun follows ("four times higher", "three times
    $40", "twice as many as last year")."""
    i = times + 1
    # past determiners, possessives ("30 times her yearly costs") and adjectives
    while i < len(doc) and (
        doc[i].lower_ in _MULTIPLIER_WORDS or doc[i].pos_ in {"DET", "ADJ"} or doc[i].tag_ == "PRP$"
    ):
        if doc[i].lower_ in {"many", "much"} and i + 1 < len(doc) and doc[i + 1].lower_ == "as":
            return None  # "ten times as many as": the second amount is named elsewhere
        i += 1
    if i >= len(doc) or doc[i].pos_ not in {"NOUN", "PROPN"} or doc[i].like_num:
        return None
    tok = doc[i]
    while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ in {"NOUN", "PROPN"}:
        tok = tok.head  # "three times the poverty line": the compound's head
    return tok
