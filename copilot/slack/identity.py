"""Who a Slack user is in the CRM: by ``slack_user_id``, else by the Slack profile's e-mail equal to the CRM
user's e-mail (``users.info``, cached). An unlinked Slack user maps to nobody and sees no data.

Only a person of this workspace (the team, or the Enterprise Grid organisation, that ``auth.test`` names) whose
address Slack has not marked unconfirmed is linked by e-mail: never a bot or app user, a deactivated account, a
person from another organisation in a shared channel, nor a CRM user already linked to another Slack id. The address
is compared in ASCII lower case only (a Kelvin sign is not a "k"), and an address two CRM users share in different
cases links neither.

When ``users.info`` is asked anyway (a user linked by e-mail), the Slack user's time zone (``tz``) fills their
CRM user's ``timezone`` if none is on record, so follow-up times can be given in their own time too. A zone
already on record (from ``sales_teams.csv`` or ``copilot users set``) is kept, and Slack is never asked only
for the zone."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine, func, select, update

from copilot.crm.identity import Identity, identity_by_id
from copilot.crm.models import User

log = logging.getLogger("copilot.slack")

NOT_LINKED = ("I can't tell who you are in the CRM yet, so I can't show you any data. Ask your sales-ops admin "
              "to link your Slack account (`copilot users set \"Your Name\" --slack-id <your Slack member id>`), "
              "or to give your CRM user the same e-mail address as your Slack profile.")


@dataclass(frozen=True)
class SlackProfile:
    """What ``users.info`` told about a Slack user: their e-mail and their time zone (IANA name), if any."""

    email: str | None
    timezone: str | None


@dataclass
class SlackDirectory:
    engine: Engine
    client: WebClient
    ttl_seconds: float = 600.0
    default_timezone: str | None = None
    """The workspace's ``COPILOT_TIMEZONE``, for people whose own zone is not on record."""
    _profiles: dict[str, tuple[float, SlackProfile]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _home: tuple[str, str] | None = None

    def _workspace(self) -> tuple[str, str]:
        """(team id, Enterprise Grid organisation id or "") of this app's installation, as ``auth.test`` tells."""
        if self._home is None:
            told = self.client.auth_test()
            self._home = (str(told.get("team_id") or ""), str(told.get("enterprise_id") or ""))
        return self._home

    def _ours(self, user: dict) -> bool:
        """Whether ``users.info``'s ``user`` is a person of this workspace whose profile address may stand for them."""
        if not isinstance(user, dict) or any(user.get(k) for k in ("is_bot", "is_app_user", "deleted", "is_stranger")):
            return False
        if user.get("id") == "USLACKBOT" or user.get("is_email_confirmed") is False:
            return False
        team, enterprise = self._workspace()
        grid = (user.get("enterprise_user") or {}).get("enterprise_id") if isinstance(
            user.get("enterprise_user"), dict) else None
        return bool(team) and user.get("team_id") == team or bool(enterprise) and grid == enterprise

    def _profile(self, slack_user: str) -> SlackProfile:
        now = time.monotonic()
        with self._lock:
            cached = self._profiles.get(slack_user)
            if cached and now - cached[0] < self.ttl_seconds:
                return cached[1]
        try:
            user = self.client.users_info(user=slack_user).get("user", {}) or {}
            raw = user.get("profile", {}).get("email") if self._ours(user) else None
            found = SlackProfile(_address(raw), _zone_name(user.get("tz")))
        except SlackApiError as exc:
            if exc.response.get("error") not in ("user_not_found", "user_not_visible"):
                return SlackProfile(None, None)  # Slack busy or failing: asked again next time, not for ttl_seconds
            found = SlackProfile(None, None)
        with self._lock:
            self._profiles[slack_user] = (now, found)
        return found

    def identity(self, slack_user: str) -> Identity | None:
        """The CRM identity of this Slack user, or None when they are not linked."""
        with self.engine.connect() as conn:
            user_id = conn.execute(select(User.id).where(User.slack_user_id == slack_user)).scalar()
        if user_id is None:
            profile = self._profile(slack_user)
            if profile.email:
                with self.engine.connect() as conn:  # a CRM user linked to a Slack id is reached by it alone
                    rows = [r for r in conn.execute(select(User.id, User.email, User.timezone).where(
                        func.lower(User.email) == profile.email, User.slack_user_id.is_(None))).all()
                            if _address(r.email) == profile.email]
                if len(rows) > 1:
                    log.warning("Slack user %s not linked: %d CRM users have their address in different cases",
                                slack_user, len(rows))
                row = rows[0] if len(rows) == 1 else None
                if row is not None:
                    user_id = row.id
                    if row.timezone is None and profile.timezone:
                        with self.engine.begin() as conn:  # fills an empty zone only: one on record is kept
                            conn.execute(update(User).where(User.id == user_id, User.timezone.is_(None))
                                         .values(timezone=profile.timezone))
        if user_id is None:
            return None
        return identity_by_id(self.engine, user_id, default_timezone=self.default_timezone)


_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _address(value: object) -> str | None:
    """An address as compared: trimmed, its ASCII letters in lower case and nothing else changed (``str.lower``
    would turn a Kelvin sign into "k", an address that is not the same)."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().translate(_UPPER)


def _zone_name(value: object) -> str | None:
    """Slack's ``tz`` when it is an IANA zone name this machine knows, else None."""
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        return None
    try:
        ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return value.strip()
