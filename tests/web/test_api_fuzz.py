"""Hostile values in every parameter of every route: never a 5xx, always the security headers (#17).

The routes come from the app itself (its OpenAPI description, plus the routes it leaves out of it),
so a route added later is fuzzed without editing this file. Values: integers far past 64 bits,
negatives, floats, unicode, control and bidi characters, FTS5 syntax, traversal, empty strings.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wiresift.web.app import create_app
from wiresift.web.security import SECURITY_HEADERS
from wiresift.web.views import api_routes, pages

HUGE = "99999999999999999999"
SPECIAL = [
    HUGE,
    "-" + HUGE,
    "9223372036854775808",  # 2**63, one past SQLite's largest integer
    "-1",
    "0",
    "1e309",
    "NaN",
    "",
    " ",
    "²",
    "١٢٣",
    "NEAR(",
    "NEAR(a b, 99999999999)",
    '"',
    '"unclosed phrase',
    "*",
    "a*",
    "-",
    "- border",
    "AND",
    "OR NOT",
    "((((",
    "title:border",
    "^border",
    "%",
    "%00",
    "\x00",
    "\x02ferry\x03",
    "\u202eevil",
    "../../etc/passwd",
    "a/b",
    "?x=1#frag",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "jsonl",
    "date",
    "x" * 600,
]
VALUES = st.one_of(
    st.sampled_from(SPECIAL),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=40),
    st.text(min_size=450, max_size=700),
)


@pytest.fixture(scope="module")
def app(workbench_db: Path) -> FastAPI:
    return create_app(workbench_db)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1")


def _schema_routes(app: FastAPI) -> dict[str, list[tuple[str, str]]]:
    """OpenAPI path -> [(parameter name, "path" | "query")] of each GET operation."""
    return {
        path: [(p["name"], p["in"]) for p in ops["get"].get("parameters", [])]
        for path, ops in app.openapi()["paths"].items()
        if "get" in ops
    }


def _plain_path(route: APIRoute) -> str:
    return re.sub(r"\{(\w+):path\}", r"{\1}", route.path)


def test_the_fuzz_covers_every_route(app: FastAPI) -> None:
    schema = _schema_routes(app)
    for router, prefix in ((pages.router, ""), (api_routes.router, "/api")):
        for route in router.routes:
            assert isinstance(route, APIRoute) and route.include_in_schema
            assert prefix + _plain_path(route) in schema, route.path
    assert len(schema) >= 20


def _url(path: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: quote(values.get(m.group(1), "x"), safe=""), path)


def _check(response: Any, what: str, server_error: bool = False) -> None:
    assert (response.status_code >= 500) == server_error, (
        f"{what}: {response.status_code} {response.text[:300]}"
    )
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, f"{what}: no {name}"
    assert "Traceback" not in response.text


@pytest.fixture(scope="module")
def routes(app: FastAPI) -> list[tuple[str, list[tuple[str, str]]]]:
    return sorted(_schema_routes(app).items())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_hostile_values_in_every_parameter(
    client: TestClient, routes: list[tuple[str, list[tuple[str, str]]]], data: st.DataObject
) -> None:
    path, params = data.draw(st.sampled_from(routes), label="route")
    values: dict[str, str] = data.draw(
        st.fixed_dictionaries({}, optional={name: VALUES for name, _ in params}), label="values"
    )
    query = {name: values[name] for name, where in params if where == "query" and name in values}
    url = _url(path, {name: v for name, v in values.items() if v})
    _check(client.get(url, params=query), f"GET {url} {query!r}")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tail=VALUES, extra=VALUES)
def test_hostile_paths_outside_the_schema(client: TestClient, tail: str, extra: str) -> None:
    for base in ("/static/", "/docs", "/redoc", "/openapi.json", "/article/", "/nope/"):
        url = base + quote(tail, safe="/") if base.endswith("/") else base
        _check(client.get(url, params={"x": extra}), f"GET {url}")


def test_every_integer_parameter_out_of_range_is_a_4xx(client: TestClient, app: FastAPI) -> None:
    checked = 0
    for path, ops in app.openapi()["paths"].items():
        for p in ops.get("get", {}).get("parameters", []):  # writes (POST) are checked in their tests
            if "integer" not in str(p["schema"]):
                continue
            for bad in (HUGE, "-" + HUGE, "9223372036854775808", "1e400", "-1"):
                response = client.get(_url(path, {}), params={p["name"]: bad})
                _check(response, f"{path}?{p['name']}={bad}")
                assert response.status_code == 422, (path, p["name"], bad)
                checked += 1
    assert checked >= 40
    for url in (f"/entity/{HUGE}", f"/api/entities/{HUGE}", f"/api/entities/{HUGE}/graph", "/entity/²"):
        response = client.get(url)
        _check(response, url)
        assert response.status_code == 404


def test_an_unexpected_error_is_a_plain_500_with_headers(workbench_db: Path) -> None:
    app = create_app(workbench_db)

    @app.get("/api/test/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    client = TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1")
    response = client.get("/api/test/boom")
    assert response.status_code == 500
    assert response.json() == {
        "error": "internal server error (the server log has the details)",
        "status": 500,
    }
    _check(response, "boom", server_error=True)
    assert "secret internals" not in response.text
    _check(client.post("/api/search"), "POST /api/search")  # 405 carries the headers too
