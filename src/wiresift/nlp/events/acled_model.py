"""The learned ACLED-style typer: a softmax model over the rule category
(:mod:`~wiresift.nlp.events.acled`), the PLOVER category, the trigger lemma, the content lemmas of the
event's sentence and the spaCy vectors of the trigger and the sentence.

Weights in ``data/acled_weights.json``, made by ``training/train_acled.py`` from wiresift's own
invented snippets (``training/data/acled_train.tsv``). It types a conflict event (a conflict PLOVER
category) that the rules left without an ACLED-style type, and replaces the rules' type only when its
probability reaches the threshold chosen by cross-validation (stored with the weights): a model
trained on ten snippets a category is unsure on most real sentences, and the rules' word evidence
should win there. It never makes a cooperative statement into a conflict event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import ORTH

from wiresift.nlp import doccache
from wiresift.nlp.events import acled
from wiresift.nlp.events.lexicon import CRIME_WORDS, DISASTER_WORDS
from wiresift.nlp.events.triggers import ARMED_NOUNS

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

WEIGHTS_PATH = Path(__file__).parent / "data" / "acled_weights.json"
#: The class of the typer meaning "not a conflict or security event" (learned from negative snippets).
NOT_CONFLICT = "None"
DIMS = 300
#: PLOVER categories whose events are conflict events even when the rules found no ACLED type.
CONFLICT = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "RETREAT", "SANCTION", "THREATEN"})
_CONTENT = frozenset({"NOUN", "VERB", "ADJ"})
#: Lemmas that make a sentence a candidate conflict or security sentence: the typer is asked about
#: it even when no event trigger fires ("a grenade went off in the market").
SECURITY_CUES = frozenset({
    *acled.ATTACK_WORDS, *acled.CLASH, *acled.TERRITORY, *acled.SUICIDE, *acled.EXPLOSIVE, *acled.AIR,
    *acled.SHELLING, *acled.CHEMICAL, *acled.MOB, *acled.INTERVENTION, *acled.BASE, *acled.PEACE,
    *DISASTER_WORDS, *CRIME_WORDS, *ARMED_NOUNS,
    "army", "militia", "police", "weapon", "gun", "grenade", "explosive", "gunfire", "fire", "shoot",
    "kill", "wound", "protest", "protester", "demonstration", "demonstrator", "riot", "rioter", "arrest",
    "detain", "kidnap", "abduct", "abduction", "hostage", "rape", "loot", "looting", "smuggler", "defuse",
    "intercept", "curfew", "checkpoint", "hijack", "torch", "arson", "gang", "cartel", "war",
})  # fmt: skip
#: The least probability of the typer's category for a new event in a sentence where no trigger fired:
#: a model of ten snippets a category, on an article's background sentences ("the injuries came
#: from flying glass"), is often unsure and wrong; typing the sentence's coded event needs no floor.
SENTENCE_FLOOR = 0.5
#: Cues that name who acts, not what happens: never an event's anchor.
AGENTS = frozenset({*ARMED_NOUNS, "army", "militia", "police", "gang", "cartel", "smuggler", "protester",
                    "demonstrator", "rioter", "hostage", "accord", "war"})  # fmt: skip
#: Cue nouns that are things, not acts ("a weapon", "the base").
NOT_ACTS = frozenset({"weapon", "gun", "explosive", "base", "headquarters", "outpost", "camp", "checkpoint",
                      "water", "tear", "baton", "mine", "rocket", "missile", "jet", "drone", "helicopter",
                      "warplane", "bomber", "air", "shell", "mortar", "artillery", "curfew", "peace"})  # fmt: skip


def features(sent: Span, trigger: Token | None, rule: str | None, plover: str | None) -> list[str]:
    """Symbolic features of an event (``trigger`` None: a sentence without a coded event)."""
    return _event_features(trigger, rule, plover) + _sentence(sent)[0]


def _event_features(trigger: Token | None, rule: str | None, plover: str | None) -> list[str]:
    """The event's own part of :func:`features`, before its sentence's words."""
    out = ["bias", f"rule={rule}", f"plover={plover}"]
    if trigger is not None:
        out.append(f"trig={trigger.lemma_.lower()}")
        out += [f"trig_child={c.lemma_.lower()}" for c in trigger.children if c.pos_ in _CONTENT]
    return out


def _sentence(sent: Span) -> tuple[list[str], np.ndarray]:
    """The sentence's part of :func:`features` (its content lemmas, sorted) and of :func:`vectors` (the
    unit mean vector of its content words), read once per sentence: the typer asks about every event
    of a sentence, and the event check again."""

    cache = doccache.of(sent.doc)

    def build() -> tuple[list[str], np.ndarray]:
        # the words' part of speech, lemma, stop flag and form read from the document's arrays: no
        # Token made for each word of each sentence
        pos, lemmas = cache.pos, cache.lemmas
        stops, orths = cache.memo(("acled_model.stop_orth",), _stops_and_forms(sent.doc))
        content = [i for i in range(sent.start, sent.end) if pos[i] in _CONTENT and not stops[i]]
        words = sorted({f"w={lemmas[i]}" for i in content})
        table = sent.doc.vocab.vectors
        keys = [orths[i] for i in content]
        if table.mode == "default":  # ``table.find(keys=...)``'s look-up, without its checks
            key2row = table.key2row
            rows = np.asarray([row for key in keys if (row := key2row.get(key, -1)) >= 0], dtype="i")
        else:
            rows = table.find(keys=keys) if keys and table.shape[0] else np.zeros(0, dtype=int)
            rows = np.asarray(rows)[np.asarray(rows) >= 0]
        if not len(rows):
            return words, _unit(np.zeros(DIMS, np.float32))
        data = np.asarray(table.data[rows])
        # ``mean`` of float32 rows, without its Python overhead: the same sum over the rows, divided
        mean = np.add.reduce(data, axis=0) / len(rows) if data.dtype == np.float32 else data.mean(axis=0)
        return words, _unit(np.asarray(mean))

    return cache.memo(("acled_model.sentence", sent.start, sent.end), build)


def _stops_and_forms(sdoc: Doc) -> Callable[[], tuple[list[bool], list[int]]]:
    """What reads every token's stop-word flag (``tok.is_stop``) and form id (``tok.orth``) at once."""

    def read() -> tuple[list[bool], list[int]]:
        from spacy.attrs import IS_STOP, ORTH

        arr = sdoc.to_array([IS_STOP, ORTH])
        return (arr[:, 0] != 0).tolist(), arr[:, 1].tolist()

    return read


