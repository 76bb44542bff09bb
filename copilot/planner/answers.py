"""Writing the answer from the tool results: every figure is copied from a result, formatted."""

from __future__ import annotations

from typing import Any

from copilot.planner.frames import Frame, listed, record_order
from copilot.planner.understand import Reading
from copilot.planner.values import bound_label, having_label
from tools.crm_query import KIND

MONEY = {"won_revenue", "avg_won_deal_size", "open_pipeline_list_price", "list_price", "median_won_deal_size"}
DAYS = {"avg_sales_cycle_days", "median_sales_cycle_days"}
DEFINED = ("win_rate", "avg_won_deal_size", "open_pipeline_list_price", "avg_sales_cycle_days", "reply_rate",
           "median_won_deal_size", "median_sales_cycle_days")
"""the figures whose definition the answer gives"""
RATES = {"win_rate", "reply_rate"}
COUNTED = {"won_count", "lost_count", "open_count", "count"}
"""figures that count things: the fewest of them, not the least"""
LABEL = {
    "count": "deals", "won_count": "won deals", "lost_count": "lost deals", "open_count": "open deals",
    "won_revenue": "won revenue", "avg_won_deal_size": "average won deal size", "win_rate": "win rate",
    "avg_sales_cycle_days": "average sales cycle", "open_pipeline_list_price": "open pipeline (at list price)",
    "reply_rate": "reply rate", "touches": "touches", "replies": "replies",
    "median_won_deal_size": "median won deal size", "median_sales_cycle_days": "median sales cycle",
}
def examples(names: Any) -> list[str]:
    """Example questions that name people, accounts and products of this workspace."""
    by_kind = getattr(names, "by_kind", {}) or {}
    rep = (sorted(by_kind.get("rep") or []) or ["a rep"])[0]
    account = (sorted(by_kind.get("account") or []) or ["an account"])[0]
    product = (sorted(p for p in by_kind.get("product") or [] if not any(c.isdigit() for c in p)) or ["a product"])[0]
    return [f"How many deals has {rep} won?", f"What's {rep}'s win rate?",
            "Which product brought in the most won revenue?", f"List the open {product} deals.",
            f"Brief me on {account}.", "What worked when the security team wanted a review?",
            f"Draft an e-mail to {account} about next steps.", f"When should I follow up with {account}?"]


def fmt(metric: str, value: Any) -> str:
    if value is None:
        return "n/a"
    if metric in RATES:
        return f"{float(value) * 100:.1f}%"
    if metric in MONEY:
        v = float(value)
        return f"${v:,.0f}" if v == int(v) else f"${v:,.2f}"
    if metric in DAYS:
        return f"{float(value):.1f} days"
    if metric == "revenue_musd":
        return f"{float(value):,.2f} (millions of US dollars)"
    if isinstance(value, float):
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def not_understood(example_questions: list[str] | None = None) -> str:
    example_questions = example_questions or examples(None)
    return ("I did not understand that question, so I can't answer it. I can answer questions about deals, revenue, win rates, "
            "pipeline, sales cycles and reply rates; brief you on an account; find talk tracks from past deals; "
            "draft e-mails and suggest when to follow up. For example:\n" + "\n".join(f"- {e}" for e in example_questions))


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
    if reading.kind == "day":
        return _day(result)
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
    tail = f" ({definition})" if definition and metric in DEFINED else ""
    group = next((c for c in result.get("columns", []) if c not in LABEL), None)
    if not rows:
        return f"No matching deals{period}. {_sources(result)}"
    if group:
        if reading.superlative and len(rows) == 1:
            row = rows[0]
            word = "most" if reading.superlative == "most" else "least"
            if metric in RATES or metric.startswith(("avg", "median")):
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
    if metric in ("median_won_deal_size", "median_sales_cycle_days") and row.get("won_count") is not None:
        return f" of {row['won_count']:,} won deals"
    if metric == "open_pipeline_list_price" and row.get("open_count") is not None:
        return f" across {row['open_count']:,} open deals"
    if metric == "reply_rate" and row.get("touches") is not None:
        return f" ({row['replies']:,} replies to {row['touches']:,} touches)"
    return ""


