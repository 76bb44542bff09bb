"""The tools the agent may call: their schemas (for the model) and how each one runs (in code).

The model sees a name, a description and a JSON schema per tool. When it asks for a call, the
arguments are validated by the same pydantic model, the caller's identity comes from the run's
context (never from the arguments), and the result or a clear error goes back as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from copilot.context import CopilotContext
from tools.crm_query import CrmQuery, run_query
from tools.email_draft import EmailArgs, draft_email
from copilot.crm.errors import ToolError
from tools.followup import FollowupArgs, next_followup
from tools.my_day import MyDayArgs, my_day
from tools.profile import ProfileArgs, customer_profile
from tools.talk_tracks.search import TalkTrackArgs


@dataclass(frozen=True)
class ToolSpec:
    name: str
    description: str
    args: type[BaseModel]
    run: Callable[[CopilotContext, dict[str, Any]], Any]
    retrieval: bool = False


def _crm(ctx: CopilotContext, args: dict[str, Any]) -> Any:
    return run_query(ctx.engine, ctx.identity, args, names=ctx.names).model_dump(mode="json")


def _profile(ctx: CopilotContext, args: dict[str, Any]) -> Any:
    return customer_profile(ctx.engine, ctx.identity, args, now=ctx.clock(), names=ctx.names)


def _talk(ctx: CopilotContext, args: dict[str, Any]) -> Any:
    from tools.talk_tracks.search import search_talk_tracks

    return search_talk_tracks(ctx.engine, ctx.talk_store(), ctx.identity, args, names=ctx.names).model_dump(mode="json")


def _email(ctx: CopilotContext, args: dict[str, Any]) -> Any:
    return draft_email(ctx.engine, ctx.identity, args, now=ctx.clock(), store=ctx.talk_store(),
                       preferences=ctx.preferences, names=ctx.names)


def _followup(ctx: CopilotContext, args: dict[str, Any]) -> Any:
    return next_followup(ctx.engine, ctx.identity, args, now=ctx.clock(), names=ctx.names, home=ctx.settings.home)


def _my_day(ctx: CopilotContext, args: dict[str, Any]) -> Any:
    return my_day(ctx.engine, ctx.identity, args, now=ctx.clock()).model_dump(mode="json")


TOOLS: dict[str, ToolSpec] = {t.name: t for t in (
    ToolSpec("crm_query", "Query the CRM: counts, won revenue, win rate, average won deal size, sales-cycle days, "
             "open pipeline, reply rates; filter by stage, product, account, rep, manager, office, sector, dates, "
             "value; group, order, limit. Also account firmographics, the sales directory and the price list.",
             CrmQuery, _crm),
    ToolSpec("customer_profile", "Everything about one account: firmographics, contacts, deals and totals, "
             "engagement, an explained health score, risks and a suggested next step.", ProfileArgs, _profile),
    ToolSpec("talk_tracks", "Search past deals' notes, call summaries and e-mails: what worked in similar won deals "
             "and what lost deals tried. Filter by product, sector, stage, outcome.", TalkTrackArgs, _talk,
             retrieval=True),
    ToolSpec("draft_email", "Draft a personalised e-mail to a contact at an account, using its profile and the "
             "messaging of similar won deals. Never sends.", EmailArgs, _email, retrieval=True),
    ToolSpec("next_followup", "When to follow up next with a contact (by e-mail) or an account.", FollowupArgs,
             _followup),
    ToolSpec("my_day", "What the caller should work on today: follow-ups due or overdue, stalled deals (Engaging, "
             "no activity on the account for weeks) and accounts whose last touches went unanswered.", MyDayArgs,
             _my_day),
)}


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
    return json.dumps(result, default=str)
