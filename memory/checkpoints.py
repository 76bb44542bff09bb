"""Opening the checkpointer and the store that match the workspace's database.

On SQLite the memory file is checked before it is used. A file that is not a readable SQLite database
(overwritten, truncated, "file is not a database", "database disk image is malformed") is moved aside as
``memory.sqlite3.damaged-<timestamp>`` and a new one is started: conversations and preferences start
afresh instead of every question failing. What happened is on the opened memory (``recovered``) and is
recorded in the new file, so each rep can be told once (``memory_notice``).
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from copilot.crm.files import set_aside
from copilot.settings import Settings

log = logging.getLogger(__name__)

MEMORY_FILE = "memory.sqlite3"
NOTICE = ("I could not read my memory of your earlier conversations (the memory file was damaged), so we are "
          "starting afresh: earlier conversations and the preferences you had set are no longer remembered.")
"""What a rep is told, once, after the memory was started afresh."""
NOTICE_DAYS = 30
"""For how long after a recovery a rep who has not been told yet is still told."""
_NAMESPACE = ("copilot_memory",)
_TOLD = ("copilot_memory", "told")
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26
"""SQLite files that belong to the database and move with it (``-shm`` is rebuilt and is removed)."""


@dataclass(frozen=True)
class MemoryRecovery:
    """A damaged memory file was moved aside and a new one started."""

    path: Path
    """The memory file (now a new, empty one)."""
    moved_to: Path
    """Where the damaged file is kept."""
    reason: str
    """Why it could not be read, as SQLite put it."""
    at: dt.datetime

    @property
    def message(self) -> str:
        return NOTICE


class Memory(tuple):  # noqa: SLOT001 - a tuple with one attribute
    """(checkpointer, store), which unpacks as before, plus ``recovered``: the ``MemoryRecovery`` when the memory
    file was damaged and started afresh while opening it, else None."""

    recovered: MemoryRecovery | None

    def __new__(cls, checkpointer: Any, store: Any, recovered: MemoryRecovery | None = None) -> Memory:
        self = super().__new__(cls, (checkpointer, store))
        self.recovered = recovered
        return self

    @property
    def checkpointer(self) -> Any:
        return self[0]

    @property
    def store(self) -> Any:
        return self[1]


def _set_up(saver: Any, store: Any) -> None:
    """Create or upgrade the memory tables. Processes starting together race on the same migrations: the loser
    of a race finds them done when it tries again."""
    import psycopg

    quiet = logging.getLogger("langgraph.store")  # it logs a lost race as an error, then raises it
    for attempt in range(10):
        level = quiet.level
        quiet.setLevel(logging.CRITICAL)
        try:
            saver.setup()
            store.setup()
            return
        except (psycopg.errors.UniqueViolation, psycopg.errors.DuplicateTable, psycopg.errors.DuplicateObject,
                psycopg.errors.InFailedSqlTransaction, psycopg.errors.DeadlockDetected, sqlite3.IntegrityError):
            if attempt == 9:
                raise
            time.sleep(0.05 * (attempt + 1))
        finally:
            quiet.setLevel(level)


def _psycopg_url(settings: Settings) -> str:
    """The memory's connection string: the same database, with the same deadlines as the CRM's engine."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(make_url(settings.effective_database_url).set(drivername="postgresql")
                              .render_as_string(hide_password=False))
    params["connect_timeout"] = str(max(1, round(settings.db_connect_timeout)))
    params["options"] = " ".join(filter(None, [str(params.get("options") or ""),
                                               f"-c statement_timeout={round(settings.db_statement_timeout * 1000)}"]))
    return make_conninfo(**params)


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """SQLITE_CORRUPT or SQLITE_NOTADB (not busy, locked, read-only or permission errors)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    return not isinstance(exc, sqlite3.OperationalError)


def sqlite_damage(path: Path) -> str | None:
    """Why the SQLite file at ``path`` is not a readable database, or None if it reads (or does not exist).

    Reads only (``PRAGMA quick_check`` on a read-only connection). A file another process is writing is not
    damaged: a busy or locked database reads as fine here.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        wal = path.with_name(path.name + "-wal")
        # SQLite writes the header as soon as a file is put in WAL mode: an empty file was truncated
        return None if wal.exists() and wal.stat().st_size > 0 else "the file is empty"
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if not _is_damage(exc):
            return None  # busy, locked, not permitted: a problem the normal open reports, not damage
        return str(exc) or type(exc).__name__
    if rows != [("ok",)]:
        first = str(rows[0][0]) if rows else "quick_check found problems"
        return f"database disk image is malformed ({first.splitlines()[-1][:200]})"
    return None


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Held while a memory file is checked-and-moved or created, across processes (POSIX)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no cross-process lock
        yield
        return
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _prepare_sqlite(path: Path) -> MemoryRecovery | None:
    """Check the memory file; move a damaged one aside. Also creates a missing file in WAL mode under the lock,
    so another process never sees it empty half-way."""
    reason = sqlite_damage(path)
    if reason is None and path.exists():
        return None
    with _file_lock(path.with_name(path.name + ".lock")):
        recovered = None
        reason = sqlite_damage(path)  # again, holding the lock: another process may have dealt with it
        if reason is not None:
            now = dt.datetime.now(dt.UTC)
            moved = set_aside(path, now)
            recovered = MemoryRecovery(path=path, moved_to=moved, reason=reason, at=now)
            log.warning("memory file %s could not be read (%s); moved it to %s and started a new one",
                        path, reason, moved.name)
        if not path.exists():
            with closing(sqlite3.connect(path, isolation_level=None)) as conn:
                conn.execute("PRAGMA journal_mode=WAL")
        return recovered


