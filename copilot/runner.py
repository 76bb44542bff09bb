"""Asking the copilot: one call per turn, used by the CLI (and the Slack app).

It builds the run's context, compiles the graph with the workspace's checkpointer and store, and
returns the answer with the tool calls made, the records behind it, any pending review and the
variant, prompt version and model that produced it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import asdict, dataclass, field
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage, ToolMessage
from langgraph.errors import GraphRecursionError
from sqlalchemy import Engine

from copilot.context import CopilotContext, Variant, utc_now
from copilot.graph import build_graph
from copilot.state import draft_id, draft_version
from copilot.models import model_name, offline_model, openai_model
from copilot.settings import Settings
from copilot.toolbox import doing, run_tool
from memory import get_preferences, memory_notice, open_memory
from prompts import version as prompt_version
from copilot.crm.errors import ScopeError, ToolInputError
from copilot.crm.identity import identity_for
from copilot.crm.locks import conversation_lock
from copilot.crm.values import body_problem

log = logging.getLogger("copilot")
RECURSION_LIMIT = 25
BUSY = ("This conversation is still answering an earlier question, so I have not read this one yet. Ask it again "
        "in a moment, or start a new conversation.")
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
    drafts: list[dict[str, Any]] = field(default_factory=list)
    """The e-mail drafts written in this turn, each kept under its ``draft_id`` for its owner."""
    briefs: list[dict[str, Any]] = field(default_factory=list)
    """The account profiles read in this turn (a surface may show each as a card)."""
    variant: str = "default"
    """The name of the variant that answered (``copilot.context.Variant``)."""
    variant_hash: str = ""
    """What that variant does, as a hash of its settings and prompt (two names for one setup share it)."""
    usage: dict[str, int] = field(default_factory=dict)
    """Tokens the language model reported for this turn (``input``, ``output``, ``total``); empty offline."""
    tool_results: list[dict[str, Any]] = field(default_factory=list)
    """Every tool result of this turn, in order: ``{"name", "result"}`` (an evaluation checks what was shown)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Copilot:
    """A compiled copilot over one workspace. Use as a context manager (it owns the memory files)."""

    def __init__(self, settings: Settings, engine: Engine, *, model_provider: Any = None,
                 clock: Callable[[], dt.datetime] = utc_now, retriever: Callable[[], Any] | None = None,
                 variant: Variant | None = None) -> None:
        """``variant``: the back-end, model, prompt, tools and retrieval to use (default: what ships, with the
        back-end and model the settings name)."""
        self.settings = settings
        self.variant = variant or Variant()
        self.engine = engine
        self.clock = clock
        self.retriever = retriever
        self._stack = ExitStack()
        memory = self._stack.enter_context(open_memory(settings))
        self.checkpointer, self.store = memory
        self.memory_recovery = memory.recovered
        """Set when the memory file was damaged and replaced on open (reps are told once)."""
        # turns of one conversation run one at a time (each reads the state the one before wrote); different
        # conversations run side by side
        self._threads = _Locks()
        # turns compute side by side a few at a time (more would only queue for the interpreter and slow everything
        # else the process does, such as acknowledging Slack within 3 s); a turn waiting on a remote model gives its
        # place to another
        self._cpu = threading.BoundedSemaphore(max(2, 2 * (os.cpu_count() or 1)))
        if model_provider is None:
            remote = settings.use_openai if self.variant.backend is None else self.variant.backend == "openai"
            model_provider = openai_model(settings, model=self.variant.model, temperature=self.variant.temperature) \
                if remote else offline_model
            self.model = model_name(settings, openai=remote, model=self.variant.model)
        else:
            self.model = getattr(model_provider, "__name__", "custom")
        fallback = offline_model if model_provider is not offline_model else None
        self.graph = build_graph(model_provider, fallback).compile(checkpointer=self.checkpointer, store=self.store)
        self._remote = model_provider is not offline_model

    def __enter__(self) -> Copilot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stack.close()

    def context(self, user: str, thread_id: str = "") -> CopilotContext:
        identity = identity_for(self.engine, user, default_timezone=self.settings.timezone)
        prefs = get_preferences(self.store, identity.name)
        if prefs.get("cc_manager"):
            prefs["manager_email"] = _manager_email(self.engine, identity.user_id)
        return CopilotContext(identity=identity, engine=self.engine, settings=self.settings, clock=self.clock,
                              retriever=self.retriever, preferences=prefs, thread_id=thread_id,
                              waiting=self._waiting if self._remote else None, variant=self.variant)

    @contextmanager
    def _waiting(self) -> Iterator[None]:
        """Around a remote model call made inside a turn: its place goes to another turn meanwhile."""
        self._cpu.release()
        try:
            yield
        finally:
            self._cpu.acquire()

    def ask(self, question: str, user: str, thread_id: str | None = None, *,
            on_status: Callable[[str], None] | None = None, private: bool = True) -> AskResult:
        """One turn. ``on_status`` hears what is running ("is querying the CRM...") before each lookup. Where others
        read the answer (``private`` False: a channel), only the outcomes of requests made in this conversation are
        told in it; the rest wait for a private one."""
        thread_id = thread_id or uuid.uuid4().hex
        if not THREAD_ID.fullmatch(thread_id):
            raise ToolInputError("a thread id is 1 to 64 letters, digits, '.', '_', ':' or '-'")
        # one turn at a time per conversation, in this process and across processes; never dropped, and a question
        # that cannot get the conversation in time is told so
        wait_until = time.monotonic() + self.settings.turn_wait
        with self._threads.hold(thread_id, timeout=self.settings.turn_wait) as here:
            left = max(wait_until - time.monotonic(), 0)
            with conversation_lock(self.engine, thread_id, wait=left, lease=self.settings.turn_budget + 300) \
                    if here else nullcontext(False) as held:
                if not held:
                    return self._result(BUSY, [], thread_id)
                with self._cpu:
                    return self._ask(question, user, thread_id, on_status, private)

    def _ask(self, question: str, user: str, thread_id: str, on_status: Callable[[str], None] | None,
             private: bool = True) -> AskResult:
        from copilot.review.approvals import outcomes_to_tell, pending_in_thread

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
        told = outcomes_to_tell(self.engine, ctx.identity.user_id, now=self.clock(),
                                thread_id=None if private else thread_id)
        waiting = pending_in_thread(self.engine, thread_id)
        state_in = {"messages": [HumanMessage(content=question)], "turn_start": len(before), "tool_calls": 0,
                    "sources": [], "notes": [], "owner": ctx.identity.user_id, "actions": [], "to_run": []}
        result = self._run(state_in, config, ctx, thread_id, on_status)
        notice = memory_notice(self.store, ctx.identity.name)  # once per person, after a damaged memory was replaced
        if notice:
            result.answer = f"{notice}\n\n{result.answer}"
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
        # the decision is its own transaction, safe beside a turn; only the note in the conversation waits for it
        outcome = decide(self.engine, self.settings, caller, request_id, decision, reason=reason,  # type: ignore[arg-type]
                         expect_hash=expect_hash, now=self.clock())
        self._tell_thread(request_id, outcome)
        return outcome

    def edit(self, request_id: str, user: str, changes: dict[str, str]) -> dict[str, Any]:
        """``user`` changes a pending request's arguments; the edited request waits for a decision."""
        from copilot.crm.names import Names
        from copilot.review.approvals import edit

        caller = identity_for(self.engine, user)
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
        # written between the conversation's turns; if a turn holds it for long, the rep is told on their next
        # turn instead (``outcomes_to_tell``), and a decision never waits for a conversation
        if not self._write_to_thread(thread, [AIMessage(content=f"Update: {outcome['message']}")], wait=2.0):
            log.info("conversation busy: the outcome of %s is told on the next turn", request_id)

    def _write_to_thread(self, thread: str, messages: list[Any], *, wait: float) -> bool:
        """Add ``messages`` to an existing conversation between its turns, waiting at most ``wait`` seconds for it;
        False when a turn held it that long (nothing written)."""
        config = {"configurable": {"thread_id": thread}}
        with self._threads.hold(thread, timeout=wait) as here, \
                (conversation_lock(self.engine, thread, wait=wait, lease=60) if here else nullcontext(False)) as held:
            if not held:
                return False
            if self.graph.get_state(config).values.get("messages"):
                self.graph.update_state(config, {"messages": messages}, as_node="ground")
            return True

    def _run(self, state_in: Any, config: dict[str, Any], ctx: CopilotContext, thread_id: str,
             on_status: Callable[[str], None] | None = None) -> AskResult:
        try:
            for update in self.graph.stream(state_in, config, context=ctx, stream_mode="updates"):
                calls = [c for m in ((update.get("agent") or {}).get("messages") or [])
                         for c in (getattr(m, "tool_calls", None) or [])]
                if calls and on_status is not None:
                    try:
                        on_status(doing(calls))
                    except Exception:  # noqa: BLE001 - a status line that fails never stops the answer
                        log.warning("the status callback failed", exc_info=True)
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
        asked = {c.get("id"): c.get("args") or {} for m in turn if isinstance(m, AIMessage) for c in (m.tool_calls or [])}
        drafts = [self._keep_draft(ctx, thread_id, m, asked.get(m.tool_call_id) or {}) for m in turn
                  if isinstance(m, ToolMessage) and m.name == "draft_email"]
        said = " ".join(answer.split())
        for draft in drafts:  # "send it" sends a draft as written, so the rep reads it as written, whatever a model says
            if draft is not None and draft.get("text") and " ".join(str(draft["body"]).split()) not in said:
                answer = answer.rstrip() + "\n\n" + str(draft["text"])
        return AskResult(answer, calls, list(values.get("sources") or []), pending[0] if pending else None, thread_id,
                         prompt_version(self.variant.prompt), self.model, list(values.get("notes") or []), actions,
                         pending, [d for d in drafts if d is not None], _results(turn, "customer_profile"),
                         self.variant.name, self.variant.hash, _usage(turn), _all_results(turn))

    # -- drafts and actions a person starts themselves (a button in Slack) --------------------------------------

    def _keep_draft(self, ctx: CopilotContext, thread_id: str, message: ToolMessage, args: dict[str, Any]
                    ) -> dict[str, Any] | None:
        try:
            draft = json.loads(str(message.content))
        except json.JSONDecodeError:
            return None
        if not isinstance(draft, dict) or draft.get("error") or not draft.get("body"):
            return None
        return self.save_draft(ctx.identity.user_id, {**draft, "draft_id": draft_id(thread_id, message.tool_call_id),
                                                      "thread_id": thread_id, "asked": args})

    def save_draft(self, owner_id: int, draft: dict[str, Any]) -> dict[str, Any]:
        """Keep a draft (a new one, or an edited or regenerated version under the same id) for its owner."""
        self.store.put(("drafts", str(owner_id)), draft["draft_id"], draft)
        return draft

    @contextmanager
    def _draft_held(self, owner_id: int, draft_id: str) -> Iterator[None]:
        """One change at a time to a draft (a Send, an Edit, a Regenerate), across threads and processes."""
        with conversation_lock(self.engine, f"draft:{owner_id}:{draft_id}"[:64], wait=15.0, lease=60) as held:
            if not held:
                raise ToolInputError("the draft is being changed right now; try again in a moment")
            yield

    def claim_draft(self, draft_id: str, user: str, closed: str, version: str) -> tuple[str, dict[str, Any]]:
        """Close ``user``'s draft ``draft_id`` for sending, in one step no Edit or Regenerate can come between: only
        while it is open and is still the ``version`` the clicked card showed (:func:`copilot.state.draft_version`).
        ("claimed", the draft as it stands, to send), ("closed", the draft) or ("changed", the draft kept now)."""
        identity = identity_for(self.engine, user)
        with self._draft_held(identity.user_id, draft_id):
            draft = self.draft(draft_id, user)
            if draft.get("closed"):
                return "closed", draft
            if draft_version(draft) != version:
                return "changed", draft
            self.save_draft(identity.user_id, {**draft, "closed": closed})
        return "claimed", draft

    def change_draft(self, owner_id: int, draft: dict[str, Any], how: str) -> dict[str, Any]:
        """Keep a draft the rep ``how`` ("edited", "regenerated") outside the conversation, and put that version in
        its conversation as the latest draft: "send it" there sends what the rep last saw, not the version before.
        A draft closed meanwhile (sent, or sending), or one whose body no e-mail can carry (too long, or holding what
        an e-mail cannot carry: :func:`copilot.crm.values.body_problem`), is not changed: ToolInputError, and the
        version before stays."""
        problem = body_problem(str(draft.get("body") or ""))
        if problem:
            raise ToolInputError(f"Nothing changed: {problem}")
        with self._draft_held(owner_id, draft["draft_id"]):
            kept = self.store.get(("drafts", str(owner_id)), str(draft["draft_id"])[:40])
            if kept is not None and kept.value.get("closed"):
                raise ToolInputError(f"Nothing changed: {kept.value['closed']}")
            kept = self.save_draft(owner_id, {k: v for k, v in draft.items() if k != "closed"})
        thread = str(draft.get("thread_id") or "")
        if not thread:
            return kept
        call_id = "card_" + uuid.uuid4().hex[:16]
        content = {k: v for k, v in draft.items() if k not in ("asked", "draft_id", "thread_id", "closed", "text")}
        if not self._write_to_thread(thread, [
                AIMessage(content="", tool_calls=[{"name": "draft_email", "id": call_id, "args": {}}]),
                ToolMessage(content=json.dumps(content, default=str), tool_call_id=call_id, name="draft_email"),
                AIMessage(content=f"Update: the draft '{draft.get('subject', '')}' was {how} on its card; that version "
                                  "is the one to send.")], wait=10.0):
            # the conversation is busy: "send it" there is refused, the version kept here being the one the rep read
            log.info("conversation busy: the %s draft is not in it", how)
        return kept

    def draft(self, draft_id: str, user: str) -> dict[str, Any]:
        """``user``'s draft ``draft_id``; another person's draft is not found."""
        identity = identity_for(self.engine, user)
        item = self.store.get(("drafts", str(identity.user_id)), str(draft_id)[:40])
        if item is None:
            raise ToolInputError("that draft is no longer available; ask for a new one")
        return dict(item.value)

    def run_tool(self, user: str, name: str, args: dict[str, Any], thread_id: str = "") -> dict[str, Any]:
        """Run one read tool as ``user`` (their scope, as in a turn); its result, or ``{"error": ...}``."""
        return json.loads(run_tool(self.context(user, thread_id), name, args))

    def act(self, user: str, tool: str, args: dict[str, Any], *, thread_id: str, request_key: str,
            facts: dict[str, Any] | None = None) -> dict[str, Any]:
        """``user`` (the authenticated caller) asks for an action themselves, e.g. with a button.

        The same rules as an action the model asks for: arguments checked, the caller's scope, the review
        policy; one that needs review waits for an approver (``status`` "pending_review" with the
        ``request``), one that does not is carried out at once, and the same action asked twice in a
        conversation is done once. ``request_key`` names where it came from (a card's draft).
        """
        from copilot.actions import perform, prepare, store

        ctx = self.context(user, thread_id)
        request = prepare(self.engine, self.settings, ctx.identity, ctx.names, tool, args, thread_id=thread_id,
                          call_id=f"button:{request_key}", now=self.clock())
        request["facts"].update(facts or {})
        stored, earlier = store(self.engine, request, now=self.clock())
        if earlier is not None:
            return {"status": "already_" + earlier, "request_id": stored["id"], "summary": request["summary"],
                    "message": f"Already {'requested' if earlier == 'pending' else earlier.replace('_', ' ')}: "
                               f"{request['summary']}; not repeated."}
        if request["needs_review"]:
            who = " or ".join(request["approvers"])
            outcome = {"status": "pending_review", "request_id": stored["id"], "summary": request["summary"],
                       "request": request, "message": f"Waiting for approval by {who}: {request['summary']} "
                                                      f"({'; '.join(request['reasons'])})."}
        else:
            outcome = {**perform(self.engine, self.settings, stored["id"], now=self.clock(), names=ctx.names),
                       "request_id": stored["id"], "summary": request["summary"]}
            outcome.setdefault("message", f"Done: {request['summary']}.")
        self._tell_thread(stored["id"], {"message": outcome["message"]})
        return outcome

    def _result(self, answer: str, calls: list[dict[str, Any]], thread_id: str) -> AskResult:
        return AskResult(answer, calls, [], None, thread_id, prompt_version(self.variant.prompt), self.model,
                         variant=self.variant.name, variant_hash=self.variant.hash)

    def history(self, thread_id: str, user: str) -> Iterator[Any]:
        """The messages of ``user``'s conversation ``thread_id`` (another user's conversation is refused)."""
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


