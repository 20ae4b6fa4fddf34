"""Matching the CAMEO verb patterns against the parse: a verb's features (subject, object and its
modifiers, particle, prepositions and their objects) and the most specific pattern of its dictionary
blocks that they satisfy."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from wiresift.nlp import doccache
from wiresift.nlp.events.eventive import PART_WORDS
from wiresift.nlp.events.lexicon import GENERIC_OBJECTS, VerbBlock, actors, verbs

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJ_DEPS = frozenset({"dobj", "obj", "attr", "dative", "oprd", "acomp", "xcomp", "advmod"})
#: Measures and containers of goods, and bodies of people sent: the patterns' object is what they hold
#: ("20 tonnes of food", "a delegation of tribal leaders", "a contingent of troops").
MEASURE_WORDS = frozenset({
    "tonne", "ton", "kilogram", "kilo", "litre", "liter", "gallon", "barrel", "shipment", "consignment",
    "load", "truckload", "planeload", "shipload", "batch", "convoy", "package", "parcel", "crate", "box",
    "bag", "sack", "quantity", "cargo", "delivery", "supply", "delegation", "contingent",
})  # fmt: skip
#: Prepositions spelt two ways: the patterns use the first form ("TOWARD").
SPELLINGS = {"towards": "toward"}
#: Parts and measures together, joined once (a union made on every call cost more than the lookup).
_COUNTING_WORDS = PART_WORDS | MEASURE_WORDS
#: CAMEO's synonym set of armed forces: an armed group's subject matches it too.
MILITARY_MARK = "&MILITARY"
#: Adjectives that make any noun an armed force ("armoured columns", "an armored unit").
ARMOURED = frozenset({"armoured", "armored"})
#: Sectors (agents dictionary) of armed groups.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "INS"})


#: Adverb particles the parser may read as a preposition with a preposition of its own ("walked out of
#: the talks", "broke away from the alliance", "backed down on the demand").
ADVERB_PARTICLES = frozenset({"up", "down", "out", "off", "over", "back", "away", "in", "aside", "forward",
                              "together", "apart", "around", "through"})  # fmt: skip


def adverb_particle(verb: Token, prep: Token) -> bool:
    """``prep``, right after ``verb``, is a particle the parser read as a preposition: it has no object
    of its own, only a preposition ("walked out of the talks"), or nothing ("walked out")."""
    return _adverb_particle(doccache.of(verb.doc), verb.i, prep.i)


def _adverb_particle(cache: doccache.DocCache, verb: int, prep: int) -> bool:
    """:func:`adverb_particle` of token indices, read from the document's arrays."""
    deps = cache.deps
    return (
        prep == verb + 1
        and cache.lowers[prep] in ADVERB_PARTICLES
        and not any(deps[c] == "pobj" for c in cache.children(prep))
    )


def words_of(tok: Token) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


def subject_words(tok: Token) -> set[str]:
    """A subject's words; an armed group's noun also stands for CAMEO's ``&MILITARY`` ("rebels
    surrendered" codes as a military surrender, as "troops surrendered" does)."""
    return _subject_words(doccache.of(tok.doc), tok.i)


def _subject_words(cache: doccache.DocCache, i: int) -> set[str]:
    """:func:`subject_words` of token ``i``, read from the document's arrays: no Token made."""
    lemmas, lowers, deps = cache.lemmas, cache.lowers, cache.deps
    words = {lemmas[i], lowers[i]}
    if deps[i] == "agent":
        words = {w for c in cache.children(i) if deps[c] == "pobj" for w in (lemmas[c], lowers[c])}
    agents = actors().agents
    if any(agents.get(w) in ARMED_SECTORS for w in words) or any(
        deps[c] == "amod" and lowers[c] in ARMOURED for c in cache.children(i)
    ):
        words.add(MILITARY_MARK)  # "armoured columns moved to the border" as "troops moved" does
    return words


def with_conjuncts(tok: Token) -> list[Token]:
    """A head and the heads coordinated with it ("rifles and armoured trucks")."""
    if tok.i not in doccache.of(tok.doc).coordinated:
        return [tok]  # in no coordination: spaCy's conjuncts would walk the children to find none
    return [tok, *[c for c in tok.conjuncts if c.pos_ in {"NOUN", "PROPN"}]]


def _conjoined(cache: doccache.DocCache, i: int) -> list[int]:
    """:func:`with_conjuncts` of token ``i``, as indices (a Token made only in a coordination)."""
    if i not in cache.coordinated:
        return [i]
    return [t.i for t in with_conjuncts(cache.doc[i])]


