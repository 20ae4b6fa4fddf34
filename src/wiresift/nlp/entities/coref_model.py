"""A mention-ranking coreference model for person and organisation anaphors, in plain numpy.

For each anaphor (:mod:`mentions`) every earlier person or organisation of the :class:`EntityIndex`
within reach is a candidate; a logistic model scores each pair from features of distance, recency,
type and gender agreement (and whether the candidate is the only one, or the nearest one, that a
gendered pronoun fits), syntactic role, a pronoun quoted against a speaker outside the quote,
reporting subjects, title and name words and word vectors. The best candidate wins when its
probability reaches the threshold chosen by cross-validation, else the anaphor abstains. Anaphors
are resolved in text order and each one resolved joins its entity, so a later "he" can follow a
chain of pronouns. The weights (``coref_weights.json``) are learned by
``training/train_coref.py`` from GUM train and dev, ``C`` and the thresholds chosen leaving one
document out at a time; this module never imports scikit-learn.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from wiresift.nlp import doccache
from wiresift.nlp.entities.coref_candidates import Candidate, Mention, Tally
from wiresift.nlp.entities.given_names import name_gender, name_lean
from wiresift.nlp.entities.mentions import FEMININE, MASCULINE, Anaphor, Geometry, Place, anaphors
from wiresift.nlp.entities.salience import quoted

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from wiresift.model import Entity
    from wiresift.nlp.entities.index import EntityIndex

WEIGHTS_PATH = Path(__file__).with_name("coref_weights.json")
#: Entity types an anaphor of each kind may refer to.
TARGET_TYPES: dict[str, tuple[str, ...]] = {
    "sg": ("PERSON",),
    "pl": ("PERSON", "ORG", "GPE", "NORP"),
    "it": ("ORG", "GPE"),
    "person": ("PERSON",),
    "org": ("ORG", "GPE"),
}
#: How many sentences back a candidate's last mention may be (pronouns reach less far than nominals).
MAX_SENT_DIST = {"sg": 6, "pl": 6, "it": 6, "person": 25, "org": 25}
TYPES = ("PERSON", "ORG", "GPE", "NORP")
#: Every type some anaphor may refer to.
_TARGETS = frozenset(t for types in TARGET_TYPES.values() for t in types)
#: Joined pronouns that, all of one gender, rule out a pronoun of the other.
SURE_PRONOUNS = 2
#: Sentences that make a document's lead (the headline and the first sentence, as ingest joins them).
LEAD_SENTENCES = 2
_SDIST = ("sd0", "sd1", "sd2", "sd3_5", "sd6p")
_RANK = ("rank0", "rank1", "rank2", "rank3p")
PRONOUN_FEATURES = (
    *(f"kind_{k}" for k in ("sg", "pl", "it")),
    *(f"pl_{t}" for t in TYPES),
    "it_GPE",
    *_SDIST,
    *_RANK,
    "log_count",
    "gender_match",
    "gender_clash",
    "cand_subject",
    "both_subject",
    "reporter",
    "last_is_pronoun",
    "same_sentence_before",
    "only_fit",
    "nearest_fit",
    "quote_outsider",
)
NOMINAL_FEATURES = (
    "kind_person",
    "kind_org",
    "org_GPE",
    *_SDIST,
    *_RANK,
    "log_count",
    "most_mentioned",
    "title_head",
    "title_mods",
    "name_head",
    "same_head",
    "rule_link",
    "nationality_clash",
    "gender_match",
    "gender_clash",
    "title_sim",
    "name_sim",
    "reporter",
    "cand_subject",
    "subject_mentions",
    "lead",
)
#: One weight vector, pronoun features first: each group has its own weights.
FEATURES = tuple(f"p_{n}" for n in PRONOUN_FEATURES) + tuple(f"n_{n}" for n in NOMINAL_FEATURES)
_INDEX = {name: i for i, name in enumerate(FEATURES)}
#: Column of each feature of a pronoun's (``p_``) and of a nominal's (``n_``) group, by its bare name.
_GROUP_INDEX = {
    group: {name: _INDEX[f"{group}_{name}"] for name in names}
    for group, names in (("p", PRONOUN_FEATURES), ("n", NOMINAL_FEATURES))
}
_WORD = re.compile(r"[^\W\d_]+")
#: The column past the features of a row under construction, where a name its group lacks is written.
_UNUSED = len(FEATURES)
#: For each group, the column of every feature name either group writes (:data:`_UNUSED` for a name
#: of the other group's).
_SLOTS = {
    group: {name: index.get(name, _UNUSED) for name in (*PRONOUN_FEATURES, *NOMINAL_FEATURES)}
    for group, index in _GROUP_INDEX.items()
}


@dataclass(frozen=True)
class Weights:
    coef: np.ndarray
    intercept: float
    threshold: float
    #: Precision on GUM train of a name the entities stage indexed: the confidence of such a speaker.
    name_confidence: float
    #: The threshold of nominals ("the company", "the doctor"), chosen apart: their probabilities are
    #: calibrated on far fewer GUM links than the pronouns'.
    nominal_threshold: float = 0.5

    def prob(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(x @ self.coef + self.intercept)))


@cache
def load_weights(path: Path = WEIGHTS_PATH) -> Weights:
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: feature list differs from the code's; run `make train-coref`")
    return Weights(
        np.asarray(data["coef"], dtype=float),
        float(data["intercept"]),
        float(data["threshold"]),
        float(data["name_confidence"]),
        float(data["nominal_threshold"]),
    )


@dataclass(frozen=True)
class Ranked:
    """One candidate of a scored anaphor: the model's probability (0 when its gender is ruled out),
    sentences from its last mention to the anaphor, whether that mention is a pronoun joined before,
    and its gender as known then."""

    eid: str
    p: float
    sentences: int
    via_pronoun: bool
    gender: str


def _bucket(value: int, edges: tuple[int, ...], names: tuple[str, ...]) -> str:
    for edge, name in zip(edges, names, strict=False):
        if value <= edge:
            return name
    return names[-1]


def entity_words(entity: Entity) -> set[str]:
    return {w.lower() for text in (entity.name, *entity.aliases) for w in _WORD.findall(text)}


def title_words(entity: Entity) -> set[str]:
    return {w.lower() for text in entity.titles for w in _WORD.findall(text)}


def _vector(vocab: Vocab, cache: dict[str, tuple[np.ndarray, float]], word: str) -> tuple[np.ndarray, float]:
    """A word's vector and its norm, kept in ``cache``."""
    found = cache.get(word)
    if found is None:
        vector = np.asarray(vocab.get_vector(word))
        found = cache[word] = (vector, float(np.linalg.norm(vector)))
    return found


