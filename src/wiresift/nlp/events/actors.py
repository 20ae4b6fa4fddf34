"""Source and target actors of an event trigger, read from the dependency parse, and their codes.

Who the actors of a trigger are (its subject, object, possessor...) is read in
:mod:`~wiresift.nlp.events.roles`; this module turns a phrase head into an actor record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from wiresift.model import EventActor
from wiresift.nlp import doccache
from wiresift.nlp.entities.coref import doc_coref
from wiresift.nlp.events.actor_codes import (
    ORG_PREFIXES,
    agent_sector,
    country_codes,
    igo_name,
    lookup,
    split_code,
)
from wiresift.nlp.events.actor_codes import dated_code as dated_code
from wiresift.nlp.events.lines import on_line

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wiresift.model import Entity
    from wiresift.nlp.entities.index import EntityIndex

#: A clock time of a date line: "07:51".
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})  # fmt: skip
#: Words that never start an actor phrase.
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"})


#: Nouns of quantity whose "of" phrase is the actor: "thousands of students", "scores of refugees".
QUANTITIES = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions", "hundred",
                        "thousand", "dozen", "score", "number", "group", "crowd", "crowds", "handful"})  # fmt: skip
#: Prefixes that make a name an ally or an enemy, not a member: "pro-Iranian", "anti-Syria".
STANCE_PREFIXES = frozenset({"pro", "anti"})


def stance_of(tok: Token) -> str | None:
    """The stance prefix ``tok`` belongs to ("anti", "pro"): the prefix, its hyphen or the name after it
    ("anti-Chinese", "pro-Russian", one token or three); None for any other word."""
    doc = tok.doc
    if "-" in tok.text and tok.lower_.split("-")[0] in STANCE_PREFIXES:
        return tok.lower_.split("-")[0]
    if tok.lower_ in STANCE_PREFIXES and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-":
        return tok.lower_
    if tok.text == "-" and tok.i > 0 and doc[tok.i - 1].lower_ in STANCE_PREFIXES:
        return doc[tok.i - 1].lower_
    if tok.i > 1 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in STANCE_PREFIXES:
        return doc[tok.i - 2].lower_
    return None


def quantity_head(head: Token) -> Token:
    """The counted noun of a quantity head: "thousands of students" -> students."""
    for _ in range(3):
        if head.lower_ not in QUANTITIES:
            return head
        obj = next(
            (c for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
             if c.dep_ == "pobj"),
            None,
        )  # fmt: skip
        if obj is None:
            return head
        head = obj
    return head


def _stance_free(toks: list[Token]) -> list[Token]:
    """``toks`` without a "pro-X"/"anti-X" modifier."""
    drop: set[int] = set()
    for tok in toks:
        if tok.lower_ in STANCE_PREFIXES and tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-":
            drop.update({tok.i, tok.i + 1, tok.i + 2})
        elif tok.lower_.split("-")[0] in STANCE_PREFIXES and "-" in tok.text:
            drop.add(tok.i)
    return [t for t in toks if t.i not in drop]


#: The left dependents that belong to an actor's phrase.
_PHRASE_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "nummod"})


def phrase_tokens(head: Token) -> list[Token]:
    """The head with its left modifiers (compound, amod, poss, nmod, det excluded): "Burundian militiamen"."""
    cache = doccache.of(head.doc)  # the phrase's words read from the arrays: a Token made for those kept
    deps, lowers, texts, ents = cache.deps, cache.lowers, cache.texts, cache.ent_types
    punct, num = _punct_and_num(cache)
    left = [j for j in cache.children(head.i) if j < head.i and deps[j] in _PHRASE_MODIFIERS]
    start = min([head.i, *[min(cache.subtree(j)) for j in left]])
    ids = list(range(start, head.i + 1))
    while ids and (lowers[ids[0]] in _DETERMINERS or punct[ids[0]]):
        ids = ids[1:]
    cut = 0  # a date line the parse ran into the phrase: "02 May 2023, 07:51 Two farmers" (typed as
    # anything: the entity types of a date line are unreliable)
    for k, j in enumerate(ids):
        if texts[j] == "," or _CLOCK.match(texts[j]):
            cut = k + 1
        elif not (num[j] or lowers[j] in _MONTHS or ents[j] in _TIME_ENTS):
            break
    ids = ids[cut:] if cut < len(ids) else ids
    # a time the parse ran into the phrase: "The following year retired general Ana Ruiz visited"
    # (not an age: "a 48-year-old Canadian")
    timed = [k for k, j in enumerate(ids[:-1]) if ents[j] in _TIME_ENTS]
    last = -1 if any(lowers[ids[k]].endswith("old") for k in timed) else max(timed, default=-1)
    rest = ids[last + 1 :]
    while rest and (deps[rest[0]] == "case" or punct[rest[0]] or lowers[rest[0]] in _DETERMINERS):
        rest = rest[1:]
    sdoc = head.doc
    toks = [sdoc[j] for j in (rest if rest else ids)]
    # "Chief Justice of the Regional Court": keep a following "of" phrase of a title head.
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and head.pos_ in {"NOUN", "PROPN"}:
            objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if objs:
                toks = toks + list(head.doc[head.i + 1 : max(t.i for t in objs[0].subtree) + 1])
    return on_line(toks, head) if toks else [head]


#: Entity types of a date or a time run into a phrase.
_TIME_ENTS = frozenset({"DATE", "TIME"})


def _punct_and_num(cache: doccache.DocCache) -> tuple[list[bool], list[bool]]:
    """Every token's ``is_punct`` and ``like_num``, read from the document's arrays once."""

    def read() -> tuple[list[bool], list[bool]]:
        from spacy.attrs import IS_PUNCT, LIKE_NUM

        arr = cache.doc.to_array([IS_PUNCT, LIKE_NUM])
        return (arr[:, 0] != 0).tolist(), (arr[:, 1] != 0).tolist()

    return cache.memo(("events.actors.punct_num",), read)


#: Prepositions whose object tells whose a group is ("leaders of the coalition", "doctors from
#: Canadian charities", "ethnic Greeks in southern Albania").
MEMBER_PREPS = frozenset({"of", "from", "in", "throughout", "across"})


def _inner_code(head: Token, index: EntityIndex | None, date: str | None, title: bool = False) -> str | None:
    """The country of an uncoded phrase from its apposition ("X, the UN envoy") or from the group it
    belongs to ("leaders of the coalition")."""
    cache = doccache.of(head.doc)  # the relations read from the arrays: a Token made for each found
    deps, lowers, kids = cache.deps, cache.lowers, cache.children(head.i)
    inner = [] if title else [c for c in kids if deps[c] == "appos"]
    for prep in kids:
        if deps[prep] == "prep" and lowers[prep] in MEMBER_PREPS:
            inner += [c for c in cache.children(prep) if deps[c] == "pobj"]
    for tok in (head.doc[i] for i in inner):
        code = resolve(tok, index, date, nested=True).code
        if code is None and tok.dep_ == "appos":
            # "Timur Saidov, commander of Tajikistan's border troops": the title's own group
            code = _inner_code(tok, index, date, title=True)
        if code:
            return code
    return None


#: The actors :func:`resolve` made inside a :func:`remembered` block, by (document, index, head, date,
#: nested); None outside one. A context variable: each thread (a web worker, a Dask thread) has its own.
_REMEMBERED: ContextVar[dict[tuple[int, int, int, str | None, bool], EventActor] | None] = ContextVar(
    "wiresift_event_actors", default=None
)


@contextmanager
def remembered() -> Iterator[None]:
    """Inside the block :func:`resolve` makes each actor once: a head asked about again (as source, as
    target candidate, as the doer checked) gets a copy of the first answer. Its answer depends on the
    parse and the entity index alone, which no event rule changes (a pronoun's coreference, resolved
    in text order, is kept once found), so the answers are the same; the block spans one document."""
    token = _REMEMBERED.set({})
    try:
        yield
    finally:
        _REMEMBERED.reset(token)


def resolve(head: Token, index: EntityIndex | None, date: str | None, nested: bool = False) -> EventActor:
    """The actor record of the phrase headed by ``head`` (``nested``: no look into its modifiers); a
    copy of the one made before in a :func:`remembered` block (callers may change what they get)."""
    memo = _REMEMBERED.get()
    if memo is None:
        return _resolve(head, index, date, nested)
    key = (id(head.doc), id(index), head.i, date, nested)
    actor = memo.get(key)
    if actor is None:
        actor = memo[key] = _resolve(head, index, date, nested)
    return actor.model_copy()


def _resolve(head: Token, index: EntityIndex | None, date: str | None, nested: bool) -> EventActor:
    """:func:`resolve`, made anew."""
    head = quantity_head(head)
    toks = phrase_tokens(head)
    doc = head.doc
    # the phrase's text and bounds cut from the document's text (``doc[first:last + 1]``'s): no Span made
    cache = doccache.of(doc)
    first, last = toks[0].i, toks[-1].i
    text = cache.span_text(first, last + 1)
    start_char, end_char = cache.offsets[first], cache.offsets[last] + len(cache.texts[last])
    entity_id = index.at(head.idx, head.idx + len(head.text)) if index is not None else None
    if entity_id is None and head.pos_ == "PRON":
        entity_id = pronoun_entity(head, index)
    code: str | None = None
    entity = index.get(entity_id) if index is not None else None
    if entity is not None:
        for name in (entity.name, *entity.aliases):
            code = lookup(name.lower().replace("_", " ").split(), date)
            if code:
                break
        if code is not None and entity.type == "PERSON" and index is not None and not nested:
            # the post the text gives ("King Hassan of Morocco", "X, the NATO secretary-general") is
            # stronger evidence than the dictionary's office-holder dates for a person of that name
            office = text_office(entity, index, doc, date)
            if office is not None and split_code(office)[0] != split_code(code)[0]:
                code = office
    free: list[str] | None = None  # the phrase's words less a "pro-"/"anti-" prefix, read once
    if code is None:
        free = [t.lower_ for t in _stance_free(toks)]
        code = lookup(free, date, plurals=False)
    if code is None and (
        igo_name([t.lower_ for t in toks if t.pos_ == "PROPN"])
        or (entity is not None and entity.type == "ORG" and igo_name(entity.name.lower().split()))
    ):
        code = "IGO"
    if code is None and entity is not None and index is not None and entity.id in index.nationality:
        code = lookup([index.nationality[entity.id]], date)
    if code is None and entity is not None:
        for title in entity.titles:
            code = lookup(title.lower().split(), date)
            if code:
                break
    country, sector = split_code(code) if code else (None, None)
    if country is not None and country not in country_codes():
        # a region's code ("MEA", "WAF") is no country: a country the phrase names is ("the Palestinian
        # Islamic Jihad movement", filed under the Middle East)
        country = _word_country(toks, date) or country
    if not nested and any(t.lower_ == "ethnic" for t in toks):
        # "ethnic Greeks in southern Albania" are a minority of Albania: the place they live in, when
        # named, gives their country
        country = _inner_code(head, index, date) or country
    if sector is None:
        sector = agent_sector(toks, entity.titles if entity is not None else [])
    if country is None and not nested:
        country = _inner_code(head, index, date)
    if country is None:  # "young Algerians" are Algeria's
        free = [t.lower_ for t in _stance_free(toks)] if free is None else free
        country = split_code(lookup(free, date) or "")[0]
    # every field given, of its type already (strings, ints, None): made without pydantic's validation
    return EventActor.model_construct(
        text=text, start=start_char, end=end_char, entity=entity_id, code=country, sector=sector
    )


#: The preposition of a post in a person's mention: "King Hassan of Morocco", "the mayor of Lyon".
_OFFICE_PREPS = frozenset({"of"})
#: Words of a title held before: "former", "ex-", "outgoing" posts are not the one acted in.
_PAST_WORDS = frozenset({"former", "ex", "ex-", "erstwhile", "onetime", "one-time", "retired", "late"})
#: Posts a state accredits to an organisation: "the UN ambassador" is a state's, "the UN envoy" the UN's.
ACCREDITED_NOUNS = frozenset({"ambassador", "ambassadors", "delegate", "delegates"})
#: Mentions of a person read for the post the text gives them: the first few carry it.
_OFFICE_MENTIONS = 3


def text_office(entity: Entity, index: EntityIndex, doc: Doc, date: str | None) -> str | None:
    """The code of the post the text gives a person: a title with a country or an organisation
    ("Jordan's foreign minister", "NATO secretary-general"), an apposition ("X, the UN envoy") or an
    "of" phrase of a mention ("King Hassan of Morocco"); None when the text gives none."""
    others = [e.name for e in index.entities.values() if e.type == "PERSON" and e.id != entity.id]
    for title in entity.titles:
        if any(name in title for name in others):
            continue  # "an ally of Carl Bildt": another person's post
        words = title.lower().split()
        code = lookup(words, date)
        if code and _held_post(words, code):
            return code
    for start, end in entity.mentions[:_OFFICE_MENTIONS]:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        code = _post_code(span.root, index, date)
        if code:
            return code
    return None


def _post_code(root: Token, index: EntityIndex, date: str | None) -> str | None:
    """The country or organisation of a person's post: an apposition's words or its "of" phrase
    ("X, the NATO secretary-general", "X, commander of Tajikistan's border troops") or the name's own
    "of" phrase ("King Hassan of Morocco"); never through another person ("X, an ally of Y")."""
    posts = [c for c in root.children if c.dep_ == "appos"]
    found = [*posts, *(o for h in (root, *posts) for o in _of_objects(h))]
    for tok in found:
        if tok.pos_ == "PRON" or any(t.ent_type_ == "PERSON" for t in tok.subtree):
            continue
        code = resolve(tok, index, date, nested=True).code
        if code and _held_post([t.lower_ for t in tok.subtree], code):
            return code
    return None


def _held_post(words: list[str], code: str) -> bool:
    """The post named by ``words``, of the country or organisation ``code``, is one held now and for
    that body: not "the former UN envoy" (a post held before) nor "the UN ambassador" (a state's envoy
    to the organisation, not the organisation's)."""
    country = split_code(code)[0]
    if country is None or any(w in _PAST_WORDS for w in words):
        return False
    return not (country in ORG_PREFIXES and any(w in ACCREDITED_NOUNS for w in words))


def _of_objects(head: Token) -> list[Token]:
    """The objects of the "of" phrases on ``head``: "King Hassan of Morocco" -> Morocco."""
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ in _OFFICE_PREPS for o in p.children
            if o.dep_ == "pobj"]  # fmt: skip


def _word_country(toks: list[Token], date: str | None) -> str | None:
    """The first country a single word of the phrase names ("Palestinian", "Kenya"), or None."""
    for tok in toks:
        code = lookup([tok.lower_], date)
        country = split_code(code)[0] if code else None
        if country in country_codes() and country not in ORG_PREFIXES:
            return country
    return None


def pronoun_entity(tok: Token, index: EntityIndex | None) -> str | None:
    """The entity a pronoun refers to, by the entities layer's coreference ("it", "they", "he")."""
    if index is None:
        return None
    state = doc_coref(index)
    if state is None:
        return None
    ana = state.anaphor_at(tok.idx, tok.idx + len(tok.text))
    if ana is None or not ana.pronoun or not (ana.start <= tok.idx < ana.end):
        return None
    state.advance(ana.start + 1)
    return state.resolved.get((ana.start, ana.end), (None, 0.0))[0]


def possessor(head: Token) -> Token | None:
    """The possessive pronoun of a phrase: "their forces" -> their."""
    return next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
