"""What a number measures when it modifies no noun, read from the dependency parse (issue #12):
the subject of a change or level verb ("inflation fell to 3.4 %"), the object a change verb
changes ("expand the fleet by 30 %"), what money pays for ("spent $5 million on ads") or what a
price buys ("bought the mill for $2 million"); and the parse helpers the claims stage shares.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.nlp.claims.lexicon import (
    CHANGE_ADVERBS,
    CHANGE_VERBS,
    DIMENSIONS,
    EARN_VERBS,
    OBJECT_CHANGE_VERBS,
    PAY_VERBS,
    PREFIX_UNITS,
    TRADE_VERBS,
    UNITS,
)
from wiresift.nlp.claims.times import TIME_UNITS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wiresift.nlp.claims.spans import NumSpan


def number_head(sdoc: Doc, span: NumSpan) -> Token:
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
    return _past_date_noun(tok)


def _past_date_noun(tok: Token) -> Token:
    """A count the parser hung on the date after it ("jumped to 300,000 last year", "fell to 640
    today") takes the date noun's place in the clause: a count never modifies a date."""
    head = tok.head
    if (
        tok.dep_ == "nummod"
        and head.i > tok.i
        and head.ent_type_ in {"DATE", "TIME"}
        and tok.ent_type_ not in {"DATE", "TIME"}
        and head.pos_ == "NOUN"
    ):
        return head
    return tok


def of_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                # a pronoun counts only with words of its own ("those polled"), not "them"
                pron = obj.pos_ == "PRON" and any(True for _ in obj.children)
                if obj.dep_ == "pobj" and (obj.pos_ in {"NOUN", "PROPN"} or pron) and not obj.like_num:
                    return obj
                if obj.dep_ == "pobj" and obj.tag_ in {"WDT", "WP"}:
                    # "three cars, two of which are electric": what the relative pronoun stands for
                    noun = _antecedent(obj)
                    return noun if noun is not None and noun.pos_ in {"NOUN", "PROPN"} else None
    return None


#: Nouns that only say "a share of": the object of their "of" is what is measured.
SHARE_NOUNS = frozenset({"number", "share", "rate", "proportion", "percentage", "portion", "level"})
#: ... and "worth": "$360 billion worth of goods" counts the goods ("a net worth of $23 million" keeps
#: "worth": its "of" holds the amount itself).
OF_NOUNS = SHARE_NOUNS | {"worth"}
#: A unit of money: an ISO 4217 code, or "cent" ("30 cents a share" pays like "$0.30 a share").
_CURRENCY = re.compile(r"^(?:[A-Z]{3}|cent)$")


def as_noun(tok: Token | None) -> Token | None:
    if tok is None:
        return None
    if tok.pos_ not in {"NOUN", "PROPN"} and not _mistagged_noun(tok):
        return None
    if tok.lower_ in OF_NOUNS:
        measure = of_object(tok)  # "the rate of unemployment" -> unemployment; not "a rate of 2 %"
        return measure if measure is not None and measure.lower_ not in UNITS else tok
    return tok


def _prep_object(tok: Token, preps: frozenset[str]) -> Token | None:
    """The noun object of a preposition of ``preps`` under ``tok`` ("on ads", "to an agent")."""
    for child in tok.children:
        if tok.pos_ in {"VERB", "AUX"} and child.i < tok.i:
            continue  # "On the whole, drivers paid ...": a phrase before the verb sets the scene
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if as_noun(obj) is not None:
                return obj
        if child.dep_ == "dative" and "to" in preps and as_noun(child) is not None:
            return child  # "paid the agency $400,000" = "paid $400,000 to the agency"
    return None


_AGENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Nouns that only say "an amount of": "a total of $480,000", "a maximum of 44 dB" measure what the
#: clause says.
_SUM_NOUNS = frozenset({"total", "sum", "amount", "maximum", "minimum"})
_FOR = frozenset({"for"})


def _is_amount(tok: Token) -> bool:
    """A number, or a noun a number modifies ("Rs 24 lakh", "$5 million")."""
    return tok.like_num or any(c.dep_ == "nummod" for c in tok.children)


_PAYS_FOR = frozenset({"on", "for", "to", "into", "toward", "towards"})
_MONEY_IN = frozenset({"in", "on", "for"})


#: Determiners that make "in ..." a circumstance of the amount ("$11 million in both scenarios", "in
#: each case", "in this scenario"), not what the money is in ("$3 million in aid").
_CIRCUMSTANCE_DETS = frozenset({"both", "each", "every", "either", "this", "that", "these", "those"})


def _circumstance(obj: Token) -> bool:
    return any(c.dep_ in {"det", "predet"} and c.lower_ in _CIRCUMSTANCE_DETS for c in obj.children)


def _mistagged_noun(tok: Token) -> bool:
    """An object tagged as a verb but with a determiner or possessive: "its growth forecast"."""
    return tok.dep_ == "dobj" and any(c.dep_ in {"det", "poss"} and c.i < tok.i for c in tok.children)


#: Words that say how an amount of money is reckoned, written after it ("$149 retail", "$7,500
#: pretax", "$20 apiece"); the tagger reads them as nouns, but they are not what the money buys.
RECKONINGS = frozenset({
    "retail", "wholesale", "pretax", "pre-tax", "apiece", "net", "gross", "upfront", "outright",
    "annually", "monthly", "overall", "altogether", "combined", "flat",
})  # fmt: skip


def reckoning_after_money(span: NumSpan, head: Token) -> bool:
    """A word of reckoning right after an amount of money: "kits start at $149 retail"."""
    end = span.unit_tok if span.unit_tok is not None else span.last
    money = bool(span.unit and _CURRENCY.match(span.unit))
    return money and head.i == end + 1 and head.lower_ in RECKONINGS


def measured(sdoc: Doc, span: NumSpan) -> Token | None:
    """What a share, a measure or an amount that modifies no noun measures, from the parse.

    "inflation fell to 3.4 %" -> inflation (the subject of a change verb); "expand the fleet by
    30 %" -> fleet (the object, for a change "by"); "spent $5 million on ads" -> ads and "paid the
    agency $400,000" -> agency (what money pays for); "$2.4 billion in loans" -> loans; "a fine of
    $180,000" -> fine and "a reward of $1 million for tips" -> tips (the noun whose "of" holds it);
    "raise $2bn from a listing" -> listing (what yields money).
    """
    top = number_head(sdoc, span)
    money = bool(span.unit and _CURRENCY.match(span.unit))
    unit = sdoc[span.unit_tok] if span.unit_tok is not None else top
    if money and (each := per_unit(sdoc, span)) is not None:
        # "$13 a share", "$0.74 per diluted share": what each amount pays for, unless the clause
        # names what is reckoned per share ("earnings of 4 cents a share", "profit rose to $2 a share")
        return _reckoned(partner(top)) or each
    if money:
        for tok in (top, unit):
            obj = _prep_object(tok, _MONEY_IN)
            if obj is not None and not _circumstance(obj):
                return obj
    top = partner(top)
    if reckoning_after_money(span, top.head):
        top = top.head  # "start at $149 retail": the amount's clause role is the reckoning word's
    if top.dep_ == "compound" and top.head.lower_ in TIME_UNITS:
        top = top.head  # "grew 3.1 % year on year": the parser hung the share on the time word
    if (named := _apposed(top)) is not None:
        return named  # "the fine, $2 million, ...", "a reserve -- about $4 million --"
    if money and top.dep_ == "dobj" and (off := _prep_object(top.head, _OFF)) is not None:
        return _thing_priced(off)  # "knocking $100 off the price of the console" -> console
    while top.dep_ == "conj" and top.head.i < top.i and _is_amount(top.head):
        top = top.head  # "Rs 15 lakh ... and Rs 32 lakh on training": the first amount's verb
    via = top.dep_
    verb = top.head
    if via == "pobj":
        via = verb.lower_  # the preposition: "to", "at", "by", "from", "of"
        verb = verb.head
    if money and via == "of" and verb.pos_ == "NOUN" and verb.i < top.i and verb.lower_ not in _SUM_NOUNS:
        # "a fine of up to $180,000"; "offer a reward of $1 million for tips" -> tips
        payer = verb.head if verb.dep_ == "dobj" and verb.head.lemma_.lower() in PAY_VERBS else None
        paid = _prep_object(verb, _FOR) or (_prep_object(payer, _FOR) if payer is not None else None)
        return paid or verb
    if via == "of" and verb.lower_ in _SUM_NOUNS and verb.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
        # "a total of $480,000 is offered for tips", "raise the wall by a total of 5 feet"
        top, via, verb = verb, verb.dep_, verb.head
        if via == "pobj":
            via, verb = verb.lower_, verb.head
    elif via == "of" and verb.pos_ == "NOUN" and verb.i < top.i and verb.lower_ not in UNITS:
        return verb  # "a height of 30 feet", "an annual rate of 2.1 %": the noun the "of" measures
    if money and via == "dobj" and verb.pos_ == "VERB":
        split = _prep_object(verb, frozenset({"in"}))  # "received $2 million in aid": the parser split
        if (
            split is not None
            and split.dep_ == "pobj"  # not the dative of "cost taxpayers $5 million": who pays
            and split.ent_type_ not in {"DATE", "TIME"}
            and split.i > top.i
            and not _circumstance(split)
        ):
            return split
    if money and (via in _PRICE_PREPS or verb.lower_ == "worth"):
        bought = _bought(verb, top)
        if bought is not None:
            return bought
    moved = verb.lower_ in CHANGE_ADVERBS  # "sold 40,000 cars, up 8 %": the cars changed
    while verb.pos_ == "ADJ" and verb.dep_ == "conj" and verb.head.pos_ == "ADJ":
        verb = verb.head  # "14 feet long and five feet wide": the first adjective's clause
    if verb.pos_ in {"ADV", "ADP"} and verb.head.i != verb.i:
        comparative = verb.tag_ in {"RBR", "JJR"}
        verb = verb.head  # "closed ... up 0.35 %"
        if comparative and verb.pos_ == "ADJ" and verb.dep_ in {"acomp", "oprd"}:
            # "ovens which are 20 % less costly than ...": the subject is what differs
            verb, moved = verb.head, False
    elif verb.pos_ == "ADJ" and verb.dep_ in {"acomp", "oprd"} and _degree(verb, span):
        # "the fee is 30 % lower": the fee is what differs; "the vaccine was 95 % effective",
        # "hotels are thirty percent full": the share is of the subject's quality
        verb, moved = verb.head, False
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == top.i:
        return None
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    change = lemma in CHANGE_VERBS or _directed(verb, top)
    subj = next((c for c in children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and verb.dep_ != "ROOT" and any(c.lower_ == "to" and c.dep_ == "aux" for c in children):
        # "expect the national average to hit $3", "expects revenue in the quarter to total $9
        # million": the object of the verb of expecting is the infinitive's subject
        governor = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if governor is not None:
            subj = next((c for c in governor.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if subj is None and verb.dep_ == "xcomp":  # "the tunnel is expected to cost $4 billion"
        subj = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and verb.dep_ in {"acl", "advcl"} and change:
        # a participle: "shares, climbing 80 %" (the noun it modifies, or the common noun right
        # before its comma when the parser hung it on the clause); "closed at $9, falling 4 %" (the
        # subject of the clause it hangs on)
        head = verb.head
        own = head if verb.dep_ == "acl" and head.pos_ in {"NOUN", "PROPN"} else _before_comma(verb)
        subj = own or next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if money and lemma == "cost" and subj is not None:
        # "the repairs cost taxpayers $20 million": what costs it, not who pays
        return as_noun(_antecedent(subj))
    if money and lemma in PAY_VERBS:
        # "contribute $7,500 pretax to the fund": the parser may hang the "to" on the reckoning word
        obj = _prep_object(verb, _PAYS_FOR) or (
            _prep_object(top, _PAYS_FOR) if top.lower_ in RECKONINGS else None
        )
        if obj is not None:
            return obj
    if money and via == "to" and (level := _brought(verb, top)) is not None:
        return level  # "took the campaign fund to $1.2 million": the object reached that level
    if money and lemma in EARN_VERBS:
        obj = _prep_object(verb, frozenset({"from"}))
        if obj is not None:
            return obj
        if subj is not None and subj.ent_type_ not in _AGENTS and subj.pos_ == "NOUN":
            return as_noun(subj)
        if top.dep_ == "dobj":
            return None  # "Mayor Pell had raised $2.6 million": who raised it is not what it counts
    if lemma in OBJECT_CHANGE_VERBS or (change and via in {"by", "to", "from", "at"}):
        # "raised its forecast by 0.1 points" changes the object; "output will expand by 2 %"
        # (no object) changes the subject
        obj = next((c for c in children if c.dep_ == "dobj" and c.i != top.i), None)
        if as_noun(obj) is not None:
            return as_noun(obj)
    if change or lemma in OBJECT_CHANGE_VERBS:
        return as_noun(_antecedent(subj))
    if moved:
        obj = next((c for c in children if c.dep_ == "dobj" and c.i != top.i), None)
        return as_noun(_antecedent(obj)) or as_noun(subj)
    return None


def _brought(verb: Token, top: Token) -> Token | None:
    """The object a verb brings to the amount: "took the campaign fund to $1.2 million" -> fund,
    "took the fund to $2 billion" -> fund (not a person: "sold the house to Ms Lee for $2 million"
    has the price under "for")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != top.i and c.i < top.i), None)
    if obj is None or obj.ent_type_ in _AGENTS or obj.pos_ != "NOUN":
        return None
    if obj.lemma_.lower() in CHANGE_NOUNS and (what := _prep_object(obj, frozenset({"in"}))) is not None:
        return what  # "posted a rise in sales to £312m": the sales reached it
    return as_noun(obj) if verb.lemma_.lower() in BRINGING_VERBS else None


#: Verbs that bring their object to a level: "bringing his haul to $76 million" ("watched his
#: savings balloon to almost $90 million" is no such verb: the parser made "balloon" its object).
BRINGING_VERBS = frozenset({"bring", "take", "push", "lift", "boost", "drive", "send"})


#: Nouns of a change whose "in" object is what changed ("a rise in sales").
CHANGE_NOUNS = frozenset({"increase", "rise", "jump", "growth", "gain", "drop", "fall", "decline", "cut"})


#: Adverbs that make a verb of motion a verb of change ("prices go down to 50 %", "shot up 8 %").
_DIRECTIONS = frozenset({"up", "down"})


def _directed(verb: Token, top: Token) -> bool:
    """A verb with "up"/"down" and no object of its own: "go down to about 30 %"."""
    children = list(verb.children)
    if any(c.dep_ == "dobj" and c.i != top.i for c in children):
        return False  # "set up 5 % of the stations": a verb with its own object
    return any(c.dep_ in {"prt", "advmod"} and c.lower_ in _DIRECTIONS for c in children)


def _before_comma(verb: Token) -> Token | None:
    """The common noun right before the comma that opens a participle clause ("a gain for shares,
    climbing 80 %" -> shares); not a unit, a time or an amount ("closed at $9, falling 4 %")."""
    i = verb.i
    if i < 2 or verb.doc[i - 1].text != ",":
        return None
    noun = verb.doc[i - 2]
    if noun.tag_ not in {"NN", "NNS"} or noun.lower_ in UNITS or noun.lower_ in TIME_UNITS:
        return None
    return None if noun.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT"} else noun


_OFF = frozenset({"off"})
#: Nouns that name a price: what it is the price "of" is what the money measures.
_PRICE_NOUNS = frozenset({"price", "cost", "fare", "fee", "rate"})


def _thing_priced(noun: Token) -> Token:
    """ "the price of the console" -> console; any other noun stays."""
    if noun.lower_ in _PRICE_NOUNS:
        obj = of_object(noun)
        if obj is not None:
            return obj
    return noun


def _degree(adj: Token, span: NumSpan) -> bool:
    """A comparative measured by an amount ("30 % lower"), an adjective of degree measured by a
    share ("95 % effective", "30 percent full") or an adjective of size measured by a unit ("six
    feet wide")."""
    if adj.tag_ in {"JJR", "RBR"} or (span.unit == "%" and adj.tag_ == "JJ"):
        return True
    return span.unit is not None and adj.lower_ in DIMENSIONS  # "the car is 14 feet long"


def _apposed(top: Token) -> Token | None:
    """The noun an amount stands in apposition to ("the fine, $2 million,"), not another amount it
    restates ("5.5 million Swiss francs ($6.1 million)") nor a date."""
    head = top.head
    if top.dep_ != "appos" or head.i > top.i or head.pos_ not in {"NOUN", "PROPN"} or _is_amount(head):
        return None
    if head.lower_ in UNITS or head.lower_ in TIME_UNITS or head.ent_type_ in {"DATE", "TIME", "MONEY"}:
        return None
    if any(t.text == "(" for t in top.doc[head.i + 1 : top.i]):
        return None  # a bracketed aside or conversion ("a forecast (some $9 million, give or take)")
    return as_noun(head)


def _reckoned(top: Token) -> Token | None:
    """What a per-unit amount reckons when the clause names it: the noun whose "of" holds the
    amount ("earnings of 4 cents a share"; not a price noun, whose amount buys the unit) or the
    subject of a change verb the amount is the level of ("profit rose to $2 a share"), also for an
    amount that restates another per unit ("net income of $7.4 million, or 17 cents a share")."""
    while top.dep_ in {"conj", "appos"} and top.head.i < top.i and _is_amount(top.head):
        top = top.head
    if top.dep_ == "conj" and top.head.pos_ == "NOUN" and top.head.i < top.i:
        # the parser tied the restatement to the noun whose "of" holds the first amount
        held = next((c for c in top.head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if held is not None and any(_is_amount(o) for o in held.children if o.dep_ == "pobj"):
            return _reckoned(next(o for o in held.children if o.dep_ == "pobj"))
    prep = top.head
    if top.dep_ != "pobj":
        return None
    owner = prep.head
    if prep.lower_ == "of" and owner.pos_ == "NOUN" and owner.i < top.i:
        low = owner.lower_
        if (
            low in _SUM_NOUNS
            or low in UNITS
            or low in _PRICE_NOUNS
            or low in SHARE_NOUNS
            or low in TIME_UNITS
        ):
            return None
        return owner
    if prep.lower_ in {"to", "from"} and owner.pos_ == "VERB" and owner.lemma_.lower() in OBJECT_CHANGE_VERBS:
        obj = next((c for c in owner.children if c.dep_ == "dobj"), None)  # "cut its dividend to 5 cents"
        if obj is not None:
            return as_noun(obj)
    if prep.lower_ in {"to", "from"} and owner.pos_ == "VERB" and owner.lemma_.lower() in CHANGE_VERBS:
        subj = next((c for c in owner.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return as_noun(_antecedent(subj)) if subj is not None and subj.ent_type_ not in _AGENTS else None
    return None


#: Words between an amount and the unit it is the price of ("$13 a share", "$4 per ton").
_PER = frozenset({"a", "an", "per"})


def per_unit(sdoc: Doc, span: NumSpan) -> Token | None:
    """The noun after "a"/"per" right behind an amount of money, past adjectives ("$0.74 per
    diluted share"); None for a time ("$5 million a year": a rate, not a purchase)."""
    i = (span.unit_tok if span.unit_tok is not None else span.last) + 1
    if i >= len(sdoc) or sdoc[i].lower_ not in _PER:
        return None
    i += 1
    while i < len(sdoc) and (sdoc[i].pos_ == "ADJ" or sdoc[i].tag_ in {"VBN", "VBG"}):
        i += 1  # "per diluted share": the tagger may read the participle as a verb
    if i >= len(sdoc) or sdoc[i].pos_ != "NOUN" or sdoc[i].lower_ in TIME_UNITS:
        return None
    if sdoc[i].lower_ in UNITS:
        return None  # "$3 a gallon", "$80 a barrel": a price per measure; the clause says of what
    return sdoc[i]


#: Prepositions whose object is the price of what they attach to ("sold the mill for $2 million").
_PRICE_PREPS = frozenset({"for", "at"})


def _antecedent(tok: Token | None) -> Token | None:
    """The noun a relative pronoun stands for ("the firm, which it bought" -> firm), else ``tok``."""
    if tok is not None and tok.tag_ in {"WDT", "WP"}:
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        if clause is None:
            return None
        noun = clause.head
        owner = noun.head.head if noun.dep_ == "pobj" else None
        if noun.ent_type_ in _PLACES and owner is not None and owner.pos_ == "NOUN" and owner.i < noun.i:
            # "exports to Chile, which totalled $5 billion": the parser ties the clause to the
            # nearest noun; a place a preposition names is where, not what, the figure measures
            return owner
        return noun
    return tok


#: Entity types of places: the object of a preposition that only says where.
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _bought(head: Token, money: Token) -> Token | None:
    """What a price pays for: the noun the price hangs on ("tickets for $20", "a deal worth $6
    billion"), or the object of a verb of trade ("bought the mill for $2 million", "the mill was
    sold for $2 million" -> mill)."""
    if head.lower_ == "worth":  # "a contract worth $450 million"; "the house is worth $1 million"
        owner = head.head
        if head.dep_ in {"amod", "prep"} and owner.pos_ in {"NOUN", "PROPN"}:
            return as_noun(owner)
        if head.dep_ == "acomp":
            return as_noun(next((c for c in owner.children if c.dep_ == "nsubj"), None))
        return None
    if head.pos_ in {"NOUN", "PROPN"} and head.i < money.i:
        low = head.lower_
        if low in _SUM_NOUNS or low in SHARE_NOUNS or low in UNITS or head.ent_type_ in {"DATE", "TIME"}:
            return None
        return as_noun(head)
    if head.pos_ == "VERB" and head.lemma_.lower() not in TRADE_VERBS and head.dep_ == "acl":
        # "sold the club the right to print the crest for $3.1 million": the parser hung the price
        # on the clause of the traded object; the object of the verb of trade is what it buys
        owner = head.head
        if owner.dep_ in {"dobj", "nsubjpass"} and owner.head.lemma_.lower() in TRADE_VERBS:
            head = owner.head
    if head.pos_ == "VERB" and head.lemma_.lower() in TRADE_VERBS:
        for child in head.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                return as_noun(_antecedent(child))
    return None


def partner(top: Token) -> Token:
    """ "from 9,000 to 20,000" parsed as one quantity: the number that carries the clause role."""
    if top.dep_ == "quantmod" and top.head.like_num and top.head.i > top.i:
        return top.head
    return top
