"""Clean spaCy's name spans before they become entities: no junk persons, whole names, places as places.

spaCy's NER makes a handful of recurring mistakes on news that would otherwise become PERSON
entities, speakers and canonical records:

- a number or amount glued to a name ("Donald Trump 43%") and possessive tails ("the Bank of
  Canada's"): trimmed off, so the name is the name;
- a name cut at a curly apostrophe ("Kevin" of "Kevin O’Connor"): the span grows over the
  adjacent name-shaped token;
- common nouns and plurals ("blazers", "MPs"), coined words built on a name ("Bidenomics",
  "Trumpism") and spans without a letter: dropped;
- a town typed PERSON where the gazetteer knows the name as a place *and* the parse uses it as
  one ("in Ménaka", "near Gao, Mali"): retyped GPE, and so is every other one-word PERSON mention
  of that name in the article (one sense per article), unless it is the surname of a person named
  in full there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from wiresift.nlp.entities.headline_names import headline_end, headline_surname, headline_title
from wiresift.nlp.entities.lexicon import (
    AGENT_ENDINGS,
    ORG_NOMINAL_HEADS,
    TITLE_HEADS,
    country_code,
    fold_accents,
    role_noun,
    words,
)
from wiresift.nlp.entities.mentions import ORG_NOUNS
from wiresift.nlp.entities.organisations import called_company

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from wiresift.gazetteer import Gazetteer

#: Last words that make a name an institution, a place or an event, whoever it is named after
#: ("the Ann Lee Award", "Ann Lee Observatory"), with the type it then has; no common surnames.
INSTITUTION_TAILS: dict[str, str] = {
    **dict.fromkeys(words("award awards prize trophy festival lecture"), "EVENT"),
    **dict.fromkeys(
        words("observatory amphitheatre amphitheater arena stadium hospital museum airport cathedral mosque"),
        "FAC",
    ),
    **dict.fromkeys(
        words(
            "institute university foundation productions studio studios records magazine academy inc inc. corp"
            " ltd gazette tribune chronicle"
        ),
        "ORG",
    ),
}
#: A plural of a place's people: "Delhiites", "Parisians" (never a person).
_DEMONYM = re.compile(r"(?:ites|ians|eans)$")
#: One of a place's people after an article: "a Delhiite", "a Muscovite" (but "Aphrodite" is a name).
_DEMONYM_ONE = re.compile(r"ite$")
#: Apostrophe look-alikes folded to "'" when names are matched or merged (offsets stay untouched).
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "′": "'"})
#: One name-shaped token with an inner apostrophe: "O’Connor", "D'Angelo", "N’Golo".
_APOSTROPHE_NAME = re.compile(r"^[A-Z][a-z]{0,2}['’ʼ][A-Z][\w-]+$")
#: Derivational endings that make a word out of a name: "Bidenomics", "Trumpism", "Blairite".
_COINED = re.compile(r"(?:omics|isms?|mania|phobia|esque)$")
#: What a coined word adds to a surname of the article ("Blair" + "ite", "Biden" + "omics").
_DERIVATIONS = frozenset(
    {"omics", "nomics", "ism", "isms", "ist", "ists", "ite", "ites", "esque", "mania", "gate", "s", "es"}
)
#: A plural acronym: "MPs", "CEOs", "MEPs".
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
#: Prepositions whose object is a location when the name is a known place ("in Gao", "near Baku").
PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "from", "near", "outside", "around", "across", "into", "inside", "towards", "toward"}
)
#: Gazetteer kinds a mislabelled person may really be (not counties: too many share surnames).
PLACE_KINDS = frozenset({"country", "admin1", "city", "region", "feature"})
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’"})
#: Words that make a possessive name an institution, not a person: "St Luke's (hospital)".
SAINTS = frozenset({"st", "st.", "saint", "san", "santa", "sainte"})
#: A percentage glued to a name: "Harlow 43%", "Harlow 43 percent".
PERCENT_WORDS = frozenset({"%", "percent", "per", "cent", "pct"})
#: Offices with an agent ending that are common surnames too ("John Major", "Ann Chancellor").
SURNAME_OFFICES = words("major chancellor marshal")
#: Courtesy titles spaCy sometimes puts inside a person span ("Mr Smith"): the name starts after them.
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})


#: Dashes that, spaced, part a heading from the text; never inside a name.
_DASHES = frozenset({"-", "–", "—"})


def fold_apostrophes(text: str) -> str:
    """``text`` with every apostrophe look-alike as "'" (same length, so offsets stay valid)."""
    return text.translate(_APOSTROPHES)


def fold_name(text: str) -> str:
    """The matching form of a name: apostrophes folded, accents dropped (for keys, not offsets)."""
    return fold_accents(fold_apostrophes(text))


def _trim(ent: Span, label: str) -> tuple[int, int]:
    """Token bounds of ``ent`` without a possessive tail and, for a person, without the numbers,
    signs and lower-case words glued before or after the name ("Donald Trump 43%")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and (doc[end - 1].text in _POSSESSIVE_TOKENS or doc[end - 1].is_space):
        end -= 1
    if end - start > 1 and doc[end - 1].lower_ in PERCENT_WORDS:  # any label: "Acme 12%" is no name
        while end > start and (doc[end - 1].lower_ in PERCENT_WORDS or doc[end - 1].like_num):
            end -= 1
    if label == "PERSON":
        while end > start and _glued(doc[end - 1], doc[end - 2] if end - 2 >= start else None):
            end -= 1
        while start < end and _glued(doc[start], None):
            start += 1
        for k in range(end - 2, start, -1):
            if doc[k].text in _DASHES and doc[k - 1].whitespace_ and end - k > 2 and k - start == 1:
                # "Chasing Okoro - Ann Lee's dream": a spaced dash between one word and a full name
                # ends a heading (a full name before it is a spaced double surname: "Ann Udvar - Hazy")
                start = k + 1
                break
        if end - start > 1 and doc[start].lower_.rstrip(".") in COURTESY_TITLES:
            start += 1 + int(start + 2 < end and doc[start + 1].text == ".")
        if end - start > 2 and _position_letter(doc[start]):
            start += 1  # "F Ann Lee missed the game": a player's position in a box score, not an initial
        start = _after_inner_role(doc, start, end)
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in (".",):
        end -= 1
    return start, end


