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
    lines = [f"{name}: {k:,} open deals, {_money(v)} at list price" for name, k, v in rows] or ["none"]
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