def _object_words(cache: doccache.DocCache, obj: int) -> tuple[set[str], set[str]]:
    """(words, fallback words) of an object: a generic head with a noun modifier is read by its
    modifier ("a mediation effort" is a mediation), the head itself only when the modifier codes
    nothing."""
    lemmas, lowers, deps, pos = cache.lemmas, cache.lowers, cache.deps, cache.pos
    own = {lemmas[obj], lowers[obj]}
    if pos[obj] == "NUM" or not own.isdisjoint(_COUNTING_WORDS):
        # "sent thousands of troops": the patterns' object is what is counted
        inner = [g for prep in cache.children(obj) if deps[prep] == "prep" and lowers[prep] == "of"
                 for c in cache.children(prep) if deps[c] == "pobj" for g in _conjoined(cache, c)]  # fmt: skip
        if inner:
            return {w for t in inner for w in (lemmas[t], lowers[t])}, own
    mods = {
        w
        for c in cache.children(obj)
        if deps[c] in {"compound", "nmod"} and pos[c] == "NOUN"
        for w in (lemmas[c], lowers[c])
    }
    if lemmas[obj] in GENERIC_OBJECTS and mods:
        return mods, own
    return own, set()


#: Entity types of a preposition's object that only say when or for how long ("for three hours").
TIME_ENTS = frozenset({"DATE", "TIME"})


def features(verb: Token) -> dict[str, Any]:
    """What the patterns can ask of ``verb``, read from the document's arrays (a Token is made only
    for the objects, which the callers read further)."""
    cache = doccache.of(verb.doc)
    lemmas, lowers, deps = cache.lemmas, cache.lowers, cache.deps
    children_of = cache.children
    sdoc = verb.doc
    subj: set[str] = set()
    objs: set[str] = set()
    generic: set[str] = set()
    parts: set[str] = set()
    preps: dict[str, set[str]] = {}
    obj_ids: list[int] = []
    obj_preps: dict[str, set[str]] = {}

    timed: dict[str, bool] = {}  # preposition -> every one on the verb says only when or how long

    def add_prep(prep: int, into: dict[str, set[str]] = preps) -> None:
        key = SPELLINGS.get(lowers[prep], lowers[prep])
        pobjs = [c for c in children_of(prep) if deps[c] == "pobj"]
        into.setdefault(key, set()).update(
            w for c in pobjs for t in _conjoined(cache, c) for w in (lemmas[t], lowers[t])
        )
        if into is preps:
            # the entity type read for these words alone: no array of the whole document's types
            when = bool(pobjs) and all(sdoc[c].ent_type_ in TIME_ENTS for c in pobjs)
            timed[key] = timed.get(key, True) and when

    def add_obj(obj: int) -> None:
        words, fallback = _object_words(cache, obj)
        objs.update(words)
        generic.update(fallback)
        obj_ids.append(obj)

    v = verb.i
    children = [(c, deps[c]) for c in children_of(v)]  # each child and its relation read once
    passive = cache.pos[v] == "VERB" and any(dep == "auxpass" for _, dep in children)
    for child, dep in children:
        if dep == "nsubjpass" and passive:  # "sanctions were lifted": the patterns' object
            for obj in _conjoined(cache, child):
                add_obj(obj)
        elif dep in SUBJ_DEPS or dep == "agent":
            subj |= _subject_words(cache, child)
        elif dep == "prt":
            parts.add(lowers[child])
        elif dep in _OBJ_DEPS:
            for obj in _conjoined(cache, child) if dep in {"dobj", "obj"} else [child]:
                add_obj(obj)
            if dep == "xcomp" and any(lowers[c] == "to" and deps[c] == "aux" for c in children_of(child)):
                # "refused to commit": (TO)
                preps.setdefault("to", set()).update((lemmas[child], lowers[child]))
        elif dep == "prep":
            add_prep(child)
            if _adverb_particle(cache, v, child):  # "walked out of the talks": OUT, then (OF TALKS)
                parts.add(lowers[child])
                for inner in children_of(child):
                    if deps[inner] == "prep":
                        add_prep(inner)
    for obj in obj_ids:  # "put police on alert": the prep hangs on the object
        for child in children_of(obj):
            if deps[child] == "prep":
                add_prep(child, obj_preps)
    return {
        "subj": subj,
        "obj": objs,
        "generic": generic,
        "part": parts,
        "preps": preps,
        "obj_preps": obj_preps,
        "obj_toks": [sdoc[i] for i in obj_ids],
        "timed": {p for p, when in timed.items() if when},
    }


def _obj_mods(feats: dict[str, Any]) -> set[str]:
    """The words before the objects' heads ("no evidence", "humanitarian aid"), read once when asked."""
    if "obj_mods" not in feats:
        feats["obj_mods"] = {
            w for obj in feats["obj_toks"] for c in obj.lefts for t in c.subtree for w in words_of(t)
        }
    mods: set[str] = feats["obj_mods"]
    return mods


def has_form(word: str, found: set[str]) -> bool:
    """A pattern word (or ``&SYNSET``) is among the found words, in any of its forms."""
    forms = verbs().forms.get(word)
    return word in found if forms is None else not forms.isdisjoint(found)