#: Lower-case words that belong inside a name: "Ludwig van Beethoven", "Omar bin Laden", "Ana de Souza".
NAME_PARTICLES = words("van von der den de del della di da dos das du la le ter ten bin ibn al el")


def _after_inner_role(doc: Doc, start: int, end: int) -> int:
    """The start of a person span past a team or a place and a lower-case role word spaCy put inside
    it ("Lakers great Ann Lee", "Ohio native Ann Lee"): the name is what follows the last such word."""
    for k in range(end - 2, start, -1):
        tok = doc[k]
        if (
            tok.is_alpha
            and tok.is_lower
            and not tok.is_stop  # "Ann Lee of Acme": a name and its organisation, not a role and a name
            and tok.lower_ not in NAME_PARTICLES
            and doc[k + 1].text[:1].isupper()
        ):
            return k + 1
    return start


def _position_letter(tok: Token) -> bool:
    """A lone capital letter opening a line or following a colon, without the full stop of an
    initial: a sports position ("F", "G", "S") before a first and last name."""
    if len(tok.text) != 1 or not tok.text.isupper() or not tok.whitespace_:
        return False
    before = tok.nbor(-1) if tok.i > 0 else None
    return before is None or before.text in (":", "|") or before.is_space or "\n" in before.whitespace_


def _glued(tok: Token, prev: Token | None) -> bool:
    """A token glued to a person's name that is not part of it: a number, a sign, a lower-case word
    standing on its own (a hyphenated part, "Wai-ching", belongs to the name)."""
    if tok.like_num or tok.is_currency or tok.lower_ in PERCENT_WORDS:
        return True
    if tok.text[:1].isupper():
        return False
    joined = prev is not None and not prev.whitespace_ and (tok.is_alpha or tok.text == "-")
    return not joined and not (tok.text == "-" and not tok.whitespace_)


def _grow_apostrophe(doc: Doc, start: int, end: int) -> int:
    """The end of a person span that stopped before "O’Connor" (a name token with an apostrophe)."""
    while end < len(doc) and _APOSTROPHE_NAME.match(doc[end].text) and doc[end - 1].whitespace_:
        end += 1
    return end


#: Dependencies of a noun phrase: a word tagged an adjective in one is a name ("Trumble said").
_NAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos"})


