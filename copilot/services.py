"""The one place that builds the app's long-lived services, once per process: the database (schema
brought up to date), the memory (checkpointer and preferences store), the talk-track store (opened on
first use, then shared: loading the embedding model is slow) and the copilot with its model.

The command line and the Slack app both start here::

    with build_services() as app:
        app.copilot.ask("How many deals are in Prospecting?", "ops")
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from copilot.context import Variant
from copilot.runner import Copilot
from copilot.settings import Settings, get_settings
from copilot.workspace import open_database


@dataclass
class Services:
    settings: Settings
    engine: Engine
    copilot: Copilot
    _store: Any = field(default=None, repr=False)
    _store_factory: Callable[[], Any] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def talk_store(self) -> Any:
        """The talk-track store, opened the first time a question needs it and shared afterwards."""
        with self._lock:
            if self._store is None:
                if self._store_factory is not None:
                    self._store = self._store_factory()
                else:
                    from tools.talk_tracks.store import TalkTrackStore

                    self._store = TalkTrackStore(self.settings)
            return self._store


@contextmanager
def build_services(settings: Settings | None = None, *, engine: Engine | None = None,
                   clock: Callable[[], dt.datetime] | None = None, model_provider: Any = None,
                   talk_store: Callable[[], Any] | None = None, variant: Variant | None = None) -> Iterator[Services]:
    """Build every long-lived service once; close them when the block ends.

    ``talk_store`` replaces how the talk-track store is opened (the demo passes the one it has just
    indexed); ``engine`` an already open database (tests); ``variant`` the back-end, model, prompt, tools and
    retrieval the copilot uses (an evaluation builds one copilot per variant).
    """
    settings = settings or get_settings()
    own_engine = engine is None
    engine = engine if engine is not None else open_database(settings)
    holder: dict[str, Services] = {}

    def retriever() -> Any:
        return holder["services"].talk_store()

    extra: dict[str, Any] = {}
    if clock is not None:
        extra["clock"] = clock
    try:
        with Copilot(settings, engine, retriever=retriever, model_provider=model_provider, variant=variant,
                     **extra) as copilot:
            services = Services(settings, engine, copilot, _store_factory=talk_store)
            holder["services"] = services
            yield services
    finally:
        if own_engine:
            engine.dispose()
