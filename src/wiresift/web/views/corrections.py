"""Corrections in the workbench: the ``/corrections`` audit page and ``/api/corrections``.

``POST /api/corrections`` records one correction and ``POST /api/corrections/{id}/undo`` undoes
one. Both take JSON (the pages' script) or an HTML form (the same pages without script: answered by
a redirect to ``next``). Every write passes :mod:`wiresift.web.csrf` (same origin and the session's
anti-CSRF token) and, on a server with a token, the bearer check, before it reaches these views.
"""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from wiresift import corrections
from wiresift.store.base import CORRECTION_KINDS, CorrectionRow, StoreError
from wiresift.web.db import store_session
from wiresift.web.permalink import anchor
from wiresift.web.views.params import SQLITE_MAX_INT, Text

router = APIRouter()
StoreDep = Annotated[Any, Depends(store_session)]
#: Largest correction request read: a split may list a few thousand members, nothing needs more.
MAX_BODY = 256 * 1024
#: Who a correction from the workbench is by when the form names nobody (the server has no logins).
WEB_WHO = "workbench"
_ANCHOR_LAYERS = {
    "reject_quote": "quote",
    "reassign_speaker": "quote",
    "reject_claim": "claim",
    "reject_place": "place",
}


class Submitted:
    """A write request's fields, and whether it came from a plain HTML form (then: redirect)."""

    def __init__(self, fields: dict[str, Any], form: bool) -> None:
        self.fields, self.form = fields, form

    def text(self, name: str, default: str = "") -> str:
        value = self.fields.get(name, default)
        return value.strip() if isinstance(value, str) else default

    def next_page(self, default: str) -> str:
        """``next`` when it is a path of this server (never another site: no open redirect)."""
        target = self.text("next")
        # Browsers drop tabs and newlines from URLs ("/\t/evil" is "//evil"): no control character at all.
        plain = target.isprintable() and not any(c.isspace() for c in target)
        ok = plain and target.startswith("/") and not target.startswith("//") and "\\" not in target
        return target if ok else default


