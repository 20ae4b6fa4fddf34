"""Writing exports to files: regular files only, through temporary files, never half-written.

- A target must be a regular file or not exist yet. A device, FIFO, socket or directory is refused
  with a one-line error: renaming a finished export over ``/dev/null`` replaces the device, and
  streaming into a pipe or a disk is never what ``-o`` meant (stdout is there for that).
- A symbolic link is refused too, whatever it points at. Replacing it would break the link, and
  following it lets whoever can create a link (in a shared directory such as ``/tmp``) choose which
  file the export overwrites. Only the last path component is checked: a link higher up is the
  user's own layout.
- The data goes to a temporary file created with ``O_EXCL`` beside the target
  (``.NAME.XXXXXXXX.part``), which replaces the target with ``os.replace`` only when complete. An
  exception, SIGINT, SIGTERM or SIGHUP removes it. (SIGKILL cannot be caught: it can leave the
  temporary file behind, never a half-written target.)
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any, BinaryIO, TextIO, cast

from wiresift.store.base import StoreError

#: Signals turned into an exception while an export is written, so that the clean-up runs.
#: SIGINT already raises KeyboardInterrupt; it is listed in case the caller ignored it.
CAUGHT_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)

_KINDS = {
    stat.S_ISDIR: "directory",
    stat.S_ISCHR: "character device",
    stat.S_ISBLK: "block device",
    stat.S_ISFIFO: "named pipe (FIFO)",
    stat.S_ISSOCK: "socket",
    stat.S_ISLNK: "symbolic link",
}


class ExportError(StoreError):
    """An export target that cannot be written; ``str(exc)`` names it and the cause."""


def kind(mode: int) -> str:
    """A file type in words: ``regular file``, ``directory``, ``character device``, …"""
    if stat.S_ISREG(mode):
        return "regular file"
    return next((name for test, name in _KINDS.items() if test(mode)), "special file")


def check_target(path: Path) -> None:
    """Raise :class:`ExportError` unless ``path`` is a regular file or absent, in an existing folder."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        parent = path.parent
        if not parent.is_dir():
            raise ExportError(f"{path}: cannot write: no such directory {str(parent)!r}") from None
        return
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or type(exc).__name__}") from None
    if stat.S_ISREG(mode):
        return
    if stat.S_ISLNK(mode):
        raise ExportError(
            f"{path}: is a symbolic link; exports replace regular files only (give the link's target path)"
        )
    raise ExportError(f"{path}: is a {kind(mode)}; exports write regular files only")


def check_directory(path: Path) -> None:
    """Raise :class:`ExportError` unless ``path`` is a real directory or absent (then it is made)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        try:
            path.mkdir(parents=True)
        except OSError as exc:
            raise ExportError(f"{path}: cannot create directory: {exc.strerror}") from None
        return
    except OSError as exc:
        raise ExportError(f"{path}: cannot use: {exc.strerror or type(exc).__name__}") from None
    if not stat.S_ISDIR(mode):
        raise ExportError(
            f"{path}: is a {kind(mode)}, not a directory (csv and parquet write one file per table)"
        )


class _Interrupted(SystemExit):
    """A signal received while writing: exits with 128 + the signal number, like the shell reports."""


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """Within the block, SIGINT/SIGTERM/SIGHUP raise :class:`_Interrupted` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread; a server has its own
        return
    fired: list[int] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        if not fired:  # a second signal during the clean-up must not cut the clean-up short
            fired.append(signum)
            raise _Interrupted(128 + signum)

    previous = {sig: signal.signal(sig, handler) for sig in CAUGHT_SIGNALS}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _new_file_mode() -> int:
    """What ``open(path, "w")`` would give a new file: 0o666 less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_files(targets: Sequence[Path]) -> Iterator[list[TextIO]]:
    """Text handles (UTF-8, no newline translation) that replace ``targets`` when the block succeeds.

    Every target is checked first (:func:`check_target`). On any exception or caught signal every
    temporary file is removed and the targets are left as they were.
    """
    with _atomic(targets, lambda fd: open(fd, "w", encoding="utf-8", newline="")) as handles:
        yield cast(list[TextIO], handles)


@contextlib.contextmanager
def atomic_binary_files(targets: Sequence[Path]) -> Iterator[list[BinaryIO]]:
    """Binary handles that replace ``targets`` when the block succeeds, as :func:`atomic_files`."""
    with _atomic(targets, lambda fd: open(fd, "wb")) as handles:
        yield cast(list[BinaryIO], handles)


@contextlib.contextmanager
def _atomic(targets: Sequence[Path], opener: Callable[[int], IO[Any]]) -> Iterator[list[IO[Any]]]:
    """Handles made by ``opener`` from each temporary file's descriptor (see :func:`atomic_files`)."""
    for target in targets:
        check_target(target)
    handles: list[IO[Any]] = []
    temps: list[Path] = []
    with _signals_raise():
        try:
            for target in targets:
                fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
                temps.append(Path(name))
                handles.append(opener(fd))
            yield handles
            for handle, temp, target in zip(handles, temps, targets, strict=True):
                handle.flush()
                os.fsync(handle.fileno())  # the rename must never expose a file whose data is not on disk
                handle.close()
                try:
                    mode = stat.S_IMODE(os.stat(target).st_mode)  # keep an existing file's permissions
                except FileNotFoundError:
                    mode = _new_file_mode()
                os.chmod(temp, mode)
            for target in targets:
                check_target(target)  # again: something may have appeared there while we wrote
            for temp, target in zip(temps, targets, strict=True):
                os.replace(temp, target)
        except BaseException as exc:
            for handle in handles:
                with contextlib.suppress(OSError):
                    handle.close()
            for temp in temps:
                temp.unlink(missing_ok=True)
            if isinstance(exc, OSError) and not isinstance(exc, StoreError):
                where = targets[0] if len(targets) == 1 else targets[0].parent
                raise ExportError(f"{where}: cannot write: {exc.strerror or exc}") from None
            raise
