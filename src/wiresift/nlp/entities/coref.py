"""Resolve a quote's local speaker mention ("Sidorov", "he", "the company", "the Russian General")
to an entity of the document, with a probability, or abstain.

Order: an office mention goes to the one person whose titles share most of its words
(:func:`~wiresift.nlp.entities.coref_rules.titled_person`); a mention holding a name or a nominal
the entities stage indexed ("The minister Anna Berg", "the Russian General" matched by title) is
that entity; a pronoun or another definite nominal goes to the learned mention-ranking model
(:mod:`coref_model`), which abstains under its dev-chosen threshold. For "he"/"she" and nominals the
rules (which know the quotes around the mention) answer and the model tells how sure that is; a
"they" is the model's alone. Without a parse (an index built by
hand) the earlier rules (:func:`~wiresift.nlp.entities.coref_rules.resolve_rules`) answer.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Token

from wiresift.nlp.entities.coref_model import DocCoref, load_weights
from wiresift.nlp.entities.coref_rules import (
    FOLLOW_ON_CHARS,
    Speaker,
    coordinated,
    full_person,
    named_at,
    resolve_rules,
    titled_person,
)
from wiresift.nlp.entities.given_names import name_gender, name_lean
from wiresift.nlp.entities.index import EntityIndex
from wiresift.nlp.entities.lexicon import PERSON_PRONOUNS, PLURAL_PRONOUNS
from wiresift.nlp.entities.mentions import SUBJECT_DEPS
from wiresift.nlp.entities.namesakes import namesakes
from wiresift.nlp.entities.salience import UNNAMED, subject_antecedent, unnamed_group
from wiresift.nlp.textmarks import inside_marks

__all__ = [
    "CorefEvidence",
    "Speaker",
    "coref_evidence",
    "doc_coref",
    "named_in_own_words",
    "resolve",
    "resolve_scored",
    "titled_person",
]

#: Pronouns that tell the gender of the person they mean.
GENDERED_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
#: The confidence of a rule answer when no parse was at hand to score it, or the model saw no anaphor.
RULE_CONFIDENCE = 0.5
#: ...when the model picks the same entity as the rules, at least this.
AGREED_CONFIDENCE = 0.8
#: ...when the model picks another entity (or abstains) the rules' answer stands, with this confidence.
DISPUTED_CONFIDENCE = 0.35


def doc_coref(index: EntityIndex) -> DocCoref | None:
    """The document's coreference state, built on first use and kept on the index."""
    if index.sdoc is None:
        return None
    if index.coref is None:
        index.coref = DocCoref(index, index.sdoc, load_weights())
    state: DocCoref = index.coref
    return state


def resolve_scored(
    index: EntityIndex | None,
    speaker: Speaker,
    prev_speaker: str | None = None,
    prev_end: int = -1,
    mention: str | None = None,
    scored: bool = True,
) -> tuple[str | None, float]:
    """The entity id ``speaker`` (whose text is ``mention``) refers to and the probability that it
    does; (None, p) when the best guess scores under the threshold, (None, 0.0) when there is none.
    With ``scored`` false only the id counts: the model runs only where the rules leave it open. A
    pronoun that lands on a surname two people share ("Smith" of Tom and Jane Smith) goes to the
    one its gender and the last naming single out, else to no one."""
    eid, p = _resolve_scored(index, speaker, prev_speaker, prev_end, mention, scored)
    if index is None or eid is None or speaker.head not in GENDERED_PRONOUNS:
        return eid, p
    pos = speaker.head_start if speaker.head_start >= 0 else speaker.start
    person = full_person(index, eid, pos, GENDERED_PRONOUNS[speaker.head])
    return (person, p) if person is not None else (None, 0.0)


