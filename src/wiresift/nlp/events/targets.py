"""Target candidates of an event trigger: the role-given target, then the objects of its prepositions.

The target of a trigger is its object or the object of "on/against/with" (:func:`~wiresift.nlp.events.
actors.verb_roles`); when that is a thing, a preposition on the trigger or on its object may name the
one it is done to ("gave 5 million dollars to Ivory Coast"); an event is no target, its possessor or
"of" phrase is ("seeking Assange's extradition"). No scene ("massed in camps"), no venue of
a meeting or build-up ("met in Astana") and no beneficiary ("on behalf of the farmers") is a target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.events.lexicon import PATIENT_NOUNS, verbs
from wiresift.nlp.events.referents import agrees, event_noun, people_noun
from wiresift.nlp.events.roles import (
    MOVED_VERBS,
    NOUN_TARGET_PREPS,
    OBJECT_DEPS,
    OUTSIDE_VERBS,
    PLEDGE_VERBS,
    SUBJECT_CONTROL,
    SUBJECT_DEPS,
    TARGET_PREPS,
    can_be_actor,
    noun_roles,
    verb_roles,
)
from wiresift.nlp.events.scenes import dateline_word

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from spacy.tokens import Span, Token

    from wiresift.model import EventActor


#: Prepositions whose object may be the target when the direct object is a thing ("gave 5 million
#: dollars to Ivory Coast", "talks with Syria", "extension of the mandate in Lebanon").
CANDIDATE_PREPS = frozenset({*NOUN_TARGET_PREPS, "from", "in", "for", "between", "among"})
OBJECT_PREPS = frozenset({*CANDIDATE_PREPS, "by"})
#: Prepositions of what a thing someone owns is about: "Moreno's remarks on Cuba", "her views about
#: trade".
TOPIC_PREPS = frozenset({"on", "over", "about", "regarding", "concerning"})
#: Penn tags of wh-words: a clause they open asks or names a thing, it addresses no one.
WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})


#: Prepositions whose object is where an event happens, never whom it is done to ("met in Astana",
#: "arrested in the UK", "massed in camps near the border"); "on", "at" and "over" may name a target.
SCENE_PREPS = frozenset({"in", "near", "inside", "outside", "around", "across", "along", "within",
                         "throughout", "off", "beside", "behind"})  # fmt: skip


#: Entity types of named places.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Verbs of visiting: the place visited is the host, a party to the event ("arrived in Amman").
VISIT_VERBS = frozenset({"arrive", "visit", "land", "tour", "travel", "come", "fly"})
#: Categories whose named scene is only a venue, never a party: where forces mass ("deployed near
#: Lagos"), where officials meet ("met in Tashkent", "a meeting in Almaty").
VENUE_CATEGORIES = frozenset({"MOBILIZE", "CONSULT"})
#: Categories whose event noun's named scene is a venue: "a knife attack in Norway" is on people there,
#: not on Norway. (A verb's place stays a target candidate: the PLOVER gold codes "rioted in northern
#: Tarvia" as done to Tarvia, ICEWS's convention, and so a protest noun's; a curfew or a blockade "in"
#: a town is imposed on it.)
VENUE_NOUN_CATEGORIES = frozenset({"ASSAULT"})


#: Categories of events two parties do with each other, where coordinated doers are each other's
#: partners ("Israel and Syria signed", "the two sides met", "A and B clashed"); in any other
#: ("A and B complained", "ships and aircraft brought food") they act together on someone else.
MUTUAL = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "ASSAULT", "REJECT", None})
#: Of those, the categories that are mutual only without an object ("A and B clashed", "A and B
#: disagreed") or with an object naming their ties ("signed a treaty", "upgraded their ties"): with
#: any other the coordinated doers act together on it ("Russia and China backed the proposal", "the
#: two labels denied that they had merged").
MUTUAL_WITHOUT_OBJECT = frozenset({"SUPPORT", "ASSAULT", "REJECT"})
#: Nouns of what two parties hold with each other: "signed a treaty", "the two capitals restored relations".
TIE_NOUNS = frozenset({"tie", "ties", "relation", "relations", "agreement", "treaty", "accord", "deal", "pact",
                       "memorandum", "protocol", "partnership", "alliance", "cooperation", "contract",
                       "declaration", "communique", "charter", "convention"})  # fmt: skip


def mutual_doers(trigger: Token, category: str | None) -> bool:
    """Coordinated doers of the event of ``trigger`` may be each other's partners (see :data:`MUTUAL`)."""
    if category not in MUTUAL:
        return False
    if category not in MUTUAL_WITHOUT_OBJECT:
        return True
    return not any(
        c.dep_ in {"ccomp", "xcomp"} or (c.dep_ in OBJECT_DEPS and c.lemma_.lower() not in TIE_NOUNS)
        for c in trigger.children
    )


