"""Who may talk to the workbench, and what the browser may load.

The server binds 127.0.0.1 by default. Binding any other address needs a bearer token (checked on
every request, also accepted once as ``?token=`` to set a cookie for the browser) or an explicit
``--insecure``. Every response carries a Content-Security-Policy that lets the page load only from
the server itself: all JS, CSS and map data are vendored in ``static/``. Inline styles
are allowed (``style-src 'self' 'unsafe-inline'``) because Leaflet, vis-timeline and cytoscape
inject and position their elements with them; scripts run only from the server's own files, and
every text is escaped, so no page content can add markup.

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
    "Referrer-Policy": "no-referrer",
}
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


def check_bind(host: str, token: str | None, insecure: bool) -> None:
    if not is_loopback(host) and not token and not insecure:
        raise BindError(
            f"refusing to serve on {host} without --token TOKEN (or --insecure): "
            "anyone who can reach it could read the database"
        )


class SecurityMiddleware:
    """Pure ASGI middleware (Starlette's BaseHTTPMiddleware costs milliseconds per request)."""

    def __init__(self, app: ASGIApp, token: str | None = None) -> None:
        self.app = app
        self.token = token

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
            await send(message)

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