def memory_notice(store: Any, user: str, now: dt.datetime | None = None) -> str | None:
    """What to tell ``user`` because the memory was started afresh (a damaged file), the first time they are
    seen after it, within ``NOTICE_DAYS``; None otherwise (and always on PostgreSQL). Marks them as told."""
    item = store.get(_NAMESPACE, "recovered")
    if item is None:
        return None
    now = now or dt.datetime.now(dt.UTC)
    try:
        at = dt.datetime.fromisoformat(item.value["at"])
    except (KeyError, TypeError, ValueError):
        return None
    now, at = (t if t.tzinfo else t.replace(tzinfo=dt.UTC) for t in (now, at))  # a naive time is UTC
    if now - at > dt.timedelta(days=NOTICE_DAYS) or store.get(_TOLD, user) is not None:
        return None
    store.put(_TOLD, user, {"at": now.isoformat()})
    return NOTICE


@contextmanager
def open_memory(settings: Settings) -> Iterator[Memory]:
    """(checkpointer, store), set up and ready; closed on exit. The value also carries ``recovered``."""
    if not settings.is_sqlite:
        from langgraph.checkpoint.postgres import PostgresSaver
        from langgraph.store.postgres import PostgresStore

        url = _psycopg_url(settings)
        with PostgresSaver.from_conn_string(url) as saver, PostgresStore.from_conn_string(url) as store:
            _set_up(saver, store)
            yield Memory(saver, store)
        return
    from langgraph.checkpoint.sqlite import SqliteSaver
    from langgraph.store.sqlite import SqliteStore

    settings.ensure_home()
    path = settings.home / MEMORY_FILE
    recovered = _prepare_sqlite(path)
    # one connection each: the checkpointer and the store lock their own connection per operation, so turns of
    # different conversations run side by side; a writer waits for another's write instead of failing, for
    # db_busy_timeout as the CRM's connections do
    with ExitStack() as stack:
        saver_conn, store_conn = (stack.enter_context(closing(sqlite3.connect(
            str(path), check_same_thread=False, isolation_level=None, timeout=settings.db_busy_timeout)))
            for _ in range(2))
        saver_conn.execute("PRAGMA journal_mode=WAL")
        saver = SqliteSaver(saver_conn)
        store = SqliteStore(store_conn)
        _set_up(saver, store)
        if recovered is not None:
            store.put(_NAMESPACE, "recovered", {"at": recovered.at.isoformat(), "damaged_file": recovered.moved_to.name,
                                                "reason": recovered.reason[:200]})
        yield Memory(saver, store, recovered)
