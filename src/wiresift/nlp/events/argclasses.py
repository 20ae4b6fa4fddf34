"""Semantic classes of an event's arguments that decide its type (issue #14): hazards and ills fought
("battled the blaze" is no assault), parties a visit meets ("visited the hospital" is no
consultation), a game's score (a sport result is no assault), and a finite clause that makes a verb of
conceding a statement ("conceded that the count was slow"). Used by :mod:`wiresift.nlp.events.senses`
and :mod:`wiresift.nlp.events.triggers`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.events.acled import AIR, CHEMICAL, EXPLOSIVE, SHELLING, SUICIDE
from wiresift.nlp.events.acled import ARMED as ARMED_SECTORS
from wiresift.nlp.events.cameo import plover
from wiresift.nlp.events.eventive import (
    ACTOR_ENTS,
    PART_WORDS,
    PEOPLE_NOUNS,
    PEOPLE_PROTOTYPE,
    PLACE_ENTS,
    animacy,
    prototype_poles,
    unit_vector,
)
from wiresift.nlp.events.lexicon import DISASTER_WORDS, EVENT_NOUNS, VERB_CODES, actors, verbs

#: Nouns of armed groups and the police (``triggers.ARMED_NOUNS`` restated: that module reads this one).
ARMED_WORDS = frozenset({"militant", "troop", "soldier", "fighter", "rebel", "terrorist", "insurgent", "force",
                         "gunman", "jihadist", "militia", "militiaman", "army", "police"})  # fmt: skip

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

#: The physical pole of the vector checks: things an attack can hit.
PHYSICAL_PROTOTYPE = ("building", "house", "car", "bridge", "window", "vehicle", "road", "shop", "village",
                      "ship", "aircraft", "property", "office", "pipeline", "camp", "base", "checkpoint",
                      "barracks")  # fmt: skip
#: Entity types of a destination that is a party to meet (a country, a city's authorities, a person, an
#: organisation); a building, a site or a region (FAC, LOC) is a place, not a party ("arrived at the
#: naval base", "visited the hospital").
MET_ENTS = frozenset({"GPE", "PERSON", "ORG", "NORP"})


def inner(tok: Token) -> Token:
    """The noun a part word or a number stands for: "scores of refugees" -> refugees."""
    if tok.lower_ in PART_WORDS or tok.pos_ == "NUM" or tok.lemma_.lower() in PART_WORDS:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            return next((g for g in prep.children if g.dep_ == "pobj"), tok)
    return tok


def pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]


#: Hazards and ills one fights without fighting anyone: the pole of :func:`affliction`, against the
#: physical things and people an attack can hit.
AFFLICTION_PROTOTYPE = ("disease", "virus", "fire", "flood", "drought", "poverty", "inflation", "epidemic",
                        "infection", "famine")  # fmt: skip
#: How much nearer the affliction pole than the people-and-things one a word must be ("pandemic" 0.36,
#: "locusts" 0.29, "wildfire" 0.29; "hospital" 0.16 and every armed group, place or vehicle below 0).
AFFLICTION_MARGIN = 0.2
#: Fires under other names, whose vectors sit with things ("battled the blaze").
FIRE_NOUNS = frozenset({"blaze", "flame", "flames", "inferno", "bushfire", "brushfire", "wildfire"})
#: Prepositions naming what a fight is against ("fighting against the epidemic").
AGAINST_PREPS = frozenset({"against"})
#: The disaster words' category that names hazards; a man-made one can be imposed ("imposed a blackout").
NATURAL_DISASTER = "Natural disaster"


def affliction(tok: Token) -> bool:
    """``tok`` names a hazard or an ill (a natural disaster's word, a fire, or a word whose vector is nearer
    :data:`AFFLICTION_PROTOTYPE` than people and physical things by :data:`AFFLICTION_MARGIN`): fighting
    it is no assault ("battled the blaze", "fighting the epidemic", "fight malaria")."""
    if tok.pos_ in {"PROPN", "PRON", "NUM"} or tok.ent_type_ in ACTOR_ENTS | PLACE_ENTS:
        return False
    lemma = tok.lemma_.lower()
    natural = DISASTER_WORDS.get(lemma, DISASTER_WORDS.get(tok.lower_)) == NATURAL_DISASTER
    if natural or lemma in FIRE_NOUNS or tok.lower_ in FIRE_NOUNS:
        return True
    if lemma == "fire" and tok.tag_ == "NNS":
        return True  # "fought the fires"; the singular is also shooting ("returned fire")
    if lemma in PEOPLE_NOUNS or lemma in actors().agents:
        return False
    poles = prototype_poles(tok.vocab, AFFLICTION_PROTOTYPE, PHYSICAL_PROTOTYPE + PEOPLE_PROTOTYPE)
    vec = unit_vector(tok.vocab, lemma) if poles is not None else None
    if poles is None or vec is None:
        return False
    return float(vec @ poles[0] - vec @ poles[1]) > AFFLICTION_MARGIN


#: Nouns of a fight whose "against" or "on" says what is fought ("stepped up its fight against
#: inflation", "intensified the war on malaria").
FIGHT_NOUNS = frozenset(
    {"fight", "war", "battle", "struggle", "campaign", "crusade", "offensive", "crackdown"}
)
#: Prepositions naming what a fight noun is against.
FOUGHT_PREPS = frozenset({"against", "on"})


def afflicted_target(verb: Token) -> bool:
    """What ``verb`` harms is a hazard or an ill (:func:`affliction`): its object or passive subject,
    else the object of its "against" ("fought against the outbreak"); an object that is a fight noun
    stands for what it is against ("stepped up its fight against inflation")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    objs = [inner(c) for c in verb.children if c.dep_ in ({"nsubjpass"} if passive else {"dobj", "obj"})]
    if not objs:
        objs = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in AGAINST_PREPS for o in pobjs(c)]
    objs = [_fought(o) for o in objs]
    return bool(objs) and all(affliction(o) for o in objs)


