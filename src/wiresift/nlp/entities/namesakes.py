"""Which of two people sharing a surname a bare surname, "Mrs Smith" or a pronoun means, or none.

News names relatives, spouses and namesakes in full once and then tells them apart: by a courtesy
title ("Mrs Smith" is the woman), by naming one again in full or by first name just before the
mention ("Jane said …; Smith added" goes on with Jane Smith), by pronouns that fit one of them, and
by introducing the relative as one ("Tom Smith and his wife, Jane Smith … Smith said" is Tom).
When none of these decides — both were named together last ("Tom Smith and Jane Smith, both
farmers, … Smith said") or neither was named before and neither is introduced later as the other's
relative — the mention is left to no one: a wrong person shown with confidence is worse than none.

Genders come from titles and courtesy titles before the person's other mentions, from the first
name when it is given almost only to one sex (:mod:`~wiresift.nlp.entities.given_names`: "Jane
Smith" is a woman), and from the pronouns the coreference model has joined to the person so far
(:class:`DocCoref` chains).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.entities.given_names import name_gender, name_lean
from wiresift.nlp.entities.lexicon import KIN_NOUNS, TITLE_HEADS
from wiresift.nlp.entities.mentions import FEMININE, MASCULINE

if TYPE_CHECKING:
    from wiresift.nlp.entities.index import EntityIndex

#: Courtesy titles that tell a person's gender when written right before a name.
HONORIFIC_GENDER: dict[str, str] = {
    **dict.fromkeys(("mr", "sir", "lord"), "m"),
    **dict.fromkeys(("mrs", "ms", "miss", "madam", "lady", "dame"), "f"),
}
_WORD = re.compile(r"[^\W\d_]+")
#: Sentences back within which the last naming of one of two namesakes decides a bare surname.
RECENT_SENTENCES = 2
#: Further back, but in the same paragraph, the last naming still decides ("Bo Ode, 34, took over
#: the shop. … Ode said"), up to this many sentences back.
PARAGRAPH_SENTENCES = 6
#: Courtesy titles that tell no gender but single out the namesake who bears them ("Dr. Ode").
PLAIN_HONORIFICS = frozenset({"dr", "prof", "mx", "rev", "hon"})


def name_words(name: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.sub(r"['’]s\b", "", name))]


def honorific_before(text: str, pos: int) -> str:
    """ "m" or "f" when a gendered courtesy title stands right before ``pos`` ("Mrs. Smith"), else ""."""
    before = text[max(0, pos - 8) : pos]
    words = before.split()
    if not words or not before[-1:].isspace():
        return ""
    return HONORIFIC_GENDER.get(words[-1].lower().rstrip("."), "")


def title_before(text: str, pos: int) -> str:
    """The lower-cased title word right before ``pos`` that tells no gender ("Dr. Ode", "Sen. Ode",
    "Coach Ode" -> "dr", "sen", "coach"), else ""."""
    before = text[max(0, pos - 24) : pos]
    words = before.split()
    if not words or not before[-1:].isspace():
        return ""
    word = words[-1].lower()
    bare = word.rstrip(".")
    if bare in HONORIFIC_GENDER or not bare.isalpha():
        return ""
    return bare if bare in PLAIN_HONORIFICS or word in TITLE_HEADS or bare in TITLE_HEADS else ""


def _bears(index: EntityIndex, eid: str, word: str, skip: int) -> bool:
    """Person ``eid`` bears the title ``word``: in one of their titles, or right before another of
    their mentions."""
    entity = index.entities[eid]
    if any(word in (w.rstrip(".") for w in t.lower().split()) for t in entity.titles):
        return True
    return any(s != skip and title_before(index.text, s) == word for s, _e in entity.mentions)


def person_gender(index: EntityIndex, eid: str, skip: int = -1) -> str:
    """ "m", "f" or "" for person ``eid``: its titles, the courtesy titles before its mentions (but
    the one at ``skip``), its first name and the gendered pronouns already joined to it by the
    coreference model."""
    entity = index.entities[eid]
    votes = {"m": 0, "f": 0}
    for title in entity.titles:
        for w in _WORD.findall(title.lower()):
            if w in MASCULINE:
                votes["m"] += 2
            elif w in FEMININE:
                votes["f"] += 2
    for start, _end in entity.mentions:
        if start != skip and (g := honorific_before(index.text, start)):
            votes[g] += 2
    given = name_gender(entity.name)
    if given:
        votes[given] += 2  # "Jane Smith": as strong as a title
    state = index.coref
    if state is not None and skip >= 0:
        state.advance(skip)  # the pronouns before the mention ("His wife … Mrs Lee"), in text order
    said = [
        m.gender
        for m in (state.chains.get(eid, ()) if state is not None else ())
        if m.gender and m.start != skip
    ]
    if len(set(said)) == 1 and not given:
        # a chain the model mixed up ("he" and "she") tells nothing, and a chain is the model's own
        # guesses: "his", "he" of the man quoted beside Jane Smith joined to her do not make her a man
        votes[said[0]] += len(said)
    if votes["m"] == votes["f"]:
        # "Marty Kolb": a first name mostly given to one sex answers only where nothing else does
        return name_lean(entity.name) if not votes["m"] and not given else ""
    return "m" if votes["m"] > votes["f"] else "f"


#: Gendered pronouns the coreference model must have joined to a shared bare surname before it tells
#: which namesake the surname means.
MIN_CHAIN_PRONOUNS = 2


def chain_gender(index: EntityIndex, eid: str, pos: int) -> str:
    """ "m" or "f" when every gendered pronoun the coreference model joined to the bare surname ``eid``
    before ``pos`` agrees (at least :data:`MIN_CHAIN_PRONOUNS`): an article that calls "Ode" "she"
    throughout means the woman of "Bo Ode" and "Ann Ode"; a text that uses the surname for both
    mixes the pronouns and tells nothing."""
    state = index.coref
    if state is None:
        return ""
    state.advance(pos)
    said = [m.gender for m in state.chains.get(eid, ()) if m.gender and m.start < pos]
    if len(said) < MIN_CHAIN_PRONOUNS or len(set(said)) != 1:
        return ""
    return said[0]


def namesakes(index: EntityIndex, eid: str) -> list[str]:
    """The persons named in full whose surname (else first name) is the one-word name of person
    ``eid`` ("Smith" -> "Tom Smith", "Jane Smith"); [] for a full name or a name nobody shares."""
    entity = index.entities[eid]
    words = name_words(entity.name)
    if entity.type != "PERSON" or len(words) != 1:
        return []
    full = [
        (names, other.id)
        for other in index.entities.values()
        if other.id != eid and other.type == "PERSON" and len(names := name_words(other.name)) >= 2
    ]
    for place in (-1, 0):
        fits = [oid for names, oid in full if names[place] == words[0]]
        if fits:
            return fits
    return []


def pick(
    index: EntityIndex, candidates: list[str], pos: int, gender: str = "", chain: str = ""
) -> str | None:
    """The one of ``candidates`` (people sharing a name) that a mention at ``pos`` means: those whose
        gender contradicts ``gender`` (from a courtesy title or a pronoun) drop out; of the rest, the
        one named last before ``pos`` when no other was named in the same sentence (a relative's
    introduction is no naming here, :func:`_last_naming`); else None. A title before the mention
    that only one of them bears decides first ("Dr. Ode" is the doctor). ``chain`` (the gender of the
    pronouns joined to the bare surname, :func:`chain_gender`) decides where no naming in the last
    sentences does, when it fits exactly one of them and the others are known to be of the other."""
    word = title_before(index.text, pos)
    if word:
        bearers = [c for c in candidates if _bears(index, c, word, pos)]
        if len(bearers) == 1:
            return bearers[0]
    if gender:
        genders = {c: person_gender(index, c, skip=pos) for c in candidates}
        fitting = [c for c in candidates if genders[c] in ("", gender)]
        known = [c for c in fitting if genders[c] == gender]
        if len(known) == 1:
            return known[0]  # "Mrs Smith": the Smith called "she" or "Ms" before, not the other
        candidates = fitting or candidates
    if len(candidates) == 1:
        return candidates[0]
    kin = {
        c for c in candidates if _kin(index, c) and not any(_described_in(index, c, o) for o in candidates)
    }
    mixed = 0 < len(kin) < len(candidates)
    named = sorted(
        ((_last_naming(index, c, pos, renamed=mixed and c in kin), c) for c in candidates),
        reverse=True,
    )
    (last, best), (second, other) = named[0], named[1]
    if chain and (last < 0 or not _recent(index, last, pos)):
        # "Ode" called "she" throughout, no one named just before: the woman, if the others are men
        owner = _only_of_gender(index, candidates, chain, pos)
        if owner is not None:
            return owner
    if last < 0:
        # neither named before ("Ode vows to appeal" in the lead, "Bo Ode … his son, Cy Ode" later):
        # the one the text goes on to introduce as nobody's relative, when the others all are
        return _only_unrelated(candidates, kin) if mixed else None
    if not _recent(index, last, pos) and not _same_paragraph(index, last, pos):
        # nobody named just before: the bare surname is the article's own person, named first
        focus = _focus(index, [c for c in candidates if not (mixed and c in kin)], pos)
        if focus is not None and gender and person_gender(index, focus, skip=pos) != gender:
            return None  # "Ms Ode" and the article's Ode not known to be a woman: no guess
        return focus
    if second >= 0 and _same_sentence(index, second, last):
        # "Tom Smith and his wife, Jane Smith" named together last: either, unless one is named only
        # inside the other's description ("Ann Ode, mother of the late Bo Ode")
        return _described_in(index, best, other) or _described_in(index, other, best)
    return best


def _only_of_gender(index: EntityIndex, candidates: list[str], gender: str, pos: int) -> str | None:
    """The one candidate known to be of ``gender`` when every other is known to be of the other."""
    genders = {c: person_gender(index, c, skip=pos) for c in candidates}
    known = [c for c in candidates if genders[c] == gender]
    if len(known) != 1 or any(genders[c] in ("", gender) for c in candidates if c != known[0]):
        return None
    return known[0]


def _only_unrelated(candidates: list[str], kin: set[str]) -> str | None:
    """The one candidate not introduced as a relative (:func:`_kin`), else None."""
    rest = [c for c in candidates if c not in kin]
    return rest[0] if len(rest) == 1 else None


def _recent(index: EntityIndex, naming: int, pos: int) -> bool:
    """The naming ending at ``naming`` lies in the mention's sentence or :data:`RECENT_SENTENCES`
    sentences before it: "Bo Ode came in. Ode said …" goes on with Bo even where the article is about
    Ann; further back, a bare surname is the article's own person (:func:`_focus`)."""
    return _sentences_apart(index, naming, pos) <= RECENT_SENTENCES


