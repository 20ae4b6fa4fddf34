"""Keep the number spans that are counts or amounts.

The filters drop dates, times, ages, ordinals, identifiers ("Flight 103"), phone numbers,
addresses, pronoun "one" and anaphoric small numbers ("the three countries" names a set counted
earlier) from what :func:`~wiresift.nlp.claims.spans.find_numbers` found.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from wiresift.nlp.claims.ages import is_age_bracket, is_person_age
from wiresift.nlp.claims.idioms import is_idiom
from wiresift.nlp.claims.lexicon import (
    ANAPHORIC_DETERMINERS,
    CHANGE_VERBS,
    COUNT_COMPOUNDS,
    EMERGENCY_NUMBERS,
    IDENTIFIER_WORDS,
    PHONE_NOUNS,
    STREET_WORDS,
    UNITS,
)
from wiresift.nlp.claims.numbers import NUMBER_WORDS, VAGUE_BASES, parse
from wiresift.nlp.claims.scores import in_score_line, is_game_span, is_record, is_score
from wiresift.nlp.claims.shapes import names_not_counts
from wiresift.nlp.claims.times import TIME_UNITS, is_duration, is_frequency

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wiresift.nlp.claims.spans import NumSpan

#: spaCy entity labels that make a number part of a name ("60 Minutes", "Ten Most Wanted").
NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "EVENT", "PERSON", "GPE", "LOC"})
#: spaCy labels of dates and times: used only when the timexes layer is empty for that token.
TIME_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
#: Years: four digits in this range, with no unit and no counted noun, are dates.
YEAR_RANGE = (1800, 2100)
#: "April 24 and 25": a day number after a date.
DAYS_IN_MONTH = 31
#: Appositive ages ("Kopp, 44, of Vermont") stay below this.
MAX_AGE = 120
_PHONE = re.compile(r"\(?\d{2,4}\)?[ -]?\d{3}-\d{3,4}|\b\d{3}-\d{3}-\d{4}\b|\b\d{3,4}-\d{3,4}-\d{2,4}\b")
_WORD_NUMBERS = frozenset(NUMBER_WORDS)
_ONE = "one"
#: Capitalised words after a number that still leave it a count ("12 Americans", "700 Cuban students").
_PEOPLE = frozenset({"NORP", "GPE", "LOC", "LANGUAGE"})


#: Units of speed: a range of them from zero names an acceleration test ("0-62 mph").
_SPEEDS = frozenset({"mph", "km/h"})


def _in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


def is_claim(
    doc: Doc, span: NumSpan, time_ranges: list[tuple[int, int]], use_spacy_time: bool, text: str
) -> bool:
    """False for dates, times, ages, ordinals, identifiers, phone numbers and anaphoric numbers."""
    first, last = doc[span.first], doc[span.last]
    n = len(doc)
    num_start, num_end = first.idx, last.idx + len(last.text)
    # a share's base may lie in a frequency ("3 in every 7 shifts"): only its own number counts
    own_end = first.idx + len(first.text) if span.percent_of is not None else num_end
    if _in_ranges(num_start, own_end, time_ranges):
        return False
    spacy_time = any(t.ent_type_ in TIME_LABELS for t in doc[span.first : span.last + 1])
    if use_spacy_time and spacy_time and span.unit is None:
        return False
    nxt = doc[span.last + 1] if span.last + 1 < n else None
    nxt2 = doc[span.last + 2] if span.last + 2 < n else None
    prev = doc[span.first - 1] if span.first > 0 else None
    prev2 = doc[span.first - 2] if span.first > 1 else None
    # the second day of "April 24 and 25", "March 3-5"
    if prev is not None and prev.lower_ in {"and", "to", "-", "–", "through"} and prev2 is not None:
        in_date = _in_ranges(prev2.idx, prev2.idx + len(prev2.text), time_ranges) or prev2.ent_type_ == "DATE"
        if in_date and span.unit is None and span.value is not None and span.value <= DAYS_IN_MONTH:
            return False
    if _days_before_month(span, nxt):
        return False
    text_around = text[max(0, num_start - 12) : num_end + 10]  # ``text`` is ``doc.text``, built once
    if _PHONE.search(text_around) and span.unit is None:
        return False
    if span.unit is None and (_digit_chain(text, span.start, span.end) or _marker(text, num_start, num_end)):
        return False
    if (
        span.unit is None
        and text[num_start - 1 : num_start] in {"'", "’"}
        and re.fullmatch(r"\d\d", first.text)
    ):
        return False  # a year cut to two digits: "the class of '98", "20 things to watch in '21"
    # years
    if (
        span.value is not None
        and span.unit is None
        and span.first == span.last
        and re.fullmatch(r"\d{4}", first.text)
        and YEAR_RANGE[0] <= span.value <= YEAR_RANGE[1]
        and not _counts_noun(doc, span)
    ):
        return False
    # ages and ordinals
    if (
        nxt is not None
        and nxt.text == "-"
        and nxt2 is not None
        and nxt2.lower_ in {"year", "month", "week", "day"}
    ):
        return False
    if (
        nxt is not None
        and nxt.lower_ in {"years", "year", "months"}
        and nxt2 is not None
        and nxt2.lower_ == "old"
    ):
        return False
    if prev is not None and prev.lower_ in {"aged", "age", "ages", "turned", "turns", "turning"}:
        return False
    if prev is not None and prev.lower_ == "of" and prev2 is not None and prev2.lower_ in {"age", "ages"}:
        return False  # "at the age of 7"
    if _age_at(doc, span, prev, nxt) or _age_of_person(doc, span, nxt) or is_age_bracket(doc, span):
        return False
    if is_person_age(doc, span):
        return False
    if nxt is not None and nxt.lower_ == "time" and span.unit is None and span.value not in {None, 1.0}:
        return False  # "a five time champion": "five-time" written without its hyphen
    if (
        prev is not None
        and prev.text == ","
        and prev2 is not None
        and (prev2.pos_ == "PROPN" or prev2.ent_type_ == "PERSON" or _person_noun_appos(doc, span, prev2))
        and span.value is not None
        and span.value < MAX_AGE
        and span.unit is None
        and (nxt is None or nxt.text in {",", ".", ")", ";", "–", "—"} or nxt.lower_ in {"and", "who"})
        and first.text.isdigit()
    ):
        return False
    # hyphenated adjectives: "22-story", "16-hour", "high-five", "half-brother"
    if nxt is not None and nxt.text == "-" and nxt2 is not None and nxt2.is_alpha and span.unit_tok is None:
        low2 = nxt2.lower_
        after = doc[nxt2.i + 1] if nxt2.i + 1 < n else None
        if low2 in UNITS and after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
            return False  # a model name: "the 16-inch Laptopia Pro"
        if low2 in UNITS:
            span.unit = UNITS[low2]
            span.unit_tok = nxt2.i  # "a 14-inch display": the unit word ties it to its noun
            span.end = nxt2.idx + len(nxt2.text)
        elif low2 in COUNT_COMPOUNDS:
            span.counted_word = nxt2.i
            span.end = nxt2.idx + len(nxt2.text)
        elif not (low2 in {"a", "an", "per"} and span.unit is not None and span.unit.isupper()):
            return False  # ... but a price per unit stays an amount: "its $18-a-share offer"
    if (
        prev is not None
        and prev.text == "-"
        and prev2 is not None
        and prev2.is_alpha
        and prev2.lower_ not in _WORD_NUMBERS
    ):
        return False
    if _not_a_count(doc, span, prev, prev2, nxt, text) or is_frequency(doc, span) or is_duration(doc, span):
        return False
    if nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in TIME_UNITS and span.unit is None:
        return False  # a title ("60 Minutes", "48 Hours") or a headline's duration, never a count
    if is_idiom(doc, span) or names_not_counts(doc, span, text):
        return False
    if span.value is None and span.low == 0 and span.unit in _SPEEDS:
        return False  # "does 0-60 mph in 5.1 seconds": the name of an acceleration test
    # identifiers and names
    if prev is not None and prev.text[:1].isupper() and prev.lower_ in IDENTIFIER_WORDS:
        return False
    if prev is not None and prev.text == "." and prev2 is not None and prev2.text in {"No", "Nos"}:
        return False  # "No. 15-812" when the tokenizer split the abbreviation's dot off
    phone = not _counts_noun(doc, span) or doc[span.last].head.lemma_.lower() in PHONE_NOUNS
    if first.text in EMERGENCY_NUMBERS and span.unit is None and phone:
        return False  # "called 911", "made 911 calls", "999 operators"
    if _named_number(doc, span, prev, nxt) or _name_word(doc, span, prev) or _resolution(text, span):
        return False
    if (
        _record(doc, span, prev, nxt)
        or is_score(doc, span)
        or is_record(doc, span)
        or is_game_span(doc, span)
    ):
        return False
    if in_score_line(text, span) or _restated(doc, span, prev, prev2, nxt) or _zero_to(doc, span):
        return False
    if span.unit is None and (_table_row(doc, span) or _position_counter(doc, span)):
        return False
    if span.unit is None and nxt is not None and nxt.ent_type_ == "PERSON" and _line_start(doc, span):
        return False  # a rank opening a line of a list or a table: "1 Marta Quell 2215"
    if first.ent_type_ in NAME_LABELS and span.unit is None:
        return False
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and span.unit is None:
        for t in doc[span.last + 1 : min(n, span.last + 4)]:
            if t.lower_ in STREET_WORDS:
                return False
    # a person's height and weight: "6 feet, 2 inches tall", "weighs 140 to 160 pounds"
    if any(t.lower_ == "tall" for t in doc[span.last + 1 : min(n, span.last + 6)]):
        return False
    if any(a.lemma_ == "weigh" for a in doc[span.last].ancestors) and span.unit == "lb":
        return False
    # a title: "the Courier's 50 Top Chefs list", "60 Minutes"
    if (
        nxt is not None
        and nxt.is_title
        and nxt.pos_ in {"ADJ", "ADV", "NOUN"}
        and nxt.ent_type_ not in _PEOPLE
        and span.unit is None
        and not nxt.is_sent_start
    ):
        return False
    # decades "in his 30s" are one token and never reach here; "No. 1" is caught above
    if (
        first.lower_ == _ONE
        and span.first == span.last
        and span.unit is None
        and not _one_is_count(doc, span)
    ):
        return False
    # anaphoric spelled numbers: "the three countries", "NATO's three newest members"
    vague_plural = first.lower_ in VAGUE_BASES
    if first.lower_ in _WORD_NUMBERS and not vague_plural and span.unit is None and prev is not None:
        if _determiner(prev):
            return False
        if prev.lower_ in {"first", "last", "other", "remaining", "same", "next", "past", "latter", "former"}:
            return False
    return not (nxt is not None and nxt.lower_ in {"th", "st", "nd", "rd"})


#: A number after a capitalised name is part of the name below this value ("Channel 5", "Apollo 11").
NAME_NUMBER_MAX = 1000


_MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
})  # fmt: skip


def _days_before_month(span: NumSpan, nxt: Token | None) -> bool:
    """ "take place 11-17 October", "on 3 March": days written before a capitalised month name."""
    if nxt is None or span.unit is not None or nxt.lower_ not in _MONTHS or not nxt.text[:1].isupper():
        return False
    values = [v for v in (span.value, span.low, span.high) if v is not None]
    return bool(values) and all(v == int(v) and 1 <= v <= DAYS_IN_MONTH for v in values)


def _age_at(doc: Doc, span: NumSpan, prev: Token | None, nxt: Token | None) -> bool:
    """ "At 16, he left home", "retire at 65.": a bare whole number after "at" that ends its phrase
    is an age, unless a verb of level or change governs it ("the toll stood at 65.")."""
    if prev is None or prev.lower_ != "at" or span.unit is not None or span.value is None:
        return False
    if not doc[span.first].text.isdigit() or not 10 <= span.value < MAX_AGE or span.first != span.last:
        return False
    if nxt is not None and not (nxt.is_punct and nxt.text in {",", ".", ";"}):
        return False
    verb = prev.head
    return prev.dep_ == "prep" and verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() not in CHANGE_VERBS


#: Subjects that name a person: "He was 77.", "when she was 4", "I was 12 at the time".
_PERSON_PRONOUNS = frozenset({"he", "she", "i"})
#: Words that may follow an age at the end of its clause ("She was 86 when she died").
_AFTER_AGE = frozenset({"and", "but", "when", "at", "then"})


#: "I'm 74": the contracted "am" (the lemmatiser leaves the curly form as it is).
_AM = frozenset({"'m", "’m", "am"})


def _person_noun_appos(doc: Doc, span: NumSpan, noun: Token) -> bool:
    """ "The former star, 42, was ...": a bare number set off by commas as the apposition of a
    singular common noun that a determiner opens is that person's age."""
    tok = doc[span.first]
    if noun.tag_ != "NN" or tok.dep_ != "appos" or tok.head.i != noun.i or noun.lower_ in TIME_UNITS:
        return False
    return any(c.dep_ in {"det", "poss"} for c in noun.children)


