"""The ``events`` stage: which actor acted on which, where and when, coded in PLOVER, CAMEO and ACLED-style
categories.

Per sentence: (1) triggers (:mod:`~wiresift.nlp.events.triggers`); (2) source and target from the
parse, coded as countries, IGOs and sectors (:mod:`~wiresift.nlp.events.roles`, :mod:`~wiresift.nlp.events.actors`); (3) negation and
hypotheticality from the trigger's auxiliaries and the verb that governs it
(:mod:`~wiresift.nlp.events.modality`); (4) the quote it sits in, the place, time and casualty claims
of its sentence; (5) the ACLED-style category (:mod:`~wiresift.nlp.events.acled`). The main event
(the lead's) comes first, the others follow in text order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.model import Document, Event, EventActor
from wiresift.nlp import doccache
from wiresift.nlp.events import accept, acled, acled_model, cameo, targets
from wiresift.nlp.events.accept import TYPER_DEPTH, Candidate
from wiresift.nlp.events.actor_codes import holiday_head, thing_head
from wiresift.nlp.events.actors import possessor, quantity_head, remembered, resolve
from wiresift.nlp.events.addressee import protest_addressee, replaceable
from wiresift.nlp.events.contact import on_weapon
from wiresift.nlp.events.coordinated import also_actors
from wiresift.nlp.events.eventive import can_act, doer, place_only
from wiresift.nlp.events.lexicon import DOER_NOUNS, PATIENT_NOUNS, UNDERGO, VERB_CODES
from wiresift.nlp.events.lines import same_paragraph
from wiresift.nlp.events.mainevent import main_event, main_line, rank_depth
from wiresift.nlp.events.modality import modality, obligation, unable
from wiresift.nlp.events.occurrence import occurred, purpose
from wiresift.nlp.events.referents import agrees, event_noun, people_noun
from wiresift.nlp.events.roles import (
    SUBJECT_DEPS,
    accuser,
    main_subject,
    noun_roles,
    verb_roles,
    weapon,
)
from wiresift.nlp.events.targets import (
    PLACE_TYPES,
    SCENE_PREPS,
    SITE_WORDS,
    condition_party,
    mutual_doers,
    place_target,
    target_candidates,
    town_doer,
    venue_event,
)
from wiresift.nlp.events.triggers import Trigger, find_triggers
from wiresift.nlp.events.where import event_place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from wiresift.nlp.entities.index import EntityIndex
    from wiresift.nlp.pipeline import Context

STAGE_NAME = "events"
#: An event's ranking key within its sentence, smallest first: (depth of its clause, 1 when it has no
#: PLOVER category, -specificity of its code, -confidence).
Rank = tuple[int, int, int, float]
#: Confidence of a trigger by how it was coded: a matched CAMEO pattern, a verb's own code, an event
#: noun; an actor with a code adds to it. Ordinal scores, not probabilities: they rank events.
BASE_CONFIDENCE = {"pattern": 0.7, "verb": 0.6, "noun": 0.5}
ACTOR_BONUS = 0.1
#: Confidence of an event the ACLED-style typer found in a sentence where no trigger fired.
SENTENCE_CONFIDENCE = 0.3
#: The ranking depth of such an event: after any coded one.
LAST = TYPER_DEPTH
#: Claim count types that give an event's dead, injured and size.
COUNTS = {"KILL": "dead", "WOUND": "injured", "PROTEST": "size", "TROOPS": "size"}


#: Verbs whose subject is the one an accusation or a threat is aimed at ("X faces charges").
FACE = frozenset({"face"})
#: Verbs of blocking: coercion when a state blocks, an obstruction protest (CAMEO 144) when anyone
#: else does ("workers blocked the bridge").
OBSTRUCT = frozenset({"block", "blockade", "barricade", "obstruct"})
#: Verbs of coming together: a meeting of officials, a demonstration of a crowd.
GATHER = frozenset({"gather", "assemble", "converge", "congregate"})
#: Categories that already say what an actor says it will do: an intention does not change them.
VERBAL = frozenset({"AGREE", "THREATEN", "REQUEST", "ACCUSE", "REJECT"})
#: Categories of what actors say, not do: an actor's country is not where they happen.
VERBAL_EVENTS = frozenset(c for c, quad in cameo.QUAD.items() if quad.startswith("VERBAL"))
#: Categories of events that happen where their target is: an attack on a town, an arrest, a visit,
#: a deployment to a region ("shelled Kharkiv"; not "imposed sanctions on Iran").
AT_TARGET = frozenset({"ASSAULT", "COERCE", "CONSULT", "MOBILIZE", "PROTEST"})
#: Verbal cooperation that, negated, is a refusal (CAMEO 12): "will not accept", "did not endorse".
REFUSABLE = frozenset({"AGREE", "SUPPORT"})


def intention(category: str, code: str | None, negated: bool) -> tuple[str, str | None]:
    """PLOVER's reading of an event announced for the future ("will release", "would blockade"): a
    cooperative act is an AGREE (CAMEO 03, express intent), a hostile one a THREATEN (CAMEO 13), a
    refusal ("will not accept") a REJECT."""
    if negated:
        return "REJECT", "120"
    if cameo.QUAD[category].endswith("COOPERATION"):
        return "AGREE", "030"
    return "THREATEN", "138" if (code or "")[:2] in {"15", "18", "19", "20"} else "130"


#: Pronouns of people as objects: the one an act is done to, before any thing the sentence goes on to.
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})


#: Entity types of the parse that never act: "Monday's attack" has no actor "Monday", "the New Year
#: attack" none "New Year".
NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "EVENT", "LAW",
                        "WORK_OF_ART", "LANGUAGE"})  # fmt: skip


def _actor(head: Token | None, index: EntityIndex | None, date: str | None) -> EventActor | None:
    if head is None:
        return None
    head = quantity_head(head)  # "hundreds of demonstrators": the demonstrators, not a number
    if head.is_punct or head.ent_type_ in NOT_ACTORS or holiday_head(head):
        return None  # "Monday's attack", "an Easter attack": a day acts on no one
    actor = resolve(head, index, date)
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        if done_to(head):
            return None  # "the killing of three aid workers drew condemnation": the victims did nothing
        return actor  # "the dispatch of UN troops": the doers it names
    if event_noun(head) and not actor.code:
        return None  # an event is no actor ("the raid killed"), unless it names one ("an Israeli raid")
    if thing_head(head):
        return None  # "a lone event in Syria alarms": a thing, whatever the code of its phrase
    return actor


def done_to(head: Token) -> bool:
    """``head`` is an event noun whose "of" phrase names whom it is done to: a noun of harm or custody
    ("the arrest of", :data:`PATIENT_NOUNS`) or a gerund of a coded verb ("the shooting of"), not one
    of taking part ("the meeting of ministers", :data:`DOER_NOUNS`)."""
    lemma = head.lemma_.lower()
    if lemma in DOER_NOUNS or not event_noun(head):
        return False
    return lemma in PATIENT_NOUNS or head.lower_.endswith("ing")


def _named_place(head: Token) -> bool:
    """``head`` heads a place's name: "Lagos", "Helmand province" (a land noun after a name)."""
    return head.ent_type_ in PLACE_TYPES or (
        head.lemma_.lower() in SITE_WORDS
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)
    )


