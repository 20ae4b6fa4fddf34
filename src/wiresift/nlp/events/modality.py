"""Negation and hypotheticality of an event trigger.

An event is *negated* when its trigger carries a negation ("did not attack", "no talks") or a verb
of denial governs it ("denied attacking"). It is *hypothetical* when it has not (yet) happened:
``future`` (will, shall), ``conditional`` (would, could, might; an "if" clause), ``planned`` (a
governing plan, intend, prepare, agree ...; "the planned drills"; drills "being planned"),
``threatened`` (a governing threaten or warn, a threat of), ``requested`` (a governing call for, urge,
demand: "called for a ceasefire") or ``denied`` (a governing deny). A governing "fail to" ("failed to
retake the town"), a governing "thwart", "foil", "prevent" or "avert" ("foiled a plot to bomb the
station"), or a subject or object that is no one ("no one was killed") negates it. An "if" or "unless"
clause on the trigger makes it conditional, even with "will" ("will attack if the talks fail"); an
event noun that is the subject of a modal verb takes its modality ("fighting could resume"), and a
verb coordinated with no subject or auxiliary of its own takes its first conjunct's ("would reject
the plan and punish him"). A
governing "reject" denies as "deny" does ("rejected reports that soldiers had killed civilians"), a
governing "avoid" or "evade" negates ("avoided arrest"), and so does a "no evidence" or "no reports"
phrase ("there were no reports of clashes").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.events.lexicon import (
    COMMITTED,
    CONDITIONAL_AUX,
    DENIED,
    FAILED,
    FUTURE_AUX,
    INTENT_ADJ,
    NOBODY,
    OBLIGATION_AUX,
    PLANNED,
    PLANNED_ADJ,
    REQUESTED,
    SPEECH_VERBS,
    THREATENED,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs whose object is an event that did not happen to their subject, the event's would-be target
#: ("avoided arrest", "evaded capture", "escaped extradition").
AVOID_VERBS = frozenset({"avoid", "evade", "escape", "dodge", "elude"})

#: Dependencies through which a verb governs the event below it ("plans to hold drills").
_GOVERNED = frozenset({"xcomp", "ccomp", "dobj", "nsubjpass", "pcomp", "pobj", "acl", "advcl"})


def _conditioned(tok: Token) -> bool:
    """An "if"/"unless" clause hangs on ``tok``: "will attack if the talks fail"."""
    sdoc = tok.doc
    cache = doccache.of(sdoc)  # relations read from the document's arrays: no Token for other words
    deps = cache.deps
    return any(
        deps[c] == "advcl"
        and any(deps[m] == "mark" and sdoc[m].lower_ in {"if", "unless"} for m in cache.children(c))
        for c in cache.children(tok.i)
    )


def _nobody(tok: Token) -> bool:
    """The subject or object of ``tok`` is no one: "no one was killed", "killed nobody"."""
    cache = doccache.of(tok.doc)  # read from the document's arrays: no Token made
    deps, lowers = cache.deps, cache.lowers
    return any(
        deps[c] in {"nsubj", "nsubjpass", "dobj"}
        and (lowers[c] in NOBODY or any(deps[d] == "det" and lowers[d] == "no" for d in cache.children(c)))
        for c in cache.children(tok.i)
    )


def _aux(tok: Token) -> str | None:
    if _conditioned(tok):
        return "conditional"
    sdoc = tok.doc
    cache = doccache.of(sdoc)
    for j in cache.children(tok.i):
        dep = cache.deps[j]
        if dep in {"aux", "auxpass"}:
            word = sdoc[j].lower_
            if word in FUTURE_AUX:
                return "future"
            if word in CONDITIONAL_AUX:
                return "conditional"
        if dep == "mark" and sdoc[j].lower_ in {"if", "unless"}:
            return "conditional"
    return None


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "neg" for c in tok.head.children)


#: Verbs of denial beyond the lexicon's: "rejected reports that soldiers had killed civilians".
DENIAL_VERBS = frozenset({*DENIED, "reject", "rebut", "disprove", "contest"})
#: Nouns of evidence: "no evidence/sign/report of an attack" says there was none.
EVIDENCE_NOUNS = frozenset({"evidence", "sign", "report", "indication", "proof", "trace", "record",
                            "word", "confirmation", "suggestion"})  # fmt: skip


def _no_evidence(tok: Token) -> bool:
    """``tok`` is what a "no evidence"/"no reports" phrase says there is none of: "there were no
    reports of clashes", "no evidence the man had been attacked"."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in {"pobj", "prep", "acl", "ccomp", "relcl"} or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in EVIDENCE_NOUNS:
            return any((c.dep_ == "det" and c.lower_ == "no") or c.dep_ == "neg" for c in cur.children)
    return False


