"""Matching the CAMEO verb patterns against the parse: a verb's features (subject, object and its
modifiers, particle, prepositions and their objects) and the most specific pattern of its dictionary
blocks that they satisfy."""

from __future__ import annotations

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
    return (
        prep.i == verb.i + 1
        and prep.lower_ in ADVERB_PARTICLES
        and not any(c.dep_ == "pobj" for c in prep.children)
    )


def words_of(tok: Token) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


def subject_words(tok: Token) -> set[str]:
    """A subject's words; an armed group's noun also stands for CAMEO's ``&MILITARY`` ("rebels
    surrendered" codes as a military surrender, as "troops surrendered" does)."""
    words = words_of(tok)
    if tok.dep_ == "agent":
        words = {w for c in tok.children if c.dep_ == "pobj" for w in words_of(c)}
    if any(actors().agents.get(w) in ARMED_SECTORS for w in words) or any(
        c.dep_ == "amod" and c.lower_ in ARMOURED for c in tok.children
    ):
        words.add(MILITARY_MARK)  # "armoured columns moved to the border" as "troops moved" does
    return words


def with_conjuncts(tok: Token) -> list[Token]:
    """A head and the heads coordinated with it ("rifles and armoured trucks")."""
    if tok.i not in doccache.of(tok.doc).coordinated:
        return [tok]  # in no coordination: spaCy's conjuncts would walk the children to find none
    return [tok, *[c for c in tok.conjuncts if c.pos_ in {"NOUN", "PROPN"}]]


def _object_words(obj: Token) -> tuple[set[str], set[str]]:
    """(words, fallback words) of an object: a generic head with a noun modifier is read by its
    modifier ("a mediation effort" is a mediation), the head itself only when the modifier codes
    nothing."""
    if obj.pos_ == "NUM" or not {obj.lower_, obj.lemma_.lower()}.isdisjoint(_COUNTING_WORDS):
        # "sent thousands of troops": the patterns' object is what is counted
        inner = [g for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for c in prep.children if c.dep_ == "pobj" for g in with_conjuncts(c)]  # fmt: skip
        if inner:
            return {w for t in inner for w in words_of(t)}, words_of(obj)
    mods = {
        w for c in obj.children if c.dep_ in {"compound", "nmod"} and c.pos_ == "NOUN" for w in words_of(c)
    }
    if obj.lemma_.lower() in GENERIC_OBJECTS and mods:
        return mods, words_of(obj)
    return words_of(obj), set()


#: Entity types of a preposition's object that only say when or for how long ("for three hours").
TIME_ENTS = frozenset({"DATE", "TIME"})


def features(verb: Token) -> dict[str, Any]:
    subj: set[str] = set()
    objs: set[str] = set()
    generic: set[str] = set()
    parts: set[str] = set()
    preps: dict[str, set[str]] = {}
    obj_toks: list[Token] = []
    obj_preps: dict[str, set[str]] = {}

    timed: dict[str, bool] = {}  # preposition -> every one on the verb says only when or how long

    def add_prep(prep: Token, into: dict[str, set[str]] = preps) -> None:
        key = SPELLINGS.get(prep.lower_, prep.lower_)
        pobjs = [c for c in prep.children if c.dep_ == "pobj"]
        into.setdefault(key, set()).update(w for c in pobjs for t in with_conjuncts(c) for w in words_of(t))
        if into is preps:
            when = bool(pobjs) and all(c.ent_type_ in TIME_ENTS for c in pobjs)
            timed[key] = timed.get(key, True) and when

    def add_obj(obj: Token) -> None:
        words, fallback = _object_words(obj)
        objs.update(words)
        generic.update(fallback)
        obj_toks.append(obj)

    children = [(c, c.dep_) for c in verb.children]  # each child and its relation read once
    passive = verb.pos_ == "VERB" and any(dep == "auxpass" for _, dep in children)
    for child, dep in children:
        if dep == "nsubjpass" and passive:  # "sanctions were lifted": the patterns' object
            for obj in with_conjuncts(child):
                add_obj(obj)
        elif dep in SUBJ_DEPS or dep == "agent":
            subj |= subject_words(child)
        elif dep == "prt":
            parts.add(child.lower_)
        elif dep in _OBJ_DEPS:
            for obj in with_conjuncts(child) if dep in {"dobj", "obj"} else [child]:
                add_obj(obj)
            if dep == "xcomp" and any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children):
                preps.setdefault("to", set()).update(words_of(child))  # "refused to commit": (TO)
        elif dep == "prep":
            add_prep(child)
            if adverb_particle(verb, child):  # "walked out of the talks": OUT, then (OF TALKS)
                parts.add(child.lower_)
                for inner in child.children:
                    if inner.dep_ == "prep":
                        add_prep(inner)
    for obj in obj_toks:  # "put police on alert": the prep hangs on the object
        for child in obj.children:
            if child.dep_ == "prep":
                add_prep(child, obj_preps)
    return {
        "subj": subj,
        "obj": objs,
        "generic": generic,
        "part": parts,
        "preps": preps,
        "obj_preps": obj_preps,
        "obj_toks": obj_toks,
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


def best_pattern(
    blocks: list[VerbBlock], feats: dict[str, Any], lemma: str
) -> tuple[int, dict[str, Any]] | None:
    """The most specific matching pattern (size = its number of parts) of those the dictionary wrote
    for ``lemma`` itself, else of those of its blocks' other verbs; a pattern whose object is a phrase
    ("{ASSASSINATION ATTEMPT}") matches by its head alone only when no pattern matches in full."""
    if not blocks:
        return None
    hits = {"obj": _hits(feats["obj"]), "subj": _hits(feats["subj"])}
    # full matches first, the verb's own patterns before its block's; a phrase's head alone last
    for strict, own in ((True, True), (True, False), (False, True), (False, False)):
        best: tuple[int, dict[str, Any]] | None = None
        for block in blocks:
            sized = (
                block.candidate_patterns(lemma, own, hits["obj"])
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
