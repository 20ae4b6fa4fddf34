"""The ``claims`` stage: every count or amount the text asserts, with what it counts and who claims it.

Steps per document: (1) find number runs with their qualifier, unit and range partner
(:mod:`~wiresift.nlp.claims.spans`); (2) drop dates, times, ages, ordinals, identifiers and
anaphoric numbers, using the timexes layer when it is filled and spaCy's DATE/TIME labels when it
is not; (3) read the counted noun from the parse ("about 150,000 troops" -> "troops", "dozens of
people" -> "people", "80 percent of counties" -> "counties"); (4) find the claimant
(:mod:`~wiresift.nlp.claims.attrib`), the place and time of the same sentence, and a GDELT-style
count type.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from wiresift.model import Claim, Document
from wiresift.nlp.claims.attrib import continuation, find_claimant
from wiresift.nlp.claims.elided import fill_elided, fill_restated_shares
from wiresift.nlp.claims.filters import is_claim
from wiresift.nlp.claims.lexicon import (
    CHANGE_ADVERBS,
    CHANGE_VERBS,
    COUNT_TYPES,
    DIMENSIONS,
    DOLLAR_BY_TLD,
    UNITS,
)
from wiresift.nlp.claims.measured import (
    OF_NOUNS,
    as_noun,
    measured,
    number_head,
    of_object,
    partner,
    per_unit,
    reckoning_after_money,
)
from wiresift.nlp.claims.numbers import NUMBER_WORDS
from wiresift.nlp.claims.spans import NumSpan, find_numbers
from wiresift.nlp.claims.times import TIME_UNITS, multiplied

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from wiresift.nlp.entities.index import EntityIndex
    from wiresift.nlp.pipeline import Context

#: Dependency labels that tie a number (or its unit) to the noun it counts.
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
#: Nouns that are never "the thing counted": time words (timexes), pronoun-like heads and the noun
#: of "to the tune of $41 billion" (an amount's idiom, not what it pays for).
_NOT_COUNTED = frozenset({
    "%", "percent", "time", "year", "years", "day", "days", "month", "months", "each", "a", "tune",
    "maximum", "minimum",
})  # fmt: skip
#: Words of "N-strong" that say how many make up the noun they modify.
_STRENGTH = frozenset({"strong"})
#: Count types that say who is counted; an event type (KILL, ARREST ...) nearby takes precedence.
_WHO_TYPES = frozenset({"TROOPS", "PROTEST"})
#: Words that a count type may come from when they sit this close after the number ("82 were killed").
COUNT_TYPE_WINDOW = 4
#: "$" written alone: not "US$", "C$", "A$" (those carry their country).
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z.])\$")


def _plural_after(sdoc: Doc, span: NumSpan, top: Token) -> Token | None:
    """A plural noun the tagger read as a verb: "on 14 carries" (a number object of a preposition
    followed by a subjectless "-s" verb is that verb's noun)."""
    end = span.unit_tok if span.unit_tok is not None else span.last
    if span.unit is not None or top.dep_ not in {"pobj", "dobj"} or end + 1 >= len(sdoc):
        return None
    while end + 2 < len(sdoc) and sdoc[end + 1].pos_ == "ADJ" and sdoc[end + 1].head.i in {top.i, end + 2}:
        end += 1  # "dropped two easy catches": past the adjectives of the misread noun
    nxt = sdoc[end + 1]
    if nxt.tag_ != "VBZ" or nxt.pos_ == "AUX" or nxt.lemma_ in {"be", "have", "do"}:
        return None
    if not nxt.is_lower or not nxt.lower_.endswith("s"):
        return None
    if top.dep_ == "pobj":
        return nxt  # "a goal from 14 carries": a verb never follows a preposition's number
    return None if any(c.dep_ in {"nsubj", "nsubjpass"} for c in nxt.children) else nxt


#: Clause roles in which the parser may split a count from its noun: "to a few hundred waiting
#: dockers" read as two objects of "to".
_SPLIT_ROLES = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr"})


def _split_off(sdoc: Doc, span: NumSpan, top: Token) -> Token | None:
    """The noun a count was split from: right after it, past its modifiers, in the same role under
    the same head ("handed to a few hundred waiting Dutch dockers" -> dockers)."""
    end = span.unit_tok if span.unit_tok is not None else span.last
    if span.unit is not None or top.dep_ not in _SPLIT_ROLES or top.i != end:
        return None
    i = end + 1
    while i < len(sdoc) and sdoc[i].dep_ in {"amod", "compound", "nmod"} and sdoc[i].head.i > i:
        i += 1
    if i == end + 1 or i >= len(sdoc):
        return None  # no modifier between: a plain second object is no split noun phrase
    noun = sdoc[i]
    same = noun.head.i == top.head.i and noun.dep_ == top.dep_
    return noun if same and noun.pos_ in {"NOUN", "PROPN"} else None


#: Words that join two numbers given as alternatives: "tens, perhaps hundreds", "tens or hundreds".
_ALTERNATIVE_WORDS = frozenset({"or", "if", "not", "even", "perhaps", "possibly", ","})


def _alternative_of(sdoc: Doc, span: NumSpan) -> Token | None:
    """The "of" object of the number given as an alternative right after this one."""
    i = span.last + 1
    while i < len(sdoc) and sdoc[i].lower_ in _ALTERNATIVE_WORDS:
        i += 1
    if i == span.last + 1 or i >= len(sdoc) or sdoc[i].ent_type_ != "CARDINAL":
        return None
    return of_object(sdoc[i])


def _noun_phrase(head: Token) -> str:
    """ "bases and training camps" from the head "bases"."""
    parts = [head.text]
    for conj in head.children:
        # "four radar sensors, six cameras": a conjunct with a number of its own is another claim's
        counted = any(t.like_num for t in conj.subtree if t.i < conj.i)
        if (
            conj.dep_ == "conj"
            and conj.pos_ in {"NOUN", "PROPN"}
            and not counted
            and conj.lower_ not in UNITS
        ):
            mods = [c.text for c in conj.lefts if c.dep_ in {"compound", "amod"}]
            parts.append(" ".join([*mods, conj.text]))
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _multiplier(sdoc: Doc, span: NumSpan) -> bool:
    """ "three times the rate": a plain number right before "times" (frequencies were dropped)."""
    return span.unit is None and span.last + 1 < len(sdoc) and sdoc[span.last + 1].lower_ == "times"


def counted(sdoc: Doc, span: NumSpan) -> Token | None:
    """The noun the number counts, or None ("injured more than 4,200", "$212 million")."""
    if span.counted_word is not None:
        word = sdoc[span.counted_word]
        if word.lower_ in _STRENGTH:  # "a 5,000-strong force": the force is counted
            head = word.head
            return head if head.i > word.i and head.pos_ in {"NOUN", "PROPN"} else None
        return word
    if span.percent_of is not None:
        base = sdoc[span.percent_of]
        head = base.head
        if base.dep_ == "nummod" and head.pos_ in {"NOUN", "PROPN"}:
            return head
        return of_object(base)
    end = span.unit_tok if span.unit_tok is not None else span.last
    if _multiplier(sdoc, span):
        return multiplied(sdoc, span.last + 1)  # a multiplier counts what it multiplies ("the rate")
    top = number_head(sdoc, span)
    mistagged = _plural_after(sdoc, span, top) or _dimension_of(sdoc, span) or _split_off(sdoc, span, top)
    if mistagged is not None:
        return mistagged
    if span.unit_tok is not None and top.i != span.unit_tok:
        unit = sdoc[span.unit_tok]
        if unit.head.i == top.i or top.head.i == unit.i:
            top = unit if top.head.i == unit.i else top
    end = span.unit_tok if span.unit_tok is not None else span.last
    head = top.head
    if top.dep_ == "quantmod" and head.like_num and head.dep_ == "nummod" and head.i > end:
        top, head = head, head.head  # "two of three requirements": the noun the base counts
    if head.dep_ == "amod" and head.pos_ in {"ADJ", "VERB"} and head.i > end:
        head = head.head  # "more than a dozen reported break-ins"
    while _modifier_of_noun(head):
        # "a 22-foot fiberglass canoe": the compound's head noun; "800 kitchen and laundry
        # workers": the head of coordinated modifiers
        head = head.head
    if (
        top.dep_ in _MODIFIER_DEPS
        and head.i > end
        and head.pos_ in {"NOUN", "PROPN"}
        and head.lower_ not in _NOT_COUNTED
        and head.lower_ not in UNITS
        and head.ent_type_ not in {"DATE", "TIME"}
        and not any(c.dep_ == "prt" for c in head.children)  # "the top 10 face off": a verb
        and not reckoning_after_money(span, head)
    ):
        return head
    obj = of_object(top)
    if obj is None:
        # "tens if not thousands of letters", "dozens or hundreds of boats": the vague number
        # shares the "of" of the number it is coordinated with
        obj = _alternative_of(sdoc, span)
    if obj is None and span.unit_tok is not None:
        unit = sdoc[span.unit_tok]
        obj = of_object(unit)
        # "3,300 tons, or 3,000 metric tons, of sand": the "of" hangs on the restated amount
        restated = [c for c in unit.children if c.dep_ == "conj" and _restates(unit, c)]
        restated += _restated_after(sdoc, unit)
        obj = obj or next((o for c in restated if (o := of_object(c)) is not None), None)
    if obj is not None and obj.lower_ not in _NOT_COUNTED and obj.lower_ not in UNITS:
        return obj
    return None


def _modifier_of_noun(tok: Token) -> bool:
    """A compound or nominal modifier before its head noun ("a 22-foot fiberglass canoe", the first
    of coordinated modifiers "kitchen and laundry workers"): the number counts the head noun."""
    if tok.head.i <= tok.i or tok.head.pos_ != "NOUN" or tok.lower_ in TIME_UNITS:
        return False
    # a nominal modifier ("a 4 MW rooftop plant"), not across a bracket ("$7.49/mo (a free trial")
    between = tok.doc[tok.i + 1 : tok.head.i]
    return tok.dep_ == "compound" or (tok.dep_ == "nmod" and not any(t.is_punct for t in between))


def _restates(unit: Token, conj: Token) -> bool:
    """A conjoined unit that restates ``unit`` ("3,300 tons, or 3,000 metric tons, of sand", "64 kWh
    and 88 kWh of capacity"), not another measure ("310 horsepower and 290 lb-ft of torque")."""
    if conj.lower_ not in UNITS:
        return False
    return UNITS[conj.lower_] == UNITS.get(unit.lower_) or any(c.lower_ == "or" for c in unit.children)


def _restated_after(sdoc: Doc, unit: Token) -> list[Token]:
    """The unit of a restatement right after ``unit`` ("3,300 tons, or 3,000 metric tons, of
    water"), however the parser attached it."""
    for tok in sdoc[unit.i + 1 : min(len(sdoc), unit.i + 8)]:
        if tok.lower_ in UNITS:
            return [tok]
        if not (tok.is_punct or tok.like_num or tok.lower_ in {"or", "about", "some"} or tok.pos_ == "ADJ"):
            return []
    return []


def _dimension_of(sdoc: Doc, span: NumSpan) -> Token | None:
    """The noun a "N-unit-wide" measure describes, past a bracketed conversion: "the 1,400-mile-wide
    (2,250 kilometers) Tarrow" -> Tarrow."""
    if span.unit_tok is None or span.unit_tok + 2 >= len(sdoc):
        return None
    dash, adj = sdoc[span.unit_tok + 1], sdoc[span.unit_tok + 2]
    if dash.text not in {"-", "‐"} or adj.lower_ not in DIMENSIONS:
        return None
    i, depth = adj.i + 1, 0
    while i < len(sdoc):
        tok = sdoc[i]
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth -= 1
        elif depth == 0 and tok.pos_ in {"NOUN", "PROPN"}:
            nxt = sdoc[i + 1] if i + 1 < len(sdoc) else None
            if nxt is None or nxt.pos_ not in {"NOUN", "PROPN"}:
                return tok  # the last word of the noun phrase
        elif depth == 0 and tok.pos_ not in {"DET", "ADJ", "NUM", "PUNCT"} and tok.dep_ != "compound":
            return None
        i += 1
    return None


def _countable(noun: Token | None, time_ranges: list[tuple[int, int]]) -> Token | None:
    """``noun`` unless it is a unit or a time ("from 6.2 percent", "from $27,150 in March"):
    the thing counted is never the measure itself nor a date."""
    if noun is None or noun.lower_ in UNITS or noun.lower_ in _NOT_COUNTED or noun.is_punct:
        return None
    if noun.lower_ in TIME_UNITS:
        return None  # "$4.99/mo", "$5 per hour": a rate's time, not what is counted
    if noun.ent_type_ in {"DATE", "TIME"}:
        return None
    end = noun.idx + len(noun.text)
    return None if any(s < end and noun.idx < e for s, e in time_ranges) else noun


def _bracketed(sdoc: Doc, span: NumSpan) -> Token | None:
    """The noun right before a bracketed share: "banner ads (30%)" -> ads; or before a bracketed
    price: "the Vireo Pinot Noir ($42)" -> Noir. A bracketed amount of money after another amount
    restates it in a second currency ("52 billion yuan ($7.4 billion)") and counts nothing."""
    money = span.unit is not None and len(span.unit) == 3 and span.unit.isupper()
    if (span.unit not in {"%", "pp"} and not money) or span.first < 2:
        return None
    opener = span.first - 1
    if sdoc[opener].text != "(" and money:
        opener -= 1  # past a prefix currency: "($42)"
    if opener < 1 or sdoc[opener].text != "(":
        return None
    end = span.unit_tok if span.unit_tok is not None else span.last
    if end + 1 >= len(sdoc) or sdoc[end + 1].text != ")":
        return None
    before = sdoc[opener - 1]
    if before.pos_ not in {"NOUN", "PROPN"}:
        return None
    if money and (before.like_num or before.lower_ in UNITS or before.lower_ in NUMBER_WORDS):
        return None  # a conversion: "52 billion yuan ($7.4 billion)", "Rs 24 lakh ($33,000)"
    return before


#: Verbs whose object is a level a thing reaches: "the river gauge reached 31" (the gauge).
_LEVEL_VERBS = frozenset({"reach", "hit", "total"})


def _changed_to(sdoc: Doc, span: NumSpan) -> bool:
    """A count that is the level a change verb reaches: "rose from 90,000 to 300,000", "the index
    reached 109"."""
    top = partner(number_head(sdoc, span))
    prep = top.head
    if top.dep_ == "dobj" and prep.pos_ == "VERB" and prep.lemma_.lower() in _LEVEL_VERBS:
        return True
    lemma = prep.head.lemma_.lower()
    return top.dep_ == "pobj" and prep.lower_ in {"to", "from"} and lemma in CHANGE_VERBS and lemma != "be"


#: A screen size that names a product model: "the 14-inch Lumix Pro" (a capitalised name follows).
_MODEL_SIZE = re.compile(r"\b(\d+(?:\.\d+)?-inch)[ \u00a0]+(?=[A-Z]|i[A-Z])")


def outlet_currency(doc: Document) -> str | None:
    """The dollar of the outlet's country from its site or URL host ("cbc.ca" -> CAD), else None."""
    host = doc.site or (urlparse(doc.url).netloc if doc.url else "")
    tld = host.lower().rstrip(".").rsplit(".", 1)[-1] if host else ""
    return DOLLAR_BY_TLD.get(tld)


#: A country's dollar is taken for a bare "$" when the article's places lie there this often, at least.
PLACE_DOLLAR_MIN_MENTIONS = 2
PLACE_DOLLAR_MIN_SHARE = 0.5


def place_currency(doc: Document) -> str | None:
    """The dollar of the country where the article's places lie, when it is not the US dollar.

    A bare "$" in a story set in Canada (Ontario, Toronto, Ottawa) from an outlet whose host names
    no country is most likely Canadian: the country's dollar is taken when that country holds at
    least half of the place mentions (and two of them) and no place lies in the United States.
    """
    counts: dict[str, int] = {}
    for place in doc.places:
        if place.country:
            counts[place.country.lower()] = counts.get(place.country.lower(), 0) + len(place.mentions)
    total = sum(counts.values())
    if not counts or counts.get("us"):
        return None
    country, n = max(counts.items(), key=lambda kv: kv[1])
    if n < PLACE_DOLLAR_MIN_MENTIONS or n < PLACE_DOLLAR_MIN_SHARE * total:
        return None
    return DOLLAR_BY_TLD.get(country)


def count_type(sdoc: Doc, span: NumSpan, noun: Token | None) -> str | None:
    """KILL, WOUND, ARREST, ... from the counted noun, the governing verb or the words right after."""
    lemmas: list[str] = []
    if noun is not None:
        lemmas.append(noun.lemma_.lower())
    top = noun if noun is not None else sdoc[span.last]
    for anc in top.ancestors:
        if anc.pos_ in {"VERB", "ADJ"}:
            lemmas.append(anc.lemma_.lower())
            break
    for tok in sdoc[span.last + 1 : min(len(sdoc), span.last + 1 + COUNT_TYPE_WINDOW)]:
        if tok.is_sent_start:
            break
        if tok.ent_type_ not in {"DATE", "TIME"}:  # "rose 2 % in March" is no march
            lemmas.append(tok.lemma_.lower())
    types = [COUNT_TYPES[lemma] for lemma in lemmas if lemma in COUNT_TYPES]
    events = [t for t in types if t not in _WHO_TYPES]  # "27 soldiers were killed" is KILL
    best = events or types
    return best[0] if best else None


def _nearest(items: list[tuple[int, int, str]], sent: Span, pos: int) -> str | None:
    """The item nearest ``pos`` in the sentence (and in its continuation when the parser cut it)."""
    follow = continuation(sent)
    last = follow.end_char if follow is not None else sent.end_char
    best: tuple[int, str] | None = None
    for start, end, value in items:
        if sent.start_char <= start and end <= last:
            dist = abs(start - pos)
            if best is None or dist < best[0]:
                best = (dist, value)
    return best[1] if best else None


def find_claims(doc: Document, sdoc: Doc, index: EntityIndex | None = None) -> list[Claim]:
    """All claims of ``doc`` (``sdoc`` is the spaCy Doc of ``doc.text``; ``index`` the entities
    stage's mention index, which resolves pronoun claimants, when that stage ran)."""
    time_ranges = [(t.start, t.end) for t in doc.timexes]
    timed = [(t.start, t.end, t.value) for t in doc.timexes if t.value]
    placed = [(s, e, p.id) for p in doc.places for s, e in p.mentions]
    claims: list[Claim] = []
    tops: list[Token] = []
    owned: list[bool] = []  # whether each claim's counted is a noun of its own (not read from the clause)
    each: list[bool] = []  # whether each claim is an amount per unit ("$2 a share")
    dollar = outlet_currency(doc) or place_currency(doc)
    models = set(_MODEL_SIZE.findall(doc.text))
    for span in find_numbers(sdoc):
        if not is_claim(sdoc, span, time_ranges, use_spacy_time=not doc.timexes, text=doc.text):
            continue
        if span.unit == "in" and doc.text[span.start : span.end] in models:
            continue  # "the higher-end 14-inch models" once the text named a "14-inch Lumix Pro"
        if dollar and span.unit == "USD" and _BARE_DOLLAR.search(doc.text[span.start : span.end]):
            span.unit = dollar  # "$" alone in a Canadian outlet or story is Canadian dollars
        noun = own = _countable(counted(sdoc, span), time_ranges)
        if noun is None and span.unit is not None and span.unit != "point":
            # points are a gap between two figures, not a measure ...
            noun = _countable(measured(sdoc, span) or _bracketed(sdoc, span), time_ranges)
        elif noun is None and span.unit == "point":
            noun = _countable(_points_changed(sdoc, span), time_ranges)  # ... unless a level moved
        elif noun is None and span.unit is None and _changed_to(sdoc, span):
            noun = _countable(measured(sdoc, span), time_ranges)  # "the number of visitors jumped to 300,000"
        if noun is not None and span.start <= noun.idx < sdoc[span.first].idx:
            noun = own = None  # a word of the qualifier: "in excess of $45,000" counts no "excess"
        if noun is not None and noun.tag_ == "NNP" and noun.ent_type_ == "PERSON":
            noun = own = (
                None  # one named person is never what a number counts ("the $1.4 million Tomas Reyna collected")
            )
        if noun is not None and noun.lower_ in OF_NOUNS and not _multiplier(sdoc, span):
            noun = as_noun(noun)  # "the rate of unemployment"; "four times the rate of ..." multiplies a rate
        if noun is not None and "\n" in doc.text[min(noun.idx, span.end) : max(noun.idx, span.start)]:
            noun = own = None  # a table's next line or a headline glued on by the parser
        if noun is None:
            noun = own = _table_label(sdoc, span)
        tok = sdoc[span.first]
        sent = tok.sent
        top = number_head(sdoc, span)
        # the claimant is looked for from the noun the number modifies, else from the number itself:
        # a measured subject or object ("inflation" of "inflation fell to 3 %") may lie outside the
        # clause a reporting verb governs
        anchor = own if own is not None else top
        who = find_claimant(doc, sent, anchor, span.start, span.end, top, index)
        tops.append(top)
        owned.append(own is not None)
        each.append(span.unit is not None and per_unit(sdoc, span) is not None)
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                text=doc.text[span.start : span.end],
                start=span.start,
                end=span.end,
                value=span.value,
                low=span.low if span.low is not None else _bound(span, "low"),
                high=span.high if span.high is not None else _bound(span, "high"),
                qualifier=span.qualifier,
                unit=span.unit,
                counted=_noun_phrase(noun) if noun is not None else None,
                count_type=count_type(sdoc, span, noun),
                claimant=who.entity,
                claimant_name=who.name,
                claimant_mention=who.mention,
                place=_nearest(placed, sent, span.start),
                time=_nearest(timed, sent, span.start),
                stage=STAGE_NAME,
            )
        )
    _partners_count_alike(claims, tops, owned, each)
    fill_elided(claims, tops, owned, doc.text)
    fill_restated_shares(claims, tops)
    return claims


