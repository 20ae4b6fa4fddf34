"""Run the workbench: ``serve(db, host, port)`` checks the bind rules, then runs uvicorn."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from wiresift.web.security import allowed_hosts, check_bind

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
    allow_hosts: Sequence[str] = (),
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve the workbench until interrupted. Non-loopback hosts need ``token`` or ``insecure``.

    The bind rules are checked and the app is built first: ``announce(url)`` is called only then,
    so a refusal is never preceded by a "serving on" line. ``allow_hosts`` are ``Host`` names
    answered besides the loopback names and ``host`` (``*``: any).
    """
    import uvicorn

    from wiresift.web.app import create_app

    check_bind(host, token, insecure)
    app = create_app(db, token=token, hosts=allowed_hosts(host, list(allow_hosts)))
    if announce is not None:
        announce(url(host, port))
    uvicorn.run(app, host=host, port=port, log_level="warning")