#: Bare numbers side by side, at least this many, make a row of a table ("1 Marta Quell 2215 4 0 12 19").
TABLE_RUN = 3


def _digits(tok: Token) -> bool:
    return tok.text.replace(",", "").replace(".", "").isdigit()


def _table_row(doc: Doc, span: NumSpan) -> bool:
    """A cell of a table row: the number stands among bare numbers with nothing between them, which
    prose never writes ("2215 4 0 12 19"); what each cell counts is in a header, not in the text."""
    lo, hi = span.first, span.last
    while lo > 0 and _digits(doc[lo - 1]) and "\n" not in doc[lo - 1].whitespace_:
        lo -= 1
    while hi + 1 < len(doc) and _digits(doc[hi + 1]) and "\n" not in doc[hi].whitespace_:
        hi += 1
    return hi - lo + 1 >= TABLE_RUN and all(_digits(t) for t in doc[lo : hi + 1])


#: Items of a gallery, a series or a list whose position "N of M" numbers them: "Photo 3 of 12".
_POSITION_NOUNS = frozenset({
    "photo", "image", "picture", "slide", "page", "part", "step", "episode", "item", "video", "question",
})  # fmt: skip
#: Counters of page chrome, written with their number in brackets: "Comments (12)".
_CHROME_COUNTS = frozenset({"comments", "comment", "replies", "shares", "likes", "photos", "videos", "views"})


