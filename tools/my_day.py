"""The rep's day: follow-ups due, stalled deals and accounts whose touches go unanswered, in the caller's
scope, by the same rules as the customer profile's risks (``tools.profile``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine, and_, func, select

from copilot.crm.identity import Identity
from copilot.crm.models import Account, Activity, Opportunity, Product, Task, User
from tools.crm_query import validated
from tools.profile import STALLED_DAYS
from tools.registry import Tool, ToolContext

UNANSWERED_IN_A_ROW = 3


class MyDayArgs(BaseModel):
    """What to put in front of the caller today (no argument is needed)."""

    model_config = ConfigDict(extra="forbid")

    limit: Annotated[int, Field(ge=1, le=20)] = 5


class DueFollowUp(BaseModel):
    task: str
    account: str
    due_at: str
    overdue_days: int
    note: str | None = None
    rep: str


class StalledDeal(BaseModel):
    deal: str
    account: str
    product: str
    engage_date: str | None
    quiet_days: int | None
    """Days since the account's last activity (None: no activity ever)."""
    rep: str


class UnansweredAccount(BaseModel):
    account: str
    unanswered_in_a_row: int
    last_touch: str


class MyDay(BaseModel):
    as_of: str
    scope: str
    follow_ups_due: list[DueFollowUp]
    follow_ups_due_count: int
    """Every follow-up due by the end of today (``follow_ups_due`` lists the first ``limit``)."""
    stalled: list[StalledDeal]
    stalled_count: int
    unanswered: list[UnansweredAccount]
    stalled_after_days: int = STALLED_DAYS
    unanswered_after: int = UNANSWERED_IN_A_ROW
    definitions: dict[str, str]
    record_ids: list[str]


def my_day(engine: Engine, identity: Identity, args: dict | MyDayArgs | None = None, *,
           now: dt.datetime | None = None) -> MyDay:
    a = args if isinstance(args, MyDayArgs) else validated(MyDayArgs, args or {})
    now = now or dt.datetime.now(dt.UTC)
    if now.tzinfo is not None:  # the CRM stores naive UTC
        now = now.astimezone(dt.UTC).replace(tzinfo=None)
    end_of_day = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
    acts_in_scope = identity.scope(Activity.user_id)
    with engine.connect() as conn:
        due = conn.execute(
            select(Task.id, Account.name.label("account"), Task.due_at, Task.note, User.name.label("rep"))
            .join(Account, Account.id == Task.account_id).join(User, User.id == Task.user_id)
            .where(identity.scope(Task.user_id), Task.due_at < end_of_day).order_by(Task.due_at).limit(a.limit)
        ).all()
        due_count = conn.execute(select(func.count()).select_from(Task).where(
            identity.scope(Task.user_id), Task.due_at < end_of_day)).scalar_one()
        last_activity = (select(Activity.account_id, func.max(Activity.occurred_at).label("last"))
                         .where(acts_in_scope, Activity.occurred_at <= now).group_by(Activity.account_id).subquery())
        engaging = conn.execute(
            select(Opportunity.id, Account.name.label("account"), Product.name.label("product"),
                   Opportunity.engage_date, last_activity.c.last, User.name.label("rep"))
            .outerjoin(Account, Account.id == Opportunity.account_id).join(Product, Product.id == Opportunity.product_id)
            .join(User, User.id == Opportunity.user_id)
            .outerjoin(last_activity, last_activity.c.account_id == Opportunity.account_id)
            .where(identity.scope(Opportunity.user_id), Opportunity.stage == "Engaging")
        ).all()
        last_reply = (select(Activity.account_id, func.max(Activity.occurred_at).label("last_reply"))
                      .where(acts_in_scope, Activity.direction == "inbound", Activity.in_reply_to.is_not(None),
                             Activity.occurred_at <= now).group_by(Activity.account_id).subquery())
        unanswered = conn.execute(
            select(Account.name, func.count(Activity.id).label("n"), func.max(Activity.occurred_at).label("last"))
            .join(Account, Account.id == Activity.account_id)
            .outerjoin(last_reply, last_reply.c.account_id == Activity.account_id)
            .where(acts_in_scope, Activity.direction == "outbound", Activity.occurred_at <= now,
                   and_(True, (last_reply.c.last_reply.is_(None)) | (Activity.occurred_at > last_reply.c.last_reply)))
            .group_by(Account.name).having(func.count(Activity.id) >= UNANSWERED_IN_A_ROW)
            .order_by(func.count(Activity.id).desc(), Account.name).limit(a.limit)
        ).all()
    stalled = []
    for d in engaging:
        quiet = (now - d.last).days if d.last else None
        if quiet is None or quiet >= STALLED_DAYS:
            stalled.append(StalledDeal(deal=d.id, account=d.account or "(no account)", product=d.product,
                                       engage_date=d.engage_date.isoformat() if d.engage_date else None,
                                       quiet_days=quiet, rep=d.rep))
    # longest quiet first; never-touched deals by how long they have been engaged
    stalled.sort(key=lambda s: (-(s.quiet_days if s.quiet_days is not None else 10**6), s.engage_date or "", s.deal))
    shown = stalled[:a.limit]
    follow_ups = [DueFollowUp(task=t.id, account=t.account, due_at=t.due_at.isoformat(timespec="minutes"),
                              overdue_days=max(0, (now - t.due_at).days), note=(t.note or "")[:200] or None, rep=t.rep)
                  for t in due]
    return MyDay(
        as_of=now.isoformat(timespec="minutes"), scope=identity.describe(), follow_ups_due=follow_ups,
        follow_ups_due_count=due_count,
        stalled=shown, stalled_count=len(stalled),
        unanswered=[UnansweredAccount(account=u.name, unanswered_in_a_row=u.n,
                                      last_touch=u.last.isoformat(timespec="minutes")) for u in unanswered],
        definitions={"stalled": f"an Engaging deal whose account has had no activity for {STALLED_DAYS} days or more",
                     "unanswered": f"{UNANSWERED_IN_A_ROW} or more outbound touches in a row since the account's "
                                   "last reply"},
        record_ids=[*(t.task for t in follow_ups), *(s.deal for s in shown)],
    )


def _run(ctx: ToolContext, args: dict[str, Any]) -> MyDay:
    return my_day(ctx.engine, ctx.identity, args, now=ctx.clock())


TOOL = Tool("my_day", "What the caller should work on today: follow-ups due or overdue, stalled deals (Engaging, "
            "no activity on the account for weeks) and accounts whose last touches went unanswered.", MyDayArgs, MyDay,
            _run, doing="gathering your follow-ups and stalled deals")