def _shared_head(verb: Token) -> Token:
    """The first of coordinated verbs when ``verb`` has no subject or auxiliary of its own, else itself."""
    tok = verb
    while (
        tok.dep_ == "conj"
        and tok.pos_ == "VERB"
        and tok.head.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in tok.children)
    ):
        tok = tok.head
    return tok


def modality(trigger: Token) -> tuple[bool, str | None]:
    """(negated, hypothetical) of the event whose trigger is ``trigger``."""
    cache = doccache.of(trigger.doc)  # the children's relations and forms read from the arrays
    deps, lowers = cache.deps, cache.lowers
    negated = any(
        deps[c] == "neg" or (deps[c] == "det" and lowers[c] == "no") for c in cache.children(trigger.i)
    )
    negated = negated or (trigger.pos_ == "VERB" and _nobody(trigger)) or _no_evidence(trigger)
    # a verb coordinated under another's auxiliary and subject shares them: "would reject the plan and
    # punish him", "will meet and sign"
    base = _shared_head(trigger)
    hypothetical = _aux(trigger) or (_aux(base) if base is not trigger else None)
    if (
        trigger.pos_ == "NOUN"
        and trigger.dep_ in {"nsubj", "nsubjpass"}
        and trigger.head.pos_ in {"VERB", "AUX"}
    ):
        hypothetical = hypothetical or _aux(trigger.head)  # "fighting could resume", "talks will begin"
    if trigger.pos_ == "NOUN" and any(c.lemma_.lower() in PLANNED_ADJ for c in trigger.children):
        hypothetical = hypothetical or "planned"
    tok = base
    for _ in range(3):  # the verbs above: "said it would plan to hold drills"
        if tok.dep_ not in _GOVERNED or tok.head.i == tok.i:
            break
        head = tok.head
        if head.pos_ == "ADP":  # "the drills planned for May": step over the preposition
            head = head.head
        lemma = head.lemma_.lower()
        if lemma in DENIAL_VERBS:
            return True, "denied"
        if lemma in THREATENED:
            return negated, hypothetical or "threatened"
        if lemma in FAILED or lemma in AVOID_VERBS:  # "failed to retake", "avoided arrest"
            return True, hypothetical
        if lemma in REQUESTED:
            return negated, hypothetical or "requested"
        if lemma in COMMITTED:
            return negated, hypothetical or "future"
        if lemma in PLANNED:
            return negated, hypothetical or "planned"
        if lemma in INTENT_ADJ and head.pos_ == "ADJ":  # "is willing to send", "ready to host"
            return negated or _negated(head), hypothetical or _aux(head) or "future"
        hypothetical = hypothetical or _aux(head)
        if head.pos_ in {"VERB", "AUX"} and head.dep_ in {"ROOT"}:
            break
        tok = head
    return negated, hypothetical


def obligation(trigger: Token) -> Token | None:
    """The speaker's head when the trigger's clause is what someone says another must do ("Russia said
    Sudan must return the helicopter": Russia), else None. The event is then the speaker's demand."""
    if trigger.dep_ != "ccomp" or trigger.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in trigger.children):
        return None
    speaker = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
    subject = next((c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if speaker is None or subject is None or speaker.lower_ == subject.lower_:
        return None
    return speaker


#: Modals of ability and possibility: "could not agree" says the act failed, not that it was refused.
ABILITY_AUX = frozenset({"could", "might", "may", "can", "ca"})


def unable(trigger: Token) -> bool:
    """The trigger carries a modal of ability or possibility ("could not agree", "cannot accept")."""
    return any(c.dep_ == "aux" and c.lower_ in ABILITY_AUX for c in trigger.children)
