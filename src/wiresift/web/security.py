"""Who may talk to the workbench, and what the browser may load.

The server binds 127.0.0.1 by default. Binding any other address needs a bearer token (checked on
every request, also accepted once as ``?token=`` to set a cookie for the browser) or an explicit
``--insecure``. Every response carries a Content-Security-Policy that lets the page load only from
the server itself: all JS, CSS and map data are vendored in ``static/``. Inline styles
are allowed (``style-src 'self' 'unsafe-inline'``) because Leaflet, vis-timeline and cytoscape
inject and position their elements with them; scripts run only from the server's own files, and
every text is escaped, so no page content can add markup.

A tokenless server answers only requests whose ``Host`` is one of its own names (the loopback
names, the ``--host`` it binds, any ``--allow-host``): a page on another site that rebinds its DNS
name to 127.0.0.1 sends its own name as ``Host`` and gets a 400, so it cannot read the store.
Responses other than static files carry ``Cache-Control: no-store`` (they show the store's
contents); writes are further guarded against cross-site requests by :mod:`wiresift.web.csrf`.

The middleware is also the last line of error handling: an exception no handler turned into an
answer is logged with its traceback and answered as a generic JSON 500, with the same headers.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
COOKIE = "wiresift_token"
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # Same-origin requests keep their Referer and Origin (the CSRF check reads them); links out of
    # the workbench send nothing.
    "Referrer-Policy": "same-origin",
}
#: Host names every server answers to, whatever it binds (``--allow-host`` adds more).
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})
#: ``--allow-host *`` turns the Host check off (behind a proxy that checks it, say).
ANY_HOST = "*"
#: Shortest bearer token accepted: a shorter one can be guessed by trying.
MIN_TOKEN = 16
WILDCARD_BINDS = frozenset({"0.0.0.0", "::", ""})
log = logging.getLogger("wiresift.web")


class BindError(Exception):
    """Refusing to listen on a non-loopback address without a token or ``--insecure``."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(value: str) -> str:
    """A ``Host`` header or host name without its port, lower-cased; IPv6 addresses in brackets."""
    value = value.strip().lower().rstrip(".")
    if value.startswith("["):
        return value[: value.find("]") + 1] if "]" in value else value
    if value.count(":") > 1:  # a bare IPv6 address (a --host value, never a Host header)
        return f"[{value}]"
    return value.split(":", 1)[0]


def allowed_hosts(bind: str | None = None, extra: tuple[str, ...] | list[str] = ()) -> frozenset[str]:
    """The Host names a server bound to ``bind`` answers: loopback names, ``bind``, ``extra``."""
    names = set(LOOPBACK_NAMES)
    if bind and bind not in WILDCARD_BINDS:
        names.add(host_name(bind))
    names.update(ANY_HOST if name == ANY_HOST else host_name(name) for name in extra)
    return frozenset(names)


def check_token(token: str | None) -> None:
    if token is not None and len(token) < MIN_TOKEN:
        raise BindError(
            f"--token is {len(token)} characters long: use at least {MIN_TOKEN} "
            "(for example `python -c 'import secrets; print(secrets.token_urlsafe())'`)"
        )


def check_bind(host: str, token: str | None, insecure: bool) -> None:
    check_token(token)
    if not is_loopback(host) and not token and not insecure:
        raise BindError(
            f"refusing to serve on {host} without --token TOKEN (or --insecure): "
            "anyone who can reach it could read the database"
        )


class SecurityMiddleware:
    """Pure ASGI middleware (Starlette's BaseHTTPMiddleware costs milliseconds per request)."""

    def __init__(
        self, app: ASGIApp, token: str | None = None, hosts: frozenset[str] = LOOPBACK_NAMES
    ) -> None:
        self.app = app
        self.token = token
        self.hosts = hosts

    def _host_refused(self, scope: Scope) -> str | None:
        """Why the request's ``Host`` is not one of this server's names (None when it is)."""
        if ANY_HOST in self.hosts:
            return None
        raw = next((v for k, v in scope["headers"] if k == b"host"), None)
        if raw is None:
            return "the request has no Host header"
        name = host_name(raw.decode("latin-1"))
        if name in self.hosts:
            return None
        return (
            f"Host {name!r} is not a name of this server (it answers {', '.join(sorted(self.hosts))}; "
            "add names with --allow-host)"
        )

    def _authorised(self, request: Request) -> bool:
        if not self.token:
            return True
        header = request.headers.get("authorization", "")
        offered = header[7:] if header.lower().startswith("bearer ") else request.cookies.get(COOKIE, "")
        return hmac.compare_digest(offered.encode(), self.token.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                headers.update(SECURITY_HEADERS)
                if not scope["path"].startswith("/static/"):
                    headers["Cache-Control"] = "no-store"
            await send(message)

        refused = self._host_refused(scope)
        if refused is not None:
            await JSONResponse({"error": refused, "status": 400}, status_code=400)(
                scope, receive, send_with_headers
            )
            return

        if self.token:
            request = Request(scope)
            query_token = request.query_params.get("token")
            response: Response | None = None
            if query_token and hmac.compare_digest(query_token.encode(), self.token.encode()):
                response = RedirectResponse(str(request.url.remove_query_params("token")), 303)
                response.set_cookie(COOKIE, self.token, httponly=True, samesite="strict")
            elif not self._authorised(request):
                response = JSONResponse({"error": "missing or wrong bearer token"}, status_code=401)
            if response is not None:
                await response(scope, receive, send_with_headers)
                return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("%s %s failed", scope.get("method"), scope.get("path"))
            if started:  # the status line is out: all we can do is end the answer early
                raise
            error = {"error": "internal server error (the server log has the details)", "status": 500}
            await JSONResponse(error, status_code=500)(scope, receive, send_with_headers)
