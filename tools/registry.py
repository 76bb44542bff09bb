"""Every tool the agent may call. Each tool's module declares its ``TOOL``: the name, the description the
model reads, the argument model, the result model and how it runs; this list is the one registry.
Adding a tool means writing its module and naming it here."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from pydantic import BaseModel
from sqlalchemy import Engine

from copilot.crm.identity import Identity
from copilot.crm.names import Names

MODULES = ("tools.crm_query", "tools.profile", "tools.talk_tracks.search", "tools.email_draft", "tools.followup",
           "tools.my_day")


class ToolContext(Protocol):
    """What a tool may use of the run: the database, the caller (never taken from the arguments), names,
    the clock, settings, the talk-track store and the caller's saved preferences."""

    engine: Engine
    identity: Identity
    names: Names
    settings: Any
    preferences: dict[str, Any]

    def clock(self) -> dt.datetime: ...

    def talk_store(self) -> Any: ...


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    args: type[BaseModel]
    result: type[BaseModel]
    run: Callable[[ToolContext, dict[str, Any]], BaseModel]
    retrieval: bool = False
    doing: str = "looking it up"
    """What a status line says while the tool runs ("is querying the CRM...")."""


@lru_cache(maxsize=1)
def all_tools() -> tuple[Tool, ...]:
    return tuple(importlib.import_module(m).TOOL for m in MODULES)
