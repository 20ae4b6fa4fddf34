"""The tense of the verb that governs a time expression, read from the dependency parse.

HeidelTime and SUTime resolve an underspecified date ("on Wednesday", "in March") by the tense of
the sentence; here the governing verb is found in the parse and its auxiliaries, its form and the
words that modify it decide:

- ``"future"``: "will present on Wednesday", "is to meet Friday", "is scheduled/set/due/expected to
  vote Monday", "plans to ... in March", "is due Wednesday", "Wednesday's scheduled vote", "the
  upcoming/coming/next ...", and a present progressive ("is meeting Friday");
- ``"present"``: a simple present of an event verb ("the case starts in March", "the tour stops
  there on July 22"), which news uses for scheduled events; the caller decides what it means;
- ``"past"``: a past form or a perfect ("was arrested Monday", "has said on Friday");
- ``None``: no verb, a reporting verb in the present ("officials say ... on Monday": the time of
  the report, not of the event), or a modal that says nothing about time ("could", "would").

``explicit`` is True when the future comes from a word that names it (an auxiliary, "scheduled",
"due", "upcoming"), strong enough to turn a possessive weekday ("Wednesday's budget", normally an
event already reported) forward.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Auxiliaries that put the verb after the publication date.
_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
#: "be <word> to <verb>": is scheduled to, is set to, is due to, is expected to, is going to ...
_FUTURE_FRAMES = frozenset(
    {"schedule", "set", "due", "expect", "go", "plan", "slate", "poise", "intend", "aim", "hope", "prepare"}
)
#: Verbs whose complement or object lies after the time of speaking ("plans to ... in March").
_FUTURE_VERBS = frozenset({"plan", "intend", "expect", "schedule", "prepare", "aim", "hope"})
#: Modifiers of a noun that make it a coming event ("Wednesday's scheduled vote").
_FUTURE_MODIFIERS = frozenset(
    {"scheduled", "upcoming", "coming", "planned", "proposed", "expected", "due", "forthcoming"}
)
#: Reporting and belief verbs: their time is the report's, and the date often belongs to what is
#: reported ("told companies of a cutback in September"), so their tense decides nothing.
_REPORTING = frozenset({
    "say", "tell", "report", "announce", "claim", "state", "write", "add", "estimate", "believe",
    "think", "warn", "predict", "insist", "argue", "confirm",
})  # fmt: skip
#: Present forms of "be" that carry a progressive or a "be to" frame.
_BE_PRESENT = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re"})
#: Past auxiliaries; a present perfect ("has extended ... through January") is left undecided.
_PAST_AUX = frozenset({"was", "were", "had", "did"})
#: Parse steps from the expression up to its governing verb before giving up.
MAX_CLIMB = 6


class Tense(NamedTuple):
    label: str | None
    explicit: bool = False
    lemma: str = ""  # the governing verb's lemma


def _is_future_frame(verb: Token) -> bool:
    """ "is scheduled to vote", "is due to present", "are going to meet", "is to meet"."""
    head = verb.head
    if verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children):
        if head.lemma_.lower() in _FUTURE_FRAMES and head.i != verb.i:
            return True
        if head.lemma_ == "be" and head.lower_ in _BE_PRESENT:
            return True  # "is to meet"
    return False


def _plan_in_past_perfect(verb: Token) -> bool:
    """ "had been due to run out Friday", "had been scheduled to end on Monday": a plan as it stood
    before something changed it; the day is usually already past."""
    head = verb.head
    return any(c.lower_ == "had" and c.dep_ == "aux" for tok in (head, head.head) for c in tok.children)


def _verb_tense(verb: Token) -> Tense:
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in aux}
    if _is_future_frame(verb) and _plan_in_past_perfect(verb):
        return Tense("past", True)  # decisive: the word cue "scheduled" / "due to" would say future
    if words & _FUTURE_AUX or _is_future_frame(verb):
        return Tense("future", True)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_VERBS:
        return Tense("future", True)
    if verb.lemma_.lower() == "due" or (verb.pos_ == "ADJ" and verb.lower_ in _FUTURE_MODIFIERS):
        return Tense("future", True)  # "the report is due Wednesday"
    if any(a.tag_ == "MD" for a in aux) or verb.lemma_.lower() in _REPORTING:
        return Tense(None)
    if words & _PAST_AUX or verb.tag_ == "VBD":
        return Tense("past")
    if verb.tag_ == "VBG" and words & _BE_PRESENT:
        return Tense("future", True)  # present progressive with a time: "is meeting Friday"
    finite_base = verb.tag_ == "VB" and not aux and any(c.dep_ == "nsubj" for c in verb.children)
    if (verb.tag_ in {"VBZ", "VBP"} or finite_base) and verb.pos_ == "VERB":
        return Tense("present", False, verb.lemma_.lower())
    return Tense(None)


#: Links by which an infinitive or a gerund hangs on the verb whose tense it shares: "will be
#: tasked with helping to mark their striker on Sunday" (mark <- helping <- tasked).
_NON_FINITE_LINKS = frozenset({"xcomp", "pcomp", "advcl"})


def _inherits_tense(verb: Token) -> bool:
    """A bare infinitive or gerund carries no tense: the verb it hangs on decides (as HeidelTime's
    sentence tense does). A participle modifying a noun ("the man arrested Monday") does not climb:
    its own form is past."""
    if verb.tag_ not in {"VB", "VBG"} or verb.dep_ not in _NON_FINITE_LINKS:
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass"} or c.tag_ == "MD" for c in verb.children)


def governing_tense(sdoc: Doc, start: int, end: int) -> Tense:
    """The tense of the verb (or the coming-event modifier) that governs ``text[start:end]``."""
    if not getattr(sdoc, "has_annotation", None) or not sdoc.has_annotation("DEP"):
        return Tense(None)  # no parser in this pipeline (or a stand-in Doc): the word cues decide
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Tense(None)
    tok = span.root
    inherited = False  # climbing from a "to" infinitive (through gerunds) to the verb it hangs on
    for _ in range(MAX_CLIMB):
        for child in tok.children:
            if child.lower_ in _FUTURE_MODIFIERS and child.dep_ == "amod" and tok.pos_ in {"NOUN", "PROPN"}:
                return Tense("future", True)  # "Wednesday's scheduled vote", "the upcoming debate"
        if tok.pos_ in {"VERB", "AUX"} or (tok.pos_ == "ADJ" and tok.dep_ in {"ROOT", "acomp"}):
            tense = _verb_tense(tok)
            if inherited and not (tense.label is None and _inherits_tense(tok)):
                # What an infinitive or gerund names happens at or after its head's time: a future
                # auxiliary carries over, a past one does not ("placed orders to start trading in
                # November"), nor a progressive ("is continuing to try ... under a June agreement").
                auxes = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
                named = bool(auxes & _FUTURE_AUX) or _is_future_frame(tok)
                return tense if tense.label == "future" and named else Tense(None)
            # The climb starts only from a "to" infinitive: a gerund's own act may lie before its
            # head ("will earn a prize for fixing Friday's leak").
            to_infinitive = tok.tag_ == "VB" and any(
                c.lower_ == "to" and c.dep_ == "aux" for c in tok.children
            )
            if tense.label is not None or not (to_infinitive or inherited) or not _inherits_tense(tok):
                return tense
            inherited = True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return Tense(None)
