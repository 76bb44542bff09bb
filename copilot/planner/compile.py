"""From a frame to the CRM query that answers it (the tool's own typed arguments)."""

from __future__ import annotations

from typing import Any

from copilot.planner.frames import ACCOUNT_FIELDS, STAGES_OF, Frame, record_order

SUPPORT = {"win_rate": ["won_count", "lost_count"], "avg_won_deal_size": ["won_count", "won_revenue"],
           "won_revenue": ["won_count"], "open_pipeline_list_price": ["open_count"],
           "median_won_deal_size": ["won_count"], "median_sales_cycle_days": ["won_count"]}


def query_for(frame: Frame) -> dict[str, Any]:
    """The ``crm_query`` arguments that answer ``frame``."""
    f = dict(frame.filters)
    topic = frame.topic
    if topic in ACCOUNT_FIELDS and frame.form == "attribute":
        return {"entity": "accounts", "filters": {"account": f.get("account", [])[:1]}}
    if topic in ACCOUNT_FIELDS:  # accounts ranked by a field
        keep = {k: v for k, v in f.items() if k in ("sector", "tier")}
        return {"entity": "accounts", "filters": keep, "order_by": frame.order, "descending": frame.descending,
                "limit": frame.limit}
    if topic == "subsidiaries":
        return {"entity": "accounts", "filters": {"parent": f.get("parent", [])}, "limit": 100}
    if topic == "list_price":
        return {"entity": "products", "filters": {"product": f["product"]} if f.get("product") else {}}
    if topic in ("manager", "rep_office"):
        return {"entity": "users", "filters": {"rep": f.get("rep", [])}}
    if topic == "team" and frame.group in ("regional_office", "manager"):  # reps counted by office (or team)
        return {"entity": "users", "metrics": ["count"], "group_by": [frame.group], "order_by": "count",
                "descending": frame.descending, "limit": 50,
                "filters": {k: v for k, v in f.items() if k in ("manager", "regional_office")}}
    if topic == "team":
        return {"entity": "users", "filters": {k: v for k, v in f.items() if k in ("manager", "regional_office")},
                "limit": 100}
    if topic == "account_count":
        args = {"entity": "accounts", "metrics": ["count"], "filters": {k: v for k, v in f.items()
                                                                         if k in ("sector", "tier")}}
        if frame.group:
            args.update(group_by=[frame.group], order_by="count", descending=frame.descending, limit=frame.limit)
        return args
    if topic == "activity_count":  # calls, e-mails, meetings or notes logged
        keep = {k: v for k, v in f.items() if k in ("rep", "manager", "regional_office", "account", "sector",
                                                    "activity_type")}
        if frame.period:
            keep["activity_from"], keep["activity_to"] = frame.period.start.isoformat(), frame.period.end.isoformat()
        metric = "touches" if f.get("direction") == "outbound" else "count"  # "sent", "made": outbound ones only
        args = {"entity": "activities", "metrics": [metric], "filters": keep}
        if frame.form in ("ranked", "breakdown") and frame.group:
            args.update(group_by=[frame.group], order_by=metric, descending=frame.descending,
                        limit=frame.limit + 1 if frame.limit == 1 else frame.limit)
        return args
    if topic == "reply_rate":
        keep = {k: v for k, v in f.items() if k in ("rep", "manager", "regional_office", "account", "sector")}
        if frame.period:
            keep["activity_from"], keep["activity_to"] = frame.period.start.isoformat(), frame.period.end.isoformat()
        return {"entity": "activities", "metrics": ["reply_rate", "touches", "replies"], "filters": keep}
    for basis in ("close", "engage"):  # the other date's period, kept from the figure a follow-up narrows
        held = f.pop(f"{basis}_period", None)
        if held:
            f[f"{basis}_from"], f[f"{basis}_to"] = held["start"], held["end"]
    if frame.period:
        lo, hi = frame.period.start.isoformat(), frame.period.end.isoformat()
        if frame.basis == "engage":
            f["engage_from"], f["engage_to"] = lo, hi
        else:
            f["close_from"], f["close_to"] = lo, hi
    if frame.form == "records":  # one more than asked, so that a tie for the top is seen and said
        return {"entity": "opportunities", "records": True, "filters": f, "order_by": record_order(frame),
                "descending": frame.descending, "limit": frame.limit + 1 if frame.limit == 1 else frame.limit}
    metrics = [topic]
    for m in [*SUPPORT.get(topic, []), *frame.also]:
        if m not in metrics:
            metrics.append(m)
        for extra in SUPPORT.get(m, []):
            if extra not in metrics:
                metrics.append(extra)
    if "stage" not in f:  # so the records cited are exactly the ones behind the figures
        stages: list[str] = []
        for m in [topic, *frame.also]:
            if m not in STAGES_OF:
                stages = []
                break
            stages += [s for s in STAGES_OF[m] if s not in stages]
        if stages:
            f["stage"] = stages
    args: dict[str, Any] = {"entity": "opportunities", "metrics": metrics[:8], "filters": f}
    if frame.form in ("ranked", "breakdown") and frame.group:
        # the top in each group of ``by`` is picked from every pair's figure (as many as the tool gives)
        limit = 500 if frame.each else frame.limit + 1 if frame.limit == 1 else frame.limit
        args.update(group_by=[frame.group, *([frame.by] if frame.by else [])], order_by=topic,
                    descending=frame.descending, limit=limit)
        if frame.having:
            args["having"] = {"metric": topic, **frame.having}
    return args
