"""The place of an event, read from the parse.

The place is the one that the trigger's clause governs, best first:

1. **Attached to the trigger**: the object of a place preposition on the trigger ("met in Moscow",
   "clashes near the border"), a place naming a noun trigger ("the Moscow talks", "Syrian
   airstrikes" is not one: a nationality adjective is an actor's), or, for a noun trigger that is the
   object or subject of a verb, the place preposition of that verb ("held talks in Geneva").
2. **Attached to an argument**: a place preposition on the trigger's subject or object ("troops in
   Idlib attacked", "shelled villages near Kharkiv"), or on the verb the trigger complements or is
   coordinated with ("met in Astana to discuss", "stormed a village near Gao and killed five").
3. **In the clause**: any other place of the trigger's own clause (not of a clause below or beside
   it, nor what the event is about: "against the Osun State election"), not a nationality adjective
   and not inside the trigger's subject or object.
4. **In the sentence**: the nearest other place of the sentence (news sentences name the scene once:
   "In Tarvo, police used water cannon as protesters marched"), unless it stands in a clause beside the
   trigger's rather than above it ("Speaking in Paris, the minister said rebels attacked": :func:`side_clause`), or a preposition that is not one of
   place leads to it ("the road to Gao", "flown to Niamey", "envoy for the Sahel region").

Outside the trigger's own prepositions (tiers 1 and 2 above), an actor's place is not the scene of
a verbal event (what is said, asked, agreed: "China's ambassador warned", "Moscow was prepared to
supply"), and a verbal event takes no sentence place (tier 4). A nationality adjective is a scene only
on the trigger or its arguments ("near the Syrian border"), never in the clause or the sentence beyond
them: "Malian soldiers were killed", "the Swedish investigation", "the 37-year-old Canadian was
deported", "Peruvian President Ada Brisket announced an exchange" name who, not where. A dateline's place (at the start of
the text, or of a line after a headline: "DUNMORE — A man ...") is never a scene, whatever the parse
hangs it on; nor is the home town naming a person ("a Dunmore man was arrested", "the Leeds woman
stabbed": :func:`hometown`) in the event's actor or a clause's subject, nor the place a person's title
names ("Idaho Sen. Ana Ruiz", "the Utah governor": :func:`office`), nor the place a verbal event's
object is about ("condemned his remarks on Cuba").
The wire dateline (:func:`dateline`) is not used as a fallback: on the hand-judged articles it named
the reporter's city more often than the scene of an event the sentence leaves unplaced.

"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.events.actor_codes import agent_sector, holiday_name, lookup
from wiresift.nlp.events.lexicon import SPEECH_VERBS
from wiresift.nlp.events.referents import people_noun
from wiresift.nlp.events.roles import OUTSIDE_VERBS, RESPONSE_VERBS
from wiresift.nlp.events.scenes import (
    affiliation,
    clause_head,
    other_event,
    person_origin,
    timed_apart,
    title_of,
)
from wiresift.nlp.events.targets import REASON_PREPS, act_noun, reason

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from wiresift.model import Document, EventActor

#: Prepositions that attach a place to the trigger ("met in Moscow", "clashes near the border").
PLACE_PREPS = frozenset({"in", "at", "near", "on", "outside", "inside", "around", "across", "along",
                         "off", "within", "throughout", "over"})  # fmt: skip
#: Prepositions of a scene only, never of a target ("in Montenegro", not "on Iran").
SCENE_PREPS = frozenset({"in", "near", "inside", "outside", "around", "across", "along", "within",
                         "throughout", "off", "beside", "behind", "at"})  # fmt: skip
#: Prepositions of direction or topic: a place below them is where someone went or what is spoken of.
AWAY_PREPS = frozenset({"to", "from", "for", "against", "toward", "towards", "into", "about", "via", "than"})
#: Prepositions of a topic on the object of a verbal event: "statements on Cuba", "a row over Gibraltar".
TOPIC_PREPS = frozenset({"on", "over", "about", "regarding", "concerning"})
#: Dependencies that open a clause of its own below the trigger's.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "csubj", "acl", "parataxis", "conj", "pcomp"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "agent", "dative"})
#: Characters after a dateline's place: "MOSCOW, May 3", "KABUL (Reuters) -", "GAZA - ".
_DATELINE_NEXT = (",", " (", " -", " —", " –", "\n")


def _pobj_offsets(head: Token) -> set[int]:
    """Character offsets of the objects of ``head``'s place prepositions, with their subtrees."""
    cache = doccache.of(head.doc)  # read from the arrays: no Token made
    deps, lowers, offsets, out = cache.deps, cache.lowers, cache.offsets, set()
    for child in cache.children(head.i):
        if deps[child] == "prep" and lowers[child] in PLACE_PREPS:
            out |= {offsets[t] for g in cache.children(child) if deps[g] == "pobj" for t in cache.subtree(g)}
    return out


