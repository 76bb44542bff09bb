"""The demo's guided questions: real questions a rep asks, answered from the workspace's CRM.

Each answer is computed by a query over the database and names the records it came from, so the
numbers can be checked. The interactive part looks up a rep, a manager or an account by a fuzzy
name and shows its pipeline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils
from sqlalchemy import Connection, Engine, case, func, select

from copilot.crm.models import OPEN_STAGES, Account, Activity, Opportunity, Product, User

O, A, U, P = Opportunity, Account, User, Product  # noqa: E741 - short aliases keep queries readable


@dataclass
class Answer:
    question: str
    lines: list[str]
    basis: str


def _money(value: object) -> str:
    return f"${float(value or 0):,.0f}"


def pipeline_by_stage(conn: Connection) -> Answer:
    rows = conn.execute(
        select(O.stage, func.count(), func.coalesce(func.sum(O.close_value), 0))
        .group_by(O.stage).order_by(O.stage)
    ).all()
    lines = [f"{stage}: {n:,} deals" + (f", {_money(v)} booked" if stage == "Won" else "") for stage, n, v in rows]
    return Answer("How many deals are in each stage?", lines,
                  f"{sum(r[1] for r in rows):,} opportunities, grouped by stage")


def top_reps(conn: Connection, n: int = 3) -> Answer:
    won = func.sum(case((O.stage == "Won", O.close_value), else_=0))
    rows = conn.execute(
        select(U.name, won, func.count()).select_from(O).join(U, U.id == O.user_id)
        .where(O.stage == "Won").group_by(U.name).order_by(won.desc()).limit(n)
    ).all()
    lines = [f"{i}. {name}: {_money(v)} from {k:,} won deals" for i, (name, v, k) in enumerate(rows, 1)]
    return Answer(f"Who are the top {n} reps by won revenue?", lines, "Won opportunities, summed by rep")


def win_rate_by_product(conn: Connection) -> Answer:
    won = func.sum(case((O.stage == "Won", 1), else_=0))
    lost = func.sum(case((O.stage == "Lost", 1), else_=0))
    rows = conn.execute(
        select(P.name, won, lost).select_from(O).join(P, P.id == O.product_id).group_by(P.name).order_by(P.name)
    ).all()
    lines = [f"{name}: {w / (w + n):.0%} ({w:,} won of {w + n:,} closed)" for name, w, n in rows if w + n]
    return Answer("What is our win rate by product?", lines, "win rate = won / (won + lost)")


def key_accounts_open(conn: Connection, n: int = 5) -> Answer:
    open_value = func.sum(P.list_price)
    rows = conn.execute(
        select(A.name, func.count(), open_value).select_from(O).join(A, A.id == O.account_id).join(P, P.id == O.product_id)
        .where(A.tier == "key", O.stage.in_(OPEN_STAGES)).group_by(A.name)
        .order_by(open_value.desc()).limit(n)
    ).all()
    lines = [f"{name}: {k:,} open deal{'' if k == 1 else 's'}, {_money(v)} at list price" for name, k, v in rows] or ["none"]
    return Answer(f"Which key accounts have the most open pipeline (top {n})?", lines,
                  "open = Prospecting or Engaging, valued at list price")


def reply_rate(conn: Connection) -> Answer:
    touches = conn.execute(select(func.count()).where(Activity.direction == "outbound")).scalar_one()
    replies = conn.execute(
        select(func.count()).where(Activity.direction == "inbound", Activity.in_reply_to.is_not(None))
    ).scalar_one()
    if not touches:
        return Answer("How often do customers reply to our touches?", ["no touches recorded"], "activities")
    return Answer("How often do customers reply to our touches?",
                  [f"{replies:,} replies to {touches:,} outbound touches ({replies / touches:.1%})"],
                  "inbound activities whose in_reply_to names an outbound touch")


QUESTIONS: list[Callable[[Connection], Answer]] = [
    pipeline_by_stage, top_reps, win_rate_by_product, key_accounts_open, reply_rate,
]


def tour(engine: Engine) -> list[Answer]:
    with engine.connect() as conn:
        return [question(conn) for question in QUESTIONS]


def account_brief(engine: Engine, now: object = None) -> Answer | None:
    """The profile of the key account with the most open pipeline, as sales-ops sees it."""
    from tools.identity import identity_for
    from tools.profile import customer_profile

    with engine.connect() as conn:
        name = conn.execute(
            select(A.name).select_from(O).join(A, A.id == O.account_id).join(P, P.id == O.product_id)
            .where(O.stage.in_(OPEN_STAGES)).group_by(A.name).order_by(func.sum(P.list_price).desc(), A.name)
            .limit(1)).scalar()
    if name is None:
        return None
    p = customer_profile(engine, identity_for(engine, "ops"), name, now=now)  # type: ignore[arg-type]
    d, e, h = p["deals"], p["engagement"], p["health"]
    lines = [f"{p['account']}: {p['firmographics']['sector']}, {p['firmographics']['office_location']}, "
             f"{p['firmographics']['tier']} account",
             f"{d['open_count']} open deals ({_money(d['open_pipeline_list_price'])} at list price), "
             f"{d['won_count']} won ({_money(d['won_revenue'])}), {d['lost_count']} lost"]
    if e["touches"]:
        lines.append(f"{e['touches']} touches, {e['replies']} replies; last reply {e['last_reply'] or 'never'}")
    if h.get("score") is not None:
        factors = ", ".join(f"{f['factor']} {f['effect']}" for f in h["factors"][:2])
        lines.append(f"health {h['score']}/100 ({factors})")
    lines += [f"risk: {r}" for r in p["risks"][:2]] + [f"next step: {p['next_step']}"]
    return Answer(f"Brief me on {p['account']}.", lines, f"records: {', '.join(p['record_ids'][:4])}...")


def talk_track_answer(engine: Engine, store: object) -> Answer:
    """What won similar deals when the customer's security team wanted a review."""
    from tools.identity import identity_for
    from tools.talk_tracks.search import search_talk_tracks

    question = "What worked when the customer's security team wanted a review first?"
    result = search_talk_tracks(engine, store, identity_for(engine, "ops"),  # type: ignore[arg-type]
                                {"query": "security team needs a review before buying", "limit": 2})
    lines = [f"worked: {s.text[:150]} ({s.cite})" for s in result.worked]
    lines += [f"didn't work: {s.text[:150]} ({s.cite})" for s in result.did_not_work]
    return Answer(question, lines or ["nothing similar in the archive yet"], "deal notes, hybrid search")