#: Entity types that gain or lose points in a race (a gap between figures, not a measured level).
_CONTENDERS = frozenset({"PERSON", "NORP", "GPE"})


def _points_changed(sdoc: Doc, span: NumSpan) -> Token | None:
    """Points by which a level changed measure that level: "the Dow fell 200 points" -> Dow,
    "support dropped 8 points" -> support; a contender's points ("Smith gained 3 points", "won by
    30 points") are a gap and measure nothing."""
    top = number_head(sdoc, span)
    verb = top.head.head if top.dep_ == "pobj" and top.head.lower_ == "by" else top.head
    if top.dep_ not in {"npadvmod", "dobj", "pobj"} or verb.pos_ != "VERB":
        return None
    if verb.lemma_.lower() not in CHANGE_VERBS or verb.lemma_.lower() in {"be", "gain", "lose"}:
        return None
    noun = measured(sdoc, span)
    return None if noun is None or noun.ent_type_ in _CONTENDERS else noun


def _table_label(sdoc: Doc, span: NumSpan) -> Token | None:
    """The label of a table line "Americans: 12" when it is a plural noun (the guideline's
    reading); "Total dead: 192" names no counted noun."""
    first = sdoc[span.first]
    colon = first.i - 1 if span.unit is None else None
    if colon is None or colon < 1 or sdoc[colon].text != ":":
        return None
    text = sdoc.text  # read once: spaCy rebuilds the string on every read
    line_start = text.rfind("\n", 0, first.idx) + 1
    line_end = text.find("\n", span.end)
    if text[span.end : line_end if line_end >= 0 else len(text)].strip():
        return None  # more follows the number on its line
    label = sdoc[colon - 1]
    whole = text[line_start : label.idx].strip() == ""
    return label if whole and label.tag_ in {"NNS", "NNPS"} else None


