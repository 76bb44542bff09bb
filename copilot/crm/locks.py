"""One turn at a time per conversation, across threads and processes: a lease row in the database.

A turn inserts its row (or takes over one whose lease expired, or whose holder was a process of this machine that
is gone: its holder died, killed or restarted mid-turn), waits for it up to a deadline
while another turn holds it, and deletes it when done. It works the same on SQLite and PostgreSQL and holds no
connection while the turn runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from copilot.crm.models import ConversationLock


def _machine() -> tuple[str, bool]:
    """This process's machine as a holder names it: the host name, and (where Linux tells them) a digest of the boot
    and the process-id namespace, so that two containers or hosts of one name are never taken for one; and whether
    process ids of holders so named can be checked here."""
    name = socket.gethostname().replace(":", "")[:40]
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        space = os.readlink("/proc/self/ns/pid")
    except OSError:
        return name, False
    return f"{name}~{hashlib.sha256(f'{boot} {space}'.encode()).hexdigest()[:12]}", True


MACHINE, CHECKABLE = _machine()
HOST = f"{MACHINE}:{os.getpid()}"


def _gone(holder: str) -> bool:
    """Whether ``holder`` ("machine:pid:turn") was a process of this machine (and process-id namespace) that is no
    longer running."""
    machine, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if not CHECKABLE or machine != MACHINE or not pid.isdigit() or int(pid) == os.getpid():
        return False
    return not psutil.pid_exists(int(pid))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _try(engine: Engine, key: str, holder: str, lease: float) -> bool:
    table = ConversationLock.__table__
    now = _now()
    until = now + dt.timedelta(seconds=lease)
    insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
    with engine.begin() as conn:
        if conn.execute(insert(table).values(id=key, holder=holder, expires_at=until)
                        .on_conflict_do_nothing(index_elements=["id"]).returning(table.c.id)).first() is not None:
            return True
        # a lease past its time belongs to a turn that died: take it over
        if conn.execute(update(table).where(table.c.id == key, table.c.expires_at < now)
                        .values(holder=holder, expires_at=until)).rowcount == 1:
            return True
        # so does one held by a process of this machine that is gone, whatever its lease says
        current = conn.execute(select(table.c.holder).where(table.c.id == key)).scalar()
        return current is not None and _gone(current) and conn.execute(
            update(table).where(table.c.id == key, table.c.holder == current)
            .values(holder=holder, expires_at=until)).rowcount == 1


@contextmanager
def conversation_lock(engine: Engine, key: str, *, wait: float, lease: float) -> Iterator[bool]:
    """Hold conversation ``key`` for the block; yields False if another turn still held it after ``wait`` seconds.
    ``lease``: how long the hold lasts at most if this process dies holding it."""
    holder = f"{HOST}:{uuid.uuid4().hex[:12]}"
    deadline = time.monotonic() + wait
    pause = 0.02
    held = _try(engine, key, holder, lease)
    while not held and time.monotonic() < deadline:
        time.sleep(min(pause, max(deadline - time.monotonic(), 0)))
        pause = min(pause * 1.5, 0.25)
        held = _try(engine, key, holder, lease)
    try:
        yield held
    finally:
        if held:
            table = ConversationLock.__table__
            with engine.begin() as conn:
                conn.execute(delete(table).where(table.c.id == key, table.c.holder == holder))
