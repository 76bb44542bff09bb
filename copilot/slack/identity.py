"""Who a Slack user is in the CRM: by ``slack_user_id``, else by the Slack profile's e-mail equal to the CRM
user's e-mail (``users.info``, cached). An unlinked Slack user maps to nobody and sees no data."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine, func, select

from copilot.crm.identity import Identity, identity_by_id
from copilot.crm.models import User

NOT_LINKED = ("I can't tell who you are in the CRM yet, so I can't show you any data. Ask your sales-ops admin "
              "to link your Slack account (`copilot users set \"Your Name\" --slack-id <your Slack member id>`), "
              "or to give your CRM user the same e-mail address as your Slack profile.")


@dataclass
class SlackDirectory:
    engine: Engine
    client: WebClient
    ttl_seconds: float = 600.0
    _emails: dict[str, tuple[float, str | None]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _email(self, slack_user: str) -> str | None:
        now = time.monotonic()
        with self._lock:
            cached = self._emails.get(slack_user)
            if cached and now - cached[0] < self.ttl_seconds:
                return cached[1]
        try:
            profile = self.client.users_info(user=slack_user).get("user", {}).get("profile", {})
            email = (profile.get("email") or "").strip().casefold() or None
        except SlackApiError:
            email = None
        with self._lock:
            self._emails[slack_user] = (now, email)
        return email

    def identity(self, slack_user: str) -> Identity | None:
        """The CRM identity of this Slack user, or None when they are not linked."""
        with self.engine.connect() as conn:
            user_id = conn.execute(select(User.id).where(User.slack_user_id == slack_user)).scalar()
            if user_id is None:
                email = self._email(slack_user)
                if email:
                    user_id = conn.execute(select(User.id).where(func.lower(User.email) == email)).scalar()
        return identity_by_id(self.engine, user_id) if user_id is not None else None
