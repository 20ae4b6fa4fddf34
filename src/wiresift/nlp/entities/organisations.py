"""Organisation names the entities stage joins or retypes from the parse and the word vectors.

- An acronym and the one-word name it shortens ("VW" and "Volkswagen") are one organisation when
  the model's word vectors hold them as one word (a shared or nearly equal vector) and they open
  on the same letter: the vectors learned the pair from how news uses them, no list needed.
- A name without its legal form or kind ("McClatchy", "Harvard") is the organisation named in full
  in the article ("McClatchy Co.", "Harvard University").
- A name that only modifies a body a person leads ("the Lee administration", "the Berg campaign")
  gives that body an organisation of its own: its words are not the person's.
- A name spaCy typed PERSON that the text itself calls a company in an apposition ("Widgetly, a
  mobile payments company,") is an organisation, in every mention of the article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.model import Entity
from wiresift.nlp import doccache
from wiresift.nlp.entities.lexicon import TITLE_HEADS, words
from wiresift.nlp.entities.mentions import REPORT_LEMMAS, SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

    from wiresift.nlp.entities.index import EntityIndex

#: An acronym: two to five capitals or digits ("VW", "BMW", "3M" is left out: it opens on a digit).
ACRONYM_FORM = re.compile(r"^[A-Z][A-Z0-9&]{1,4}$")
#: Last words that only add a company's legal form or an institution's kind to its name.
ORG_FORM_TAILS = words(
    "co co. inc inc. corp corp. corporation company ltd ltd. llc plc group holdings university college"
)
#: The legal forms among them: only these make a place's name a company's ("Bree Co.").
BUSINESS_FORMS = words("co co. inc inc. corp corp. corporation company ltd ltd. llc plc holdings")
#: Cosine of two word vectors above which the model holds them as one word ("VW" / "Volkswagen").
SAME_WORD_SIMILARITY = 0.9
#: Types spaCy gives an acronym of a company by mistake ("VW" a GPE) besides ORG.
_ACRONYM_TYPES = frozenset({"ORG", "GPE", "LOC", "PRODUCT", "NORP", "FAC"})
#: Heads of an indefinite apposition that make a name a company ("Widgetly, a payments company"); not
#: the institutions a person's apposition may be misparsed onto ("a council official", "his party").
_COMPANY_HEADS = words(
    "company firm start-up startup brand app platform chain corporation conglomerate subsidiary "
    "airline retailer carrier manufacturer website newspaper magazine broadcaster"
)


def _similarity(vocab: Vocab, a: str, b: str) -> float:
    la, lb = vocab[a], vocab[b]
    if not (la.has_vector and lb.has_vector and la.vector_norm and lb.vector_norm):
        return 0.0
    return float(la.similarity(lb))


def join_acronyms(index: EntityIndex, vocab: Vocab) -> None:
    """Move every mention of an acronym entity to the one-word organisation of the article it
    shortens by the word vectors (see module doc); the acronym becomes an alias."""
    orgs = [
        e
        for e in index.entities.values()
        if e.type == "ORG" and e.mentions and " " not in e.name and not ACRONYM_FORM.match(e.name)
    ]
    if not orgs:
        return
    for acronym in list(index.entities.values()):
        if acronym.type not in _ACRONYM_TYPES or not acronym.mentions or not ACRONYM_FORM.match(acronym.name):
            continue
        same = [
            o
            for o in orgs
            if o.name[0] == acronym.name[0]
            and len(o.name) > len(acronym.name)
            and _similarity(vocab, acronym.name, o.name) >= SAME_WORD_SIMILARITY
        ]
        if len(same) != 1:
            continue
        _move(index, acronym, same[0])


def _move(index: EntityIndex, source: Entity, target: Entity) -> None:
    """Every mention of ``source`` now refers to ``target``; its names become aliases."""
    for start, end in list(source.mentions):
        index.mentions.remove((start, end, source.id))
        index.add(start, end, target.id)
    for alias in (source.name, *source.aliases):
        if alias != target.name and alias not in target.aliases:
            target.aliases.append(alias)
    source.mentions = []


def join_short_names(index: EntityIndex) -> None:
    """An organisation called by its name without its legal form or kind ("McClatchy" beside
    "McClatchy Co.", "Harvard" beside "Harvard University") is that one organisation, when one
    organisation of the article has that longer name; also when spaCy typed the short name a place
    or a nationality ("an Acme spokeswoman" beside "Acme Corp.")."""
    orgs = [e for e in index.entities.values() if e.type == "ORG" and e.mentions]
    shorts = [e for e in index.entities.values() if e.type in _ACRONYM_TYPES | {"PERSON"} and e.mentions]
    # the organisations whose name goes on after each of its first words (``o.name.startswith(p +
    # " ")``), in the order of ``orgs``: a short name is looked up, not tested against every one
    by_prefix: dict[str, list[Entity]] = {}
    for o in orgs:
        for at, ch in enumerate(o.name):
            if ch == " ":
                by_prefix.setdefault(o.name[:at], []).append(o)
    for short in shorts:
        if not short.mentions:
            continue
        # a place or a person joins only a company named for it ("Bree Co."), never "Bree University"
        tails = BUSINESS_FORMS if short.type in ("GPE", "LOC", "PERSON") else ORG_FORM_TAILS
        longer = [
            o
            for o in by_prefix.get(short.name, ())
            if o is not short
            and o.mentions
            and o.name.startswith(short.name + " ")
            and all(w.lower() in tails for w in o.name[len(short.name) :].split())
        ]
        if not longer and _named_like_a_company(index, short):
            # "Tarbell" beside "Tarbell Harbour Logistics Inc.": the first word of the one name
            # that ends on a legal form or a body's kind
            longer = [
                o
                for o in by_prefix.get(short.name, ())
                if o is not short
                and o.name.startswith(short.name + " ")
                and o.name.split()[-1].lower()
                in (BUSINESS_FORMS if short.type == "PERSON" else ORG_KIND_TAILS)
                and not _placed(index, o.name[len(short.name) :])
            ]
        if len(longer) == 1:
            _move(index, short, longer[0])


def _placed(index: EntityIndex, words_: str) -> bool:
    """Words of a longer name that hold a place the article names ("Acme Coatings U.K. Ltd."): a
    unit of the company in that country, not the company the bare name means."""
    places = {
        n.lower() for e in index.entities.values() if e.type in ("GPE", "LOC") for n in (e.name, *e.aliases)
    }
    return any(w.lower() in places for w in words_.split())


def _named_like_a_company(index: EntityIndex, short: Entity) -> bool:
    """A one-word name that acts as a proper noun of its own: an ORG, or a NORP the parse reads as a
    singular proper noun subject ("McCaw has forced …"), never a nationality ("American officials")."""
    if len(short.name.split()) != 1 or not short.name[:1].isupper():
        return False
    if short.type == "ORG":
        return True
    if short.type == "PERSON":
        # "Brackwater said" beside "Brackwater Cellular Networks Inc.", where nobody is named
        # "… Brackwater" in full (then it is that person's surname)
        word = short.name.lower()
        return not any(
            e.type == "PERSON" and len(n := e.name.lower().split()) >= 2 and word in n
            for e in index.entities.values()
        )
    if short.type != "NORP":
        return False
    sdoc = index.sdoc
    if sdoc is None:
        return False
    for start, end in short.mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.root.tag_ == "NNP" and span.root.dep_ in SUBJECT_DEPS:
            return True
    return False


def called_company(span: Span) -> bool:
    """The parse makes "a" company noun the apposition of ``span``: "Widgetly, a payments company"."""
    root = span.root
    return any(
        c.dep_ == "appos"
        and c.pos_ == "NOUN"
        and c.i > root.i
        and c.lemma_.lower() in _COMPANY_HEADS
        and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
        for c in root.children
    )


#: Heads of a body a named person leads or belongs to: "the Lee administration", "the Berg campaign".
#: The body speaks as one ("the Lee administration said"), and it is not the person.
LED_BODIES = words("administration campaign government cabinet regime camp team family presidency")


#: A country's forces speak as one body ("the Ruritanian army said in a statement"), not the country.
FORCES = words("military army navy")


def led_bodies(index: EntityIndex, sdoc: Doc, text: str) -> None:
    """An organisation for every name that only modifies a body's head word ("the Lee
    administration", "the Berg campaign"): spaCy tags the name alone, and a quote of "the Lee
    administration" would otherwise go to Lee. Every such phrase of one name and head is one
    organisation; the person's own mention stays."""
    made: dict[str, str] = {}
    for start, end, eid in list(index.mentions):
        etype = index.entities[eid].type
        if etype not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root.head
        national = etype in ("GPE", "NORP")
        if span.root.dep_ == "amod" and national:
            # an adjective makes a body of forces only: "the Jordanian family" is no organisation
            bodies = FORCES
        elif span.root.dep_ == "compound":
            # "the Lee administration"; a place or a people also leads forces: "the Bree army"
            bodies = (LED_BODIES if etype != "GPE" else frozenset()) | (FORCES if national else frozenset())
        else:
            continue
        if (
            head.i != span.end
            or head.pos_ != "NOUN"
            or head.tag_ in ("NNS", "NNPS")
            or head.lower_ not in bodies
        ):
            continue
        name = text[start : head.idx + len(head.text)]
        key = " ".join(name.lower().split())
        body = made.get(key)
        if body is None:
            body = made[key] = f"e{len(index.entities) + 1}"
            while body in index.entities:
                body += "b"
            index.entities[body] = Entity(id=body, name=name, type="ORG", stage="entities")
        index.add(start, head.idx + len(head.text), body)


