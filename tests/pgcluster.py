"""A throwaway PostgreSQL cluster for tests and benchmarks: ``initdb`` + ``pg_ctl`` in a temporary
folder, listening only on a unix socket in that folder (and 127.0.0.1 on a free port), no root.

When the process runs as root (CI containers), the cluster runs as the unprivileged ``nobody``
through ``runuser``, since PostgreSQL refuses to run as root; clients connect over the socket with
``trust`` authentication as the cluster's superuser ``wiresift``.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "wiresift"


def pg_bin() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl``: PATH first, then Debian's versioned folders."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """``with Cluster() as c: c.url("db")``; ``c.createdb(name)`` makes a fresh database.

    ``Cluster(keep=PATH)`` keeps the cluster in ``PATH`` after it stops (a benchmark's filled
    databases, reused by the next run): a folder that already holds one is started as it is.
    """

    def __init__(self, keep: Path | None = None) -> None:
        binary = pg_bin()
        if binary is None:
            raise FileNotFoundError("PostgreSQL binaries (initdb, pg_ctl) are not installed")
        self.bin = binary
        self.as_root = os.geteuid() == 0
        # As root the cluster runs as ``nobody``, who must reach the folder: /tmp, not a private TMPDIR.
        # A short path also keeps the socket's name under the 107-byte limit of unix sockets.
        self.keep = keep is not None
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            self.root = keep.resolve()
        else:
            self.root = Path(tempfile.mkdtemp(prefix="wiresift-pg-", dir="/tmp" if self.as_root else None))
        self.data = self.root / "data"
        self.port = _free_port()
        self._dbs = 0

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "nobody", "--", *cmd]
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if run.returncode != 0:
            log = self.root / "log"
            tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(cmd)} failed ({run.returncode}): {run.stderr[-1500:]}{tail}")

    def start(self) -> Cluster:
        if self.as_root:
            os.chmod(self.root, 0o755)
            shutil.chown(self.root, "nobody")
        if not (self.data / "PG_VERSION").exists():
            self._run(
                "initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--no-sync"
            )
        options = (
            f"-k {self.root} -p {self.port} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c shared_buffers=64MB -c max_connections=60"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")
        return self

    def stop(self) -> None:
        try:
            # A kept cluster shuts down cleanly (its data stays consistent for the next start).
            self._run(
                "pg_ctl", "-D", str(self.data), "-m", "fast" if self.keep else "immediate", "-w", "stop"
            )
        finally:
            if not self.keep:
                shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@/{dbname}?host={self.root}&port={self.port}"

    def createdb(self, name: str | None = None, *, exist_ok: bool = False) -> str:
        """A new empty database (or, with ``exist_ok``, the one of that name if there is one); its URL."""
        import psycopg

        self._dbs += 1
        name = name or f"t{self._dbs}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            if not (found and exist_ok):
                conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