def _resolve_scored(
    index: EntityIndex | None,
    speaker: Speaker,
    prev_speaker: str | None = None,
    prev_end: int = -1,
    mention: str | None = None,
    scored: bool = True,
) -> tuple[str | None, float]:
    """:func:`resolve_scored` before its check of surnames two people share."""
    if index is None or coordinated(index, speaker):
        return None, 0.0  # "Lee and Berg said": neither alone
    state = doc_coref(index)
    if state is None:
        eid = resolve_rules(index, speaker, prev_speaker, prev_end, mention)
        return eid, RULE_CONFIDENCE if eid is not None else 0.0
    weights = load_weights()
    if mention is not None and (person := titled_person(index, mention)) is not None:
        return person, weights.name_confidence
    # a pronoun is never a name, even where the entities stage took "He" for Liu He's surname
    pronoun = speaker.head in PERSON_PRONOUNS or speaker.head in PLURAL_PRONOUNS
    entity = None if pronoun else index.get(named_at(index, speaker))
    if entity is not None:
        return entity.id, weights.name_confidence
    if not pronoun and _undecided_namesake(index, speaker):
        return None, 0.0  # "Smith" of Tom and Jane Smith with nothing telling which: no one
    head_known = speaker.head_start >= 0
    start, end = (speaker.head_start, speaker.head_end) if head_known else (speaker.start, speaker.end)
    ruled = resolve_rules(index, speaker, prev_speaker, prev_end, mention)
    ana = state.anaphor_at(start, end)
    if ana is None:
        return ruled, RULE_CONFIDENCE if ruled is not None else 0.0
    if ana.pronoun and unnamed_group(index, state, start):
        return None, 0.0  # "Analysts expect a rise. They say …": a group the text does not name
    if ana.kind == "it":
        # "it said" is an organisation, never a person; the model, fitted on GUM where "it" is
        # mostly a thing, gave speaking "it"s on fresh news pages to the wrong body 5 times in 7:
        # the quotes stage's organisation rule (:func:`~wiresift.nlp.quotes.sources.neuter_source`)
        # decides or abstains.
        return None, 0.0
    if ana.kind == "pl":
        # "they" is the model's alone: the rules hand it to the last organisation or place or to the
        # previous speaker, where on GUM's speaking "they" the model more often abstains rightly on
        # a group the text does not name ("officials", "attendees"): wrong speakers 20 -> 6 of 55.
        state.advance(ana.start + 1)
        learned, p = state.resolved[(ana.start, ana.end)]
        if learned is None and (body := _body_speaking_on(index, state, ana.start, prev_speaker, prev_end)):
            return body, RULE_CONFIDENCE
        return learned, p
    subject = subject_antecedent(index, state, start, voices=True) if ana.pronoun else None
    if subject == UNNAMED:
        return None, 0.0  # "One delegate said he tried. He failed, he said": no one the text names
    if ana.pronoun and ana.gender and (subject is not None or (ruled is not None and ruled == prev_speaker)):
        # "Though Ms. Reyes has lived in Arden all her life, rents have doubled, she said": the woman
        # the sentence itself is about, not the previous quote's speaker nor an earlier sentence's subject
        subject = _sentence_subject(index, state, start, ana.gender, ana.start) or subject
    if subject is not None:
        ruled = subject  # "Lee was the third witness. He said …": Lee, not the last quote's speaker
    gender_ruled_out = (
        ruled is not None
        and bool(ana.gender)
        # the subject chain is the text's own word: a first name that only leans does not overrule it
        and _gender_or_name(state, ruled, ana.start, lean=subject is None) not in ("", ana.gender)
    )
    if gender_ruled_out:
        ruled = None  # "he" is not the woman named last
    unsure = (
        subject is None and ana.gender != "" and _gender(state, ruled, ana.start) == "" if ruled else False
    )
    if ruled is not None and not scored and not unsure:
        return ruled, RULE_CONFIDENCE  # the id is all that was asked: the model need not run
    # The rules know the quotes around the mention (a "he" right after a quote is its speaker), the
    # model the whole chain: on the team's tune pages the rules are right more often on subject
    # pronouns, so they answer, and the model tells how sure that answer is.
    state.advance(ana.start + 1)
    learned, p = state.resolved[(ana.start, ana.end)]
    if learned is not None and ana.gender and _gender(state, learned, ana.start) not in ("", ana.gender):
        learned, p = None, 0.0  # the model's "she" for a man it has called "he" before
    if (
        subject is None
        and ruled is not None
        and learned not in (None, ruled)
        and ruled == prev_speaker
        and ana.gender
        and _gender(state, ruled, ana.start) == ""
        and _gender(state, learned, ana.start) == ana.gender
        and any(prev_end < s < ana.start for s, _e in index.entities[learned].mentions)
    ):
        ruled = learned  # "she", said after a woman was named since the last quote: not its man
    # the model's first choice where it was too unsure to link on its own
    guess = state.guesses.get((ana.start, ana.end)) if learned is None else None
    if (
        ruled is None
        and guess is not None
        and subject is None
        and gender_ruled_out
        and _gender_or_name(state, guess, ana.start) == ana.gender
        and any(prev_end < s < ana.start for s, _e in index.entities[guess].mentions)
    ):
        return guess, DISPUTED_CONFIDENCE  # the last speaker is the other gender: the woman named since
    if ruled is None:
        return learned, p
    if learned == ruled:
        return ruled, max(p, AGREED_CONFIDENCE)
    if not scored:
        return ruled, RULE_CONFIDENCE
    return ruled, DISPUTED_CONFIDENCE


