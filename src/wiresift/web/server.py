"""Run the workbench: ``serve(db, host, port)`` checks the bind rules, then runs uvicorn."""

from __future__ import annotations

from pathlib import Path

from wiresift.web.security import check_bind

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def url(host: str, port: int) -> str:
    return f"http://{host}:{port}/"


def serve(
    db: str | Path,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    token: str | None = None,
    insecure: bool = False,
) -> None:
    """Serve the workbench until interrupted. Non-loopback hosts need ``token`` or ``insecure``."""
    import uvicorn

    from wiresift.web.app import create_app

    check_bind(host, token, insecure)
    app = create_app(db, token=token)
    uvicorn.run(app, host=host, port=port, log_level="warning")