def _in_clause(tok: Token, head: Token) -> bool:
    """``tok`` belongs to the clause headed by ``head`` and to no clause below it."""
    cur = tok
    for _ in range(30):
        if cur.i == head.i:
            return True
        if cur.dep_ in CLAUSE_DEPS and cur.pos_ in {"VERB", "AUX"}:
            return False
        if cur.dep_ == "prep" and cur.lower_ not in PLACE_PREPS:
            return False  # a place naming what the event is about: "against the Osun State election"
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def side_clause(tok: Token, trigger: Token) -> bool:
    """The trigger stands in a reported clause and ``tok`` in a clause beside it on the reporting side,
    neither above nor below the trigger: a relative or adverbial clause of the speaker or the speech
    ("the minister, who lives in Paris, said", "Speaking in Paris, he said"); not one of the trigger's
    own words ("killed when rebels ambushed a convoy near Gao"), nor one hung on a word of the same
    report ("hostages who were held in Kabul were released")."""
    reported = next((a for a in [trigger, *trigger.ancestors] if a.dep_ == "ccomp"), None)
    if reported is None or trigger.i in {a.i for a in tok.ancestors}:
        return False
    if reported.i in {a.i for a in tok.ancestors}:
        return False  # inside the reported clause
    above = {trigger.i, *(a.i for a in trigger.ancestors)}
    cur = tok
    for _ in range(30):
        if cur.i in above:
            return False
        if cur.dep_ in CLAUSE_DEPS and cur.pos_ in {"VERB", "AUX"}:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def tiers(trigger: Token) -> tuple[set[int], set[int]]:
    """(offsets attached to the trigger, offsets attached to its arguments)."""
    own = _pobj_offsets(trigger)
    if trigger.pos_ in {"NOUN", "PROPN"}:
        own |= {t.idx for c in trigger.children if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"
                for t in c.subtree}  # fmt: skip
        if trigger.dep_ in _ARG_DEPS and trigger.head.pos_ in {"VERB", "AUX"}:
            own |= _pobj_offsets(trigger.head)
    args: set[int] = set()
    if trigger.dep_ in {"xcomp", "advcl", "conj"} and trigger.head.pos_ in {"VERB", "AUX"}:
        args |= _pobj_offsets(trigger.head)  # "met in Astana to discuss", "attacked a town and killed"
    for child in trigger.children:
        if child.dep_ in _ARG_DEPS:
            args |= _pobj_offsets(child)
    return own, args - own


def dateline(doc: Document) -> str | None:
    """The place of a wire dateline opening the text ("KABUL, May 3 (Reuters) -")."""
    for place in doc.places:
        for start, end in place.mentions:
            if start <= 2 and doc.text[end : end + 2].startswith(_DATELINE_NEXT) and not place.adjectival:
                return place.id
    return None


def scene_path(tok: Token) -> bool:
    """The place phrase of ``tok`` is not the object of a preposition of direction or topic ("the road
    to Gao", "flown to Niamey", "sent them to Qatar", "the envoy for the Sahel region"); a place
    locating that object is kept ("marched to the headquarters in Abuja")."""
    head = tok
    for _ in range(5):
        if (
            head.dep_ not in {"compound", "amod", "det", "flat", "nmod", "conj", "appos"}
            or head.head.i == head.i
        ):
            break
        head = head.head
    return not (head.dep_ in {"pobj", "dative"} and head.head.lower_ in AWAY_PREPS)


