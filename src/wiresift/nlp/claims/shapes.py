"""Numbers whose shape or grammar says they name or label something rather than count it (issue #12).

- **A number over one before a singular noun** counts nothing of it: it is a product or model name
  ("the 11 Pro Max", "the 5500M chipset"), a list's name ("the 40 Under 40 list"), or a compound
  adjective written without its hyphen ("a 180 page book", "a five time champion", like the
  guideline's "46-page"). Group nouns ("20 staff", "300 police", "a 62-member team") and units stay.
- **Model numbers after an acronym** ("the GTX 1060", "an RTX 2060"), whatever their size.
- **A digit letter glued to the number without a currency** ("Radeon Pro 5300M"): a model suffix,
  not "5,300 million"; "$300M" keeps its scale.
- **Phone numbers written in groups** ("+44 (0)20 7946 0000", "0161 496 0000").
- **Journal references** ("2015; 28: 685-690": year; volume: pages).
- **Capitalised qualifiers between two numbers** ("30 Under 30"): a list's name.
- **A designator noun right before the number** ("type 2 diabetes", "group 2 cells", "a phase 3
  trial", "on day 1", "number two is ..."): the number labels the noun, when the parse ties the two
  (the number modifies the noun, or both modify the same head); "every week 500 people" stays a count.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.nlp.claims.lexicon import COLLECTIVE_NOUNS, COUNT_COMPOUNDS, DESIGNATORS, UNITS
from wiresift.nlp.claims.times import TIME_UNITS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wiresift.nlp.claims.spans import NumSpan

#: "+49 (0)30 555 12-345", "0161 496 0000": three or more digit groups with a country code, a
#: bracketed area code or ten digits in all.
_PHONE_GROUPS = re.compile(r"(?:\+\d{1,3}[ .-]*)?(?:\(\d{1,4}\)\d{0,4}[ .-]*)?\d{2,5}(?:[ .-]\d{2,5}){2,}")
PHONE_MIN_DIGITS = 10
#: "2015; 28: 685-690" and "2015;28(3):685-90": year; volume(issue): pages.
_CITATION = re.compile(r"\b(?:1[89]|20)\d{2}\s*;\s*\d+(?:\s*\(\d+\))?\s*:\s*\d+(?:\s*[-–]\s*\d+)?")
#: Qualifier words that are part of a name when capitalised inside a sentence ("30 Under 30").
_NAME_QUALIFIERS = frozenset({"under", "over"})
#: ISO codes written before an amount ("AUD 100"): a currency, not a model name.
_CURRENCY_CODES = frozenset(u for u in UNITS.values() if len(u) == 3 and u.isupper())
#: Nouns that are never "one thing" even when tagged singular ("20 series", "12 species").
_SAME_PLURAL = frozenset({"series", "species", "offspring", "means", "aircraft", "percent"})


def names_not_counts(doc: Doc, span: NumSpan, text: str) -> bool:
    """Whether the number is one of the shapes above (and so not a claim)."""
    return (
        _singular_head(doc, span)
        or _acronym_model(doc, span)
        or _model_suffix(doc, span, text)
        or _in_match(_CITATION, text, span.start, span.end)
        or _phone_groups(text, span.start, span.end)
        or _titled_qualifier(doc, span)
        or _designated(doc, span)
    )


def _designated(doc: Doc, span: NumSpan) -> bool:
    """ "type 2", "phase 3", "day 1": a whole number labelling the designator noun just before it."""
    if span.unit is not None or span.qualifier is not None or span.first != span.last or span.first == 0:
        return False
    num, prev = doc[span.first], doc[span.first - 1]
    if prev.lower_ not in DESIGNATORS or prev.tag_ not in {"NN", "NNP"} or "." in num.text:
        return False
    return num.head.i == prev.i or prev.head.i == num.i or (num.head.i == prev.head.i and num.head.i != num.i)


def _singular_head(doc: Doc, span: NumSpan) -> bool:
    """A number over one that modifies a singular common or proper noun after it."""
    if span.unit is not None or span.counted_word is not None or span.value is None or span.value <= 1:
        return False
    if span.vague or span.percent_of is not None:
        return False
    tok = doc[span.last]
    head = tok.head
    if tok.dep_ != "nummod" or head.i <= tok.i or head.tag_ not in {"NN", "NNP"}:
        return False
    top = head
    while top.dep_ in {"compound", "conj"} and top.head.i > top.i:
        top = top.head  # "800 kitchen and laundry workers": the phrase counts workers
    if top.tag_ in {"NNS", "NNPS"} or any(c.dep_ in {"conj", "cc"} for c in head.children):
        return False
    if _plural_form(head.text):
        return False  # a plural the tagger read as singular: "303 MPs", "40 SUVs"
    low = head.lower_
    if low in COLLECTIVE_NOUNS or low in COUNT_COMPOUNDS or low in _SAME_PLURAL or low in UNITS:
        return False
    if low in TIME_UNITS or head.ent_type_ in {"NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}:
        return False  # durations are the timexes layer's; "12 Democrat" is a tagging slip
    # nothing but adjectives, compounds and hyphens between the number and its noun
    between = doc[tok.i + 1 : head.i]
    if not all(t.dep_ in {"compound", "amod", "punct", "nmod"} for t in between):
        return False
    if _plural_ahead(doc, head):
        return False  # "8 City Council staff members", "4.2 million Class B voting shares"
    if head.tag_ == "NN":
        # an unhyphenated compound adjective: the singular noun modifies another noun ("a 240 page
        # catalogue", "a five time league champion"); a singular noun that heads its phrase after
        # adjectives still counts ("100 million Finnish markkaa", "ten medical equipment")
        nested = any(t.tag_ == "NN" and t.dep_ == "compound" for t in between)
        return head.dep_ in {"compound", "nmod", "amod"} or nested
    # a proper noun alone may be a group's name used as a plural ("six Orthodox, four Protestants");
    # a name of several words ("the 11 Pro Max") or one that modifies a noun names a model
    return len(between) > 0 or head.dep_ in {"compound", "nmod"}


#: Words a name may hold before the plural noun it qualifies ("City Council staff members").
_NAME_INNER = frozenset({"PROPN", "DET", "ADJ", "NOUN"})


def _plural_ahead(doc: Doc, head: Token) -> bool:
    """A plural common noun a few words on, past a name ("8 City Council staff members")."""
    for tok in doc[head.i + 1 : min(len(doc), head.i + 5)]:
        if tok.tag_ == "NNS" or (tok.tag_ == "NNPS" and tok.is_lower):
            return True
        if tok.pos_ not in _NAME_INNER and tok.lower_ != "of" and tok.tag_ not in {"VBN", "VBG"}:
            return False  # ("preferred", "voting" before "shares" are adjectives here)
    return False


def _acronym_model(doc: Doc, span: NumSpan) -> bool:
    """ "the GTX 1060 is faster": a whole number right after an acronym, counting no noun."""
    if span.unit is not None or span.first != span.last or span.first == 0:
        return False
    prev, tok = doc[span.first - 1], doc[span.first]
    if not (prev.text.isupper() and prev.is_alpha and len(prev.text) >= 2 and tok.text.isdigit()):
        return False
    if prev.ent_type_ in {"DATE", "TIME"} or prev.is_sent_start or prev.text in _CURRENCY_CODES:
        return False  # "NZD 500" is an amount
    return not (tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.tag_ in {"NNS", "NNPS"})


def _model_suffix(doc: Doc, span: NumSpan, text: str) -> bool:
    """ "5300M": an upper-case scale letter glued on, with no currency before the number."""
    written = text[span.start : span.end]
    return bool(span.unit is None and re.search(r"\d[MBK]$", written)) and not _counts_plural(doc, span)


def _counts_plural(doc: Doc, span: NumSpan) -> bool:
    nxt = doc[span.last + 1] if span.last + 1 < len(doc) else None
    return nxt is not None and nxt.tag_ in {"NNS", "NNPS"}


def _phone_groups(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 24) : end + 24]
    offset = max(0, start - 24)
    for m in _PHONE_GROUPS.finditer(window):
        if m.start() + offset <= start and end <= m.end() + offset:
            digits = sum(c.isdigit() for c in m.group())
            return m.group().startswith("+") or "(" in m.group() or digits >= PHONE_MIN_DIGITS
    return False


def _in_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    window_start = max(0, start - 24)
    for m in pattern.finditer(text[window_start : end + 24]):
        if m.start() + window_start <= start and end <= m.end() + window_start:
            return True
    return False


def _titled_qualifier(doc: Doc, span: NumSpan) -> bool:
    """ "30 Under 30": a capitalised "Under"/"Over" inside a sentence, before or after the number."""
    before = doc[span.first - 1] if span.first > 0 else None
    end = span.unit_tok if span.unit_tok is not None else span.last
    after = doc[end + 1] if end + 1 < len(doc) else None
    nxt_num = doc[end + 2] if end + 2 < len(doc) else None
    before2 = doc[span.first - 2] if span.first > 1 else None
    if before is not None and _titled_name_word(before) and before2 is not None and before2.like_num:
        return True
    return after is not None and _titled_name_word(after) and nxt_num is not None and nxt_num.like_num


def _titled_name_word(tok: Token) -> bool:
    # "the XYZ 30 Under 30 list": the parser may start a sentence at "Under" after the first number
    inside = not tok.is_sent_start or (tok.i > 0 and tok.doc[tok.i - 1].like_num)
    return tok.lower_ in _NAME_QUALIFIERS and tok.is_title and inside


def _plural_form(word: str) -> bool:
    """ "MPs", "CEOs", "carries": the written form of a plural, whatever the tag says."""
    if re.fullmatch(r"[A-Z0-9]+s", word):
        return True
    low = word.lower()
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "ics"))