def unknown_name(tok: Token) -> bool:
    """``tok`` is a proper noun the tagger gave no entity type, alone in its phrase: a name of someone it
    did not know ("Trazzoni, 29, was arrested"), not a word of a capitalised headline."""
    return tok.pos_ == "PROPN" and not tok.ent_type_ and not any(c.pos_ == "PROPN" for c in tok.children)


def _target(
    trigger: Token,
    source_head: Token | None,
    source: EventActor | None,
    index: EntityIndex | None,
    date: str | None,
    harm: bool = False,
    venue: bool = False,
    mutual: bool = True,
) -> EventActor | None:
    """The first candidate that codes as a country, IGO or sector (the direct object when none does); with
    ``harm`` (an assault or coercion) a direct object or passive subject naming people wins uncoded
    ("shot a driver on a tram"), and so does a person the trigger names as its object ("visited
    Harlow in Denver")."""
    candidates = target_candidates(trigger, source_head, venue, harm, mutual)
    fallback: EventActor | None = None
    people_first = False  # the role-given target names people: a named scene is not whom instead
    for i, head in enumerate(candidates):
        if not same_paragraph(head, trigger):
            continue  # a line of page chrome the parse hung on the next paragraph
        actor = resolve(head, index, date)
        if source is not None and (
            (actor.entity is not None and actor.entity == source.entity) or same_name(actor, source)
        ):
            continue  # "President Brisket received President Brisket": no one acts on himself here
        if people_first and head.dep_ == "pobj" and head.head.lower_ in SCENE_PREPS and _named_place(head):
            continue  # "handed over two engineers in Helmand": where, the engineers being whom
        counted = quantity_head(head)  # "abused dozens of girls": the girls are the people it names
        if holiday_head(counted) or (not (harm or actor.code) and thing_head(counted)):
            continue  # "declined to comment on the case": what is spoken of, not whom (an attack's
            # object may be a thing: "shelled the hospital"; "a curfew in Tarvo" is on Tarvo)
        # a name the tagger gave no type names someone ("Trazzoni, 29, was arrested at a school")
        people = (
            people_noun(counted) or counted.ent_type_ in {"PERSON", "NORP", "ORG"} or unknown_name(counted)
        )
        role = head.dep_ in {"dobj", "obj", "nsubjpass", "poss"} and people
        if actor.code or (harm and i == 0 and (role or head.dep_ == "conj")):  # conj: "between A and B"
            return actor
        if i == 0 and head.dep_ in SUBJECT_DEPS and head.head.i == trigger.i:
            return actor  # "Minister attacked over cuts": a headline passive's subject undergoes it
        if i == 0 and role and head.ent_type_ == "PERSON":
            return actor  # "visited Harlow in Denver": the named person visited, not the city
        if i == 0 and head.dep_ in {"dobj", "obj", "dative"} and head.lower_ in OBJECT_PRONOUNS:
            return actor  # "asked him to share notes": he is asked, not the insights
        if fallback is None and (actor.sector or actor.entity or (i == 0 and role)) and head.pos_ != "PRON":
            fallback = actor  # the role-given target naming people ("hostages were released") first
            # (not "the state of emergency in Darfur": a noun with an "of" phrase may name no one)
            people_first = i == 0 and role and not any(c.lower_ == "of" for c in counted.children)
    return fallback