def _unit(vec: np.ndarray) -> np.ndarray:
    # a float vector's norm as ``np.linalg.norm`` computes it (the root of its dot with itself),
    # without that function's checks
    norm = float(np.sqrt(vec.dot(vec)) if vec.ndim == 1 and vec.dtype.kind == "f" else np.linalg.norm(vec))
    return (vec / norm).astype(np.float32) if norm and vec.shape[0] == DIMS else np.zeros(DIMS, np.float32)


@lru_cache(maxsize=65_536)
def _form_unit(vocab: Vocab, orth: int) -> np.ndarray:
    """:func:`_unit` of a word form's static vector (zeros without one), as ``Token.vector`` gives it
    when the vocabulary has vectors and the document no hooks. Callers must not change it."""
    vec = vocab.get_vector(orth) if vocab.has_vector(orth) else np.zeros(DIMS, np.float32)
    unit = _unit(np.asarray(vec))
    unit.flags.writeable = False
    return unit


def vectors(sent: Span, trigger: Token | None) -> np.ndarray:
    """The unit vectors of the trigger and of the mean content word (zeros without vectors), made once
    per sentence and trigger: the typer and the event check both ask. Callers must not change it."""

    def build() -> np.ndarray:
        sdoc = sent.doc
        table = sdoc.vocab.vectors
        if trigger is not None and table.size and not sdoc.user_token_hooks and table.attr == ORTH:
            # a static vector, the same wherever the word stands: its unit read once per word form
            return np.concatenate([_form_unit(sdoc.vocab, trigger.orth), _sentence(sent)[1]])
        trig = trigger.vector if trigger is not None and trigger.has_vector else np.zeros(DIMS, np.float32)
        return np.concatenate([_unit(np.asarray(trig)), _sentence(sent)[1]])

    at = -1 if trigger is None else trigger.i
    return doccache.of(sent.doc).memo(("acled_model.vectors", sent.start, sent.end, at), build)


