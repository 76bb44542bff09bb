"""Setting a damaged file aside: renamed to ``<name>.damaged-<timestamp>`` (never over an earlier one), with its
SQLite journal and WAL beside it, so the original is kept for a person to look at and a fresh one can start."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

SQLITE_SIDE_FILES = ("-wal", "-journal")


def set_aside(path: Path, now: dt.datetime | None = None) -> Path:
    """Rename ``path`` (a file or a directory) and its SQLite side files; the new name. An empty side file is
    removed rather than kept, and the shared-memory file (``-shm``) always is: it is rebuilt on open."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, target)
    for suffix in SQLITE_SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists() and side.stat().st_size == 0:
            side.unlink()
        elif side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    path.with_name(path.name + "-shm").unlink(missing_ok=True)
    return target
