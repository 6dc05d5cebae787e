"""Whole outputs or none: everything is written into a hidden temporary folder inside the
output folder, then each dataset or file is renamed into place. One run at a time writes
into a folder: a lock file inside it says which."""

from __future__ import annotations

import fcntl
import os
import secrets
import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PARTIAL_PREFIX = ".partial-"
LOCK_FILE = ".analystkit-run.lock"


class OutputBusyError(RuntimeError):
    """Another run is writing into the same output folder."""


@contextmanager
def write_atomically(out: str | os.PathLike) -> Iterator[Path]:
    """A temporary folder to write the outputs into. On success each entry in it replaces
    the entry of that name in `out` (one rename each); on any error or interruption the
    folder is removed and `out` is left as it was. While it runs, the run holds a lock on
    `out` (a second run into `out` raises OutputBusyError); folders left by a killed run
    are then removed, as no other run can be writing them."""
    out = Path(out).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    with _only_writer(out):
        for stale in out.glob(PARTIAL_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)
        work = out / f"{PARTIAL_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        work.mkdir()
        try:
            yield work
            _move_into_place(work, out)
        finally:
            shutil.rmtree(work, ignore_errors=True)


@contextmanager
def _only_writer(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on `out`'s lock file, or raise OutputBusyError naming the
    holder. The kernel releases the lock when the process ends, however it ends."""
    with open(out / LOCK_FILE, "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            raise OutputBusyError(
                f"{out} is being written by another run ({holder}); wait for it to end "
                "or choose another output folder"
            ) from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()} on {socket.gethostname()}\n")
        lock.flush()
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _move_into_place(work: Path, out: Path) -> None:
    old = work / ".replaced"
    old.mkdir()
    for entry in sorted(work.iterdir()):
        if entry == old:
            continue
        target = out / entry.name
        if target.exists():
            target.rename(old / entry.name)
        entry.rename(target)