def _same_paragraph(index: EntityIndex, naming: int, pos: int) -> bool:
    """The naming ending at ``naming`` opens the mention's paragraph (no line break between, at most
    :data:`PARAGRAPH_SENTENCES` sentences back): news names the namesake it means at the start of the
    paragraph about them and goes on by surname."""
    if len(index.text) < pos or "\n" in index.text[naming:pos] or index.text.count("\n") < 2:
        return False  # a text without paragraph breaks tells no paragraph
    return _sentences_apart(index, naming, pos) <= PARAGRAPH_SENTENCES


def _sentences_apart(index: EntityIndex, naming: int, pos: int) -> int:
    """How many sentences lie between offsets ``naming`` and ``pos`` (0: the same sentence)."""
    sdoc = index.sdoc
    if sdoc is None:
        if len(index.text) < pos:
            return 0  # an index built by hand, without its text
        return len(re.findall(r"[.!?][\"”’]?\s", index.text[naming:pos]))
    ta = sdoc.char_span(max(0, naming - 1), naming, alignment_mode="expand")
    tb = sdoc.char_span(pos, min(len(index.text), pos + 1), alignment_mode="expand")
    if ta is None or tb is None or not len(ta) or not len(tb):
        return 0
    first, last = ta[0].i, tb[0].i
    if last < first:
        return 0  # no token between: no sentence apart
    cache = doccache.of(sdoc)  # the sentences from the naming's to the mention's, counted by their positions
    return cache.sent_index(last) - cache.sent_index(first)