def _position_counter(doc: Doc, span: NumSpan) -> bool:
    """Either number of "Photo 3 of 12", "Part 2 of 3", or a chrome counter "Comments (12)": a
    position in a gallery or a series, or a count of the page's own furniture, not a claim."""
    first, last, n = span.first, span.last, len(doc)
    if first >= 1 and doc[first - 1].lower_ in _POSITION_NOUNS:
        return last + 2 < n and doc[last + 1].lower_ == "of" and _digits(doc[last + 2])
    if first >= 3 and doc[first - 1].lower_ == "of" and _digits(doc[first - 2]):
        return doc[first - 3].lower_ in _POSITION_NOUNS
    if first >= 2 and last + 1 < n and doc[first - 1].text == "(" and doc[last + 1].text == ")":
        return doc[first - 2].lower_ in _CHROME_COUNTS
    return False


def _line_start(doc: Doc, span: NumSpan) -> bool:
    """Digits that open a line (of a list or a table)."""
    if not doc[span.first].text.isdigit():
        return False
    prev = doc[span.first - 1] if span.first > 0 else None
    return prev is None or "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)


def _restated(doc: Doc, span: NumSpan, prev: Token | None, prev2: Token | None, nxt: Token | None) -> bool:
    """ "seven (7) paint shades": digits in brackets that repeat the spelled number before them."""
    if prev is None or prev2 is None or nxt is None or prev.text != "(" or nxt.text != ")":
        return False
    spelled = parse([prev2.text])
    return spelled is not None and spelled.value == span.value and prev2.is_alpha