#: Prepositions reaching where an event goes or takes place: "to Tripoli", "from two villages".
WHERE_PREPS = frozenset({"to", "into", "onto", "from", "toward", "towards", "in", "at", "on"})


#: Land and water nouns reached by a preposition: where an event is, not whom it is done to ("captured a
#: stronghold on the Chadian border", "fired shells into the Sudanese desert"); where.py's land nouns
#: less a side, a state or a capital, which may stand for a party ("talks with the Syrian side").
PLACE_NOUNS = frozenset({"border", "frontier", "coast", "coastline", "city", "town", "village", "province",
                         "region", "district", "territory", "soil", "waters", "airspace", "island", "port",
                         "county", "countryside", "mountain", "desert", "north", "south", "east", "west",
                         "part", "area", "zone", "enclave", "mainland", "highland", "forest", "interior",
                         "municipality", "valley", "river", "sea", "shore", "frontline", "front",
                         "heartland", "land", "street", "streets"})  # fmt: skip
#: Words heading the name of a site of land or water: "the Strait of Hormuz", "the Bay of Tarsa".
SITE_WORDS = frozenset({*PLACE_NOUNS, "strait", "straits", "gulf", "bay", "canal", "lake", "channel",
                        "peninsula", "mountains", "hills", "plain", "plateau", "pass"})  # fmt: skip


def place_target(actor: EventActor | None, places: Iterable[tuple[int, int]], sent: Span) -> bool:
    """``actor``'s mention ends in the name of a place smaller than a country (``places``: the spans of
    such mentions) that is where the event goes or happens, not who undergoes it: reached by a
    preposition of place or direction ("arrested from two villages", "a drone strike on a suburb"), or
    named as a place by the parser ("forced their way into Mill Street"); or a site or a facility the
    parser names that holds no party's name ("closed the Strait of Hormuz"). A place the actor
    dictionaries code stays: PLOVER codes "deployed troops to Tripoli" as done to Libya."""
    if actor is None or actor.start is None or actor.end is None:
        return False
    if actor.code:
        return False  # a coded place stands for its country, a party to the event in PLOVER's coding
    head = next((t for t in reversed(sent) if t.idx < actor.end), None)
    while head is not None and head.dep_ in {"compound", "flat"} and head.head.i != head.i:
        head = head.head
    if head is None:
        return False
    top = head
    while top.head.i != top.i and actor.start <= top.head.idx < actor.end:
        top = top.head
    if (top.ent_type_ in {"LOC", "FAC"} or top.lower_ in SITE_WORDS) and not any(
        t.ent_type_ in {"ORG", "NORP", "PERSON"} for t in top.subtree
    ):
        return True  # "threatened to close the Strait of Hormuz", "stormed the Grand Palace Hotel": a site
    place = next(((start, end) for start, end in places if actor.start <= start and end == actor.end), None)
    if place is None:
        return False
    while head.head.i != head.i and actor.start <= head.head.idx < actor.end:
        head = head.head  # "Raj Kumar of Tarvo": the phrase's head is the person, not the town it ends in
    if not place[0] <= head.idx < place[1]:
        return False
    return head.ent_type_ in PLACE_TYPES or (head.dep_ == "pobj" and head.head.lower_ in WHERE_PREPS)


#: Subordinators of a condition: "unless Baghdad accepts", "if Washington imposes sanctions".
CONDITION_MARKS = frozenset({"unless", "if"})


