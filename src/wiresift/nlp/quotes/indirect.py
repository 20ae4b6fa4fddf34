"""What an indirect report says: the complement of its verb, by hand-written lists or learned patterns.

:func:`nominal_content` covers the hand lists of :mod:`cues` (objects, open complements, stance
verbs, verb + preposition). :func:`learned_content` covers the patterns that
``training/learn_cues.py`` found in PolNeAR train: a verb lemma, a complement kind and a subject group
("Trump touted his plan", "the poll showed a tie").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol, TypeVar

from wiresift.nlp.entities.lexicon import PERSON_PRONOUNS, words
from wiresift.nlp.quotes.cues import (
    CUE_VERBS,
    DOBJ_VERBS,
    PATTERNS,
    PREP_CUES,
    REPORTING_VERBS,
    STANCE_VERBS,
    XCOMP_VERBS,
    adverbial_object,
    complements,
    participle_subject,
    subject_group,
)
from wiresift.nlp.quotes.speaker import SUBJECTS, line_start

if TYPE_CHECKING:
    from spacy.tokens import Token

RAISING_VERBS = frozenset({"seem", "appear"})
#: Every hand-written reporting lemma (see :mod:`cues`).
HAND_CUES = CUE_VERBS | DOBJ_VERBS | XCOMP_VERBS | STANCE_VERBS | {verb for verb, _ in PREP_CUES}
#: Stances that groups hold as well as people ("voters want", "most support a ban"), with the pronouns
#: besides the personal ones that hold them. "hope", "plan", "seek" with a common-noun subject are
#: mostly not attributions in PolNeAR train.
GROUP_STANCE_VERBS = frozenset({"want", "support", "oppose", "endorse"})
STANCE_PRONOUNS = frozenset({"both", "most", "many", "some"})
#: A learned report with this share of its words inside another quote is nested in it.
NESTED_SHARE = 0.5


def pattern_lemmas(patterns: dict[str, frozenset[str]]) -> frozenset[str]:
    """The verb lemmas of ``lemma:complement`` patterns."""
    return frozenset(p.split(":")[0] for group in patterns.values() for p in group)


#: The lemmas of the learned patterns.
PATTERN_LEMMAS = pattern_lemmas(PATTERNS)


def nominal_content(verb: Token) -> Token | None:
    """The object ("cited the poll") or open complement ("vowed to fight") that a verb reports."""
    lemma = verb.lemma_
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subj is None and verb.dep_ == "conj":  # "X said ... and warned against Y"
        subj = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # ", Clinton said, citing a super PAC": the participle reports for its head's subject
        subj = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
    if subj is None:
        subj = participle_subject(verb)  # "angered voters by calling the plan …"
    if subj is None:
        return None
    if lemma in STANCE_VERBS and (
        subj.pos_ == "PROPN"
        or subj.lower_ in PERSON_PRONOUNS
        or (lemma in GROUP_STANCE_VERBS and (subj.pos_ in ("NOUN", "NUM") or subj.lower_ in STANCE_PRONOUNS))
    ):
        c = next((c for c in verb.rights if c.dep_ in ("dobj", "xcomp")), None)
        if c is not None:
            return c
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ == "dobj" and lemma in DOBJ_VERBS and not adverbial_object(c):
            return c
        if c.dep_ == "xcomp" and lemma in XCOMP_VERBS and subj.dep_ == "nsubj" and lemma not in RAISING_VERBS:
            return c  # not "is expected to", "seems to": their subject reports nothing
    # "bragged about his ties to the mayor", "testified about the meeting": a verb of saying reports
    # the topic of its "about"
    topic = lemma in REPORTING_VERBS
    for c in verb.rights:
        if c.dep_ == "prep" and ((lemma, c.lower_) in PREP_CUES or (topic and c.lower_ == "about")):
            obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj
    return None


def learned_content(verb: Token, patterns: dict[str, frozenset[str]] = PATTERNS) -> tuple[str, Token] | None:
    """The complement one of ``patterns`` (by default the learned ones) says ``verb`` reports, with the
    complement's kind."""
    group = subject_group(verb, by_type=True)
    if group is None:
        return None
    if group == "thing":
        # A named thing (a company, product, law) reports a clause as a person does, but its object only
        # when a common noun's would be reported too: "Acme offers a discount" is a sale, not a stance.
        pers, noun = patterns.get("pers", frozenset()), patterns.get("noun", frozenset())
        allowed = (pers & noun) | {p for p in pers if p.endswith((":ccomp", ":xcomp"))}
    else:
        allowed = patterns.get(group, frozenset())
    lemma = verb.lemma_.lower()
    for name, child in complements(verb):
        if f"{lemma}:{name}" in allowed:
            return name, child
    return None


class _Span(Protocol):
    start: int
    end: int
    learned: bool


_WORD = re.compile(r"\w+")
S = TypeVar("S", bound=_Span)