def _zero_to(doc: Doc, span: NumSpan) -> bool:
    """ "0 to 62 mph in 6.8 seconds": the name of an acceleration test, at either end."""
    n = len(doc)
    if span.value == 0 and span.last + 2 < n and doc[span.last + 1].lower_ == "to":
        nxt_end = doc[span.last + 2 : min(n, span.last + 5)]
        return any(t.lower_ in _SPEEDS for t in nxt_end)
    if span.unit not in _SPEEDS:
        return False
    first = span.first
    if first >= 3 and doc[first - 1].text == "(" and doc[first - 2].lower_ in _SPEEDS:
        first -= 3  # "zero to 62 mph (100 kph)": the conversion of the test's speed
    return first >= 2 and doc[first - 1].lower_ == "to" and doc[first - 2].lower_ in {"zero", "0"}


def _age_of_person(doc: Doc, span: NumSpan, nxt: Token | None) -> bool:
    """ "He was 77.", "when she was 4", "Smith, who was 45,": a bare whole number that a person *is*
    (the complement of "be" whose subject is a personal pronoun or a person's name) is an age."""
    if span.unit is not None or span.value is None or span.first != span.last or span.vague:
        return False
    if span.value != int(span.value) or not 0 < span.value < MAX_AGE:
        return False
    tok = doc[span.first]
    be = tok.dep_ in {"attr", "acomp"} and tok.head.lemma_.lower() == "be"
    if not be and not (tok.dep_ in {"attr", "acomp", "dobj"} and tok.head.lower_ in _AM):
        return False
    dated = (
        nxt is not None and nxt.lower_ == "in" and nxt.i + 1 < len(doc) and doc[nxt.i + 1].ent_type_ == "DATE"
    )
    if nxt is not None and not (nxt.is_punct or nxt.lower_ in _AFTER_AGE or dated):
        return False  # "he was 1 of 3", "she was 5 under par"; "he will be 72 in October" is an age
    subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    subj = subjects[0]
    if subj.lower_ == "who" and tok.head.dep_ == "relcl":
        subj = tok.head.head  # "Smith, who was 45,": the person the clause describes
    return subj.lower_ in _PERSON_PRONOUNS or subj.ent_type_ == "PERSON"


