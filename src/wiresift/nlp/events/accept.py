"""Is a coded event right? A learned check over what the events stage knows, dropping the doubtful ones.

The rules code a trigger wherever a dictionary verb or event noun stands, and on ordinary news (politics,
business, health) most of what they code is no event of that type: "thought" read as a consultation,
a vote as an agreement, a campaign rally as a protest, "the talks" named again, a generic statement.
Rules written per article do not carry to the next one. So a logistic model, fitted on the team's hand
verdicts (``eval/gold/events_accept`` and the tune half of ``eval/gold/events_precision``), scores each
event from features the stage already has:

- the event: its PLOVER category, how it was coded (a CAMEO pattern, a verb's own code, only the verb's
  dictionary block, an event noun, the ACLED-style typer alone), the trigger's part of speech,
  dependency, tense and form, a modal or a determiner on it, negation, a quote, the
  depth of its clause, its place, time and casualty counts, its ACLED-style type;
- its actors: present, coded (country or IGO), of a sector, armed, of the state, a pronoun;
- its sentence and article: the sentence's position and number of events, whether it holds a
  security word, and the article's share of such sentences, of conflict events and of events with an
  ACLED-style type (a security report is read differently from a business story); whether another
  sentence tells an event of the same category by the same doer (the article's story, told again);
- its context (:mod:`~wiresift.nlp.events.accept_features`): the classes of its doer and object, how
  concrete the object is, how near the trigger's vector lies to light verbs, violence and talks, and
  whether another trigger hangs on it;
- the trigger's lemma: how often the verdicts found events of this lemma right (smoothed toward the
  overall rate), and how often they found the lemmas nearest in the spaCy vectors right (a lemma never
  judged borrows from its neighbours: "ponder" from "think").

An event whose probability is under the threshold is dropped; a kept event carries the probability as
its ``confidence``. The weights (``data/event_accept.json``) are fitted by
``training/train_event_accept.py``; ``FEATURES`` names the columns in order.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from wiresift.nlp import doccache
from wiresift.nlp.events import acled, acled_model, cameo
from wiresift.nlp.events.accept_features import CONTEXT_FEATURES, context_rows
from wiresift.nlp.events.acled_model import CONFLICT, NOT_CONFLICT, SECURITY_CUES
from wiresift.nlp.events.lexicon import VERB_CODES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

    from wiresift.model import Document, Event, EventActor

WEIGHTS_PATH = Path(__file__).parent / "data" / "event_accept.json"
CATEGORIES = tuple(cameo.QUAD)
HOW = ("pattern", "verb_code", "block", "noun", "typer")
DEPS = ("ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "nsubj", "nsubjpass", "dobj", "pobj")
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall"})
DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})
#: How many of the nearest judged lemmas a lemma borrows from, and the least cosine they need.
NEIGHBOURS = 10
MIN_COSINE = 0.3
#: The check reads an article: on a document of fewer sentences (a headline, a snippet, one sentence)
#: it has no article to read, and the events stay as the rules coded them.
MIN_SENTENCES = 4
#: Weight of the overall rate in a lemma's smoothed rate (pseudo-verdicts).
SMOOTHING = 3.0

_ACTOR = ("present", "coded", "sector", "armed", "state", "pronoun", "entity", "place")
BASE_FEATURES: tuple[str, ...] = (
    *(f"cat_{c}" for c in CATEGORIES),
    "cat_none",
    *(f"how_{h}" for h in HOW),
    "pos_verb",
    "pos_noun",
    *(f"dep_{d}" for d in DEPS),
    "depth",
    "past",
    "present",
    "gerund",
    "participle",
    "infinitive",
    "modal",
    "determiner",
    "negated",
    "quoted",
    *(f"source_{a}" for a in _ACTOR),
    *(f"target_{a}" for a in _ACTOR),
    "place",
    "time",
    "counts",
    "acled",
    "main",
    "echoed",
    "first_sentence",
    "sentence_position",
    "sentence_events",
    "sentence_security",
    "doc_security",
    "doc_conflict",
    "doc_acled",
    "doc_armed",
    "doc_density",
    "typer_conflict",
    "doc_typer_conflict",
    *CONTEXT_FEATURES,
)
PRIOR_FEATURES: tuple[str, ...] = ("lemma_prior", "lemma_seen", "pair_prior", "neighbour_prior")
FEATURES: tuple[str, ...] = (*BASE_FEATURES, *PRIOR_FEATURES)


#: The ranking depth at and above which an event is one of the ACLED-style typer alone (stage.LAST).
TYPER_DEPTH = 1000


@dataclass
class Candidate:
    """An event the rules coded, with its ranking key within its sentence (stage.Rank: the depth of its
    clause, no category, minus the specificity of its code, minus its rule confidence), its
    sentence's index and whether it was the article's main event."""

    event: Event
    rank: tuple[int, int, int, float]
    sentence: int
    main: bool = False
    #: The check's probability that the event is right (None before the check, or without it).
    probability: float | None = None
    #: The trigger stands on its sentence's main line (:func:`mainevent.main_line`), not in a modifier.
    main_line: bool = False

    @property
    def depth(self) -> int | None:
        return None if self.rank[0] >= TYPER_DEPTH else self.rank[0]

    @property
    def specificity(self) -> int:
        return -self.rank[2]


def trigger_token(sdoc: Doc, event: Event) -> Token | None:
    cache = doccache.of(sdoc)
    i = cache.starts.get(event.start)
    if i is not None and cache.offsets[i] + len(cache.texts[i]) == event.end:
        return sdoc[i]  # a one-word trigger (most are): its token, no Span made
    span = sdoc.char_span(event.start, event.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def lemma_of(sdoc: Doc, event: Event) -> str:
    tok = trigger_token(sdoc, event)
    return tok.lemma_.lower() if tok is not None else event.text.lower()


def _actor(actor: EventActor | None, sdoc: Doc, places: Sequence[tuple[int, int]]) -> list[float]:
    """``_ACTOR`` of a source or target; ``places``: the spans of the article's places smaller than a
    country (a town given as an actor is mostly where the event happened, not who took part)."""
    if actor is None:
        return [0.0] * len(_ACTOR)
    pronoun = place = False
    if actor.start is not None and actor.end is not None:
        span = sdoc.char_span(actor.start, actor.end, alignment_mode="expand")
        pronoun = span is not None and len(span) == 1 and span[0].pos_ == "PRON"
        place = any(s < actor.end and actor.start < e for s, e in places)
    return [
        1.0,
        float(actor.code is not None),
        float(actor.sector is not None),
        float(actor.sector in acled.ARMED),
        float(actor.sector in acled.STATE),
        float(pronoun),
        float(actor.entity is not None),
        float(place),
    ]


def _how(cand: Candidate, tok: Token | None) -> str:
    if cand.depth is None:
        return "typer"
    if cand.specificity >= 2:
        return "pattern"
    if cand.specificity == 1:
        return "verb_code" if tok is not None and tok.lemma_.lower() in VERB_CODES else "block"
    return "noun"


def _form(tok: Token | None) -> list[float]:
    """past, present, gerund, participle, infinitive, modal, determiner."""
    if tok is None:
        return [0.0] * 7
    tag = tok.tag_
    children = list(tok.children)
    return [
        float(tag == "VBD"),
        float(tag in {"VBZ", "VBP"}),
        float(tag == "VBG"),
        float(tag == "VBN"),
        float(tag == "VB"),
        float(any(c.lower_ in MODALS for c in children)),
        float(
            tok.pos_ == "NOUN"
            and any(c.dep_ in {"det", "poss"} and c.lower_ in DETERMINERS for c in children)
        ),
    ]


def typer_conflict(sent: Span, tok: Token | None, event: Event) -> float:
    """The ACLED-style typer's probability that the event's sentence tells of a conflict or security
    event (one minus its "not a conflict event"); 0.5 without the typer's weights."""
    typer = acled_model.model()
    if typer is None:
        return 0.5
    exp = acled_model.exp_logits(typer, sent, tok, event.acled, event.plover)
    return 1.0 - float(exp[typer.classes.index(NOT_CONFLICT)] / np.add.reduce(exp))


