"""Each Slack event is taken in once: the first request to claim its id in the database wins, so Slack's retries
(``X-Slack-Retry-Num``) and a second app process never produce a second reply or a second action."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltResponse
from sqlalchemy import Engine, insert
from sqlalchemy.exc import IntegrityError

from copilot.crm.models import SlackEvent


def claim(engine: Engine, key: str) -> bool:
    """True for the first caller with this key, False for every later one (in any process)."""
    try:
        with engine.begin() as conn:
            conn.execute(insert(SlackEvent).values(id=key[:120],
                                                   received_at=dt.datetime.now(dt.UTC).replace(tzinfo=None)))
    except IntegrityError:
        return False
    return True


def register(app: App, engine: Engine) -> None:
    @app.middleware
    def once(body: dict[str, Any], next: Callable[[], BoltResponse]) -> BoltResponse | None:  # noqa: A002
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if event_id and not claim(engine, f"event:{event_id}"):
            return BoltResponse(status=200, body="")  # already taken in: acknowledged, nothing else
        return next()
