"""The workbench application: ``create_app(db)`` builds the FastAPI app over one SQLite store."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from wiresift import __version__
from wiresift.store.workbench import MARK_CLOSE, MARK_OPEN
from wiresift.web.security import SecurityMiddleware

HERE = Path(__file__).parent


def snippet_html(snippet: str) -> Markup:
    """Escape a search snippet, then turn its control-character markers into ``<mark>``."""
    text = str(escape(snippet))
    return Markup(text.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


class StoreHolder:
    """The one store connection of the app, opened on first use.

    The views are ``async`` and run on the event loop's single thread, so one connection serves
    them all without a pool; opening a connection per worker thread cost 100+ ms a request.
    """

    def __init__(self, opener: Callable[[], Any]) -> None:
        self.opener = opener
        self.store: Any = None
        self.lock = threading.Lock()

    def get(self) -> Any:
        if self.store is None:
            with self.lock:
                if self.store is None:
                    self.store = self.opener()
        return self.store


def create_app(db: str | Path, *, token: str | None = None) -> FastAPI:
    from wiresift import api

    db_path = Path(db)
    if not db_path.exists():
        raise FileNotFoundError(
            f"{db_path}: no such database (run `wiresift ingest PATH --db {db_path}` first)"
        )
    app = FastAPI(
        title="wiresift workbench",
        version=__version__,
        description="Documents, search, entities, quotes, claims and places of one wiresift store.",
    )
    app.state.stores = StoreHolder(lambda: api.open_store(db_path))
    app.state.db = db_path
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["snippet"] = snippet_html
    templates.env.globals["version"] = __version__
    app.state.templates = templates
    app.add_middleware(SecurityMiddleware, token=token)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": exc.detail, "status": exc.status_code}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return JSONResponse({"error": f"invalid request: {problems}", "status": 422}, status_code=422)

    from wiresift.web.views import api_routes, pages

    app.include_router(pages.router)
    app.include_router(api_routes.router, prefix="/api")
    return app