def same_name(actor: EventActor, other: EventActor) -> bool:
    """The two mentions name one person or body whatever its entities: one is the other's last words
    ("Brisket", "President Brisket"; the parser may type the headline's mention otherwise)."""
    a, b = actor.text.lower().split(), other.text.lower().split()
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return (
        bool(short) and short[0][:1].isalpha() and long[-len(short) :] == short and actor.text[:1].isupper()
    )


def _known(actor: EventActor | None, sent: Span, borrowed: EventActor | None) -> bool:
    """An actor the dictionaries know by its own words: coded or of a sector, and neither a pronoun
    (coded through coreference) nor coded through its possessor. A verb coded only by its dictionary
    block needs one to be an event."""
    if actor is None or not (actor.code or actor.sector):
        return False
    if actor is borrowed and actor.sector is None:
        return False
    words = [
        sent.doc[i] for i in doccache.of(sent.doc).tokens_between(sent, actor.start or 0, actor.end or 0)
    ]
    return not (len(words) == 1 and words[0].pos_ == "PRON")


def _doer_can_act(trig: Trigger, category: str | None, index: EntityIndex | None, date: str | None) -> bool:
    """A verb's doer can act (see :mod:`~wiresift.nlp.events.eventive`); attacks, disasters and crimes
    are exempt ("the blast killed five"). Checked for verbs coded only by their dictionary block: the
    verbs wiresift codes itself ("agree", "demand") and pattern matches keep any subject."""
    if category == "ASSAULT" or trig.security is not None:
        return True
    head = doer(trig.tok)
    if head is None or head.pos_ == "PRON":
        return True  # any pronoun can act: not resolved (nor coreference advanced) for nothing
    actor = resolve(head, index, date)
    return can_act(head, actor.code, actor.sector, actor.entity)


