"""Where an indirect content starts and ends: stretching objects and infinitives over what belongs
to them, cutting clauses before tails that are not said, and contents after a colon.

Split from :mod:`quotes`; every rule here was measured on PolNeAR dev and train (``docs/quotes.md``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.quotes.cues import CUE_VERBS
from wiresift.nlp.quotes.indirect import HAND_CUES, RELATIVIZERS
from wiresift.nlp.quotes.marks import Marked
from wiresift.nlp.quotes.speaker import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions that open a time or place phrase after an object, not part of what was said
#: (stretching objects over them lost 0.001 recall and 0.004 precision on dev).
NOT_ABOUT = frozenset({"on", "at", "in", "during", "after", "before"})
#: Prepositions of a stance verb's own argument ("accused X of …", "blamed X for …", "warned X about …").
OWN_PREPS = frozenset({"of", "for", "about", "over"})
#: Entity types of a prepositional object that make the phrase a when or where.
SETTING_TYPES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
#: Subordinators of a concession, which the gold leaves out of the content it follows.
CONCESSIVE = frozenset({"although", "though", "while", "whereas"})
#: Marks that break a sentence: what follows one (and closes the content) is an aside of the writer
#: ("... — the highest cost in years"), unless another closes the aside ("X — a member — won").
BREAKS = frozenset({";", "—", "―", "--"})
#: Fewer words after a colon are a label, not a report.
MIN_COLON_WORDS = 3
#: An expectation shorter than this ("he is expected to win") carries too little to report.
MIN_EXPECTED_WORDS = 5
_WORD = re.compile(r"\w+")


def object_tail(verb: Token, right: Token) -> Token:
    """Stretch an object content over the prepositional phrases right after it that say what the
    stance is about ("blamed the officer for shooting a man", "called bigwigs to the stage"), but
    not over a time or place ("on Tuesday", "in Ohio")."""
    last = right  # the last token walked over, a setting included
    for c in verb.rights:
        if c.i <= right.i:
            continue
        if c.i != last.i + 1 or c.dep_ != "prep":
            break
        obj = next((o for o in c.children if o.dep_ == "pobj"), None)
        if c.lower_ in NOT_ABOUT or (obj is not None and obj.ent_type_ in SETTING_TYPES):
            last = c.right_edge  # "accused the forces in the south of …": the setting stays if the
            continue  # verb's own argument follows it
        if last.i != right.i and c.lower_ not in OWN_PREPS:
            break
        right = last = c.right_edge
    return right


def infinitive_tail(verb: Token, right: Token) -> Token:
    """ "wants to expand the network, hire drivers and build a depot": the parse hangs the bare verbs
    on "wants", but their form says they go on with the infinitive."""
    for c in verb.rights:
        base = c.tag_ == "VB" or (c.tag_ == "VBP" and verb.tag_ in ("VBZ", "VBD"))
        if c.dep_ == "conj" and base and not any(g.dep_ in SUBJECTS for g in c.children):
            right = c.right_edge
    return right


def cut_tail(verb: Token, comp: Token, right: Token, conjoined: dict[int, Token]) -> Token:
    """The last token of a content that ends before a tail the gold does not count as said: a
    reporting verb that has no subject of its own ("X said he would act and warned against Y",
    "..., citing a report": X warned and cited, so ``conjoined`` maps that verb to ``verb``), another
    report ("..., and Y warned that ..."), a non-restrictive relative clause ("praised the plan,
    which includes a tax"), a concession after a comma ("..., although he refused to ..."), a clause
    with its own subject after ", but", or an apposition that closes the content ("with NATO, the
    alliance of ...")."""
    sdoc = verb.doc
    # read from the document's arrays: a Token is made only for a word that may end the content
    cache = doccache.of(sdoc)
    lefts, rights = cache.edges()
    deps, texts, lowers, pos = cache.deps, cache.texts, cache.lowers, cache.pos
    children = cache.children
    has_subject = any(g.dep_ in SUBJECTS for g in comp.children)
    for i in range(comp.i + 1, right.i + 1):
        left = lefts[i]
        if left <= comp.i:
            continue
        after_comma = texts[left - 1] == ","
        dep = deps[i]
        verbal = pos[i] == "VERB"
        lemma = sdoc[i].lemma_ if verbal else ""
        # (a subject of its own matters only to a conjunct or a reporting verb)
        own_subject = (dep == "conj" or lemma in HAND_CUES) and any(deps[g] in SUBJECTS for g in children(i))
        if (
            verbal
            and lemma in HAND_CUES
            and not own_subject
            and (
                (dep == "conj" and sdoc[i].head.i == comp.i and has_subject)
                or (dep == "advcl" and sdoc[i].tag_ == "VBG" and after_comma)
            )
        ):
            conjoined[i] = verb
        elif not (
            (dep == "relcl" and after_comma and rights[i] >= right.i - 1)
            or (verbal and dep == "conj" and lemma in CUE_VERBS and own_subject)
            or (  # "said A, but he refuses to ...": a clause with its own subject after ", but"
                dep == "conj"
                and own_subject
                and left >= 2
                and lowers[left - 1] == "but"
                and texts[left - 2] == ","
            )
            or (dep == "appos" and after_comma and rights[i] >= right.i - 1)  # ", the alliance of ..."
            or (
                dep == "advcl"
                and after_comma
                and any(deps[g] == "mark" and lowers[g] in CONCESSIVE for g in children(i))
            )
            or (
                texts[left - 1] in BREAKS and rights[i] >= right.i - 1 and _opens_aside(comp, left - 1, right)
            )
        ):
            continue
        return _end_before(comp, left, right)
    return right


#: Verbs that close a sentence of reported speech ("..., the agency said"); a verb of stance there
#: ("In June, he urged ...") has its own object.
FRONTING_VERBS = frozenset(
    {
        "say", "add", "write", "tell", "report", "explain", "argue", "claim", "insist", "reveal",
        "announce", "confirm", "state", "note", "warn", "stress", "estimate", "disclose",
    }
)  # fmt: skip
#: Dependencies of the words of a title the parse split off its subject ("Chief of the … (CSTO)").
TITLE_DEPS = frozenset(
    {"compound", "prep", "pobj", "det", "amod", "npadvmod", "punct", "appos", "conj", "nmod", "poss", "case"}
)
#: Longest stretch of such words walked over (a rank, an office and an organisation's name).
MAX_TITLE_TOKENS = 16
#: Dependents after the verb that are its content, so nothing before it is.
OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "oprd", "dative", "acomp"})


