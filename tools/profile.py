"""The customer-profile tool: everything a rep needs to know about one account, scope-checked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine, func, select

from copilot.crm.models import OPEN_STAGES, Account, Activity, Contact, Opportunity, Product, User
from tools.crm_query import validated
from copilot.crm.errors import ScopeError
from tools.health import FEATURES, LABELS, deal_features, fit_health_model
from copilot.crm.identity import Identity, account_in_scope
from copilot.crm.names import Names, NameMatch
from tools.registry import Tool, ToolContext

STALLED_DAYS = 21
QUIET_DAYS = 30


class ProfileArgs(BaseModel):
    account: str

    model_config = {"extra": "forbid", "str_max_length": 200, "str_strip_whitespace": True,
                    "str_min_length": 1}


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return value.isoformat() if value else None


def customer_profile(engine: Engine, identity: Identity, account: str | dict[str, Any], *,
                     now: dt.datetime | None = None, names: Names | None = None) -> dict[str, Any]:
    """Firmographics, contacts, deals, engagement, health, risks and a next step for one account."""
    args = validated(ProfileArgs, account if isinstance(account, dict) else {"account": account})
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    match: NameMatch = (names or Names.load(engine)).resolve("account", args.account)
    with engine.connect() as conn:
        acct = conn.execute(select(Account.__table__).where(Account.name == match.name)).one()
        scope = [identity.scope(Opportunity.user_id)]
        deals = conn.execute(
            select(Opportunity.id, Opportunity.stage, Opportunity.engage_date, Opportunity.close_date,
                   Opportunity.close_value, Product.name.label("product"), Product.list_price, User.name.label("rep"))
            .join(Product, Product.id == Opportunity.product_id).join(User, User.id == Opportunity.user_id)
            .where(Opportunity.account_id == acct.id, *scope).order_by(Opportunity.engage_date.desc())
        ).all()
        if not account_in_scope(conn, identity, acct.id):
            raise ScopeError(f"the account {acct.name}: its deals belong to other reps (you see "
                             f"{identity.describe()})")
        parent = conn.execute(select(Account.name).where(Account.id == acct.parent_id)).scalar() if acct.parent_id \
            else None
        subsidiaries = list(conn.scalars(select(Account.name).where(Account.parent_id == acct.id).order_by(Account.name)))
        contacts = conn.execute(select(Contact.id, Contact.name, Contact.title, Contact.email, Contact.timezone)
                                .where(Contact.account_id == acct.id).order_by(Contact.name)).all()
        act_scope = [identity.scope(Activity.user_id)]
        acts = conn.execute(
            select(Activity.id, Activity.occurred_at, Activity.direction, Activity.in_reply_to, Activity.contact_id,
                   Activity.type, Activity.opportunity_id)
            .where(Activity.account_id == acct.id, *act_scope).order_by(Activity.occurred_at)
        ).all()
    open_deals = [d for d in deals if d.stage in OPEN_STAGES]
    won = [d for d in deals if d.stage == "Won"]
    lost = [d for d in deals if d.stage == "Lost"]
    engagement = _engagement(acts, contacts, now)
    health = _health(engine, [d.id for d in open_deals], now)
    risks = _risks(open_deals, engagement, contacts, now)
    profile = {
        "account": acct.name,
        "account_id": acct.id,
        "matched_from": match.typed if match.note() else None,
        "firmographics": {"sector": acct.sector, "revenue_musd": float(acct.revenue_musd or 0) or None,
                          "employees": acct.employees, "year_established": acct.year_established,
                          "office_location": acct.office_location, "tier": acct.tier,
                          "parent_account": parent, "subsidiaries": subsidiaries},
        "contacts": [{"name": c.name, "title": c.title, "email": c.email, "timezone": c.timezone,
                      **engagement["by_contact"].get(c.id, {})} for c in contacts],
        "deals": {
            "open": [{"id": d.id, "stage": d.stage, "product": d.product, "rep": d.rep,
                      "engage_date": _iso(d.engage_date), "list_price": float(d.list_price or 0)} for d in open_deals],
            "open_count": len(open_deals),
            "open_pipeline_list_price": float(sum(d.list_price or 0 for d in open_deals)),
            "won_count": len(won), "won_revenue": float(sum(d.close_value or 0 for d in won)),
            "lost_count": len(lost),
            "last_closed": [{"id": d.id, "stage": d.stage, "product": d.product, "close_date": _iso(d.close_date),
                             "close_value": float(d.close_value or 0)}
                            for d in sorted(won + lost, key=lambda d: d.close_date, reverse=True)[:5]],
        },
        "engagement": {k: v for k, v in engagement.items() if k != "by_contact"},
        "health": health,
        "risks": risks,
        "next_step": _next_step(open_deals, engagement, contacts, risks),
        "scope": identity.describe(),
        "definitions": {"reply_rate": "replies / outbound touches",
                        "open_pipeline_list_price": "sum of list prices of open deals",
                        "won_revenue": "sum of close_value of Won deals"},
        "record_ids": [d.id for d in deals] + [i for i in (engagement["last_touch_id"], engagement["last_reply_id"])
                                                if i],
        "as_of": now.isoformat(timespec="minutes"),
    }
    return profile


def _engagement(acts: list[Any], contacts: list[Any], now: dt.datetime) -> dict[str, Any]:
    touches = [a for a in acts if a.direction == "outbound" and a.occurred_at <= now]
    replies = [a for a in acts if a.direction == "inbound" and a.in_reply_to and a.occurred_at <= now]
    last_touch = touches[-1] if touches else None
    last_reply = replies[-1] if replies else None

    def rate(start: dt.datetime, end: dt.datetime) -> tuple[int, int, float | None]:
        t = sum(1 for a in touches if start <= a.occurred_at < end)
        r = sum(1 for a in replies if start <= a.occurred_at < end)
        return t, r, (round(r / t, 4) if t else None)

    recent = rate(now - dt.timedelta(days=90), now)
    before = rate(now - dt.timedelta(days=180), now - dt.timedelta(days=90))
    trend = None
    if recent[2] is not None and before[2] is not None:
        delta = recent[2] - before[2]
        trend = "rising" if delta > 0.05 else "falling" if delta < -0.05 else "steady"
    streak = sum(1 for a in touches if last_reply is None or a.occurred_at > last_reply.occurred_at)
    by_contact: dict[int, dict[str, Any]] = {}
    for a in acts:
        if a.contact_id is None:
            continue
        entry = by_contact.setdefault(a.contact_id, {"touches": 0, "replies": 0, "last_reply": None})
        if a.direction == "outbound":
            entry["touches"] += 1
        elif a.in_reply_to:
            entry["replies"] += 1
            entry["last_reply"] = _iso(a.occurred_at)
    return {
        "touches": len(touches), "replies": len(replies),
        "reply_rate": round(len(replies) / len(touches), 4) if touches else None,
        "reply_rate_last_90_days": recent[2], "reply_rate_previous_90_days": before[2], "reply_trend": trend,
        "touches_last_90_days": recent[0],
        "last_touch": _iso(last_touch.occurred_at) if last_touch else None,
        "last_touch_id": last_touch.id if last_touch else None,
        "last_reply": _iso(last_reply.occurred_at) if last_reply else None,
        "last_reply_id": last_reply.id if last_reply else None,
        "last_reply_contact_id": last_reply.contact_id if last_reply else None,
        "unanswered_in_a_row": streak,
        "days_since_last_reply": (now - last_reply.occurred_at).days if last_reply else None,
        "days_since_last_activity": (now - max(a.occurred_at for a in acts if a.occurred_at <= now)).days
        if any(a.occurred_at <= now for a in acts) else None,
        "contacts_engaged": len([c for c in by_contact.values() if c["replies"]]),
        "by_contact": by_contact,
    }


def _health(engine: Engine, open_ids: list[str], now: dt.datetime) -> dict[str, Any]:
    model = fit_health_model(engine, now)
    if model is None:
        return {"score": None, "explanation": "not enough won and lost deals with activity history to fit a score"}
    feats = deal_features(engine, open_ids, now) if open_ids else {}
    if not feats:
        return {"score": None, "explanation": "no open deal with activity history to score",
                "model": {"trained_on_closed_deals": model.trained_on, "holdout_auc": model.holdout_auc}}
    scored = [model.score(x) for x in feats.values()]
    score = sum(p for p, _ in scored) / len(scored)
    factors = scored[0][1] if len(scored) == 1 else _mean_factors([f for _, f in scored])
    return {
        "score": round(score * 100),
        "scale": "0-100: fitted probability that the open deals are won, averaged",
        "factors": [{"factor": f.label, "value": round(f.value, 3), "typical": round(f.typical, 3),
                     "effect": "helps" if f.effect > 0 else "hurts", "weight": round(abs(f.effect), 2)}
                    for f in factors[:4]],
        "model": {"trained_on_closed_deals": model.trained_on, "holdout_auc": model.holdout_auc,
                  "features": [LABELS[f] for f in FEATURES]},
    }


def _mean_factors(lists: list[list[Any]]) -> list[Any]:
    from tools.health import Factor

    by = {}
    for factors in lists:
        for f in factors:
            by.setdefault(f.feature, []).append(f)
    out = [Factor(k, v[0].label, sum(x.value for x in v) / len(v), v[0].typical, sum(x.effect for x in v) / len(v))
           for k, v in by.items()]
    return sorted(out, key=lambda f: abs(f.effect), reverse=True)


def _risks(open_deals: list[Any], eng: dict[str, Any], contacts: list[Any], now: dt.datetime) -> list[str]:
    risks = []
    last = max((x for x in (eng["last_touch"], eng["last_reply"]) if x), default=None)
    quiet_days = (now - dt.datetime.fromisoformat(last)).days if last else None
    for d in open_deals:
        if d.stage == "Engaging" and (quiet_days is None or quiet_days >= STALLED_DAYS):
            risks.append(f"stalled: deal {d.id} ({d.product}) has no activity on record" if quiet_days is None
                         else f"stalled: deal {d.id} ({d.product}) has had no activity for {quiet_days} days")
    if eng["unanswered_in_a_row"] >= 3:
        risks.append(f"unanswered: the last {eng['unanswered_in_a_row']} touches got no reply")
    if eng["last_reply"] and (now - dt.datetime.fromisoformat(eng["last_reply"])).days >= QUIET_DAYS and open_deals:
        risks.append(f"no reply for {(now - dt.datetime.fromisoformat(eng['last_reply'])).days} days")
    if open_deals and not contacts:
        risks.append("no contact on record: the CRM names no one at this account to reach")
    elif open_deals and (len(contacts) == 1 or eng["contacts_engaged"] == 1):
        risks.append("single-threaded: only one contact is engaged")
    return risks


def _next_step(open_deals: list[Any], eng: dict[str, Any], contacts: list[Any], risks: list[str]) -> str:
    replier = next((c for c in contacts if c.id == eng["last_reply_contact_id"]), None)
    others = [c for c in contacts if replier is None or c.id != replier.id]
    if not open_deals:
        return "No open deal: look for a new opportunity with the contacts who replied before."
    deal = open_deals[0]
    if any(r.startswith("unanswered") for r in risks):
        target = others[0] if others else replier
        who = (f"{target.name} ({target.title})" if target.title else target.name) if target else "another contact"
        return f"Change approach on {deal.id}: reach {who}, or call instead of writing."
    if any(r.startswith("single-threaded") for r in risks) and others:
        title = f" ({others[0].title})" if others[0].title else ""
        return f"Multi-thread {deal.id}: bring in {others[0].name}{title} alongside the current contact."
    if not contacts:
        return f"Find who to talk to on {deal.id} ({deal.product}): the CRM has no contact at this account."
    if any(r.startswith(("stalled", "no reply")) for r in risks):
        who = replier.name if replier else "the main contact"
        return f"Re-engage {who} on {deal.id} ({deal.product}) with what won a similar deal."
    who = replier.name if replier else "the main contact"
    return f"Keep {deal.id} ({deal.product}) moving: agree the next meeting with {who}."


class Profile(BaseModel):
    """The customer profile as the answer writer reads it (every other key is kept as it is)."""

    model_config = ConfigDict(extra="allow")

    account: str
    firmographics: dict[str, Any]
    contacts: list[dict[str, Any]]
    deals: dict[str, Any]
    engagement: dict[str, Any]
    health: dict[str, Any]
    risks: list[str]
    next_step: str
    scope: str
    record_ids: list[str]


def _run(ctx: ToolContext, args: dict[str, Any]) -> Profile:
    return Profile.model_validate(customer_profile(ctx.engine, ctx.identity, args, now=ctx.clock(), names=ctx.names))


TOOL = Tool("customer_profile", "Everything about one account: firmographics, contacts, deals and totals, "
            "engagement, an explained health score, risks and a suggested next step.", ProfileArgs, Profile, _run,
            doing="reading the account's profile")