def _intender(head: Token | None, trigger: Token, index: EntityIndex | None, date: str | None) -> bool:
    """Someone who can act holds the intention of a future or conditional event: its source, else the
    subject of the clause above ("Finland is ready to ship tents to help"). A noun's intention is
    held by the subject of the verb it hangs on, not by its own doer ("peace would allow the withdrawal
    of the troops": no one intends it)."""
    head = head if head is not None and trigger.pos_ != "NOUN" else main_subject(trigger)
    if head is None:
        return False
    if head.pos_ == "PRON":
        return True  # any pronoun can act (:func:`can_act`): not resolved for nothing
    actor = resolve(head, index, date)
    return can_act(head, actor.code, actor.sector, actor.entity)


def _time(doc: Document, trigger: Trigger, sent: Span) -> str | None:
    return _time_at(doc, trigger.start, sent)


def _time_at(doc: Document, start: int, sent: Span) -> str | None:
    best: tuple[int, str] | None = None
    lo, hi = sent.start_char, sent.end_char  # read once, not for each timex
    for timex in doc.timexes:
        if lo <= timex.start and timex.end <= hi and timex.type in {"DATE", "TIME"}:
            key = (abs(timex.start - start), timex.value or timex.text)
            if best is None or key < best:
                best = key
    return best[1] if best else None


def _counts(doc: Document, sent: Span) -> dict[str, int]:
    counts: dict[str, int] = {}
    lo, hi = sent.start_char, sent.end_char  # read once, not for each claim
    for claim in doc.claims:
        field = COUNTS.get(claim.count_type or "")
        if field and claim.value is not None and lo <= claim.start < hi:
            counts.setdefault(field, int(claim.value))
    return counts


def _quote(doc: Document, start: int) -> str | None:
    for quote in doc.quotes:
        if quote.start <= start < quote.end:
            return quote.id
    return None


def place_spans(doc: Document) -> tuple[set[int], list[tuple[int, int]]]:
    """(the start offsets of the document's place mentions, the spans of its places smaller than a
    country named as places, not adjectives): read by every sentence with a trigger."""
    places = {start for place in doc.places for start, _ in place.mentions}
    towns = [m for p in doc.places if p.kind != "country" and not p.adjectival for m in p.mentions]
    return places, towns