def fronted_span(verb: Token) -> tuple[int, int, int] | None:
    """The clause before "..., he said" when the parse hangs it nowhere the verb can reach ("Talks
    would take weeks, he said, and ..."; "The bottom fifth paid 1 percent, the agency said"): from
    the start of the sentence to the comma before the verb's own subject, which sits right before
    it, as (start, end, start of the speaker phrase). The parse may cut a long title short and
    even start a sentence inside it ("…, Chief of the Russia-led Treaty Organisation (CSTO) Joint
    Staff revealed"): the speaker phrase then runs back over the rest of the title to the comma."""
    sdoc = verb.doc
    if verb.lemma_ not in FRONTING_VERBS or any(c.dep_ in OBJECTS for c in verb.rights):
        return None  # ("At the debate, she cited the report": the verb's own object is the content)
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.right_edge.i != verb.i - 1:
        return None
    comma = subj.left_edge.i - 1
    while (
        comma > 0
        and subj.left_edge.i - comma <= MAX_TITLE_TOKENS
        and sdoc[comma].dep_ in TITLE_DEPS
        and sdoc[comma].text != ","
        and "\n" not in sdoc[comma].text
    ):
        comma -= 1
    first = sdoc[comma].sent.start
    if comma <= first or sdoc[comma].text != ",":
        return None
    part = sdoc[first:comma]
    if any(t.is_quote or t.text in BREAKS or "\n" in t.text for t in part):
        return None  # a quote is the marks' business; a break or paragraph is another sentence
    if subj.lower_ in RELATIVIZERS or any(t.dep_ == "mark" or t.tag_ == "WRB" for t in part[:2]):
        return None  # "When Congress cut the funds, Mexico said ...": a dependent clause is not said
    if not any(t.dep_ in SUBJECTS and t.head.pos_ in ("VERB", "AUX") for t in part):
        return None  # a clause is said, not a phrase
    last = sdoc[comma - 1]
    return sdoc[first].idx, last.idx + len(last.text), sdoc[comma + 1].idx


def _opens_aside(comp: Token, at: int, right: Token) -> bool:
    """Whether the break at token ``at`` opens an aside that runs to the end of the content, rather
    than closing one opened earlier or opening one closed later."""
    sdoc = comp.doc
    before = sum(1 for t in sdoc[comp.left_edge.i : at] if t.text in BREAKS)
    after = sum(1 for t in sdoc[at + 1 : right.i + 1] if t.text in BREAKS)
    return before % 2 == 0 and after == 0


def _end_before(comp: Token, stop: int, right: Token) -> Token:
    """The last word token before token ``stop`` (conjunctions and punctuation dropped)."""
    sdoc = comp.doc
    end = stop - 1
    while end > comp.i and (sdoc[end].dep_ == "cc" or sdoc[end].is_punct):
        end -= 1
    return sdoc[end] if end >= comp.left_edge.i else right


def _para_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end == -1 else end