def _profile(p: dict[str, Any]) -> str:
    f, d, e, h = p["firmographics"], p["deals"], p["engagement"], p["health"]
    about = ", ".join(str(v) for v in (f.get("sector"), f.get("office_location")) if v)
    lines = [f"**{p['account']}**: " + (f"{about}, " if about else "") + f"{f['tier']} account"
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
    contacts = ", ".join(f"{c['name']} ({c['title']})" if c.get("title") else str(c["name"])
                         for c in p["contacts"][:4])
    if contacts:
        lines.append(f"Contacts: {contacts}.")
    for risk in p["risks"][:3]:
        lines.append(f"Risk: {risk}.")
    lines.append(f"Next step: {p['next_step']}")
    lines.append(f"Records: {', '.join(p['record_ids'][:6])}.")
    return "\n".join(lines)


def _talk_tracks(r: dict[str, Any]) -> str:
    """Lines to try first (each with its won/lost record, where, and the notes behind it), then what to avoid,
    then notes that disagree, then the matching snippets; every note keeps its deal-and-date citation."""
    lines: list[str] = []
    if r.get("plays"):
        lines.append("Lines to try (plays from similar deals, counted deal by deal):")
        for i, p in enumerate(r["plays"], 1):
            lines.append(f"{i}. {p['line']}")
            lines.append(f"   {_record(p)}")
            lines += [f"   - \u201c{s['text']}\u201d ({s['cite']})" for s in p.get("evidence") or []]
    if r.get("avoid"):
        lines.append("What to avoid:")
        for p in r["avoid"]:
            lines.append(f"- {p['line']}")
            lines += [f"  - \u201c{s['text']}\u201d ({s['cite']})" for s in (p.get("against") or [])[:1]]
    if r.get("contradictions"):
        lines.append("Notes that disagree (not counted as evidence):")
        for c in r["contradictions"]:
            said = " / ".join(f"\u201c{n['text']}\u201d ({n['cite']})" for n in c["notes"])
            lines.append(f"- Notes of deal {c['deal_id']} ({c['outcome']}) disagree about \u201c{c['action']}\u201d: {said}")
    if r.get("worked"):
        lines.append("What worked in similar won deals:")
        lines += [f"- {s['text']} ({s['cite']})" for s in r["worked"]]
    if r.get("did_not_work"):
        lines.append("What didn't work (lost deals):")
        lines += [f"- {s['text']} ({s['cite']})" for s in r["did_not_work"]]
    return "\n".join(lines) or "I found nothing similar in past deals."


def _record(p: dict[str, Any]) -> str:
    """Where a play was tried: 'By sector: technology 5 won / 0 lost, ... By product: ...' (the three with most wins)."""
    def top(counts: dict[str, dict[str, int]]) -> str:
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1]["won"], -kv[1]["lost"], kv[0]))[:3]
        return ", ".join(f"{name} {c['won']} won / {c['lost']} lost" for name, c in ranked)

    parts = [f"By {label}: {top(p[key])}." for key, label in (("by_sector", "sector"), ("by_product", "product"))
             if p.get(key)]
    return " ".join(parts)


def _day(r: dict[str, Any]) -> str:
    lines = []
    due = r.get("follow_ups_due") or []
    if due:
        lines.append("Follow-ups due:")
        lines += [f"- {t['account']}, due {t['due_at'].replace('T', ' ')}"
                  + (f" ({t['overdue_days']} days overdue)" if t["overdue_days"] else "")
                  + (f": {t['note']}" if t.get("note") else "") for t in due]
    stalled = r.get("stalled") or []
    if stalled:
        lines.append(f"Stalled deals ({r['stalled_count']} in all: Engaging, no activity on the account for "
                     f"{r['stalled_after_days']} days or more), longest quiet first:")
        lines += [f"- {d['deal']}: {d['account']}, {d['product']}, "
                  + (f"no activity for {d['quiet_days']} days" if d["quiet_days"] is not None else "no activity ever")
                  + f", {d['rep']}" for d in stalled]
    unanswered = r.get("unanswered") or []
    if unanswered:
        lines.append("Touches with no reply:")
        lines += [f"- {u['account']}: {u['unanswered_in_a_row']} in a row, last on {u['last_touch'][:10]}"
                  for u in unanswered]
    if not lines:
        return "Nothing is due, stalled or unanswered in your deals today."
    return "\n".join(lines)


def _email(r: dict[str, Any]) -> str:
    return f"Subject: {r['subject']}\n\n{r['body']}"


def _followup(r: dict[str, Any]) -> str:
    """The advice in the rep's words: moments as the tool worded them (the contact's time and the rep's), never
    its ISO timestamps; who, and why them; the figures behind the reason are fields of the result."""
    who = r["contact"] + (f" ({r['account']})" if r.get("account") else "")
    why = f", {r['chosen_because']}" if r.get("chosen_because") and r["chosen_because"] != "the contact you named" \
        else ""
    lines = [f"Follow up with {who}{why}: {r['recommended_when']}, with a {r['p_reply_pct']} chance of a reply; "
             f"the habit, {r['baseline_when']}, would have {r['baseline_p_reply_pct']}.", f"Why: {r['reason']}"]
    alts = "; ".join(f"{a['when']}: {a['p_reply_pct']}" for a in r.get("alternatives", [])[:2])
    if alts:
        lines.append(f"Other good moments: {alts}.")
    lines += [f"Note: {n}." for n in r.get("notes", [])]
    lines.append(f"Method: {r['method']}.")
    return "\n".join(lines)


# --- answers to frames ---------------------------------------------------------------------------------

ATTRIBUTE_LABEL = {"employees": "employees", "revenue_musd": "annual revenue", "sector": "sector",
                   "office_location": "office location", "year_established": "year established",
                   "parent_account": "parent company"}
DEAL_ORDER = {"close_value": "by value", "engage_date": "oldest first", "close_date": "by close date",
              "cycle_days": "by sales-cycle length", "list_price": "by list price"}


ACTIVITY_PLURAL = {"call": "calls", "email": "e-mails", "meeting": "meetings", "note": "notes"}
ACTIVITY_DONE = {"call": "calls made", "email": "e-mails sent", "meeting": "meetings held", "note": "notes written"}


def label_of(frame: Frame) -> str:
    """What the frame's figure is called: "won revenue", "win rate"; for logged activities, which ("calls")."""
    if frame.topic == "activity_count":
        types = frame.filters.get("activity_type") or []
        if frame.filters.get("direction") == "outbound":  # those the reps made, sent or held
            return " and ".join(ACTIVITY_DONE.get(t, t) for t in types) or "outbound activities"
        return " and ".join(ACTIVITY_PLURAL.get(t, t) for t in types) + " logged" if types else "activities logged"
    label = LABEL.get(frame.topic) or frame.topic.replace("_", " ")
    return _bounded_label(label, bound_label(frame.filters))


def _bounded_label(label: str, bound: str) -> str:
    """"won deals worth over $5,000", "average won deal size of deals worth under $500"."""
    if not bound:
        return label
    return f"{label} {bound}" if label.endswith("deals") else f"{label} of deals {bound}"


