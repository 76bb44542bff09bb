"""Asking the copilot: one call per turn, used by the CLI (and the Slack app).

It builds the run's context, compiles the graph with the workspace's checkpointer and store, and
returns the answer with the tool calls made, the records behind it, any pending review and the
versions of the prompt and model that produced it.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterator
import threading
from contextlib import ExitStack, nullcontext
from dataclasses import asdict, dataclass, field
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage
from langgraph.errors import GraphRecursionError
from sqlalchemy import Engine

from copilot.context import CopilotContext, utc_now
from copilot.graph import build_graph
from copilot.models import model_name, offline_model, openai_model
from copilot.settings import Settings
from memory import get_preferences, open_memory
from prompts import version as prompt_version
from copilot.crm.errors import ScopeError, ToolInputError
from copilot.crm.identity import identity_for

RECURSION_LIMIT = 25
THREAD_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


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
    actions: list[dict[str, Any]] = field(default_factory=list)
    """What happened to each action asked for in this turn (done, waiting for approval, not done)."""
    pending_reviews: list[dict[str, Any]] = field(default_factory=list)
    """Every request of this turn that waits for an approver (``pending_review`` is the first)."""

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
        # SQLite memory is one connection shared by the checkpointer and the store: turns take it one at a time
        # (PostgreSQL memory serves them side by side)
        self._turns: Any = threading.RLock() if settings.is_sqlite else nullcontext()
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

    def context(self, user: str, thread_id: str = "") -> CopilotContext:
        identity = identity_for(self.engine, user)
        prefs = get_preferences(self.store, identity.name)
        if prefs.get("cc_manager"):
            prefs["manager_email"] = _manager_email(self.engine, identity.user_id)
        return CopilotContext(identity=identity, engine=self.engine, settings=self.settings, clock=self.clock,
                              retriever=self.retriever, preferences=prefs, thread_id=thread_id)

    def ask(self, question: str, user: str, thread_id: str | None = None) -> AskResult:
        with self._turns:
            return self._ask(question, user, thread_id)

    def _ask(self, question: str, user: str, thread_id: str | None = None) -> AskResult:
        from copilot.review.approvals import outcomes_to_tell, pending_in_thread

        thread_id = thread_id or uuid.uuid4().hex
        if not THREAD_ID.fullmatch(thread_id):
            raise ToolInputError("a thread id is 1 to 64 letters, digits, '.', '_', ':' or '-'")
        ctx = self.context(user, thread_id)
        config = {"configurable": {"thread_id": thread_id}, "recursion_limit": RECURSION_LIMIT}
        values = self.graph.get_state(config).values
        before = values.get("messages") or []
        if before and values.get("owner") != ctx.identity.user_id:
            raise ScopeError("that conversation belongs to another user; start a new one (leave out --thread)")
        if len(question) > self.settings.max_question_chars:
            return self._result(f"That message is {len(question):,} characters long; I read at most "
                                f"{self.settings.max_question_chars:,}. Could you shorten it?", [], thread_id)
        if not question.strip():
            return self._result("Ask me about your deals, accounts or pipeline.", [], thread_id)
        told = outcomes_to_tell(self.engine, ctx.identity.user_id, now=self.clock())
        waiting = pending_in_thread(self.engine, thread_id)
        state_in = {"messages": [HumanMessage(content=question)], "turn_start": len(before), "tool_calls": 0,
                    "sources": [], "notes": [], "owner": ctx.identity.user_id, "actions": [], "to_run": []}
        result = self._run(state_in, config, ctx, thread_id)
        if waiting:
            lines = "; ".join(f"{w['summary']} (request {w['id']})" for w in waiting)
            result.notes.append(f"Still waiting for approval in this conversation: {lines}.")
        if told:
            result.answer = "Update on your requests:\n" + "\n".join(f"- {t}" for t in told) + "\n\n" + result.answer
        return result

    def decide(self, request_id: str, user: str, decision: str, *, reason: str | None = None,
               expect_hash: str | None = None) -> dict[str, Any]:
        """``user`` (the authenticated caller) approves or rejects a request; an approved one is carried out.

        The outcome is also written into the requester's conversation, and they are told on their next turn.
        """
        from copilot.review.approvals import decide

        caller = identity_for(self.engine, user)
        with self._turns:
            outcome = decide(self.engine, self.settings, caller, request_id, decision, reason=reason,  # type: ignore[arg-type]
                             expect_hash=expect_hash, now=self.clock())
            self._tell_thread(request_id, outcome)
        return outcome

    def edit(self, request_id: str, user: str, changes: dict[str, str]) -> dict[str, Any]:
        """``user`` changes a pending request's arguments; the edited request waits for a decision."""
        from copilot.crm.names import Names
        from copilot.review.approvals import edit

        caller = identity_for(self.engine, user)
        with self._turns:
            request = edit(self.engine, self.settings, caller, request_id, changes, now=self.clock(),
                           names=Names.load(self.engine))
            self._tell_thread(request_id, {"message": f"{caller.name} edited the request; the edited version "
                                                  f"({request['id']}) waits for a decision: {request['summary']}."})
        return request

    def _tell_thread(self, request_id: str, outcome: dict[str, Any]) -> None:
        from copilot.review.approvals import thread_of

        thread = thread_of(self.engine, request_id)
        if not thread or not outcome.get("message"):
            return
        config = {"configurable": {"thread_id": thread}}
        if self.graph.get_state(config).values.get("messages"):
            self.graph.update_state(config, {"messages": [AIMessage(content=f"Update: {outcome['message']}")]},
                                    as_node="ground")

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
        answer = next((str(m.content) for m in reversed(turn) if isinstance(m, AIMessage) and m.content), "")
        actions = [{k: v for k, v in a.items() if k != "pending"} for a in values.get("actions") or []]
        pending = [a["pending"] for a in values.get("actions") or [] if a.get("pending")]
        if actions:  # written by code, not by the model: every action of the turn and what became of it
            answer = (answer.rstrip() + "\n\n" if answer.strip() else "") + "Actions this turn:\n" + "\n".join(
                f"- {a['outcome']}: {a.get('message') or a['summary']}"
                + (f" (request {a['request_id']})" if a.get("request_id") else "") for a in actions)
        return AskResult(answer, calls, list(values.get("sources") or []), pending[0] if pending else None, thread_id,
                         prompt_version("system.md.j2"), self.model, list(values.get("notes") or []), actions, pending)

    def _result(self, answer: str, calls: list[dict[str, Any]], thread_id: str) -> AskResult:
        return AskResult(answer, calls, [], None, thread_id, prompt_version("system.md.j2"), self.model)

    def history(self, thread_id: str, user: str) -> Iterator[Any]:
        """The messages of ``user``'s conversation ``thread_id`` (another user's conversation is refused)."""
        with self._turns:
            values = self.graph.get_state({"configurable": {"thread_id": thread_id}}).values
        if values.get("messages") and values.get("owner") != identity_for(self.engine, user).user_id:
            raise ScopeError("that conversation belongs to another user")
        yield from values.get("messages") or []


def _manager_email(engine: Engine, user_id: int) -> str | None:
    from sqlalchemy import select

    from copilot.crm.models import User

    manager = User.__table__.alias("manager")
    with engine.connect() as conn:
        return conn.execute(select(manager.c.email).select_from(User.__table__.join(
            manager, manager.c.id == User.__table__.c.manager_id)).where(User.__table__.c.id == user_id)).scalar()
