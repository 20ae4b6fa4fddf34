"""Does a coded trigger report something that happened (or is flagged as planned, threatened, ...)?

The triggers and their eventive checks (:mod:`~wiresift.nlp.events.eventive`) say whether a word can
be an event; the checks here say whether the sentence asserts one. A trigger is no event when:

- **it sits in a question**: "What charges does he face?" asks, it reports nothing;
- **it is only attempted, wanted or out of reach**: the to-infinitive (or "-ing" complement) of a
  verb or adjective of trying, failing, wanting or being able ("tried to steal", "failed to contain",
  "wants Spain to deport", "not able to end", "in an attempt to block") did not happen. An
  attempted attack is still an attack (ACLED codes it): ASSAULT survives "tried to" and "attempt";
- **it is that frame itself**: "failed to do so", "struggled to contain" code nothing of their own;
- **it names a kind, not an occurrence**: "a form of boycott", "a kind of blockade";
- **it is a habit or a state, not an occurrence**: a relative clause in the simple present ("the
  colonel, who heads the unit", "a firm which ships arms") describes who someone is; a simple-present
  verb whose subject is a bare plural ("sanctions hurt exporters", "guidelines recommend") states a
  generality. The progressive and the perfect ("who are suing", "who have attacked") stay events,
  and so does a stance taken in words, which the present reports as standing ("Assange, who denies
  the charge", "the US, which accuses him");
- **it is a gerund named as a topic**: the subject of its clause ("reaching a truce has remained
  elusive") or the complement of an adjective ("wary of offering concessions");
- **it is asked about or bidden**: a clause opened by "whether" ("uncertain whether the army
  attacked"), an "if" clause that is a verb's object ("asked if he had been arrested"), or a verb in
  the imperative ("go out and vote", "tell them to leave") reports nothing that happened;
- **it is only believed to be coming**: a modal complement of a verb of belief ("he thought voters
  would punish him", "they fear he may withdraw") is nobody's plan, threat or promise.

The stage also drops an intention that nobody intends: an event in the future or the conditional is
coded as PLOVER's AGREE or THREATEN of its source ("Moscow was prepared to supply"); with no source
("talks would resume", "peace would allow the withdrawal") no one expresses it. A to-infinitive of
purpose ("launched a mission to rescue the miners", "sent experts to investigate") is kept as a
``planned`` event (:func:`purpose`): what an act was for has not happened by being named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp import doccache

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Verbs, adjectives and nouns whose complement is only attempted, wished or out of reach.
UNREALISED_HEADS = frozenset({
    "try", "attempt", "fail", "struggle", "want", "wish", "hope", "seek", "able", "unable", "pray",
    "unlikely", "bid", "effort", "aim", "strive", "endeavour", "endeavor", "desire", "dream", "option",
    "chance",
})  # fmt: skip
#: Of those, the heads of an attempt: an attempted attack is an attack.
ATTEMPT_HEADS = frozenset({"try", "attempt", "bid", "effort", "strive"})
#: Frame verbs that code nothing of their own when they govern a complement.
FRAME_VERBS = frozenset({"try", "attempt", "fail", "struggle", "want", "wish", "hope", "seek", "strive"})
#: Nouns of kind: an event noun in their "of" phrase names a kind of event ("a form of protest").
KIND_NOUNS = frozenset({"form", "kind", "type", "sort", "means", "method", "matter", "brand", "style"})
#: Verbs of belief: a modal clause they govern is a guess about the future, not an intention.
BELIEF_VERBS = frozenset({"think", "believe", "expect", "fear", "assume", "suppose", "imagine", "doubt",
                          "worry", "predict", "suspect", "guess", "reckon", "anticipate"})  # fmt: skip
#: Modal auxiliaries of a guess.
_MODALS = frozenset({"will", "would", "could", "may", "might", "can", "shall", "'ll", "wo", "ca"})
#: Categories of a stance taken in words: their simple present reports a standing position.
STANCE_CATEGORIES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})
#: Verbs whose simple past is their base form ("villagers beat a man"): a "present" tag on them may
#: be the past, so no habit is read from it.
SAME_PAST = frozenset({"beat", "hit", "cut", "put", "set", "shut", "spread", "hurt", "let", "cast", "burst",
                       "quit", "split", "thrust", "bet", "bid", "broadcast", "cost", "rid", "shed", "slit",
                       "upset", "read", "forecast", "offset"})  # fmt: skip
#: Penn tags of the simple present.
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
#: Dependencies that lead from a complement up to what governs it.
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "advcl", "pcomp", "prep", "pobj", "acomp", "conj"})


def _governor(tok: Token) -> Token | None:
    """The word of trying, wanting or ability that ``tok`` is the complement of, within three steps
    ("tried to steal", "in an attempt to block", "not able to end"), else None."""
    first = tok.head if tok.dep_ == "conj" else tok  # "to climb down and yield"
    if first.i not in doccache.of(tok.doc).heads_of("aux", "to") and first.dep_ != "pcomp":
        return None  # no "to" of its own (read from the arrays: no Token made for its children)
    cur = first
    for _ in range(3):
        if cur.dep_ not in _COMPLEMENT_DEPS or cur.head.i == cur.i:
            return None
        if cur.dep_ == "conj":
            return None
        cur = cur.head
        if cur.lemma_.lower() in UNREALISED_HEADS:
            return cur
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ not in {"xcomp", "acl", "pcomp"}:
            return None
    return None


def question(trigger: Token, sent: Span) -> bool:
    """The stretch of the sentence from the trigger to its first stop ends in a question mark."""
    rest = doccache.of(sent.doc).text[trigger.idx : sent.end_char]  # doc.text is rebuilt on every read
    stops = [i for i in (rest.find(c) for c in ".?!") if i >= 0]
    return bool(stops) and rest[min(stops)] == "?"


def purpose(tok: Token) -> bool:
    """``tok`` is a to-infinitive of purpose, on a verb or a noun ("sent experts to investigate", "in
    order to calm the region", "a mission to rescue the miners"): what an act is for, not what
    happened."""
    return (
        tok.dep_ in {"advcl", "acl"}
        and tok.i in doccache.of(tok.doc).heads_of("aux", "to")  # a "to" of its own
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
    )


def _first_conjunct(tok: Token) -> Token:
    """The first of coordinated verbs ("would reject the plan and punish him" -> reject)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ in {"VERB", "AUX"}:
        tok = tok.head
    return tok


def habitual(trigger: Token) -> bool:
    """A simple-present verb with no auxiliary that describes a habit or a state: in a relative clause
    ("who heads the unit") or with a bare plural subject ("sanctions hurt exporters")."""
    if trigger.pos_ != "VERB" or trigger.tag_ not in _PRESENT_TAGS or trigger.lower_ in SAME_PAST:
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in trigger.children):
        return False
    first = _first_conjunct(trigger)
    if first.dep_ == "relcl" and (first is trigger or first.tag_ in _PRESENT_TAGS):
        return True
    subject = next((c for c in first.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None
        and subject.tag_ == "NNS"
        and not subject.ent_type_
        and not any(c.dep_ in {"det", "poss", "nummod"} for c in subject.children)
    )


def topic_gerund(trigger: Token) -> bool:
    """A gerund that names an act as a topic: the subject of a clause ("reaching a truce has remained
    elusive") or the complement of an adjective ("wary of offering concessions")."""
    if trigger.tag_ != "VBG":
        return False
    if trigger.dep_ in {"csubj", "nsubj"}:
        return True
    return trigger.dep_ == "pcomp" and trigger.head.dep_ == "prep" and trigger.head.head.pos_ == "ADJ"


def believed_only(trigger: Token) -> bool:
    """A modal clause governed by a verb of belief: "thought voters would punish him"."""
    first = _first_conjunct(trigger)
    return (
        first.dep_ == "ccomp"
        and first.head.lemma_.lower() in BELIEF_VERBS
        and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in first.children)
    )