def drop_nested_learned(text: str, found: list[S]) -> list[S]:
    """Drop a learned report whose words lie mostly inside a quote found by a hand-written rule: the
    outer quote already holds it, and its own speaker would mostly be wrong."""
    kept = [f for f in found if not f.learned]
    covered: set[int] = set()
    for f in kept:
        covered.update(m.start() for m in _WORD.finditer(text, f.start, f.end))
    for f in found:
        if f.learned:
            words = [m.start() for m in _WORD.finditer(text, f.start, f.end)]
            if sum(w in covered for w in words) < NESTED_SHARE * len(words):
                kept.append(f)
    return kept


#: Verbs whose object is the person told, so a clause the parse hung on that object is what was told.
TOLD_VERBS = frozenset({"tell", "assure", "remind", "inform", "warn"})
#: Words that open a real relative clause ("told the forum that hosted him", "told a man who ...").
RELATIVIZERS = frozenset({"that", "which", "who", "whom", "whose", "where", "when", "why", "what"})
#: Prepositions of the setting or audience of a report ("said in an interview that ...", "said on
#: Tuesday that ...", "wrote to members that ..."), after which a "that"-clause is what was said.
SETTING_PREPS = frozenset({"in", "on", "at", "during", "after", "before", "to", "via", "through", "over"})
#: Dependencies of a clause the parse hangs on a noun instead of on the verb.
NOUN_CLAUSES = frozenset({"relcl", "acl", "ccomp"})


def told_clause(verb: Token) -> Token | None:
    """The clause of "told the panel she was against the levy", which the parse often takes for a
    relative clause of the object: one with its own subject and no relative word is what was told.
    A "that" that opens it is the conjunction of a told clause, not a relative pronoun, when the
    clause has a subject of its own after it ("told the radio station that she argued ..."). See also
    :func:`setting_clause`."""
    if verb.lemma_ not in TOLD_VERBS:
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    clause = next((c for c in obj.rights if c.dep_ == "relcl"), None)
    if clause is None:
        return None
    opener = clause.left_edge
    # "told the group that the army is depleted": a "that" before the clause's own subject (the parse
    # marks it as a conjunction, or as the object of a relative clause) opens no relative clause
    first = opener.i + 1 if opener.lower_ == "that" and opener.dep_ not in SUBJECTS else opener.i
    if any(c.lower_ in RELATIVIZERS for c in clause.children if first <= c.i < clause.i):
        return None
    subj = next((c for c in clause.children if c.dep_ in SUBJECTS and c.i < clause.i), None)
    if subj is None or subj.lower_ in RELATIVIZERS or subj.left_edge.i != first:
        return None
    return clause


def setting_clause(verb: Token) -> Token | None:
    """The "that"-clause of "said in an interview that ...", "told reporters on Tuesday that ...":
    the parse hangs it on the noun of a setting phrase after the verb; a "that" it tags as a
    conjunction (not a relative pronoun) before a subject of the clause's own opens what was said,
    when the clause closes the phrase."""
    if verb.lemma_ not in REPORTING_VERBS:
        return None
    for prep in verb.rights:
        if prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPS:
            continue
        for noun in prep.subtree:
            for clause in noun.rights:
                if clause.dep_ not in NOUN_CLAUSES or clause.right_edge.i != prep.right_edge.i:
                    continue
                opener = clause.left_edge
                if opener.lower_ != "that" or opener.dep_ != "mark" or opener.head.i != clause.i:
                    continue
                if any(c.dep_ in SUBJECTS and opener.i < c.i < clause.i for c in clause.children):
                    return clause
    return None


def object_clause(verb: Token) -> Token | None:
    """What was said when the parse hung it on the verb's object or setting (:func:`told_clause`,
    :func:`setting_clause`)."""
    return told_clause(verb) or setting_clause(verb)


#: Verbs of "As X noted, ..." that report the clause they modify; "as" with another verb is mostly
#: a time or a comparison ("as he spoke, ...", "as he promised").
AS_VERBS = words(
    "say note point write report argue explain observe state suggest acknowledge tell claim predict "
    "recall remark testify warn"
)


#: What may follow the verb of an "as"-aside: "as Politico reported on Monday", "as he told me".
ASIDE_DEPS = frozenset({"prep", "advmod", "npadvmod", "prt", "punct", "dobj", "dative"})


def joins(verb: Token) -> bool:
    """Whether a coordinating conjunction follows ``verb``'s clause (", he said, and ...")."""
    sdoc = verb.doc
    nxt = verb.i + 1
    while nxt < len(sdoc) and sdoc[nxt].is_punct:
        nxt += 1
    return nxt < len(sdoc) and sdoc[nxt].dep_ == "cc"


def as_clause(verb: Token) -> Token | None:
    """The clause of "As the minister noted, the border stays closed" (or "…, as he put it"): an
    "as"-clause with no object of its own reports the clause it modifies."""
    if verb.dep_ != "advcl" or verb.lemma_ not in AS_VERBS or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.lower_ != "it") for c in verb.children):
        return None  # "as he told reporters that ..." has its own content
    if not any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    if any(c.dep_ not in ASIDE_DEPS for c in verb.rights):
        return None  # "even as she says her budget makes her ...": not an aside
    return verb.head