def _doer(event: Event, sdoc: Doc) -> str | None:
    """Who does an event, as a key comparable across sentences: its source's entity, else the lemma of
    its source phrase's head word ("more than 5,000 militants" -> "militant")."""
    actor = event.source
    if actor is None:
        return None
    if actor.entity is not None:
        return actor.entity
    span = sdoc.char_span(actor.start or 0, actor.end or 0, alignment_mode="expand")
    if span is None or not len(span) or span.root.pos_ == "PRON":
        return None
    return span.root.lemma_.lower()


def echoes(cands: Sequence[Candidate], sdoc: Doc) -> list[int]:
    """For each candidate, how many other sentences of the article tell an event of the same PLOVER
    category by the same doer (:func:`_doer`): an event the article tells again ("militants massed on
    the border", later "the militants concentrated there") is more likely its story than a word read
    once as an event."""
    keys = [
        f"{c.event.plover}|{doer}" if c.event.plover and (doer := _doer(c.event, sdoc)) else None
        for c in cands
    ]
    sentences: dict[str, set[int]] = {}
    for c, key in zip(cands, keys, strict=True):
        if key is not None:
            sentences.setdefault(key, set()).add(c.sentence)
    return [len(sentences[k] - {c.sentence}) if k else 0 for c, k in zip(cands, keys, strict=True)]