async def submitted(request: Request) -> Submitted:
    """The request body as fields: a JSON object or an urlencoded form, at most ``MAX_BODY`` bytes."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise HTTPException(413, f"request body over {MAX_BODY} bytes")
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        return Submitted({k: v[-1] if k != "members" else v for k, v in form.items()}, form=True)
    try:
        fields = json.loads(body or b"{}")
    except ValueError:
        raise HTTPException(400, "the body is neither JSON nor a form") from None
    if not isinstance(fields, dict):
        raise HTTPException(400, "the body must be a JSON object")
    return Submitted(fields, form=False)


SubmittedDep = Annotated[Submitted, Depends(submitted)]


def _ids(value: Any) -> list[int]:
    """Entity ids from a JSON list or a comma-separated text."""
    items = value if isinstance(value, list) else str(value or "").split(",")
    try:
        ids = [int(str(v).strip()) for v in items if str(v).strip()]
    except ValueError:
        raise StoreError(f"entity ids must be whole numbers, not {value!r}") from None
    if any(not 0 <= i <= SQLITE_MAX_INT for i in ids):
        raise StoreError("entity id out of range")
    return ids


def _members(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in items if str(v or "").strip()]


def _create(store: Any, sub: Submitted) -> tuple[CorrectionRow, str]:
    """Record the submitted correction; returns it and the page to show next."""
    kind, who, why = sub.text("kind"), sub.text("who") or WEB_WHO, sub.text("why")
    if kind == "merge_entities":
        ids = _ids(sub.fields.get("canonical_ids"))
        other = sub.text("other")
        if other:
            found = store.entity(other)
            if found is None:
                raise StoreError(f"no entity named or numbered {other!r} to merge with")
            ids.append(found.id)
        into = corrections.merge_entities(store, ids, who=who, why=why)
        return corrections.corrections(store, limit=1)[0], f"/entity/{into}"
    if kind == "split_entity":
        (cid,) = _ids(sub.fields.get("canonical_ids"))[:1] or [0]
        new = corrections.split_entity(store, cid, _members(sub.fields.get("members")), who=who, why=why)
        return corrections.corrections(store, limit=1)[0], f"/entity/{new}"
    payload = {"speaker": sub.text("speaker") or None, "speaker_name": sub.text("speaker_name") or None}
    row = corrections.correct(
        store, kind, who=who, why=why, doc_id=sub.text("doc_id") or None, item_id=sub.text("item_id") or None,
        payload=payload if kind == "reassign_speaker" else None,
    )  # fmt: skip
    return row, "/corrections"


def _answer(sub: Submitted, row: CorrectionRow, page: str, status: int) -> Response:
    """A form goes back to its page; a JSON request gets the correction and the page to show."""
    if sub.form:
        return RedirectResponse(sub.next_page(page), status_code=303)
    return JSONResponse({"correction": record(row), "next": page}, status_code=status)


def _refused(request: Request, sub: Submitted, exc: StoreError) -> Response:
    """A correction the store refuses: 400 with its one-line cause (a page for a plain form)."""
    if sub.form:
        templates = request.app.state.templates
        response: Response = templates.TemplateResponse(
            request, "error.html", {"status": 400, "message": str(exc)}, status_code=400
        )
        return response
    raise HTTPException(400, str(exc))


def target_link(row: CorrectionRow) -> str | None:
    """Where the corrected item is: its permalink in the article, or the entity page."""
    if row.doc_id is not None:
        layer = _ANCHOR_LAYERS.get(row.kind)
        fragment = f"#{anchor(layer, row.item_id)}" if layer and row.item_id else ""
        return f"/article/{quote(row.doc_id, safe='')}{fragment}"
    if row.kind == "split_entity":
        return f"/entity/{row.payload.get('new_id')}"
    if row.kind == "merge_entities":
        return f"/entity/{row.payload.get('into')}"
    return None


def record(row: CorrectionRow) -> dict[str, Any]:
    """The JSON form of a correction (``when`` is ``made_at``), with a link to what it corrects."""
    return {
        "id": row.id, "kind": row.kind, "doc_id": row.doc_id, "item_id": row.item_id,
        "start": row.start, "end": row.end, "canonical_ids": row.canonical_ids, "payload": row.payload,
        "who": row.who, "when": row.made_at, "why": row.why, "undone_at": row.undone_at,
        "undone_by": row.undone_by, "active": row.active, "link": target_link(row),
    }  # fmt: skip


@router.get("/api/corrections", tags=["api"])
def list_corrections(
    store: StoreDep,
    doc: Text = None,
    active: bool | None = None,
    limit: int = Query(100, ge=1, le=500),
) -> dict[str, Any]:
    """Recorded corrections, newest first; ``doc`` keeps one document's, ``active`` active or undone ones."""
    rows = corrections.corrections(store, doc_id=doc or None, active=active, limit=limit)
    return {"items": [record(r) for r in rows], "limit": limit, "kinds": list(CORRECTION_KINDS)}


@router.post("/api/corrections", tags=["api"], status_code=201)
def create_correction(request: Request, store: StoreDep, sub: SubmittedDep) -> Response:
    """Record and apply a correction. Fields: ``kind``; ``doc_id`` and ``item_id`` for quotes, claims and
    places; ``speaker`` (an entity id of the document) or ``speaker_name`` to reassign; ``canonical_ids``
    and ``other`` (a name or id) to merge; ``canonical_ids`` and ``members`` (names or DOC:ENTITY) to
    split; ``who`` and ``why``; ``next`` (a form's page to return to)."""
    try:
        row, page = _create(store, sub)
    except StoreError as exc:
        return _refused(request, sub, exc)
    return _answer(sub, row, page, 201)


@router.post("/api/corrections/{correction_id}/undo", tags=["api"])
def undo_correction(
    request: Request,
    store: StoreDep,
    sub: SubmittedDep,
    correction_id: Annotated[int, PathParam(ge=0, le=SQLITE_MAX_INT)],
) -> Response:
    """Undo one correction (``who`` may name who undoes it)."""
    try:
        row = corrections.undo_correction(store, correction_id, who=sub.text("who") or WEB_WHO)
    except StoreError as exc:
        return _refused(request, sub, exc)
    return _answer(sub, row, "/corrections", 200)


@router.get("/corrections", response_class=HTMLResponse)
def corrections_page(request: Request, store: StoreDep, doc: Text = None) -> HTMLResponse:
    """The audit list: who corrected what, when and why, each with its undo button."""
    rows = corrections.corrections(store, doc_id=doc or None, limit=500)
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, "corrections.html", {"rows": rows, "doc": doc or "", "link": target_link}
    )
    return response
