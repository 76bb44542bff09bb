"""The App Home tab: the rep's follow-ups due today, stalled deals, requests waiting for a decision, and their
pipeline at a glance, all in their own scope."""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from copilot.context import utc_now
from copilot.review.approvals import listing, listing_count
from copilot.services import Services
from copilot.slack.blocks import escape, home_view
from copilot.slack.identity import NOT_LINKED, SlackDirectory
from tools.crm_query import run_query
from tools.my_day import my_day


def view_for(services: Services, directory: SlackDirectory, user: str) -> dict[str, Any]:
    identity = directory.identity(user)
    if identity is None:
        return {"type": "home", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": escape(NOT_LINKED)}}]}
    engine = services.engine
    day = my_day(engine, identity, {"limit": 20}, now=utc_now()).model_dump(mode="json")  # the most it lists
    pending = listing(engine, services.settings, identity)  # the first 200, newest first; the count is of them all
    waiting = listing_count(engine, services.settings, identity)
    rows = run_query(engine, identity, {"metrics": ["open_count", "open_pipeline_list_price"]}).rows
    return home_view(name=identity.name, day=day, pending=pending, pending_count=waiting, pipeline=rows[0] if rows else {})


def register(app: App, services: Services, directory: SlackDirectory) -> None:
    @app.event("app_home_opened")
    def on_home(event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        client.views_publish(user_id=event["user"], view=view_for(services, directory, event["user"]))