def subject_of(frame: Frame, me: str | None = None) -> str:
    f = frame.filters
    named = [["your team" if name == me else f"{name}'s team" for name in f.get("manager", [])],
             ["you" if name == me else name for name in f.get("rep", [])],
             [str(x) for x in f.get("product", [])], [str(x) for x in f.get("account", [])],
             [f"{x} office" for x in f.get("regional_office", [])], [f"{x} sector" for x in f.get("sector", [])]]
    # the values of one filter are any of them ("GTX Pro or GTX Plus Pro"); different filters all hold
    parts: list[str] = [" or ".join(values) for values in named if values]
    if f.get("tier") == "key":
        parts.append("key accounts")
    default = {"won_count": ["Won"], "won_revenue": ["Won"], "avg_won_deal_size": ["Won"], "lost_count": ["Lost"],
               "avg_sales_cycle_days": ["Won"], "median_won_deal_size": ["Won"], "median_sales_cycle_days": ["Won"],
               "win_rate": ["Won", "Lost"], "open_count": ["Prospecting", "Engaging"],
               "open_pipeline_list_price": ["Prospecting", "Engaging"]}.get(frame.topic)
    if frame.form == "records":
        return ", ".join(parts)
    if f.get("stage") and sorted(f["stage"]) != sorted(default or []) and \
            sorted(f["stage"]) not in (["Won"], ["Lost"], ["Engaging", "Prospecting"]) or \
            f.get("stage") and frame.topic == "count" or f.get("stage") and default and \
            len(f["stage"]) < len(default):
        parts.append("in " + " or ".join(f["stage"]))
    return ", ".join(parts)


GROUP_SAID = {"series": "product series"}


def _in(label: str) -> str:
    """A period's label as it follows a verb: "in Q3 2017", but "since June 2017" as it is."""
    return label if label.startswith(("since", "before", "after", "up to", "from ", "on ")) else f"in {label}"


def describe(frame: Frame, me: str | None = None) -> str:
    """What the frame asks, in words ("won revenue for Anna Snelling, closed in Q3 2017")."""
    who = subject_of(frame, me)
    bound = bound_label(frame.filters)
    when = ""
    if frame.period:
        verb = "engaged" if frame.basis == "engage" else "closed"
        when = f" {_in(frame.period.label)}" if frame.topic == "activity_count" else f", {verb} {_in(frame.period.label)}"
        for other, said in (("close", "closed"), ("engage", "engaged")):
            held = frame.filters.get(f"{other}_period")
            if held and other != frame.basis:  # "of the wins closed in Q3 2017, those engaged in Q2 2017"
                when += f" and {said} {_in(str(held['label']))}"
    if frame.form == "records" and frame.topic in ATTRIBUTE_LABEL:
        which = "highest" if frame.descending else "lowest"
        return f"the account{'s' if frame.limit > 1 else ''} with the {which} {ATTRIBUTE_LABEL[frame.topic]}" + \
            (f" among {who}" if who else "")
    if frame.form == "records":
        kind = {("Won",): "won deal", ("Lost",): "lost deal", ("Prospecting", "Engaging"): "open deal",
                ("Engaging",): "deal in Engaging", ("Prospecting",): "deal in Prospecting"}.get(
            tuple(frame.filters.get("stage") or ()), "deal")
        order = record_order(frame)
        most = {("close_value", True): "largest", ("close_value", False): "smallest",
                ("cycle_days", True): "longest-cycle", ("cycle_days", False): "shortest-cycle",
                ("engage_date", False): "longest-open", ("engage_date", True): "most recently engaged",
                ("close_date", True): "most recent", ("close_date", False): "earliest",
                ("list_price", True): "highest list-price", ("list_price", False): "lowest list-price"}[
            (order, frame.descending)]
        of = f" of yours{who[3:]}" if who.startswith("you") and not who.startswith("your ") else \
            f" of {who}" if who else ""
        of = f" {bound}{of}" if bound else of
        if frame.limit == 1:
            return f"the {most} {kind}{of}{when}"
        plural = kind.replace("deal", "deals", 1)
        return f"the {most} {plural}{of}{when}" if frame.limit <= 10 and order != "engage_date" or \
            frame.limit <= 5 else f"{plural}{of}{when}, {DEAL_ORDER.get(order, '')}"
    label = label_of(frame) if frame.topic == "activity_count" else \
        LABEL.get(frame.topic) or ATTRIBUTE_LABEL.get(frame.topic) or frame.topic.replace("_", " ")
    label = _bounded_label(label, bound)
    sep = " " if who.startswith("in ") else " for "
    if frame.form in ("ranked", "breakdown") and frame.group and frame.having:  # "reps with more than 100 won deals"
        many = {**{g: k[1] for g, k in KIND.items()}, "close_month": "months", "close_quarter": "quarters"}.get(
            frame.group, frame.group.replace("_", " "))
        return f"{many} with {having_label(frame.having)} {label}{sep + who if who else ''}{when}"
    if frame.form in ("ranked", "breakdown") and frame.group:
        if frame.also:  # "won revenue and win rate by product"
            named = [LABEL.get(m, m.replace("_", " ")) for m in frame.also]
            label = f"{label}, {', '.join(named[:-1])} and {named[-1]}" if len(named) > 1 else f"{label} and {named[0]}"
        by = " and ".join(GROUP_SAID.get(g, g.replace("_", " ")) for g in (frame.group, frame.by) if g)
        return f"{label} by {by}{sep + who if who else ''}{when}"
    return f"{label}{sep + who if who else ''}{when}"


