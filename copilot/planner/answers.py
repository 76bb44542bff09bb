"""Writing the answer from the tool results: every figure is copied from a result, formatted."""

from __future__ import annotations

from typing import Any

from copilot.planner.understand import Reading

MONEY = {"won_revenue", "avg_won_deal_size", "open_pipeline_list_price", "list_price"}
RATES = {"win_rate", "reply_rate"}
LABEL = {
    "count": "deals", "won_count": "won deals", "lost_count": "lost deals", "open_count": "open deals",
    "won_revenue": "won revenue", "avg_won_deal_size": "average won deal size", "win_rate": "win rate",
    "avg_sales_cycle_days": "average sales cycle", "open_pipeline_list_price": "open pipeline (at list price)",
    "reply_rate": "reply rate", "touches": "touches", "replies": "replies",
}
EXAMPLES = [
    "How many deals has Darcel Schlecht won?", "What's my team's win rate this year?",
    "Which product brought in the most won revenue in Q2 2017?", "Brief me on Kan-code.",
    "What worked when the security team wanted a review?", "Draft an e-mail to Kan-code about next steps.",
    "When should I follow up with Kan-code?",
]


def fmt(metric: str, value: Any) -> str:
    if value is None:
        return "n/a"
    if metric in RATES:
        return f"{float(value) * 100:.1f}%"
    if metric in MONEY:
        v = float(value)
        return f"${v:,.0f}" if v == int(v) else f"${v:,.2f}"
    if metric == "avg_sales_cycle_days":
        return f"{float(value):.1f} days"
    if metric == "revenue_musd":
        return f"{float(value):,.2f} (millions of US dollars)"
    if isinstance(value, float):
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def not_understood() -> str:
    return ("I did not understand that question. I can answer questions about deals, revenue, win rates, "
            "pipeline, sales cycles and reply rates; brief you on an account; find talk tracks from past deals; "
            "draft e-mails and suggest when to follow up. For example:\n" + "\n".join(f"- {e}" for e in EXAMPLES))


def compose(reading: Reading, results: list[dict[str, Any]]) -> str:
    errors = [r for r in results if "error" in r]
    if errors:
        return _error(errors[0])
    result = results[0]
    if reading.kind == "attribute":
        return _attribute(reading, result)
    if reading.kind == "metric":
        return _metric(reading, result)
    if reading.kind == "profile":
        return _profile(result)
    if reading.kind == "talk_tracks":
        return _talk_tracks(result)
    if reading.kind == "email":
        return result.get("text") or _email(result)
    if reading.kind == "followup":
        return _followup(result)
    if reading.kind == "action":
        return _action(result)
    return not_understood()


def _action(r: dict[str, Any]) -> str:
    if r.get("message"):
        record = f" Record: {', '.join(r['record_ids'])}." if r.get("status") == "done" and r.get("record_ids") else ""
        return f"{r['message']}{record}"
    if r.get("status") == "not_done" or r.get("error"):
        return f"That could not be done: {r.get('error', 'unknown problem')}."
    return f"{str(r.get('status', 'unknown')).replace('_', ' ').capitalize()}: {r.get('summary', '')}."


def _error(error: dict[str, Any]) -> str:
    message = str(error["error"])
    if error.get("type") == "ScopeError":
        return f"That is not something I can show you: {message}."
    return f"I could not answer that: {message}."


def _sources(result: dict[str, Any]) -> str:
    ids = result.get("record_ids") or []
    total = result.get("record_count", len(ids))
    shown = ", ".join(map(str, ids[:5]))
    more = ", ..." if total > 5 else ""
    return f"Records ({total:,}): {shown}{more}." if ids else "No matching records."


def _attribute(reading: Reading, result: dict[str, Any]) -> str:
    rows = result.get("rows") or []
    if reading.metric == "account_count":
        n = result.get("record_count", 0)
        where = f" in the {reading.subject} sector" if reading.subject else ""
        return f"There are {n:,} accounts{where}. {_sources(result)}"
    if not rows:
        return f"I found no record for {reading.subject}."
    row = rows[0]
    metric = reading.metric or ""
    value = row.get(metric)
    if metric == "office_location":
        return f"{row['account']}'s office is in {value}."
    if metric == "revenue_musd":
        return f"{row['account']}'s annual revenue is {fmt('revenue_musd', value)}, as recorded in the CRM."
    if metric == "employees":
        return f"{row['account']} has {fmt('count', value)} employees."
    if metric == "sector":
        return f"{row['account']} is in the {value} sector."
    if metric == "year_established":
        return f"{row['account']} was established in {value}."
    if metric == "parent_account":
        return f"{row['account']}'s parent company is {value}." if value else f"{row['account']} has no parent company on record."
    if metric == "list_price":
        return f"The list price of {row['product']} is {fmt('list_price', value)}."
    if metric == "manager":
        return f"{row['name']}'s manager is {value}." if value else f"{row['name']} has no manager on record."
    if metric == "regional_office":
        return f"{row['name']} works in the {value} office."
    return f"{reading.subject}: {value}"