def outside(verb: Token, left: Token, right: Token) -> tuple[Token, Token] | None:
    """The span ``left``..``right`` without ``verb``'s clause at its start or end (and its comma);
    None when the clause lies in the middle ("Ilves, even as she says ..., is ...": no aside)."""
    sdoc = verb.doc
    lo, hi = verb.left_edge.i, verb.right_edge.i
    if all(t.is_punct or t.dep_ in ("cc", "advmod", "mark") for t in sdoc[left.i : lo]):  # "Yet, as X noted"
        nxt = hi + 1
        while nxt < right.i and sdoc[nxt].is_punct:
            nxt += 1
        return sdoc[nxt], right
    if hi >= right.i - 1:
        prev = lo - 1
        while prev > left.i and sdoc[prev].is_punct:
            prev -= 1
        return left, sdoc[prev]
    return None


#: Forms of a reporting verb that need a subject: "said", "says" (not "saying", "to say", "say!").
TENSED = frozenset({"VBD", "VBZ"})
#: Words of a noun phrase walked over leftwards from its head.
NP_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "case"})


def lost_subject(verb: Token) -> tuple[int, int, Token] | None:
    """The speaker of a tensed reporting verb that the parse left without a subject (it made the name
    an object or a clause of its own): the noun phrase right before the verb ("... the Herald Varga
    said that ..."), or the one that opens the sentence when a comma aside ends right before the verb
    ("Varga, after a weak quarterly report, told Radio Nord that ..."), as (start, end, head)."""
    if verb.tag_ not in TENSED or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    sdoc = verb.doc
    after = _inverted_subject(verb)
    if after is not None:
        return after
    j = verb.i - 1
    while j >= 0 and sdoc[j].pos_ in ("AUX", "ADV") and sdoc[j].dep_ in ("aux", "advmod"):
        j -= 1  # "has also said"
    sent_start = verb.sent.start
    if j < sent_start:
        return None
    para = _paragraph_phrase(verb, sent_start, j)
    if para is not None:
        return para
    if sdoc[j].text == ",":
        j = sent_start  # the sentence opens with the speaker and an aside follows it
        end = j
        while end < verb.i and sdoc[end].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PART"):
            end += 1
        if end == j or end >= verb.i or sdoc[end].text != ",":
            return None
        head = sdoc[end - 1]
        start = j
    else:
        head = sdoc[j]
        start = j
        while start > sent_start and sdoc[start - 1].pos_ in ("PROPN",) and head.pos_ == "PROPN":
            start -= 1
        if head.pos_ == "NOUN" and head.tag_ != "NNS":
            return None  # "the report said": a singular common noun is rarely the lost subject
    if head.pos_ not in ("PROPN", "NOUN"):
        return None
    return sdoc[start].idx, head.idx + len(head.text), head


def _inverted_subject(verb: Token) -> tuple[int, int, Token] | None:
    """The name right after a report verb that ends a fronted content ("…, said Marta Quell, a buyer for
    Dunlin Inc."), when the parse ran the sentence on over the paragraph break (the abbreviation's stop
    ended no sentence) and hung the name on the next paragraph's verb: (start, end, head)."""
    sdoc = verb.doc
    if verb.i == 0 or sdoc[verb.i - 1].text not in (",", "”", "’", '"', "'"):
        return None
    end = verb.i + 1
    while end < len(sdoc) and sdoc[end].pos_ in ("PROPN", "DET", "ADJ") and "\n" not in sdoc[end].text:
        end += 1
    if end == verb.i + 1 or end == len(sdoc):
        return None
    head = sdoc[end - 1]
    if head.pos_ != "PROPN" or (sdoc[end].text not in (",", ".") and "\n" not in sdoc[end].text):
        return None
    if "\n" not in sdoc[verb.i : head.head.i].text and head.head.i > verb.i:
        return None  # the parse kept the name in this paragraph: its own reading stands
    return sdoc[verb.i + 1].idx, head.idx + len(head.text), head


def _paragraph_phrase(verb: Token, sent_start: int, j: int) -> tuple[int, int, Token] | None:
    """The phrase that opens the verb's paragraph when the parse ran the sentence back over the break
    before it (a quoted subhead with no stop above "The harbour master, who has kept the quay …, said
    that …") and hung that phrase on the line above: its words up to the first comma, whose root is
    a noun, as (start, end, head)."""
    sdoc = verb.doc
    if sdoc[j].text != ",":
        return None
    start = line_start(sdoc, sent_start, verb.i)
    if start is None:
        return None
    end = next((t.i for t in sdoc[start : verb.i] if t.text == ","), verb.i)
    if end in (start, verb.i):
        return None
    roots = [t for t in sdoc[start:end] if not start <= t.head.i < end or t.head.i == t.i]
    if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN"):
        return None
    head = roots[0]
    return sdoc[start].idx, sdoc[end - 1].idx + len(sdoc[end - 1].text), head
