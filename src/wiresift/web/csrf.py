"""Writes only from the workbench's own pages: no other site open in the browser can change the store.

Every request that may write (any method but GET, HEAD, OPTIONS) must pass two checks, even on a
tokenless loopback server:

1. **Same origin.** Its ``Origin`` header (or, when the browser sent none, its ``Referer``) names
   this server (the request's own ``Host``). A request with neither is refused: browsers always
   send ``Origin`` on such requests, and the pages' ``Referrer-Policy: same-origin`` keeps it.
2. **Anti-CSRF token (double submit).** Each browser session gets a random token in the
   ``wiresift_csrf`` cookie (``SameSite=Strict``, ``HttpOnly``); the pages carry the same token
   (``<meta name="csrf-token">``, and htmx sends it as ``X-CSRF-Token`` on every request). A write
   must echo it in the ``X-CSRF-Token`` header or a ``csrf_token`` form field; another site can
   neither read the cookie nor the page, so it cannot.

A request that carries a bearer token (``Authorization: Bearer``, checked by
:class:`~wiresift.web.security.SecurityMiddleware` when the server has one) is exempt: a browser
never adds that header to a cross-site request without a CORS pre-flight, which this server never
grants. Refusals are a JSON 403 naming the cause.
"""

from __future__ import annotations

import hmac
import re
import secrets
from contextlib import suppress
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlsplit

from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "wiresift_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: Largest form body read to find the ``csrf_token`` field (write forms are a few fields long).
MAX_FORM_BYTES = 1 << 20
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def session_token(scope: Scope) -> tuple[str, bool]:
    """The request's anti-CSRF token from its cookie, or a new one; and whether it is new."""
    cookie = SimpleCookie()
    with suppress(Exception):  # a malformed Cookie header is no token, not an error
        cookie.load(_header(scope, b"cookie") or "")
    morsel = cookie.get(CSRF_COOKIE)
    if morsel is not None and _TOKEN_SHAPE.match(morsel.value):
        return morsel.value, False
    return secrets.token_urlsafe(32), True


def origin_problem(scope: Scope) -> str | None:
    """Why the request does not come from this server's own pages (None when it does)."""
    host = (_header(scope, b"host") or "").lower()
    origin = _header(scope, b"origin")
    if origin and origin != "null":
        netloc = urlsplit(origin).netloc.lower()
        return None if netloc == host else f"cross-site request refused: Origin {origin!r} is not this server"
    referer = _header(scope, b"referer")
    if referer:
        netloc = urlsplit(referer).netloc.lower()
        return None if netloc == host else "cross-site request refused: Referer is not this server"
    return "cross-site request refused: the request names no Origin or Referer of this server"


class CSRFMiddleware:
    """Pure ASGI middleware: the session token for every request, both checks for every write."""

    def __init__(self, app: ASGIApp, bearer: bool = False) -> None:
        self.app = app
        self.bearer = bearer  # the server checks bearer tokens: a request with one is exempt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token, new = session_token(scope)
        scope.setdefault("state", {})["csrf_token"] = token

        async def send_with_cookie(message: Message) -> None:
            if new and message["type"] == "http.response.start":
                MutableHeaders(scope=message).append(
                    "set-cookie", f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
                )
            await send(message)

        if scope["method"] in SAFE_METHODS or self._bearer(scope):
            await self.app(scope, receive, send_with_cookie)
            return
        problem = origin_problem(scope)
        body: bytes | None = None
        if problem is None:
            offered = _header(scope, CSRF_HEADER.encode())
            if offered is None and self._is_form(scope):
                body = await self._read_body(receive)
                if body is None:
                    problem = f"form body over {MAX_FORM_BYTES} bytes"
                else:
                    fields = parse_qs(body.decode("utf-8", "replace")).get(CSRF_FIELD)
                    offered = fields[0] if fields else None
            if problem is None and (new or not offered or not hmac.compare_digest(offered, token)):
                problem = (
                    "cross-site request refused: missing or wrong anti-CSRF token "
                    f"(send the {CSRF_COOKIE} cookie's value as X-CSRF-Token or {CSRF_FIELD})"
                )
        if problem is not None:
            await JSONResponse({"error": problem, "status": 403}, status_code=403)(
                scope, receive, send_with_cookie
            )
            return
        await self.app(scope, receive if body is None else _replay(body), send_with_cookie)

    def _bearer(self, scope: Scope) -> bool:
        return self.bearer and (_header(scope, b"authorization") or "").lower().startswith("bearer ")

    @staticmethod
    def _is_form(scope: Scope) -> bool:
        kind = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        return kind == "application/x-www-form-urlencoded"

    @staticmethod
    async def _read_body(receive: Receive) -> bytes | None:
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > MAX_FORM_BYTES:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    """A ``receive`` that hands the already-read body to the app, then waits like the real one."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive
