"""The copilot's LangGraph graph, built by a factory and compiled by the caller.

    question -> agent --tool calls--> tools --action needing review--> review --approved--> execute
                 ^  \\                   |                               |                    |
                 |   \\--answer--> ground --> END                        +--rejected----------+--> agent
                 +-----------------------+

The agent is a chat model bound to the tools; ``tools`` runs read-only tools in code with the
caller's scope; ``review`` pauses with ``interrupt()`` for actions that need an approver; ``execute``
performs approved side effects once; ``ground`` checks that every figure comes from this turn's tool
results before the answer leaves.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage
from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime
from langgraph.types import interrupt

from copilot.context import CopilotContext
from copilot.grounding import drop_figures, ungrounded
from copilot.state import CopilotState
from copilot.toolbox import run_tool, schemas
from tools.errors import ToolError
from prompts import render

ModelProvider = Callable[[CopilotContext], BaseChatModel]
"""Returns the chat model for a run (offline planner, or an OpenAI-compatible model)."""


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
        system = SystemMessage(content=render("system.md.j2", user=ctx.identity.name, role=ctx.identity.role,
                                              scope=ctx.identity.describe(), today=ctx.clock().date().isoformat(),
                                              preferences=ctx.preferences).text)
        messages = [system, *state["messages"]]
        try:
            response = model_provider(ctx).bind_tools(schemas()).invoke(messages)
        except Exception as exc:  # noqa: BLE001 - any model failure falls back for this turn
            if fallback is None:
                raise
            note = f"The language model could not be reached ({type(exc).__name__}); the offline planner answered."
            response = fallback(ctx).bind_tools(schemas()).invoke(messages)
            return {"messages": [response], "notes": [*(state.get("notes") or []), note]}
        return {"messages": [response]}

    def tools(state: CopilotState, runtime: Runtime[CopilotContext]) -> dict[str, Any]:
        from copilot.actions import ACTIONS, prepare

        ctx = runtime.context
        call_msg = state["messages"][-1]
        out: list[ToolMessage] = []
        sources = list(state.get("sources") or [])
        review: dict[str, Any] | None = None
        for call in getattr(call_msg, "tool_calls", []) or []:
            if call["name"] in ACTIONS:
                if review is not None:
                    content = json.dumps({"error": "one action at a time; ask again for the next one",
                                          "type": "ToolInputError"})
                else:
                    try:
                        review = prepare(ctx, call["name"], call.get("args") or {}, call["id"])
                        review["status"] = "pending" if review["needs_review"] else "approved"
                        continue
                    except ToolError as exc:
                        content = json.dumps({"error": str(exc), "type": type(exc).__name__})
            else:
                content = run_tool(ctx, call["name"], call.get("args") or {})
            try:
                sources.extend(str(i) for i in (json.loads(content).get("record_ids") or [])[:20])
            except (AttributeError, json.JSONDecodeError):
                pass
            out.append(ToolMessage(content=content, tool_call_id=call["id"], name=call["name"]))
        return {"messages": out, "tool_calls": state.get("tool_calls", 0) + len(out) + (review is not None),
                "sources": list(dict.fromkeys(sources)), "review": review}

    def review(state: CopilotState) -> dict[str, Any]:
        request = state.get("review") or {}
        shown = {k: v for k, v in request.items() if k != "status"}
        decision = interrupt(shown)  # nothing with a side effect may come before this line
        decision = decision if isinstance(decision, dict) else {"decision": str(decision)}
        if decision.get("decision") == "approve":
            return {"review": {**request, "status": "approved", "decided_by": decision.get("by")}}
        rejected = {"status": "rejected", "summary": request.get("summary"), "by": decision.get("by"),
                    "reason": decision.get("reason")}
        return {"review": None, "messages": [ToolMessage(content=json.dumps(rejected),
                                                         tool_call_id=request.get("tool_call_id", "review"),
                                                         name=request.get("tool", "action"))]}

    def execute(state: CopilotState, runtime: Runtime[CopilotContext]) -> dict[str, Any]:
        from copilot.actions import perform

        request = state.get("review") or {}
        result = perform(runtime.context, request)
        return {"review": None, "sources": [*(state.get("sources") or []), *result.get("record_ids", [])],
                "messages": [ToolMessage(content=json.dumps(result, default=str),
                                         tool_call_id=request.get("tool_call_id", "review"),
                                         name=request.get("tool", "action"))]}

    def ground(state: CopilotState) -> dict[str, Any]:
        messages = state["messages"]
        answer = messages[-1]
        start = state.get("turn_start", 0)
        turn = messages[start:]
        question = next((str(m.content) for m in turn if isinstance(m, HumanMessage)), "")
        results = [str(m.content) for m in turn if isinstance(m, ToolMessage)]
        results += [json.dumps(c.get("args") or {}) for m in turn if isinstance(m, AIMessage)
                    for c in (m.tool_calls or [])]  # the periods and limits the question was read as
        bad = ungrounded(str(answer.content), results, question)
        if not bad:
            return {}
        fixed = drop_figures(str(answer.content), bad)
        note = "I removed figures I could not trace to a record."
        return {"messages": [AIMessage(content=f"{fixed}\n({note})", id=answer.id)],
                "notes": [*(state.get("notes") or []), note]}

    def after_agent(state: CopilotState) -> str:
        last = state["messages"][-1]
        return "tools" if getattr(last, "tool_calls", None) else "ground"

    def after_tools(state: CopilotState) -> str:
        status = (state.get("review") or {}).get("status")
        return {"pending": "review", "approved": "execute"}.get(status or "", "agent")

    def after_review(state: CopilotState) -> str:
        return "execute" if (state.get("review") or {}).get("status") == "approved" else "agent"

    graph = StateGraph(CopilotState, context_schema=CopilotContext)
    graph.add_node("agent", agent)
    graph.add_node("tools", tools)
    graph.add_node("review", review)
    graph.add_node("execute", execute)
    graph.add_node("ground", ground)
    graph.add_edge(START, "agent")
    graph.add_conditional_edges("agent", after_agent, ["tools", "ground"])
    graph.add_conditional_edges("tools", after_tools, ["review", "execute", "agent"])
    graph.add_conditional_edges("review", after_review, ["execute", "agent"])
    graph.add_edge("execute", "agent")
    graph.add_edge("ground", END)
    return graph
