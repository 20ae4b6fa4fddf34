"""Whether a candidate attribution is one: a small logistic regression learned on PolNeAR train.

The rules of :mod:`extractor` propose candidates (a reporting verb and its complement, quotation
marks, "according to", frames, colon lines); this model accepts or rejects each one from what the
rules cannot weigh together: the cue's lemma and its word vector (so a cue never seen in training is
judged by the cues it resembles), the complement's relation to the cue ("said *that* …", "expressed
*confidence*", "planned *to* …"), the cue's tense, negation, modal and passive, its place in the
sentence (a relative clause, a conjunct, an adverbial clause), the kind of speaker phrase (a name, a
pronoun, a relative word, a common noun, none), the quote's kind and length, and whether a learned
pattern found it. Besides the patterns of :mod:`cues`, the check admits more ``lemma:complement``
patterns that are right less often on their own (:data:`AcceptModel.patterns`): it judges each of
their candidates. "Which has talked about electric cars" and "could see the worry" are rejected;
"the regulator cautioned that …" is kept.

The weights (``accept_weights.json``) are fitted by ``training/train_attribution_accept.py``
(``make train-accept``) on PolNeAR train, with the penalty and the threshold chosen on PolNeAR dev;
the file records the hash of the candidate table it was fitted on. Scoring a candidate is a sparse dot
product and one vector lookup: no second parse.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wiresift.nlp.entities.lexicon import PERSON_PRONOUNS, PLURAL_PRONOUNS
from wiresift.nlp.quotes.common import Found, n_words
from wiresift.nlp.quotes.cues import PATTERNS, subject_group
from wiresift.nlp.quotes.indirect import learned_content
from wiresift.nlp.quotes.modes import content_head, negated

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

WEIGHTS_PATH = Path(__file__).with_name("accept_weights.json")
#: Relative words that stand for the noun a relative clause hangs on ("the firm, which has talked about …").
RELATIVES = frozenset({"who", "which", "that", "whom"})
#: Length of the content is counted on a log scale in units of this many words.
WORDS_UNIT = 5.0


def _speaker_kind(f: Found, sdoc: Doc) -> str:
    sp = f.speaker
    if sp is None:
        return "none"
    if sp.head in PERSON_PRONOUNS or sp.head in PLURAL_PRONOUNS:
        return "pronoun"
    if sp.head in RELATIVES:
        return "relative"
    span = sdoc.char_span(sp.head_start, sp.head_end) if sp.head_start >= 0 else None
    if span is None:
        return "other"
    pos = span[-1].pos_
    return "propn" if pos == "PROPN" else "noun" if pos in ("NOUN", "NUM") else "other"


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` lies inside curly quotation marks opened earlier in its paragraph (straight
    marks are left out: they do not say which way they open)."""
    para = text[text.rfind("\n", 0, at) + 1 : at]
    return para.count("“") > para.count("”")


def _cue_features(cue: Token, f: Found, text: str) -> list[str]:
    lemma = cue.lemma_.lower()
    head = content_head(cue, f.start, f.end)
    comp = head.dep_ if head is not None else "none"
    out = [
        f"lemma={lemma}",
        f"comp={comp}",
        f"lemma_comp={lemma}:{comp}",
        f"pos={cue.pos_}",
        f"tag={cue.tag_}",
        f"dep={cue.dep_}",
        f"head_pos={cue.head.pos_ if cue.head.i != cue.i else 'ROOT'}",
    ]
    group = subject_group(cue)
    out.append(f"group={group}")
    out.append(f"group_lemma_comp={group}/{lemma}:{comp}")
    out.append(f"lemma_dep={lemma}:{cue.dep_}")
    if head is not None:
        out.append(f"comp_tag={head.tag_}")
        if head.ent_type_:
            out.append(f"comp_ent={head.ent_type_}")
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
            out.append("comp_clause")
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        out.append(f"subj_ent={subj.ent_type_ or subj.pos_}")
        out.append(f"subj_tag={subj.tag_}")
    children = list(cue.children)
    if negated(cue):
        out.append("negated")
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in children):
        out.append("modal")
    if any(c.dep_ == "auxpass" for c in children):
        out.append("passive")
    if head is not None and any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
        out.append("that_clause")
    if f.kind != "direct" and _quoted(text, cue.idx):
        out.append("cue_quoted")  # '“I do recall,” he said' reports nothing outside its marks
    if cue.idx >= f.end:
        out.append("cue_after")
    elif cue.idx >= f.start:
        out.append("cue_inside")
    return out


