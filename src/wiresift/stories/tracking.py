"""Claims and quotes followed across the articles of one story.

Inside a story, mentions of the same claim — the same counted thing (kind and unit where known),
compatible values, the same or an unknown claimant — are one :class:`TrackedClaim`, first seen
first; mentions of one statement — the same or an unknown speaker, overlapping wording — are one :class:`TrackedQuote`.
Each later mention is ``copied`` when its article is a near-duplicate of an earlier mention's, or
its sentence repeats an earlier mention's sentence, and it cites no new source; otherwise it is
``independent`` (own wording or own source). The first mention is ``independent``: it is the
first seen.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from wiresift.model import Claim, Document, Quote
from wiresift.store.stories import ClaimMention, QuoteMention, TrackedClaim, TrackedQuote
from wiresift.store.workbench import sentence_around
from wiresift.stories.claimmatch import (
    GENERIC_THINGS,
    Mention,
    claimants_agree,
    is_difference,
    kinds_conflict,
    mention_of,
    things_agree,
)
from wiresift.stories.similarity import content_words, normal_name, words

#: Values of one tracked claim by an unknown or the same claimant lie within this share ("more than
#: 400" and "412"; the scorer's tolerance); a larger change joins only as a revision.
TRACK_TOLERANCE = 0.10
#: A number that names no counted thing and fits no tracked claim is one with another such number
#: when its sentence's content words are this much in the other's ("more than 1,100" in a copy).
SAME_STATEMENT = 0.6
#: Two mentions' sentences repeat each other at this content-word Jaccard: a copy edited for house
#: style keeps 0.7-1.0, two outlets' own sentences about one number stay under 0.5.
COPY_OVERLAP = 0.6
#: Content-word Jaccard (or containment of the shorter) at which two quotes are one statement.
QUOTE_OVERLAP = 0.5
QUOTE_CONTAINED = 0.75
#: Articles of a story read to track claims and quotes (the earliest): a story of thousands of
#: articles is tracked on how it began.
TRACK_MAX = 200


def _jaccard(a: set[str], b: set[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def _ident(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def _root(doc: Document) -> str:
    return doc.duplicate_of or doc.id


@dataclass
class _Seen:
    """A mention under consideration: its document, its sentence's words and its source."""

    doc: Document
    words: set[str]
    source: str | None
    #: The outlet the mention is attributed to ("..., Northline Wire reported"), normalised.
    cited: str | None = None


def _cited(name: str | None, doc: Document, outlets: set[str]) -> str | None:
    norm = normal_name(name) if name else None
    return norm if norm and norm in outlets and norm != normal_name(doc.site or "") else None


def _copied(new: _Seen, earlier: Sequence[_Seen]) -> str | None:
    """The earlier mention ``new`` copies (same article or same sentence, no new source; or an
    earlier article of the outlet it is attributed to), or None."""
    for old in earlier:
        if old.doc.id == new.doc.id:
            continue  # an article does not copy itself
        if new.cited and new.cited == normal_name(old.doc.site or ""):
            return old.doc.id
        if new.source and new.source != old.source:
            continue
        if _root(new.doc) == _root(old.doc) or _jaccard(new.words, old.words) >= COPY_OVERLAP:
            return old.doc.id
    return None


def _value(k: Claim) -> float | None:
    return k.value if k.value is not None else (k.low if k.low is not None else k.high)


def _values_close(a: float, b: float) -> bool:
    top = max(abs(a), abs(b))
    return top == 0 or abs(a - b) <= TRACK_TOLERANCE * top


#: How well a mention fits a tracked claim (see :meth:`_ClaimGroup.fit`; compared as a tuple).
Fit = tuple[int, int, int, float, float]


@dataclass
class _ClaimGroup:
    """The mentions of one tracked claim so far, with what a new mention is compared with."""

    items: list[Mention]
    things: set[str]
    kinds: set[str]
    claimants: set[frozenset[str]]
    values: list[float]
    context: set[str]
    unit: str | None = None
    vague: bool = False
    docs: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, m: Mention) -> _ClaimGroup:
        g = cls([], set(), set(), set(), [], set(), m.unit, m.vague)
        g.add(m)
        return g

    def add(self, m: Mention) -> None:
        self.items.append(m)
        self.docs.add(m.doc.id)
        if m.thing:
            self.things.add(m.thing)
        self.kinds |= m.event_kinds
        if m.claimant:
            self.claimants.add(m.claimant)
        self.values.append(m.value)
        self.context |= m.context

    def fit(self, m: Mention) -> Fit | None:
        """How well ``m`` fits (higher is better: a revision's old value held, counted things its
        sentence names, articles already in the claim, share of its sentence's words in the claim's
        sentences, closeness of value), or None when it does not belong."""
        if m.unit != self.unit or m.vague != self.vague:
            return None
        if kinds_conflict(m.event_kinds, frozenset(self.kinds)):
            return None
        if not all(claimants_agree(m.claimant, c) for c in self.claimants):
            return None
        if m.thing and not any(
            things_agree(m.thing, t, m.event_kinds, frozenset(self.kinds)) for t in self.things
        ):
            return None
        named = m.sentence_things & self.things
        specific = len(named - GENERIC_THINGS)  # "people" in a sentence names no thing in particular
        close = [
            abs(m.value - v) / max(abs(m.value), abs(v), 1.0)
            for v in self.values
            if _values_close(m.value, v)
        ]
        if not close:
            # a revision: the same claimant's new value for a thing and kind its sentence names
            if not (m.revision and named and m.event_kinds & self.kinds and m.value not in self.values):
                return None
            close = [1.0]
        overlap = len(m.context & self.context) / len(m.context) if m.context else 0.0
        revised = 0
        if m.revision:
            earlier = {x.value for x in self.items if x.doc.id != m.doc.id}
            revised = int(bool(m.sentence_values & earlier))
        return revised, specific, len(self.docs), overlap, -min(close)


def _best(groups: Sequence[_ClaimGroup], m: Mention) -> tuple[int, Fit] | None:
    """The group ``m`` fits best (the earliest of equals) and how well, or None."""
    fits = [(fit, -n) for n, g in enumerate(groups) if (fit := g.fit(m)) is not None]
    if not fits:
        return None
    fit, n = max(fits)
    return -n, fit


def _claim_groups(docs: Sequence[Document]) -> list[_ClaimGroup]:
    """Mentions with a counted thing form the groups in publication order; mentions without one (or
    revising a value) then join the group that fits them best, and start none."""
    outlets = {normal_name(d.site) for d in docs if d.site}
    mentions = []
    for doc in docs:
        for k in doc.claims:
            value = _value(k)
            if value is not None and not is_difference(words(doc.text[k.end : k.end + 40])):
                mentions.append(mention_of(doc, k, value, outlets))
    groups: list[_ClaimGroup] = []
    for m in mentions:
        if m.thing and not m.revision:
            best = _best(groups, m)
            if best is None:
                groups.append(_ClaimGroup.of(m))
            else:
                groups[best[0]].add(m)
    loose: list[_ClaimGroup] = []
    for m in mentions:
        if not m.thing or m.revision:
            best = _best(groups, m)
            if best is not None:
                groups[best[0]].add(m)
            elif not m.revision:
                near = _best(loose, m)
                if near is not None and near[1][3] >= SAME_STATEMENT:
                    loose[near[0]].add(m)
                else:
                    loose.append(_ClaimGroup.of(m))
    groups += loose
    order = {id(m): n for n, m in enumerate(mentions)}
    for g in groups:
        g.items.sort(key=lambda m: order[id(m)])
    return groups


def _by_time(docs: Sequence[Document]) -> list[Document]:
    order = {d.id: n for n, d in enumerate(docs)}
    return sorted(docs, key=lambda d: (d.published or "", order[d.id]))[:TRACK_MAX]


