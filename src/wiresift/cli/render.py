"""Plain-text renderings for the terminal: a document summary and query rows."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from typing import Any

import click

from wiresift.escape import one_line, printable
from wiresift.model import Document
from wiresift.store.base import EntityProfile

#: Characters of a quote or claim shown on one line before it is cut with "…".
LINE_CHARS = 160

#: Search-hit marks for a terminal: private-use characters that escaping leaves alone, turned into
#: bold only after the text around them is escaped (an ESC in the text itself is never printed raw).
HIGHLIGHT = ("\ue000", "\ue001")
_BOLD = str.maketrans({HIGHLIGHT[0]: "\x1b[1m", HIGHLIGHT[1]: "\x1b[0m"})

#: Set to 1 to see debug logging and tracebacks on stderr (errors are one line each otherwise).
DEBUG_ENV = "WIRESIFT_DEBUG"


def echo(text: str = "", *, err: bool = False, nl: bool = True, bold: bool = False) -> None:
    """Print ``text`` with control, escape and bidi characters escaped (see ``wiresift.escape``)."""
    safe = printable(text)
    click.echo(safe.translate(_BOLD) if bold else safe, err=err, nl=nl)


class _OneLine(logging.Formatter):
    """A log record as one escaped line: ``wiresift: message``; tracebacks only in debug mode."""

    def __init__(self, tracebacks: bool) -> None:
        super().__init__("%(message)s")
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        line = f"wiresift: {one_line(record.getMessage())}"
        if self.tracebacks and record.exc_info:
            line += "\n" + printable(self.formatException(record.exc_info))
        return line


def _ours_or_serious(record: logging.LogRecord) -> bool:
    """wiresift's warnings, and other libraries' errors (their warnings are noise to a user)."""
    return record.name.split(".", 1)[0] == "wiresift" or record.levelno >= logging.ERROR


class _Stderr(logging.Handler):
    """Writes to whatever stderr is when a record comes (a test runner swaps it), one line each."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            click.echo(self.format(record), err=True)
        except Exception:
            self.handleError(record)


def log_to_stderr() -> None:
    """Warnings (a page cut, a stage that failed on one document) as one line each on stderr."""
    root = logging.getLogger()
    if any(isinstance(h, _Stderr) for h in root.handlers):
        return
    debug = os.environ.get(DEBUG_ENV, "") not in ("", "0")
    handler = _Stderr()
    handler.setFormatter(_OneLine(tracebacks=debug))
    if debug:
        root.setLevel(logging.DEBUG)
    else:
        handler.setLevel(logging.WARNING)
        handler.addFilter(_ours_or_serious)
    root.addHandler(handler)


def cut(text: str, limit: int = LINE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def number(value: object) -> str:
    """6000.0 -> "6000", 2.5 -> "2.5": claims store floats, people read integers."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def claim_what(qualifier: str | None, value: float | None, unit: str | None, counted: str | None) -> str:
    return " ".join(number(x) for x in (qualifier, value, unit, counted) if x is not None)


def as_json(row: Any) -> str:
    """One dataclass row (or dict) as a JSON line."""
    data = dataclasses.asdict(row) if dataclasses.is_dataclass(row) and not isinstance(row, type) else row
    return json.dumps(data, ensure_ascii=False)


def document_text(doc: Document) -> str:
    """A readable summary: metadata, then each layer with its spans."""
    names = {e.id: e.name for e in doc.entities}
    places = {p.id: p.name for p in doc.places}
    out = [doc.title or "(untitled)"]
    meta = [f"id {doc.id}", doc.site, doc.published, doc.url, doc.source]
    out.append("  " + " · ".join(m for m in meta if m))
    if doc.authors:
        out.append(f"  by {', '.join(doc.authors)}")
    if doc.duplicate_of:
        out.append(f"  near-duplicate of {doc.duplicate_of}")
    out.append(f"  {len(doc.text)} characters, {len(doc.text.split())} words")
    if doc.entities:
        out.append(f"\nEntities ({len(doc.entities)})")
        for e in sorted(doc.entities, key=lambda e: -len(e.mentions)):
            extra = f" — {'; '.join(e.titles)}" if e.titles else ""
            out.append(f"  {e.type:<7} {e.name} ×{len(e.mentions)}{extra}")
    if doc.quotes:
        out.append(f"\nQuotes ({len(doc.quotes)})")
        for q in doc.quotes:
            who = q.speaker_name or names.get(q.speaker or "") or "?"
            kind = q.kind if q.mode == "statement" else f"{q.kind}, {q.mode}"
            out.append(f"  [{q.start}:{q.end}] {who} ({kind}): {cut(q.text)}")
    if doc.claims:
        out.append(f"\nClaims ({len(doc.claims)})")
        for c in doc.claims:
            what = claim_what(c.qualifier, c.value, c.unit, c.counted)
            where = f" in {places.get(c.place or '', c.place)}" if c.place else ""
            by = f" per {c.claimant_name}" if c.claimant_name else ""
            out.append(f"  [{c.start}:{c.end}] {what}{where}{by}: {cut(c.text)}")
    if doc.timexes:
        out.append(f"\nTimes ({len(doc.timexes)})")
        for t in doc.timexes:
            out.append(f"  [{t.start}:{t.end}] {t.text!r} {t.type} {t.value or '(unresolved)'}")
    if doc.places:
        out.append(f"\nPlaces ({len(doc.places)})")
        for p in doc.places:
            where = f"{p.lat:.3f},{p.lon:.3f}" if p.lat is not None and p.lon is not None else "unresolved"
            out.append(f"  {p.name} ({p.kind or '?'}, {p.country or '??'}) {where} ×{len(p.mentions)}")
    if doc.errors:
        out.append("\nErrors")
        out += [f"  {e}" for e in doc.errors]
    return "\n".join(out)


def entity_text(p: EntityProfile) -> str:
    out = [f"{p.name} [{p.type}] (entity {p.id})"]
    if p.aliases:
        out.append(f"  also: {', '.join(p.aliases)}")
    if p.titles:
        out.append(f"  roles: {'; '.join(p.titles)}")
    out.append(f"\nIn {len({m.doc_id for m in p.members})} articles")
    for m in p.members:
        out.append(f"  {m.doc_id}:{m.entity_id} {m.name} — {cut(m.title or '(untitled)', 80)}")
    out.append("\nEvidence")
    for e in p.evidence:
        where = f" {e.doc_id}:{e.entity_id}" if e.doc_id else ""
        titles = f" titles {e.matched_titles}" if e.matched_titles else ""
        out.append(f"  {e.rule}{where} names {e.matched_names}{titles}")
    if p.quotes:
        out.append(f"\nQuotes ({len(p.quotes)})")
        for q in p.quotes:
            out.append(f"  {q.published or '????-??-??'} {q.doc_id} [{q.start}:{q.end}]: {cut(q.text)}")
    return "\n".join(out)
