"""What every run carries: who is asking, their CRM, the deal archive, the clock and the variant.

Built once per run by the caller and passed to the graph as its runtime context; nothing here is a
module global, so tests pass a fixed clock and their own database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from sqlalchemy import Engine

from copilot.settings import Settings
from copilot.crm.identity import Identity
from copilot.crm.names import Names


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Variant:
    """How a run is configured where an evaluation may vary it; the defaults are what ships.

    An answer records the variant's ``name``, its ``hash`` and the prompt's version, so a result can be
    traced to what produced it."""

    name: str = "default"
    backend: Literal["offline", "openai"] | None = None
    """The model back-end; None: as the settings say (``COPILOT_LLM``)."""
    model: str | None = None
    """The model name at the OpenAI-compatible endpoint; None: ``COPILOT_MODEL``."""
    prompt: str = "system.md.j2"
    """The system prompt's file in ``prompts/``."""
    tools: tuple[str, ...] | None = None
    """The tools and actions the model is offered; None: every one."""
    retrieval_mode: Literal["hybrid", "vector", "lexical"] = "hybrid"
    """How the talk-track search ranks past deals."""
    retrieval_k: int | None = None
    """How many deals the talk-track search shows when the request does not say; None: the tool's default."""
    temperature: float = 0.0

    @property
    def prompt_version(self) -> str:
        from prompts import version

        return version(self.prompt)

    @property
    def hash(self) -> str:
        """What the variant does, as 12 hex digits: every setting but the name, and the prompt file's content."""
        settings = {k: v for k, v in asdict(self).items() if k != "name"}
        settings["tools"] = sorted(self.tools) if self.tools is not None else None
        settings["prompt_version"] = self.prompt_version
        return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:12]

    def offers(self, tool: str) -> bool:
        return self.tools is None or tool in self.tools


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
    variant: Variant = field(default_factory=Variant)
    """The prompt, tools and retrieval this run uses (an evaluation compares variants)."""
    _names: Names | None = field(default=None, repr=False)
    _store: Any = field(default=None, repr=False)

    @property
    def names(self) -> Names:
        if self._names is None:
            self._names = Names.load(self.engine)
        return self._names

    @property
    def retrieval_mode(self) -> str:
        return self.variant.retrieval_mode

    @property
    def retrieval_k(self) -> int | None:
        return self.variant.retrieval_k

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