def _named_number(doc: Doc, span: NumSpan, prev: Token | None, nxt: Token | None) -> bool:
    """ "FOX 5 reported", "the Apollo 11 crew", "an iPhone 11 case": a number that ends a proper name.

    The name word is a proper noun with a capital letter right before the number (not a month:
    dates are the timexes layer's), and the number counts no noun after it, or the parse ties the
    two together: the number modifies the name, or both modify the same noun ("the Apollo 11
    crew": the crew of Apollo 11, not eleven crews).
    """
    if prev is None or span.unit is not None or span.value is None or span.value >= NAME_NUMBER_MAX:
        return False
    # a capitalised noun inside a sentence is a name word too ("Red Dead Redemption 2")
    named = prev.pos_ == "PROPN" or (
        prev.pos_ == "NOUN" and not prev.is_lower and not prev.is_sent_start
    )  # "the macOS 10.15 update": a capital anywhere in the word makes it a name
    if not named or prev.is_lower or prev.ent_type_ in {"DATE", "TIME"}:
        return False
    if "," in doc[span.first].text or span.first != span.last:
        return False
    if nxt is None or nxt.pos_ not in {"NOUN", "PROPN"} or nxt.text[:1].isupper():
        return True
    tok = doc[span.first]
    return tok.head.i == prev.i or (prev.dep_ in {"compound", "nmod"} and prev.head.i == tok.head.i)


