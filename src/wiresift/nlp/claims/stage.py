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
from wiresift.nlp.claims.lexicon import (
    CHANGE_ADVERBS,
    CHANGE_VERBS,
    COUNT_TYPES,
    DOLLAR_BY_TLD,
    EARN_VERBS,
    OBJECT_CHANGE_VERBS,
    PAY_VERBS,
    PREFIX_UNITS,
    TRADE_VERBS,
    UNITS,
)
from wiresift.nlp.claims.spans import NumSpan, find_numbers, is_claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from wiresift.nlp.entities.index import EntityIndex
    from wiresift.nlp.pipeline import Context

#: Dependency labels that tie a number (or its unit) to the noun it counts.
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
#: Nouns that are never "the thing counted": time words (timexes) and pronoun-like heads.
_NOT_COUNTED = frozenset(
    {"%", "percent", "time", "year", "years", "day", "days", "month", "months", "each", "a"}
)
#: Words of "N-strong" that say how many make up the noun they modify.
_STRENGTH = frozenset({"strong"})
#: Count types that say who is counted; an event type (KILL, ARREST ...) nearby takes precedence.
_WHO_TYPES = frozenset({"TROOPS", "PROTEST"})
#: Words that a count type may come from when they sit this close after the number ("82 were killed").
COUNT_TYPE_WINDOW = 4


def _number_head(sdoc: Doc, span: NumSpan) -> Token:
    """The syntactic top of the number (and its unit): the token whose head lies outside them."""
    lo = span.first
    hi = span.unit_tok if span.unit_tok is not None else span.last
    if span.percent_of is not None:
        hi = max(hi, span.percent_of)
    if lo > 0 and sdoc[lo - 1].lower_ in PREFIX_UNITS:
        lo -= 1
    tok = sdoc[span.last]
    for _ in range(6):
        head = tok.head
        if head.i == tok.i or not lo <= head.i <= hi:
            break
        tok = head
    return tok


def _plural_after(sdoc: Doc, span: NumSpan, top: Token) -> Token | None:
    """A plural noun the tagger read as a verb: "on 14 carries" (a number object of a preposition
    followed by a subjectless "-s" verb is that verb's noun)."""
    end = span.unit_tok if span.unit_tok is not None else span.last
    if span.unit is not None or top.dep_ not in {"pobj", "dobj"} or end + 1 >= len(sdoc):
        return None
    nxt = sdoc[end + 1]
    if nxt.tag_ != "VBZ" or nxt.pos_ == "AUX" or nxt.lemma_ in {"be", "have", "do"}:
        return None
    if not nxt.is_lower or not nxt.lower_.endswith("s"):
        return None
    return None if any(c.dep_ in {"nsubj", "nsubjpass"} for c in nxt.children) else nxt


def _noun_phrase(head: Token) -> str:
    """ "bases and training camps" from the head "bases"."""
    parts = [head.text]
    for conj in head.children:
        if conj.dep_ == "conj" and conj.pos_ in {"NOUN", "PROPN"}:
            mods = [c.text for c in conj.lefts if c.dep_ in {"compound", "amod"}]
            parts.append(" ".join([*mods, conj.text]))
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _of_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                # a pronoun counts only with words of its own ("those polled"), not "them"
                pron = obj.pos_ == "PRON" and any(True for _ in obj.children)
                if obj.dep_ == "pobj" and (obj.pos_ in {"NOUN", "PROPN"} or pron) and not obj.like_num:
                    return obj
    return None


def counted(sdoc: Doc, span: NumSpan) -> Token | None:
    """The noun the number counts, or None ("injured more than 5,500", "$212 million")."""
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
        return _of_object(base)
    top = _number_head(sdoc, span)
    mistagged = _plural_after(sdoc, span, top) or _dimension_of(sdoc, span)
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
        head = head.head  # "more than a dozen attempted murders"
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
        head = head.head  # "a 17-foot aluminum powerboat": the compound's head noun
    if (
        top.dep_ in _MODIFIER_DEPS
        and head.i > end
        and head.pos_ in {"NOUN", "PROPN"}
        and head.lower_ not in _NOT_COUNTED
        and head.lower_ not in UNITS
        and head.ent_type_ not in {"DATE", "TIME"}
    ):
        return head
    obj = _of_object(top)
    if obj is None and span.unit_tok is not None:
        unit = sdoc[span.unit_tok]
        obj = _of_object(unit)
        # "2,750 tons, or 2,500 metric tons, of water": the "of" hangs on the restated amount
        restated = (c for c in unit.children if c.dep_ == "conj" and c.lower_ in UNITS)
        obj = obj or next((o for c in restated if (o := _of_object(c)) is not None), None)
    if obj is not None and obj.lower_ not in _NOT_COUNTED and obj.lower_ not in UNITS:
        return obj
    return None