#: Nouns for the people and parts of an organisation: a name that owns or modifies one ("the Widgetly
#: founder", "Widgetly's spokeswoman", "the headquarters of Widgetly") names an organisation.
MEMBER_ROLES = words(
    "founder co-founder cofounder ceo spokesperson spokesman spokeswoman representative employee "
    "executive chairman chairwoman shareholder headquarters staff board investor"
)
#: Verbs whose passive subject is an organisation being placed ("Widgetly is headquartered in Bree").
_PLACED = words("headquarter")


def organisation_use(sdoc: Doc, spans: list[tuple[int, int]], owner: bool = True) -> bool:
    """Whether the text uses a name as an organisation in one of its mentions ``spans``: the
    modifier (or, with ``owner``, the owner) of a member of it ("the Widgetly founder", "Widgetly's
    spokeswoman", "employees of Widgetly"), or the subject of being headquartered somewhere. A
    person has a spokeswoman too: for a name typed PERSON only the modifier and the headquarters
    count (``owner`` false)."""
    for start, end in spans:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        head = root.head
        deps = ("poss", "compound") if owner else ("compound",)
        if root.dep_ in deps and head.i != root.i and head.lemma_.lower() in MEMBER_ROLES:
            return True
        of = root.dep_ == "pobj" and head.lower_ in ("of", "at")
        if owner and of and head.head.lemma_.lower() in MEMBER_ROLES:
            return True
        if root.dep_ == "nsubjpass" and head.lemma_.lower() in _PLACED:
            return True
    return False