def _focus(index: EntityIndex, candidates: list[str], pos: int) -> str | None:
    """The candidate the article's body named first before ``pos``: news names its main person in
    full and then calls them by surname, and names a namesake relative in full whenever it means them
    ("Hillary Ode … her husband, Bill Ode, … Bill Ode's … Ode said" is Hillary). How often each was
    named in full tells the other way round: the relative's full namings are the ones that pile up."""
    first_line = index.text.find("\n")
    ranked = []
    for c in candidates:
        before = [s for s, _e in index.entities[c].mentions if s < pos]
        if before:
            # a name only in the headline is often its capitalised words read as one ("Will Ode")
            body = [s for s in before if first_line < 0 or s > first_line]
            ranked.append((not body, min(body or before), c))
    return min(ranked)[2] if ranked else None


def _described_in(index: EntityIndex, head: str, inner: str) -> str | None:
    """``head`` when the full name of ``inner`` is part of one of its titles ("mother of the late Bo
    Ode"): the person described is the one the sentence is about."""
    if inner == head:
        return None
    name = index.entities[inner].name.lower()
    return head if any(name in t.lower() for t in index.entities[head].titles) else None


def _kin(index: EntityIndex, eid: str) -> bool:
    """The person was introduced as someone's relative ("his wife, Jane Smith")."""
    entity = index.entities[eid]
    return introduced_as_kin(index.text, entity.titles, entity.mentions)


#: Characters before a person's first naming ("his wife, ") and after it (", 34, her son") that a
#: relative's introduction lies within.
KIN_BEFORE_CHARS = 40
KIN_AFTER_CHARS = 30