def track_claims(story_id: str, docs: Sequence[Document]) -> list[TrackedClaim]:
    """The claims of ``docs`` (one story's articles) made in two or more of them."""
    out = []
    outlets = {normal_name(d.site) for d in docs if d.site}
    for g in _claim_groups(_by_time(docs)):
        if len({m.doc.id for m in g.items}) < 2:
            continue
        seen: list[_Seen] = []
        mentions = []
        for m in g.items:
            doc, k = m.doc, m.claim
            source = " ".join(sorted(m.claimant)) if m.claimant else None
            new = _Seen(doc, set(m.context), source, _cited(k.claimant_name, doc, outlets))
            source = _copied(new, seen) if seen else None
            mentions.append(
                ClaimMention(
                    doc_id=doc.id, claim_id=k.id, published=doc.published, site=doc.site, value=k.value,
                    low=k.low, high=k.high, qualifier=k.qualifier, text=k.text, claimant=k.claimant_name,
                    label="copied" if source else "independent", copied_from=source,
                )
            )  # fmt: skip
            seen.append(new)
        first = g.items[0]
        counted = next((m.claim.counted for m in g.items if m.thing), None) or ""
        out.append(
            TrackedClaim(
                id=_ident("tc-", story_id, first.doc.id, first.claim.id),
                story_id=story_id,
                counted=counted,
                unit=next((m.claim.unit for m in g.items if m.claim.unit), None),
                first_doc_id=first.doc.id,
                first_published=first.doc.published,
                first_site=first.doc.site,
                claimants=sorted({m.claim.claimant_name for m in g.items if m.claim.claimant_name}),
                mentions=mentions,
            )
        )
    return out


def _quote_words(q: Quote) -> set[str]:
    return set(content_words(q.text))


def _same_statement(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    return _jaccard(a, b) >= QUOTE_OVERLAP or len(a & b) / min(len(a), len(b)) >= QUOTE_CONTAINED


def drift(first: str, later: str) -> float:
    """How far a wording moved from the first: 1 - difflib's word-sequence ratio, rounded."""
    ratio = difflib.SequenceMatcher(
        None, first.lower().split(), later.lower().split(), autojunk=False
    ).ratio()
    return round(1.0 - ratio, 4)


def track_quotes(story_id: str, docs: Sequence[Document]) -> list[TrackedQuote]:
    """The statements of ``docs`` quoted in two or more of them, each with its wordings."""
    groups: list[tuple[str | None, set[str], list[tuple[Document, Quote]]]] = []
    for doc in _by_time(docs):
        taken: set[int] = set()
        for q in doc.quotes:
            if q.mode != "statement":
                continue
            words = _quote_words(q)
            if len(words) < 3:
                continue
            speaker = normal_name(q.speaker_name) if q.speaker_name else None
            target = None
            for n, (gs, gwords, _) in enumerate(groups):
                if n in taken or (speaker and gs and speaker != gs):
                    continue
                if _same_statement(words, gwords):
                    target = n
                    break
            if target is None:
                groups.append((speaker, words, []))
                target = len(groups) - 1
            elif speaker and not groups[target][0]:
                groups[target] = (speaker, groups[target][1], groups[target][2])
            taken.add(target)
            groups[target][2].append((doc, q))
    out = []
    outlets = {normal_name(d.site) for d in docs if d.site}
    for _, _, items in groups:
        if len({d.id for d, _ in items}) < 2:
            continue
        first_doc, first_q = items[0]
        seen: list[_Seen] = []
        mentions = []
        for doc, q in items:
            sentence = sentence_around(doc.text, q.start, q.end)
            context = set(content_words(sentence)) - _quote_words(q)
            new = _Seen(doc, context, None, _cited(q.speaker_name, doc, outlets))
            source = _copied(new, seen) if seen else None
            mentions.append(
                QuoteMention(
                    doc_id=doc.id, quote_id=q.id, published=doc.published, site=doc.site, text=q.text,
                    speaker=q.speaker_name, label="copied" if source else "independent",
                    drift=drift(first_q.text, q.text), copied_from=source,
                )
            )  # fmt: skip
            seen.append(new)
        named = next((q.speaker_name for _, q in items if q.speaker_name), None)
        out.append(
            TrackedQuote(
                id=_ident("tq-", story_id, first_doc.id, first_q.id),
                story_id=story_id,
                speaker=named,
                text=first_q.text,
                first_doc_id=first_doc.id,
                first_published=first_doc.published,
                first_site=first_doc.site,
                mentions=mentions,
            )
        )
    return out