def _partners_count_alike(
    claims: list[Claim], tops: list[Token], owned: list[bool], each: list[bool]
) -> None:
    """An amount that counts nothing of its own and is the "from" end of a change ("efficiency
    rose from 23 % to 35 %") or a conjunct of another amount ("a forecast of up 1.7 % and up 3 %")
    counts what its partner of the same unit counts: both measure one thing. An amount per unit
    ("or 17 cents a share") is never the partner: it counts the unit, not the whole."""
    at = {top.i: claim for claim, top, per in zip(claims, tops, each, strict=True) if not per}
    # each head's sentence, found once (``Token.sent`` walks the tokens to the sentence's bounds)
    sents = [top.sent.start for top in tops]
    for k, (claim, top) in enumerate(zip(claims, tops, strict=True)):
        before = [
            (c, t)
            for c, t, s, per in zip(claims[:k], tops[:k], sents[:k], each[:k], strict=True)
            if s == sents[k] and c.counted and per == each[k]  # per share with per share
        ]
        if not owned[k] and _up_from(top):
            # "hire 5,000 teachers, up from 3,000": the earlier figure of the same thing; "paid
            # $1,935 on gas, up $2": the change of the same thing (not the clause's subject)
            alike = [(c, t) for c, t in before if c.unit == claim.unit]
            # not a restatement ("earned $6 million, or 17 cents a share, up 8 % from ...")
            main = [c for c, t in alike if t.dep_ not in {"conj", "appos"}] or [c for c, _ in alike]
            claim.counted = main[-1].counted if main else claim.counted
        if claim.counted is None and top.dep_ in {"npadvmod", "dobj"} and top.head.lower_ in CHANGE_ADVERBS:
            # "rents totalled $940 million last year, up 4 %": the share says how much the figure before it changed
            claim.counted = before[-1][0].counted if before else None
        if claim.counted is not None or claim.unit is None or claim.unit == "point":
            continue
        for tok in _partners(top):
            other = at.get(tok.i)
            if other is not None and other is not claim and other.unit == claim.unit and other.counted:
                claim.counted = other.counted
                break