def lookup(engine: Engine, text: str) -> Answer:
    """Pipeline summary for the user or account whose name is closest to ``text``."""
    with engine.connect() as conn:
        people = dict(conn.execute(select(U.name, U.id).where(U.role != "ops")).all())
        accounts = dict(conn.execute(select(A.name, A.id)).all())
        choices = {**{n: ("user", i) for n, i in people.items()}, **{n: ("account", i) for n, i in accounts.items()}}
        match = process.extractOne(text, list(choices), scorer=fuzz.WRatio, processor=utils.default_process,
                                   score_cutoff=75)
        if match is None:
            return Answer(text, ["I found no rep, manager or account with a name like that."], "names in the CRM")
        name = match[0]
        kind, ident = choices[name]
        if kind == "account":
            where = O.account_id == ident
        else:
            team = select(U.id).where((U.id == ident) | (U.manager_id == ident))
            where = O.user_id.in_(team)
        rows = conn.execute(
            select(O.stage, func.count(), func.coalesce(func.sum(O.close_value), 0)).where(where).group_by(O.stage)
        ).all()
        lines = [f"{stage}: {n:,} deals" + (f", {_money(v)} won" if stage == "Won" else "") for stage, n, v in rows]
        return Answer(f"Pipeline of {name} ({kind})", lines or ["no deals"], "opportunities by stage")
