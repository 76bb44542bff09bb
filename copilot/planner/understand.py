"""From a rep's sentence to the tool calls an analyst would make.

This is the offline planner's reading of a request: which names it mentions (matched against the
CRM), what it asks for (a metric, an attribute, a brief, talk tracks, an e-mail, a follow-up time,
an action), over which period, grouped or ranked how. It never invents a figure: it only decides
which tool to call with which arguments.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from copilot.planner.spotting import Spot, spot, tokens
from copilot.planner.timeparse import parse_period
from copilot.crm.identity import Identity
from copilot.crm.names import Names

GROUP_WORDS = {"product": "product", "products": "product", "rep": "rep", "reps": "rep", "agent": "rep",
               "agents": "rep", "salesperson": "rep", "seller": "rep", "account": "account", "accounts": "account",
               "customer": "account", "customers": "account", "client": "account", "office": "regional_office",
               "offices": "regional_office", "region": "regional_office", "regions": "regional_office",
               "sector": "sector", "sectors": "sector", "industry": "sector", "manager": "manager",
               "managers": "manager", "team": "manager", "teams": "manager", "stage": "stage", "stages": "stage",
               "quarter": "close_quarter", "quarters": "close_quarter", "month": "close_month",
               "months": "close_month"}
STAGE_WORDS = {"prospecting": "Prospecting", "engaging": "Engaging"}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10}


@dataclass
class ToolCall:
    name: str
    args: dict[str, Any]


@dataclass
class Reading:
    """What the planner understood: the calls to make and how to phrase the answer."""

    calls: list[ToolCall] = field(default_factory=list)
    kind: str = "unknown"
    metric: str | None = None
    period: str | None = None
    subject: str | None = None
    superlative: str | None = None
    note: str | None = None


def _has(text: str, *patterns: str) -> bool:
    return any(re.search(p, text) for p in patterns)


def _metric(t: str) -> str | None:
    if _has(t, r"win rate", r"win ratio", r"close rate", r"conversion"):
        return "win_rate"
    if _has(t, r"average (won )?deal size", r"avg (won )?deal", r"average (won )?deal value", r"typical deal size",
            r"average size"):
        return "avg_won_deal_size"
    if _has(t, r"sales cycle", r"cycle length", r"days to close", r"time to close", r"how long .* close"):
        return "avg_sales_cycle_days"
    if _has(t, r"reply rate", r"response rate"):
        return "reply_rate"
    if _has(t, r"pipeline"):
        return "open_pipeline_list_price"
    if _has(t, r"\brevenue\b", r"\bbooked\b", r"\bbookings\b", r"\bsales\b",
            r"how much .*\b(won|made|make|sold|sell|brought|bring|brings|generated?|closed)\b",
            r"\bearn", r"\b(brought|bring|brings) in\b", r"\bvalue\b"):
        return "won_revenue"
    if _has(t, r"how many|number of|count"):
        if _has(t, r"\bopen\b|in progress|active"):
            return "open_count"
        if _has(t, r"\blost\b|\blose\b"):
            return "lost_count"
        if _has(t, r"\bwon\b|\bwin\b|\bclosed won\b"):
            return "won_count"
        return "count"
    if _has(t, r"\blost deals?\b", r"\bdeals? (were |we )?lost\b", r"\blost\b"):
        return "lost_count"
    if _has(t, r"\bwon deals?\b", r"\bdeals? (were |we )?won\b", r"\bclosed (the )?(most|fewest|more) deals\b",
            r"\bwins\b"):
        return "won_count"
    if _has(t, r"\bopen deals?\b", r"\bopen opportunit"):
        return "open_count"
    return None


def understand(text: str, names: Names, identity: Identity, today: dt.date) -> Reading:
    t = " ".join(text.casefold().split())
    spots = spot(text, names)
    by_kind: dict[str, list[str]] = {}
    for s in spots:
        by_kind.setdefault(s.kind, []).append(s.name)
    period = parse_period(t, today)

    action = _action(t, text, by_kind, today)
    if action is not None:
        return action
    if _has(t, r"\b(draft|write|compose|prepare)\b.*\b(e-?mail|note|message)\b", r"\bemail to\b", r"\be-?mail\b.*\bto\b"):
        return _email(t, by_kind, names)
    if _has(t, r"when should i (follow|reach|write|email|call)", r"follow[- ]?up (time|timing|when)",
            r"\bnext (follow[- ]?up|touch)\b", r"best time to (follow|reach|email|call|write)", r"when to follow"):
        return _followup(t, text, by_kind)
    if _has(t, r"\btalk ?tracks?\b", r"what (worked|works|won)", r"how did we (win|beat|handle|overcome|get past)",
            r"what did(n't| not) work", r"objection", r"messaging", r"what should i say", r"how (do|should) (i|we) "
            r"(handle|respond|answer)"):
        return _talk_tracks(text, by_kind)
    if "account" in by_kind and _has(t, r"\bbrief\b", r"\bprofile\b", r"tell me about", r"how is .* doing",
                                     r"\bhealth\b", r"overview", r"what'?s (going on|happening) with", r"\brisks?\b",
                                     r"\bsummar", r"status of", r"update on", r"next step"):
        return Reading([ToolCall("customer_profile", {"account": by_kind["account"][0]})], "profile",
                       subject=by_kind["account"][0])
    attribute = _attribute(t, by_kind)
    if attribute:
        return attribute
    return _crm(t, spots, by_kind, identity, period, names)


def _attribute(t: str, by_kind: dict[str, list[str]]) -> Reading | None:
    if "account" in by_kind and _has(t, r"located", r"\bwhere\b", r"\bheadquarter", r"\bcountry\b", r"\boffice\b"):
        return Reading([ToolCall("crm_query", {"entity": "accounts", "filters": {"account": by_kind["account"][:1]}})],
                       "attribute", metric="office_location", subject=by_kind["account"][0])
    if "account" in by_kind and _has(t, r"(annual|yearly|company|total company) revenue", r"\bturnover\b",
                                     r"how big", r"\bsize of\b", r"revenue of", r"employees", r"headcount",
                                     r"\bsector\b", r"industry",
                                     r"\bfounded\b", r"established", r"parent", r"subsidiar"):
        field_ = ("employees" if _has(t, r"employees|headcount|how big") else
                  "sector" if _has(t, r"sector|industry") else
                  "year_established" if _has(t, r"founded|established") else
                  "parent_account" if _has(t, r"parent|subsidiar") else "revenue_musd")
        if not (field_ == "revenue_musd" and _has(t, r"\bwon\b|\bbooked\b|total")):
            return Reading([ToolCall("crm_query", {"entity": "accounts",
                                                   "filters": {"account": by_kind["account"][:1]}})],
                           "attribute", metric=field_, subject=by_kind["account"][0])
    if "product" in by_kind and _has(t, r"\bprice\b", r"\bcost\b", r"list price", r"how much (is|does)"):
        return Reading([ToolCall("crm_query", {"entity": "products", "filters": {"product": by_kind["product"][:1]}})],
                       "attribute", metric="list_price", subject=by_kind["product"][0])
    if "user" in by_kind and _has(t, r"\bmanager\b", r"report(s)? to", r"\bboss\b", r"\bmanages\b",
                                  r"managed by", r"\bsupervis", r"\blead(s)? (by)?\b.*\bteam\b",
                                  r"which (office|region)", r"what (office|region)"):
        metric = "regional_office" if _has(t, r"office|region") and not _has(t, r"manager") else "manager"
        return Reading([ToolCall("crm_query", {"entity": "users", "filters": {"rep": by_kind["user"][:1]}})],
                       "attribute", metric=metric, subject=by_kind["user"][0])
    if _has(t, r"(how many|number of|count of|count the) (accounts|customers|companies|clients)"):
        filters = {}
        if "sector" in by_kind:
            filters["sector"] = by_kind["sector"]
        if _has(t, r"\bkey\b"):
            filters["tier"] = "key"
        return Reading([ToolCall("crm_query", {"entity": "accounts", "metrics": ["count"], "group_by": [],
                                               "filters": filters})], "attribute", metric="account_count",
                       subject=", ".join(by_kind.get("sector", [])) or None)
    return None


def _crm(t: str, spots: list[Spot], by_kind: dict[str, list[str]], identity: Identity,
         period: tuple[dt.date, dt.date, str] | None, names: Names) -> Reading:
    metric = _metric(t)
    if metric is None:
        return Reading(kind="unknown")
    if metric == "reply_rate":
        filters: dict[str, Any] = {}
        if "account" in by_kind:
            filters["account"] = by_kind["account"]
        _people(t, by_kind, identity, filters, names)
        if period:
            filters["activity_from"], filters["activity_to"] = period[0].isoformat(), period[1].isoformat()
        return Reading([ToolCall("crm_query", {"entity": "activities", "metrics": ["reply_rate", "touches", "replies"],
                                               "filters": filters})], "metric", metric, period[2] if period else None)
    filters = {}
    for kind, key in (("account", "account"), ("product", "product"), ("regional_office", "regional_office"),
                      ("sector", "sector")):
        if kind in by_kind:
            filters[key] = by_kind[kind]
    _people(t, by_kind, identity, filters, names)
    for word, stage in STAGE_WORDS.items():
        if re.search(rf"\b{word}\b", t):
            filters["stage"] = [stage]
    if re.search(r"\bkey accounts?\b", t):
        filters["tier"] = "key"
    if period:
        lo, hi = period[0].isoformat(), period[1].isoformat()
        if metric in ("open_count", "open_pipeline_list_price") or _has(t, r"\b(new|created|started|engaged)\b"):
            filters["engage_from"], filters["engage_to"] = lo, hi
        else:
            filters["close_from"], filters["close_to"] = lo, hi
    if "stage" not in filters:  # so the records cited are exactly the ones behind the figure
        stages = {"won_count": ["Won"], "won_revenue": ["Won"], "avg_won_deal_size": ["Won"],
                  "avg_sales_cycle_days": ["Won"], "lost_count": ["Lost"], "win_rate": ["Won", "Lost"],
                  "open_count": ["Prospecting", "Engaging"], "open_pipeline_list_price": ["Prospecting", "Engaging"]}
        if metric in stages:
            filters["stage"] = stages[metric]
    metrics = [metric]
    if metric == "win_rate":
        metrics += ["won_count", "lost_count"]
    elif metric == "avg_won_deal_size":
        metrics += ["won_count", "won_revenue"]
    elif metric == "won_revenue":
        metrics += ["won_count"]
    elif metric == "open_pipeline_list_price":
        metrics += ["open_count"]
    args: dict[str, Any] = {"entity": "opportunities", "metrics": metrics, "filters": filters}
    superlative = _superlative(t)
    group = _group(t, spots)
    if superlative and group:
        n = _top_n(t)
        args.update(group_by=[group], order_by=metric, descending=superlative == "most", limit=n)
    elif group and _has(t, r"\bby (product|rep|account|office|region|sector|manager|team|stage|quarter|month)\b",
                        r"\bper (product|rep|account|office|region|sector|manager|team|stage|quarter|month)\b",
                        r"\beach (product|rep|account|office|region|sector|manager|team|stage|quarter|month)\b",
                        r"\bbreak ?down\b"):
        args.update(group_by=[group], order_by=metric, descending=True, limit=50)
    return Reading([ToolCall("crm_query", args)], "metric", metric, period[2] if period else None,
                   subject=_subject(by_kind, filters, identity, t), superlative=superlative if group else None)


def _people(t: str, by_kind: dict[str, list[str]], identity: Identity, filters: dict[str, Any],
            names: Names) -> None:
    users = by_kind.get("user", [])
    managers = set(names.by_kind.get("manager", []))
    if re.search(r"\bmy team\b|\bour team\b|\bmy reps\b|\bmy people\b", t) and identity.role == "manager":
        filters["manager"] = [identity.name]
    elif re.search(r"\b(i|my|me|mine)\b", t) and identity.role in ("rep", "manager") and not users:
        filters["rep"] = [identity.name]
    for user in users:
        key = "manager" if user in managers and re.search(r"\bteam\b", t) else "rep"
        filters.setdefault(key, []).append(user)


def _superlative(t: str) -> str | None:
    if _has(t, r"\b(most|highest|best|biggest|largest|top|leading|greatest|strongest)\b"):
        return "most"
    if _has(t, r"\b(least|lowest|worst|smallest|bottom|weakest|fewest)\b"):
        return "least"
    return None


def _top_n(t: str) -> int:
    if m := re.search(r"\btop\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b", t):
        v = m.group(1)
        return int(v) if v.isdigit() else NUMBER_WORDS[v]
    if m := re.search(r"\b(\d{1,2})\s+(best|top|biggest|largest)\b", t):
        return int(m.group(1))
    return 5 if re.search(r"\b(reps|products|accounts|offices|sectors|managers|teams)\b", t) and \
        re.search(r"\btop\b", t) else 1


def _group(t: str, spots: list[Spot]) -> str | None:
    for word in tokens(t):
        if word in GROUP_WORDS:
            group = GROUP_WORDS[word]
            # "for the East office" names an office; it is a filter, not a grouping
            if group == "regional_office" and any(s.kind == "regional_office" for s in spots):
                continue
            if group == "sector" and any(s.kind == "sector" for s in spots):
                continue
            if group == "manager" and re.search(r"\bmy team\b", t):
                continue
            if group == "account" and any(s.kind == "account" for s in spots):
                continue
            if group == "product" and any(s.kind == "product" for s in spots):
                continue
            return group
    if re.search(r"\bwho\b", t):
        return "rep"
    return None


def _subject(by_kind: dict[str, list[str]], filters: dict[str, Any], identity: Identity, t: str) -> str | None:
    if filters.get("manager") == [identity.name]:
        return "your team"
    if filters.get("rep") == [identity.name]:
        return "you"
    for kind in ("user", "account", "product", "regional_office", "sector"):
        if kind in by_kind:
            suffix = " office" if kind == "regional_office" else " sector" if kind == "sector" else ""
            return ", ".join(by_kind[kind]) + suffix
    return None


def _email(t: str, by_kind: dict[str, list[str]], names: Names) -> Reading:
    tone = next((w for w in ("formal", "friendly", "direct", "warm", "casual", "short") if w in t), None)
    args: dict[str, Any] = {}
    if "account" in by_kind:
        args["account"] = by_kind["account"][0]
    if "product" in by_kind:
        args["product"] = by_kind["product"][0]
    if tone:
        args["tone"] = {"warm": "friendly", "casual": "friendly", "short": "direct"}.get(tone, tone)
    m = re.search(r"\b(?:about|regarding|re)\s+(.{3,120}?)(?:[.?!]|$)", t)
    if m:
        args["purpose"] = m.group(1)
    contact = re.search(r"\bto\s+([a-z][a-z'-]+(?:\s+[a-z][a-z'-]+)?)\s+at\b", t)
    if contact:
        args["contact"] = contact.group(1)
    if "account" not in args:
        return Reading(kind="need", note="Which account is the e-mail for? For example: draft an e-mail to "
                                        "Kan-code about next steps.")
    return Reading([ToolCall("draft_email", args)], "email", subject=args["account"])


def _followup(t: str, text: str, by_kind: dict[str, list[str]]) -> Reading:
    email = re.search(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", text)
    args: dict[str, Any] = {}
    if email:
        args["contact_email"] = email.group(0)
    elif "account" in by_kind:
        args["account"] = by_kind["account"][0]
    else:
        return Reading(kind="need", note="Who do you want to follow up with? Give the contact's e-mail or the "
                                        "account, e.g. 'when should I follow up with Kan-code?'")
    return Reading([ToolCall("next_followup", args)], "followup", subject=args.get("contact_email")
                   or args.get("account"))


def _talk_tracks(text: str, by_kind: dict[str, list[str]]) -> Reading:
    args: dict[str, Any] = {"query": text[:500]}
    if "product" in by_kind:
        args["product"] = by_kind["product"][:3]
    if "sector" in by_kind:
        args["sector"] = by_kind["sector"][:3]
    return Reading([ToolCall("talk_tracks", args)], "talk_tracks")


def _action(t: str, text: str, by_kind: dict[str, list[str]], today: dt.date) -> Reading | None:
    account = by_kind.get("account", [None])[0]
    if re.search(r"^\s*(please\s+)?send (it|the (draft|e-?mail))\b", t):
        return Reading([ToolCall("send_email", {})], "action", note="send_last_draft")
    if m := re.search(r"\b(?:move|change|set|mark|update)\b.*?\bdeal\s+([a-z0-9-]{4,64})\b.*?\b(?:to|as)\s+"
                      r"(prospecting|engaging|won|lost)\b", t):
        args: dict[str, Any] = {"deal_id": m.group(1).upper(), "stage": m.group(2).capitalize()}
        value = re.search(r"(?:for|at|value)\s+\$?([\d,]+(?:\.\d+)?)", t[m.end():])
        if value:
            args["close_value"] = float(value.group(1).replace(",", ""))
        return Reading([ToolCall("change_stage", args)], "action")
    if m := re.search(r"\blog (?:a |an )?(call|meeting|note|e-?mail)\b", t):
        if account is None:
            return Reading(kind="need", note="Which account should I log it on? For example: log a call with "
                                            "Kan-code: they asked for a proposal.")
        summary = text.split(":", 1)[1].strip() if ":" in text else text
        return Reading([ToolCall("log_activity", {"account": account, "type": m.group(1).replace("-", ""),
                                                  "summary": summary[:5000]})], "action")
    if re.search(r"\b(schedule|set up|book|remind me)\b.*\bfollow[- ]?up\b|\bremind me to\b", t):
        if account is None:
            return Reading(kind="need", note="Which account is the follow-up for?")
        due = _when(t, today)
        if due is None:
            return Reading(kind="need", note="When? For example: schedule a follow-up with Kan-code on "
                                            "2026-12-01 at 10:00.")
        note = text.split(":", 1)[1].strip() if ":" in text else None
        return Reading([ToolCall("schedule_followup", {"account": account, "due_at": due,
                                                       **({"note": note} if note else {})})], "action")
    return None


def _when(t: str, today: dt.date) -> str | None:
    day: dt.date | None = None
    if m := re.search(r"\b(\d{4}-\d{2}-\d{2})\b", t):
        day = dt.date.fromisoformat(m.group(1))
    elif "tomorrow" in t:
        day = today + dt.timedelta(days=1)
    else:
        days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        if m := re.search(r"\b(?:on |next )?(" + "|".join(days) + r")\b", t):
            ahead = (days.index(m.group(1)) - today.weekday()) % 7 or 7
            day = today + dt.timedelta(days=ahead)
    if day is None:
        return None
    hour, minute = 9, 0
    if m := re.search(r"\bat (\d{1,2})(?::(\d{2}))?\s*(am|pm)?\b", t):
        hour, minute = int(m.group(1)) % 24, int(m.group(2) or 0)
        if m.group(3) == "pm" and hour < 12:
            hour += 12
    return dt.datetime.combine(day, dt.time(hour, minute)).isoformat(timespec="minutes")
