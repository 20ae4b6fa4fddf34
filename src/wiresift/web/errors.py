"""How the workbench answers when a request cannot be served: one line saying why, never a traceback.

The JSON API (and anything under ``/api/``, ``/static/``, the OpenAPI schema) answers
``{"error": "...", "status": N}``; a page answers a short HTML page with the same line and a search
box. Anything unexpected is logged with its traceback and answered as a generic 500 by
:class:`~wiresift.web.security.SecurityMiddleware`, which also adds the security headers to every
response, errors included.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from wiresift.store.base import QueryTimeout, QueryTooCostly

_NOT_PAGES = ("/api/", "/static/", "/openapi", "/docs", "/redoc")


def error_response(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    if request.url.path.startswith(_NOT_PAGES):
        return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
    templates = request.app.state.templates
    response: Response = templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status, headers=headers
    )
    return response


def _validation_message(exc: RequestValidationError) -> str:
    problems = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        problems.append(f"{where}: {err['msg']}")
    return "invalid request: " + "; ".join(problems)


def install_error_handlers(app: FastAPI) -> None:
    async def http_error(request: Request, exc: Any) -> Response:
        return error_response(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    async def bad_request(request: Request, exc: Any) -> Response:
        return error_response(request, 422, _validation_message(exc))

    async def too_costly(request: Request, exc: Any) -> Response:
        return error_response(request, 400, str(exc))

    async def timed_out(request: Request, exc: Any) -> Response:
        return error_response(request, 503, str(exc), {"Retry-After": "1"})

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, bad_request)
    app.add_exception_handler(QueryTooCostly, too_costly)
    app.add_exception_handler(QueryTimeout, timed_out)