def _body_speaking_on(
    index: EntityIndex, state: DocCoref, start: int, prev_speaker: str | None, prev_end: int
) -> str | None:
    """The organisation whose quote a "they" goes on from, as the subject of its clause ("The league
    rejected the claim: “…” They added that …"), where the model abstains: a body speaks as "they",
    and its own words just before are the nearest mention of it. Not when anyone else is named in
    between, nor past :data:`FOLLOW_ON_CHARS`; a group the text does not
    name ("Analysts expect a rise. They say …") was ruled out before (:func:`unnamed_group`)."""
    body = index.get(prev_speaker)
    if body is None or body.type != "ORG" or not 0 <= start - prev_end <= FOLLOW_ON_CHARS:
        return None
    tok = state.geo.token(start, start + 1)
    if tok is None or tok.dep_ not in SUBJECT_DEPS:
        return None
    lo = bisect_left(index.mentions, (prev_end, 0, ""))
    hi = bisect_left(index.mentions, (start, 0, ""))
    if any(eid != body.id for _s, _e, eid in index.mentions[lo:hi]):
        return None  # ("… Lee and Berg disputed that. They said …": anyone named since leaves it open)
    return body.id


def _sentence_subject(index: EntityIndex, state: DocCoref, start: int, gender: str, upto: int) -> str | None:
    """The one person of ``gender`` who is the subject of a clause of the pronoun's sentence before
    it, outside quotation marks ("Though Ms. Reyes has lived …, she said"; "Berg is trailing Lee but
    has campaigned hard in Arden, where she says …"); None when there is none, or two such people
    (the sentence does not tell which). A person only named as an object ("He praised Lee, he said")
    does not count: on PolNeAR's training half such a person was seldom the one speaking."""
    tok = state.geo.token(start, start + 1)
    sdoc = index.sdoc
    if tok is None or sdoc is None:
        return None
    sent_start = tok.sent.start_char
    para = index.text.rfind("\n", 0, sent_start) + 1
    # (a quotation may open sentences before; two apostrophes stand for a double mark in some copy)
    marked = index.text[para:start].replace("''", '" ')
    lo = bisect_left(index.mentions, (sent_start, 0, ""))
    hi = bisect_left(index.mentions, (start, 0, ""))
    found: set[str] = set()
    for s, e, eid in index.mentions[lo:hi]:
        if index.entities[eid].type != "PERSON" or e > start or inside_marks(marked, 0, s - para):
            continue
        span = sdoc.char_span(s, e, alignment_mode="expand")
        if span is None or span.root.dep_ not in SUBJECT_DEPS or not _own_clause(span.root, tok):
            continue
        if _gender_or_name(state, eid, upto) == gender:
            found.add(eid)
    return found.pop() if len(found) == 1 else None


def _own_clause(subject: Token, pronoun: Token) -> bool:
    """Whether ``subject``'s clause hangs on the pronoun's sentence only through clauses, and is no one
    else's reported words: "Though Lee has …, rents rose, she said" counts; "Lee said that Berg had
    agreed, and he added" (Berg's clause is Lee's report) and "in the event that Berg wins, he
    said" (a clause inside a noun phrase) do not."""
    verb = subject.head
    while verb.dep_ != "ROOT" and verb.head.i != verb.i:
        if verb.dep_ in ("acl", "relcl", "pcomp", "pobj") or verb.head.pos_ in ("NOUN", "PROPN", "ADP"):
            return False
        if verb.dep_ == "ccomp" and verb.head.i != pronoun.head.i:
            return False
        verb = verb.head
    return True


def _undecided_namesake(index: EntityIndex, speaker: Speaker) -> bool:
    """The speaker mention is a name several persons share that :func:`named_at` left open."""
    start, end = (
        (speaker.head_start, speaker.head_end) if speaker.head_start >= 0 else (speaker.start, speaker.end)
    )
    eid = index.at(start, end)
    return eid is not None and bool(namesakes(index, eid))


def _gender(state: DocCoref, eid: str, upto: int) -> str:
    """The gender of ``eid`` from its titles and honorifics, else from the pronouns the model joined
    to it before ``upto``: few news persons carry a "Mr" or "Ms", but most are "he" or "she" soon after
    they are named ("Ann Lee … she said"), so "she" is not the man whose quotes came just before."""
    fixed = state.gender(eid, chains=False)
    if fixed:
        return fixed
    state.advance(upto)
    said = {m.gender for m in state.chains.get(eid, ()) if m.gender}
    if len(said) != 1:
        return ""  # a chain the model mixed up tells nothing
    joined = said.pop()
    named = _name_gender(state, eid)
    # The chain is the model's own earlier guesses: one "his" of a man quoted beside her, joined to
    # "Ann Lee", must not make her a man and rule her out as the "she" who speaks next. Her first
    # name is the text's own word, so it wins.
    return named if named and named != joined else joined