def fought_objects(verb: Token) -> list[Token]:
    """What the fight nouns ``verb`` takes as objects are against ("stepped up its fight against
    inflation" -> inflation); empty when its object is no fight noun or names nothing fought."""
    objs = [inner(c) for c in verb.children if c.dep_ in {"dobj", "obj"}]
    fought = [_fought(o) for o in objs if o.lemma_.lower() in FIGHT_NOUNS]
    return [o for o in fought if o.lemma_.lower() not in FIGHT_NOUNS]


def _fought(obj: Token) -> Token:
    """What a fight noun is against ("its fight against inflation" -> inflation), else ``obj``."""
    if obj.lemma_.lower() not in FIGHT_NOUNS:
        return obj
    return next(
        (o for c in obj.children if c.dep_ == "prep" and c.lower_ in FOUGHT_PREPS for o in pobjs(c)), obj
    )


#: Prepositions naming the other side of a fight or what it hits: a fight with one is no contest.
OPPONENT_PREPS = frozenset({"against", "with", "on", "at"})


def _opponents(prep: Token) -> list[Token]:
    """The objects of ``prep`` that are no date or time ("on Sunday" names no one fought)."""
    return [o for o in pobjs(prep) if o.ent_type_ not in {"DATE", "TIME"}]


def contest(verb: Token) -> bool:
    """``verb`` (an assault verb) is fought *for* something, with no one fought, by a doer that is no
    armed group and no people or state: a race, a campaign or a claim, not violence ("the Dutch rider
    will fight for the lead", "nurses fought for higher wages"; "rebels fought for the town" stays)."""
    kids = list(verb.children)
    if any(c.dep_ in {"dobj", "obj", "nsubjpass"} for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ in OPPONENT_PREPS and _opponents(c) for c in kids):
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "for" and pobjs(c) for c in kids):
        return False
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ in {"xcomp", "conj"}:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ in {"WDT", "WP", "PRP"}:
        return False
    return not _armed(inner(subj)) and inner(subj).ent_type_ not in {"NORP", "GPE"}


#: How much a common noun's vector must lean to people (``eventive.animacy``) to be a party visited:
#: buildings and sites lean to things ("hospital" -0.06, "base" -0.15), groups of people to people
#: ("refugees" 0.14, "victims" 0.38).
PARTY_LEAN = 0.1