def introduced_as_kin(text: str, titles: list[str], mentions: list[tuple[int, int]]) -> bool:
    """A person is introduced as someone's relative: a kin word among their titles that stands next to
    their first naming in the same sentence ("Bo Ode and his wife, Ann Ode"; "Cy Ode, her son,"). A
    kin word met only at a later mention ("my dear sister Ann Ode", said by a rival in a quote) is a
    figure of speech or an aside, not how the article introduces them."""
    if not mentions:
        return False
    kin = {w for t in titles for w in _WORD.findall(t.lower()) if w in KIN_NOUNS}
    start, end = min(mentions)
    if len(text) < end:
        return bool(kin)  # an index built by hand, without its text: the titles alone tell
    before = re.split(r"[.!?\n]", text[max(0, start - KIN_BEFORE_CHARS) : start])[-1]
    after = re.split(r"[.!?\n]", text[end : end + KIN_AFTER_CHARS])[0]
    if kin and any(w in kin for w in _WORD.findall(f"{before} {after}".lower())):
        return True
    # "her husband, former President Bo Ode" where the role, not the kin word, became the title
    m = _KIN_BEFORE.search(before)
    return (m is not None and m.group(1).lower() in KIN_NOUNS) or (
        (m := _KIN_AFTER.match(after)) is not None and m.group(1).lower() in KIN_NOUNS
    )


#: A possessed kin noun right before a name, a role or two between ("her husband, former President ").
_KIN_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?:late\s+)?(\w+),?\s+(?:[\w.-]+\s+){0,2}$", re.IGNORECASE)
#: ...or apposed right after it (", his son,").
_KIN_AFTER = re.compile(r"^,\s+(?:his|her|their)\s+(?:late\s+)?(\w+)\b", re.IGNORECASE)


def _last_naming(index: EntityIndex, eid: str, pos: int, renamed: bool) -> int:
    """The end of ``eid``'s last naming before ``pos`` (-1: none); with ``renamed``, its introduction
    does not count: news introduces a relative in full ("his brother, George Smith") and then calls
    the main person "Smith", so a relative competes for the surname only once named again."""
    entity = index.entities[eid]
    names = set(name_words(entity.name))
    # a naming holds a word of the name: "the next president" (a role the nominal rules joined to
    # the person, perhaps wrongly) tells nothing about which namesake the text goes on with
    ends = sorted(
        e
        for s, e in entity.mentions
        if s < pos and (len(index.text) < e or names & set(name_words(index.text[s:e])))
    )
    if renamed:
        ends = ends[1:]
    return ends[-1] if ends else -1


def _same_sentence(index: EntityIndex, a: int, b: int) -> bool:
    """Offsets ``a`` and ``b`` (a <= b) lie in one sentence of the parse (no sentence end between)."""
    sdoc = index.sdoc
    if sdoc is None:
        if len(index.text) < b:
            return False  # an index built by hand, without its text
        return "\n" not in index.text[a:b] and not re.search(r"[.!?][\"”’]?\s", index.text[a:b])
    ta = sdoc.char_span(a - 1, a, alignment_mode="expand")
    tb = sdoc.char_span(b - 1, b, alignment_mode="expand")
    if ta is None or tb is None:
        return False
    return ta[0].sent.start == tb[0].sent.start


def courtesy_owner(index: EntityIndex, candidates: list[str], pos: int) -> str | None:
    """The one of ``candidates`` a gendered courtesy title before ``pos`` names ("Ms. Khan" after "Farid
    Khan and his wife, Amina Khan"): the only candidate known to be of that gender, every other known
    to be of the other; else None."""
    gender = honorific_before(index.text, pos)
    if not gender:
        return None
    genders = {c: person_gender(index, c, skip=pos) for c in candidates}
    known = [c for c in candidates if genders[c] == gender]
    if len(known) != 1 or any(genders[c] in ("", gender) for c in candidates if c != known[0]):
        return None
    return known[0]


def split_courtesy_mentions(index: EntityIndex) -> None:
    """Move each mention of a shared bare surname that a courtesy title gives a gender ("Mr. Khan",
    "Ms. Khan") to the namesake of that gender, so that the two people of a couple or a family are
    not one entity "Khan"; mentions nothing decides stay with the bare surname."""
    for eid, entity in list(index.entities.items()):
        fits = namesakes(index, eid)
        if len(fits) < 2:
            continue
        for start, end in list(entity.mentions):
            owner = courtesy_owner(index, fits, start)
            if owner is None:
                continue
            index.mentions.remove((start, end, eid))
            entity.mentions.remove((start, end))
            index.add(start, end, owner)
            m = re.search(r"(\S+)\s+$", index.text[max(0, start - 8) : start])
            alias = f"{m.group(1)} {index.text[start:end]}" if m else ""
            if alias and alias not in index.entities[owner].aliases:
                index.entities[owner].aliases.append(alias)
