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

from collections.abc import Callable
from typing import TYPE_CHECKING

from wiresift.model import Document, Quote, SpanRef
from wiresift.nlp.entities.coref import resolve
from wiresift.nlp.entities.index import EntityIndex
from wiresift.nlp.entities.lexicon import PERSON_PRONOUNS
from wiresift.nlp.quotes.extractor import Extractor
from wiresift.nlp.quotes.modes import content_head, cue_mode, not_attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from wiresift.nlp.pipeline import Context


def extract(
    doc: Document, sdoc: Doc, index: EntityIndex | None, parse: Callable[[str], Doc] | None = None
) -> list[Quote]:
    """All quotes of ``doc`` in text order, speakers resolved through ``index``; ``parse`` (the run's
    model) reads a title-case headline again in sentence case."""
    found = Extractor(doc, sdoc, index, parse).run()
    quotes: list[Quote] = []
    prev: Quote | None = None
    prev_para = -1
    text = doc.text
    for f in found:
        if f.cue is not None and f.kind != "direct" and not_attribution(f.cue, content_head(f.cue, f.start, f.end)):
            continue  # "she exited her vehicle", "the court could decide …": nothing is attributed
        speaker_ref: SpanRef | None = None
        speaker_id: str | None = None
        if f.speaker is not None:
            speaker_ref = SpanRef(
                start=f.speaker.start, end=f.speaker.end, text=text[f.speaker.start : f.speaker.end]
            )
            speaker_id = resolve(
                index, f.speaker, prev.speaker if prev else None, prev.end if prev else -1, speaker_ref.text
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
                speaker_ref = SpanRef(
                    start=f.fallback.start, end=f.fallback.end, text=text[f.fallback.start : f.fallback.end]
                )
                speaker_id = resolve(
                    index, f.fallback, prev.speaker if prev else None, prev.end if prev else -1
                )
            elif follows and prev is not None:
                speaker_ref, speaker_id = prev.speaker_mention, prev.speaker
        entity = index.get(speaker_id) if index is not None else None
        quote = Quote(
            id=f"q{len(quotes) + 1}",
            text=text[f.start : f.end],
            start=f.start,
            end=f.end,
            kind=f.kind,  # type: ignore[arg-type]
            cue=f.cue_text,
            cue_span=(f.cue.idx, f.cue.idx + len(f.cue.text)) if f.cue is not None and f.cue_text else None,
            speaker_mention=speaker_ref,
            speaker=speaker_id,
            speaker_name=entity.name if entity is not None else None,
            mode=cue_mode(f.cue),
            stage="quotes",
        )
        if f.cue_text and f.cue is not None and f.cue_text != f.cue.text:
            quote.cue_span = (f.cue.idx, f.cue.idx + len(f.cue_text))
        quotes.append(quote)
        prev, prev_para = quote, f.para_start
    return quotes


class QuotesStage:
    name = "quotes"
    version = "2"
    requires: tuple[str, ...] = ("entities", "parse")
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, doc: Document, sdoc: Doc, ctx: Context) -> None:
        doc.quotes = extract(doc, sdoc, ctx.data.get("entities"), ctx.parse)


def make_stage() -> QuotesStage:
    return QuotesStage()