def party(tok: Token) -> bool:
    """``tok`` names a party one can meet: an entity of :data:`MET_ENTS`, a people noun ("visited the
    survivors"), a noun whose vector leans to people by more than :data:`PARTY_LEAN` ("refugees",
    "leaders"; not "hospital", "school", "site"), or a phrase the actors dictionary codes ("the White
    House", "the Kremlin")."""
    if tok.ent_type_ in MET_ENTS or tok.lemma_.lower() in PEOPLE_NOUNS:
        return True
    if tok.ent_type_ not in PLACE_ENTS and (lean := animacy(tok)) is not None and lean > PARTY_LEAN:
        return True
    words = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok.lower_]
    return " ".join(words) in actors().names


#: Categories whose verbs, given a clause of what is so, say it rather than do it ("conceded that the
#: count was slow", "admitted that mistakes were made").
SAYING_FRAME = frozenset({"CONCEDE", "SUPPORT"})
#: Tags of tensed verbs and modals.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def says_clause(verb: Token) -> bool:
    """``verb`` takes a finite clause (a "that", a tensed verb or auxiliary) and no object: a
    statement of what is so, CAMEO's 01, not an act ("conceded that the count was slow"; "conceded the
    race" and "backed the plan" stay acts)."""
    if any(c.dep_ in {"dobj", "obj", "dative"} for c in verb.children):
        return False
    return any(c.dep_ == "ccomp" and _finite(c) for c in verb.children)


def _finite(clause: Token) -> bool:
    """``clause`` is finite: a "that", or a tensed verb or auxiliary ("allowed the vote to take place"
    is an infinitive, no statement)."""
    words = [clause, *[c for c in clause.children if c.dep_ in {"aux", "auxpass", "mark"}]]
    if any(w.lower_ == "to" and w.dep_ == "aux" for w in words):
        return False
    return any(w.lower_ == "that" or w.tag_ in FINITE_TAGS for w in words)


#: A score of a game or a match: two small numbers joined by a dash ("4-1", "112-98", "5–0"), not part
#: of a longer number, a date or a compound word ("2-day").
SCORELINE = re.compile(r"(?<![\d.,/:])\d{1,3}\s?[-\u2013]\s?\d{1,3}(?![\d.,/:%\w-])")
#: Roles of a number that counts a noun ("10-15 civilians"), not a result.
_COUNTING_DEPS = frozenset({"nummod", "quantmod", "compound", "amod"})


def scoreline(verb: Token) -> bool:
    """``verb`` reports a game's result: a score hangs on it ("crushed Norwich 4-1", "routed the
    Celtics 112-98", "thrashed Ajax 5–0"), so beating, crushing or attacking is sport, not violence. A
    range that counts something ("killed 10-15 civilians") is no score."""
    cache = doccache.of(verb.doc)
    texts = cache.texts
    if not any(texts[i][:1].isdigit() for i in range(verb.left_edge.i, verb.right_edge.i + 1)):
        return False  # no number among the verb's words: no Token made for each of them
    text = cache.text  # the document's text, not rebuilt from its tokens as ``doc.text`` is
    for tok in verb.subtree:
        if not tok.text[:1].isdigit() or tok.dep_ in _COUNTING_DEPS:
            continue
        if tok.head.i != verb.i and tok.head.head.i != verb.i:
            continue  # a number of another phrase's
        if SCORELINE.match(text, tok.idx) and (tok.idx == 0 or not text[tok.idx - 1].isdigit()):
            return True
    return False


#: Records and media one publishes: the pole of :func:`published`.
MEDIA_PROTOTYPE = ("video", "statement", "report", "footage", "photo", "recording", "album", "document", "data",
                   "film")  # fmt: skip
#: How much nearer the media pole than people and physical things a released object must be ("videos"
#: 0.42, "report" 0.22, "results" 0.13; "journalists" 0.04, "prisoners" -0.09, "cargo" -0.08).
MEDIA_MARGIN = 0.1