def features(f: Found, sdoc: Doc, text: str | None = None) -> list[str]:
    """The names of the binary features of candidate ``f`` (the length is :func:`numeric`). ``text``
    is ``sdoc.text``, passed in by callers that have it: spaCy rebuilds that string on every read."""
    if text is None:
        text = sdoc.text
    out = [f"kind={f.kind}", f"speaker={_speaker_kind(f, sdoc)}"]
    out.extend(f"{f.kind}_{name}" for name in _layout(f, text))
    if f.learned:
        out.append("learned")
    if f.cue is None:
        out.append("cue=none")
    else:
        out.extend(_cue_features(f.cue, f, text))
    return out


def _layout(f: Found, text: str) -> list[str]:
    """Where the candidate sits: alone on its line (a subhead or pull quote when it also has no
    sentence end), and whether its words end a sentence."""
    out = []
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    if (
        not text[line_start : f.start].strip()
        and not text[f.end : line_end if line_end != -1 else None].strip()
    ):
        out.append("alone")
    inner = text[f.start : f.end].rstrip("\"”»’' ")
    if inner[-1:] not in (".", "!", "?", ","):
        out.append("open_end")
    return out


def numeric(f: Found, text: str) -> float:
    """The candidate's length: log of its words in units of :data:`WORDS_UNIT`."""
    return math.log1p(n_words(text, f.start, f.end) / WORDS_UNIT)


def cue_lemma(f: Found) -> str | None:
    return f.cue.lemma_.lower() if f.cue is not None else None


def unit_vector(sdoc: Doc, lemma: str | None) -> list[float] | None:
    """The cue lemma's word vector scaled to length 1 (None: no cue, or a word without a vector)."""
    if not lemma or not sdoc.vocab.has_vector(lemma):
        return None
    vec = [float(x) for x in sdoc.vocab.get_vector(lemma)]
    norm = math.sqrt(sum(x * x for x in vec))
    return [x / norm for x in vec] if norm else None


class AcceptModel:
    """The fitted weights: one per binary feature name, one for the length, one per vector dimension."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.weights: dict[str, float] = data["weights"]
        self.length: float = data["length_weight"]
        self.vector: list[float] = data["vector_weights"]
        self.bias: float = data["bias"]
        self.threshold: float = data["threshold"]
        self._vector_terms: dict[tuple[int, str | None], float] = {}
        self.extra_threshold: float = data.get("extra_threshold", data["threshold"])
        #: The learned patterns of :mod:`cues` and the ones this check admits besides them.
        extra: dict[str, list[str]] = data.get("patterns", {})
        self.patterns: dict[str, frozenset[str]] = {
            group: PATTERNS.get(group, frozenset()) | frozenset(extra.get(group, ()))
            for group in sorted(set(PATTERNS) | set(extra))
        }

    def probability(self, f: Found, sdoc: Doc, text: str) -> float:
        z = self.bias + self.length * numeric(f, text)
        z += sum(self.weights.get(name, 0.0) for name in features(f, sdoc, text))
        if self.vector:
            z += self._vector_term(sdoc, cue_lemma(f))
        return 1.0 / (1.0 + math.exp(-z))

    def _vector_term(self, sdoc: Doc, lemma: str | None) -> float:
        """The vector weights times the cue lemma's unit vector, kept per model vocabulary and lemma
        (a few hundred cue lemmas recur across every document)."""
        key = (id(sdoc.vocab), lemma)
        term = self._vector_terms.get(key)
        if term is None:
            vec = unit_vector(sdoc, lemma)
            term = sum(w * x for w, x in zip(self.vector, vec, strict=False)) if vec is not None else 0.0
            self._vector_terms[key] = term
        return term

    def accepts(self, f: Found, sdoc: Doc, text: str) -> bool:
        """Whether ``f`` is kept: a candidate of an extra pattern must clear its own, higher cut."""
        extra = f.learned and f.cue is not None and learned_content(f.cue) is None
        return self.probability(f, sdoc, text) >= (self.extra_threshold if extra else self.threshold)


@lru_cache(maxsize=1)
def shipped() -> AcceptModel | None:
    """The shipped model (None when the package holds no weights: every candidate is kept)."""
    if not WEIGHTS_PATH.exists():
        return None
    return AcceptModel(json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")))
