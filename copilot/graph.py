"""The copilot's LangGraph graph, built by a factory and compiled by the caller.

    question -> agent --tool calls--> tools --actions the policy lets through--> execute --> agent
                 ^  \\                   |
                 |   \\--answer--> ground --> END
                 +----------------------+

The agent is a chat model bound to the tools; ``tools`` runs read-only tools in code with the
caller's scope and turns each action call into a stored request (``copilot.actions``): one the rep did
not ask for in their own words is not done, one the policy sends to review waits in the database for
an approver, one the policy lets through goes to ``execute``, which carries it out once (it is safe to
run twice). ``ground`` checks that every figure comes from this turn's tool results before the answer
leaves. Tool results reach the model only as labelled data blocks (``copilot.untrusted``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, SystemMessage, ToolMessage
from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime

from copilot.context import CopilotContext
from copilot.crm.audit import record_now
from copilot.crm.errors import ToolError
from copilot.grounding import drop_figures, ungrounded
from copilot.models import call_model, failure_note
from copilot.state import CopilotState, draft_id, latest_result
from copilot.toolbox import run_tool, schemas
from copilot.untrusted import data_block
from prompts import render

log = logging.getLogger("copilot")

ModelProvider = Callable[[CopilotContext], BaseChatModel]
"""Returns the chat model for a run (offline planner, or an OpenAI-compatible model)."""


def model_view(messages: list[AnyMessage], turn_start: int) -> list[AnyMessage]:
    """The conversation as a model sees it: every tool result inside a labelled data block, and so is every
    answer of an earlier turn (an answer may quote a note or an e-mail, which must not come back as the
    assistant's own words)."""
    out: list[AnyMessage] = []
    for i, m in enumerate(messages):
        if isinstance(m, ToolMessage):
            out.append(ToolMessage(content=data_block(f"{m.name or 'tool'} result", str(m.content)),
                                   tool_call_id=m.tool_call_id, name=m.name, id=m.id))
        elif isinstance(m, AIMessage) and i < turn_start and m.content and not m.tool_calls:
            out.append(AIMessage(content=data_block("an earlier answer (it may quote outside text)", str(m.content)),
                                 id=m.id, additional_kwargs=m.additional_kwargs))
        else:
            out.append(m)
    return out


def build_graph(model_provider: ModelProvider, fallback: ModelProvider | None = None) -> StateGraph:
    """The uncompiled graph; compile it with your checkpointer and store.

    When the model fails (an unreachable endpoint, a timeout after retries), ``fallback`` answers
    that turn instead and the answer says so.
    """

    def agent(state: CopilotState, runtime: Runtime[CopilotContext]) -> dict[str, Any]:
        ctx = runtime.context
        if state.get("tool_calls", 0) >= ctx.max_tool_calls:
            return {"messages": [AIMessage(content="I stopped here: answering this needed more lookups than I "
                                                   "allow in one turn. Could you ask for one thing at a time?")]}
        preferences = data_block("the user's saved preferences", json.dumps(ctx.preferences)) if ctx.preferences \
            else ""
        system = SystemMessage(content=render(ctx.variant.prompt, user=ctx.identity.name, role=ctx.identity.role,
                                              scope=ctx.identity.describe(), today=ctx.clock().date().isoformat(),
                                              preferences=preferences).text)
        messages = [system, *model_view(state["messages"], state.get("turn_start", 0))]
        offered = _offered(ctx)
        if ctx.model_failed is not None and fallback is not None:  # failed earlier in this turn: no second wait
            return {"messages": [fallback(ctx).bind_tools(offered).invoke(messages)]}
        try:
            with ctx.waiting() if ctx.waiting is not None else nullcontext():
                response = call_model(model_provider, ctx, offered, messages)
        except Exception as exc:  # noqa: BLE001 - any model failure falls back for this turn
            if fallback is None:
                raise
            note = failure_note(exc)
            ctx.model_failed = note
            log.info("language model failed (%s); the offline planner answers this turn", type(exc).__name__)
            response = fallback(ctx).bind_tools(offered).invoke(messages)
            notes = list(state.get("notes") or [])
            return {"messages": [response], "notes": notes if note in notes else [*notes, note]}
        return {"messages": [response]}

    def tools(state: CopilotState, runtime: Runtime[CopilotContext]) -> dict[str, Any]:
        from copilot.actions import ACTIONS

        ctx = runtime.context
        thread_id = ctx.thread_id
        messages = state["messages"]
        call_msg = messages[-1]
        own = [str(m.content) for m in messages if isinstance(m, HumanMessage)]
        current = own[-1] if own else ""
        # outside text has reached the model once any tool result is in the conversation
        tainted = any(isinstance(m, ToolMessage) for m in messages) or bool(ctx.preferences)
        out: list[ToolMessage] = []
        sources = list(state.get("sources") or [])
        actions = list(state.get("actions") or [])
        to_run = list(state.get("to_run") or [])
        for call in getattr(call_msg, "tool_calls", []) or []:
            args = call.get("args") or {}
            if not ctx.variant.offers(call["name"]):  # a model may name a tool it was not offered
                content = json.dumps({"error": f"the tool {call['name']!r} is not available in this setup",
                                      "type": "ToolInputError"})
            elif call["name"] in ACTIONS:
                # the draft the rep read is one shown in an earlier turn: one written in this turn, whatever it says,
                # has not been read by anyone yet
                start = state.get("turn_start", 0)
                content = _action_call(ctx, call, args, thread_id, tainted, current, own, actions, to_run,
                                       _read_draft(messages[:start], thread_id, runtime.store, ctx.identity.user_id),
                                       start, fresh=_last_draft(messages[start:]))
                if content is None:
                    continue  # answered by the execute node
            else:
                content = run_tool(ctx, call["name"], args)
                try:
                    sources.extend(str(i) for i in (json.loads(content).get("record_ids") or [])[:20])
                except (AttributeError, json.JSONDecodeError):
                    pass
            out.append(ToolMessage(content=content, tool_call_id=call["id"], name=call["name"]))
        return {"messages": out, "tool_calls": state.get("tool_calls", 0) + len(getattr(call_msg, "tool_calls", [])),
                "sources": list(dict.fromkeys(sources)), "actions": actions, "to_run": to_run}

    def execute(state: CopilotState, runtime: Runtime[CopilotContext]) -> dict[str, Any]:
        from copilot.actions import perform

        ctx = runtime.context
        out: list[ToolMessage] = []
        sources = list(state.get("sources") or [])
        actions = list(state.get("actions") or [])
        for entry in actions:
            if not entry.get("run") or entry.get("request_id") not in (state.get("to_run") or []):
                continue
            entry.pop("run")
            result = perform(ctx.engine, ctx.settings, entry["request_id"], now=ctx.clock(), names=ctx.names)
            entry.update(outcome=_outcome(result), message=result.get("message") or entry.get("message"))
            sources.extend(str(i) for i in result.get("record_ids") or [])
            out.append(ToolMessage(content=json.dumps({**result, "summary": entry["summary"]}, default=str),
                                   tool_call_id=entry["tool_call_id"], name=entry["tool"]))
        return {"messages": out, "to_run": [], "actions": actions, "sources": list(dict.fromkeys(sources))}

    def _as_written(turn: list[Any]) -> list[str]:
        """What the turn's tools wrote to be shown word for word: a draft as the draft tool wrote it (what "send it"
        sends), and an action's message as the code that asked for review or carried it out wrote it."""
        out = []
        for m in turn:
            if not isinstance(m, ToolMessage):
                continue
            try:
                result = json.loads(str(m.content))
            except json.JSONDecodeError:
                continue
            if not isinstance(result, dict) or result.get("error"):
                continue
            if m.name == "draft_email" and isinstance(result.get("text"), str):
                out.append(result["text"])
            elif isinstance(result.get("message"), str):
                out.append(result["message"])
        return out

    def ground(state: CopilotState) -> dict[str, Any]:
        messages = state["messages"]
        answer = messages[-1]
        start = state.get("turn_start", 0)
        turn = messages[start:]
        question = next((str(m.content) for m in turn if isinstance(m, HumanMessage)), "")
        results = [str(m.content) for m in turn if isinstance(m, ToolMessage)]
        results += [json.dumps(c.get("args") or {}) for m in turn if isinstance(m, AIMessage)
                    for c in (m.tool_calls or [])]  # the periods and limits the question was read as
        bad = ungrounded(str(answer.content), results, question, _as_written(turn))
        if not bad:
            return {}
        fixed = drop_figures(str(answer.content), bad)
        note = "I removed figures I could not trace to a record."
        return {"messages": [AIMessage(content=f"{fixed}\n({note})", id=answer.id,
                                       additional_kwargs=answer.additional_kwargs)],  # the planner's thread context
                "notes": [*(state.get("notes") or []), note]}

    def after_agent(state: CopilotState) -> str:
        last = state["messages"][-1]
        return "tools" if getattr(last, "tool_calls", None) else "ground"

    def after_tools(state: CopilotState) -> str:
        return "execute" if state.get("to_run") else "agent"

    graph = StateGraph(CopilotState, context_schema=CopilotContext)
    graph.add_node("agent", agent)
    graph.add_node("tools", tools)
    graph.add_node("execute", execute)
    graph.add_node("ground", ground)
    graph.add_edge(START, "agent")
    graph.add_conditional_edges("agent", after_agent, ["tools", "ground"])
    graph.add_conditional_edges("tools", after_tools, ["execute", "agent"])
    graph.add_edge("execute", "agent")
    graph.add_edge("ground", END)
    return graph


def _offered(ctx: CopilotContext) -> list[dict[str, Any]]:
    """The schemas of the tools and actions this run's variant offers the model."""
    return [s for s in schemas() if ctx.variant.offers(s["function"]["name"])] if ctx.variant.tools is not None \
        else schemas()


def _last_draft(messages: list[AnyMessage]) -> dict[str, Any] | None:
    """The latest draft in the conversation and its sources (deals and notes it drew on)."""
    d = latest_result(messages, "draft_email")
    if d is None:
        return None
    return {"to": d.get("to"), "to_email": d.get("to_email"), "cc": list(d.get("cc") or []),
            "subject": d.get("subject"), "body": d.get("body"),
            "sources": d.get("cites") or [], "talk_track_deal": d.get("talk_track_deal"),
            "record_ids": (d.get("record_ids") or [])[:10]}


def _read_draft(messages: list[AnyMessage], thread_id: str, store: Any, owner: int) -> dict[str, Any] | None:
    """The draft the rep last read in this conversation: the latest one shown, or the version of it they edited or
    regenerated on its card since (kept under the same id, whether or not it reached the conversation)."""
    draft = _last_draft(messages)
    shown = next((m for m in reversed(messages) if isinstance(m, ToolMessage) and m.name == "draft_email"), None)
    if draft is None or shown is None or store is None:
        return draft
    item = store.get(("drafts", str(owner)), draft_id(thread_id, str(shown.tool_call_id)))
    kept = dict(item.value) if item is not None else {}
    if not kept.get("body") or kept.get("closed"):
        return draft
    return {**draft, "subject": kept.get("subject"), "body": kept.get("body"), "cc": list(kept.get("cc") or []),
            "to": kept.get("to", draft.get("to")), "to_email": kept.get("to_email", draft.get("to_email"))}


def _same_text(args: dict[str, Any], draft: dict[str, Any]) -> bool:
    """Whether an e-mail's body is the draft's (spacing aside)."""
    return " ".join(str(args.get("body", "")).split()) == " ".join(str(draft.get("body", "")).split())


def _outcome(result: dict[str, Any]) -> str:
    status = result.get("status")
    if status == "done":
        return "queued" if result.get("delivery") == "queued" else "done"
    return {"pending_review": "waiting for approval"}.get(str(status), str(status).replace("_", " "))


def _action_call(ctx: CopilotContext, call: dict[str, Any], args: dict[str, Any], thread_id: str, tainted: bool,
                 current: str, own: list[str], actions: list[dict[str, Any]], to_run: list[str],
                 draft: dict[str, Any] | None, turn: int, fresh: dict[str, Any] | None = None) -> str | None:
    """Turn one action call into a stored request; the JSON the model gets back (None: the execute node answers)."""
    from copilot.actions import prepare, store
    from copilot.review.intent import unrequested

    name = call["name"]
    try:
        # the turn is part of the id: a model that reuses call ids across turns still makes a new request
        request = prepare(ctx.engine, ctx.settings, ctx.identity, ctx.names, name, args, thread_id=thread_id,
                          call_id=f"{turn}:{call['id']}", now=ctx.clock())
    except ToolError as exc:
        summary = f"{name.replace('_', ' ')} ({', '.join(f'{k}={str(v)[:40]}' for k, v in list(args.items())[:3])})"
        record_now(ctx.engine, actor=ctx.identity.name, actor_id=ctx.identity.user_id, event="refused_request",
                   detail={"tool": name, "why": str(exc)[:500]})
        actions.append({"request_id": None, "tool": name, "summary": summary, "tool_call_id": call["id"],
                        "outcome": "not done", "message": f"Not done: {summary}: {exc}."})
        return json.dumps({"status": "not_done", "error": str(exc), "type": type(exc).__name__})
    if name == "send_email" and draft is not None:  # the approver sees what the e-mail was drafted from
        request["facts"]["draft"] = draft
    entry = {"request_id": request["id"], "tool": name, "summary": request["summary"], "tool_call_id": call["id"]}
    if tainted:
        with ctx.engine.connect() as conn:
            why = unrequested(conn, name, request["args"], current, own, draft, ctx.identity.name)
        if why and name == "send_email" and fresh is not None and _same_text(request["args"], fresh):
            why = "I drafted it just now and you have not read it yet; read the draft, then tell me to send it"
        if why:
            record_now(ctx.engine, actor=ctx.identity.name, actor_id=ctx.identity.user_id, event="blocked_unrequested",
                       account_id=request["account_id"], detail={"tool": name, "summary": request["summary"],
                                                                 "args_hash": request["args_hash"], "why": why})
            actions.append({**entry, "outcome": "not done", "message": f"Not done: {request['summary']}: {why}."})
            return json.dumps({"status": "not_done", "error": f"not done: {why}. Only actions the user asks for in "
                               "their own words are carried out.", "summary": request["summary"]})
    stored, earlier = store(ctx.engine, request, now=ctx.clock())
    entry["request_id"] = stored["id"]
    if earlier is not None:
        message = f"Already {'requested' if earlier == 'pending' else earlier} in this conversation: " \
                  f"{request['summary']}; not repeated."
        actions.append({**entry, "outcome": "not repeated", "message": message})
        return json.dumps({"status": "already_" + earlier, "summary": request["summary"], "request_id": stored["id"],
                           "message": message})
    if request["needs_review"]:
        who = " or ".join(request["approvers"])
        message = f"Waiting for approval by {who}: {request['summary']} ({'; '.join(request['reasons'])})."
        actions.append({**entry, "outcome": "waiting for approval", "message": message, "pending": request})
        return json.dumps({"status": "pending_review", "request_id": stored["id"], "summary": request["summary"],
                           "approvers": request["approvers"], "reasons": request["reasons"], "message": message})
    actions.append({**entry, "outcome": "approved", "message": request["summary"], "run": True})
    to_run.append(stored["id"])
    return None