def decline(kind: str = "unsupported", scope: str = "") -> str:
    if kind == "exclusion":
        return ("I can't answer questions that leave something out ('not X', 'excluding X', 'deals with no "
                "account') yet, and I won't answer a different question instead. Ask for the whole and for X "
                "separately, and the difference is what you are after.")
    if kind == "ranking":
        return (f"That is outside your scope: a ranking of reps, teams or offices needs other people's deals, and "
                f"you see {scope or 'only your own'}. I can rank your own deals, products or accounts.")
    if kind == "scope":
        return (f"That is outside your scope: company-wide figures include other people's deals, and you see "
                f"{scope or 'only the deals in your scope'}. Ask about your own deals"
                f"{' (or your team' + chr(39) + 's)' if 'team' in scope else ''}.")
    return ("I can't answer that from the CRM as asked. It holds deals (stage, product, value, dates, owner), accounts "
            "(sector, size, location, parent), the price list, the sales team and logged activities, and no "
            "forecasts, quotas, salaries, satisfaction scores or market data; I give figures of deals for a rep, team, "
            "office, product, sector or account in a period, and break them down by any of those, by month or by "
            "quarter.")


def ask(offer: list[Frame], unplaced: list[str], me: str | None, examples: list[str]) -> str:
    lead = ""
    if unplaced:
        words = [f'"{w}"' for w in unplaced if not w.isdigit()][:3]
        if any(w.isdigit() for w in unplaced):
            words.append("a number")
        lead = f"I could not place {', '.join(words)} in your question. "
    if offer:
        what = " and ".join(describe(f, me) for f in offer)
        return f"{lead}Do you mean {what}? Say yes, or ask again in other words."
    return f"{lead}Could you say it another way? For example:\n" + "\n".join(f"- {e}" for e in examples[:4])


def compose_frames(frames: list[Frame], results: list[dict[str, Any]], compare: bool,
                   me: str | None, share: bool = False) -> tuple[str, dict[str, str]]:
    """The answer to each frame, and who or what it singled out (for the next follow-up)."""
    focus: dict[str, str] = {}
    for frame in frames:
        for kind in ("rep", "account", "product"):
            values = frame.filters.get(kind) or []
            if len(values) == 1:
                focus[kind] = values[0]
    errors = [r for r in results if "error" in r]
    if errors:
        return _error(errors[0]), focus
    lines = []
    for frame, result in zip(frames, results):
        text, singled = _frame_answer(frame, result, me)
        focus.update(singled)
        lines.append(text)
    if (share or any(f.whole for f in frames[1:])) and len(frames) == 2:
        part, whole = (_value(f, r) for f, r in zip(frames, results))
        only = frames[0].with_filters(**{k: None for k, v in frames[1].filters.items() if frames[0].filters.get(k) == v})
        name = subject_of(only, me)
        if not name and frames[0].period is not None and frames[0].period != frames[1].period:
            name = frames[0].period.label  # "of the team's won revenue, from Q4 2017": the period is the part
        if frames[0].topic == "lost_count" and frames[1].topic == "count" and part is not None and whole:
            lines.append(f"Lost share of the closed deals: {float(part) / float(whole) * 100:.1f}% "
                         f"({fmt('count', part)} of {fmt('count', whole)}).")
        elif part is not None and whole and name:
            lines.append(f"{name[:1].upper() + name[1:]}'s share: "
                         f"{float(part) / float(whole) * 100:.1f}% ({fmt(frames[0].topic, part)} of "
                         f"{fmt(frames[0].topic, whole)}).")
    elif compare and len(frames) == 2:
        diff = _difference(frames, results, me)
        if diff:
            lines.append(diff)
    return "\n".join(lines), focus


def _value(frame: Frame, result: dict[str, Any], metric: str | None = None) -> Any:
    rows = result.get("rows") or []
    return rows[0].get(metric or frame.topic) if rows else None


def _difference(frames: list[Frame], results: list[dict[str, Any]], me: str | None) -> str | None:
    a, b = (_value(f, r) for f, r in zip(frames, results))
    if frames[0].form != "figure" or a is None or b is None:
        return None
    metric = frames[0].topic
    whole = "the whole company" if any(subject_of(f, me) for f in frames) else None
    names = [subject_of(f, me) or whole or (f.period.label if f.period else "all") for f in frames]
    if names[0] == names[1] and frames[0].period and frames[1].period:
        names = [frames[0].period.label, frames[1].period.label]
    if frames[0].filters == frames[1].filters and frames[0].period == frames[1].period:
        return None
    if a == b:
        return f"They are the same: {fmt(metric, a)}."
    hi, lo = (0, 1) if a > b else (1, 0)
    gap = abs(float(a) - float(b))
    if metric in RATES and round(gap * 100, 1) == 0:
        gap_text = "less than a tenth of a percentage point"  # never "by 0.0"
    elif metric in RATES:
        gap_text = f"{gap * 100:.1f} percentage points"
    elif metric in MONEY:
        gap_text = fmt(metric, gap)
    elif metric in DAYS:
        gap_text = f"{gap:.1f} days"
    else:
        gap_text = f"{gap:,.0f}"
    first = names[hi][:1].upper() + names[hi][1:]
    if metric in RATES or metric.startswith(("avg", "median")):
        return f"{first} is higher than {names[lo]} by {gap_text}."
    return f"{first} has {gap_text} more than {names[lo]}."


def _figures(frame: Frame, row: dict[str, Any]) -> str:
    out = [f"{fmt(frame.topic, row.get(frame.topic))}{_extra(row, frame.topic)}"]
    for m in frame.also:
        if m in row:
            out.append(f"{LABEL.get(m, m)} {fmt(m, row[m])}{_extra(row, m)}")
    return "; ".join(out)