@dataclass(frozen=True)
class AcledModel:
    classes: tuple[str, ...]
    vocab: dict[str, int]
    coef: np.ndarray  # (classes, vocab + 2 * DIMS)
    intercept: np.ndarray
    threshold: float

    def predict(self, feats: list[str], dense_part: np.ndarray) -> tuple[str, float]:
        """The most probable class and its probability; ``dense_part``: :func:`dense_logits`."""
        return self.choose(self.exp_logits(feats, dense_part))

    def exp_logits(self, feats: list[str], dense_part: np.ndarray) -> np.ndarray:
        """``exp`` of each class's logit less the greatest: :meth:`choose` and :func:`conflict`."""
        return self.exp_logits_of(self.columns(feats), dense_part)

    def exp_logits_of(self, columns: list[int], dense_part: np.ndarray) -> np.ndarray:
        """:meth:`exp_logits` of the features at ``columns`` (:meth:`columns`)."""
        logits = np.add.reduce(self.coef[:, columns], axis=1) + dense_part + self.intercept
        # ``np.maximum.reduce`` and ``np.add.reduce`` are what ``.max()`` and ``.sum()`` call, without
        # their Python wrappers (a typer's arrays are small; the wrappers cost more than the sums)
        return np.exp(logits - np.maximum.reduce(logits))

    def choose(self, exp: np.ndarray) -> tuple[str, float]:
        """The most probable class and its probability, from :meth:`exp_logits`."""
        probs = exp / np.add.reduce(exp)
        best = int(probs.argmax())
        return self.classes[best], float(probs[best])

    def sparse_logits(self, feats: list[str]) -> np.ndarray:
        """Each class's summed weights of the symbolic features."""
        return np.add.reduce(self.coef[:, self.columns(feats)], axis=1)

    def columns(self, feats: list[str]) -> list[int]:
        """The weight columns of the symbolic features the model knows, in their order."""
        vocab = self.vocab
        return [vocab[f] for f in feats if f in vocab]


def dense_logits(sent: Span, trigger: Token | None) -> np.ndarray:
    """Each class's weighted sum of :func:`vectors`, made once per sentence and trigger: the typer and
    the event check both ask (zeros without the typer). Callers must not change it."""
    typer = model()
    if typer is None:
        return np.zeros(0, np.float32)

    def build() -> np.ndarray:
        result: np.ndarray = typer.coef[:, len(typer.vocab) :] @ vectors(sent, trigger)
        return result

    at = -1 if trigger is None else trigger.i
    return doccache.of(sent.doc).memo(("acled_model.dense_logits", sent.start, sent.end, at), build)


