"""``export -o``: regular files only, replaced only when complete, no temporary file left behind."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_stores import build

from wiresift import api
from wiresift.cli import cli
from wiresift.export.output import ExportError, atomic_files, check_target

SRC = Path(__file__).resolve().parents[2] / "src"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def export_cli(db: Path, out: Path, fmt: str = "jsonl") -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "--db", str(db), "-o", str(out)])
    return result.exit_code, result.stderr


def test_devices_are_refused_without_touching_them() -> None:
    with pytest.raises(
        ExportError, match=r"^/dev/null: is a character device; exports write regular files only$"
    ):
        check_target(Path("/dev/null"))
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_fifo_socket_and_directory_are_refused(tmp_path: Path) -> None:
    db = build("full", tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    sock_path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        for target, kind in [(fifo, "named pipe (FIFO)"), (sock_path, "socket"), (tmp_path, "directory")]:
            code, err = export_cli(db, target)
            assert code == 1 and err == f"Error: {target}: is a {kind}; exports write regular files only\n"
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and stat.S_ISSOCK(os.lstat(sock_path).st_mode)
    assert leftovers(tmp_path) == []


def test_symlinks_are_refused_and_kept(tmp_path: Path) -> None:
    db = build("full", tmp_path)
    target = tmp_path / "real.jsonl"
    target.write_text("keep me\n")
    link, dangling = tmp_path / "link.jsonl", tmp_path / "dangling.jsonl"
    link.symlink_to(target)
    dangling.symlink_to(tmp_path / "nowhere.jsonl")
    for path in (link, dangling):
        code, err = export_cli(db, path)
        assert code == 1 and err.count("\n") == 1 and "is a symbolic link" in err
        assert path.is_symlink()
    assert target.read_text() == "keep me\n" and not (tmp_path / "nowhere.jsonl").exists()
    code, err = export_cli(db, tmp_path / "no-such-dir" / "x.jsonl")
    assert code == 1 and "no such directory" in err


def test_csv_directory_must_be_a_real_directory(tmp_path: Path) -> None:
    db = build("full", tmp_path)
    (tmp_path / "real").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "real")
    (tmp_path / "file").write_text("x")
    for path, kind in [(tmp_path / "linked", "symbolic link"), (tmp_path / "file", "regular file")]:
        code, err = export_cli(db, path, "csv")
        assert code == 1 and f"is a {kind}, not a directory" in err
    assert list((tmp_path / "real").iterdir()) == []
    (tmp_path / "tables").mkdir()
    os.mkfifo(tmp_path / "tables" / "quotes.csv")
    code, err = export_cli(db, tmp_path / "tables", "csv")
    assert code == 1 and "quotes.csv: is a named pipe (FIFO)" in err
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["quotes.csv"]  # nothing half-written


def test_regular_file_is_replaced_keeping_its_permissions(tmp_path: Path) -> None:
    db = build("full", tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    out.chmod(0o640)
    assert export_cli(db, out) == (0, "")
    assert out.read_text().count("\n") == 3 and stat.S_IMODE(out.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.jsonl"
    assert export_cli(db, fresh) == (0, "")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask  # as a plain open() would make it
    assert leftovers(tmp_path) == []


def test_an_exception_removes_the_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old\n")

    def chunks() -> Iterator[str]:
        yield "partial\n"
        raise RuntimeError("store vanished")

    with pytest.raises(RuntimeError), atomic_files([out]) as (handle,):
        handle.writelines(chunks())
    assert out.read_text() == "old\n" and leftovers(tmp_path) == []


SLOW_EXPORT = textwrap.dedent(
    """
    import sys, time
    from wiresift import api
    from wiresift.export import EXPORTERS

    def slow(store, query=None, modes=None):
        yield "first chunk\\n"
        print("writing", flush=True)
        time.sleep(60)
        yield "never\\n"

    EXPORTERS["slow"] = slow
    with api.open_store(sys.argv[1]) as store:
        api.export_file(store, "slow", sys.argv[2])
    """
)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_removes_the_temporary_file(sig: int, tmp_path: Path) -> None:
    db = build("full", tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_EXPORT, str(db), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "writing\n"
        assert len(leftovers(tmp_path)) == 1  # the export is under way, in its temporary file
        proc.send_signal(sig)
        code = proc.wait(timeout=30)
    finally:
        proc.kill()
        proc.wait()
    assert code == 128 + sig
    assert out.read_text() == "old\n" and leftovers(tmp_path) == []
    assert "Traceback" not in (proc.stderr.read() if proc.stderr else "")


def test_export_file_refuses_unknown_format_before_writing(tmp_path: Path) -> None:
    db = build("full", tmp_path)
    with api.open_store(db) as store, pytest.raises(api.StoreError, match="unknown export format"):
        api.export_file(store, "xml", tmp_path / "x.xml")
    assert not (tmp_path / "x.xml").exists() and leftovers(tmp_path) == []
