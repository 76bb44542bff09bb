"""The tools the agent may call: their schemas (for the model) and how each one runs (in code).

The model sees a name, a description and a JSON schema per tool. When it asks for a call, the
arguments are validated by the same pydantic model, the caller's identity comes from the run's
context (never from the arguments), and the result or a clear error goes back as JSON.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from copilot.context import CopilotContext
from copilot.crm.errors import ToolError
from tools.registry import Tool, all_tools

ToolSpec = Tool
TOOLS: dict[str, Tool] = {t.name: t for t in all_tools()}
"""The read tools, from the one registry (``tools.registry``); each is declared in its own module."""


@lru_cache(maxsize=1)
def schemas() -> list[dict[str, Any]]:
    """OpenAI-style function schemas of every tool and action, for ``bind_tools`` (built once)."""
    from copilot.actions import ACTIONS

    read = [{"type": "function", "function": {"name": t.name, "description": t.description,
                                              "parameters": t.args.model_json_schema()}} for t in TOOLS.values()]
    act = [{"type": "function", "function": {"name": name, "description": (model.__doc__ or "").strip() +
                                             " Key accounts need an approver first.",
                                             "parameters": model.model_json_schema()}}
           for name, model in ACTIONS.items()]
    return read + act


def run_tool(ctx: CopilotContext, name: str, args: dict[str, Any]) -> str:
    """Run one tool call; the JSON result, or a JSON error the model (and the rep) can read."""
    spec = TOOLS.get(name)
    if spec is None:
        return json.dumps({"error": f"unknown tool {name!r}; available: {', '.join(TOOLS)}", "type": "ToolInputError"})
    try:
        result = spec.run(ctx, args if isinstance(args, dict) else {})
    except ToolError as exc:
        return json.dumps({"error": str(exc), "type": type(exc).__name__})
    payload = result.model_dump(mode="json") if isinstance(result, BaseModel) else result
    return json.dumps(payload, default=str)


def doing(calls: list[dict[str, Any]]) -> str:
    """What a status line says while ``calls`` run: "is querying the CRM..." (names from the tools, not the model)."""
    from copilot.actions import ACTIONS

    phrases: list[str] = []
    for call in calls:
        name = str(call.get("name") or "")
        phrase = TOOLS[name].doing if name in TOOLS else (
            f"preparing the request to {name.replace('_', ' ')}" if name in ACTIONS else "looking it up")
        if phrase not in phrases:
            phrases.append(phrase)
    return "is " + (" and ".join(phrases) if phrases else "thinking") + "..."
