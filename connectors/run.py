"""One import = one transaction: everything it writes lands together, or nothing does.

Imports exclude each other: the transaction holds the workspace's import lock (a PostgreSQL advisory
lock; on SQLite, the database's write lock taken up front), and an import that cannot get it fails at
once with :class:`ImportLocked`, writing nothing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, insert, text, update
from sqlalchemy.exc import OperationalError

from connectors.csvsource import ImportFileError
from connectors.report import ImportReport
from copilot.crm.models import ImportRun

RUNS = ImportRun.__table__
# PostgreSQL advisory lock key: (this constant, the import_runs table's oid), so workspaces in other
# schemas of the same database do not block each other.
LOCK_CLASS = 0x1A2B_3C4D
# SQLite: how long to wait for the write lock. Other commands hold it for milliseconds; an import
# holds it until it commits.
SQLITE_LOCK_WAIT_SECONDS = 2.0


class ImportLocked(ImportFileError):
    """Another import is running on the same workspace database; nothing was written."""


class _Rejected(Exception):
    """Raised inside the transaction to roll it back when rows were rejected and not allowed."""


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _busy(report: ImportReport) -> ImportLocked:
    return ImportLocked(f"{'; '.join(report.sources)}: not imported, another import is running on this workspace; "
                        "nothing was written. Try again when it has finished")


def _lock(conn: Connection, report: ImportReport) -> None:
    """Take the import lock for the transaction just begun on ``conn``, or raise :class:`ImportLocked`."""
    dialect = conn.dialect.name
    if dialect == "postgresql":
        got = conn.execute(text(f"SELECT pg_try_advisory_xact_lock({LOCK_CLASS}, "
                                f"('{RUNS.name}'::regclass)::oid::int4)")).scalar_one()
        if not got:
            raise _busy(report)
    elif dialect == "sqlite":
        # BEGIN IMMEDIATE takes the write lock now, instead of at the first write (where a second
        # import would fail later with "database is locked"). The driver begins no transaction by
        # itself before a statement that is not INSERT/UPDATE/DELETE, so this one is the transaction.
        before = conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one()
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {int(SQLITE_LOCK_WAIT_SECONDS * 1000)}")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except OperationalError as exc:
            if getattr(exc.orig, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY or "locked" in str(exc.orig):
                raise _busy(report) from None
            raise
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {int(before)}")


@contextmanager
def import_transaction(engine: Engine, report: ImportReport, *, allow_rejects: bool) -> Iterator[Connection]:
    """Open the import's transaction, holding the import lock, and record the run.

    When the body finishes with rejected rows and ``allow_rejects`` is false, everything is rolled
    back and ``report.committed`` stays false. Any exception (a bad file) also rolls back, and
    propagates. When another import holds the lock, :class:`ImportLocked` is raised before anything
    is written.
    """
    started = time.perf_counter()
    try:
        with engine.connect() as conn, conn.begin():
            _lock(conn, report)
            report.run_id = conn.execute(
                insert(RUNS).values(kind=report.kind, source="; ".join(report.sources), started_at=utcnow())
            ).inserted_primary_key[0]
            yield conn
            if report.rejected_total and not allow_rejects:
                raise _Rejected
            report.committed = True
            report.seconds = time.perf_counter() - started
            conn.execute(
                update(RUNS).where(RUNS.c.id == report.run_id).values(finished_at=utcnow(), report=report.to_dict())
            )
    except _Rejected:
        report.run_id = None
    except BaseException:
        report.committed = False
        report.run_id = None
        raise
    report.seconds = time.perf_counter() - started