def condition_party(trigger: Token, source: Token | None) -> Token | None:
    """The subject of a condition set on a threat ("threatened to launch an offensive unless Baghdad
    accepted its terms", "threatened to close the strait if Washington imposed sanctions"): the one
    threatened, whose conduct the threat is about (CAMEO 13: a threat is aimed at whoever must comply).
    Read on the trigger and on the act it threatens (its to-infinitive); None when no condition names
    someone who can act other than the source."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
    for head in heads:
        for clause in head.children:
            if clause.dep_ != "advcl" or not any(m.lower_ in CONDITION_MARKS for m in clause.children):
                continue
            subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
            if (
                subject is not None
                and subject.pos_ != "PRON"
                and (source is None or subject.i != source.i)
                and can_be_actor(subject)
            ):
                return subject
    return None


def town_doer(actor: EventActor | None, places: Iterable[tuple[int, int]], trigger: Token) -> bool:
    """``actor`` is a town or a region naming a noun trigger ("the Lisbon rally", "the Oslo talks",
    "the Tarvo bombing": ``places``, the spans of places smaller than a country): where the event
    happened, not who did it ("Russian strikes", "a US raid": a country's name or adjective stays its
    doer; "Moscow's offensive": a possessor stands for its government)."""
    if trigger.pos_ not in {"NOUN", "PROPN"} or actor is None or actor.start is None or actor.end is None:
        return False
    if not any((start, end) == (actor.start, actor.end) for start, end in places):
        return False
    return any(c.dep_ in {"compound", "nmod"} and actor.start <= c.idx < actor.end for c in trigger.children)


def venue_event(trigger: Token, category: str | None) -> bool:
    """The event's named scene is a venue, not a target (see :data:`VENUE_CATEGORIES` and
    :data:`VENUE_NOUN_CATEGORIES`); a visit's place is its host."""
    if category in VENUE_NOUN_CATEGORIES and trigger.pos_ == "NOUN":
        return True
    return category in VENUE_CATEGORIES and trigger.lemma_.lower() not in VISIT_VERBS


def scene(tok: Token, venue: bool = False) -> bool:
    """``tok`` is the object of a locative preposition and neither people nor a named place: the scene,
    not a participant ("massed in camps", "killed on a train"). A named country or city stays a
    target candidate: event coding (PLOVER, ICEWS) takes "lifted a curfew in Montenegro" as done to
    Montenegro; with ``venue`` (:func:`venue_event`) a named place is a scene too ("met in Astana")."""
    if venue and tok.dep_ == "pobj" and tok.head.lower_ in SCENE_PREPS and tok.ent_type_ in PLACE_TYPES:
        return True
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in SCENE_PREPS
        and not people_noun(tok)
        and tok.pos_ != "PROPN"
        and tok.ent_type_ not in {"PERSON", "ORG", "NORP", "GPE", "LOC"}
        and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)
    )


#: Nouns of a stretch of time: "on the closing evening of the Oslo festival" is when, never whom.
TIME_NOUNS = frozenset({"night", "day", "morning", "evening", "afternoon", "noon", "midnight", "dawn",
                        "dusk", "week", "weekend", "month", "year", "hour", "minute", "season", "decade",
                        "century", "era", "moment", "period", "time", "eve", "anniversary"})  # fmt: skip


#: Entity types that name no party: an occasion or a law ("crashed on New Year's Eve", "veterans of the
#: Winter War", "protested the Clean Air Act": when, where or about what). Not WORK_OF_ART: the
#: tagger gives it to names of people and bodies in a quote-heavy sentence.
NON_PARTY_ENTS = frozenset({"EVENT", "LAW"})


def when(tok: Token) -> bool:
    """``tok`` names a time, not someone: a date or time entity or a noun of time."""
    return tok.ent_type_ in {"DATE", "TIME"} or (tok.pos_ == "NOUN" and tok.lemma_.lower() in TIME_NOUNS)


#: Nouns whose "of" phrase is the one an act is done for, not to: "on behalf of the farmers", "for
#: the sake of peace", "in the name of the people".
BENEFIT_NOUNS = frozenset({"behalf", "sake", "name", "benefit"})


def beneficiary(tok: Token) -> bool:
    """``tok`` is the one an act is done for ("filed on behalf of the tenants"): no target."""
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lower_ in BENEFIT_NOUNS
        and tok.head.head.dep_ == "pobj"
    )


#: Verbs denying what their clause says: its subject is what is denied of someone, no addressee ("an
#: adviser denied the two ministers had spoken").
DENY_VERBS = frozenset({"deny", "dismiss", "refute", "rebut", "dispute"})


#: Endings of nouns made from verbs: "extradition", "expulsion", "imprisonment".
ACT_SUFFIXES = ("tion", "sion", "ment")