@cache
def _owners() -> dict[str, frozenset[str]]:
    """Word -> the pattern words (and ``&SYNSET`` names) it is a form of: :func:`has_form` inverted."""
    owners: dict[str, set[str]] = {}
    for word, forms in verbs().forms.items():
        for form in forms:
            owners.setdefault(form, set()).add(word)
    return {form: frozenset(words) for form, words in owners.items()}


def _hits(found: set[str]) -> set[str]:
    """Every word ``w`` for which ``has_form(w, found)`` holds, found at once rather than per pattern."""
    forms = verbs().forms
    out = {w for w in found if w not in forms}
    owners = _owners()
    for w in found:
        out.update(owners.get(w, ()))
    return out


def _match(
    pattern: dict[str, Any], feats: dict[str, Any], hits: dict[str, set[str]], strict: bool = True
) -> bool:
    """``pattern`` matches the verb's ``feats``; ``hits`` are :func:`_hits` of their "obj" and "subj".
    A particle with an object that the parse reads as a preposition and its object matches too
    ("EMBARK ON TRIP": "embarked on a trip")."""
    if "part" in pattern and pattern["part"] not in feats["part"]:
        pobjs = feats["preps"].get(pattern["part"])
        if pobjs is None or "obj" not in pattern or not has_form(pattern["obj"], pobjs):
            return False
    elif "obj" in pattern and pattern["obj"] not in hits["obj"]:
        return False
    if (
        strict
        and "obj_mods" in pattern
        and not all(has_form(m, _obj_mods(feats)) for m in pattern["obj_mods"])
    ):
        return False  # "{NO &EVIDENCE}": "found no evidence", not "found evidence"
    if "subj" in pattern and pattern["subj"] not in hits["subj"]:
        return False
    if "prep" in pattern and not _prep_matches(pattern, feats, "prep"):
        return False
    return "prep2" not in pattern or _prep_matches(pattern, feats, "prep2")


def _prep_matches(pattern: dict[str, Any], feats: dict[str, Any], key: str) -> bool:
    """The pattern's preposition ``key`` ("prep" or "prep2") and its object are in ``feats``: a bare
    preposition must hang on the verb; one with its object may hang on the verb's object."""
    prep, pobj = pattern[key], pattern.get(key.replace("prep", "pobj"))
    if pobj is None and prep in feats.get("timed", ()):
        return False  # "attacked the town for three hours": a time adjunct is no argument of the verb
    pobjs = feats["preps"].get(prep)
    if pobjs is None and pobj is not None:
        pobjs = feats.get("obj_preps", {}).get(prep)
    return pobjs is not None and (pobj is None or has_form(pobj, pobjs))


def verb_anchors(feats: dict[str, Any], subj_hits: set[str]) -> dict[str, Iterable[str]]:
    """The pattern anchors (:func:`~wiresift.nlp.events.lexicon.pattern_anchor`) a verb's features
    can meet, by kind: a pattern whose anchor is not among them cannot match (:func:`_match`)."""
    preps = feats["preps"]
    obj_preps = feats.get("obj_preps")
    return {
        "part": feats["part"].union(preps) if preps else feats["part"],
        "subj": subj_hits,
        "prep": preps.keys() | obj_preps.keys() if obj_preps else preps.keys(),
    }


def best_pattern(
    blocks: list[VerbBlock], feats: dict[str, Any], lemma: str
) -> tuple[int, dict[str, Any]] | None:
    """The most specific matching pattern (size = its number of parts) of those the dictionary wrote
    for ``lemma`` itself, else of those of its blocks' other verbs; a pattern whose object is a phrase
    ("{ASSASSINATION ATTEMPT}") matches by its head alone only when no pattern matches in full."""
    if not blocks:
        return None
    hits = {"obj": _hits(feats["obj"]), "subj": _hits(feats["subj"])}
    anchors = verb_anchors(feats, hits["subj"])
    # full matches first, the verb's own patterns before its block's; a phrase's head alone last
    for strict, own in ((True, True), (True, False), (False, True), (False, False)):
        best: tuple[int, dict[str, Any]] | None = None
        for block in blocks:
            sized = (
                block.candidate_patterns(lemma, own, hits["obj"], anchors)
                if strict
                else block.sized_phrase_patterns_of(lemma, own)
            )
            for size, pattern in sized:  # longest first
                if best is not None and (size < best[0] or (size == best[0] and "obj" in best[1])):
                    break
                if (best is None or "obj" in pattern) and _match(pattern, feats, hits, strict):
                    # of two as specific, the one that reads the object ("broke off relations":
                    # RELATIONS, not OFF alone)
                    best = (size, pattern)
                    if "obj" in pattern:
                        break
        if best is not None:
            return best
    return None


def obj_compounds(feats: dict[str, Any]) -> set[str]:
    """The noun modifiers of the objects' heads ("food" of "food parcels")."""
    return {w for obj in feats["obj_toks"] for c in obj.children if c.dep_ == "compound" for w in words_of(c)}