#: Dependencies of a place name standing for its government or people: "officials said Oslo had agreed",
#: "talks with Moscow failed", "sanctions hit Tehran".
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "dative", "agent"})


def named_actor(tok: Token, end: int) -> bool:
    """The place mention starting at ``tok`` and ending at ``end`` is the subject, object or passive
    agent of a verb ("a source said Oslo had agreed", "sanctions hit Tehran", "launched by Russia"): it
    names an actor, not a scene."""
    head = tok
    for _ in range(6):  # "the United States": from the mention's first word to its head
        if head.head.i == head.i or not (tok.idx <= head.head.idx < end):
            break
        head = head.head
    noun = head  # "drones launched by Russia", "backed by US air strikes": the one who acts, no scene
    while noun.dep_ in {"compound", "amod", "nmod", "poss"} and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        return True
    return head.dep_ in ACTOR_DEPS and head.head.pos_ in {"VERB", "AUX"}


#: Nouns of a frontier: the country "with" them is the one across it.
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})


def across_border(tok: Token) -> bool:
    """The place name ``tok`` is the country across a border ("near the border with Niger"): the event
    is on this side, in a country the phrase leaves unnamed."""
    head = tok
    for _ in range(6):
        if head.dep_ not in {"compound", "flat", "amod", "det"} or head.head.i == head.i:
            break
        head = head.head
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "with" or prep.i == 0:
        return False
    # the parser often hangs "with" on the verb: the word before it tells
    return prep.head.lemma_.lower() in BORDER_NOUNS or prep.doc[prep.i - 1].lemma_.lower() in BORDER_NOUNS


def scene_prep(tok: Token, target: bool = False) -> bool:
    """The place name ``tok`` is reached by a preposition of place ("lifted the curfew in Montenegro");
    for a country that is the event's ``target``, "at" aims at it, it does not locate ("lashed out at
    Norway"; "presented the plan at the White House" is where)."""
    head = tok
    for _ in range(6):
        if head.dep_ not in {"compound", "flat", "amod", "det"} or head.head.i == head.i:
            break
        head = head.head
    preps = SCENE_PREPS - {"at"} if target else SCENE_PREPS
    return head.dep_ == "pobj" and head.head.lower_ in preps


#: Sectors of people who act for a place ("the Kabul police chief", "a Kyiv official"): their place
#: may be the scene.
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "ELI", "SPY", "REB", "UAF", "IMG", "INS"})


#: People nouns that name a body, not one person: a town before them is the body's seat, which may
#: be the scene ("the Jakarta disaster agency said three people died").
BODY_NOUNS = frozenset({"agency", "team", "unit", "party", "country", "nation", "state", "delegation",
                        "crew", "family", "group", "force", "authority", "administration", "side", "staff",
                        "crowd", "mob", "government", "council", "committee", "office", "operator"})  # fmt: skip


def origin(tok: Token) -> Token | None:
    """The one person's noun that the place name ``tok`` modifies ("a Dunmore man", a headline's "Fort
    Elbury Man"), else None: where that person is from. A group or a force of a place ("Kharkiv
    residents", "Dunmore police") is no such noun."""
    head = tok
    for _ in range(6):
        if head.dep_ not in {"compound", "flat"} or head.head.i == head.i or people_noun(head.head):
            break
        head = head.head
    noun = head.head
    if (
        head.dep_ in {"compound", "nmod"}
        and noun.i != head.i
        and noun.tag_ in {"NN", "NNP"}
        and people_noun(noun)
        and noun.lemma_.lower() not in BODY_NOUNS
        and agent_sector([noun], []) not in OFFICIAL_SECTORS
    ):
        return noun
    return None