def act_noun(tok: Token) -> bool:
    """``tok`` is a noun naming an act: an event noun, a noun that is a coded verb ("the release", "an
    arrest") or a noun made from a verb ("extradition")."""
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    if lemma.endswith("al") and len(lemma) > 5 and {lemma[:-2], lemma[:-2] + "e"} & verbs().by_lemma.keys():
        return True  # "removal", "withdrawal", "refusal": a coded verb's noun
    return event_noun(tok) or lemma in verbs().by_lemma or (len(lemma) > 6 and lemma.endswith(ACT_SUFFIXES))


#: Prepositions whose event noun is why something is done: "sanctions over the invasion of Ukraine",
#: "arrested for the killing of a guard".
REASON_PREPS = frozenset({"over", "for"})


def reason(tok: Token) -> bool:
    """``tok`` is an act named as the reason of the event ("imposed sanctions over the invasion"): no
    target, nor is whom that act was done to."""
    return tok.dep_ == "pobj" and tok.head.lower_ in REASON_PREPS and act_noun(tok)


#: Prepositions whose object a light verb's noun trigger is aimed at: "gave a welcome to the envoy",
#: "launched an offensive against the rebels" (the parse hangs them on the verb, not on the noun); not
#: "on", a topic as often ("resumed talks on a pullout").
LIGHT_PREPS = frozenset({"to", "with", "against", "upon", "toward", "towards"})


#: Prepositions of where the source's people go from or to: "recalled its envoy from Belmark".
MOVE_PREPS = frozenset({"from", "to", "into"})
#: Prepositions placing an event in another one: "demanded his removal at the talks in Arusha".
VENUE_PREPS = frozenset({*SCENE_PREPS, "at", "during"})
#: Nouns of giving in return: their "for" object is what was given back, not whom the event is done to
#: ("released in exchange for six militants", "traded for two pilots", "in return for aid").
EXCHANGE_NOUNS = frozenset({"exchange", "swap", "trade", "return", "trade-off"})


def dative_object(child: Token) -> Token | None:
    """The noun a dative names: itself ("gave Ghana a grant"), or the object of the dative "to" the
    parse gives that role ("offered support to Lithuania")."""
    if child.pos_ == "ADP":
        return next((o for o in child.children if o.dep_ == "pobj"), None)
    return child


def place_noun(tok: Token) -> bool:
    """``tok`` is a common noun of land or water reached by a preposition (:data:`PLACE_NOUNS`) that no
    name of a place specifies: a scene ("on the Chadian border": a nationality adjective says where).
    A named one stays a candidate ("in Montenegro province", "the town of Gorazde": PLOVER codes an
    act in a named place as done to it)."""
    return (
        tok.dep_ == "pobj"
        and tok.pos_ == "NOUN"
        and tok.lemma_.lower() in PLACE_NOUNS
        and not any(t.pos_ == "PROPN" for t in tok.subtree)
    )


def bare_event(tok: Token, direct: bool) -> bool:
    """``tok`` is an event noun that names no party ("demanded his removal at the talks", "declared a
    ceasefire"): no target. Not one naming its doer beside it ("condemned the Israeli raid", "faulted
    a court ruling"), and, with ``direct``, not the object of a harm ("police broke up the rally")."""
    if direct or not event_noun(tok) or people_noun(tok):
        return False
    return not any(
        (c.dep_ == "amod" and c.ent_type_ in {"NORP", "GPE", "ORG"})
        or (c.dep_ in {"compound", "poss", "nmod"} and c.pos_ != "PRON" and can_be_actor(c))
        for c in tok.children
    )  # "condemned a court ruling": the court's


def own_act(obj: Token, owner: Token | None, source: Token | None) -> bool:
    """``owner`` is a pronoun owning the event noun ``obj`` that the source does ("the troops completed
    their withdrawal", "the army stepped up its offensive"): the doer's own act, no target. Not an act
    done to its possessor ("condemned their arrest": :data:`PATIENT_NOUNS`)."""
    return (
        owner is not None
        and source is not None
        and owner.pos_ == "PRON"
        and event_noun(obj)
        and obj.lemma_.lower() not in PATIENT_NOUNS
        and agrees(owner, source)
    )