def asked_or_bidden(trigger: Token) -> bool:
    """A verb in an embedded question ("whether the army attacked", "asked if he had left") or in the
    imperative ("go out and vote"): no report of an occurrence."""
    if trigger.pos_ != "VERB":
        return False
    first = _first_conjunct(trigger)
    cache = doccache.of(trigger.doc)  # the children's relations and words read from the arrays
    deps, kids = cache.deps, cache.children(first.i)
    marks = {cache.lowers[j] for j in kids if deps[j] == "mark"}
    if "whether" in marks or ("if" in marks and first.dep_ == "ccomp"):
        return True
    return (
        first.tag_ == "VB"
        and first.dep_ in {"ROOT", "ccomp", "parataxis"}
        and not any(deps[j] in {"nsubj", "nsubjpass", "aux", "auxpass", "expl"} for j in kids)
    )


def occurred(trigger: Token, sent: Span, category: str | None) -> bool:
    """Whether the sentence asserts the event of ``trigger`` (see the module's cases)."""
    if question(trigger, sent) or topic_gerund(trigger) or believed_only(trigger) or asked_or_bidden(trigger):
        return False
    if category not in STANCE_CATEGORIES and habitual(trigger):
        return False
    lemma = trigger.lemma_.lower()
    if lemma in FRAME_VERBS and any(c.dep_ in {"xcomp", "ccomp"} for c in trigger.children):
        return False
    head = _governor(trigger)
    if head is not None and not (category == "ASSAULT" and head.lemma_.lower() in ATTEMPT_HEADS):
        return False
    return not (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ == "of"
        and trigger.head.head.lemma_.lower() in KIND_NOUNS
    )
