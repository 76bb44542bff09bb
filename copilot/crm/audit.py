"""The append-only audit log: every review request, decision, refusal, execution and tier change.

Rows are only ever inserted (the database refuses UPDATE and DELETE on ``audit_log``). A row says
who (the authenticated user, never a name taken from a message), when, what, and on which request.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Engine, select

from copilot.crm.models import AuditEvent


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def record(conn: Connection, *, actor: str, actor_id: int | None, event: str, action_id: str | None = None,
           account_id: int | None = None, detail: dict[str, Any] | None = None, at: dt.datetime | None = None) -> None:
    """Append one event, in the caller's transaction (so it commits or rolls back with the change it records)."""
    conn.execute(AuditEvent.__table__.insert().values(at=at or utc_now(), actor=actor[:200], actor_id=actor_id,
                                                      event=event[:40], action_id=action_id, account_id=account_id,
                                                      detail=detail))


def record_now(engine: Engine, **event: Any) -> None:
    """Append one event in its own transaction (for refusals: nothing else is written, but the attempt is kept)."""
    with engine.begin() as conn:
        record(conn, **event)


def events(engine: Engine, *, action_id: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """The latest events, oldest first (all of them for one request when ``action_id`` is given)."""
    table = AuditEvent.__table__
    query = select(table).order_by(table.c.id.desc()).limit(limit)
    if action_id is not None:
        query = query.where(table.c.action_id == action_id)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    return rows[::-1]