def hometown(tok: Token, start: int, source: EventActor | None, target: EventActor | None) -> bool:
    """The place mention starting at ``tok`` (offset ``start``) names where a person in the news is
    from, not where the event happened: it modifies that person's noun (:func:`origin`) in the event's
    own actor ("a Dunmore man was arrested") or in the subject of a clause ("a Fort Elbury man
    is facing charges"); not a person only named as a scene's owner ("at the house of a Boise dentist")."""
    noun = origin(tok)
    if noun is None:
        return False
    return (
        _inside(start, start + 1, source)
        or _inside(start, start + 1, target)
        or noun.dep_
        in {
            "nsubj",
            "nsubjpass",
        }
    )


#: Sectors of an office a place names ("the Idaho senator", "a Utah judge"): where the holder was
#: elected or serves, not where they act.
OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD"})


#: Nouns of a chamber or court, not of a person: a place before them is their seat, which may be the
#: scene ("the Utah legislature voted").
CHAMBER_NOUNS = frozenset({"parliament", "legislature", "congress", "senate", "assembly", "court", "house",
                           "cabinet", "ministry", "department", "judiciary", "bench", "tribunal"})  # fmt: skip


def office(tok: Token, end: int) -> bool:
    """The place mention starting at ``tok`` and ending at ``end`` names a person's office or seat, not a
    scene: it modifies or owns a title ("the Idaho senator", "a former Utah governor", "Ghana's first
    elected president") or a named person's name ("Idaho Sen. Ana Ruiz", "Leeds mayor Ana Brisket"). Not a force's or a police's
    seat ("the Kabul police chief said": that may be the scene)."""
    head = tok
    for _ in range(6):  # from the mention's first word to its last
        if head.head.i == head.i or not (tok.idx <= head.head.idx < end):
            break
        head = head.head
    for step in range(4):  # then along the names and titles it modifies (or owns: "Kenya's president")
        deps = (
            {"compound", "flat", "nmod", "amod", "poss"}
            if step == 0
            else {"compound", "flat", "nmod", "amod"}
        )
        if head.dep_ not in deps or head.head.i == head.i:
            return False
        head = head.head
        if head.dep_ == "pobj" and head.head.lower_ in SCENE_PREPS:
            return False  # "spoke in the British parliament", "at the Utah governor's residence"
        if head.ent_type_ == "PERSON":
            return True
        if (
            head.ent_type_ != "ORG"
            and head.lemma_.lower() not in BODY_NOUNS | CHAMBER_NOUNS
            and agent_sector([head], []) in OFFICE_SECTORS
        ):
            return True
    return False


def in_org_name(tok: Token) -> bool:
    """The place name ``tok`` stands inside an "X of Y" name of an organisation that does not govern it
    ("the Northgate University of Kabul", "the Bank of England"): no scene. A governing body keeps its place
    ("the Government of Sudan", "the Dunmore Police")."""
    if tok.ent_type_ != "ORG" or tok.ent_iob_ != "I":
        return False
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i
    while end + 1 < len(tok.doc) and tok.doc[end + 1].ent_iob_ == "I":
        end += 1
    name = list(tok.doc[start : end + 1])
    if not any(t.lower_ == "of" for t in name):
        return False  # "the Dunmore facility" is in Dunmore
    return agent_sector(name, []) not in OFFICIAL_SECTORS


def dateline_at(text: str, start: int, end: int) -> bool:
    """The place mention ``start``-``end`` is a wire dateline: at the start of the text ("KABUL, May 3
    (Reuters) -"), or at the start of a line after a headline, written in capitals or followed by a
    dash or a parenthesis ("DUNMORE — A man ...")."""
    after = text[end : end + 2]
    if start <= 2:
        return after.startswith(_DATELINE_NEXT)
    if text[start - 1] != "\n":
        return False
    return (text[start:end].isupper() and after.startswith(_DATELINE_NEXT)) or after.startswith(
        (" (", " -", " —", " –")
    )