def is_junk_person(span: Span, surnames: Iterable[str] = ()) -> bool:
    """A PERSON span that names nobody: no letter, a lower-case or plural common noun, a plural
    acronym, a town's people ("Delhiites"), or a word coined from a name ("Bidenomics" beside
    "Biden")."""
    text = span.text
    if not any(ch.isalpha() for ch in text) or not text[:1].isupper():
        return True
    doc = span.doc
    if span[0].lower_ in SAINTS and span.end < len(doc) and doc[span.end].text in _POSSESSIVE_TOKENS:
        return True  # "St Luke's hospital"
    if len(span) != 1:
        prev = doc[span.start - 1] if span.start > 0 else None
        last = span[-1].lower_
        # "the first Chief Strategy Officer": a title cut after its first word, not a name; an office
        # that is also a surname ("Rep. Steve King", "Dr. Howard Dean", "John Major") ends a name
        return (
            prev is not None
            and prev.text[:1].isupper()
            and prev.lower_ in TITLE_HEADS
            and last in TITLE_HEADS
            and last.endswith(AGENT_ENDINGS)
            and last not in SURNAME_OFFICES
        )
    tok = span[0]
    if tok.lower_.rstrip(".") in COURTESY_TITLES:
        return True  # "Dr" cut from its name by a stray comma ("Dr, Ann Lee"): a title, nobody's name
    before_tok = doc[span.start - 1] if span.start > 0 else None
    named = tok.dep_ in _NAME_DEPS or (before_tok is not None and _titled(before_tok))
    if tok.tag_ == "NNS" or (tok.tag_ == "JJ" and not named) or _PLURAL_ACRONYM.match(text):
        return (
            True  # "blazers"; "Foolhardy" opening a sentence is an adjective (but "Trumble said" is a name)
        )
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if len(text) > 6 and (_DEMONYM.search(text) or (before in ("a", "an") and _DEMONYM_ONE.search(text))):
        return True  # "Delhiites", "Parisians", "a Muscovite": a town's people
    if before == "the" and (tok.tag_ == "NNPS" or text.endswith("s") or tok.dep_ not in ("compound", "poss")):
        return True  # "the Sabres", "the Bidens", "the Moon" (but "the Lee administration" is Lee's)
    low = text.lower()
    if _COINED.search(low) and len(low) > 6:
        return True
    return any(low.startswith(s) and low[len(s) :] in _DERIVATIONS for s in surnames if s)


def _object_of_place_preposition(tok: Token) -> bool:
    """``tok`` is the object of "in/at/near/from …", directly or as a conjunct ("in A and B")."""
    seen = 0
    while tok.dep_ == "conj" and tok.head is not tok and seen < 5:
        tok, seen = tok.head, seen + 1
    if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPOSITIONS:
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.lower_ in PLACE_PREPOSITIONS


def _followed_by_country(doc: Doc, end: int) -> bool:
    """A country name after a comma right after the span: "Gao, Mali"."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    j = end + 1
    k = j
    while k < len(doc) and k - j < 4 and doc[k].text[:1].isupper():
        k += 1
    return k > j and country_code(doc[j:k].text) is not None


def known_place(gaz: Gazetteer, name: str) -> bool:
    return any(c.exact and c.entry.kind in PLACE_KINDS for c in gaz.candidates(name))


def used_as_place(gaz: Gazetteer, span: Span) -> bool:
    """The gazetteer knows ``span`` as a place and the text uses it as one."""
    if not known_place(gaz, span.text):
        return False
    return _object_of_place_preposition(span.root) or _followed_by_country(span.doc, span.end)


def clean(sdoc: Doc, ents: list[Span], gaz: Gazetteer | None) -> list[Span]:
    """spaCy's name spans with persons trimmed, grown, dropped or retyped as places (see module doc)."""
    from spacy.tokens import Span

    person_ents = [e for e in ents if e.label_ == "PERSON"]
    full_names = [e for e in person_ents if len(e) > 1]
    surnames = {fold_name(e[-1].text.lower()) for e in full_names}
    out: list[Span] = []
    places: set[str] = set()
    # a company by its apposition, unless the name is part of a person's full name in the article
    companies = {
        e.text
        for e in person_ents
        if called_company(e)
        and not any(set(e.text.split()) & set(f.text.split()) for f in full_names if f.text != e.text)
    }
    line_end = headline_end(sdoc)
    for ent in ents:
        label = ent.label_
        if headline_title(sdoc, ent, line_end):
            continue  # "AG Brenner": a title, not an organisation
        start, end = _trim(ent, label)
        if label == "PERSON" and (
            cut := headline_surname(sdoc, Span(sdoc, start, end), full_names, line_end)
        ):
            end = cut  # "Gov. Reyes Vows To Veto …": the surname alone
        if start >= end:
            continue
        if label == "PERSON":
            end = _grow_apostrophe(sdoc, start, end)
        span = Span(sdoc, start, end, label=label)
        if label == "PERSON" and len(span) > 1 and span[-1].lower_ in INSTITUTION_TAILS:
            span = Span(sdoc, start, end, label=INSTITUTION_TAILS[span[-1].lower_])  # "the Ann Lee Award"
            label = span.label_
        if label == "PERSON" and span.text in companies:
            span, label = Span(sdoc, start, end, label="ORG"), "ORG"  # "Widgetly, a payments company,"
        if label == "PERSON":
            if is_junk_person(span, surnames - {span.text.lower()}):
                continue
            if gaz is not None and fold_name(span.text.lower()) not in surnames and used_as_place(gaz, span):
                places.add(span.text)
                span = Span(sdoc, start, end, label="GPE")
        out.append(span)
    if places:
        out = [
            Span(sdoc, e.start, e.end, label="GPE") if e.label_ == "PERSON" and e.text in places else e
            for e in out
        ]
    return one_sense(sdoc, regain_persons(sdoc, _no_overlaps(out)), surnames)