def code_sentence(
    doc: Document,
    sent: Span,
    index: EntityIndex | None,
    learned: bool = True,
    spans: tuple[set[int], list[tuple[int, int]]] | None = None,
) -> list[tuple[Rank, Event]]:
    """The events of one sentence with their ranking key (:data:`Rank`); with
    ``learned`` the ACLED-style typer (:mod:`~wiresift.nlp.events.acled_model`) re-types the conflict
    and security events. ``spans``: the document's :func:`place_spans` when the caller has them."""
    out: list[tuple[Rank, Event]] = []
    found_triggers = find_triggers(sent)
    context = doccache.of(sent.doc).sent_lemmas(sent)  # the sentence's words, read once
    places, towns = (spans or place_spans(doc)) if found_triggers else (set(), [])
    triggers = {t.tok.i for t in found_triggers}
    taken: set[int] = set()  # the trigger tokens of the events found
    for trig in found_triggers:
        category, mode = cameo.plover(trig.cameo)
        if (category is None and trig.security is None) or not occurred(trig.tok, sent, category):
            continue  # no event type, or nothing that happened: "tried to steal", a question
        borrowed: EventActor | None = None  # an actor whose code is its possessor's ("their forces")
        heads = targets.roles_once(verb_roles if trig.kind == "verb" else noun_roles, trig.tok)
        source_head = heads[0] if heads[0] is None or same_paragraph(heads[0], trig.tok) else None
        source = _actor(source_head, index, doc.published)
        if source_head is not None and source_head.pos_ == "PRON" and (source is None or not source.code):
            above = main_subject(trig.tok)  # "Ghana said it would permit ...": "it" is Ghana
            # not "the mayor said they shelled the market": a speaker is the doer of what they report
            # only when the pronoun can refer to them
            if above is not None and agrees(source_head, above):
                source_head, source = above, _actor(above, index, doc.published)
        elif source is not None and source_head is not None and not source.code and possessor(source_head):
            above = main_subject(trig.tok)  # "Bosnian Serbs said their forces withdrew": Serbs' forces
            owner = _actor(above, index, doc.published) if above is not None else None
            if owner is not None and owner.code:
                source.code, borrowed = owner.code, source
        if town_doer(source, towns, trig.tok):
            source = None  # "the Lisbon rally", "the Tarvo bombing": where it happened, not who did it
        harm = category in {"ASSAULT", "COERCE"}
        if (
            harm
            and source is not None
            and source_head is not None
            and not (source.code or source.entity)
            and weapon(quantity_head(source_head))
        ):
            source = None  # "killed by a roadside bomb", "a car bomb killed five": a weapon is no actor
        venue = venue_event(trig.tok, category)
        target = _target(
            trig.tok, source_head, source, index, doc.published, harm, venue, mutual_doers(trig.tok, category)
        )
        if place_target(target, towns, sent):
            target = None  # "send soldiers to Tripoli": where the event goes, not who undergoes it
        if harm and trig.kind == "verb" and on_weapon(trig.tok):
            source, target = None, source  # "their convoy hit a roadside bomb": the convoy is the victim
        elif (
            harm
            and source_head is not None
            and source_head.head.i != trig.tok.i
            and on_weapon(source_head.head)
        ):
            source = None  # "a minibus hit a bomb, killing nine": the minibus does not kill, the bomb does
        elif trig.tok.lemma_.lower() in UNDERGO and target is None:
            source, target = None, source  # "three people died": the dead undergo the event
        elif trig.tok.lemma_.lower() in FACE and trig.kind == "verb":
            # "Assange faces 18 charges in the US": the accused faces them, the US brings them
            accuser_head = accuser(trig.tok)
            target = source
            source = _actor(accuser_head, index, doc.published) if accuser_head is not None else None
        negated, hypothetical = modality(trig.tok)
        if hypothetical is None and purpose(trig.tok):
            hypothetical = "planned"  # "a mission to rescue the miners": what the act was for
        code = trig.cameo
        speaker = obligation(trig.tok) if category is not None else None
        if speaker is not None and source_head is not None and source_head.i == speaker.i:
            if trig.demand:
                continue  # "the union said it must cut imports": its own resolve, no demand on another
            speaker = None
        if speaker is not None and (category != "REQUEST" or trig.demand):
            # "Russia said Sudan must return the helicopter": Russia's demand on Sudan.
            category, code, mode, hypothetical = "REQUEST", "100", None, None
            source_head, target = speaker, source
            source = _actor(speaker, index, doc.published)
        if category in REFUSABLE and negated and not unable(trig.tok):
            # "will not accept", "did not agree", "would not accept them if war starts"; "could not
            # agree" is a failure, not a refusal
            category, code, mode = "REJECT", "120", None
        if category is not None and hypothetical in {"future", "conditional"} and category not in VERBAL:
            if not _intender(source_head, trig.tok, index, doc.published):
                continue  # an intention no one expresses: "talks would resume", "peace would allow"
            category, code = intention(category, code, negated)
            mode = None
        if category == "COERCE" and trig.tok.lemma_.lower() in OBSTRUCT and not acled.state_actor(source):
            category, code, mode = "PROTEST", "144", "obstruct"  # workers blocking a bridge protest
        if category == "MOBILIZE" and source is not None and source.sector in acled.CIVILIAN:
            category, code, mode = "PROTEST", "141", "demo"  # protesters rallying are no armed force
        if (
            category == "CONSULT"
            and target is None
            and trig.tok.lemma_.lower() in GATHER
            and source is not None
            and source.sector in acled.CIVILIAN
        ):
            category, code, mode = "PROTEST", "141", "demo"  # protesters gathering meet no one
        if category == "THREATEN" and target is None:
            party = condition_party(trig.tok, source_head)  # "threatened to strike unless Baghdad yields"
            target = _actor(party, index, doc.published) if party is not None else None
        if category == "PROTEST" and replaceable(target, trig.tok):
            # "rallied to demand ...": whom the demand is aimed at (before a scene: "a strike in jail")
            target = protest_addressee(trig.tok, source, index, doc.published) or target
        block_only = (
            trig.kind == "verb" and trig.specificity == 1 and trig.tok.lemma_.lower() not in VERB_CODES
        )
        if block_only and not _doer_can_act(trig, category, index, doc.published):
            continue  # "the relevance is increasing", "the project collapsed": no one acts
        # A verb coded only by its dictionary block ("organised", "revealed") is an event only when it
        # has an actor the dictionaries know: PETRARCH's own precision guard.
        # A place reached by a movement ("flown to Niamey") is no participant.
        if target is not None and any(
            place_only(sent.doc[i], places)
            for i in doccache.of(sent.doc).tokens_between(sent, target.start or 0, target.end or 0)
        ):
            participants: tuple[EventActor | None, ...] = (source,)
            if (
                trig.kind == "verb"
                and category != "ASSAULT"
                and not (source and (source.code or source.sector))
            ):
                continue  # someone going somewhere: "survivors came from Sudan", "flown to Niamey"
        else:
            participants = (source, target)
        if block_only and not any(_known(a, sent, borrowed) for a in participants):
            continue
        how = "pattern" if trig.specificity > 1 else trig.kind
        confidence = BASE_CONFIDENCE[how] + sum(
            ACTOR_BONUS for actor in (source, target) if actor is not None and actor.code
        )
        counts = _counts(doc, sent)
        lemma = trig.tok.lemma_.lower()
        acled_type = acled.category(category, code, lemma, trig.security, source, target, context)
        if learned:
            acled_type = acled_model.retype(sent, trig.tok, acled_type, category)
        event = Event(
            id="",
            text=doc.text[trig.start : trig.end],
            start=trig.start,
            end=trig.end,
            plover=category,
            quad=cameo.QUAD.get(category or ""),
            mode=mode,
            cameo=code,
            acled=acled_type,
            negated=negated,
            hypothetical=hypothetical,
            reported_by=_quote(doc, trig.start),
            source=source,
            target=target,
            place=event_place(
                doc,
                trig.tok,
                sent,
                source,
                target,
                (category or "") in VERBAL_EVENTS,
                (category or "") in AT_TARGET,
                harm,
            ),
            time=_time(doc, trig, sent),
            dead=counts.get("dead"),
            injured=counts.get("injured"),
            size=counts.get("size"),
            confidence=round(min(confidence, 0.95), 2),
            stage=STAGE_NAME,
        )
        _coordinate(event, sent, index, doc.published, towns)
        rank = (rank_depth(trig, triggers), int(category is None), -trig.specificity, -confidence)
        out.append((rank, event))
        taken.add(trig.tok.i)
    if learned and not any(e.acled or e.plover in acled_model.CONFLICT for _, e in out):
        typed = acled_model.type_sentence(sent, taken, context)
        main = min(out, key=lambda item: item[0])[1] if out else None
        if typed is not None and typed[0] is None and main is not None and acled.fits(main.plover, typed[1]):
            main.acled = typed[1]  # the sentence's main coded event, when it can be of that kind
        elif typed is not None and typed[0] is not None and occurred(typed[0], sent, None):
            # ranked after every coded event: the main event is a coded one where the lead has one
            out.append(
                ((LAST, 1, 0, -SENTENCE_CONFIDENCE), _sentence_event(doc, sent, typed[0], typed[1], index))
            )
    return out