#: Nouns of land or water: a nationality adjective on them names where ("near the Syrian border", "in
#: Afghan territory", "off the Turkish coast"); on any other thing it names whose ("the French embassy",
#: "a Dutch ship", "the Chinese company").
GEO_NOUNS = frozenset({"border", "frontier", "coast", "coastline", "capital", "city", "town", "village",
                       "province", "region", "district", "state", "territory", "soil", "waters", "airspace",
                       "side", "island", "port", "county", "countryside", "mountain", "desert", "north",
                       "south", "east", "west", "part", "area", "zone", "enclave", "mainland", "highland",
                       "forest", "interior", "municipality", "valley", "river", "sea", "shore",
                       "frontline", "front", "heartland", "land", "street", "streets"})  # fmt: skip


#: Seats of a state's body that stand abroad: the agents dictionary files them as the body, but a
#: nationality on them says whose they are ("the French embassy in Nairobi").
SEAT_NOUNS = frozenset({"embassy", "consulate", "mission", "base", "headquarters", "compound", "office"})


def owned_thing(tok: Token) -> bool:
    """The nationality adjective ``tok`` modifies a thing that is not land or water and names no people,
    or a seat of a state's body: it says whose the thing is ("outside the French embassy", "boarded a
    Dutch ship"), not where."""
    noun = tok.head
    lemma = noun.lemma_.lower()
    return (
        tok.dep_ == "amod"
        and noun.pos_ == "NOUN"
        and lemma not in GEO_NOUNS
        and (lemma in SEAT_NOUNS or not people_noun(noun))
    )


def _named_person(actor: EventActor, sent: Span) -> bool:
    """The actor's mention names a person ("Peruvian President Ada Brisket"), not a group."""
    if actor.start is None or actor.end is None:
        return False
    return any(t.ent_type_ == "PERSON" for t in sent if actor.start <= t.idx < actor.end)


def _owner(tok: Token, end: int) -> bool:
    """The place mention starting at ``tok`` and ending at ``end`` modifies a noun of people or of a
    body after it that no preposition of a scene leads to ("an attack on a US consulate"): it says
    whose, not where ("the U.S. border", "in Libya's capital" are in that country)."""
    head = tok
    for _ in range(6):
        if head.head.i == head.i or not (tok.idx <= head.head.idx < end):
            break
        head = head.head
    if head.dep_ not in {"compound", "poss", "nmod"} or head.head.idx < end:
        return False
    noun = head.head
    if not (people_noun(noun) or agent_sector([noun], []) is not None):
        return False  # "toured the northern U.S. border": a place of that country
    return not (noun.dep_ == "pobj" and noun.head.lower_ in SCENE_PREPS)


def _speakers_country(
    tok: Token,
    trigger: Token,
    name: str,
    source: EventActor | None,
    target: EventActor | None,
    date: str | None,
) -> bool:
    """The place name ``tok`` stands in the subject of a clause above the trigger's (the one who reports
    it: "South Korea's military said") and is a country other than the coded source's and target's:
    that side's country, not the scene of what the other side did."""
    if source is None or not source.code:
        return False
    code = lookup(name.lower().split(), date)
    if not code or code[:3] in {source.code, target.code if target is not None else None}:
        return False
    head = tok
    while head.dep_ not in {"nsubj", "nsubjpass"} and head.head.i != head.i:
        head = head.head
    verb = head.head
    return (
        head.dep_ == "nsubj"
        and verb.lemma_.lower() in SPEECH_VERBS
        and any(a.i == verb.i for a in trigger.ancestors)
    )


def _names_other(doc: Document, trigger: Token, start: int) -> bool:
    """The trigger's own phrase names a place other than the mention at ``start`` ("an airstrike in
    which 14 died in Syria")."""
    below = {t.idx for t in trigger.subtree}
    return any(s in below and s != start for p in doc.places if not p.adjectival for s, _ in p.mentions)


def _is_actor(start: int, end: int, actor: EventActor | None, kind: str | None) -> bool:
    """The country mention ``start``-``end`` is the whole of the event's source: the state acting."""
    return kind == "country" and actor is not None and (actor.start, actor.end) == (start, end)


def _inside(start: int, end: int, actor: EventActor | None) -> bool:
    return (
        actor is not None
        and actor.start is not None
        and actor.end is not None
        and (actor.start <= start and end <= actor.end)
    )