def _gender_or_name(state: DocCoref, eid: str, upto: int, lean: bool = True) -> str:
    """:func:`_gender`, else the gender of the person's first name (``given_names``): "Walter Brandt"
    is no "she" even before any pronoun has been joined to him."""
    said = _gender(state, eid, upto)
    if said:
        return said
    return _name_gender(state, eid, lean=lean)  # nothing in the text says: "Marty Kolb" leans male


def _name_gender(state: DocCoref, eid: str, lean: bool = False) -> str:
    """The gender of a person's first name (with ``lean``, also of a name mostly given to one sex,
    :func:`~wiresift.nlp.entities.given_names.name_lean`); for a one-word person ("Brandt", kept
    apart from the full name by the entities stage) that of the one person named in full with that
    surname."""
    index = state.index
    entity = index.entities.get(eid)
    if entity is None or entity.type != "PERSON":
        return ""
    fits = namesakes(index, eid)
    name = index.entities[fits[0]].name if len(fits) == 1 else entity.name
    return name_lean(name) if lean else name_gender(name)


def named_in_own_words(
    index: EntityIndex, eid: str, speaker: Speaker, start: int, end: int, kind: str
) -> bool:
    """Whether the person ``eid`` a pronoun speaker was resolved to is named inside the words
    ``[start, end)`` that pronoun speaks (a quote of ``kind`` direct, indirect or mixed): in "He said:
    “Berg saved this harbour.”" the speaker is not Berg (people seldom name themselves in their own
    words), nor in "He said Berg had agreed" (a pronoun never means a name in the clause it governs).
    A reported clause counts only when the pronoun comes before it: one that ends in "…, she said" is
    often the writer's paraphrase, which names its speaker ("Ms. Berg was shocked by the crowd, she
    said"); in a mixed quote only the words inside quotation marks count (the rest are the writer's).
    Organisations name themselves ("“Acme is committed to safety,” it said"): only persons are
    checked. A name that only modifies a noun ("a Berg rally") does not count."""
    entity = index.entities.get(eid)
    sdoc = index.sdoc
    if entity is None or entity.type != "PERSON" or sdoc is None or start <= speaker.start < end:
        return False
    if kind == "indirect" and speaker.start > start:
        return False
    for s, e in entity.mentions:
        if not (start <= s and e <= end) or (kind == "mixed" and not inside_marks(index.text, start, s)):
            continue
        span = sdoc.char_span(s, e, alignment_mode="expand")
        if span is not None and span.root.dep_ != "compound":
            return True
    return False


def resolve(
    index: EntityIndex | None,
    speaker: Speaker,
    prev_speaker: str | None,
    prev_end: int,
    mention: str | None = None,
) -> str | None:
    """The entity id of ``speaker`` (whose text is ``mention``) or None when it cannot be told."""
    return resolve_scored(index, speaker, prev_speaker, prev_end, mention, scored=False)[0]


@dataclass(frozen=True)
class CorefEvidence:
    """How sure the mention-ranking model is of the entity a speaker pronoun or nominal was resolved
    to, whichever rule chose it: a feature set of the quotes stage's speaker confidence."""

    p: float  # the model's probability for the entity (0: not among its candidates, or ruled out)
    margin: float  # that probability minus the best other candidate's
    rival: bool  # another candidate the anaphor's gender fits, as likely as half the entity's p
    sentences: int  # sentences from the entity's last mention to the anaphor (-1: not a candidate)
    via_pronoun: bool  # that last mention is an anaphor joined before ("… he said. He added …")


def coref_evidence(index: EntityIndex | None, speaker: Speaker, eid: str) -> CorefEvidence | None:
    """The model's view of ``speaker`` (a pronoun or nominal it reads as an anaphor) meaning ``eid``;
    None when there is no parse or the mention is no anaphor of the model."""
    state = doc_coref(index) if index is not None else None
    if state is None:
        return None
    head_known = speaker.head_start >= 0
    start, end = (speaker.head_start, speaker.head_end) if head_known else (speaker.start, speaker.end)
    ana = state.anaphor_at(start, end)
    if ana is None:
        return None
    state.advance(ana.start + 1)
    ranked = state.ranked.get((ana.start, ana.end), [])
    mine = next((r for r in ranked if r.eid == eid), None)
    if mine is None:
        return CorefEvidence(0.0, -max((r.p for r in ranked), default=0.0), len(ranked) > 0, -1, False)
    others = [r for r in ranked if r.eid != eid]
    best_other = max((r.p for r in others), default=0.0)
    rival = any(
        r.p > 0.0 and r.p >= mine.p / 2 and (not ana.gender or r.gender in ("", ana.gender)) for r in others
    )
    return CorefEvidence(mine.p, mine.p - best_other, rival, mine.sentences, mine.via_pronoun)