def _coordinate(
    event: Event, sent: Span, index: EntityIndex | None, date: str | None, towns: list[tuple[int, int]]
) -> None:
    """Fill the event's coordinated actors (:mod:`~wiresift.nlp.events.coordinated`)."""

    def make(head: Token) -> EventActor | None:
        return _actor(head, index, date)

    event.also_sources = also_actors(sent, event.source, event.target, make, towns)
    event.also_targets = also_actors(sent, event.target, event.source, make, towns, event.also_sources)


def _sentence_event(
    doc: Document, sent: Span, anchor: Token, category: str, index: EntityIndex | None
) -> Event:
    """The event of a conflict or security sentence where no trigger fired, typed by the ACLED-style
    typer alone: no PLOVER category, anchored on the sentence's main verb (else its security word)."""
    source_head, target_head = verb_roles(anchor) if anchor.pos_ == "VERB" else noun_roles(anchor)
    counts = _counts(doc, sent)
    start = anchor.idx
    return Event(
        id="",
        text=anchor.text,
        start=start,
        end=start + len(anchor.text),
        acled=category,
        negated=modality(anchor)[0],
        hypothetical=modality(anchor)[1],
        reported_by=_quote(doc, start),
        source=_actor(source_head, index, doc.published),
        target=_actor(target_head, index, doc.published),
        place=event_place(doc, anchor, sent),
        time=_time_at(doc, start, sent),
        dead=counts.get("dead"),
        injured=counts.get("injured"),
        size=counts.get("size"),
        confidence=SENTENCE_CONFIDENCE,
        stage=STAGE_NAME,
    )