def event_place(
    doc: Document,
    trigger: Token,
    sent: Span,
    source: EventActor | None = None,
    target: EventActor | None = None,
    verbal: bool = False,
    at_target: bool = False,
    harm: bool = False,
) -> str | None:
    """The place id of the event whose trigger is ``trigger`` (see the module's tiers), or None;
    ``source`` and ``target`` are the event's actors, ``verbal`` says it is a verbal event,
    ``at_target`` that it happens where its target is (an attack, an arrest, a visit: "shelled
    Kharkiv" happened in Kharkiv; "imposed sanctions on Iran" did not happen in Iran), ``harm`` that it
    is an attack or coercion, whose target's country is not its scene ("an attack on a US consulate";
    "met Lebanon's president" may well be in Lebanon)."""
    own, args = tiers(trigger)
    head = clause_head(trigger)
    cache = doccache.of(sent.doc)
    starts = cache.starts  # the token starting at a place's offset, when one does
    # A place inside the trigger's own subject or object names an actor or a thing, not the scene
    # ("Russia, which keeps troops in Tajikistan, has offered"): no clause place, only a sentence one.
    # (offsets read from the document's arrays: no Token made for each word of the arguments)
    deps, offsets = cache.deps, cache.offsets
    in_args = {
        offsets[t] for c in cache.children(trigger.i) if deps[c] in _ARG_DEPS for t in cache.subtree(c)
    }
    # "imposed sanctions over the invasion of Ukraine": the place of the act given as the reason is
    # that act's, not this event's
    heads = [trigger, *(c for c in trigger.children if c.dep_ in _ARG_DEPS)]
    kids, lowers = cache.children, cache.lowers  # a Token made only for a reason preposition's object
    why = {offsets[t] for h in heads for p in kids(h.i) if lowers[p] in REASON_PREPS for o in kids(p)
           if deps[o] == "pobj" and reason(sent.doc[o]) for t in cache.subtree(o)}  # fmt: skip
    # "condemned the attack on the embassy in Kabul": the condemned act's place (not "faces charges in
    # the US": where the one who faces them is charged)
    outside = trigger.lemma_.lower() in OUTSIDE_VERBS and trigger.lemma_.lower() not in RESPONSE_VERBS
    judged = {
        t.idx for h in heads[1:] if outside and h.dep_ in {"dobj", "obj"} and act_noun(h) for t in h.subtree
    }
    # "condemned his remarks on Cuba", "a row over Gibraltar": the place a verbal event's object is
    # about (not one named deeper: "accepted the award on the closing evening of the Oslo festival")
    topic = {
        t.idx
        for h in heads[1:]
        if verbal and h.dep_ in {"dobj", "obj"}
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in TOPIC_PREPS
        for o in p.children
        if o.dep_ == "pobj"
        for t in o.subtree
        if t.i == o.i or (t.dep_ in {"compound", "flat", "det", "amod"} and t.head.i == o.i)
    }
    best: tuple[int, int, int, str] | None = None
    lo, hi = sent.start_char, sent.end_char  # read once, not for each mention
    for place in doc.places:
        for start, end in place.mentions:
            if not (lo <= start and end <= hi):
                continue
            tok = sent.doc[starts[start]] if start in starts else None
            if tok is not None and not place.adjectival and hometown(tok, start, source, target):
                continue  # "a Dunmore man was arrested": the man's home town, not the scene
            if tok is not None and office(tok, end) and not (harm and _inside(start, end, target)):
                continue  # "Idaho Sen. Ada Brisket warned": her seat, not the scene ("the Kabul
                # governor was shot" may well be in Kabul)
            if tok is not None and start not in own and other_event(tok, end, trigger):
                continue  # "the Tarvo bombing and the attacks", "deployed after the attacks in Paris"
            if tok is not None and start not in own and timed_apart(tok, end, trigger, harm):
                continue  # "During the summit in Oslo, rebels attacked": the summit's place
            if affiliation(doc.text, end):
                continue  # "an Iran-backed militia", "the Saudi-led coalition": who backs or leads, not where
            if tok is not None and person_origin(tok, end):
                continue  # "Ana Ruiz of Bellmont was arrested": where she is from, not the scene
            if tok is not None and title_of(tok, end) and not (harm and _inside(start, end, target)):
                continue  # "the governor of Ohio said": her seat ("the mayor of Tarvo was shot" may be there)
            if tok is not None and in_org_name(tok):
                continue  # "lecturers at the Northgate University of Kabul": a name, not the scene
            owned = tok is not None and _inside(start, end, target) and _owner(tok, end)
            if harm and place.kind == "country" and owned:
                continue  # "an attack on a US consulate": whose consulate, not where it stands ("Italy's
                # coast guard rescued" may well be in Italy)
            if place.kind is None and holiday_name(doc.text[start:end]):
                continue  # "arrests before Diwali": a day the parser took for a place (not a known
                # place named after one: Christmas Island)
            if _is_actor(start, end, source, place.kind) and _names_other(doc, trigger, start):
                continue  # "a French drone strike in which 9 died in Mali": the country that
                # strikes, not the scene its phrase names ("the Lisbon protests" are in Lisbon)
            if harm and trigger.pos_ == "NOUN" and _is_actor(start, end, source, place.kind):
                continue  # "backed by US air strikes": the country that strikes, not the scene
            if verbal and (start in judged or start in topic):
                continue
            if start in why or (tok is not None and across_border(tok)):
                continue  # "near the border with Niger": the country over the border is not the scene
            if dateline_at(doc.text, start, end):
                continue  # the dateline names where the reporter is, whatever the parse hangs it on
            if _inside(start, end, target) and tok is not None:
                if not (at_target or scene_prep(tok, target=place.kind == "country")):
                    continue  # "sanctions on Iran", "threatened Kyiv": the target, not the scene
                if at_target and start in in_args and not place.adjectival:
                    args = args | {start}  # "shelled Kharkiv": the event's own place
            if place.adjectival and tok is not None and start in own | args and owned_thing(tok):
                continue  # "gathered outside the French embassy": whose embassy, not where it stands
            if start in own:
                tier = 0
            elif start in args:
                tier = 1
            else:
                actor = next((a for a in (source, target) if _inside(start, end, a)), None)
                if verbal and (actor is not None or start in in_args):
                    continue  # "China's ambassador warned": the speaker's country is no scene
                attacker = harm and actor is not None and actor is source and not _inside(start, end, target)
                if (
                    attacker
                    and place.kind == "country"
                    and not place.adjectival
                    and tok is not None
                    and not scene_prep(tok)
                ):
                    continue  # "US drone strikes killed four", "Russia's army shelled the town": whose
                    # attack, not where it struck (a nationality adjective is read below)
                if actor is not None and _named_person(actor, sent) and (tok is None or not scene_prep(tok)):
                    continue  # "a rally against Mexican President Brisket": his title, not the scene
                if place.adjectival:
                    continue  # "the Swedish investigation", "the 51-year-old Canadian", "Malian soldiers
                    # were killed": a nationality says who, not where (the guideline's reading: an
                    # actor's country is no scene; "near the Syrian border" is read on the trigger above)
                if tok is not None and actor is None and not scene_path(tok):
                    continue  # "the road to Gao", "flown to Niamey"
                if tok is not None and _speakers_country(
                    tok, trigger, doc.text[start:end], source, target, doc.published
                ):
                    continue  # "North Korea fired, South Korea's military said": the speaker's country
                if tok is not None and named_actor(tok, end):
                    continue  # "officials said Oslo had agreed": the government, no scene
                clause = tok is not None and start not in in_args and _in_clause(tok, head)
                tier = 2 if clause and not place.adjectival else 3
                if tier == 3 and tok is not None and side_clause(tok, trigger):
                    continue  # "Speaking in Paris, he said rebels attacked": another clause's place
                if tier == 3 and verbal:
                    continue  # what is said happens where it is said: not at a place the sentence names elsewhere
            key = (tier, int(place.adjectival), abs(start - trigger.idx), place.id)
            if best is None or key < best:
                best = key
    return best[3] if best else None