#: Labels spaCy gives a person's full name by mistake ("Ann Lee" a FAC, "Tom Reed" an ORG).
_MISTYPED = frozenset({"FAC", "LOC", "ORG", "GPE", "PRODUCT", "WORK_OF_ART", "NORP", "EVENT"})


def regain_persons(sdoc: Doc, spans: list[Span]) -> list[Span]:
    """A name of two or three capitalised words that spaCy typed a place, a facility or an
    organisation here and a person there is a person: the same full name is a PERSON elsewhere in
    the article, or its last word is ("Romelu Lukaku" a FAC, "Lukaku" a PERSON). An organisation
    named after a person ("Ann Lee Foundation") ends on another word and keeps its type."""
    from spacy.tokens import Span

    person_names = [fold_name(e.text.lower()) for e in spans if e.label_ == "PERSON"]
    persons = set(person_names)
    person_tokens = {i for e in spans if e.label_ == "PERSON" and len(e) > 1 for i in range(e.start, e.end)}
    singles = {p for p in persons if " " not in p}
    # a given name is trusted when spaCy typed it PERSON twice ("Mac" once, of "Mac Pro", is no person)
    # and is no surname of a person named in full ("Warhol" of "Andy Warhol" opens "Warhol Polaroid")
    last_words = {p.split()[-1] for p in persons if " " in p}
    given_names = {p for p in singles if person_names.count(p) >= 2 and p not in last_words}
    out = []
    given: set[str] = set()  # first words of the full names regained by a one-word PERSON given name
    for e in spans:
        words = e.text.split()
        if (
            e.label_ in _MISTYPED
            and len(words) <= 3
            and all(_name_token(t) for t in e)
            and (
                (len(words) > 1 and fold_name(e.text.lower()) in persons)
                or (len(words) > 1 and fold_name(words[-1].lower()) in singles)
                or (len(words) > 1 and _after_role(sdoc, e.start))
                or (len(words) > 1 and _apposed_to_role(e))
                or (len(words) > 1 and _listed_with_person(e, person_tokens))
                or (
                    len(words) > 1
                    and fold_name(words[0].lower()) in given_names
                    and words[-1].lower() not in INSTITUTION_TAILS
                    and words[-1].lower() not in ORG_NOUNS
                )
            )
        ):
            e = Span(sdoc, e.start, e.end, label="PERSON")
            given.add(fold_name(words[0].lower()))
        out.append(e)
    if not given:
        return out
    # "Zeta-Mae" typed ORG here and PERSON there, the given name of a regained full name: a person
    return [
        Span(sdoc, e.start, e.end, label="PERSON")
        if e.label_ == "ORG" and " " not in e.text and fold_name(e.text.lower()) in given
        else e
        for e in out
    ]


def _name_token(tok: Token) -> bool:
    """A capitalised proper-noun word of a name, or the hyphen inside one ("Zeta-Mae")."""
    if tok.text == "-":
        return not tok.whitespace_ and tok.i > 0 and not tok.nbor(-1).whitespace_
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha


