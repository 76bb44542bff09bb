"""Opening the checkpointer and the store that match the workspace's database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from typing import Any

from sqlalchemy.engine import make_url

from copilot.settings import Settings


def _psycopg_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def open_memory(settings: Settings) -> Iterator[tuple[Any, Any]]:
    """(checkpointer, store), set up and ready; closed on exit."""
    if not settings.is_sqlite:
        from langgraph.checkpoint.postgres import PostgresSaver
        from langgraph.store.postgres import PostgresStore

        url = _psycopg_url(settings.effective_database_url)
        with PostgresSaver.from_conn_string(url) as saver, PostgresStore.from_conn_string(url) as store:
            saver.setup()
            store.setup()
            yield saver, store
        return
    from langgraph.checkpoint.sqlite import SqliteSaver
    from langgraph.store.sqlite import SqliteStore

    settings.ensure_home()
    path = str(settings.home / "memory.sqlite3")
    # one connection each: the checkpointer and the store lock their own connection per operation, so turns of
    # different conversations run side by side; a writer waits for another's write instead of failing
    with ExitStack() as stack:
        saver_conn, store_conn = (stack.enter_context(closing(sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=30))) for _ in range(2))
        saver_conn.execute("PRAGMA journal_mode=WAL")
        saver = SqliteSaver(saver_conn)
        saver.setup()
        store = SqliteStore(store_conn)
        store.setup()
        yield saver, store