def _up_from(top: Token) -> bool:
    """ "..., up from 3,000", "down from 12 %": the earlier level of a change just stated."""
    prep = top.head
    if top.dep_ in {"npadvmod", "dobj"} and prep.lower_ in CHANGE_ADVERBS:
        return True  # "..., up $2 from a year earlier": by how much the same thing changed
    if top.dep_ != "pobj":
        return False
    if prep.lower_ in {"with", "to"} and prep.head.lower_ == "compared":
        # "sales were $9 million, compared with $7 million a year earlier"; not "compared with
        # 3 % for the other index" (the figure of another thing)
        return not any(c.dep_ == "prep" and c.lower_ == "for" for c in top.children)
    return prep.lower_ == "from" and prep.head.lower_ in CHANGE_ADVERBS


def _partners(top: Token) -> list[Token]:
    """Number heads tied to ``top`` as the other end of "from ... to ..." or as conjuncts (also
    through the adverbs or prepositions they hang on: "up 1.7 % and up 3 %")."""
    found = [c for c in top.children if c.dep_ == "conj"]
    if top.dep_ == "conj":
        found.append(top.head)
    if top.dep_ == "quantmod" and top.head.like_num:
        found.extend([top.head, top.head.head])  # "from 23 % to 35 %" parsed as one quantity
    carrier = top.head if top.dep_ in {"pobj", "npadvmod", "dobj"} else None
    if carrier is not None:
        if carrier.dep_ == "conj" or any(c.dep_ == "conj" for c in carrier.children):
            for link in [carrier.head, *carrier.children]:
                for c in link.children:
                    objects = c.children if c.dep_ == "prep" else [c]
                    found.extend(o for o in objects if o.dep_ in {"pobj", "npadvmod", "dobj"})
        if carrier.lower_ == "from":  # its "to" sibling or child
            for prep in [*carrier.head.children, *top.children, *carrier.children]:
                if prep.dep_ == "prep" and prep.lower_ == "to":
                    found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def _bound(span: NumSpan, side: str) -> float | None:
    """The bound a qualifier implies: "more than 5,000" has low 5,000; "up to 10" has high 10."""
    if span.value is None:
        return None
    if side == "low" and span.qualifier in {"more_than", "at_least"}:
        return span.value
    if side == "high" and span.qualifier in {"up_to", "at_most", "less_than"}:
        return span.value
    return None


STAGE_NAME = "claims"


class ClaimsStage:
    """Pipeline stage filling ``doc.claims``."""

    name = STAGE_NAME
    version = "1.9"
    requires: tuple[str, ...] = ("entities", "quotes", "timexes", "places")
    assigns: tuple[str, ...] = ("claims",)

    def __call__(self, doc: Document, sdoc: Doc, ctx: Context) -> None:
        doc.claims = find_claims(doc, sdoc, ctx.data.get("entities"))


def make_stage() -> ClaimsStage:
    return ClaimsStage()