def retype_organisations(index: EntityIndex, sdoc: Doc, dropped: list[Entity]) -> None:
    """Organisations the text names but spaCy took for persons: a name the person check dropped (it
    tells products, apps and companies from persons) or a one-word PERSON that the text uses as an
    organisation (:func:`organisation_use`) is an ORG, in every occurrence of its name, so that "the
    company" and its spokesperson can stand for it."""
    found = [e for e in dropped if organisation_use(sdoc, e.mentions)]
    found += [
        e
        for e in index.entities.values()
        if e.type == "PERSON" and " " not in e.name and organisation_use(sdoc, e.mentions, owner=False)
    ]
    text = index.text
    for entity in found:
        entity.type = "ORG"
        index.entities[entity.id] = entity
        for start, end in list(entity.mentions):
            index.add(start, end, entity.id)
        if len(entity.name) < 3:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(entity.name)}(?![\w-])", text):
            if index.at(m.start(), m.end()) is None:
                index.add(m.start(), m.end(), entity.id)


#: First words of an organisation name that only say what kind of office it is: a possessive title
#: before it belongs to the name ("the Sheriff's Office", "the U.S. Attorney's Office for …").
OFFICE_KINDS = words("office department bureau division agency ministry service")
#: Up to three capitalised words ending on a possessive, right before an office's name.
_OWNER_BEFORE = re.compile(r"(?:[A-Z][\w.]*\s+){0,2}(?P<last>[A-Z][\w.]*)['’]s\s+$")


def office_owners(index: EntityIndex) -> None:
    """Grow an office's name over the title that owns it: spaCy tags "Office for the Northern
    District" and leaves out the "U.S. Attorney's" before it; the office is the attorney's, and its
    people ("prosecutors") speak for it only under its whole name."""
    text = index.text
    for entity in list(index.entities.values()):
        words_ = entity.name.split()
        if entity.type != "ORG" or not words_ or words_[0].lower() not in OFFICE_KINDS:
            continue
        for start, end in list(entity.mentions):
            m = _OWNER_BEFORE.search(text, max(0, start - 40), start)
            if m is None or m.group("last").lower() not in TITLE_HEADS:
                continue
            lead = re.match(r"(?:The|A|An)\s+", text[m.start() : start])
            grown = m.start() + (lead.end() if lead else 0)
            index.mentions.remove((start, end, entity.id))
            entity.mentions.remove((start, end))
            index.add(grown, end, entity.id)
            if entity.name == text[start:end]:
                entity.aliases.append(entity.name)
                entity.name = text[grown:end]


#: Last words that make a name an organisation's: outlets ("Gazette", "Herald", "News"), bodies
#: ("Institute", "Council", "Agency"), companies ("Bank", "Group"). A general lexicon of kinds.
ORG_KIND_TAILS = ORG_FORM_TAILS | words(
    """
    gazette courier times post journal tribune herald news chronicle telegraph guardian daily magazine
    review weekly network tv radio media press institute council agency bank foundation association
    society commission authority department ministry office bureau service party union club
    hospital clinic school court federation coalition alliance
    """
)