def own_agent(obj: Token | None, source: Token | None) -> bool:
    """``obj`` is owned by the source through a pronoun and moved from or to someone ("Tarvia recalled its
    ambassador from Belmark", "withdrew its troops from Tarvia"): the source's own people, part of the
    doer; the one they leave or reach is the target. (Not "urged their families to stay calm": whom the
    request is made of; nor harm: "the rebels killed their hostages" are the victims.)"""
    if obj is None or source is None or obj.dep_ not in {"dobj", "obj"}:
        return False
    if not any(c.dep_ == "prep" and c.lower_ in MOVE_PREPS and any(o.dep_ == "pobj" for o in c.children)
               for h in (obj, obj.head) for c in h.children):  # fmt: skip
        return False
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    return owner is not None and owner.pos_ == "PRON" and not event_noun(obj) and agrees(owner, source)


def _undergoer(event: Token) -> Token | None:
    """The possessor or the "of" object of an event noun naming people ("Assange's extradition", "the
    release of the prisoners"), else None."""
    for child in event.children:
        obj = child if child.dep_ == "poss" else None
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
        if obj is not None and (obj.ent_type_ in {"PERSON", "ORG", "NORP"} or people_noun(obj)):
            return obj
    return None


#: Verbs of moving forces: in a build-up their object is the force moved, not a target ("deployed
#: troops", "sent two warships"; PLOVER codes "deployed troops to Tripoli" as done to Libya).
FORCE_VERBS = frozenset({*MOVED_VERBS, "send", "dispatch", "move", "reinforce", "rush"})


def roles_once(
    find: Callable[[Token], tuple[Token | None, Token | None]], tok: Token
) -> tuple[Token | None, Token | None]:
    """``find(tok)`` (:func:`verb_roles` or :func:`noun_roles`), read once per token (as indices, in the
    document's cache): the stage asks for a trigger's roles, and :func:`target_candidates` again."""
    sdoc = tok.doc

    def build() -> tuple[int | None, int | None]:
        source, target = find(tok)
        return (None if source is None else source.i, None if target is None else target.i)

    source, target = doccache.of(sdoc).memo(("targets.roles", find.__name__, tok.i), build)
    return (None if source is None else sdoc[source], None if target is None else sdoc[target])


