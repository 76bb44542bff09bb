"""Asking the copilot: one call per turn, used by the CLI (and the Slack app).

It builds the run's context, compiles the graph with the workspace's checkpointer and store, and
returns the answer with the tool calls made, the records behind it, any pending review and the
versions of the prompt and model that produced it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage
from langgraph.errors import GraphRecursionError
from langgraph.types import Command
from sqlalchemy import Engine

from copilot.context import CopilotContext, utc_now
from copilot.graph import build_graph
from copilot.models import model_name, offline_model, openai_model
from copilot.settings import Settings
from memory import get_preferences, open_memory
from prompts import version as prompt_version
from tools.identity import identity_for

RECURSION_LIMIT = 25


@dataclass
class AskResult:
    answer: str
    tool_calls: list[dict[str, Any]]
    sources: list[str]
    pending_review: dict[str, Any] | None
    thread_id: str
    prompt_version: str
    model: str
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Copilot:
    """A compiled copilot over one workspace. Use as a context manager (it owns the memory files)."""

    def __init__(self, settings: Settings, engine: Engine, *, model_provider: Any = None,
                 clock: Callable[[], dt.datetime] = utc_now, retriever: Callable[[], Any] | None = None) -> None:
        self.settings = settings
        self.engine = engine
        self.clock = clock
        self.retriever = retriever
        self._stack = ExitStack()
        self.checkpointer, self.store = self._stack.enter_context(open_memory(settings))
        if model_provider is None:
            model_provider = openai_model(settings) if settings.use_openai else offline_model
            self.model = model_name(settings)
        else:
            self.model = getattr(model_provider, "__name__", "custom")
        fallback = offline_model if model_provider is not offline_model else None
        self.graph = build_graph(model_provider, fallback).compile(checkpointer=self.checkpointer, store=self.store)

    def __enter__(self) -> Copilot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stack.close()

    def context(self, user: str) -> CopilotContext:
        identity = identity_for(self.engine, user)
        prefs = get_preferences(self.store, identity.name)
        if prefs.get("cc_manager"):
            prefs["manager_email"] = _manager_email(self.engine, identity.user_id)
        return CopilotContext(identity=identity, engine=self.engine, settings=self.settings, clock=self.clock,
                              retriever=self.retriever, preferences=prefs)

    def ask(self, question: str, user: str, thread_id: str | None = None) -> AskResult:
        thread_id = thread_id or uuid.uuid4().hex
        ctx = self.context(user)
        config = {"configurable": {"thread_id": thread_id}, "recursion_limit": RECURSION_LIMIT}
        if len(question) > self.settings.max_question_chars:
            return self._result(f"That message is {len(question):,} characters long; I read at most "
                                f"{self.settings.max_question_chars:,}. Could you shorten it?", [], thread_id)
        if not question.strip():
            return self._result("Ask me about your deals, accounts or pipeline.", [], thread_id)
        before = self.graph.get_state(config).values.get("messages") or []
        state_in = {"messages": [HumanMessage(content=question)], "turn_start": len(before), "tool_calls": 0,
                    "sources": [], "notes": [], "review": None}
        return self._run(state_in, config, ctx, thread_id)

    def resume(self, thread_id: str, user: str, decision: dict[str, Any]) -> AskResult:
        config = {"configurable": {"thread_id": thread_id}, "recursion_limit": RECURSION_LIMIT}
        return self._run(Command(resume=decision), config, self.context(user), thread_id)

    def _run(self, state_in: Any, config: dict[str, Any], ctx: CopilotContext, thread_id: str) -> AskResult:
        try:
            self.graph.invoke(state_in, config, context=ctx)
        except GraphRecursionError:
            return self._result("I went round in circles on that one and stopped. Could you rephrase it, "
                                "or ask for one thing at a time?", [], thread_id)
        snapshot = self.graph.get_state(config)
        values = snapshot.values
        messages = values.get("messages") or []
        turn = messages[values.get("turn_start", 0):]
        calls = [{"name": c["name"], "args": c.get("args", {})} for m in turn if isinstance(m, AIMessage)
                 for c in (m.tool_calls or [])]
        pending = None
        if snapshot.interrupts:
            pending = snapshot.interrupts[0].value
        answer = next((str(m.content) for m in reversed(turn) if isinstance(m, AIMessage) and m.content), "")
        if pending and not answer:
            answer = f"This needs approval before it happens: {pending.get('summary', pending)}"
        return AskResult(answer, calls, list(values.get("sources") or []), pending, thread_id,
                         prompt_version("system.md.j2"), self.model, list(values.get("notes") or []))

    def _result(self, answer: str, calls: list[dict[str, Any]], thread_id: str) -> AskResult:
        return AskResult(answer, calls, [], None, thread_id, prompt_version("system.md.j2"), self.model)

    def history(self, thread_id: str) -> Iterator[Any]:
        yield from self.graph.get_state({"configurable": {"thread_id": thread_id}}).values.get("messages") or []


def _manager_email(engine: Engine, user_id: int) -> str | None:
    from sqlalchemy import select

    from copilot.crm.models import User

    manager = User.__table__.alias("manager")
    with engine.connect() as conn:
        return conn.execute(select(manager.c.email).select_from(User.__table__.join(
            manager, manager.c.id == User.__table__.c.manager_id)).where(User.__table__.c.id == user_id)).scalar()
