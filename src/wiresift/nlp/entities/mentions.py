"""Mentions for in-document coreference: anaphors (pronouns and definite nominals) and where every
mention sits (sentence, token, syntactic role), read once per document from the spaCy parse.

An *anaphor* is a third-person pronoun ("he", "her", "they", "its") or a definite description
headed by a person or organisation noun ("the spokeswoman", "the company", "the paper"). Names are
not anaphors: the entities stage already joins "Smith" and "Mr Smith" to "Jane Smith".
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wiresift.nlp import doccache
from wiresift.nlp.entities.lexicon import ORG_NOMINAL_HEADS, PERSON_NOMINAL_HEADS, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Pronoun -> (class, gender): "sg" persons, "pl" groups or organisations, "it" organisations.
PRONOUNS: dict[str, tuple[str, str]] = {
    **{w: ("sg", "m") for w in ("he", "him", "his", "himself")},
    **{w: ("sg", "f") for w in ("she", "her", "hers", "herself")},
    **{w: ("pl", "") for w in ("they", "them", "their", "theirs", "themselves")},
    **{w: ("it", "") for w in ("it", "its", "itself")},
}
#: Extra heads of person nominals beyond the title heads ("the doctor", "the actress").
PERSON_NOUNS = PERSON_NOMINAL_HEADS | words(
    """
    doctor physician nurse lawyer scientist author writer singer actor actress player coach artist
    spokesperson spokesman spokeswoman teacher student farmer pilot driver victim suspect witness
    boy girl mother father son daughter wife husband brother sister activist journalist reporter
    businessman businesswoman owner inventor engineer economist politician lawmaker legislator
    """
)
#: Extra heads of organisation nominals ("the paper reported", "the network said").
ORG_NOUNS = ORG_NOMINAL_HEADS | words(
    """
    paper newspaper daily magazine network broadcaster station channel outlet website publisher
    government administration department office court police team club university school bank
    board agency institute foundation regime corporation company airline retailer carrier maker
    manufacturer operator society church charity studio label band
    """
)
MASCULINE = words(
    "mr mr. sir lord king prince duke emperor spokesman chairman businessman actor father son "
    "husband brother boy man uncle nephew monk bishop pope sultan emir sheikh"
)
FEMININE = words(
    "mrs mrs. ms ms. miss madam lady queen princess duchess empress spokeswoman chairwoman "
    "businesswoman actress mother daughter wife sister girl woman aunt niece nun"
)
#: Lemmas of verbs that report speech: their subject is a speaker in the sentences that follow.
REPORT_LEMMAS = words(
    "say tell add state claim announce explain insist note argue warn write report reply respond "
    "comment declare confirm deny ask suggest describe acknowledge admit stress"
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Anaphor:
    start: int
    end: int
    head: str  # lower-cased head word
    kind: str  # "sg", "pl", "it" (pronouns) or "person", "org" (nominals)
    gender: str  # "m", "f" or ""
    mods: tuple[str, ...] = ()  # lower-cased modifiers of a nominal ("russian" in "the Russian general")
    head_start: int = -1  # the head word's offset (a pronoun's own)

    @property
    def pronoun(self) -> bool:
        return self.kind in ("sg", "pl", "it")


@dataclass(frozen=True)
class Place:
    """Where a mention sits: sentence number, head token, subject of its clause, reporting subject."""

    sent: int
    token: int
    subject: bool
    reporter: bool


class Geometry:
    """Sentence and token lookups by character offset for one parsed document, read from the
    document's arrays (:mod:`~wiresift.nlp.doccache`): no ``Token`` made but the one :meth:`token`
    returns."""

    def __init__(self, sdoc: Doc) -> None:
        self.sdoc = sdoc
        self.cache = doccache.of(sdoc)
        self.starts: list[int] = self.cache.offsets
        self.sent_starts = [start for start, _end in self.cache.sent_chars]
        self._heads: list[int] | None = None  # every token's head index, read on first use

    def token_index(self, start: int, end: int) -> int:
        """The index of the syntactic head of the tokens in ``[start, end)`` (the last of them when
        they are not one tree), -1 when no token starts there."""
        lo = max(bisect_right(self.starts, start) - 1, 0)
        hi = bisect_right(self.starts, max(end - 1, start))
        if hi <= lo:
            return -1
        heads = self.heads
        roots = [i for i in range(lo, hi) if not lo <= heads[i] < hi or heads[i] == i]
        return roots[0] if len(roots) == 1 else hi - 1

    @property
    def heads(self) -> list[int]:
        """Every token's head index (``tok.head.i``), by token index."""
        if self._heads is None:
            self._heads = self.cache.head_indices()
        return self._heads

    def token(self, start: int, end: int) -> Token | None:
        """The syntactic head of the tokens in ``[start, end)`` (its last token when they are not one tree)."""
        i = self.token_index(start, end)
        return None if i < 0 else self.sdoc[i]

    def sent(self, pos: int) -> int:
        return max(bisect_right(self.sent_starts, pos) - 1, 0)

    def place(self, start: int, end: int) -> Place:
        i = self.token_index(start, end)
        if i < 0:
            return Place(self.sent(start), -1, False, False)
        cache = self.cache
        subject = cache.deps[i] in SUBJECT_DEPS
        reporter = subject and cache.lemmas[self.heads[i]] in REPORT_LEMMAS
        return Place(self.sent(start), i, subject, reporter)


def nominal(tok: Token) -> Anaphor | None:
    """A definite description headed by ``tok`` ("the company", "the Russian general"), else None."""
    if tok.pos_ != "NOUN" or tok.tag_ in ("NNS", "NNPS"):
        return None
    head = tok.lower_
    kind = "person" if head in PERSON_NOUNS else "org" if head in ORG_NOUNS else ""
    if not kind:
        return None
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    if not dets or dets[0].lower_ not in ("the", "this", "that", "its", "their", "our"):
        return None
    left = min(c.left_edge.i for c in tok.children if c.i < tok.i)
    mods = tuple(t.lower_ for t in tok.doc[left : tok.i] if t.pos_ in ("ADJ", "PROPN", "NOUN"))
    gender = "m" if head in MASCULINE else "f" if head in FEMININE else ""
    span = tok.doc[left : tok.i + 1]
    return Anaphor(span.start_char, span.end_char, head, kind, gender, mods, tok.idx)


def anaphors(sdoc: Doc) -> list[Anaphor]:
    """Every third-person pronoun and definite person or organisation nominal, in text order."""
    import numpy as np
    from spacy.attrs import LOWER

    if not len(sdoc):
        return []
    # Only tokens whose lower-case form can be a pronoun or a nominal head become Python objects.
    strings = sdoc.vocab.strings
    wanted = np.array(
        [strings.add(w) for w in sorted({*PRONOUNS, *PERSON_NOUNS, *ORG_NOUNS})], dtype="uint64"
    )
    lowers = sdoc.to_array([LOWER])
    out = []
    for i in np.nonzero(np.isin(lowers.reshape(-1), wanted))[0]:
        tok = sdoc[int(i)]
        low = tok.lower_
        if low in PRONOUNS and tok.pos_ == "PRON":
            kind, gender = PRONOUNS[low]
            if kind == "it" and tok.dep_ in ("expl",):
                continue
            out.append(Anaphor(tok.idx, tok.idx + len(tok.text), low, kind, gender, (), tok.idx))
        elif tok.pos_ == "NOUN":
            found = nominal(tok)
            if found is not None:
                out.append(found)
    return out