#: At most this many word pairs' cosines are kept (:func:`_pair_cosines`); the table starts anew past it.
PAIRS_KEPT = 200_000
#: The vocabulary the kept cosines were read from and, by (head, word), each pair's cosine (None: the
#: word shares ``head``'s very vector without being ``head``), with the vectors and norms they came
#: from. A vocabulary's vectors do not change while it is loaded, so documents share one table: the
#: same heads ("company", "spokesman") meet the same title words article after article.
_PAIRS: list[
    tuple[Vocab | None, dict[tuple[str, str], float | None], dict[str, tuple[np.ndarray, float]]]
] = [(None, {}, {})]


def _pair_cosines(
    vocab: Vocab,
) -> tuple[dict[tuple[str, str], float | None], dict[str, tuple[np.ndarray, float]]]:
    """The kept cosines and vectors of ``vocab`` (a new table for another vocabulary: it holds the
    one it was read from, so a vocabulary that died cannot pass its table to a new one)."""
    kept, pairs, vectors = _PAIRS[0]
    if kept is not vocab or len(pairs) > PAIRS_KEPT:
        pairs, vectors = {}, {}
        _PAIRS[0] = (vocab, pairs, vectors)
    return pairs, vectors


class DocCoref:
    """The coreference state of one document: anaphors, their resolutions and the chains they grow."""

    def __init__(self, index: EntityIndex, sdoc: Doc, weights: Weights | None = None) -> None:
        self.index = index
        self.sdoc = sdoc
        self.weights = weights
        self.geo = Geometry(sdoc)
        self.anaphors = anaphors(sdoc)
        self.by_span = {(a.start, a.end): a for a in self.anaphors}
        self.by_head: dict[int, Anaphor] = {}
        self.places: dict[tuple[int, int], Place] = {}
        #: Anaphor mentions joined to an entity, by entity id, in text order.
        self.chains: dict[str, list[Mention]] = {}
        self.resolved: dict[tuple[int, int], tuple[str | None, float]] = {}
        #: The best candidate of each scored anaphor, also where its probability is under the threshold.
        self.guesses: dict[tuple[int, int], str] = {}
        #: Every candidate of each scored anaphor as the model saw it (:class:`Ranked`), best first.
        self.ranked: dict[tuple[int, int], list[Ranked]] = {}
        self.done = 0
        self.text = index.text or sdoc.text  # the same string: spaCy rebuilds its own on every read
        # Per entity and per word, what does not change while the state lives (the entities stage is
        # done when it is built): gender votes of names and titles, name and title words, vectors.
        self._votes: dict[str, tuple[int, int]] = {}
        self._named: dict[str, str] = {}  # the gender of each person's first name
        self._words: dict[str, tuple[set[str], set[str]]] = {}
        self._sims: dict[tuple[str, str, bool], float] = {}
        self._mentions: dict[tuple[int, int], Mention] = {}
        self._quoted_sents: dict[int, set[int]] = {}  # by the sentence's position in the document
        self._quoted_tokens: dict[int, bool] = {}
        #: Each entity's mentions before the anaphor last asked about (:meth:`candidates`).
        self._tally: Tally | None = None
        #: :meth:`gender` and :meth:`sure_gender` of each entity as its chain stands: :meth:`join`
        #: drops the entity's, the only one its new mention changes.
        self._genders: dict[str, str] = {}
        self._sure: dict[str, str] = {}

    def place(self, start: int, end: int) -> Place:
        key = (start, end)
        found = self.places.get(key)
        if found is None:
            found = self.places[key] = self.geo.place(start, end)
        return found

    def gender(self, eid: str, chains: bool = True) -> str:
        """ "m", "f" or "": from titles and honorifics ("Mr", "spokeswoman") and, with ``chains``, the
        pronouns already joined (which depend on how far the model has advanced)."""
        if not chains:
            return self._gender(eid, chains=False)
        found = self._genders.get(eid)
        if found is None:
            found = self._genders[eid] = self._gender(eid, chains=True)
        return found

    def _gender(self, eid: str, chains: bool) -> str:
        fixed = self._votes.get(eid)
        if fixed is None:
            entity = self.index.entities[eid]
            names, titles = self._entity_words(eid)
            words = names | titles
            for start, _ in entity.mentions:
                before = self.text[max(0, start - 6) : start].lower().split()
                if before:
                    words.add(before[-1])
            fixed = self._votes[eid] = (2 * len(words & MASCULINE), 2 * len(words & FEMININE))
        if fixed[0] != fixed[1]:
            # a title or honorific ("son", "Ms") outweighs pronouns joined to the entity, which may
            # sit in its own quote and mean someone else ("my mother says her …")
            return "m" if fixed[0] > fixed[1] else "f"
        votes = {"m": 0, "f": 0}
        for m in self.chains.get(eid, ()) if chains else ():
            if m.gender:
                votes[m.gender] += 1
        if votes["m"] == votes["f"]:
            return ""
        return "m" if votes["m"] > votes["f"] else "f"

    def sure_gender(self, eid: str) -> str:
        """ "m", "f" or "": from titles and honorifics, else from the first name of a person named in
        full (:func:`~wiresift.nlp.entities.given_names.name_gender`: the text's own word, where the
        pronouns joined are the model's guesses), else from the pronouns outside quotation marks
        joined so far when at least :data:`SURE_PRONOUNS` all agree (one may be a slip; a chain the
        model mixed up tells nothing)."""
        found = self._sure.get(eid)
        if found is None:
            found = self._sure[eid] = self._sure_gender(eid)
        return found

    def _sure_gender(self, eid: str) -> str:
        fixed = self.gender(eid, chains=False) or self._first_name_gender(eid)
        if fixed:
            return fixed
        said = [m.gender for m in self.chains.get(eid, ()) if m.gender and not self._quoted(m)]
        if said:
            return said[0] if len(said) >= SURE_PRONOUNS and len(set(said)) == 1 else ""
        return self._first_name_gender(eid, lean=True)  # no pronoun yet: "Marty Kolb" leans male

    def _first_name_gender(self, eid: str, lean: bool = False) -> str:
        key = eid + "\0" if lean else eid
        found = self._named.get(key)
        if found is None:
            entity = self.index.entities[eid]
            read = name_lean if lean else name_gender
            found = self._named[key] = read(entity.name) if entity.type == "PERSON" else ""
        return found

    def _quoted(self, m: Mention) -> bool:
        """Whether ``m`` sits inside quotation marks, where a "her" in a man's own words means another
        ("my mother says her …")."""
        token = m.place.token
        if token < 0:
            return False
        found = self._quoted_tokens.get(token)
        if found is None:
            at = doccache.of(self.sdoc).sent_index(token)  # the sentence's position: its Span made once
            inside = self._quoted_sents.get(at)
            if inside is None:
                inside = self._quoted_sents[at] = quoted(doccache.of(self.sdoc).sent_at(at))
            found = self._quoted_tokens[token] = token in inside
        return found

    def candidates(self, ana: Anaphor) -> list[Candidate]:
        """Entities of the types ``ana`` may mean with a mention before it, nearest first: the index's
        mentions that end by its start and the anaphors joined to them so far that do."""
        types = TARGET_TYPES[ana.kind]
        sent = self.place(ana.start, ana.end).sent
        reach = MAX_SENT_DIST[ana.kind]
        tally = self._tally
        if tally is None or not tally.current() or (tally.pos is not None and ana.start < tally.pos):
            tally = self._tally = self._new_tally()  # asked out of text order: counted afresh
        out = tally.candidates(ana.start, types, sent - reach)
        out.sort(key=lambda c: -c.last.start)
        return out

    def _new_tally(self) -> Tally:
        tally = Tally(self.index, _TARGETS, self._mention)
        for eid, chain in self.chains.items():
            for order, m in enumerate(chain):
                tally.join(eid, order, m)
        return tally

    def _mention(self, start: int, end: int) -> Mention:
        """The index mention ``[start, end)``, made once."""
        m = self._mentions.get((start, end))
        if m is None:
            m = self._mentions[start, end] = Mention(start, end, self.place(start, end))
        return m

    def features(self, ana: Anaphor, cands: list[Candidate]) -> np.ndarray:
        if not cands:
            return np.zeros((0, len(FEATURES)))
        rows = []
        here = self.place(ana.start, ana.end)
        most = max(c.count for c in cands)
        fits = self._fits(ana, cands) if ana.pronoun else []
        in_quote = ana.pronoun and self._quoted(Mention(ana.start, ana.end, here))
        # each feature written straight into its column of the anaphor's group (a name the group lacks
        # into the spare column past the end, dropped)
        slot = _SLOTS["p" if ana.pronoun else "n"]
        for row, cand in enumerate(cands):
            entity = self.index.entities[cand.eid]
            values = [0.0] * (len(FEATURES) + 1)
            sdist = here.sent - cand.last.place.sent
            values[slot[_bucket(sdist, (0, 1, 2, 5), _SDIST)]] = 1.0
            values[slot[_RANK[min(row, 3)]]] = 1.0
            values[slot["log_count"]] = math.log1p(cand.count)
            values[slot["most_mentioned"]] = float(cand.count == most)
            values[slot["reporter"]] = float(cand.reporter_sent >= 0 and here.sent - cand.reporter_sent <= 3)
            values[slot["cand_subject"]] = float(cand.last.place.subject)
            gender = self.gender(cand.eid) if cand.eid else ""
            values[slot["gender_match"]] = float(bool(ana.gender) and gender == ana.gender)
            values[slot["gender_clash"]] = float(bool(ana.gender) and bool(gender) and gender != ana.gender)
            if ana.pronoun:
                values[slot.get(f"kind_{ana.kind}", _UNUSED)] = 1.0
                if ana.kind == "pl":
                    values[slot.get(f"pl_{entity.type}", _UNUSED)] = 1.0
                elif ana.kind == "it" and entity.type == "GPE":
                    values[slot["it_GPE"]] = 1.0
                values[slot["both_subject"]] = float(here.subject and cand.last.place.subject)
                values[slot["last_is_pronoun"]] = float(cand.last.pronoun)
                values[slot["same_sentence_before"]] = float(sdist == 0)
                values[slot["only_fit"]] = float(fits == [row])
                values[slot["nearest_fit"]] = float(bool(fits) and fits[0] == row)
                # "…", she said of him: a pronoun inside a quote is seldom the speaker named
                # outside it in the same sentence
                values[slot["quote_outsider"]] = float(
                    in_quote and sdist == 0 and not self._quoted(cand.last)
                )
            else:
                self._nominal_features(ana, cand, entity, values, slot)
            rows.append(values)
        return np.ascontiguousarray(np.asarray(rows, dtype=float)[:, :_UNUSED])

    def _fits(self, ana: Anaphor, cands: list[Candidate]) -> list[int]:
        """The rows of the candidates, nearest first, whose gender does not clash with ``ana``'s: when
        only one fits, the pronoun has no rival ("Ann Lee … Tom Berg … she")."""
        if not ana.gender:
            return list(range(len(cands)))
        return [i for i, c in enumerate(cands) if self.gender(c.eid) in ("", ana.gender)]

    def _nominal_features(
        self, ana: Anaphor, cand: Candidate, entity: Entity, values: list[float], slot: dict[str, int]
    ) -> None:
        values[slot.get(f"kind_{ana.kind}", _UNUSED)] = 1.0
        if ana.kind == "org" and entity.type == "GPE":
            values[slot["org_GPE"]] = 1.0
        names, titles = self._entity_words(cand.eid)
        values[slot["title_head"]] = float(ana.head in titles)
        mods = [m for m in ana.mods if m not in ("the",)]
        values[slot["title_mods"]] = sum(m in titles or m in names for m in mods) / len(mods) if mods else 0.0
        values[slot["name_head"]] = float(ana.head in names)
        values[slot["same_head"]] = float(ana.head in cand.heads)
        values[slot["rule_link"]] = float(
            any(s < ana.end and ana.start < e and i == cand.eid for s, e, i in self._overlapping(ana))
        )
        nat = self.index.nationality.get(cand.eid)
        values[slot["nationality_clash"]] = float(
            bool(nat) and any(m != nat and m.endswith(("ian", "ese", "ish", "ean", "an")) for m in mods)
        )
        values[slot["title_sim"]] = self._similarity_to(ana.head, cand.eid, titles=True)
        values[slot["name_sim"]] = self._similarity_to(ana.head, cand.eid, titles=False)
        # Salience, which carries across outlets where word lists do not: how often the candidate was
        # the subject of its clause, and whether the lead (the first two sentences) names it.
        values[slot["subject_mentions"]] = math.log1p(cand.subjects)
        values[slot["lead"]] = float(cand.first_sent <= LEAD_SENTENCES - 1)

    def _entity_words(self, eid: str) -> tuple[set[str], set[str]]:
        """(name words, title words) of an entity (:func:`entity_words`, :func:`title_words`); not to
        be changed by the caller."""
        found = self._words.get(eid)
        if found is None:
            entity = self.index.entities[eid]
            found = self._words[eid] = (entity_words(entity), title_words(entity))
        return found

    def _overlapping(self, ana: Anaphor) -> list[tuple[int, int, str]]:
        return [(s, e, i) for s, e, i in self.index.mentions if s < ana.end and ana.start < e]

    def _similarity_to(self, head: str, eid: str, titles: bool) -> float:
        """:meth:`_similarity` of ``head`` to the title (or name) words of ``eid``, found once per pair:
        those words do not change while the state lives."""
        key = (head, eid, titles)
        found = self._sims.get(key)
        if found is None:
            names, title_words_ = self._entity_words(eid)
            found = self._sims[key] = self._similarity(head, title_words_ if titles else names)
        return found

    def _similarity(self, head: str, words: set[str]) -> float:
        """The best cosine between ``head`` and ``words``. A pruned vectors table (spaCy's md models)
        gives most words the vector of a kept neighbour, so two words may share one without being alike
        ("company" and "new" do): a word with ``head``'s very vector counts only when it is ``head``."""
        vocab = self.sdoc.vocab
        if not vocab.vectors.shape[0] or not words:
            return 0.0
        pairs, vectors = _pair_cosines(vocab)
        a, na = _vector(vocab, vectors, head)
        if na == 0:
            return 0.0
        best = 0.0
        for w in words:
            key = (head, w)
            if key in pairs:
                cosine = pairs[key]
            else:
                b, nb = _vector(vocab, vectors, w)
                cosine = pairs[key] = (
                    None if w != head and np.array_equal(a, b) else float(a @ b) / (na * nb) if nb else 0.0
                )
            if cosine is not None:
                best = max(best, cosine)
        return best

    def join(self, ana: Anaphor, eid: str) -> None:
        """``ana`` means ``eid``: later anaphors see it as that entity's latest mention."""
        m = Mention(ana.start, ana.end, self.place(ana.start, ana.end), ana.pronoun, ana.head, ana.gender)
        chain = self.chains.setdefault(eid, [])
        chain.append(m)
        self._genders.pop(eid, None)
        self._sure.pop(eid, None)
        if self._tally is not None:
            self._tally.join(eid, len(chain) - 1, m)

    def score(self, ana: Anaphor) -> tuple[str | None, float]:
        """The best candidate of ``ana`` and its probability (None under the threshold)."""
        assert self.weights is not None
        cands = self.candidates(ana)
        if not cands:
            return None, 0.0
        x = self.features(ana, cands)
        probs = self.weights.prob(x)
        if ana.gender:
            # "she" is never the man a title or every pronoun so far calls "he" (GUM's few such
            # links leave the clash weight too weak to forbid it): such a candidate is out.
            clash = [self.sure_gender(c.eid) not in ("", ana.gender) for c in cands]
            probs = np.where(clash, 0.0, probs)
        best = int(np.argmax(probs))
        p = float(probs[best])
        here = self.place(ana.start, ana.end).sent
        self.ranked[(ana.start, ana.end)] = sorted(
            (
                Ranked(c.eid, float(q), here - c.last.place.sent, c.last.pronoun, self.gender(c.eid))
                for c, q in zip(cands, probs, strict=True)
            ),
            key=lambda r: -r.p,
        )
        if p > 0.0:
            self.guesses[(ana.start, ana.end)] = cands[best].eid
        threshold = self.weights.threshold if ana.pronoun else self.weights.nominal_threshold
        return (cands[best].eid if p >= threshold else None), p

    def advance(self, upto: int) -> None:
        """Resolve, in text order, every anaphor that starts before ``upto``."""
        while self.done < len(self.anaphors) and self.anaphors[self.done].start < upto:
            ana = self.anaphors[self.done]
            eid, p = self.score(ana)
            self.resolved[(ana.start, ana.end)] = (eid, p)
            if eid is not None:
                self.join(ana, eid)
            self.done += 1

    def resolve_all(self) -> dict[tuple[int, int], tuple[str | None, float]]:
        self.advance(len(self.text) + 1)
        return self.resolved

    def anaphor_at(self, start: int, end: int) -> Anaphor | None:
        """The last anaphor overlapping ``[start, end)`` (a speaker's head word), else None."""
        found = None
        for ana in self.anaphors:
            if ana.start >= end:
                break
            if ana.end > start:
                found = ana
        return found