def _tie(frame: Frame, rows: list[dict[str, Any]], key: str) -> str:
    """' (tied with X)' when the runner-up has the same value as the top row."""
    if frame.limit != 1 or len(rows) < 2 or rows[0].get(key) is None or rows[1].get(key) != rows[0].get(key):
        return ""
    other = rows[1].get(frame.group or "deal") or rows[1].get("deal")
    return f" (tied with {other}; there may be more at the same value)"


GROUP_PLURAL = {group: many for group, (_, many) in KIND.items()}
"""what a ranking's members are called, as the tool that ranks them names them"""
TIED_LISTED = 10
"""at most this many of those tied for the top are named; past it the answer says how many"""


def _tied_for_top(frame: Frame, rows: list[dict[str, Any]], key: str, result: dict[str, Any]) -> str:
    """Those tied for the top of a ranking of people, places, accounts or products, when the tool counted them
    all: "8 reps (Carl Lin, Carol Thompson, ... and Reed Clapper)"; past TIED_LISTED, the first of them."""
    group = frame.group or ""
    if group not in GROUP_PLURAL or len(rows) < 2 or rows[0].get(key) is None or rows[1].get(key) != rows[0].get(key):
        return ""
    same = [str(r.get(group) or "Unassigned") for r in rows if r.get(key) == rows[0].get(key)]
    counted = int(result.get("tied") or 0)
    if counted < len(same) and any("more are tied" in n for n in result.get("notes") or []):
        return ""  # not all of them were counted: said the older way
    n = max(counted, len(same))
    if n <= TIED_LISTED:
        return f"{n:,} {GROUP_PLURAL[group]} ({', '.join(same[:-1])} and {same[-1]})"
    return f"{n:,} {GROUP_PLURAL[group]} (among them {', '.join(same[:TIED_LISTED])})"


def _frame_answer(frame: Frame, result: dict[str, Any], me: str | None) -> tuple[str, dict[str, str]]:
    rows = result.get("rows") or []
    topic = frame.topic
    focus: dict[str, str] = {}
    notes = "".join(f" Note: {n}." for n in result.get("notes") or [] if "read as" not in n)
    if frame.form == "attribute" or frame.topic == "account_count":
        return _attribute_frame(frame, result), _attribute_focus(frame, rows)
    if topic in ATTRIBUTE_LABEL:  # accounts ordered by a field
        if not rows:
            return "No account matches that.", focus
        which = "lowest" if not frame.descending else "highest"
        if topic == "employees":
            which = "fewest employees" if not frame.descending else "most employees"
        elif topic == "year_established":  # a year, not an amount: the oldest account has the earliest
            which = "earliest year established" if not frame.descending else "latest year established"
        else:
            which = f"{which} {ATTRIBUTE_LABEL[topic]}"
        where = f" among {subject_of(frame, me)}" if subject_of(frame, me) else ""

        def value(r: dict[str, Any]) -> str:
            return str(r[topic]) if topic == "year_established" else \
                fmt(topic if topic == "revenue_musd" else "count", r[topic])
        lines = [f"{i}. {r['account']}: {value(r)}" for i, r in enumerate(rows, 1)]
        focus["account"] = rows[0]["account"]
        focus["last"] = "account"
        if len(rows) == 1:
            return (f"{rows[0]['account']} has the {which}{where}: {value(rows[0])}"
                    f"{' employees' if topic == 'employees' else ''}.", focus)
        return f"Accounts with the {which}{where}:\n" + "\n".join(lines), focus
    if frame.form == "records":
        return _records(frame, result, me)
    head = describe(frame, me)
    head = head[0].upper() + head[1:]
    if topic == "activity_count":  # the tool counts the activities matching the filters as "count"
        if not result.get("record_count"):
            return f"{head}: none. The CRM holds no logged activity of that kind. {_sources(result)}", focus
        key = "touches" if frame.filters.get("direction") == "outbound" else "count"
        rows = [{**r, topic: r.get(key)} for r in rows]
    if not rows:
        return f"{head}: {'none' if frame.having else 'no matching deals'}. {_sources(result)}{notes}", focus
    if frame.form in ("ranked", "breakdown") and frame.group:
        group = frame.group
        if any(g not in row for row in rows for g in (group, frame.by) if g):  # not the lookup this answer is about
            return (f"I could not break that down by {group.replace('_', ' ')} here. Ask it again in full, for "
                    f"example 'won deals by {group.replace('_', ' ')} for my team in Q4 2017'.", focus)
        if frame.each:
            return _in_each(frame, result, me, notes), focus
        if frame.form == "ranked" and frame.limit == 1:
            row = rows[0]
            word = "most" if frame.descending else "fewest" if topic in COUNTED else "least"
            if topic in RATES or topic.startswith(("avg", "median")):
                word = "highest" if frame.descending else "lowest"
            elif topic == "activity_count":
                word = "most" if frame.descending else "fewest"
            if group in ("rep", "account", "product", "sector", "regional_office", "manager") and row[group]:
                focus[group] = str(row[group])
                focus["last"] = group  # "it", "them", "that one" point here next
            who = subject_of(frame, me)
            when = f" in {frame.period.label}" if frame.period else ""
            scope = f" (among {who})" if who else ""
            # the rows read past the top are for ties: the note that says so is not for this answer; nor, for the
            # highest, that those with no figure are left out (they could not be at the top): for the lowest it is
            notes = "".join(f" Note: {n}." for n in result.get("notes") or []
                            if "read as" not in n and "tied at the last place" not in n
                            and not (frame.descending and "left out:" in n))
            if group in ("close_month", "close_quarter") and not frame.descending:  # no row for one with nothing
                notes += f" Note: a {group[6:]} with no matching deal is not ranked."
            tied = "" if frame.by else _tied_for_top(frame, rows, topic, result)
            if tied:
                # "her", "they" next could be any of them: none is singled out
                focus["tied"] = "\n".join(str(r[group]) for r in rows if r.get(topic) == row.get(topic) and r[group])
                return (f"{tied} are tied for the {word} {label_of(frame)}{scope}{when}: "
                        f"{_figures(frame, row)}{_definition(result, topic)} each. {_sources(result)}{notes}", focus)
            tie = _tie(frame, rows, topic)
            return (f"{_named(frame, row)} has the {word} {label_of(frame)}{scope}{when}{tie}: "
                    f"{_figures(frame, row)}{_definition(result, topic)}. {_sources(result)}{notes}", focus)
        if reps_of_account(frame):
            # the reps an account's deals are with: those with none there are not among them
            rows = [row for row in rows if row.get("count")]
            if not rows:
                return f"{head}: no matching deals. {_sources(result)}{notes}", focus
            accounts = " and ".join(frame.filters["account"])
            head = f"{accounts}'s deals are with these reps (the CRM keeps a rep on each deal, not on the account). {head}"
        lines = [f"{i}. {_named(frame, row)}: {_figures(frame, row)}" for i, row in enumerate(rows, 1)]
        total = None if reps_of_account(frame) else result.get("groups")  # an account's reps: only those with deals
        if frame.having and total is not None:  # "which reps won more than 100 deals": how many do
            head = f"{head} ({total:,})"
        if frame.having and me and group in ("account", "sector") and _keeps_zero(frame.having):
            # those with none are of the accounts in the asker's view, not every account in the CRM
            notes += (" Note: the accounts counted are those worked by you or your team (a deal or a logged touch); "
                      "others are not in your view.")
        if group in ("rep", "manager", "account", "product", "sector", "regional_office") and rows and rows[0][group]:
            # "his win rate" after three reps listed, "there" after three offices, could be any of them: none is
            # singled out
            focus[group] = str(rows[0][group]) if len(rows) == 1 else ""
            focus["last"] = group
            if not frame.by and len(rows) > 1:  # "the second one", "the bottom one" next point into this list
                focus.update(listed(group, [str(r[group]) for r in rows if r[group]]))
        shown = f"\n{'Top' if frame.descending else 'Bottom'} {frame.limit} shown." \
            if frame.form == "ranked" and len(rows) >= frame.limit else ""
        if not shown and total and total > len(rows):  # a breakdown longer than the answer holds: it says so
            # those tied at the last place, past the limit, are shown too (a note of the lookup says so)
            shown = (f"\n{min(len(rows), frame.limit):,} of {total:,} shown, from the "
                     f"{'highest' if frame.descending else 'lowest'} {label_of(frame)} {'down' if frame.descending else 'up'}.")
        return f"{head}{_definition(result, topic)}:\n" + "\n".join(lines) + f"{shown}\n{_sources(result)}{notes}", focus
    return f"{head}: {_figures(frame, rows[0])}{_definition(result, topic)}. {_sources(result)}{notes}", focus