def _usage(turn: list[Any]) -> dict[str, int]:
    """The tokens the model reported over a turn's answers (none from the offline planner)."""
    reported = [m.usage_metadata for m in turn if isinstance(m, AIMessage) and m.usage_metadata]
    if not reported:
        return {}
    used = {key: sum(int(u.get(f"{key}_tokens") or 0) for u in reported) for key in ("input", "output", "total")}
    used["total"] = used["total"] or used["input"] + used["output"]
    return used


def _all_results(turn: list[Any]) -> list[dict[str, Any]]:
    """Every tool result of a turn, in order, as ``{"name", "result"}``."""
    out = []
    for m in turn:
        if isinstance(m, ToolMessage):
            try:
                result = json.loads(str(m.content))
            except json.JSONDecodeError:
                result = {"error": "the result could not be read"}
            out.append({"name": m.name, "result": result})
    return out


def _results(turn: list[Any], tool: str) -> list[dict[str, Any]]:
    """The successful results of ``tool`` in a turn."""
    return [r["result"] for r in _all_results(turn)
            if r["name"] == tool and isinstance(r["result"], dict) and not r["result"].get("error")]


class _Locks:
    """One lock per conversation, created on first use and dropped when no turn holds or waits for it."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, tuple[threading.Lock, int]] = {}

    @contextmanager
    def hold(self, key: str, timeout: float | None = None) -> Iterator[bool]:
        """Hold ``key``'s lock for the block; with ``timeout``, yields False (not held) if it did not come in time."""
        with self._guard:
            lock, users = self._locks.get(key) or (threading.Lock(), 0)
            self._locks[key] = (lock, users + 1)
        try:
            held = lock.acquire(timeout=-1 if timeout is None else timeout)
            try:
                yield held
            finally:
                if held:
                    lock.release()
        finally:
            with self._guard:
                lock, users = self._locks[key]
                if users <= 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)
