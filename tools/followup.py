"""When to follow up next. Until the learned timing model exists, a plainly labelled rule:
three business days after the last touch, at 9:00 in the contact's own time zone."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine, func, select

from copilot.crm.models import Account, Activity, Contact
from tools.crm_query import validated
from tools.errors import ScopeError, ToolInputError
from tools.identity import Identity
from tools.names import Names

RULE = "rule: 3 business days after the last touch, 9:00 local time (the learned timing model is not available yet)"


class FollowupArgs(BaseModel):
    """Who to follow up with: a contact's e-mail, or an account (its most recently answering contact)."""

    model_config = ConfigDict(extra="forbid")

    contact_email: str | None = Field(default=None, max_length=320)
    account: str | None = Field(default=None, max_length=200)


def _business_days_after(day: dt.date, n: int) -> dt.date:
    while n:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def next_followup(engine: Engine, identity: Identity, args: FollowupArgs | dict[str, Any], *, now: dt.datetime,
                  names: Names | None = None) -> dict[str, Any]:
    if not isinstance(args, FollowupArgs):
        args = validated(FollowupArgs, args)
    scope = [] if identity.sees_everything else [Activity.user_id.in_(sorted(identity.team))]
    with engine.connect() as conn:
        if args.contact_email:
            contact = conn.execute(select(Contact.__table__).where(
                func.lower(Contact.email) == args.contact_email.strip().lower())).first()
            if contact is None:
                raise ToolInputError(f"unknown contact e-mail {args.contact_email[:80]!r}")
        elif args.account:
            account = (names or Names.load(engine)).resolve("account", args.account).name
            account_id = conn.execute(select(Account.id).where(Account.name == account)).scalar_one()
            last = conn.execute(select(Activity.contact_id).where(Activity.account_id == account_id,
                                                                   Activity.contact_id.is_not(None), *scope)
                                .order_by(Activity.occurred_at.desc()).limit(1)).scalar()
            query = select(Contact.__table__).where(Contact.account_id == account_id)
            contact = conn.execute(query.where(Contact.id == last) if last else query.limit(1)).first()
            if contact is None:
                raise ToolInputError(f"{account} has no contacts on record")
        else:
            raise ToolInputError("give a contact_email or an account")
        touches = conn.execute(select(Activity.occurred_at, Activity.user_id).where(
            Activity.contact_id == contact.id, Activity.direction == "outbound").order_by(Activity.occurred_at.desc())
            .limit(1)).first()
        mine = conn.execute(select(func.count()).where(Activity.contact_id == contact.id, *scope)).scalar_one()
    if not identity.sees_everything and touches is not None and not mine:
        raise ScopeError(f"the contact {contact.email}: their deals belong to other reps")
    zone = ZoneInfo(contact.timezone or "UTC")
    local_now = now.replace(tzinfo=dt.UTC).astimezone(zone)
    base = touches[0].replace(tzinfo=dt.UTC).astimezone(zone).date() if touches else local_now.date()
    day = _business_days_after(base, 3)
    when = dt.datetime.combine(day, dt.time(9, 0), zone)
    while when <= local_now:
        when = dt.datetime.combine(_business_days_after(when.date(), 1), dt.time(9, 0), zone)
    last_txt = touches[0].replace(tzinfo=dt.UTC).astimezone(zone).strftime("%a %d %b") if touches else None
    return {
        "contact": f"{contact.name} <{contact.email}>", "contact_timezone": zone.key,
        "recommended_at": when.isoformat(timespec="minutes"), "alternatives": [],
        "reason": (f"Last touch {last_txt}; three business days later at 9:00 their time." if last_txt
                   else "No earlier touch; the next business-day morning slot after three business days."),
        "method": RULE,
    }