def _after_role(sdoc: Doc, start: int) -> bool:
    """A role word right before a name makes it a person's ("defender Ann Lee", "Mayor Tom Reed")."""
    if start == 0:
        return False
    prev = sdoc[start - 1]
    if prev.ent_type_ or not prev.is_alpha or prev.is_stop:
        return False
    # a role word the parse makes an adjective modifying the name is no role: "the major Kestrel
    # Bank" (a rank "Major" is a proper noun, "defender" a noun, "editor-in-chief" ends on "chief")
    return prev.lower_ in TITLE_HEADS and not (prev.pos_ == "ADJ" and prev.dep_ == "amod")


#: Nouns an organisation is called by in an apposition ("my design business, Acme Design").
_BUSINESS_NOUNS = frozenset({"business", "brand", "venture", "startup", "start-up", "label", "outlet"})
#: Nouns of bodies and businesses, joined once.
_BODY_NOUNS = ORG_NOUNS | ORG_NOMINAL_HEADS | _BUSINESS_NOUNS


def _apposed_to_role(span: Span) -> bool:
    """A name the parser sets in apposition to a role noun before it: "the media mogul, Ann Lee"
    (spaCy typed the name an organisation)."""
    root = span.root
    head = root.head
    lemma = head.lemma_.lower()
    if span[-1].lower_ in INSTITUTION_TAILS or span[-1].lower_ in ORG_NOUNS:
        return False
    return (
        root.dep_ == "appos"
        and head.i < span.start - 1
        and span.doc[span.start - 1].text == ","
        and head.pos_ == "NOUN"
        and head.is_lower
        and role_noun(lemma, by_ending=False)
        and lemma not in _BODY_NOUNS
    )


def _listed_with_person(span: Span, person_tokens: set[int]) -> bool:
    """A first and last name in a list whose every other item is a person's full name ("Ann Lee, Tom
    Reed and Bo Dean"): not a list of papers or bands one of which spaCy typed a person."""
    if len(span) != 2 or span[-1].lower_ in INSTITUTION_TAILS or span[-1].lower_ in ORG_NOUNS:
        return False  # "Ann Lee of Leeds General and Victoria Hospital": a place of work, not a person
    top = span.root
    for _ in range(10):
        if top.dep_ != "conj":
            break
        top = top.head
    members: list[Token] = []
    todo = [top]
    while todo and len(members) < 12:
        tok = todo.pop()
        members.append(tok)
        todo += [c for c in tok.children if c.dep_ == "conj"]
    others = [t for t in members if not span.start <= t.i < span.end]
    return bool(others) and all(t.i in person_tokens for t in others)


#: A courtesy title or rank right before a one-word name makes it a person's.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "sen", "rep", "gov", "gen"})


def _titled(before: Token) -> bool:
    """A courtesy title or a capitalised office right before a name ("Mr.", "Sen.", "President")."""
    low = before.lower_
    return low.rstrip(".") in _HONORIFICS or (before.text[:1].isupper() and low in TITLE_HEADS)


def one_sense(sdoc: Doc, spans: list[Span], surnames: set[str]) -> list[Span]:
    """A one-word name that spaCy types PERSON here and ORG there is one thing in one article: a
    person when it is the surname of a person named in full or follows a courtesy title or an
    office somewhere ("Mr. Lee", "President Lee"), else an organisation (a company called by its
    one-word brand)."""
    from spacy.tokens import Span

    labels: dict[str, set[str]] = {}
    for e in spans:
        if len(e) == 1 and e.label_ in ("PERSON", "ORG"):
            labels.setdefault(fold_name(e.text.lower()), set()).add(e.label_)
    mixed = {name for name, labs in labels.items() if len(labs) == 2}
    if not mixed:
        return spans
    people = {name for name in mixed if name in surnames}
    for e in spans:
        name = fold_name(e.text.lower())
        if name in mixed and e.start > 0 and _titled(sdoc[e.start - 1]):
            people.add(name)
    out = []
    for e in spans:
        name = fold_name(e.text.lower())
        if len(e) == 1 and name in mixed:
            label = "PERSON" if name in people else "ORG"
            if label != e.label_:
                e = Span(sdoc, e.start, e.end, label=label)
        out.append(e)
    return out


def _no_overlaps(spans: list[Span]) -> list[Span]:
    """Grown spans may now overlap the next one: keep the earlier, longer span."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out
