"""The ``quotes`` stage: direct, indirect and mixed quotes with cue, local speaker and entity.

Direct quotes come from quotation marks (:mod:`marks`); each takes the reporting verb that
the parse links to it (or the one right beside it), and that verb's subject as the speaker. A
quote with no cue that opens a paragraph right after a quote inherits that quote's speaker.
Indirect quotes are a reporting verb's clausal complement ("Zas noted that ..."), object or open
complement, by hand-written cues or patterns learned from PolNeAR train (:mod:`indirect`),
cut to size by :mod:`bounds`; one holding quotation marks is *mixed*. "according to X"
attributes the rest of its sentence to X. Speaker phrases come from :mod:`speaker` and are
resolved to entities by :mod:`wiresift.nlp.entities.coref`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from wiresift.model import Document, Quote, SpanRef
from wiresift.nlp.entities.coref import Speaker, coref_evidence, named_in_own_words, resolve, titled_person
from wiresift.nlp.entities.coref_rules import FIRST_PERSON, FOLLOW_ON_CHARS, named_at
from wiresift.nlp.entities.index import EntityIndex
from wiresift.nlp.entities.lexicon import PERSON_PRONOUNS, PLURAL_PRONOUNS
from wiresift.nlp.quotes.accept import shipped
from wiresift.nlp.quotes.appositions import short_org
from wiresift.nlp.quotes.common import Found
from wiresift.nlp.quotes.confidence import Evidence, keeps, score
from wiresift.nlp.quotes.cues import PATTERNS
from wiresift.nlp.quotes.epithets import modifier_only
from wiresift.nlp.quotes.extractor import Extractor
from wiresift.nlp.quotes.headline import headline_side_texts
from wiresift.nlp.quotes.modes import content_head, cue_mode, named_term, naming, not_attribution
from wiresift.nlp.quotes.nominals import document_author, nominal_source
from wiresift.nlp.quotes.sources import neuter_source
from wiresift.nlp.quotes.speaker import relative_antecedent

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from wiresift.nlp.pipeline import Context

#: Entity types that speak; a resolved entity of another type is no speaker.
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: "It said": an organisation or a country speaking, resolved like "they" (never to a person).
NEUTER_PRONOUNS = frozenset({"it"})


def extract(
    doc: Document, sdoc: Doc, index: EntityIndex | None, parse: Callable[[str], Doc] | None = None
) -> list[Quote]:
    """All quotes of ``doc`` in text order, speakers resolved through ``index``; ``parse`` (the run's
    model) reads a title-case headline again in sentence case. A resolved speaker whose confidence is
    under the threshold is left empty; its mention stays."""
    quotes = []
    for quote, evidence in attribute(doc, sdoc, index, parse):
        if evidence is not None:
            quote.speaker_confidence = round(score(evidence), 3)
            if not keeps(quote.speaker_confidence):
                quote.speaker = quote.speaker_name = None
        quotes.append(quote)
    return quotes


def attribute(
    doc: Document, sdoc: Doc, index: EntityIndex | None, parse: Callable[[str], Doc] | None = None
) -> list[tuple[Quote, Evidence | None]]:
    """Every quote with its speaker resolved (before abstention) and the evidence for that speaker
    (None when no entity was resolved)."""
    model = shipped()
    text = doc.text
    found = [f for f in candidates(doc, sdoc, index, parse) if model is None or model.accepts(f, sdoc, text)]
    out: list[tuple[Quote, Evidence | None]] = []
    prev: Quote | None = None
    prev_evidence: Evidence | None = None
    prev_para = -1
    for f in found:
        speaker_ref: SpanRef | None = None
        speaker_id: str | None = None
        evidence: Evidence | None = None
        mode = cue_mode(f.cue, content_head(f.cue, f.start, f.end) if f.cue is not None else None)
        if f.cue is not None and named_term(f.cue):  # "what's called “…”": a term, no one's words
            f = replace(f, speaker=None, inherit=False, fallback=None)
        chosen: Speaker | None = None
        how = "subject"
        if f.speaker is not None:
            chosen = f.speaker
            how = (
                "marked" if f.cue is None or (f.cue_text or "").lower().startswith("according") else "subject"
            )
        elif f.inherit:
            follows = (
                prev is not None
                and prev.kind != "indirect"
                and (prev_para == f.para_start or text[prev.end : f.start].strip() == "")
            )
            if not follows and f.para_start == f.start:
                follows = (
                    prev is not None
                    and text[prev.end : f.start].count("\n") <= 2
                    and prev.end > f.start - 400
                )
            pronoun = f.fallback is not None and f.fallback.head in PERSON_PRONOUNS
            if f.fallback is not None and (
                not follows
                or prev is None
                or (f.fallback_at > prev.end and not (pronoun and prev_para == f.para_start))
            ):
                chosen, how = f.fallback, "fallback"
            elif follows and prev is not None:
                speaker_ref, speaker_id = prev.speaker_mention, prev.speaker
                if prev_evidence is not None and speaker_ref is not None:
                    evidence = _inherited(prev_evidence, speaker_ref, f, mode)
        if chosen is not None:
            speaker_ref = SpanRef(start=chosen.start, end=chosen.end, text=text[chosen.start : chosen.end])
            speaker_id, evidence = _resolve(index, sdoc, text, chosen, speaker_ref.text, prev, f, how, mode)
        entity = index.get(speaker_id) if index is not None else None
        quote = Quote(
            id=f"q{len(out) + 1}",
            text=text[f.start : f.end],
            start=f.start,
            end=f.end,
            kind=f.kind,  # type: ignore[arg-type]
            cue=f.cue_text,
            cue_span=(f.cue.idx, f.cue.idx + len(f.cue.text)) if f.cue is not None and f.cue_text else None,
            speaker_mention=speaker_ref,
            speaker=speaker_id,
            speaker_name=entity.name if entity is not None else None,
            mode=mode,
            stage="quotes",
        )
        if f.cue_text and f.cue is not None and f.cue_text != f.cue.text:
            quote.cue_span = (f.cue.idx, f.cue.idx + len(f.cue_text))
        out.append((quote, evidence if entity is not None else None))
        prev, prev_evidence, prev_para = quote, evidence if entity is not None else None, f.para_start
    _continued(text, found, out)
    return out


#: Marks that close a quote; a direct quote that ends without one runs on into the next paragraph.
CLOSING_MARKS = frozenset("\"”»'")


def _continued(text: str, found: list[Found], out: list[tuple[Quote, Evidence | None]]) -> None:
    """A quote left open at its paragraph's end goes on in the next paragraph (the news convention):
    when that paragraph opens with the rest of the quote and names its speaker ("“The cranes sat idle.¶
    “Nobody told us why,” said Ana Lutz"), the open paragraph is that speaker's too, not the last one
    named before it."""
    carried: set[int] = set()  # (a quote open over several paragraphs: the last one names the speaker)
    for k in reversed(range(len(out) - 1)):
        f, nf = found[k], found[k + 1]
        if f.kind != "direct" or not f.inherit or text[f.end - 1 : f.end] in CLOSING_MARKS:
            continue
        named = (nf.cue is not None and nf.speaker is not None) or k + 1 in carried
        if nf.kind != "direct" or not named or nf.start != nf.para_start:
            continue
        gap = text[f.end : nf.start]
        if gap.strip() or "\n" not in gap:
            continue
        quote, nxt = out[k][0], out[k + 1]
        quote.speaker_mention, quote.speaker = nxt[0].speaker_mention, nxt[0].speaker
        quote.speaker_name = nxt[0].speaker_name
        mention = quote.speaker_mention
        evidence = None
        if nxt[1] is not None and mention is not None:
            evidence = _inherited(nxt[1], mention, f, quote.mode)
        out[k] = (quote, evidence)
        carried.add(k)


def candidates(
    doc: Document,
    sdoc: Doc,
    index: EntityIndex | None,
    parse: Callable[[str], Doc] | None = None,
    patterns: dict[str, frozenset[str]] | None = None,
) -> list[Found]:
    """What the rules propose, in text order, before the learned check (:mod:`accept`) judges it:
    a cue that attributes nothing ("she exited her vehicle", "knows the airline") proposes nothing.
    ``patterns`` (default: the learned patterns and those the check ships) are the ``lemma:complement``
    patterns the rules try besides the hand-written cues."""
    if patterns is None:
        model = shipped()
        patterns = model.patterns if model is not None else PATTERNS
    return [
        f
        for f in Extractor(doc, sdoc, index, parse, patterns).run()
        if f.cue is None
        or (
            not naming(f.cue)
            and (f.kind == "direct" or not not_attribution(f.cue, content_head(f.cue, f.start, f.end)))
        )
    ]


def _inherited(prev: Evidence, mention: SpanRef, f: Found, mode: str) -> Evidence:
    return Evidence(
        how="inherited",
        mention=prev.mention,
        resolution=prev.resolution,
        entity_type=prev.entity_type,
        antecedent_chars=prev.antecedent_chars,
        quote_chars=_gap(mention.start, mention.end, f.start, f.end),
        persons_between=prev.persons_between,
        disagrees=prev.disagrees,
        direct=f.kind != "indirect",
        statement=mode == "statement",
        coref=prev.coref,
    )


def _resolve(
    index: EntityIndex | None,
    sdoc: Doc,
    text: str,
    speaker: Speaker,
    mention: str,
    prev: Quote | None,
    f: Found,
    how: str,
    mode: str,
) -> tuple[str | None, Evidence | None]:
    """The entity of a speaker mention and the evidence of how it was found. A nominal mention goes to
    an entity only through its own words (a name or title inside it, a named organisation or poll it
    stands for, the one person titled so): a person merely named near it is never its speaker."""
    if index is None:
        return None, None
    relative = relative_antecedent(sdoc, speaker)
    if relative is not None:
        speaker, mention = relative, text[relative.start : relative.end]
    head = speaker.head
    neuter = head in NEUTER_PRONOUNS
    pronoun = head in PERSON_PRONOUNS or head in PLURAL_PRONOUNS or neuter
    if head in FIRST_PERSON and prev is not None and prev.kind == "indirect":
        # "Lee told us the valves can be swapped. We checked …": only a speaker's own words in
        # quotation marks go on in the first person; after a reported one, "I"/"we" is the writer.
        prev = None
    prev_speaker = prev.speaker if prev is not None else None
    eid = f.entity or resolve(index, speaker, prev_speaker, prev.end if prev is not None else -1, mention)
    entity = index.get(eid)
    if entity is not None and (entity.type not in SPEAKER_TYPES or modifier_only(index, speaker, entity.id)):
        eid, entity = None, None  # (modifier_only: "one Welk confidant" is not Welk)
    at_mention = entity is not None and (
        f.entity == eid  # an interview's "A:" tag stands for the interviewee
        or any(s < speaker.end and speaker.start < e for s, e in entity.mentions)
        or named_at(index, speaker) == eid
    )  # (named_at: a lone surname read as the full name it belongs to, "Lee" -> "Ann Lee")
    kind = "pronoun" if pronoun else ("name" if at_mention or _proper(sdoc, speaker) else "nominal")
    resolution = ""
    if entity is not None:
        if titled_person(index, mention) == eid:
            resolution = "titled"
        elif at_mention and (author := document_author(index, speaker)) not in (None, eid):
            eid, entity, resolution = author, index.get(author), "poll_sponsor"  # a report's title
        elif at_mention:
            resolution = "at_mention"
        elif pronoun and eid and named_in_own_words(index, eid, speaker, f.start, f.end, f.kind):
            eid = entity = None  # "He said: “Berg saved this harbour.”", "He said Berg had agreed": not Berg
        elif pronoun:
            close = prev is not None and speaker.start - prev.end <= FOLLOW_ON_CHARS
            resolution = "prev_speaker" if eid == prev_speaker and close else "antecedent"
        else:
            eid = entity = None  # "the minister said" is not whoever was named last
    if entity is None and kind == "name" and (org := short_org(index, speaker, mention)) is not None:
        eid, entity, resolution = org, index.get(org), "org_name"
    if entity is None and neuter:
        eid, resolution = neuter_source(index, speaker.start)
        entity = index.get(eid)
    if entity is None and kind == "nominal":
        close = prev is not None and speaker.start - prev.end <= FOLLOW_ON_CHARS
        eid, resolution = nominal_source(index, speaker, mention, text, prev_speaker if close else None)
        entity = index.get(eid)
    if entity is None or eid is None:
        return None, None
    antecedent, between = _antecedent(index, eid, speaker.start) if not at_mention else (speaker.start, 0)
    plural = head in PLURAL_PRONOUNS
    evidence = Evidence(
        how=how,
        mention=kind,
        resolution=resolution,
        entity_type=entity.type,
        antecedent_chars=max(0, speaker.start - antecedent),
        quote_chars=_gap(speaker.start, speaker.end, f.start, f.end),
        persons_between=between,
        disagrees=(entity.type == "PERSON")
        if neuter
        else pronoun and (plural == (entity.type == "PERSON")) and head != "we",
        direct=f.kind != "indirect",
        statement=mode == "statement",
        coref=coref_evidence(index, speaker, eid) if kind != "name" else None,
    )
    return eid, evidence


def _proper(sdoc: Doc, speaker: Speaker) -> bool:
    span = sdoc.char_span(speaker.head_start, speaker.head_end) if speaker.head_start >= 0 else None
    return span is not None and span[0].pos_ == "PROPN"


def _antecedent(index: EntityIndex, eid: str, pos: int) -> tuple[int, int]:
    """The end of ``eid``'s last mention before ``pos`` (``pos`` when none) and how many other
    persons are named between it and ``pos``."""
    entity = index.entities[eid]
    ends = [e for s, e in entity.mentions if e <= pos]
    if not ends:
        return pos, 0
    last = max(ends)
    lo = bisect_left(index.mentions, (last, 0, ""))
    hi = bisect_left(index.mentions, (pos, 0, ""))
    others = {
        m_eid
        for _s, _e, m_eid in index.mentions[lo:hi]
        if m_eid != eid and index.entities[m_eid].type == "PERSON"
    }
    return last, len(others)


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, b_start - a_end, a_start - b_end)


class QuotesStage:
    name = "quotes"
    version = "12"
    requires: tuple[str, ...] = ("entities", "parse")
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, doc: Document, sdoc: Doc, ctx: Context) -> None:
        doc.quotes = extract(doc, sdoc, ctx.data.get("entities"), ctx.parse)

    def side_texts(self, doc: Document) -> list[str]:
        return headline_side_texts(doc.text)


def make_stage() -> QuotesStage:
    return QuotesStage()
