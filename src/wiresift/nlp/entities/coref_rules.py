"""The rule-based speaker resolver (the one before the learned model of :mod:`coref_model`).

:func:`resolve_rules` stays as the baseline ``eval/score_coref.py`` measures the model against and
as the fallback when no parse is at hand. :func:`titled_person` is still used first by
:func:`~wiresift.nlp.entities.coref.resolve`. Order of the rules: a name or nominal already indexed by the entities stage; a personal pronoun goes to the
previous quote's speaker when that quote is close, to no one when that close quote has no speaker,
else to the person mentioned last; "I" and "we" only to a close previous quote's speaker; "they"/"we"
to the previous speaker or the organisation mentioned last; an unindexed person nominal ("the
minister") to the person mentioned last. An office mention ("Chief of the CSTO Joint Staff") goes
first to the one person whose titles share most of its words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise

from wiresift.nlp.entities.index import EntityIndex
from wiresift.nlp.entities.lexicon import (
    KIN_NOUNS,
    PERSON_NOMINAL_HEADS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    TITLED_NOMINAL_HEADS,
)
from wiresift.nlp.entities.namesakes import chain_gender, honorific_before, namesakes, person_gender, pick

#: A pronoun this close (chars) after the previous quote refers to its speaker: about two
#: paragraphs of wire copy. Beyond it, the person mentioned last is the better guess.
FOLLOW_ON_CHARS = 600
#: How far back (chars) an unindexed pronoun or nominal may reach for its person.
LOOKBACK_CHARS = 2000
ORG_TYPES = ("ORG", "NORP", "GPE")
#: First-person speakers: only a quote just before tells who they are.
FIRST_PERSON = frozenset({"i", "we"})
#: "The Russian General" overlaps the NORP "Russian", but a nationality word never speaks.
NOT_SPEAKERS = frozenset({"NORP", "DATE", "LAW", "WORK_OF_ART", "PRODUCT", "EVENT", "LANGUAGE"})


@dataclass
class Speaker:
    start: int
    end: int
    head: str  # lower-cased head word of the mention
    head_start: int = -1
    head_end: int = -1


def resolve_rules(
    index: EntityIndex | None,
    speaker: Speaker,
    prev_speaker: str | None,
    prev_end: int,
    mention: str | None = None,
) -> str | None:
    """The entity id of ``speaker`` (whose text is ``mention``) or None when it cannot be told."""
    if index is None:
        return None
    head = speaker.head
    if mention is not None and (person := titled_person(index, mention)) is not None:
        return person
    if head in PERSON_PRONOUNS or head in PLURAL_PRONOUNS:
        plural = head in PLURAL_PRONOUNS
        prev = index.get(prev_speaker)
        close = prev is not None and speaker.start - prev_end <= FOLLOW_ON_CHARS
        if prev is not None and close and (prev.type == "PERSON") != plural:
            return prev.id
        # A close quote nobody could be given leaves the speaker open: the pronoun continues that
        # unknown speaker, not whoever was named last. "I" / "we" with no quote just before are the
        # writer or a group the text does not name.
        unknown_before = prev is None and prev_end >= 0 and speaker.start - prev_end <= FOLLOW_ON_CHARS
        if head in FIRST_PERSON or unknown_before:
            return None
        types = ORG_TYPES if plural else ("PERSON",)
        return index.last_before(speaker.start, types, floor=speaker.start - LOOKBACK_CHARS)
    eid = named_at(index, speaker)
    if eid is not None:
        return eid
    if head in PERSON_NOMINAL_HEADS:
        return index.last_before(speaker.start, ("PERSON",), floor=speaker.start - LOOKBACK_CHARS)
    return None


def named_at(index: EntityIndex, speaker: Speaker) -> str | None:
    """The entity the speaker phrase names: the one at its head word ("the People's Liberation
    Army"), else one in the phrase that fits the head — a person for a person's role word ("the
    minister Anna Berg"), any name where the head is no role word. A place among the modifiers of a
    role does not speak: "China's ambassador to Britain" is neither China nor Britain."""
    if speaker.head_start >= 0:
        entity = index.get(index.at(speaker.head_start, speaker.head_end))
        if entity is not None and entity.type not in NOT_SPEAKERS:
            return full_person(index, entity.id, speaker.head_start)
    if speaker.start < 0:
        return None
    entity = index.get(index.at(speaker.start, speaker.end))
    if entity is None or entity.type in NOT_SPEAKERS:
        return None
    if speaker.head in TITLED_NOMINAL_HEADS and entity.type != "PERSON":
        return None
    if _owner_of_head(index, speaker, entity.id):
        return None
    starts = [s for s, e in entity.mentions if s < speaker.end and speaker.start < e]
    return full_person(index, entity.id, starts[0] if starts else speaker.start)


#: What joins two people into one speaker phrase ("Lee and Berg", "Lee & Berg"); a comma alone
#: is an apposition ("Lee, Berg's deputy").
_JOINED = re.compile(r",?\s*(?:and|&)\s*")


def coordinated(index: EntityIndex, speaker: Speaker) -> bool:
    """Whether the speaker phrase joins two or more different people ("Lee and Berg said"): the
    words are theirs together, and no one of them is the speaker."""
    if speaker.start < 0:
        return False
    lo = bisect_left(index.mentions, (speaker.start, 0, ""))
    hi = bisect_left(index.mentions, (speaker.end, 0, ""))
    people = [
        (s, e, eid)
        for s, e, eid in index.mentions[lo:hi]
        if e <= speaker.end and index.entities[eid].type == "PERSON"
    ]
    return any(
        a[2] != b[2] and _JOINED.fullmatch(index.text[a[1] : b[0]]) is not None for a, b in pairwise(people)
    )


#: How a name hangs on a common-noun head when it only tells whose or which the head is: "Lee's
#: advisers", "friends of Ann Lee", "Bree-based analysts". An apposition ("his aunt, Ann Lee") or a
#: name the head qualifies ("the minister Anna Berg") is the speaker itself.
OWNER_DEPS = frozenset({"poss", "pobj", "npadvmod", "amod", "nmod"})
#: Entity types that, as a compound before a plural head, only place a group: "Bree lawyers".
PLACE_TYPES = frozenset({"GPE", "NORP", "LOC", "FAC"})
#: Heads naming people who use a service or a product, not who speak for it: "one Acme user", "a
#: Bree commenter", "Acme customers" speak for themselves ("an Acme spokesman" speaks for Acme).
USER_HEADS = frozenset(
    {"user", "commenter", "commentator", "poster", "subscriber", "customer", "reader", "viewer", "follower"}
)


#: Common-noun heads a headline capitalises that a name before them only owns ("Lee's Son", "Lee's Aide").
OWNED_HEADS = PERSON_NOMINAL_HEADS | KIN_NOUNS


def _owner_of_head(index: EntityIndex, speaker: Speaker, eid: str) -> bool:
    """Whether the entity ``eid`` named inside the speaker phrase only owns or places its common-noun
    head, so that the people the head names speak, not the entity: "President Lee's advisers
    suggested", "multiple friends of Ann Lee told me", "the Bree lawyers are demanding", "one Acme
    user wrote"."""
    sdoc = index.sdoc
    if sdoc is None or speaker.head_start < 0:
        return False
    head_span = sdoc.char_span(speaker.head_start, speaker.head_end)
    if head_span is None:
        return False
    head = head_span[0]
    entity = index.entities[eid]
    if head.pos_ == "PROPN" and entity.type in PLACE_TYPES:
        # "Bree Nation reported": a name the tagger missed that holds a place; the place is not it
        return any(
            (span := sdoc.char_span(s, e, alignment_mode="expand")) is not None
            and span.root.dep_ == "compound"
            and span.root.head.i == head.i
            for s, e in entity.mentions
            if speaker.start <= s and e <= speaker.end
        )
    if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and head.lower_ in OWNED_HEADS):
        return False  # (a role or kin word capitalised in a headline is still one: "Lee's Son Says")
    for start, end in entity.mentions:
        if not (speaker.start <= start and end <= speaker.end):
            continue
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ in OWNER_DEPS:
            return True
        if root.dep_ == "compound" and root.head.i == head.i and head.lemma_ in USER_HEADS:
            return True
        if root.dep_ == "compound" and root.head.i == head.i and head.tag_ == "NNS":
            return entity.type in PLACE_TYPES
    return False


