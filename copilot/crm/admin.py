"""Sales-ops administration: who is who (e-mail, Slack id, time zone) and which accounts are key accounts."""

from __future__ import annotations

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError

from copilot.crm.audit import record, record_now
from copilot.crm.errors import ScopeError
from copilot.crm.identity import Identity
from copilot.crm.models import TIERS, Account, User
from copilot.crm.names import suggest_text
from copilot.crm.values import parse_email, parse_timezone


class AdminError(ValueError):
    """A change that cannot be made; the message says why."""


def list_users(engine: Engine, role: str | None = None) -> list[dict[str, object]]:
    manager = User.__table__.alias("manager")
    users = User.__table__
    query = (select(users.c.name, users.c.role, manager.c.name.label("manager"), users.c.regional_office,
                    users.c.email, users.c.slack_user_id, users.c.timezone)
             .select_from(users.outerjoin(manager, manager.c.id == users.c.manager_id)).order_by(users.c.name))
    if role:
        query = query.where(users.c.role == role)
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def set_user(engine: Engine, name: str, *, email: str | None = None, slack_user_id: str | None = None,
             timezone: str | None = None) -> None:
    """Record a user's e-mail, Slack member id and/or time zone (IANA name; follow-up times are also given in it)."""
    values: dict[str, str] = {}
    if email is not None:
        values["email"] = parse_email(email, "email")
    if slack_user_id is not None:
        slack = slack_user_id.strip()
        if not slack or len(slack) > 40 or not slack.isalnum():
            raise AdminError(f"Slack user id {slack_user_id!r} is not valid (letters and digits, like U024BE7LH)")
        values["slack_user_id"] = slack
    if timezone is not None:
        try:
            values["timezone"] = parse_timezone(timezone.strip(), "time zone")
        except ValueError as exc:
            raise AdminError(str(exc)) from None
    if not values:
        raise AdminError("nothing to change: give --email, --slack-id and/or --timezone")
    table = User.__table__
    try:
        with engine.begin() as conn:
            names = dict(conn.execute(select(table.c.name, table.c.id)).all())
            if name not in names:
                raise AdminError(f"unknown user {name[:80]!r}" + suggest_text(name, names, limit=1))
            conn.execute(update(table).where(table.c.id == names[name]).values(**values))
    except IntegrityError:
        raise AdminError(f"another user already has that {' or '.join(values)}") from None


def set_tier(engine: Engine, account: str, tier: str, *, by: Identity) -> str:
    """Mark an account key or standard. Only sales-ops may: the tier decides which actions need an approver.

    Every change (and every refused attempt) is written to the audit log. Returns the previous tier.
    """
    if not by.sees_everything:
        record_now(engine, actor=by.name, actor_id=by.user_id, event="tier_change_refused",
                   detail={"account": account[:200], "tier": tier[:20], "why": "only sales-ops may change a tier"})
        raise ScopeError("changing an account's tier: only sales-ops (ops) may")
    if tier not in TIERS:
        raise AdminError(f"tier {tier!r} is not one of: {', '.join(TIERS)}")
    table = Account.__table__
    with engine.begin() as conn:
        names = dict(conn.execute(select(table.c.name, table.c.id)).all())
        if account not in names:
            raise AdminError(f"unknown account {account[:80]!r}" + suggest_text(account, names, limit=1))
        before = conn.execute(select(table.c.tier).where(table.c.id == names[account])).scalar_one()
        conn.execute(update(table).where(table.c.id == names[account]).values(tier=tier))
        record(conn, actor=by.name, actor_id=by.user_id, event="tier_changed", account_id=names[account],
               detail={"account": account, "from": before, "to": tier})
    return before