def target_candidates(
    trigger: Token, source: Token | None, venue: bool = False, harm: bool = False, mutual: bool = True
) -> list[Token]:
    """Noun heads that may be the target, best first: the role-given target, the dative, the objects
    of prepositions on the trigger and on its object, and coordinated heads. ``venue``: a named place
    is a scene, not a target (:func:`venue_event`); ``harm``: an attack or coercion, whose coordinated
    doers are allies, not each other's targets; without ``mutual`` (:data:`MUTUAL`) no coordinated doer
    is the other's target ("businesses and residents complained", "ships and aircraft brought aid")."""
    first = roles_once(verb_roles if trigger.pos_ == "VERB" else noun_roles, trigger)[1]
    seen: set[int] = {source.i} if source is not None else set()
    out: list[Token] = []

    def add(tok: Token | None, direct: bool = False) -> None:
        undergoer = _undergoer(tok) if tok is not None and act_noun(tok) else None
        if undergoer is not None:  # "seeking Assange's extradition": the one the event is done to
            add(undergoer)
            return
        if (
            tok is not None
            and tok.i not in seen
            and tok.pos_ in {"NOUN", "PROPN", "PRON"}
            and not when(tok)
            and tok.ent_type_ not in NON_PARTY_ENTS
            and not scene(tok, venue)
            and not place_noun(tok)
            and not bare_event(tok, direct)
            and not beneficiary(tok)
            and not dateline_word(tok)
        ):
            seen.add(tok.i)
            out.append(tok)
            for conj in tok.conjuncts:
                if conj.i not in seen:
                    seen.add(conj.i)
                    out.append(conj)

    moved = (
        venue and first is not None and first.dep_ in OBJECT_DEPS and trigger.lemma_.lower() in FORCE_VERBS
    )
    if not moved and (harm or not own_agent(first, source)):
        # not "deployed troops", "sent warships": the force moved (its destination may be); not "recalled its
        # ambassador from Belmark": the source's own envoy
        add(first, harm)
    heads = [trigger, *[c for c in trigger.children if c.dep_ in OBJECT_DEPS]]
    for head in heads:
        owner = next((c for c in head.children if c.dep_ == "poss"), None) if head is not trigger else None
        # "rejected calls by Belarus's rulers": whose the rejected thing is (the trigger's own "by" is
        # its agent)
        preps = CANDIDATE_PREPS if head is trigger else OBJECT_PREPS
        if owner is not None and owner.pos_ != "PRON" and not can_be_actor(head) and can_be_actor(owner):
            add(owner)  # "condemned Moreno's remarks on Cuba": whose remarks, not what they are about
            preps = preps - TOPIC_PREPS
        if harm and head is trigger and trigger.pos_ == "NOUN":
            preps = preps - {"from"}  # "the shelling from Pakistan": where it came from ("seized from
            # the peacekeepers": from whom)
        for child in head.children:
            if child.dep_ == "dative":
                add(dative_object(child))
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj" and not reason(obj) and not when(obj):
                        add(obj)
                        if place_noun(obj) or (bare_event(obj, False) and child.lower_ in VENUE_PREPS):
                            continue  # "at the talks in Arusha", "on the border of Chad": a scene's own
                            # (not "agreed to a ceasefire with the government": with whom)
                        for sub in obj.children:
                            if sub.lower_ == "for" and obj.lemma_.lower() in EXCHANGE_NOUNS:
                                continue  # "freed in exchange for four fighters": what was given back
                            if sub.lower_ == "of" and scene(obj, venue):
                                continue  # "in the forest of Karvali": a scene's name is a scene
                            if sub.dep_ == "prep" and sub.lower_ in CANDIDATE_PREPS:
                                add(next((o for o in sub.children if o.dep_ == "pobj"), None))
    light = trigger.head
    if (
        trigger.pos_ == "NOUN"
        and trigger.dep_ in {"dobj", "obj"}
        and light.pos_ == "VERB"
        and light.lemma_.lower() not in OUTSIDE_VERBS
    ):
        # "gave a cordial welcome to the envoy", "will give Ghana a grant": the light verb's dative or
        # aimed preposition is the noun's
        for child in light.children:
            if child.dep_ == "dative":
                add(dative_object(child))
            elif child.dep_ == "prep" and child.lower_ in LIGHT_PREPS and not harm:  # "laid siege to the old
                # fort", "set fire to a bus": a harm's "to" reaches a place or a thing
                add(next((o for o in child.children if o.dep_ == "pobj"), None))
    # the one asked, urged or forced to act: an object or a passive subject that can act, of a verb
    # whose own subject does not do the infinitive ("threatened to strike", "offered to mediate")
    asked = trigger.lemma_.lower() not in SUBJECT_CONTROL and any(
        (c.dep_ in OBJECT_DEPS or c.dep_ == "nsubjpass") and can_be_actor(c) for c in trigger.children
    )
    for clause in trigger.children:
        if (
            clause.dep_ == "ccomp"
            and trigger.lemma_.lower() not in PLEDGE_VERBS
            and trigger.lemma_.lower() not in DENY_VERBS
            and not any(t.tag_ in WH_TAGS for t in clause.children)
        ):
            # "demanded that Chile withdraw": the addressee is the clause's subject (not in "discuss
            # what they describe", a question's clause)
            add(next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None))
        elif clause.dep_ == "xcomp" and not asked:  # "offered to transfer to Sweden", "to negotiate with
            # Armenia" (not "anyone is asked to call the police": the one asked is the target, the police
            # are whom the asked would reach)
            for child in clause.children:
                if child.dep_ in OBJECT_DEPS:
                    add(dative_object(child))
                elif child.dep_ == "prep" and child.lower_ in CANDIDATE_PREPS:
                    add(next((o for o in child.children if o.dep_ == "pobj"), None))
            for obj in [c for c in clause.children if c.dep_ in OBJECT_DEPS]:
                for prep in obj.children:  # "to break off relations with Congo", "lift the curfew on X"
                    if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS:
                        add(next((o for o in prep.children if o.dep_ == "pobj"), None))
    for obj in [c for c in trigger.children if c.dep_ in OBJECT_DEPS]:
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if not own_act(obj, owner, source):  # not "completed their withdrawal": the doer's own act
            add(owner)  # "Serbia's suppression"
    direct = any(c.dep_ in OBJECT_DEPS for c in trigger.children)
    if source is not None and mutual and not (harm and direct):
        # "Israel and Syria signed": each is the other's partner; not "Turkish troops and Syrian
        # rebels captured the town", allies in an attack on an object
        for conj in source.conjuncts:
            add(conj)
    return out