def candidates(
    doc: Document, sdoc: Doc, index: EntityIndex | None = None, learned: bool = True
) -> list[Candidate]:
    """Every event the rules code, in text order, the main one (the lead's best-ranked) marked."""
    out: list[Candidate] = []
    spans = place_spans(doc)  # read once, not by each sentence
    for i, sent in enumerate(doccache.of(sdoc).sents):
        found = [
            Candidate(
                event, rank, i, main_line=rank[0] < LAST and main_line(accept.trigger_token(sdoc, event))
            )
            for rank, event in code_sentence(doc, sent, index, learned, spans)
        ]
        if found and not any(c.main for c in out):
            min(found, key=lambda c: c.rank).main = True
        out.extend(found)
    return out


def find_events(
    doc: Document, sdoc: Doc, index: EntityIndex | None = None, learned: bool = True, check: bool = True
) -> list[Event]:
    """Every event of the document, main event first (the lead's best-ranked), then in text order; with
    ``check`` (and ``learned``) only those the learned check (:mod:`~wiresift.nlp.events.accept`) keeps,
    the main one chosen among them."""
    with remembered():  # each actor phrase resolved once in the document
        found = candidates(doc, sdoc, index, learned)
    if check and learned:
        found = accept.screen(doc, sdoc, found, accept.load_check())
    events = [c.event for c in found]
    if found:
        main = main_event(found)
        events.remove(main.event)
        events.insert(0, main.event)
    for i, event in enumerate(events, 1):
        event.id = f"v{i}"
    return events


class EventsStage:
    """Pipeline stage filling ``doc.events``."""

    name = STAGE_NAME
    version = "2.0"
    requires: tuple[str, ...] = ("entities", "quotes", "timexes", "places", "claims")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document, sdoc: Doc, ctx: Context) -> None:
        doc.events = find_events(doc, sdoc, ctx.data.get("entities"))


def make_stage() -> EventsStage:
    return EventsStage()