SUMS = {"won_revenue", "won_count", "lost_count", "open_count", "count", "open_pipeline_list_price"}
"""figures that are 0 for a member with no matching deal (whose row a breakdown does not hold)"""


def _in_each(frame: Frame, result: dict[str, Any], me: str | None, notes: str) -> str:
    """The top (or bottom) ``frame.each`` of ``frame.group`` within each value of ``frame.by``, picked from the
    figure of every pair (a pair of the CRM query's grouping by both), ties at the last place shown."""
    rows, topic = result.get("rows") or [], frame.topic
    group, within = str(frame.group), str(frame.by)
    one, many = KIND.get(group, (group.replace("_", " "), group.replace("_", " ") + "s"))
    place = {"close_quarter": "quarter", "close_month": "month"}.get(within) or KIND.get(within, (within,))[0]
    total = result.get("groups")
    if total and total > len(rows):  # not every pair was read: the top of some could be missing
        return (f"There are {total:,} pairs of {many} and {place}s to rank, more than one answer can read. Name the "
                f"{place} (or a period) to rank within it.")
    within_value: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:  # in the tool's order: by the figure, ties by name
        if row.get(topic) is not None:
            within_value.setdefault(row[within], []).append(row)
    word = "most" if frame.descending else "fewest" if topic in SUMS - {"won_revenue", "open_pipeline_list_price"} else \
        "least"
    if topic in RATES or topic.startswith(("avg", "median")):
        word = "highest" if frame.descending else "lowest"
    who = subject_of(frame, me)
    when = f" in {frame.period.label}" if frame.period else ""
    each = "in each" if within in ("regional_office", "sector", "close_quarter", "close_month") else "for each"
    head = (f"The {one} with the {word} {label_of(frame)} {each} {place}" if frame.each == 1 else
            f"The {frame.each} {many} with the {word} {label_of(frame)} {each} {place}")
    lines = []
    for value in sorted(within_value, key=lambda v: (v is None, str(v))):
        ranked = within_value[value]
        top = ranked[:frame.each]
        last = top[-1][topic]
        tied = [r for r in ranked[frame.each:] if r[topic] == last]
        listed = "; ".join(f"{r[group] or 'Unassigned'}: {_figures(frame, r)}" for r in top + tied)
        lines.append(f"- {value or 'Unassigned'}: {listed}{' (tied)' if tied else ''}")
    if not lines:
        return f"{head}{' for ' + who if who else ''}{when}: no matching deals. {_sources(result)}{notes}"
    caveat = ""
    if not frame.descending and topic in SUMS:
        caveat = f" Within each {place}, only {many} with a matching deal there are ranked."
    scope = (" " if who.startswith("in ") else " for ") + who if who else ""
    return (f"{head}{scope}{when}{_definition(result, topic)}:\n" + "\n".join(lines)
            + f"\n{_sources(result)}{caveat}{notes}")


