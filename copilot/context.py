"""What every run carries: who is asking, their CRM, the deal archive and the clock.

Built once per run by the caller and passed to the graph as its runtime context; nothing here is a
module global, so tests pass a fixed clock and their own database.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from copilot.settings import Settings
from copilot.crm.identity import Identity
from copilot.crm.names import Names


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass
class CopilotContext:
    identity: Identity
    engine: Engine
    settings: Settings
    clock: Callable[[], dt.datetime] = utc_now
    """Naive UTC 'now' for this run."""
    retriever: Callable[[], Any] | None = None
    """Returns the talk-track store; called only when a question needs retrieval (loading the model is slow)."""
    thread_id: str = ""
    """The conversation this run belongs to (action requests are recorded against it)."""
    max_tool_calls: int = 6
    preferences: dict[str, Any] = field(default_factory=dict)
    """The rep's long-term preferences (tone, signature, language, cc manager), from the memory store."""
    started: float = field(default_factory=time.monotonic)
    """When the turn began (monotonic seconds): the model's time is counted from here."""
    model_failed: str | None = None
    """Why the language model is not used for the rest of this turn (the offline planner carries on)."""
    waiting: Callable[[], Any] | None = None
    """A context manager to hold while waiting on a remote model (the turn gives up its share of the CPU)."""
    _names: Names | None = field(default=None, repr=False)
    _store: Any = field(default=None, repr=False)

    @property
    def names(self) -> Names:
        if self._names is None:
            self._names = Names.load(self.engine)
        return self._names

    def budget_left(self) -> float:
        """Seconds left of the turn's budget for the language model."""
        return self.started + self.settings.turn_budget - time.monotonic()

    def talk_store(self) -> Any:
        if self._store is None:
            if self.retriever is None:
                from tools.talk_tracks.store import TalkTrackStore

                self._store = TalkTrackStore(self.settings)
            else:
                self._store = self.retriever()
        return self._store