def after_colon(text: str, verb: Token, marks: list[Marked]) -> tuple[int, int] | None:
    """ "The mayor added: It's just like him. He never reads the memos.": what follows the colon, to the
    end of the paragraph, or the next paragraph when the colon ends one (a quoted one is left to the
    quote marks)."""
    sdoc = verb.doc
    if verb.lemma_ not in CUE_VERBS or verb.i + 1 >= len(sdoc) or sdoc[verb.i + 1].text != ":":
        return None
    start = sdoc[verb.i + 1].idx + 1
    end = _para_end(text, start)
    if not text[start:end].strip():  # the colon ends its paragraph: the next one is said
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
        end = _para_end(text, start)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if text[start : start + 1] in ('"', "“", "'") or any(m.start <= start < m.end for m in marks):
        return None
    if sum(1 for _ in _WORD.finditer(text, start, end)) < MIN_COLON_WORDS:
        return None
    return start, end


#: "X is expected to ...": PolNeAR counts it as an attribution with no source, the content being the
#: subject and the infinitive. "seems to"/"appears to" are too, but only 0.65 of ours were right on
#: train, below the layer's precision.
EXPECTING = frozenset({"expect"})
#: Passive reports with no agent that hold their content the same way, the subject and what the
#: infinitive says of it ("the trawlers are thought to be stuck", "he is said to be ill"), or the subject
#: and an "as"/"at" phrase for a view or an estimate ("the closure is seen as a mistake", "the crowd is
#: estimated at 40,000"): an attribution with no source, as the team's gold and PolNeAR count them.
PASSIVE_REPORTS = frozenset({"believe", "think", "say", "report", "rumor", "rumour", "estimate"})
#: Passive views whose content is the subject and the "as" phrase ("was widely seen as a rebuke").
PASSIVE_VIEWS = frozenset({"see", "regard", "view", "estimate"})


def _passive_comp(verb: Token) -> Token | None:
    """What a passive report says of its subject: an infinitive, or the "as"/"at" phrase of a view."""
    lemma = verb.lemma_
    for c in verb.rights:
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c if lemma in EXPECTING | PASSIVE_REPORTS else None
        if c.dep_ == "prep" and lemma in PASSIVE_VIEWS and c.lower_ in ("as", "at") and c.n_rights:
            if c.lower_ == "at" and lemma != "estimate":
                return None
            return c
    return None


def expected_span(text: str, verb: Token) -> tuple[int, int] | None:
    """The content of an expectation, from the subject to the end of the infinitive ("the rules are
    expected to take effect"), within the verb's paragraph; likewise a passive report with no agent
    (:data:`PASSIVE_REPORTS`, :data:`PASSIVE_VIEWS`)."""
    if verb.lemma_ not in EXPECTING and verb.lemma_ not in PASSIVE_REPORTS | PASSIVE_VIEWS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if verb.lemma_ not in EXPECTING and (
        not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children)
    ):
        return None
    comp = _passive_comp(verb)
    if subj is None or comp is None:
        return None
    if subj.lower_ in ("it", "there") or subj.lower_ in RELATIVIZERS:
        return None  # "it is expected to": no content of its own; "which is expected to": an aside
    start = max(subj.left_edge.idx, text.rfind("\n", 0, verb.idx) + 1)
    end = comp.right_edge.idx + len(comp.right_edge.text)
    if sum(1 for _ in _WORD.finditer(text, start, end)) < MIN_EXPECTED_WORDS:
        return None
    return start, end


#: Subordinators of a clause that a quoted phrase's sentence goes on with but that is not said
#: ("…, as he deflected attacks"): the concessions and "as".
ASIDE_MARKS = CONCESSIVE | {"as"}


def quote_tail(verb: Token, last: int, end: int) -> int:
    """The end (a character offset) of a mixed quote whose quoted phrase ends at token ``last``, cut
    before the first tail after the phrase that is not said: a subordinate clause after a comma
    ("… “one country” formula, while the police deny …", "… his “duty” to report, as he deflected
    …") or a reporting verb joined on without a subject ("… the term “amigos” and added, “…”").
    ``end`` when none. (A setting of the framing verb, "chanted “…” in a hallway", stays: cutting it
    lost direct recall on PolNeAR dev.)"""
    sdoc = verb.doc
    for t in sdoc[last + 1 :]:
        if t.idx >= end:
            break
        clause = (
            t.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in ASIDE_MARKS for c in t.children)
            and any(p.text == "," for p in sdoc[max(0, t.left_edge.i - 2) : t.left_edge.i])
        )
        joined = (
            t.dep_ == "conj"
            and t.pos_ == "VERB"
            and t.lemma_ in CUE_VERBS
            and not any(c.dep_ in SUBJECTS for c in t.children)
        )
        if clause or joined:
            stop = t.left_edge.i - 1
            while stop > last and (sdoc[stop].is_punct or sdoc[stop].dep_ == "cc"):
                stop -= 1
            return min(end, sdoc[stop].idx + len(sdoc[stop].text))
    return end
