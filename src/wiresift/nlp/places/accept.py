"""Should a mention resolved to a small town become a map pin? A learned check over what the stage knows.

The rules of :mod:`usage` and :mod:`embedded` drop the names the text plainly uses as something else.
What is left still holds wrong pins, and most of them are small towns: a surname the NER did not tag
("Farrow's attorney"), a brand, a team or a common word that some village carries. A country, a
province, a region or a big city is seldom named by accident; a town under ``SMALL_TOWN_POPULATION``
often is. So only pins on towns (and counties) that small are checked: a logistic model over
features the stage already has — the NER label and whether the entity is exactly the name, the parse
role and the words around it, the gazetteer's kind, population and number of readings, whether the
name is the town's own, the resolver's confidence, how often and how close the article's other places
are, whether its province is named or holds another pin, whether the parse calls it a proper noun —
leaves the pins it doubts without coordinates (the mention stays a place name, unresolved, as an
unknown name does: no coordinates rather than a wrong point).

The weights (``pin_accept.json``) are fitted by ``training/train_pin_accept.py`` on GeoWebNews half a
(even article ids); the threshold is chosen on half b. ``FEATURES`` names the columns in order.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from wiresift.nlp.places.lookup import candidates
from wiresift.nlp.places.resolve import haversine

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from wiresift.gazetteer import Candidate, Gazetteer
    from wiresift.model import Place
    from wiresift.nlp.places.recognize import Mention

WEIGHTS_PATH = Path(__file__).with_name("pin_accept.json")
#: Towns and counties smaller than this are checked; bigger places and other kinds keep their pins.
SMALL_TOWN_POPULATION = 100_000
_CHECKED_KINDS = frozenset({"city", "admin2"})
LABELS = ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP", "")
SOURCES = ("ner", "gazetteer", "locative", "qualifier", "qualified", "dateline")
DEPS = ("pobj", "compound", "nsubj", "poss", "dobj")
_LOCATIVE = frozenset({"in", "near", "at", "from", "outside", "to", "across", "around", "between"})

FEATURES: tuple[str, ...] = (
    "embedded",
    "county",
    "log_population",
    "confidence",
    "log_readings",
    "tokens",
    *(f"label_{lab or 'none'}" for lab in LABELS),
    "label_other",
    "entity_is_name",
    "entity_longer",
    *(f"source_{s}" for s in SOURCES),
    "after_locative",
    *(f"dep_{d}" for d in DEPS),
    "capitalised_before",
    "capitalised_after",
    "possessive_after",
    "person_word",
    "exact_name",
    "all_caps",
    "sentence_start",
    "log_same_place",
    "country_named_elsewhere",
    "country_is_main",
    "near_other",
    "log_km_nearest",
    "alone",
    "province_named_elsewhere",
    "proper_noun",
)


def _span(doc: Doc, m: Mention) -> Span | None:
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def _capitalised(doc: Doc, i: int) -> bool:
    """Token ``i`` starts with a capital and is not the first word of its sentence."""
    if not 0 <= i < len(doc):
        return False
    tok = doc[i]
    return tok.text[:1].isupper() and not tok.is_sent_start and tok.is_alpha


def _entity_flags(span: Span, ents: Sequence[Span]) -> tuple[str, bool, bool]:
    """(label of the entity over the name's first token, entity is exactly the name, entity is longer);
    ``ents`` is ``doc.ents``, which spaCy builds anew, walking every token, on each read."""
    tok = span[0]
    if not tok.ent_type_:
        return "", False, False
    ent = next((e for e in ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return tok.ent_type_, False, False
    return tok.ent_type_, (ent.start, ent.end) == (span.start, span.end), len(ent) > len(span)


def _one_hot(value: str, values: Sequence[str]) -> list[float]:
    return [float(value == v) for v in values]


def pin_features(
    doc: Doc,
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    places: Sequence[Place],
    embedded: Sequence[bool],
) -> list[list[float] | None]:
    """One feature row (``FEATURES`` order) per mention that is a pin on a small town (not adjectival),
    None for the others."""
    pins = [i for i, p in enumerate(places) if p.lat is not None and p.lon is not None]
    ents = doc.ents
    person_words = {t.text for e in ents if e.label_ == "PERSON" for t in e}
    same = Counter(places[i].id.removesuffix(":adj") for i in pins)
    out: list[list[float] | None] = [None] * len(mentions)
    for i in pins:
        m, p = mentions[i], places[i]
        span = _span(doc, m)
        if span is None or p.lat is None or p.lon is None:
            continue
        cands = candidates(gaz, m.text)
        population = _population(cands, p)
        if m.adjectival or p.kind not in _CHECKED_KINDS or population >= SMALL_TOWN_POPULATION:
            continue
        label, exact_ent, longer_ent = _entity_flags(span, ents)
        others = [places[j] for j in pins if places[j].id.removesuffix(":adj") != p.id.removesuffix(":adj")]
        countries = Counter(o.country for o in others if o.country)
        # the town's province is named, or holds another pin ("Dunmore ... Pennsylvania")
        provinces = {(o.name, o.country) for o in others if o.kind == "admin1"}
        provinces |= {(o.admin1, o.country) for o in others if o.admin1}
        kms = [
            haversine(p.lat, p.lon, o.lat, o.lon) for o in others if o.lat is not None and o.lon is not None
        ]
        nearest = min(kms) if kms else None
        head = span.root
        row = [
            float(embedded[i]),
            float(p.kind == "admin2"),
            math.log10(1 + population) / 5.0,
            p.confidence or 0.0,
            math.log1p(len(cands)) / 3.0,
            min(len(span), 4) / 4.0,
            *_one_hot(label, LABELS),
            float(label not in LABELS),
            float(exact_ent),
            float(longer_ent),
            *_one_hot(m.source, SOURCES),
            float(span.start > 0 and doc[span.start - 1].lower_ in _LOCATIVE),
            *_one_hot(head.dep_, DEPS),
            float(_capitalised(doc, span.start - 1)),
            float(_capitalised(doc, span.end)),
            float(span.end < len(doc) and doc[span.end].text in ("'s", "’s")),
            float(len(span) == 1 and span.text in person_words),
            float(m.text == p.name),
            float(m.text.isupper()),
            float(bool(span[0].is_sent_start)),
            math.log1p(same[p.id.removesuffix(":adj")]) / 3.0,
            float(p.country is not None and countries[p.country] > 0),
            float(bool(countries) and p.country == countries.most_common(1)[0][0]),
            float(nearest is not None and nearest <= 300.0),
            math.log1p(nearest) / 10.0 if nearest is not None else 1.0,
            float(not others),
            float(p.admin1 is not None and (p.admin1, p.country) in provinces),
            float(all(t.pos_ == "PROPN" for t in span)),
        ]
        out[i] = row
    return out


def _population(cands: Sequence[Candidate], p: Place) -> int:
    """The population of the reading the pin took (0 when it came from elsewhere, e.g. a demonym)."""
    for c in cands:
        if (c.entry.lat, c.entry.lon, c.entry.name) == (p.lat, p.lon, p.name):
            return c.entry.population
    return 0


@dataclass(frozen=True)
class PinModel:
    """A logistic model over ``FEATURES``: a pin is kept when its probability reaches ``threshold``."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, row: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, row, strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def keep(self, rows: Sequence[Sequence[float] | None]) -> list[bool]:
        """For each mention: True unless it is a pin the model doubts."""
        return [row is None or self.probability(row) >= self.threshold for row in rows]


@lru_cache(maxsize=1)
def load_model(path: Path = WEIGHTS_PATH) -> PinModel | None:
    """The shipped model, or None when no weights are shipped (every pin kept)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(
            f"{path}: features differ from accept.FEATURES; retrain with training/train_pin_accept.py"
        )
    return PinModel(tuple(float(w) for w in data["weights"]), float(data["bias"]), float(data["threshold"]))
