"""The ``entities`` stage: spaCy's named entities, fixed, merged and enriched by rules.

Steps, all within one document: (1) keep spaCy's name types, retyping country names spaCy called
NORP; (2) read titles from capitalised pre-modifiers and appositives; (3) merge mentions: a surname
or first name joins the full name, an acronym joins the organisation it abbreviates ("Collective
Security Treaty Organisation (CSTO)"); bare surnames spaCy missed or mistyped become mentions;
(4) nominal mentions ("the Russian General", "the head of the CSTO Joint Staff", "the
organisation") join the one earlier entity whose title or name they match. The mention index is
left in ``ctx.data["entities"]`` (:class:`~wiresift.nlp.ent_index.EntityIndex`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from wiresift.model import Document, Entity
from wiresift.nlp.entities import party_tags
from wiresift.nlp.entities.captions import add_caption_titles
from wiresift.nlp.entities.coordination import shared_titles
from wiresift.nlp.entities.index import EntityIndex
from wiresift.nlp.entities.lexicon import (
    NOMINAL_SYNONYMS,
    PERSON_PRONOUNS,
    TITLE_HEADS,
    TITLED_NOMINAL_HEADS,
    country_code,
    country_names,
)
from wiresift.nlp.entities.names import (
    ACRONYM,
    HONORIFIC,
    LEADING_THE,
    NATIONALITY_ENDINGS,
    TITLED_NAME,
    Nominal,
    initials_forms,
    name_key,
    name_parts,
    name_suffix,
    nominals,
    short_key,
    surname_forms,
)
from wiresift.nlp.entities.namesakes import introduced_as_kin, split_courtesy_mentions
from wiresift.nlp.entities.organisations import (
    join_acronyms,
    join_short_names,
    led_bodies,
    office_owners,
    retype_organisations,
    untagged_speakers,
)
from wiresift.nlp.entities.person_check import drop_non_persons
from wiresift.nlp.entities.persons import clean
from wiresift.nlp.entities.roles import role_title, roles
from wiresift.nlp.entities.speakers import speaking_names
from wiresift.nlp.entities.titles import appositive, premodifier

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from wiresift.gazetteer import Gazetteer
    from wiresift.nlp.pipeline import Context

#: spaCy labels that name things; numbers, dates and amounts belong to the claims/timexes stages.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)


#: A word of a full name: a capital and letters, or an initial ("Ann", "O'Neil", "J.").
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")


class _Builder:
    """Collects entities and mentions for one document."""

    def __init__(self, doc: Document, sdoc: Doc) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self.index = EntityIndex()
        self.keys: dict[tuple[str, str], str] = {}  # (type, normalised name or alias) -> entity id
        self.surnames: dict[str, list[str]] = {}  # surname -> person ids, in order of first mention
        self.first_names: dict[str, list[str]] = {}
        #: first and last name -> (person, the middle names seen with it) (:func:`short_key`)
        self.shorts: dict[str, list[tuple[str, set[str]]]] = {}
        #: the surnames and first names as written, lower case: keys drop accents, the text keeps them
        self.spellings: set[str] = set()

    def new(self, name: str, label: str) -> str:
        eid = f"e{len(self.index.entities) + 1}"
        self.index.entities[eid] = Entity(id=eid, name=name, type=label, stage="entities")
        return eid

    def person(self, name: str) -> str:
        """The person ``name`` refers to: a known full name, or the one person with that surname or
        first name; else a new one. Two people sharing a surname ("Tom Smith", "Jane Smith") make a
        bare "Smith" its own entity: joining it to either could give words to the wrong one."""
        parts = name_parts(name)
        low = name_key(name)
        key = ("PERSON", low)
        if key in self.keys:
            return self.keys[key]
        short = short_key(name)
        if short is not None and len(known := self.shorts.get(short[0], [])) == 1:
            # "Donald J. Trump" and "Donald Trump": one person, unless the middles differ ("George
            # H.W. Bush" is not "George W. Bush") or two persons already share first and last name
            eid, middles = known[0]
            if not short[1] or not middles or middles == {short[1]}:
                if short[1]:
                    middles.add(short[1])
                self.keys[key] = eid
                return eid
        named = len(parts) > 2 and all(_NAME_WORD.fullmatch(p) for p in parts)
        for form in surname_forms(name)[1:] if named else ():
            # "Owen Patrick Lindqvist" after "Patrick Lindqvist": the one person, by the name they go by
            owner = self.keys.get(("PERSON", name_key(form)))
            if owner is not None and len(self.surnames.get(name_key(form), [])) <= 1:
                self.keys[key] = owner
                return owner
        tables = (self.surnames, self.first_names) if len(parts) == 1 else (self.surnames,)
        suffix = name_suffix(name)
        # "Brenner Jr." is the son even where the father shares "Brenner"
        looked = name_key(" ".join([*parts, suffix]) if suffix and len(parts) == 1 else " ".join(parts))
        for table in tables:
            ids = table.get(looked)
            if ids:
                if len(ids) == 1:
                    return ids[0]
                break
        eid = self.new(name, "PERSON")
        self.keys[key] = eid
        if short is not None:
            self.shorts.setdefault(short[0], []).append((eid, {short[1]} if short[1] else set()))
        if len(parts) > 1:
            keys = [(self.surnames, form) for form in surname_forms(name)] + [(self.first_names, parts[0])]
            for table, part in keys:
                self.spellings.add(part.lower())
                ids = table.setdefault(name_key(part), [])
                if eid not in ids:
                    ids.append(eid)
        return eid

    def alias(self, eid: str, start: int, surface: str) -> None:
        """Keep "Mr Smith" (a courtesy title before a person's mention at ``start``) as an alias."""
        m = HONORIFIC.search(self.doc.text, max(0, start - 8), start)
        entity = self.index.entities[eid]
        if m is None or (len(surface.split()) > 1 and surface == entity.name):
            return
        form = f"{m.group('h')}{m.group('dot')} {surface}"
        if form != entity.name and form not in entity.aliases:
            entity.aliases.append(form)

    def named(self, name: str, label: str) -> str:
        """The entity of a non-person name; an acronym spaCy typed GPE or LOC still finds its ORG; a
        country is one entity under all its names ("Tajikistan", "the Republic of Tajikistan")."""
        low = name_key(name)
        code = country_code(name) if label == "GPE" else None
        if code is not None:
            low = f"country:{code}"
        for lab in (label, "ORG") if label != "ORG" else (label,):
            if (lab, low) in self.keys:
                return self.keys[(lab, low)]
        eid = self.new(LEADING_THE.sub("", name), label)
        self.keys[(label, low)] = eid
        if label == "ORG" and len(name.split()) > 1:
            for initials in initials_forms(name):
                self.keys.setdefault(("ORG", initials.lower()), eid)
        return eid


def _label(ent: Span) -> str:
    label = ent.label_
    if label == "NORP" and name_key(ent.text) in country_names():
        return "GPE"
    return label


def build(
    doc: Document,
    sdoc: Doc,
    parse: Callable[[str], Doc] | None = None,
    gaz: Gazetteer | None = None,
    check: bool = True,
) -> EntityIndex:
    """All entities of ``doc`` with their mentions, titles and aliases; ``parse`` (the run's model)
    lets the captions that name a person add that person's titles; ``gaz`` (the gazetteer) tells
    a town spaCy typed PERSON from a person; ``check`` drops the PERSON entities the learned check
    (:mod:`~wiresift.nlp.entities.person_check`) says are products, apps or companies."""
    b = _Builder(doc, sdoc)
    b.index.sdoc = sdoc
    b.index.text = doc.text
    text = doc.text
    ents = [e for e in sdoc.ents if e.label_ in NAME_LABELS]
    ents = clean(sdoc, sorted([*ents, *_titled_names(sdoc, text)], key=lambda e: e.start), gaz)
    ents = party_tags.apply(sdoc, ents)  # "(D-Md.)" no entity; "Ostrander (R-Ky.)" a person
    ents = speaking_names(sdoc, ents)
    shared = _shared_surnames(ents)
    for ent in ents:
        if ent.label_ == "PERSON" and (len(ent.text.split()) > 1 or ent.start in shared):
            # full names first, so that "Sidorov" before "Anatoly Sidorov" still merges
            b.person(f"{ent.text} {shared[ent.start]}" if ent.start in shared else ent.text)
    multi = {
        name_key(form)
        for e in ents
        if e.label_ == "PERSON" and len(e.text.split()) > 1
        for form in surname_forms(e.text)
    }
    given = {
        name_key(name_parts(e.text)[0]) for e in ents if e.label_ == "PERSON" and len(name_parts(e.text)) > 1
    }
    in_ent: dict[int, str] = {}
    for ent in ents:
        for i in range(ent.start, ent.end):
            in_ent[i] = ent.label_
    person_ids: dict[int, str] = {}  # token start of a PERSON name -> its entity
    for ent in ents:
        label = _label(ent)
        low = name_key(ent.text)
        if label != "PERSON" and (low in multi or (label == "ORG" and low in given)) and len(ent) <= 2:
            label = "PERSON"  # a bare surname (or a given name typed ORG) of a person named in full
        start_char, end_char = ent.start_char, ent.end_char
        if label == "PERSON":
            title, name_start = premodifier(sdoc, ent, in_ent)
            if name_start < ent.start:
                start_char = sdoc[name_start].idx
            name = text[start_char:end_char]
            if ent.start in shared:
                name = f"{name} {shared[ent.start]}"
            first = b.keys.get(("PERSON", name_key(ent.text)))
            if first is not None and name != ent.text:  # the name grew left: still the person of pass one
                eid = first
                b.keys.setdefault(("PERSON", name_key(name)), eid)
            else:
                eid = b.person(name)
            entity = b.index.entities[eid]
            if len(name) > len(entity.name) and name_key(" ".join(name_parts(name))).endswith(
                name_key(" ".join(name_parts(entity.name)[-1:]))
            ):
                entity.name = name
            b.alias(eid, start_char, name)
            if title is not None and title.text not in entity.titles:
                entity.titles.append(title.text)
                if title[0].ent_type_ == "NORP":
                    b.index.nationality.setdefault(eid, title[0].lower_)
            _add_roles(b, eid, ent)
            person_ids[ent.start] = eid
        else:
            eid = b.named(ent.text, label)
            entity = b.index.entities[eid]
            surface = LEADING_THE.sub("", ent.text)
            if surface != entity.name and surface not in entity.aliases:
                entity.aliases.append(surface)
            m = ACRONYM.match(text, end_char)
            if m and label == "ORG":
                acronym = m.group(1)
                b.keys[("ORG", acronym.lower())] = eid
                if acronym not in entity.aliases:
                    entity.aliases.append(acronym)
                b.index.add(m.start(1), m.end(1), eid)
        b.index.add(start_char, end_char, eid)
    persons = [e for e in ents if e.start in person_ids]
    for ent, shared_title in shared_titles(sdoc, persons, in_ent):
        titles = b.index.entities[person_ids[ent.start]].titles
        if shared_title.text not in titles:
            titles.append(shared_title.text)
    _shared_surname_main(b)
    _bare_surnames(b, in_ent)
    split_courtesy_mentions(b.index)  # "Mr. Khan" and "Ms. Khan": the husband and the wife
    _unmarked_orgs(b)
    join_acronyms(b.index, sdoc.vocab)
    join_short_names(b.index)
    led_bodies(b.index, sdoc, text)
    office_owners(b.index)
    untagged_speakers(b.index, sdoc)
    if doc.captions and parse is not None:
        add_caption_titles(
            b.index, doc.captions, parse
        )  # before nominals: "the Colonel-General" then matches
    _nominals(b)
    # An entity whose every mention went to another (a name retyped, regrown or joined) is no entity.
    b.index.entities = {eid: e for eid, e in b.index.entities.items() if e.mentions}
    if check:
        people = dict(b.index.entities)
        dropped = drop_non_persons(b.index, sdoc)
        retype_organisations(b.index, sdoc, [people[eid] for eid in dropped])
    return b.index


def _shared_surnames(ents: list[Span]) -> dict[int, str]:
    """Given names that share the surname of the full name they are joined to: "Joe" in "Joe and
    Hunter Biden" is Joe Biden (token index of the given name -> surname)."""
    out: dict[int, str] = {}
    surnames = {e[-1].lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1}
    for a, b in pairwise(ents):
        if a.label_ != "PERSON" or b.label_ != "PERSON" or len(a) != 1 or len(b) < 2:
            continue
        if a[0].lower_ in surnames:
            continue  # "Reed and Ann Lee" after "Tom Reed": Reed is a surname, not a given name
        between = a.doc[a.end : b.start]
        if len(between) == 1 and between[0].lower_ in ("and", "&") and a[0].pos_ == "PROPN":
            out[a.start] = b[-1].text
    return out


def _titled_names(sdoc: Doc, text: str) -> list[Span]:
    """Capitalised names right after a capitalised role word that spaCy left untagged."""
    from spacy.tokens import Span

    out = []
    for m in TITLED_NAME.finditer(text):
        if m.group("role").lower() not in TITLE_HEADS:
            continue
        span = sdoc.char_span(m.start("name"), m.end("name"))
        if span is None or any(t.ent_type_ or t.pos_ != "PROPN" for t in span if t.text != "-"):
            continue
        out.append(Span(sdoc, span.start, span.end, label="PERSON"))
    return out


def _shared_surname_main(b: _Builder) -> None:
    """A bare surname two people share, titled with an office ("former Vice President Lee" after
    "Tom Lee" and "his son, Ben Lee"), is the one not introduced as a relative of the other: news
    calls relatives by their first names. With no relative named as such ("Tom and Ben Lee"), it is
    the one the text also names on their own ("Tom Lee"). An untitled bare surname stays apart (it
    may be either)."""

    def kin(eid: str) -> bool:
        entity = b.index.entities[eid]
        return introduced_as_kin(b.doc.text, entity.titles, entity.mentions)

    for surname, ids in list(b.surnames.items()):
        bare = b.keys.get(("PERSON", surname))
        if len(ids) < 2 or bare is None or bare in ids:
            continue
        entity = b.index.entities[bare]
        rest = [eid for eid in ids if not kin(eid)]
        if len(rest) == len(ids):  # no one introduced as a relative: the one also named on their own
            rest = [eid for eid in ids if _named_alone(b, eid)]
        if len(rest) != 1 or len(rest) == len(ids) or not entity.titles or kin(bare):
            continue
        main = rest[0]
        for start, end in entity.mentions:
            b.index.mentions.remove((start, end, bare))
            b.index.add(start, end, main)
        titles = b.index.entities[main].titles
        titles += [t for t in entity.titles if t not in titles]
        entity.mentions = []
        b.keys[("PERSON", surname)] = main
        b.surnames[surname] = [main]


#: The given name and conjunction before the second of two names sharing a surname ("Joe and Hunter Lee").
_PAIR_HEAD = re.compile(r"[A-Z][\w'’-]*\s+(?:and|&)\s+$")


def _named_alone(b: _Builder, eid: str) -> bool:
    """Whether the person ``eid`` is named in full outside a pair sharing the surname ("Joe and Hunter
    Lee" names both; a later "Joe Lee" names Joe alone)."""
    text = b.doc.text
    for start, end in b.index.entities[eid].mentions:
        if " " in text[start:end].strip() and not _PAIR_HEAD.search(text[max(0, start - 30) : start]):
            return True
    return False


def _bare_surnames(b: _Builder, in_ent: dict[int, str]) -> None:
    """Surnames of known people that spaCy did not mark at all, and other mentions of a one-word
    name titled somewhere ("President Lee" then "Lee said", spaCy tagging only the first). The
    match ignores case inside the word ("McDonald", "DeSantis") but wants a capital first."""
    table = dict(b.surnames)
    for eid, entity in b.index.entities.items():
        if entity.type == "PERSON" and " " not in entity.name and entity.titles and len(entity.name) > 2:
            table.setdefault(name_key(entity.name), [eid])
    if not table:
        return
    written = {s for s in b.spellings if name_key(s) in table}  # "Núñez" as well as its key "nunez"
    spelt = sorted(set(table) | written, key=len, reverse=True)
    forms = (re.escape(s).replace("'", "['’ʼ]") for s in spelt if s)
    pattern = re.compile(r"\b(" + "|".join(forms) + r")\b", re.IGNORECASE)
    for m in pattern.finditer(b.doc.text):
        if not m.group(1)[:1].isupper() or b.index.at(m.start(), m.end()) is not None:
            continue
        if m.group(1).lower() in PERSON_PRONOUNS:
            continue  # "He said" after "Liu He": the pronoun, not the surname
        ids = table[name_key(m.group(1))]
        if len(ids) != 1:
            # two people share the surname: the bare one is an entity of its own, which the speaker
            # resolver reads as one of them only when a courtesy title, a pronoun or the last naming
            # tells which (:mod:`~wiresift.nlp.entities.namesakes`)
            b.index.add(m.start(), m.end(), b.person(m.group(1)))
            continue
        b.index.add(m.start(), m.end(), ids[0])
        b.alias(ids[0], m.start(), m.group(1))
        span = b.sdoc.char_span(m.start(), m.end())
        if span is not None:
            _add_roles(b, ids[0], span)  # "Stone, an Oscar winner, added"


def _add_roles(b: _Builder, eid: str, ent: Span) -> None:
    """The roles an apposition, a copula or a naming verb gives the person mentioned at ``ent``."""
    entity = b.index.entities[eid]
    apposition = appositive(b.sdoc, ent)
    if apposition is not None:
        if apposition.text not in entity.titles:
            entity.titles.append(apposition.text)
        b.index.add(apposition.start_char, apposition.end_char, eid)
    for role_span in roles(b.sdoc, ent):
        title = role_title(role_span)
        if title not in entity.titles:
            entity.titles.append(title)


def _unmarked_orgs(b: _Builder) -> None:
    """Every other occurrence of an organisation's name that spaCy left untagged ("said an Acme
    spokeswoman" after "Acme" was tagged once): one name, one sense in an article."""
    forms: dict[str, str] = {}
    for eid, entity in b.index.entities.items():
        if entity.type != "ORG":
            continue
        for form in (entity.name, *entity.aliases):
            if len(form) >= 3 and form[0].isupper():
                forms.setdefault(form, eid)
    if not forms:
        return
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r")(?![\w-])"
    )
    for m in pattern.finditer(b.doc.text):
        if b.index.at(m.start(), m.end()) is None:
            b.index.add(m.start(), m.end(), forms[m.group(1)])