def _name_word(doc: Doc, span: NumSpan, prev: Token | None) -> bool:
    """A spelled number capitalised inside a sentence is a word of a name ("Formula One", "the Big
    Ten", "Zero Gravity seats"), not a count."""
    first = doc[span.first]
    if first.like_num and not first.is_alpha:
        return False
    if not first.text[:1].isupper() or first.is_sent_start or prev is None:
        return False
    return prev.is_alpha and prev.text not in {"I"} and "\n" not in prev.whitespace_


#: A screen or video resolution or a race distance: "4K", "8k" ("$4K" carries a currency).
_RESOLUTION = re.compile(r"^\d[kK]\b")


def _resolution(text: str, span: NumSpan) -> bool:
    return span.unit is None and bool(_RESOLUTION.match(text[span.start : span.start + 3]))


#: A digit group glued to another by a hyphen, a slash or a dot: "123-4-567", "0134", "10.5555/".
_GLUED_DIGITS = re.compile(r"\d[-/.‐]$|^[-/.‐]\d")


def _digit_chain(text: str, start: int, end: int) -> bool:
    """A number glued to further digits outside its own span: a part of a phone number, a code or
    a reference ("555-0134", "doi 10.5555/123-4-567"), not a count."""
    return bool(
        _GLUED_DIGITS.search(text[max(0, start - 2) : start]) or _GLUED_DIGITS.search(text[end : end + 2])
    )


#: A line opened by a list number: "3. Keep it short", "2) Ask first".
_LIST_MARK = re.compile(r"(?:^|\n)[ \t]*$")


#: A bracketed list of reference numbers after a word, closing a clause: "... of snacking (2).",
#: "... late meals (10, 11).", "(27-29),".
_REFERENCE = re.compile(r"(?<=[^\W\d_][ \u00a0])\((\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\)(?=[.,;:])")
#: A text cites its sources by bracketed numbers when it has at least this many such marks.
REFERENCE_MIN_MARKS = 3