#: Adjectives of size after a hyphenated measure ("a 40-foot-long whale", "1,900-mile-wide").
_DIMENSIONS = frozenset({"wide", "long", "tall", "high", "deep", "thick", "across"})


def _dimension_of(sdoc: Doc, span: NumSpan) -> Token | None:
    """The noun a "N-unit-wide" measure describes, past a bracketed conversion: "the 1,900-mile-wide
    (3,100 kilometers) Europa" -> Europa."""
    if span.unit_tok is None or span.unit_tok + 2 >= len(sdoc):
        return None
    dash, adj = sdoc[span.unit_tok + 1], sdoc[span.unit_tok + 2]
    if dash.text not in {"-", "‐"} or adj.lower_ not in _DIMENSIONS:
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


#: Nouns that only say "a share of": the object of their "of" is what is measured.
_SHARE_NOUNS = frozenset({"number", "share", "rate", "proportion", "percentage", "portion", "level"})
_CURRENCY = re.compile(r"^[A-Z]{3}$")
#: "$" written alone: not "US$", "C$", "A$" (those carry their country).
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z.])\$")


def _noun(tok: Token | None) -> Token | None:
    if tok is None:
        return None
    if tok.pos_ not in {"NOUN", "PROPN"} and not _mistagged_noun(tok):
        return None
    if tok.lower_ in _SHARE_NOUNS:
        measure = _of_object(tok)  # "the rate of unemployment" -> unemployment; not "a rate of 2 %"
        return measure if measure is not None and measure.lower_ not in UNITS else tok
    return tok


def _prep_object(tok: Token, preps: frozenset[str]) -> Token | None:
    """The noun object of a preposition of ``preps`` under ``tok`` ("on ads", "to an agent")."""
    for child in tok.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if _noun(obj) is not None:
                return obj
        if child.dep_ == "dative" and _noun(child) is not None:
            return child
    return None


_AGENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Nouns that only say "an amount of": "a total of $650,000" measures what the clause says.
_SUM_NOUNS = frozenset({"total", "sum", "amount"})
_FOR = frozenset({"for"})


def _is_amount(tok: Token) -> bool:
    """A number, or a noun a number modifies ("Rs 24 lakh", "$5 million")."""
    return tok.like_num or any(c.dep_ == "nummod" for c in tok.children)


_PAYS_FOR = frozenset({"on", "for", "to", "into", "toward", "towards"})
_MONEY_IN = frozenset({"in", "on", "for"})


def _mistagged_noun(tok: Token) -> bool:
    """An object tagged as a verb but with a determiner or possessive: "its growth forecast"."""
    return tok.dep_ == "dobj" and any(c.dep_ in {"det", "poss"} and c.i < tok.i for c in tok.children)