def published(verb: Token) -> bool:
    """What ``verb`` releases (its object or passive subject) is a record or media: releasing it
    publishes it, no return of people or property ("released two videos", "released the report")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    objs = [inner(c) for c in verb.children if c.dep_ in ({"nsubjpass"} if passive else {"dobj", "obj"})]
    poles = prototype_poles(verb.vocab, MEDIA_PROTOTYPE, PHYSICAL_PROTOTYPE + PEOPLE_PROTOTYPE)
    if not objs or poles is None:
        return False
    for obj in objs:
        vec = unit_vector(obj.vocab, obj.lemma_.lower())
        if obj.pos_ in {"PROPN", "PRON"} or obj.ent_type_ in ACTOR_ENTS or vec is None:
            return False
        if float(vec @ poles[0] - vec @ poles[1]) <= MEDIA_MARGIN:
            return False
    return True


#: Prepositions naming what a harm came from ("killed in a bus crash", "died of pneumonia", "was killed
#: by a landslide").
CAUSE_PREPS = frozenset({"in", "during", "by", "of", "from"})
#: Prepositions naming an illness one dies of, read at the lower :data:`ILLNESS_MARGIN`.
ILLNESS_PREPS = frozenset({"of", "from"})
#: How much nearer the affliction pole an illness one dies "of" must be ("pneumonia" 0.36, "cancer"
#: 0.16, "hypothermia" 0.25; "wounds" 0.02 and "injuries" -0.05 come from violence too).
ILLNESS_MARGIN = 0.1
#: Verbs of vehicles and structures failing: a clause of them tells an accident ("when their boat sank").
MISHAP_VERBS = frozenset({"sink", "capsize", "crash", "collide", "derail", "collapse", "overturn", "plunge"})
#: Subordinators of a clause that tells how a harm came about.
CAUSE_MARKS = frozenset({"when", "after", "as"})


def _margin_of(tok: Token, first: tuple[str, ...], second: tuple[str, ...]) -> float | None:
    poles = prototype_poles(tok.vocab, first, second)
    vec = unit_vector(tok.vocab, tok.lemma_.lower()) if poles is not None else None
    if poles is None or vec is None:
        return None
    return float(vec @ poles[0] - vec @ poles[1])


def _mishap(tok: Token, illness: bool) -> bool:
    """``tok`` names a disaster, an accident or a hazard, or (``illness``) an illness one dies of."""
    if tok.lemma_.lower() in DISASTER_WORDS or tok.lower_ in DISASTER_WORDS or affliction(tok):
        return True
    if not illness or tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    lean = _margin_of(tok, AFFLICTION_PROTOTYPE, PHYSICAL_PROTOTYPE + PEOPLE_PROTOTYPE)
    return lean is not None and lean > ILLNESS_MARGIN


def mishap_cause(verb: Token) -> bool:
    """What did the harm ``verb`` tells of is named, and it is a disaster, an accident or an illness,
    not anyone's act: a preposition's object ("were killed in a bus crash", "died of pneumonia", "was
    killed by a landslide"), or a clause of "when", "after" or "as" with a verb of a vehicle or a
    structure failing or a disaster for its subject ("drowned when their trawler sank"). A death in an
    attack or an explosion keeps its assault ("killed in an ambush", "died when a bomb went off")."""
    for c in verb.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ in CAUSE_PREPS:
            if any(_mishap(o, c.lower_ in ILLNESS_PREPS) for o in pobjs(c)):
                return True
        elif c.dep_ == "advcl" and any(
            m.dep_ in {"mark", "advmod"} and m.lower_ in CAUSE_MARKS for m in c.children
        ):
            subjects = [s for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
            if c.lemma_.lower() in MISHAP_VERBS or any(_mishap(s, False) for s in subjects):
                return True
    return False


#: The two poles of :func:`commercial`: companies and their shares against towns, lands and sites.
COMPANY_PROTOTYPE = ("company", "firm", "bank", "business", "corporation", "retailer", "brand", "airline",
                     "insurer", "stake")  # fmt: skip
TERRITORY_PROTOTYPE = ("town", "city", "village", "territory", "region", "province", "district", "base",
                       "airport", "border")  # fmt: skip
#: How much nearer companies than lands a taken noun must be ("firm" 0.39, "company" 0.29, "bank" 0.22,
#: "stake" 0.20; "independence" 0.18, "control" 0.13, "town" -0.39, "base" -0.16).
COMPANY_MARGIN = 0.2
#: Words of taking control that a company's purchase of another shares ("the takeover of the brewer").
#: The agents dictionary's sectors of companies.
BUSINESS_SECTORS = frozenset({"BUS"})
TAKEOVER_WORDS = frozenset({"takeover", "take over", "buyout", "overtake"})


def _armed(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in ARMED_WORDS or actors().agents.get(lemma) in ARMED_SECTORS


def commercial(tok: Token) -> bool:
    """``tok`` names a company or a share of one: a business noun of the agents dictionary ("the
    airline"), an organisation the actors dictionary does not code (no government, party or armed
    group), or a noun whose vector is nearer companies than lands by
    :data:`COMPANY_MARGIN` ("the firm", "a stake")."""
    sector = actors().agents.get(tok.lemma_.lower())
    if sector in BUSINESS_SECTORS:
        return True
    words = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok.lower_]
    if " ".join(words) in actors().names or sector is not None or _armed(tok):
        return False
    if tok.ent_type_ == "ORG":
        return True
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    lean = _margin_of(tok, COMPANY_PROTOTYPE, TERRITORY_PROTOTYPE)
    return lean is not None and lean > COMPANY_MARGIN


def company_takeover(tok: Token, lemma: str) -> bool:
    """``tok`` (a takeover noun or verb, ``lemma``) takes over a company, and no armed group does it:
    a purchase, no conquest ("completed its takeover of the brewer Nordlys", "agreed to take over the
    airline"; "the militia's takeover of the port" stays one)."""
    if tok.pos_ == "VERB" and any(c.dep_ == "prt" for c in tok.children):
        lemma = f"{lemma} {next(c.lower_ for c in tok.children if c.dep_ == 'prt')}"
    if lemma not in TAKEOVER_WORDS:
        return False
    if tok.pos_ == "NOUN":
        taken = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)]
        doers = [c for c in tok.children if c.dep_ in {"poss", "compound"}]
    else:
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        taken = [c for c in tok.children if c.dep_ in ({"nsubjpass"} if passive else {"dobj", "obj"})]
        doers = [c for c in tok.children if c.dep_ in {"nsubj", "agent"}]
        doers = [o for d in doers for o in (pobjs(d) if d.dep_ == "agent" else [d])]
        if not doers and tok.dep_ == "xcomp":
            doers = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if tok.pos_ == "NOUN" and tok.dep_ in {"dobj", "pobj"} and not doers:
        doers = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return bool(taken) and all(commercial(inner(t)) for t in taken) and not any(_armed(d) for d in doers)