def _words(phrase: str) -> set[str]:
    out = set()
    for w in re.split(r"[\s-]+", phrase.lower()):
        w = NOMINAL_SYNONYMS.get(w, w)
        if w:
            out.add(w)
    return out


def _nominals(b: _Builder) -> None:
    """Definite descriptions that match one earlier entity's title or name."""
    index = b.index
    for nom in nominals(b.doc.text):
        if nom.head in TITLED_NOMINAL_HEADS:
            eid = _match_person(index, nom)
        elif not nom.has_of:
            eid = _match_org(index, nom.start, nom.head)
        else:
            continue
        if eid is None:
            continue
        other = index.get(index.at(nom.start, nom.end))
        if other is None or other.type not in ("PERSON", "ORG"):  # "the Georgian general" holds a NORP
            index.add(nom.start, nom.end, eid)


def _match_person(index: EntityIndex, nom: Nominal) -> str | None:
    seen: list[str] = []
    for start, _, eid in index.mentions:
        if start >= nom.start:
            break
        if index.entities[eid].type == "PERSON" and eid not in seen:
            seen.append(eid)
    phrase = nom.phrase.lower()
    exact = [eid for eid in seen if phrase in (t.lower() for t in index.entities[eid].titles)]
    if len(exact) == 1:
        return exact[0]
    if nom.has_of:
        return None
    mods = _words(nom.mods)
    candidates = []
    for eid in seen:
        title_words = set().union(*(_words(t) for t in index.entities[eid].titles))
        if nom.head not in title_words:
            continue
        nat = index.nationality.get(eid)
        if nat and any(w != nat and w.endswith(NATIONALITY_ENDINGS) for w in mods):
            continue
        candidates.append(eid)
    return candidates[0] if len(candidates) == 1 else None


def _match_org(index: EntityIndex, pos: int, head: str) -> str | None:
    i = len(index.mentions)
    while i > 0:
        i -= 1
        start, _, eid = index.mentions[i]
        if start >= pos:
            continue
        entity = index.entities[eid]
        if entity.type == "ORG" and head in _words(entity.name):
            return eid
    return None


class EntitiesStage:
    name = "entities"
    version = "9"
    requires: tuple[str, ...] = ("ner", "parse")
    assigns: tuple[str, ...] = ("entities",)

    def __call__(self, doc: Document, sdoc: Doc, ctx: Context) -> None:
        from wiresift import gazetteer

        index = build(doc, sdoc, ctx.parse, gazetteer.load())
        ctx.data["entities"] = index
        doc.entities = list(index.entities.values())


def make_stage() -> EntitiesStage:
    return EntitiesStage()
