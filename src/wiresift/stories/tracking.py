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
from dataclasses import dataclass

from wiresift.model import Claim, Document, Quote
from wiresift.store.stories import ClaimMention, QuoteMention, TrackedClaim, TrackedQuote
from wiresift.store.workbench import sentence_around
from wiresift.stories.links import CLAIM_TOLERANCE
from wiresift.stories.similarity import content_words, normal_name

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


def _copied(new: _Seen, earlier: Sequence[_Seen]) -> str | None:
    """The earlier mention ``new`` copies (same article or same sentence, no new source), or None."""
    for old in earlier:
        if new.source and new.source != old.source:
            continue
        if _root(new.doc) == _root(old.doc) or _jaccard(new.words, old.words) >= COPY_OVERLAP:
            return old.doc.id
    return None


def _value(k: Claim) -> float | None:
    return k.value if k.value is not None else (k.low if k.low is not None else k.high)


def _values_close(a: float, b: float) -> bool:
    top = max(abs(a), abs(b))
    return top == 0 or abs(a - b) <= CLAIM_TOLERANCE * top


@dataclass
class _ClaimGroup:
    counted: str
    kind: str | None
    unit: str | None
    claimants: set[str]
    values: list[float]
    items: list[tuple[Document, Claim]]

    def accepts(self, k: Claim, value: float) -> bool:
        if normal_name(k.counted or "") != self.counted:
            return False
        if k.unit and self.unit and k.unit != self.unit:
            return False
        if k.count_type and self.kind and k.count_type != self.kind:
            return False
        claimant = normal_name(k.claimant_name) if k.claimant_name else None
        if claimant and self.claimants and claimant not in self.claimants:
            return False
        return any(_values_close(value, v) for v in self.values)


def _by_time(docs: Sequence[Document]) -> list[Document]:
    order = {d.id: n for n, d in enumerate(docs)}
    return sorted(docs, key=lambda d: (d.published or "", order[d.id]))[:TRACK_MAX]


def track_claims(story_id: str, docs: Sequence[Document]) -> list[TrackedClaim]:
    """The claims of ``docs`` (one story's articles) made in two or more of them."""
    groups: list[_ClaimGroup] = []
    for doc in _by_time(docs):
        taken: set[int] = set()
        for k in doc.claims:
            value = _value(k)
            if not k.counted or value is None or not normal_name(k.counted):
                continue
            target = next((n for n, g in enumerate(groups) if n not in taken and g.accepts(k, value)), None)
            if target is None:
                groups.append(_ClaimGroup(normal_name(k.counted), k.count_type, k.unit, set(), [], []))
                target = len(groups) - 1
            g = groups[target]
            taken.add(target)
            g.values.append(value)
            g.unit = g.unit or k.unit
            g.kind = g.kind or k.count_type
            if k.claimant_name:
                g.claimants.add(normal_name(k.claimant_name))
            g.items.append((doc, k))
    out = []
    for g in groups:
        if len({d.id for d, _ in g.items}) < 2:
            continue
        seen: list[_Seen] = []
        mentions = []
        for doc, k in g.items:
            sentence = sentence_around(doc.text, k.start, k.end)
            new = _Seen(
                doc, set(content_words(sentence)), normal_name(k.claimant_name) if k.claimant_name else None
            )
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
        out.append(
            TrackedClaim(
                id=_ident("tc-", story_id, first[0].id, first[1].id),
                story_id=story_id,
                counted=first[1].counted or g.counted,
                unit=g.unit,
                first_doc_id=first[0].id,
                first_published=first[0].published,
                first_site=first[0].site,
                claimants=sorted({k.claimant_name for _, k in g.items if k.claimant_name}),
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
    for _, _, items in groups:
        if len({d.id for d, _ in items}) < 2:
            continue
        first_doc, first_q = items[0]
        seen: list[_Seen] = []
        mentions = []
        for doc, q in items:
            sentence = sentence_around(doc.text, q.start, q.end)
            context = set(content_words(sentence)) - _quote_words(q)
            new = _Seen(doc, context, None)
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