def base_rows(doc: Document, sdoc: Doc, cands: Sequence[Candidate]) -> list[tuple[str, list[float]]]:
    """(key, ``BASE_FEATURES`` row) for each candidate; the key is the trigger's lemma and the event's
    category ("attack|ASSAULT", "|" alone between lemma and category)."""
    if not cands:
        return []
    cache = doccache.of(sdoc)  # the sentences' bounds: a Span made only for a candidate's sentence
    lemmas, bounds = cache.lemmas, cache.sent_bounds
    security = [not SECURITY_CUES.isdisjoint(lemmas[start:end]) for start, end in bounds]
    per_sentence: dict[int, int] = {}
    for c in cands:
        per_sentence[c.sentence] = per_sentence.get(c.sentence, 0) + 1
    n_sents = max(len(bounds), 1)
    n = len(cands)
    doc_feats = [
        sum(security) / n_sents,
        sum(c.event.plover in CONFLICT for c in cands) / n,
        sum(c.event.acled is not None for c in cands) / n,
        float(
            any(
                a is not None and a.sector in acled.ARMED
                for c in cands
                for a in (c.event.source, c.event.target)
            )
        ),
        math.log1p(n / n_sents),
    ]
    places = [span for p in doc.places if p.kind != "country" for span in p.mentions]
    echo_counts = echoes(cands, sdoc)
    toks = [trigger_token(sdoc, c.event) for c in cands]
    conflict = [
        typer_conflict(cache.sent_at(c.sentence) if c.sentence < len(bounds) else sdoc[:], tok, c.event)
        for c, tok in zip(cands, toks, strict=True)
    ]
    out = []
    contexts = context_rows(toks)
    for c, tok, p_conflict, echo, context in zip(cands, toks, conflict, echo_counts, contexts, strict=True):
        e = c.event
        how = _how(c, tok)
        dep = tok.dep_ if tok is not None else ""
        row = [
            *(float(e.plover == cat) for cat in CATEGORIES),
            float(e.plover is None),
            *(float(how == h) for h in HOW),
            float(tok is not None and tok.pos_ == "VERB"),
            float(tok is not None and tok.pos_ in {"NOUN", "PROPN"}),
            *(float(dep == d) for d in DEPS),
            min(c.depth if c.depth is not None else 6, 6) / 6.0,
            *_form(tok),
            float(e.negated),
            float(e.reported_by is not None),
            *_actor(e.source, sdoc, places),
            *_actor(e.target, sdoc, places),
            float(e.place is not None),
            float(e.time is not None),
            float(any(v is not None for v in (e.dead, e.injured, e.size))),
            float(e.acled is not None),
            float(c.main),
            float(echo > 0),
            float(c.sentence == 0),
            c.sentence / n_sents,
            math.log1p(per_sentence[c.sentence]),
            float(security[c.sentence]) if c.sentence < len(security) else 0.0,
            *doc_feats,
            p_conflict,
            sum(conflict) / n,
            *context,
        ]
        lemma = tok.lemma_.lower() if tok is not None else e.text.lower()
        out.append((f"{lemma}|{e.plover or ''}", row))
    return out


def _logit(p: float) -> float:
    p = min(max(p, 1e-3), 1 - 1e-3)
    return math.log(p / (1 - p))