#: Adjectives of an attack that only violence has ("deadly attacks", "armed assaults").
VIOLENT_ADJECTIVES = frozenset(
    {"violent", "deadly", "fatal", "non-fatal", "armed", "bloody", "lethal", "terrorist"}
)
#: Weapons and means of violence of the ACLED-style rules, and a sniper's.
WEAPON_WORDS = frozenset(
    {*EXPLOSIVE, *AIR, *SHELLING, *CHEMICAL, *SUICIDE, "sniper", "gun", "knife", "grenade"}
)


def violent_modifier(mod: Token) -> bool:
    """A modifier of an attack noun naming violence: an adjective only violence has, an armed group, a
    weapon, or an attack noun of the event lexicon ("sniper attacks", "a bomb attack", "ambush attacks")."""
    lemma = mod.lemma_.lower()
    if lemma in VIOLENT_ADJECTIVES or lemma in WEAPON_WORDS or _armed(mod):
        return True
    code = EVENT_NOUNS.get(lemma)
    return code is not None and plover(code)[0] == "ASSAULT"


def sought_thing(verb: Token, triggered: set[int], events: frozenset[str]) -> bool:
    """An intention verb with no to-infinitive whose object (or passive subject) is a thing or a person
    sought, no event (none of ``triggered``, no event noun, none of ``events``): searching or claiming,
    no intent to cooperate ("was being sought by the police", "are seeking damages from the city";
    "wants talks" and "seeks a ceasefire" stay)."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    objs = [inner(c) for c in verb.children if c.dep_ in ({"nsubjpass"} if passive else {"dobj", "obj"})]
    return bool(objs) and not any(
        o.i in triggered or o.lemma_.lower() in EVENT_NOUNS or o.lemma_.lower() in events for o in objs
    )


#: Prepositions of the medium a scene is caught on ("captured on video", "caught on camera").
MEDIUM_PREPS = frozenset({"on"})


def recorded(verb: Token) -> bool:
    """``verb`` (a verb of capturing or catching) is caught on a medium: an "on" object nearer records,
    video and footage than people and things by :data:`MEDIA_MARGIN` ("the fight was captured on
    video", "the theft was caught on camera"): filmed, no one seized."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in MEDIUM_PREPS):
        for obj in pobjs(prep):
            lean = _margin_of(obj, MEDIA_PROTOTYPE, PHYSICAL_PROTOTYPE + PEOPLE_PROTOTYPE)
            if obj.pos_ == "NOUN" and not obj.ent_type_ and lean is not None and lean > MEDIA_MARGIN:
                return True
    return False


