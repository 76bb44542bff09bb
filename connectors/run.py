"""One import = one transaction: everything it writes lands together, or nothing does."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, insert, update

from connectors.report import ImportReport
from copilot.crm.models import ImportRun

RUNS = ImportRun.__table__


class _Rejected(Exception):
    """Raised inside the transaction to roll it back when rows were rejected and not allowed."""


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@contextmanager
def import_transaction(engine: Engine, report: ImportReport, *, allow_rejects: bool) -> Iterator[Connection]:
    """Open the import's transaction and record the run.

    When the body finishes with rejected rows and ``allow_rejects`` is false, everything is rolled
    back and ``report.committed`` stays false. Any exception (a bad file) also rolls back, and
    propagates.
    """
    started = time.perf_counter()
    try:
        with engine.begin() as conn:
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