def _named(frame: Frame, row: dict[str, Any]) -> str:
    """The group a row of a ranking or breakdown is of: one value, or two ("Darcel Schlecht, retail")."""
    return ", ".join(str(row[g] or "Unassigned") for g in (frame.group, frame.by) if g)


def _keeps_zero(having: dict[str, float]) -> bool:
    """Whether a bound on a group's count keeps those with none."""
    return having.get("min", 0) <= 0 and having.get("above", -1) < 0 and having.get("max", 0) >= 0 and \
        having.get("below", 1) > 0


def reps_of_account(frame: Frame) -> bool:
    """Deals counted by rep for named accounts: who the accounts' deals are with ("who is the rep on Kan-code")."""
    return frame.topic == "count" and frame.form == "breakdown" and frame.group == "rep" and \
        bool(frame.filters.get("account"))


def _definition(result: dict[str, Any], metric: str) -> str:
    d = (result.get("definitions") or {}).get(metric)
    return f" ({d})" if d and metric in DEFINED else ""


def _records(frame: Frame, result: dict[str, Any], me: str | None) -> tuple[str, dict[str, str]]:
    rows = result.get("rows") or []
    total = int(result.get("record_count") or 0)
    head = describe(frame, me)
    head = head[0].upper() + head[1:]
    focus: dict[str, str] = {}
    if not rows:
        return f"{head}: no matching deals.", focus
    lines = []
    for i, r in enumerate(rows, 1):
        bits = [str(r.get("account") or "no account"), str(r["product"]), str(r["stage"])]
        if r.get("close_value"):
            bits.append(fmt("won_revenue", r["close_value"]))
        elif r.get("list_price") and r.get("stage") in ("Prospecting", "Engaging"):
            bits.append(f"list price {fmt('list_price', r['list_price'])}")
        bits.append(f"engaged {r['engage_date']}" if r.get("engage_date") else "not engaged yet")
        if r.get("close_date"):
            bits.append(f"closed {r['close_date']}")
        if r.get("cycle_days") is not None and frame.order == "cycle_days":
            bits.append(f"{r['cycle_days']} days to close")
        bits.append(str(r["rep"]))
        lines.append(f"{i}. {r['deal']}: " + ", ".join(bits))
    key = record_order(frame)
    tie = _tie(frame, rows, key)
    read_last = rows[-1].get(key)
    rows = rows[:max(frame.limit, 1)]
    # the lookup counts those sharing the last value it read, which may be past the rows shown: only of that value
    sharing = int(result.get("tied") or 0) if rows[-1].get(key) == read_last else 0
    same = sum(1 for r in rows if r.get(key) == rows[-1].get(key))
    shared = ""
    if sharing > same and rows[-1].get(key) is not None:  # the cut falls inside those that share the last value
        value = rows[-1][key]
        said = fmt("won_revenue", value) if key in ("close_value", "list_price") else str(value)
        word = {"close_date": "closed on", "engage_date": "were engaged on", "close_value": "are worth",
                "list_price": "list at", "cycle_days": "took"}.get(key, "share")
        unit = " days" if key == "cycle_days" else ""
        if frame.limit == 1:
            tie = f" (tied with others: {sharing:,} deals {word} {said}{unit}; the first of them by deal id is shown)"
        else:
            tie = ""
            shared = (f"\n{sharing:,} matching deals {word} {said}{unit}, the last value shown; those shown are the "
                      "first of them by deal id.")
    lines = lines[:len(rows)]
    more = total - len(rows)
    tail = (f"\n...and {more:,} more." if more > 0 else "") + shared
    if rows[0].get("account"):
        focus["account"] = str(rows[0]["account"])
        focus["last"] = "account"
    focus["rep"] = str(rows[0]["rep"])
    if frame.limit == 1:
        r = rows[0]
        with_ = f" with {r['account']}" if r.get("account") else " (no account)"
        return f"{head}{tie}: {lines[0][3:]}. The deal was{with_}.".replace("..", "."), focus
    return f"{head} ({len(rows)} of {total:,}):\n" + "\n".join(lines) + tail, focus


def _attribute_focus(frame: Frame, rows: list[dict[str, Any]]) -> dict[str, str]:
    if frame.topic in ATTRIBUTE_LABEL and rows:
        return {"account": str(rows[0]["account"]), "last": "account"}
    if frame.topic == "manager" and rows:
        focus = {"rep": str(rows[0]["name"])}
        if rows[0].get("manager"):
            focus["manager"] = str(rows[0]["manager"])  # "that manager's team" next
        return focus
    if frame.topic == "rep_office" and rows:
        focus = {"rep": str(rows[0]["name"])}
        if rows[0].get("regional_office"):
            focus["regional_office"] = str(rows[0]["regional_office"])  # "how much did that office win?" next
        return focus
    if frame.topic == "team" and frame.filters.get("manager"):
        return {"manager": str(frame.filters["manager"][0])}
    return {}