@dataclass
class LemmaPrior:
    """How often the verdicts found events right by trigger lemma and category: ``counts`` maps a key
    ("think|CONSULT") to (right, judged); ``rate`` is the overall rate."""

    counts: dict[str, tuple[int, int]]
    rate: float
    lemmas: dict[str, tuple[int, int]] = field(init=False, repr=False)
    _matrix: tuple[int, list[str], np.ndarray] | None = field(default=None, init=False, repr=False)
    #: :meth:`neighbour` by lemma, for the vocabulary of ``_matrix`` (a lemma recurs across articles).
    _near: dict[str, float] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        lemmas: dict[str, tuple[int, int]] = {}
        for key, (right, judged) in self.counts.items():
            lemma = key.rpartition("|")[0]
            r, n = lemmas.get(lemma, (0, 0))
            lemmas[lemma] = (r + right, n + judged)
        self.lemmas = lemmas

    @classmethod
    def fit(cls, keys: Sequence[str], labels: Sequence[int]) -> LemmaPrior:
        counts: dict[str, list[int]] = {}
        for key, y in zip(keys, labels, strict=True):
            c = counts.setdefault(key, [0, 0])
            c[0] += int(y)
            c[1] += 1
        rate = round((sum(labels) + 1) / (len(labels) + 2), 6)
        return cls({k: (v[0], v[1]) for k, v in sorted(counts.items())}, rate)

    def _smoothed(self, found: tuple[int, int]) -> float:
        return (found[0] + SMOOTHING * self.rate) / (found[1] + SMOOTHING)

    def _vectors(self, vocab: Vocab) -> tuple[list[str], np.ndarray]:
        if self._matrix is None or self._matrix[0] != id(vocab):
            names, rows = [], []
            for lemma in self.lemmas:
                vec = _unit(vocab, lemma)
                if vec is not None:
                    names.append(lemma)
                    rows.append(vec)
            matrix = np.array(rows, dtype=np.float32) if rows else np.zeros((0, 1), np.float32)
            self._matrix = (id(vocab), names, matrix)
            self._near = {}
        return self._matrix[1], self._matrix[2]

    def neighbour(self, lemma: str, vocab: Vocab) -> float:
        """The smoothed rate of the judged lemmas nearest to ``lemma`` in the vectors (itself left
        out), weighted by cosine; the overall rate when it has no vector or no near neighbour."""
        names, matrix = self._vectors(vocab)
        found = self._near.get(lemma)
        if found is None:
            found = self._near[lemma] = self._neighbour(lemma, vocab, names, matrix)
        return found

    def _neighbour(self, lemma: str, vocab: Vocab, names: list[str], matrix: np.ndarray) -> float:
        vec = _unit(vocab, lemma)
        if vec is None or not names or matrix.shape[1] != vec.shape[0]:
            return self.rate
        sims = matrix @ vec
        total = weight = 0.0
        for i in np.argsort(-sims)[: NEIGHBOURS + 1]:
            if names[i] == lemma or sims[i] < MIN_COSINE:
                continue
            total += float(sims[i]) * self._smoothed(self.lemmas[names[i]])
            weight += float(sims[i])
        return total / weight if weight else self.rate

    def columns(self, key: str, vocab: Vocab) -> list[float]:
        """``PRIOR_FEATURES`` of a key: the smoothed log-odds of its lemma, whether the lemma was
        judged, the smoothed log-odds of the lemma in that category, its neighbours'."""
        lemma = key.rpartition("|")[0]
        return [
            _logit(self._smoothed(self.lemmas.get(lemma, (0, 0)))) / 3.0,
            float(lemma in self.lemmas),
            _logit(self._smoothed(self.counts.get(key, (0, 0)))) / 3.0,
            _logit(self.neighbour(lemma, vocab)) / 3.0,
        ]


def _unit(vocab: Vocab, word: str) -> np.ndarray | None:
    if not vocab.vectors.shape[0] or not vocab.has_vector(word):
        return None
    vec = np.asarray(vocab.get_vector(word), dtype=np.float32)
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm else None


@dataclass
class EventCheck:
    """A logistic model over ``FEATURES``: an event is kept when its probability reaches ``threshold``."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    prior: LemmaPrior

    def probability(self, row: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, row, strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def probabilities(self, doc: Document, sdoc: Doc, cands: Sequence[Candidate]) -> list[float]:
        return [
            self.probability([*row, *self.prior.columns(key, sdoc.vocab)])
            for key, row in base_rows(doc, sdoc, cands)
        ]


def article(sdoc: Doc) -> bool:
    """The document is long enough for the check: ``MIN_SENTENCES`` sentences or more."""
    return sum(1 for _ in zip(sdoc.sents, range(MIN_SENTENCES), strict=False)) >= MIN_SENTENCES


def screen(doc: Document, sdoc: Doc, cands: Sequence[Candidate], check: EventCheck | None) -> list[Candidate]:
    """The candidates the check keeps, each event's ``confidence`` set to its probability (all of
    them, unchanged, without a shipped check or in a document under ``MIN_SENTENCES`` sentences)."""
    if check is None or not cands or not article(sdoc):
        return list(cands)
    kept = []
    for cand, p in zip(cands, check.probabilities(doc, sdoc, cands), strict=True):
        if p >= check.threshold:
            cand.probability = p
            cand.event.confidence = round(p, 2)
            kept.append(cand)
    return kept


@lru_cache(maxsize=1)
def load_check(path: Path = WEIGHTS_PATH) -> EventCheck | None:
    """The shipped check, or None when no weights are shipped (every event kept)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(
            f"{path}: features differ from accept.FEATURES; retrain with training/train_event_accept.py"
        )
    prior = LemmaPrior(
        {k: (int(v[0]), int(v[1])) for k, v in data["prior"]["counts"].items()}, data["prior"]["rate"]
    )
    return EventCheck(
        tuple(float(w) for w in data["weights"]), float(data["bias"]), float(data["threshold"]), prior
    )