#: Words of welcoming: a person welcomed is a guest received (CAMEO 043, hosting a visit), an idea
#: welcomed is praised (051).
WELCOME_WORDS = frozenset({"welcome"})
#: Prepositions naming whom a welcome is for.
GUEST_PREPS = frozenset({"to", "for"})
#: CAMEO's code of hosting a visit (PLOVER CONSULT).
HOST_VISIT = "043"


def welcomes_guest(tok: Token) -> bool:
    """``tok`` (a verb or noun of welcoming) receives a person or a people: its object (or the object of
    the noun's "to"/"for"/"of") is a named person, a personal pronoun or a people noun ("welcomed the
    Kenyan president in Paris", "gave a warm welcome to Ana Ruiz"); welcoming a decision, an offer or
    a country's move praises it."""
    if tok.lemma_.lower() not in WELCOME_WORDS:
        return False
    if tok.pos_ == "VERB":
        guests = [inner(c) for c in tok.children if c.dep_ in {"dobj", "obj"}]
    else:
        # the "to" hangs on the noun or on the light verb that gives it ("gave a warm welcome to ...")
        holders = [tok, tok.head] if tok.dep_ in {"dobj", "obj"} else [tok]
        guests = [o for h in holders for c in h.children if c.dep_ in {"prep", "dative"} and c.lower_ in GUEST_PREPS
                  for o in pobjs(c)]  # fmt: skip
    return bool(guests) and all(_guest(g) for g in guests)


def _guest(tok: Token) -> bool:
    """A person or a people: a named person, a personal pronoun, or a party noun that is no place,
    organisation or nationality ("the Finnish president", "the visiting ministers")."""
    if tok.ent_type_ == "PERSON" or tok.tag_ == "PRP":
        return True
    return tok.pos_ == "NOUN" and not tok.ent_type_ and party(tok)


#: Verbs of fighting that also oppose a decision or a procedure ("fight extradition").
FIGHTING_VERBS = frozenset({"fight", "battle", "combat"})


def opposes(verb: Token, nominal: Callable[[Token], str | None]) -> bool:
    """``verb`` (a verb of fighting) has for objects nominalisations (``nominal``: the dictionary verb a
    noun nominalises) of acts the dictionary codes as no assault ("battling extradition", "fought the
    charges", "fighting the ban"): opposed in court or in words, no one attacked."""
    if verb.lemma_.lower() not in FIGHTING_VERBS:
        return False
    objs = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    codes = [_verb_code(v) if (v := nominal(o)) else None for o in objs]
    return bool(objs) and all(code is not None and plover(code)[0] not in {"ASSAULT", None} for code in codes)


def _verb_code(verb: str) -> str | None:
    """A dictionary verb's own code, our table's first, else its first block's."""
    if verb in VERB_CODES:
        return VERB_CODES[verb]
    blocks = verbs().by_lemma.get(verb) or []
    return (blocks[0].verbs.get(verb) or blocks[0].code) if blocks else None