def _attribute_frame(frame: Frame, result: dict[str, Any]) -> str:
    rows = result.get("rows") or []
    topic = frame.topic
    if topic == "account_count" and frame.group:
        label = {"regional_office": "country", "sector": "sector", "tier": "tier"}[frame.group]
        lines = [f"{i}. {r[frame.group]}: {r['count']:,} accounts" for i, r in enumerate(rows, 1)]
        if frame.form == "ranked" and len(rows) == 1:
            return f"The {label} with the {'most' if frame.descending else 'fewest'} accounts is {rows[0][frame.group]}: " \
                   f"{rows[0]['count']:,} accounts."
        return f"Accounts by {label}:\n" + "\n".join(lines)
    if topic == "list_price" and frame.order == "list_price" and rows:
        price = [r for r in rows if r.get("list_price") is not None]
        ends = sorted(price, key=lambda r: r["list_price"], reverse=frame.descending)
        best = [r for r in ends if r["list_price"] == ends[0]["list_price"]]
        word = "most expensive" if frame.descending else "cheapest"
        named = " and ".join(r["product"] for r in best)
        head = (f"The {word} product is {named}, at {fmt('list_price', best[0]['list_price'])} list price"
                if len(best) == 1 else f"The {word} products are {named}, at {fmt('list_price', best[0]['list_price'])} "
                                       f"list price each")
        rest = "; ".join(f"{r['product']} {fmt('list_price', r['list_price'])}" for r in ends)
        return f"{head}." + (f" All list prices, {'highest' if frame.descending else 'lowest'} first: {rest}."
                             if len(ends) > 1 else "")
    if topic == "list_price" and len(rows) > 1:
        return " ".join(f"The list price of {r['product']} is {fmt('list_price', r['list_price'])}." for r in rows)
    if topic == "account_count":
        where = ", ".join(f"{s} sector" for s in frame.filters.get("sector", [])) + \
            (" key" if frame.filters.get("tier") == "key" else "")
        return f"There are {int(result.get('record_count', 0)):,} accounts{' in the ' + where if where else ''}. " \
               f"{_sources(result)}"
    if topic == "subsidiaries":
        if not frame.filters.get("parent"):  # "which account has the most subsidiaries": no account named
            return ("Which account do you mean? I can list an account's subsidiaries (\"subsidiaries of Acme "
                    "Corporation\"), not rank accounts by how many they have.")
        parent = ", ".join(frame.filters.get("parent", []))
        names = [r["account"] for r in rows]
        if not names:
            return f"{parent} has no subsidiaries on record."
        return f"{parent}'s subsidiaries ({len(names)}): {', '.join(names)}."
    if topic == "team" and frame.group in ("regional_office", "manager") and frame.form == "attribute":
        label = {"regional_office": "office", "manager": "team"}[frame.group]
        counted = [r for r in rows if r.get(frame.group)]
        if not counted:
            return "I found no reps to count."
        if frame.limit == 1:  # the office (team) with the most or fewest reps, ties named
            end = counted[0]["count"]
            tied = [str(r[frame.group]) for r in counted if r["count"] == end]
            said = tied if frame.group == "regional_office" else [f"{t}'s" for t in tied]
            names = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
            word = "most" if frame.descending else "fewest"
            return (f"The {label}{'s' if len(tied) > 1 else ''} with the {word} reps: {names}"
                    f"{' (tied)' if len(tied) > 1 else ''}, {end:,} reps{' each' if len(tied) > 1 else ''}. Reps by "
                    f"{label}: " + ", ".join(f"{r[frame.group]} {r['count']:,}" for r in counted) + ".")
        return f"Reps by {label}:\n" + "\n".join(f"{i}. {r[frame.group]}: {r['count']:,} reps"
                                                  for i, r in enumerate(counted, 1))
    if topic == "team":
        names = [r["name"] for r in rows if r.get("role") == "rep"]
        managers = [r["name"] for r in rows if r.get("role") == "manager"]
        who = " and ".join([*(f"{m}'s team" for m in frame.filters.get("manager", [])),
                            *(f"the {o} office" for o in frame.filters.get("regional_office", []))]) or "the sales team"
        if not names and not managers:
            return f"I found no reps in {who}."
        text = f"{who[0].upper() + who[1:]}: {len(names)} reps: {', '.join(names)}."
        if managers:
            text += f" {len(managers)} manager{'s' if len(managers) != 1 else ''}: {', '.join(managers)}."
        return text
    if not rows:
        subject = ", ".join(str(v) for vals in frame.filters.values() for v in (vals if isinstance(vals, list) else [vals]))
        return f"I found no record for {subject or 'that'}."
    row = rows[0]
    if topic in ("manager", "rep_office") and len(rows) > 1:
        if topic == "manager":
            lines = [f"{r['name']}'s manager is {r['manager']}." if r.get("manager") else
                     f"{r['name']} has no manager on record." for r in rows]
            same = {r.get("manager") for r in rows}
            if len(same) == 1 and None not in same:
                lines.append(f"They have the same manager, {same.pop()}.")
            elif len(rows) > 1:
                lines.append("They have different managers.")
        else:
            lines = [f"{r['name']} works in the {r['regional_office']} office." for r in rows]
        return " ".join(lines)
    if topic in ("manager", "rep_office", "list_price"):
        return _attribute(Reading(kind="attribute", metric="regional_office" if topic == "rep_office" else topic,
                                  subject=None), result)
    parts = []
    for field_ in [topic, *frame.also]:
        value = row.get(field_)
        if field_ == "office_location":
            parts.append(f"office in {value}")
        elif field_ == "revenue_musd":
            parts.append(f"annual revenue {fmt('revenue_musd', value)}")
        elif field_ == "employees":
            parts.append(f"{fmt('count', value)} employees")
        elif field_ == "sector":
            parts.append(f"{value} sector")
        elif field_ == "year_established":
            parts.append(f"established in {value}")
        elif field_ == "parent_account":
            parts.append(f"parent company {value}" if value else "no parent company on record")
    return f"{row['account']}: {'; '.join(parts)}."
