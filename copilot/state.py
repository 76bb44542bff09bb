"""The graph's state: the conversation, and what the current turn has gathered."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Annotated, Any, TypedDict

from langchain_core.messages import AnyMessage, BaseMessage, ToolMessage
from langgraph.graph.message import add_messages

from copilot.untrusted import unwrap


class CopilotState(TypedDict, total=False):
    messages: Annotated[list[AnyMessage], add_messages]
    """The whole conversation (kept by the checkpointer across turns and restarts)."""
    turn_start: int
    """Index in ``messages`` of this turn's question: grounding looks only at this turn's tool results."""
    tool_calls: int
    """Tool calls made so far this turn (capped)."""
    sources: list[str]
    """Ids of the records behind this turn's answer."""
    owner: int
    """Id of the user the conversation belongs to: nobody else may continue it."""
    to_run: list[str]
    """Ids of this turn's action requests that the policy let through, waiting for the execute node."""
    actions: list[dict[str, Any]]
    """What happened to each action asked for this turn: done, waiting for approval, or not done (and why)."""
    notes: list[str]
    """Things the rep should know about how this answer was made (fallbacks, dropped figures)."""


def latest_result(messages: Sequence[BaseMessage], tool: str) -> dict[str, Any] | None:
    """The latest successful result of ``tool`` in the conversation (as stored, or inside a data block)."""
    for m in reversed(messages):
        if isinstance(m, ToolMessage) and m.name == tool:
            try:
                result = json.loads(unwrap(str(m.content)))
            except json.JSONDecodeError:
                return None
            return None if not isinstance(result, dict) or "error" in result else result
    return None


def draft_version(draft: dict[str, Any]) -> str:
    """A digest of what a draft would send (account, recipient, Cc, subject, body): a card's Send button carries the
    version it shows, and sends nothing when the draft kept is another."""
    sent = [str(draft.get(k) or "") for k in ("account", "to_email", "subject", "body")]
    cc = draft.get("cc")
    cc = [str(a) for a in cc] if isinstance(cc, list | tuple) else str(cc or "")
    return hashlib.sha256(json.dumps([sent, cc]).encode()).hexdigest()[:16]


def draft_id(thread_id: str, tool_call_id: str) -> str:
    """The id a draft is kept under for its owner: the conversation and the call that wrote it."""
    return "d_" + hashlib.sha256(f"{thread_id}\0{tool_call_id}".encode()).hexdigest()[:16]