def exp_logits(
    typer: AcledModel, sent: Span, trigger: Token | None, rule: str | None, plover: str | None
) -> np.ndarray:
    """:meth:`AcledModel.exp_logits` of an event, made once per sentence, trigger, rule type and
    category: the typer asks, and the event check again (of its final type, most often the rules').
    Callers must not change it."""

    cache = doccache.of(sent.doc)

    def build() -> np.ndarray:
        # the columns of :func:`features`, in its order: the event's own, then its sentence's (looked up
        # once per sentence, whatever events it holds)
        words = ("acled_model.sentence_columns", sent.start, sent.end, id(typer))
        sentence = cache.memo(words, lambda: typer.columns(_sentence(sent)[0]))
        columns = typer.columns(_event_features(trigger, rule, plover)) + sentence
        return typer.exp_logits_of(columns, dense_logits(sent, trigger))

    at = -1 if trigger is None else trigger.i
    key = ("acled_model.exp_logits", sent.start, sent.end, at, rule, plover)
    return cache.memo(key, build)


@cache
def model() -> AcledModel | None:
    if not WEIGHTS_PATH.exists():
        return None
    raw = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    return AcledModel(
        classes=tuple(raw["classes"]),
        vocab={f: i for i, f in enumerate(raw["vocab"])},
        coef=np.array(raw["coef"], dtype=np.float32),
        intercept=np.array(raw["intercept"], dtype=np.float32),
        threshold=float(raw["threshold"]),
    )


def retype(sent: Span, trigger: Token, rule: str | None, plover: str | None) -> str | None:
    """The ACLED-style category: the model's where the rules gave none to a conflict event or where
    it is sure enough, else the rules'. The model's "not a conflict event" (:data:`NOT_CONFLICT`)
    leaves an untyped event untyped, and removes the rules' type when it is sure enough. A cooperative
    or verbal event the rules left untyped stays so (the sentence's own typing is
    :func:`type_sentence`'s)."""
    typer = model()
    if typer is None or (rule is None and plover not in CONFLICT):
        return rule
    category, prob = typer.choose(exp_logits(typer, sent, trigger, rule, plover))
    if category == NOT_CONFLICT:
        return rule if rule is not None and prob < typer.threshold else None
    if not acled.fits(plover, category):
        return rule  # the sentence's words, not this event's kind ("charged with murder" is no killing)
    return category if rule is None or prob >= typer.threshold else rule


def type_sentence(
    sent: Span, taken: set[int] | frozenset[int] = frozenset(), lemmas: set[str] | None = None
) -> tuple[Token | None, str] | None:
    """A sentence where no conflict event was coded: (the word to anchor a new event on, its
    ACLED-style category) when it has a security cue and the model does not call it "not a conflict
    event". The anchor is the first eventive security word that is no trigger already (``taken``:
    their token indices); None when there is none (the sentence's coded event takes the type).
    ``lemmas``: the sentence's lower-cased lemmas when the caller has them already."""
    typer = model()
    if typer is None:
        return None
    if SECURITY_CUES.isdisjoint(lemmas if lemmas is not None else doccache.of(sent.doc).sent_lemmas(sent)):
        return None
    # only a cue's word can anchor (:func:`_anchor`): its lemma read from the document's array, a Token
    # made only for a cue
    sdoc, lemmas_of = sent.doc, doccache.of(sent.doc).lemmas
    cue = next(
        (
            sdoc[i]
            for i in range(sent.start, sent.end)
            if i not in taken and lemmas_of[i] in SECURITY_CUES and _anchor(sdoc[i])
        ),
        None,
    )
    if cue is None and not taken:
        return None
    category, prob = typer.choose(exp_logits(typer, sent, None, None, None))
    if category == NOT_CONFLICT or (cue is not None and prob < SENTENCE_FLOOR):
        return None
    return cue, category


def _anchor(tok: Token) -> bool:
    """An eventive security word that can carry the sentence's event: a verb of the cues, or a noun
    of an act ("blast", "raid") that modifies no other noun ("a rape allegation" is an allegation)."""
    lemma = tok.lemma_.lower()
    if lemma not in SECURITY_CUES or lemma in AGENTS or tok.dep_ in {"compound", "amod", "nmod"}:
        return False
    return tok.pos_ == "VERB" or (tok.pos_ == "NOUN" and lemma not in NOT_ACTS)