def _metric(reading: Reading, result: dict[str, Any]) -> str:
    rows = result.get("rows") or []
    metric = reading.metric or "count"
    period = f" in {reading.period}" if reading.period else ""
    definition = (result.get("definitions") or {}).get(metric)
    tail = f" ({definition})" if definition and metric in ("win_rate", "avg_won_deal_size", "open_pipeline_list_price",
                                                            "avg_sales_cycle_days", "reply_rate") else ""
    group = next((c for c in result.get("columns", []) if c not in LABEL), None)
    if not rows:
        return f"No matching deals{period}. {_sources(result)}"
    if group:
        if reading.superlative and len(rows) == 1:
            row = rows[0]
            word = "most" if reading.superlative == "most" else "least"
            if metric in RATES or metric.startswith("avg"):
                word = "highest" if reading.superlative == "most" else "lowest"
            return (f"{row[group] or 'Unassigned'} has the {word} {LABEL.get(metric, metric)}{period}: "
                    f"{fmt(metric, row[metric])}{_extra(row, metric)}{tail}. {_sources(result)}")
        lines = [f"{i}. {row[group] or 'Unassigned'}: {fmt(metric, row[metric])}{_extra(row, metric)}"
                 for i, row in enumerate(rows, 1)]
        return f"{LABEL.get(metric, metric).capitalize()} by {group.replace('_', ' ')}{period}{tail}:\n" + \
            "\n".join(lines) + f"\n{_sources(result)}"
    row = rows[0]
    who = f" for {reading.subject}" if reading.subject and reading.subject not in ("you", "your team") else ""
    if reading.subject == "you":
        who = " (your deals)"
    elif reading.subject == "your team":
        who = " for your team"
    return (f"{LABEL.get(metric, metric).capitalize()}{who}{period}: {fmt(metric, row[metric])}"
            f"{_extra(row, metric)}{tail}. {_sources(result)}")


def _extra(row: dict[str, Any], metric: str) -> str:
    if metric == "win_rate" and row.get("won_count") is not None:
        return f" ({row['won_count']:,} won of {row['won_count'] + row['lost_count']:,} closed)"
    if metric in ("won_revenue", "avg_won_deal_size") and row.get("won_count") is not None:
        return f" from {row['won_count']:,} won deals"
    if metric == "open_pipeline_list_price" and row.get("open_count") is not None:
        return f" across {row['open_count']:,} open deals"
    if metric == "reply_rate" and row.get("touches") is not None:
        return f" ({row['replies']:,} replies to {row['touches']:,} touches)"
    return ""


def _profile(p: dict[str, Any]) -> str:
    f, d, e, h = p["firmographics"], p["deals"], p["engagement"], p["health"]
    lines = [f"**{p['account']}**: {f['sector']}, {f['office_location']}, {f['tier']} account"
             + (f", part of {f['parent_account']}" if f.get("parent_account") else "") + ".",
             f"Deals: {d['open_count']} open ({fmt('list_price', d['open_pipeline_list_price'])} at list price), "
             f"{d['won_count']} won ({fmt('won_revenue', d['won_revenue'])}), {d['lost_count']} lost."]
    if e.get("touches"):
        trend = f", {e['reply_trend']}" if e.get("reply_trend") else ""
        lines.append(f"Engagement: {e['touches']} touches, {e['replies']} replies "
                     f"(reply rate {fmt('reply_rate', e['reply_rate'])}{trend}); last touch {e['last_touch'][:10]}, "
                     f"last reply {(e['last_reply'] or 'never')[:10]}.")
    if h.get("score") is not None:
        factors = "; ".join(f"{x['factor']} {x['effect']}" for x in h["factors"][:3])
        lines.append(f"Health: {h['score']}/100 ({factors}).")
    else:
        lines.append(f"Health: no score ({h.get('explanation')}).")
    contacts = ", ".join(f"{c['name']} ({c['title']})" for c in p["contacts"][:4])
    if contacts:
        lines.append(f"Contacts: {contacts}.")
    for risk in p["risks"][:3]:
        lines.append(f"Risk: {risk}.")
    lines.append(f"Next step: {p['next_step']}")
    lines.append(f"Records: {', '.join(p['record_ids'][:6])}.")
    return "\n".join(lines)


def _talk_tracks(r: dict[str, Any]) -> str:
    lines = []
    if r.get("worked"):
        lines.append("What worked in similar won deals:")
        lines += [f"- {s['text']} ({s['cite']})" for s in r["worked"]]
    if r.get("did_not_work"):
        lines.append("What didn't work (lost deals):")
        lines += [f"- {s['text']} ({s['cite']})" for s in r["did_not_work"]]
    return "\n".join(lines) or "I found nothing similar in past deals."


def _email(r: dict[str, Any]) -> str:
    return f"Subject: {r['subject']}\n\n{r['body']}"


def _followup(r: dict[str, Any]) -> str:
    alts = "; ".join(f"{a['at']} ({a['p_reply_pct']})" for a in r.get("alternatives", [])[:2])
    notes = " ".join(f"Note: {n}." for n in r.get("notes", []))
    return (f"Follow up with {r['contact']} at {r['recommended_at']} ({r['contact_timezone']}). {r['reason']}"
            + (f" Alternatives: {alts}." if alts else "") + (f" {notes}" if notes else "")
            + f" Method: {r['method']}.")