def full_person(index: EntityIndex, eid: str, pos: int, gender: str = "") -> str | None:
    """The person whose full name a one-word person entity at ``pos`` is part of ("Lee" -> "Ann
    Lee"); with several ("Ann Lee … Bo Lee, her son"), the one a courtesy title or pronoun
    ``gender`` and the last naming single out (:func:`~wiresift.nlp.entities.namesakes.pick`), None
    when nothing does; ``eid`` itself when nobody named in full has that name."""
    fits = namesakes(index, eid)
    titled = honorific_before(index.text, pos)
    if not fits:
        entity = index.entities[eid]
        if titled and entity.type == "PERSON" and person_gender(index, eid, skip=pos) not in ("", titled):
            return None  # "Mrs Lee" is not the Tom Lee called "he": his wife, named only "Ann", perhaps
        return eid  # (a pronoun's gender against its person is the resolver's own check)
    return pick(index, fits, pos, gender or titled, chain_gender(index, eid, pos))


#: Words of a title too common to tell two office holders apart.
_TITLE_STOP = frozenset({"of", "the", "and", "for", "in", "on", "a", "an", "to", "led"})
#: Shared title words needed to name one person by an office ("Chief of the CSTO Joint Staff").
MIN_TITLE_OVERLAP = 3


def titled_person(index: EntityIndex, mention: str) -> str | None:
    """The one person whose titles share most of an office mention's words: "Chief of the Russia-led
    CSTO Joint Staff" is the person titled "Chief of the Joint Staff of the …", even where the
    office comes before the name in the text; "Bree's ambassador to Arden" opens with its owner. None
    for a mention that opens with no title word."""
    parts = mention.lower().split(maxsplit=2)
    if not parts:
        return None
    if parts[0] not in PERSON_NOMINAL_HEADS and not (
        len(parts) > 1 and parts[0].endswith(("'s", "’s")) and parts[1] in PERSON_NOMINAL_HEADS
    ):
        return None  # neither "Chief of …" nor "Bree's ambassador to …"
    words = {w for w in re.findall(r"[^\W_]+", mention.lower()) if w not in _TITLE_STOP}
    best: list[tuple[int, str]] = []
    for entity in index.entities.values():
        if entity.type != "PERSON" or not entity.titles:
            continue
        titled = {w for t in entity.titles for w in re.findall(r"[^\W_]+", t.lower())}
        shared = len(words & titled)
        whole = any(len(tw := _title_words(t)) >= 2 and tw <= words for t in entity.titles)
        if shared >= MIN_TITLE_OVERLAP or whole:  # or the mention states a whole title of two words or more
            best.append((shared, entity.id))
    best.sort(reverse=True)
    if not best or (len(best) > 1 and best[1][0] == best[0][0]):
        return None  # nobody, or two office holders alike: the mention must not go to the wrong one
    return best[0][1]


def _title_words(title: str) -> set[str]:
    return {w for w in re.findall(r"[^\W_]+", title.lower()) if w not in _TITLE_STOP}
