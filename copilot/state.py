"""The graph's state: the conversation, and what the current turn has gathered."""

from __future__ import annotations

from typing import Annotated, Any, TypedDict

from langchain_core.messages import AnyMessage
from langgraph.graph.message import add_messages


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
