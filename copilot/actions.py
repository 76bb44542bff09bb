"""Side effects the copilot performs only after any required approval (placeholder for the review policy)."""

from __future__ import annotations

from typing import Any

from copilot.context import CopilotContext


def perform(ctx: CopilotContext, request: dict[str, Any]) -> dict[str, Any]:
    return {"error": f"no action named {request.get('tool')!r} can be performed", "type": "ToolInputError"}
