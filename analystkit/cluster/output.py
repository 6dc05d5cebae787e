"""Whole outputs or none: everything is written into a hidden temporary folder inside the
output folder, then each dataset or file is renamed into place."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PARTIAL_PREFIX = ".partial-"


@contextmanager
def write_atomically(out: str | os.PathLike) -> Iterator[Path]:
    """A temporary folder to write the outputs into. On success each entry in it replaces
    the entry of that name in `out` (one rename each); on any error or interruption the
    folder is removed and `out` is left as it was. Folders left by a killed run are
    removed first."""
    out = Path(out).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(PARTIAL_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    work = out / f"{PARTIAL_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
    work.mkdir()
    try:
        yield work
        _move_into_place(work, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


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