@lru_cache(maxsize=8)
def _reference_marks(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of bracketed reference numbers in a text that uses them (none otherwise)."""
    found = tuple(m.span(1) for m in _REFERENCE.finditer(text))
    return found if len(found) >= REFERENCE_MIN_MARKS else ()


def _marker(text: str, start: int, end: int) -> bool:
    """A footnote mark "[1]", a reference mark "(12)" of a text that cites its sources so, or a
    list number at the start of a line ("2. Bring water")."""
    if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
        return True
    if text[start - 1 : start] in {"(", ",", " ", "-", "–"} and _in_ranges(
        start, end, list(_reference_marks(text))
    ):
        return True
    return (
        text[end : end + 1] in {".", ")"}
        and text[end + 1 : end + 2] in {" ", "\t"}
        and bool(_LIST_MARK.search(text[max(0, start - 40) : start]))
    )


def _not_a_count(
    doc: Doc, span: NumSpan, prev: Token | None, prev2: Token | None, nxt: Token | None, text: str
) -> bool:
    """A number named or used as a base, not counted: "the number eight", "one day out of 12",
    "18-of-27 passing", "3-for-12 shooting" (stat lines), "a 3-in-1 pad", "the #1 pick", "zero in on",
    "scores" that is not "scores of" (a game's scores)."""
    first = doc[span.first]
    if prev is not None and prev.lower_ == "number" and prev2 is not None and prev2.lower_ in {"the", "a"}:
        return first.lower_ in _WORD_NUMBERS or first.like_num
    if prev is not None and prev.lower_ == "of" and prev2 is not None and prev2.lower_ == "out":
        # "Out of 17 observations" counts them ("seven out of 10 tenants" is a percentage already)
        return span.unit is None and not _counts_noun(doc, span)
    end = doc[span.last].idx + len(doc[span.last].text)
    if (
        text[end : end + 4].lower() in {"-of-", "-in-"} or text[end : end + 5].lower() == "-for-"
    ) and span.unit is None:
        return True  # stat lines, and a kind of product: "a 3-in-1 charger"
    if _tally_to(text, end, span):
        return True  # a vote or a ruling "5-to-4": the winning side first
    if text[first.idx - 1 : first.idx] == "#" and span.unit is None:
        return True  # a rank or a label: "the #1 enemy", "#2 seed"
    if first.lower_ == "zero" and nxt is not None and nxt.lower_ == "in" and nxt.dep_ == "prt":
        return True  # the verb "zero in on"
    return first.lower_ == "scores" and span.first == span.last and (nxt is None or nxt.lower_ != "of")


#: The second side of a tally written with "-to-": the "4" of "5-to-4".
_TO_SIDE = re.compile(r"-to-(\d+)\b")


def _tally_to(text: str, end: int, span: NumSpan) -> bool:
    """ "came on 6-to-3 votes", "a 7-to-2 ruling": a tally, whose first side is the larger; a
    rising range "10-to-15" is left to the range reading."""
    m = _TO_SIDE.match(text, end)
    if m is None or span.unit is not None or span.value is None:
        return False
    return span.value >= int(m.group(1))


def _record(doc: Doc, span: NumSpan, prev: Token | None, nxt: Token | None) -> bool:
    """ "(6-5, 3-4)": win-loss records listed in brackets are not ranges of a count."""
    if span.low is None or span.high is None or span.unit is not None:
        return False
    between = {t.text for t in doc[span.first : span.last + 1]}
    if not between & {"-", "–"}:
        return False
    return prev is not None and prev.text in {"(", ","} and nxt is not None and nxt.text in {",", ")"}


def _determiner(tok: Token) -> bool:
    """ "the", "these", "his", "NATO's": a word that makes the number name a known set."""
    if tok.tag_ == "POS" or tok.lower_ in {"'s", "’s"}:
        return True
    return tok.lower_ in ANAPHORIC_DETERMINERS and tok.pos_ in {"DET", "PRON"}


def _counts_noun(doc: Doc, span: NumSpan) -> bool:
    """Whether the number modifies a following plural noun ("1995 people"), unlike a year."""
    tok = doc[span.last]
    head = tok.head
    return (
        tok.dep_ == "nummod" and head.i > tok.i and head.tag_ in {"NNS", "NNPS"} and head.ent_type_ != "DATE"
    )


def _one_is_count(doc: Doc, span: NumSpan) -> bool:
    """ "killed one person", "only one cancellation": yes; "one of them", "no one", "in one case": no."""
    tok = doc[span.first]
    nxt = doc[span.last + 1] if span.last + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        return False
    prev = doc[span.first - 1] if span.first > 0 else None
    if prev is not None and prev.lower_ in {"no", "any", "the", "every", "each", "this", "that", "another"}:
        return False
    head = tok.head
    if span.qualifier is not None or (prev is not None and prev.lower_ in {"only", "just"}):
        return tok.dep_ == "nummod" or tok.dep_ in {"dobj", "pobj"}
    if tok.dep_ != "nummod" or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if head.dep_ == "pobj":  # "including one woman", "with one game left"; not "in one case"
        return head.head.lower_ in {"including", "with", "among"}
    if head.dep_ == "nsubj" and head.head.dep_ == "pcomp":  # "with one game remaining"
        return head.head.head.lower_ == "with"
    return head.dep_ in {"dobj", "attr", "appos"}
