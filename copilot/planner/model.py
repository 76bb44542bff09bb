"""The offline planner: a real chat model that needs no network.

It reads the rep's request, decides which tools to call (as an LLM would, through ``tool_calls``),
and once the results are back writes the answer from them. It is the product for teams that cannot
send data to an LLM, and the default when no API key is set.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, Field

from copilot.planner.answers import ask, compose, compose_frames, decline, examples, not_understood
from copilot.planner.frames import Context
from copilot.planner.understand import understand
from copilot.state import latest_result
from copilot.untrusted import unwrap


class OfflinePlanner(BaseChatModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    names: Any = Field(description="copilot.crm.names.Names of the CRM")
    identity: Any = Field(description="copilot.crm.identity.Identity of the caller")
    today: dt.date
    bound_tools: list[str] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "copilot-offline-planner"

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> OfflinePlanner:  # type: ignore[override]
        names = []
        for tool in tools:
            if isinstance(tool, dict):
                names.append(tool.get("function", tool).get("name"))
            else:
                names.append(getattr(tool, "name", None) or getattr(tool, "__name__", str(tool)))
        return self.model_copy(update={"bound_tools": names})

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        last_human = max((i for i, m in enumerate(messages) if isinstance(m, HumanMessage)), default=None)
        if last_human is None:
            return _reply(not_understood(examples(self.names)))
        question = str(messages[last_human].content)
        context = _context(messages[:last_human])
        reading = understand(question, self.names, self.identity, self.today, context)
        after = messages[last_human + 1:]
        results = [_result(m) for m in after if isinstance(m, ToolMessage)]
        me = self.identity.name if self.identity.role in ("rep", "manager") else None
        if not results:
            if reading.kind == "ask":
                offered = Context(context.frames, context.focus, reading.offer, context.compare, context.previous,
                                  context.draft)
                text = reading.note if reading.note and reading.note != "unclear" else \
                    ask(reading.offer, reading.unplaced, me, examples(self.names))
                return _reply(text, offered)
            if reading.kind == "decline":
                return _reply(decline(reading.note or "unsupported", self.identity.describe()), context)
            later = _after_the_deals(reading, getattr(self.names, "dates", None))
            if later:  # the thread keeps what was asked, so "2017" next asks it of that year
                return _reply(later, Context(reading.frames, context.focus, [], reading.compare, previous=context.frames,
                                             draft=context.draft))
            if not reading.calls:
                return _reply(reading.note or not_understood(examples(self.names)), context)
            if reading.note == "send_last_draft":
                draft = _last_draft(messages[:last_human])
                if draft is None:
                    return _reply("There is no draft in this conversation to send. Ask me to draft one first.")
                reading.calls[0].args = draft
            calls = [c for c in reading.calls if not self.bound_tools or c.name in self.bound_tools]
            if not calls:
                return _reply(not_understood(examples(self.names)), context)
            return ChatResult(generations=[ChatGeneration(message=AIMessage(
                content="", tool_calls=[{"name": c.name, "args": c.args, "id": f"call_{uuid.uuid4().hex[:12]}"}
                                        for c in calls]))])
        if reading.kind == "frames":
            text, focus = compose_frames(reading.frames, results, reading.compare, me, share=reading.note == "share")
            kept = {k: v for k, v in context.focus.items() if k != "tied"}  # those tied last turn, for one turn only
            return _reply(text, Context(reading.frames, {**kept, **focus}, [], reading.compare,
                                        previous=context.frames, draft=context.draft))
        if reading.kind == "profile" and reading.subject:  # "there", "them" now point at this account
            focus = {**context.focus, "account": reading.subject, "last": "account"}
            focus.update(_named_contact(results[0]) if results and "error" not in results[0] else {})
            context = Context(context.frames, focus, [], context.compare, context.previous, context.draft)
        if reading.kind == "followup" and results and "error" not in results[0] and results[0].get("account"):
            advice = results[0]  # "draft them an e-mail", "that account" now point at the contact advised on
            context = Context(context.frames, {**context.focus, "account": advice["account"], "last": "account",
                                               "contact": advice["contact_email"], "contact_account": advice["account"]},
                              [], context.compare, context.previous, context.draft)
        if reading.kind == "email" and results and "error" not in results[0] and results[0].get("request"):
            draft = results[0]
            context = Context(context.frames, {**context.focus, "account": draft["account"], "last": "account",
                                               "contact": draft["to_email"], "contact_account": draft["account"]},
                              [], context.compare, context.previous, dict(draft["request"]))
        return _reply(compose(reading, results), context)


def _after_the_deals(reading: Any, dates: tuple[dt.date, dt.date] | None) -> str | None:
    """A question back when a period counted from today starts after the CRM's last deal: its figure would be nothing,
    and a history that ended before today means some other period was likely meant."""
    if reading.kind != "frames" or not dates:
        return None
    for frame in reading.frames:
        period = frame.period
        if period is not None and period.from_today and period.start > dates[1] and frame.topic != "activity_count":
            last = f"Q{(dates[1].month - 1) // 3 + 1} {dates[1].year}"
            return (f"Counted from today, that period runs from {period.start.isoformat()} to {period.end.isoformat()}, "
                    f"and the CRM's deals run from {dates[0]:%B %Y} to {dates[1]:%B %Y}, so it holds none. Which period "
                    f"do you mean, for example {last} or the year {dates[1].year}?")
    return None


def _result(message: ToolMessage) -> Any:
    try:
        return json.loads(unwrap(str(message.content)))
    except json.JSONDecodeError:
        return {"error": "a tool result could not be read", "type": "ToolError"}


CONTEXT_KEY = "copilot_context"


def _reply(text: str, context: Context | None = None) -> ChatResult:
    extra = {CONTEXT_KEY: context.as_dict()} if context is not None else {}
    return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text, additional_kwargs=extra))])


def _context(messages: list[BaseMessage]) -> Context:
    """What the conversation was about, as the planner left it in its last answer."""
    for m in reversed(messages):
        if isinstance(m, AIMessage) and CONTEXT_KEY in (m.additional_kwargs or {}):
            return Context.from_dict(m.additional_kwargs[CONTEXT_KEY])
    return Context()


def _named_contact(profile: dict[str, Any]) -> dict[str, str]:
    """The contact an account brief's next step names ("reach Chloe Moreau"): the one a draft goes to next."""
    step = str(profile.get("next_step") or "")
    for c in profile.get("contacts") or []:
        if c.get("name") and c.get("email") and c["name"] in step:
            return {"contact": c["email"], "contact_account": str(profile.get("account"))}
    return {}


def _last_draft(messages: list[BaseMessage]) -> dict[str, Any] | None:
    d = latest_result(messages, "draft_email")
    if d is None:
        return None
    return {"account": d["account"], "to": d.get("to_email") or d["to"].rsplit("<", 1)[-1].rstrip(">"),
            "subject": d["subject"], "body": d["body"], **({"cc": list(d["cc"])} if d.get("cc") else {})}