def measured(sdoc: Doc, span: NumSpan) -> Token | None:
    """What a share, a measure or an amount that modifies no noun measures, from the parse.

    "inflation fell to 3.4 %" -> inflation (the subject of a change verb); "expand the fleet by
    30 %" -> fleet (the object, for a change "by"); "spent $5 million on ads" -> ads and "paid the
    agency $400,000" -> agency (what money pays for); "$6.5 billion in debt" -> debt; "a fine of
    $250,000" -> fine and "a reward of $1 million for tips" -> tips (the noun whose "of" holds it);
    "raise $2bn from a listing" -> listing (what yields money).
    """
    top = _number_head(sdoc, span)
    money = bool(span.unit and _CURRENCY.match(span.unit))
    unit = sdoc[span.unit_tok] if span.unit_tok is not None else top
    if money:
        for tok in (top, unit):
            obj = _prep_object(tok, _MONEY_IN)
            if obj is not None:
                return obj
    top = _partner(top)
    while top.dep_ == "conj" and top.head.i < top.i and _is_amount(top.head):
        top = top.head  # "Rs 24 lakh ... and Rs 40 lakh on advocacy": the first amount's verb
    via = top.dep_
    verb = top.head
    if via == "pobj":
        via = verb.lower_  # the preposition: "to", "at", "by", "from", "of"
        verb = verb.head
    if money and via == "of" and verb.pos_ == "NOUN" and verb.i < top.i and verb.lower_ not in _SUM_NOUNS:
        # "a fine of up to $250,000"; "offer a reward of $1 million for tips" -> tips
        payer = verb.head if verb.dep_ == "dobj" and verb.head.lemma_.lower() in PAY_VERBS else None
        paid = _prep_object(verb, _FOR) or (_prep_object(payer, _FOR) if payer is not None else None)
        return paid or verb
    if via == "of" and verb.lower_ in _SUM_NOUNS and verb.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        top, via, verb = verb, verb.dep_, verb.head  # "a total of $650,000 is offered for tips"
    elif via == "of" and verb.pos_ == "NOUN" and verb.i < top.i and verb.lower_ not in UNITS:
        return verb  # "a height of 30 feet", "an annual rate of 2.1 %": the noun the "of" measures
    if money and via == "dobj" and verb.pos_ == "VERB":
        split = _prep_object(verb, frozenset({"in"}))  # "received $2 million in aid": the parser split
        if split is not None and split.ent_type_ not in {"DATE", "TIME"} and split.i > top.i:
            return split
    if money and (via in _PRICE_PREPS or verb.lower_ == "worth"):
        bought = _bought(verb, top)
        if bought is not None:
            return bought
    moved = verb.lower_ in CHANGE_ADVERBS  # "sold 40,000 cars, up 8 %": the cars changed
    if verb.pos_ in {"ADV", "ADP"} and verb.head.i != verb.i:
        verb = verb.head  # "closed ... up 0.35 %"
    elif verb.pos_ == "ADJ" and verb.dep_ in {"acomp", "oprd"} and verb.tag_ in {"JJR", "RBR"}:
        verb, moved = verb.head, False  # "the fee is 30 % lower": the fee is what differs
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == top.i:
        return None
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    subj = next((c for c in children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and verb.dep_ == "xcomp":  # "the project is expected to cost $4 billion"
        subj = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if money and lemma in PAY_VERBS:
        obj = _prep_object(verb, _PAYS_FOR)
        if obj is not None:
            return obj
    if money and lemma in EARN_VERBS:
        obj = _prep_object(verb, frozenset({"from"}))
        if obj is not None:
            return obj
        if subj is not None and subj.ent_type_ not in _AGENTS and subj.pos_ == "NOUN":
            return _noun(subj)
    if lemma in OBJECT_CHANGE_VERBS or (lemma in CHANGE_VERBS and via in {"by", "to", "from", "at"}):
        # "raised its forecast by 0.1 points" changes the object; "output will expand by 2 %"
        # (no object) changes the subject
        obj = next((c for c in children if c.dep_ == "dobj" and c.i != top.i), None)
        if _noun(obj) is not None:
            return _noun(obj)
    if lemma in CHANGE_VERBS or lemma in OBJECT_CHANGE_VERBS:
        return _noun(_antecedent(subj))
    if moved:
        obj = next((c for c in children if c.dep_ == "dobj" and c.i != top.i), None)
        return _noun(_antecedent(obj)) or _noun(subj)
    return None


#: Prepositions whose object is the price of what they attach to ("sold the mill for $2 million").
_PRICE_PREPS = frozenset({"for", "at"})


def _antecedent(tok: Token | None) -> Token | None:
    """The noun a relative pronoun stands for ("the firm, which it bought" -> firm), else ``tok``."""
    if tok is not None and tok.tag_ in {"WDT", "WP"}:
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        return clause.head if clause is not None else None
    return tok


def _bought(head: Token, money: Token) -> Token | None:
    """What a price pays for: the noun the price hangs on ("tickets for $20", "a deal worth $6
    billion"), or the object of a verb of trade ("bought the mill for $2 million", "the mill was
    sold for $2 million" -> mill)."""
    if head.lower_ == "worth":  # "a deal worth $600 million"; "the house is worth $1 million"
        owner = head.head
        if head.dep_ in {"amod", "prep"} and owner.pos_ in {"NOUN", "PROPN"}:
            return _noun(owner)
        if head.dep_ == "acomp":
            return _noun(next((c for c in owner.children if c.dep_ == "nsubj"), None))
        return None
    if head.pos_ in {"NOUN", "PROPN"} and head.i < money.i:
        low = head.lower_
        if low in _SUM_NOUNS or low in _SHARE_NOUNS or low in UNITS or head.ent_type_ in {"DATE", "TIME"}:
            return None
        return _noun(head)
    if head.pos_ == "VERB" and head.lemma_.lower() in TRADE_VERBS:
        for child in head.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                return _noun(_antecedent(child))
    return None


def _countable(noun: Token | None, time_ranges: list[tuple[int, int]]) -> Token | None:
    """``noun`` unless it is a unit or a time ("from 6.2 percent", "from $34,410 in October"):
    the thing counted is never the measure itself nor a date."""
    if noun is None or noun.lower_ in UNITS or noun.lower_ in _NOT_COUNTED or noun.is_punct:
        return None
    if noun.ent_type_ in {"DATE", "TIME"}:
        return None
    end = noun.idx + len(noun.text)
    return None if any(s < end and noun.idx < e for s, e in time_ranges) else noun


def _bracketed(sdoc: Doc, span: NumSpan) -> Token | None:
    """The noun right before a bracketed share: "banner ads (30%)" -> ads. A bracketed amount of
    money restates another in a second currency ("(£10bn)") and counts nothing."""
    if span.unit not in {"%", "pp"} or span.first < 2 or sdoc[span.first - 1].text != "(":
        return None
    end = span.unit_tok if span.unit_tok is not None else span.last
    if end + 1 >= len(sdoc) or sdoc[end + 1].text != ")":
        return None
    before = sdoc[span.first - 2]
    return before if before.pos_ in {"NOUN", "PROPN"} else None


def _partner(top: Token) -> Token:
    """ "from 9,000 to 20,000" parsed as one quantity: the number that carries the clause role."""
    if top.dep_ == "quantmod" and top.head.like_num and top.head.i > top.i:
        return top.head
    return top


def _changed_to(sdoc: Doc, span: NumSpan) -> bool:
    """A count that is the level a change verb reaches: "rose from 90,000 to 300,000"."""
    top = _partner(_number_head(sdoc, span))
    prep = top.head
    return (
        top.dep_ == "pobj"
        and prep.lower_ in {"to", "from"}
        and prep.head.lemma_.lower() in CHANGE_VERBS
        and prep.head.lemma_.lower() != "be"
    )


#: A screen size that names a product model: "the 13-inch MacBook Pro" (a capitalised name follows).
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
    dollar = outlet_currency(doc) or place_currency(doc)
    models = set(_MODEL_SIZE.findall(doc.text))
    for span in find_numbers(sdoc):
        if not is_claim(sdoc, span, time_ranges, use_spacy_time=not doc.timexes, text=doc.text):
            continue
        if span.unit == "in" and doc.text[span.start : span.end] in models:
            continue  # "the higher-end 13-inch models" once the text named a "13-inch MacBook Pro"
        if dollar and span.unit == "USD" and _BARE_DOLLAR.search(doc.text[span.start : span.end]):
            span.unit = dollar  # "$" alone in a Canadian outlet or story is Canadian dollars
        noun = _countable(counted(sdoc, span), time_ranges)
        if noun is None and span.unit is not None and span.unit != "point":
            # points are a gap between two figures, not a measure
            noun = _countable(measured(sdoc, span) or _bracketed(sdoc, span), time_ranges)
        elif noun is None and span.unit is None and _changed_to(sdoc, span):
            noun = _countable(measured(sdoc, span), time_ranges)  # "the number of visitors jumped to 300,000"
        noun = _noun(noun) if noun is not None and noun.lower_ in _SHARE_NOUNS else noun
        tok = sdoc[span.first]
        sent = tok.sent
        top = _number_head(sdoc, span)
        who = find_claimant(doc, sent, noun if noun is not None else top, span.start, span.end, top, index)
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
    return claims


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
    version = "1.2"
    requires: tuple[str, ...] = ("entities", "quotes", "timexes", "places")
    assigns: tuple[str, ...] = ("claims",)

    def __call__(self, doc: Document, sdoc: Doc, ctx: Context) -> None:
        doc.claims = find_claims(doc, sdoc, ctx.data.get("entities"))


def make_stage() -> ClaimsStage:
    return ClaimsStage()
