"""The workbench application: ``create_app(db)`` builds the FastAPI app over one SQLite store."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from wiresift import __version__
from wiresift.escape import web_url
from wiresift.web.csrf import CSRFMiddleware
from wiresift.web.db import MAX_EXPORTS, POOL_SIZE, TIME_BUDGET_S, StorePool
from wiresift.web.errors import install_error_handlers
from wiresift.web.highlight import event_line
from wiresift.web.permalink import anchor, article_url, link_for
from wiresift.web.security import LOOPBACK_NAMES, SecurityMiddleware, check_token
from wiresift.wording import claim_value, number
from wiresift.workbench import MarkedHit

HERE = Path(__file__).parent


def snippet_html(hit: MarkedHit) -> Markup:
    """A search snippet with its highlights in ``<mark>``; every piece of text is escaped."""
    text, parts, at = hit.snippet, [], 0
    for start, end in hit.highlights:
        parts += [str(escape(text[at:start])), "<mark>", str(escape(text[start:end])), "</mark>"]
        at = end
    parts.append(str(escape(text[at:])))
    return Markup("".join(parts))


def path_part(value: object) -> str:
    """A value as one URL path segment: every reserved character percent-encoded (``/`` too)."""
    return quote(str(value), safe="")


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    hosts: frozenset[str] = LOOPBACK_NAMES,
    time_budget: float = TIME_BUDGET_S,
    pool_size: int = POOL_SIZE,
) -> FastAPI:
    """The workbench over ``db``; ``time_budget`` caps each request's database time in seconds.

    ``hosts`` are the ``Host`` names it answers (see :func:`~wiresift.web.security.allowed_hosts`).
    """
    from wiresift import api

    check_token(token)
    db_path = api.store_location(db)
    if not api.store_exists(db_path):
        raise FileNotFoundError(
            f"{db_path}: no such database (run `wiresift ingest PATH --db {db_path}` first)"
        )
    pool = StorePool(lambda: api.open_workbench(db_path), size=pool_size, budget=time_budget)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="wiresift workbench",
        version=__version__,
        description="Documents, search, entities, quotes, claims and places of one wiresift store.",
        lifespan=lifespan,
        docs_url=None,  # /docs is served by views.pages from the vendored Swagger UI (no CDN)
        redoc_url=None,
    )
    app.state.pool = pool
    app.state.db = db_path
    app.state.export_slots = threading.BoundedSemaphore(MAX_EXPORTS)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["snippet"] = snippet_html
    templates.env.filters["path_part"] = path_part
    templates.env.filters["claim_value"] = claim_value
    templates.env.filters["number"] = number
    templates.env.filters["web_url"] = web_url  # stores made before the ingest check may hold others
    templates.env.globals["version"] = __version__
    templates.env.globals["anchor"] = anchor  # permalinks: one helper for the pages and the API
    templates.env.globals["event_line"] = event_line
    templates.env.globals["link_for"] = link_for
    templates.env.globals["article_url"] = article_url
    app.state.templates = templates
    app.add_middleware(CSRFMiddleware, bearer=bool(token))
    app.add_middleware(SecurityMiddleware, token=token, hosts=hosts)  # outermost: runs first
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    install_error_handlers(app)

    from wiresift.web.views import api_routes, corrections, exports, pages, stories

    app.include_router(pages.router)
    app.include_router(corrections.router)  # /corrections and /api/corrections
    app.include_router(stories.pages)
    app.include_router(exports.router, prefix="/api")  # before /api/export's own route
    app.include_router(api_routes.router, prefix="/api")
    app.include_router(stories.json_api, prefix="/api")
    return app
