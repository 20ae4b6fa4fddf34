"""Which named source a nominal speaker mention stands for: "a company spokesperson said", "the
doctor said", "prosecutors said", "analysis from Acme found", "the company wrote".

An unnamed spokesperson speaks for the organisation its words or the sentences before it name; a
finding or a document for the organisation its mention names as owner or author; the people of a
kind of body ("prosecutors", "officers") for the one such body the text names; a plural nominal
("the doctors") for a group named for its members; a person nominal ("the doctor", "the
spokeswoman") for the one person whose titles say so; an organisation nominal as
:func:`~wiresift.nlp.quotes.sources.org_source` finds it. Each answer comes with the way it was
found, a feature of the speaker confidence.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from wiresift.nlp.entities.lexicon import PERSON_NOMINAL_HEADS, words
from wiresift.nlp.quotes.appositions import SPOKES_HEADS, apposed_person, spokes_org
from wiresift.nlp.quotes.epithets import TIE_SENTENCES, epithet_person, person_noun, subject_person
from wiresift.nlp.quotes.sources import (
    DOCUMENT_HEADS,
    ORG_HEADS,
    ORG_TYPES,
    PERSON_LOOKBACK,
    POLL_HEADS,
    definite,
    document_issuer,
    name_words,
    org_source,
    orgs_after,
    orgs_before,
    poll_sponsor,
    salient_org,
    subject_org,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Token

    from wiresift.model import Entity
    from wiresift.nlp.entities.coref import Speaker
    from wiresift.nlp.entities.index import EntityIndex

#: Heads of a finding or a document whose words are those of the organisation the mention names
#: ("analysis from Acme", "Acme's review", "preliminary tests by Acme Labs").
SOURCE_HEADS = (
    POLL_HEADS
    | DOCUMENT_HEADS
    | words("analysis review guidance research data test tests figures estimate estimates findings")
)

#: The people of a kind of body and the words that name such a body: "prosecutors" speak for the
#: one attorney's or prosecutor's office the text names, "officers" for the one police force.
MEMBER_BODIES: dict[str, frozenset[str]] = {
    "prosecutors": words("attorney prosecutor prosecutors prosecution"),
    "officers": words("police sheriff constabulary"),
    "detectives": words("police sheriff constabulary"),
    "deputies": words("sheriff"),
    "troopers": words("police patrol"),
    "firefighters": words("fire"),
}

#: Sentences back an unnamed spokesperson looks for the organisation it speaks for as main subject.
SPOKES_SENTENCES = 2

#: Words at most of a plural nominal that may stand for a group named for its members ("the doctors").
MEMBER_WORDS = 3

#: Person nominal heads and the title words that name the same role.
ROLE_WORDS: dict[str, frozenset[str]] = {
    "doctor": words("dr. dr doctor physician surgeon"),
    "physician": words("dr. dr doctor physician"),
    "spokesman": words("spokesman spokeswoman spokesperson"),
    "spokeswoman": words("spokesman spokeswoman spokesperson"),
    "spokesperson": words("spokesman spokeswoman spokesperson"),
    "lawyer": words("lawyer attorney counsel"),
    "attorney": words("lawyer attorney counsel"),
    "senator": words("senator sen. sen"),
    "governor": words("governor gov. gov"),
    "mayor": words("mayor"),
    "professor": words("professor prof. prof"),
    "coach": words("coach"),
    "chief": words("chief"),
    "sheriff": words("sheriff"),
    "officer": words("officer"),
    "president": words("president"),
    "minister": words("minister"),
    "ceo": words("ceo executive"),
    "executive": words("ceo executive"),
}
#: Role nouns besides the title heads of :mod:`wiresift.nlp.entities.lexicon` ("the nominee").
ROLE_HEADS = words("nominee candidate doctor physician lawyer coach owner founder")
#: Words of a role mention that say nothing about which holder it is.
_ROLE_STOP = words("the a an this that of and former current")


def nominal_source(
    index: EntityIndex, speaker: Speaker, mention: str, text: str, prev_speaker: str | None = None
) -> tuple[str | None, str]:
    """(entity id, how) for a nominal speaker mention coref leaves open; ``how`` is "org_name",
    "org_kind", "org_single", "poll_sponsor", "role_title" or "" (nothing found). ``prev_speaker``
    is the speaker of the quote right before, when it ended close by."""
    head = speaker.head
    org = spokes_org(index, speaker, text)
    if org is not None:
        return org, "org_name"
    person = apposed_person(index, speaker, text)
    if person is not None:
        return person, "titled"
    if head in SOURCE_HEADS:
        owner = owner_inside(index, speaker)
        if owner is not None:
            return owner, "poll_sponsor"  # "an Acme poll", "analysis from Acme", "Acme's review"
    if head in MEMBER_BODIES and _plural(index, speaker) and len(mention.split()) <= MEMBER_WORDS:
        # "prosecutors said" after "the Bree County Attorney's Office" was named: its people
        bodies = [
            eid
            for eid in orgs_before(index, speaker.start, PERSON_LOOKBACK)
            if _name_forms(index, eid) & MEMBER_BODIES[head]
        ]
        if not bodies:  # "…, prosecutors said." in the lead, the office named further down
            bodies = [
                eid for eid in orgs_after(index, speaker.end) if _name_forms(index, eid) & MEMBER_BODIES[head]
            ]
        if len(bodies) == 1:
            return bodies[0], "org_kind"
    body = member_org(index, speaker)
    if body is not None:
        return body, "org_name"  # "officials at the Bree Port Authority", "analysts with Acme"
    if not definite(mention):
        named_next = introduced_person(index, speaker, mention, text)
        if named_next is None and head in SPOKES_HEADS:
            return spokes_source(index, speaker, prev_speaker)
        return (named_next, "role_title") if named_next is not None else (None, "")
    if head in POLL_HEADS:
        sponsor = poll_sponsor(index, speaker.start, head, text)
        if sponsor is not None:
            return sponsor, "poll_sponsor"
    if head not in ORG_HEADS and _plural(index, speaker) and len(mention.split()) <= MEMBER_WORDS:
        # "Doctors for Fair Care … the doctors stated": a group named for its members
        before = orgs_before(index, speaker.start, PERSON_LOOKBACK)
        members = [eid for eid in before if head in _name_forms(index, eid)]
        if members:
            return members[0], "org_name"
    if head in DOCUMENT_HEADS or head in POLL_HEADS:
        # "the Bank of Bree said in a report … The report said": a report or a study, like a
        # statement, speaks for whoever issued it
        issuer = document_issuer(index, speaker.start, head)
        if issuer is not None:
            return (
                issuer,
                "poll_sponsor",
            )  # a document's words are its issuer's, as a poll's are its sponsor's
    if (
        head in ROLE_WORDS
        or head in PERSON_NOMINAL_HEADS
        or head in ROLE_HEADS
        or person_noun(head)
        or (head not in ORG_HEADS and _title_head(index, speaker.start, head))
    ):
        person = role_person(index, speaker.start, head, mention)
        if person is None and not _role_holders(index, speaker.start, head):
            person = epithet_person(index, speaker, text)  # "Dross told … The former pollster said"
        if person is not None:
            return person, "role_title"
    if head in SPOKES_HEADS:
        return spokes_source(index, speaker, prev_speaker)
    if head in ORG_HEADS:
        return org_source(index, speaker.start, head, prev_speaker)
    return None, ""


def spokes_source(index: EntityIndex, speaker: Speaker, prev_speaker: str | None) -> tuple[str | None, str]:
    """The organisation an unnamed spokesperson speaks for when the mention names none ("a company
    spokesperson", "the spokeswoman"): the one its kind word stands for, found like "the company"
    is, else the organisation the sentences right before are about (or the previous quote's
    speaker, or the only one named lately). A spokesperson who names a principal the text does not
    call an organisation ("a spokesman for the senator", "her spokeswoman") speaks for no body."""
    sdoc = index.sdoc
    span = sdoc.char_span(speaker.head_start, speaker.head_end) if sdoc is not None else None
    if span is None or speaker.head_start < 0:
        return None, ""
    tok = span[0]
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.i > tok.i) for c in tok.children):
        return None, ""
    if any(c.pos_ == "PROPN" for c in tok.children if c.i < tok.i):
        return None, ""  # "an Acme spokesman" with Acme no organisation of the index: no guess
    kind = next((c.lower_ for c in tok.children if c.dep_ == "compound" and c.lower_ in ORG_HEADS), None)
    if kind is not None:
        return org_source(index, speaker.start, kind, prev_speaker)
    seen = orgs_before(index, speaker.start)
    if not seen:
        return None, ""
    # Nothing in the words says which body: only the subject of the last sentences or so (a
    # "the company" names its kind and may look further back), else as "the company" is found.
    subject = subject_org(index, speaker.start, seen, sentences=SPOKES_SENTENCES)
    if subject is not None:
        return subject, "org_single"
    if len(seen) > 1 and subject_org(index, speaker.start, seen) is not None:
        return None, ""  # a body the text spoke of further back, others since: no one
    return salient_org(index, speaker.start, seen, prev_speaker)


#: Prepositions that tie people to the body they work for ("officials at", "analysts with").
MEMBER_PREPS = words("at of for from with in")
#: People named by their tie to a body they do not speak for ("critics of Acme", "customers of Acme").
OUTSIDERS = words("supporter opponent critic fan rival customer client victim voter patient student")


def member_org(index: EntityIndex, speaker: Speaker) -> str | None:
    """The organisation whose unnamed people speak: a person noun head tied by a preposition to an
    organisation the index knows ("officials at the Bree Port Authority", "analysts with Acme
    Capital", "a source in the ministry of Ruritania"); like an unnamed spokesperson, they speak
    for it. The people are several or one unnamed ("an official at …"): a definite title ("the
    secretary general of the association") is a person; people named by a tie to a body they do not
    speak for (:data:`OUTSIDERS`: "critics of Acme") speak for themselves."""
    sdoc = index.sdoc
    if sdoc is None or speaker.head_start < 0:
        return None
    span = sdoc.char_span(speaker.head_start, speaker.head_end)
    if span is None or span[0].pos_ != "NOUN":
        return None
    head = span[0]
    if not person_noun(head.lemma_.lower()) or head.lemma_.lower() in OUTSIDERS:
        return None
    if head.tag_ != "NNS" and sdoc[head.left_edge.i].lower_ not in ("a", "an", "one"):
        return None  # "the secretary general of the association" is a person, not the body
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in MEMBER_PREPS:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        eid = index.at(obj.left_edge.idx, obj.idx + len(obj.text)) or index.at(
            obj.idx, obj.idx + len(obj.text)
        )
        entity = index.get(eid)
        if entity is not None and entity.type in ORG_TYPES:
            return entity.id
    return None


def owner_inside(index: EntityIndex, speaker: Speaker) -> str | None:
    """The organisation a source mention names as its owner or author ("Acme's review", "an Acme
    poll", "tests by Acme", "analysis from Acme", "a report in the Bree Courier"): an organisation inside the mention whose name
    hangs on the head word itself, not on a clause of it ("the statement, obtained by Acme")."""
    sdoc = index.sdoc
    if sdoc is None or speaker.head_start < 0:
        return None
    span = sdoc.char_span(speaker.head_start, speaker.head_end)
    if span is None:
        return None
    head = span[0]
    author = _author_after(index, head)
    if author is not None:
        return author
    lo = bisect_left(index.mentions, (speaker.start, 0, ""))
    named: str | None = None  # a name on the head word itself: the owner, or only the title
    for start, end, eid in index.mentions[lo:]:
        if start >= speaker.end:
            break
        if end > speaker.end or index.entities[eid].type not in ORG_TYPES:
            continue
        name = sdoc.char_span(start, end, alignment_mode="expand")
        root = name.root if name is not None else None
        if root is None:
            continue
        if root.head.i == head.i and root.dep_ in ("poss", "compound"):
            named = named or eid
            continue
        prep = root.head
        if root.dep_ == "pobj" and prep.lower_ in ("by", "from", "of", "in") and prep.head.i == head.i:
            return eid
        if root.dep_ == "pobj" and prep.lower_ == "by" and _authored(prep.head, head):
            return eid  # "a report published on Tuesday by Acme"
    # "the Home Pulse report from Acme": the author the preposition names wins over a name on the
    # head word, which may be the document's own title
    return named


def document_author(index: EntityIndex, speaker: Speaker) -> str | None:
    """The organisation a "by"/"from" phrase on a document speaker's head word names ("the Home Pulse
    report from Acme Inc."): the author, whatever name the document's own title holds."""
    sdoc = index.sdoc
    if sdoc is None or speaker.head_start < 0 or speaker.head not in SOURCE_HEADS:
        return None
    span = sdoc.char_span(speaker.head_start, speaker.head_end)
    return _author_after(index, span[0]) if span is not None else None


def _author_after(index: EntityIndex, head: Token) -> str | None:
    """The organisation a "by"/"from" phrase on the document word ``head`` names, also where the
    speaker mention stops before it ("according to the Home Pulse report from Acme Inc.")."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("by", "from"):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        end = obj.idx + len(obj.text)
        eid = index.at(obj.left_edge.idx, end) or index.at(obj.idx, end)
        entity = index.get(eid)
        if entity is not None and entity.type in ORG_TYPES:
            return entity.id
    return None


#: Participles whose "by" agent wrote or ordered the document they hang on (not "obtained by").
AUTHORING = words("publish release issue write prepare produce commission conduct compile author sponsor")


def _authored(verb: Token, head: Token) -> bool:
    """Whether ``verb`` is a participle of :data:`AUTHORING` set on the document word ``head``."""
    return verb.dep_ == "acl" and verb.head.i == head.i and verb.lemma_.lower() in AUTHORING


def _plural(index: EntityIndex, speaker: Speaker) -> bool:
    """Whether the speaker's head word is a plural common noun ("the doctors")."""
    sdoc = index.sdoc
    span = sdoc.char_span(speaker.head_start, speaker.head_end) if sdoc is not None else None
    return span is not None and span[0].tag_ == "NNS"


def _name_forms(index: EntityIndex, eid: str) -> set[str]:
    """The words of an entity's names and aliases, lower-cased."""
    entity = index.entities[eid]
    return set().union(*(name_words(n) for n in (entity.name, *entity.aliases)))


def role_person(index: EntityIndex, pos: int, head: str, mention: str = "") -> str | None:
    """The one person named before ``pos`` whose titles (or name, "Dr. Ann Lee") hold the role
    ``head``; several such persons are told apart by the mention's other words ("the Republican
    nominee"), then by being named both more often and more lately; a tie names no one."""
    role = {r.rstrip(".") for r in ROLE_WORDS.get(head, frozenset({head}))}
    extra = name_words(mention) - role - _ROLE_STOP
    found: dict[str, int] = {}
    seen: dict[str, tuple[int, int]] = {}  # person -> (mentions before pos, latest mention)
    for start, _end, eid in index.mentions:
        if start >= pos:
            break
        if start < pos - PERSON_LOOKBACK:
            continue
        count, _last = seen.get(eid, (0, -1))
        seen[eid] = (count + 1, start)
        if eid in found:
            continue
        entity = index.entities[eid]
        if entity.type != "PERSON":
            continue
        said = set().union(
            *(name_words(t) for t in entity.titles),
            name_words(entity.name),
            *(name_words(a) for a in entity.aliases),
        )
        if held_roles(entity) & role:
            found[eid] = len(said & extra)
    if not found:
        return None
    best = max(found.values())
    top = [eid for eid, shared in found.items() if shared == best]
    if len(top) == 1:
        return top[0]
    # Two governors: the one the text has been talking about — named more often and more lately
    # than every other — is "the governor"; otherwise no one.
    lead = max(top, key=lambda eid: seen[eid])
    if all(seen[lead][0] > seen[e][0] and seen[lead][1] > seen[e][1] for e in top if e != lead):
        return lead
    # else the one of them the last sentences were about ("Kasich said … The Ohio governor said")
    return subject_person(index, pos, set(top), TIE_SENTENCES)


def held_roles(entity: Entity) -> set[str]:
    """The roles a person holds: the words of each title's head phrase ("chief executive officer";
    "spokesman" of "spokesman for the sheriff" and of "the sheriff's spokesman") and of the name
    ("Dr. Ann Lee"). A role the title names after a preposition or as a possessor is someone
    else's: the sheriff's spokesman is no sheriff, an adviser to the governor no governor."""
    roles = set().union(name_words(entity.name), *(name_words(a) for a in entity.aliases))
    for title in entity.titles:
        for word in title.split():
            if word.lower() in _TITLE_TAIL:
                break
            if not word.endswith(_POSSESSIVE):
                roles |= name_words(word) - _ROLE_STOP
    return roles


#: Endings of a possessor in a title ("the sheriff's", "the Lees'").
_POSSESSIVE = ("'s", "\u2019s", "s'", "s\u2019")


def _title_head(index: EntityIndex, pos: int, head: str) -> bool:
    """Whether a person named in the :data:`PERSON_LOOKBACK` before ``pos`` holds a title whose last
    word is ``head`` ("Ann Lee, an estate agent, …": "the estate agent" is a role of the text, also
    when no lexicon lists "agent")."""
    return any(_head_word(t) == head for entity in _persons_before(index, pos) for t in entity.titles)


def _persons_before(index: EntityIndex, pos: int) -> Iterator[Entity]:
    """The persons mentioned in the :data:`PERSON_LOOKBACK` characters before ``pos``, once per mention."""
    for start, _end, eid in index.mentions:
        if start >= pos:
            break
        entity = index.entities[eid]
        if start >= pos - PERSON_LOOKBACK and entity.type == "PERSON":
            yield entity


#: Words that open the part of a title after its head noun ("field officer at the agency").
_TITLE_TAIL = words("of at for in with from on to and")


def _head_word(title: str) -> str:
    """The head noun of a title: its last word before a preposition ("officer" of "field
    officer at the agency")."""
    head = ""
    for word in title.lower().split():
        if word in _TITLE_TAIL:
            break
        head = word
    return head


def _role_holders(index: EntityIndex, pos: int, head: str) -> bool:
    """Whether any person named in the :data:`PERSON_LOOKBACK` before ``pos`` holds the role ``head``
    by their titles or name."""
    role = {r.rstrip(".") for r in ROLE_WORDS.get(head, frozenset({head}))}
    return any(
        set().union(*(name_words(t) for t in (*entity.titles, entity.name, *entity.aliases))) & role
        for entity in _persons_before(index, pos)
    )


#: How far after an indefinite role mention the person it introduces may be named: the next paragraph.
INTRODUCED_CHARS = 400


def introduced_person(index: EntityIndex, speaker: Speaker, mention: str, text: str) -> str | None:
    """The person a lead introduces by role before naming them ("A transit chief says … \n\n Police
    Chief Ann Lee told …"): the first person named in the next paragraph or so whose first mention
    comes after the role mention and whose titles hold its head word; none when the text named
    anyone with that role before."""
    if mention.split(maxsplit=1)[0].lower() not in ("a", "an"):
        return None
    head = speaker.head
    if not (head in ROLE_WORDS or head in PERSON_NOMINAL_HEADS or head in ROLE_HEADS):
        return None
    role = {r.rstrip(".") for r in ROLE_WORDS.get(head, frozenset({head}))}
    stop = min(len(text), speaker.end + INTRODUCED_CHARS)
    for start, _end, eid in index.mentions:
        if start >= stop:
            break
        entity = index.entities[eid]
        if entity.type != "PERSON" or not set().union(*(name_words(t) for t in entity.titles)) & role:
            continue
        if start < speaker.end or entity.mentions[0][0] < speaker.end:
            return None  # a holder of the role was named before: not an introduction
        return eid
    return None