#: Nouns for what a body publishes or finds: "a report in the Bree Courier", "a poll by KTVB".
FINDINGS = words("report poll survey study analysis editorial article story review investigation")
#: Prepositions that tie a finding to the body that made it ("a report in / from / by …").
_FINDING_PREPS = frozenset({"in", "from", "by", "of"})


def speaker_position(sdoc: Doc, tok: Token, left: int) -> bool:
    """Whether the name whose head is ``tok`` (and that opens at token ``left``, its article
    not included) stands where a source is named: the subject of a reporting verb ("the Ledger
    reported"), the object of "according to", the agent of a passive ("was told by the Ledger") or
    the maker of a finding ("a report in the Ledger", "a poll by KTVB")."""
    if tok.dep_ in SUBJECT_DEPS:
        return tok.head.lemma_.lower() in REPORT_LEMMAS
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.dep_ == "agent":
        return True
    if left > 0 and sdoc[left - 1].dep_ == "det":
        left -= 1  # "according to the Ledger"
    if left >= 2 and sdoc[left - 1].lower_ == "to" and sdoc[left - 2].lower_ == "according":
        return True
    return prep.lower_ in _FINDING_PREPS and prep.head.lemma_.lower() in FINDINGS


def _untagged_name(sdoc: Doc, tok: Token) -> tuple[int, bool] | None:
    """Where the untagged name headed by ``tok`` opens and whether it is called with a capital "The"
    in mid-sentence ("said The Ledger"), or None when its shape makes no name: proper nouns that
    end on an organisation's kind ("Bree Transit Authority"), proper nouns after a capital "The"
    that does not open its sentence ("The Ledger": the article is part of a title), or an acronym
    of three to five capitals ("KTVB") in a sentence that does not shout (:func:`_shouted`)."""
    left = tok.i
    while left > 0 and sdoc[left - 1].pos_ == "PROPN" and sdoc[left - 1].head.i == tok.i:
        left -= 1
    span = sdoc[left : tok.i + 1]
    if not all(t.text[:1].isupper() and t.lower_ not in TITLE_HEADS for t in span):
        return None
    if len(span) >= 2 and tok.lower_ in ORG_KIND_TAILS:
        return left, False
    the = sdoc[left - 1] if left > 0 else None
    if the is not None and the.text == "The" and not the.is_sent_start and len(span) <= 4:
        return left, True
    if len(span) == 1 and len(tok.text) >= 3 and ACRONYM_FORM.match(tok.text) and not _shouted(tok):
        return left, False
    return None


def _shouted(tok: Token) -> bool:
    """Whether ``tok`` stands in capitals because its sentence shouts: a function word there is in
    capitals too ("FACT OF THE DAY", "WE WILL NOT YIELD"), so its capitals make no acronym."""
    return any(t.is_stop and t.is_upper and len(t.text) >= 2 for t in tok.sent if t.i != tok.i)


def untagged_speakers(index: EntityIndex, sdoc: Doc) -> None:
    """An organisation for a name spaCy left untagged where a source is named
    (:func:`speaker_position`: "The Bree Gazette reported", "according to The Ledger", "a poll by
    KTVB") when its shape makes it a name (:func:`_untagged_name`); every other occurrence of the
    name is the same organisation (after "the" when the name was called with its article)."""
    cache = doccache.of(sdoc)
    found: dict[str, tuple[str, bool]] = {}
    deps = SUBJECT_DEPS | {"pobj"}
    for i in [
        i for i, (p, d) in enumerate(zip(cache.pos, cache.deps, strict=True)) if p == "PROPN" and d in deps
    ]:
        tok = sdoc[i]
        shape = _untagged_name(sdoc, tok)
        if shape is None:
            continue
        left, with_the = shape
        span = sdoc[left : tok.i + 1]
        if index.at(span.start_char, span.end_char) is not None or not speaker_position(sdoc, tok, left):
            continue
        name = span.text
        if name not in found:
            eid = f"e{len(index.entities) + 1}"
            while eid in index.entities:
                eid += "b"
            index.entities[eid] = Entity(id=eid, name=name, type="ORG", stage="entities")
            found[name] = (eid, with_the)
    for name, (eid, with_the) in found.items():
        article = r"(?<=[Tt]he )" if with_the else r"(?<![\w-])"
        for m in re.finditer(rf"{article}{re.escape(name)}(?![\w-])", index.text):
            if index.at(m.start(), m.end()) is None:
                index.add(m.start(), m.end(), eid)
