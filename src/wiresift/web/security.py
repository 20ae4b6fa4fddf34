"""Who may talk to the workbench, and what the browser may load.

The server binds 127.0.0.1 by default. Binding any other address needs a bearer token (checked on
every request, also accepted once as ``?token=`` to set a cookie for the browser) or an explicit
``--insecure``. Every response carries a Content-Security-Policy that lets the page load only from
the server itself: all JS, CSS and map data are vendored in ``static/``. Inline styles
are allowed (``style-src 'self' 'unsafe-inline'``) because Leaflet, vis-timeline and cytoscape
inject and position their elements with them; scripts run only from the server's own files, and
every text is escaped, so no page content can add markup.
"""

from __future__ import annotations

import hmac
import ipaddress

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

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = CSP
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
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
        await self.app(scope, receive, send_with_headers)
