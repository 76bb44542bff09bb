"""Slack's AI-assistant side panel (Bolt's ``Assistant``): suggested prompts for the person's role when a thread
starts, a status line and a title while it works, and the grounded answer in the panel's thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, Assistant
from slack_sdk import WebClient

from copilot.services import Services
from copilot.slack.approvals import post_cards
from copilot.slack.blocks import escape
from copilot.slack.conversations import reply
from copilot.slack.identity import NOT_LINKED, SlackDirectory
from copilot.slack.threads import thread_id

PROMPTS = {
    "rep": ["What should I work on today?", "How many open deals do I have?", "What's my win rate this year?"],
    "manager": ["What's my team's win rate?", "Who on my team has the most open deals?",
                "What's my team's open pipeline worth?"],
    "ops": ["Which product brought in the most won revenue?", "Which rep has the best win rate?",
            "How many deals are in each stage?"],
}


def register(app: App, services: Services, directory: SlackDirectory) -> None:
    assistant = Assistant()

    @assistant.thread_started
    def started(say: Callable[..., Any], set_suggested_prompts: Callable[..., Any], payload: dict[str, Any],
                context: dict[str, Any]) -> None:
        user = (payload.get("assistant_thread") or {}).get("user_id") or context.get("user_id") or ""
        identity = directory.identity(user)
        if identity is None:
            say(NOT_LINKED)
            return
        say(escape(f"Hi {identity.name.split()[0]}, ask me about your deals, accounts and pipeline."))
        set_suggested_prompts(prompts=[{"title": p, "message": p} for p in PROMPTS.get(identity.role, PROMPTS["rep"])])

    @assistant.user_message
    def message(payload: dict[str, Any], say: Callable[..., Any], set_status: Callable[..., Any],
                set_title: Callable[..., Any], client: WebClient, context: dict[str, Any]) -> None:
        text = str(payload.get("text") or "")
        set_title(text[:80] or "Question")
        set_status("is reading your question...")
        channel, thread_ts = payload.get("channel", ""), payload.get("thread_ts") or payload.get("ts", "")
        user = payload.get("user", "")
        reply(services, directory, user, text, thread_id(str(context.get("team_id") or ""), channel, thread_ts, user),
                lambda **m: say(**m, unfurl_links=False, unfurl_media=False),
                after=lambda pending: post_cards(services, client, pending, {"channel": channel,
                                                                             "thread_ts": thread_ts}),
                on_status=lambda status: set_status(status[:100]))  # names the lookup that is running

    app.use(assistant)
