"""The CRM query tool: a typed, structured query compiled to SQLAlchemy with bound parameters.

A model never writes SQL. It fills in a :class:`CrmQuery` (entity, filters, metrics, group-by,
ordering, limit); names are resolved against the CRM; the caller's scope is added from the run's
identity; every result carries the definitions used and the ids of the records behind it.
"""

from __future__ import annotations

import datetime as dt
import statistics
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from sqlalchemy import Engine, and_, case, false, func, literal, literal_column, or_, select
from sqlalchemy.orm import aliased

from copilot.crm.models import OPEN_STAGES, Account, Activity, Opportunity, Product, User
from copilot.crm.errors import ScopeError, ToolInputError
from copilot.crm.identity import Identity, account_in_scope
from copilot.crm.names import Names
from tools.registry import Tool, ToolContext
from tools.sql import days_between, period

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Names50 = Annotated[list[Name], Field(max_length=50)]
Stage = Literal["Prospecting", "Engaging", "Won", "Lost"]
ActivityType = Literal["email", "call", "meeting", "note"]
Entity = Literal["opportunities", "accounts", "activities", "users", "products"]
Metric = Literal[
    "count", "won_count", "lost_count", "open_count", "won_revenue", "avg_won_deal_size", "win_rate",
    "avg_sales_cycle_days", "open_pipeline_list_price", "touches", "replies", "reply_rate", "median_won_deal_size",
    "median_sales_cycle_days",
]
GroupBy = Literal[
    "stage", "product", "account", "rep", "manager", "regional_office", "sector", "tier", "close_month",
    "close_quarter", "close_year", "engage_quarter", "type", "direction", "activity_month", "series",
]
DealField = Literal["close_value", "engage_date", "close_date", "cycle_days", "list_price"]
AccountField = Literal["employees", "revenue_musd", "year_established"]
MAX_IDS = 200
DEAL_FIELDS = ["deal", "account", "product", "stage", "close_value", "list_price", "engage_date", "close_date", "rep",
               "cycle_days"]

DEFINITIONS: dict[str, str] = {
    "count": "number of records matching the filters",
    "won_count": "deals in stage Won",
    "lost_count": "deals in stage Lost",
    "open_count": "deals in stage Prospecting or Engaging",
    "won_revenue": "sum of close_value of Won deals",
    "avg_won_deal_size": "won revenue / number of Won deals",
    "win_rate": "win rate = won / (won + lost)",
    "avg_sales_cycle_days": "average days from engage_date to close_date, Won deals",
    "median_won_deal_size": "the middle close_value of Won deals: as many above it as below",
    "median_sales_cycle_days": "the middle number of days from engage_date to close_date of Won deals: as many "
                               "above it as below",
    "open_pipeline_list_price": "sum of the product list price of open (Prospecting or Engaging) deals",
    "touches": "outbound activities",
    "replies": "inbound activities answering an outbound touch (in_reply_to set)",
    "reply_rate": "reply rate = replies / touches",
}
METRICS_BY_ENTITY: dict[str, set[str]] = {
    "opportunities": {"count", "won_count", "lost_count", "open_count", "won_revenue", "avg_won_deal_size",
                      "win_rate", "avg_sales_cycle_days", "open_pipeline_list_price", "median_won_deal_size",
                      "median_sales_cycle_days"},
    "activities": {"count", "touches", "replies", "reply_rate"},
    "accounts": {"count"},
    "users": {"count"},
    "products": {"count"},
}
GROUPS_BY_ENTITY: dict[str, set[str]] = {
    "opportunities": {"stage", "product", "series", "account", "rep", "manager", "regional_office", "sector", "tier",
                      "close_month", "close_quarter", "close_year", "engage_quarter"},
    "activities": {"rep", "account", "type", "direction", "activity_month", "regional_office", "manager"},
    "accounts": {"sector", "regional_office", "tier"},
    "users": {"manager", "regional_office"},
    "products": set(),
}


class Filters(BaseModel):
    """Every filter is optional; lists mean 'any of'. Names are matched leniently ("kan code")."""

    model_config = ConfigDict(extra="forbid")

    stage: Annotated[list[Stage], Field(max_length=4)] | None = None
    product: Names50 | None = None
    account: Names50 | None = None
    rep: Names50 | None = None
    manager: Names50 | None = None
    regional_office: Names50 | None = None
    sector: Names50 | None = None
    tier: Literal["key", "standard"] | None = None
    engage_from: dt.date | None = None
    engage_to: dt.date | None = None
    close_from: dt.date | None = None
    close_to: dt.date | None = None
    value_min: Annotated[float, Field(ge=0, le=1e12)] | None = None
    value_max: Annotated[float, Field(ge=0, le=1e12)] | None = None
    value_above: Annotated[float, Field(ge=0, le=1e12)] | None = None
    """Deals worth more than this (not equal to it); ``value_below``: less than it."""
    value_below: Annotated[float, Field(ge=0, le=1e12)] | None = None
    value_of: Literal["close_value", "list_price"] | None = None
    """Which value the value bounds are on: a won deal's close value (the default), or the product's list price
    (what an open or lost deal is worth, as it has no close value)."""
    activity_from: dt.date | None = None
    activity_to: dt.date | None = None
    activity_type: Annotated[list[ActivityType], Field(max_length=4)] | None = None
    """Activities only: e-mails, calls, meetings or notes."""
    parent: Names50 | None = None
    """Accounts only: the subsidiaries of these accounts."""


class Having(BaseModel):
    """A bound on a group's figure ("reps with more than 100 won deals"): only the groups within it are kept; a
    member of a ranked population with no matching deal has 0 for a count or a sum, and is kept or not as 0 is."""

    model_config = ConfigDict(extra="forbid")

    metric: Metric
    above: float | None = None
    """more than this (not equal to it); ``below``: less than it; ``min``/``max``: at least / at most"""
    below: float | None = None
    min: float | None = None
    max: float | None = None

    def keeps(self, value: Any) -> bool:
        if value is None:
            return False
        v = float(value)
        return (self.above is None or v > self.above) and (self.below is None or v < self.below) and \
            (self.min is None or v >= self.min) and (self.max is None or v <= self.max)


class CrmQuery(BaseModel):
    """A question to the CRM. Example: won revenue by rep for Q2 2017 ->
    {"entity": "opportunities", "metrics": ["won_revenue"], "group_by": ["rep"],
     "filters": {"close_from": "2017-04-01", "close_to": "2017-06-30"}, "order_by": "won_revenue"}"""

    model_config = ConfigDict(extra="forbid")

    entity: Entity = "opportunities"
    filters: Filters = Filters()
    metrics: Annotated[list[Metric], Field(min_length=1, max_length=8)] = ["count"]
    group_by: Annotated[list[GroupBy], Field(max_length=2)] = []
    records: bool = False
    """Opportunities only: return the deals themselves (id, account, product, stage, value, dates, rep,
    cycle days) instead of figures; order them with ``order_by`` one of close_value, list_price (open deals
    have no close value yet), engage_date, close_date, cycle_days."""
    order_by: Metric | GroupBy | DealField | AccountField | None = None
    descending: bool = True
    limit: Annotated[int, Field(ge=1, le=500)] = 50
    having: Having | None = None
    """Grouped only: keep the groups whose figure (one of ``metrics``) is within the bound, e.g. reps who won more
    than 100 deals: {"metric": "won_count", "above": 100}."""

    @model_validator(mode="after")
    def _fits_entity(self) -> CrmQuery:
        bad = [m for m in self.metrics if m not in METRICS_BY_ENTITY[self.entity]]
        if bad:
            raise ValueError(f"metric(s) {bad} do not apply to {self.entity}; use "
                             f"{sorted(METRICS_BY_ENTITY[self.entity])}")
        bad = [g for g in self.group_by if g not in GROUPS_BY_ENTITY[self.entity]]
        if bad:
            raise ValueError(f"group_by {bad} does not apply to {self.entity}; use "
                             f"{sorted(GROUPS_BY_ENTITY[self.entity])}")
        if self.records and self.entity != "opportunities":
            raise ValueError("records applies to opportunities only")
        if self.records and self.group_by:
            raise ValueError("records cannot be grouped; drop group_by or records")
        if self.having is not None:
            if not self.group_by:
                raise ValueError("having bounds a group's figure: set group_by")
            if self.having.metric not in self.metrics:
                raise ValueError(f"having.metric {self.having.metric!r} must be one of metrics")
            if all(getattr(self.having, k) is None for k in ("above", "below", "min", "max")):
                raise ValueError("having needs a bound: above, below, min or max")
        allowed: tuple[str, ...] = (*self.metrics, *self.group_by)
        if self.records:
            allowed = ("close_value", "list_price", "engage_date", "close_date", "cycle_days")
        elif self.entity == "accounts" and not self.group_by:
            allowed = ("employees", "revenue_musd", "year_established")
        if self.order_by and self.order_by not in allowed:
            raise ValueError(f"order_by {self.order_by!r} must be one of {', '.join(allowed) or 'nothing here'}")
        return self


class QueryResult(BaseModel):
    entity: str
    columns: list[str]
    rows: list[dict[str, Any]]
    definitions: dict[str, str]
    scope: str
    record_ids: list[str]
    record_count: int
    notes: list[str] = []
    counts: dict[str, int] = {}
    """The sales directory: how many of the people listed are reps and how many managers; deals grouped by account:
    how many matching deals have no account ("no_account"), left out of the grouping."""
    tied: int = 0
    """A ranking: how many share the value of the last place asked for (itself included), when any past it share it
    too; those past the rows read for ties are counted here but not listed. Deal records in an order: how many share
    the value of the last record read, when more records matched than were read."""
    left_out: int = 0
    """A ranking by a rate or an average only: how many of those ranked have no deals in its denominator, so no
    figure, and are left out (a note names them)."""
    groups: int | None = None
    """Deals grouped only: how many groups (pairs of values, for two groupings) have a figure, before any cut at the
    limit (within a bound on their figure, when one is set), so that a list cut short can say so."""


def validated(model: type[BaseModel], args: Any) -> Any:
    """``model`` built from ``args``, or a :class:`ToolInputError` that says which argument is wrong."""
    try:
        return model.model_validate(args)
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err["loc"]) or "arguments"
            problems.append(f"{where}: {err['msg']}")
        raise ToolInputError("invalid arguments: " + "; ".join(problems)) from None


O, A, P, U = Opportunity, Account, Product, User  # noqa: E741
REP = aliased(User, name="rep")
MGR = aliased(User, name="mgr")


def run_query(engine: Engine, identity: Identity, query: CrmQuery | dict[str, Any],
              names: Names | None = None) -> QueryResult:
    """Validate, resolve names, apply the caller's scope, run, and explain the result."""
    if not isinstance(query, CrmQuery):
        query = validated(CrmQuery, query)
    names = names or Names.load(engine)
    resolved, notes = _resolve(query.filters, names, people="user" if query.entity == "users" else "rep")
    if query.entity not in ("users", "products"):  # the directory and the price list are visible to every role
        _check_scope(engine, identity, resolved, deals=query.entity in ("opportunities", "activities"))
    if query.entity == "opportunities":
        return _opportunities(engine, identity, query, resolved, notes)
    if query.entity == "activities":
        return _activities(engine, identity, query, resolved, notes)
    if query.entity == "accounts":
        return _accounts(engine, query, resolved, notes)
    if query.entity == "products":
        return _products(engine, query, resolved, notes)
    return _users(engine, query, resolved, notes)


def _resolve(filters: Filters, names: Names, people: str = "rep") -> tuple[dict[str, Any], list[str]]:
    """Names typed leniently, resolved to the CRM's; in the sales directory "rep" may name any person."""
    kinds = {"product": "product", "account": "account", "rep": people, "manager": "manager",
             "regional_office": "regional_office", "sector": "sector", "parent": "account"}
    out: dict[str, Any] = filters.model_dump(exclude_none=True)
    notes: list[str] = []
    for field, kind in kinds.items():
        if field in out:
            matches = [names.resolve(kind, typed) for typed in out[field]]
            out[field] = sorted({m.name for m in matches})
            notes.extend(n for m in matches if (n := m.note()))
    for lo, hi in (("engage_from", "engage_to"), ("close_from", "close_to"), ("value_min", "value_max"),
                   ("value_above", "value_below"), ("value_min", "value_below"), ("value_above", "value_max"),
                   ("activity_from", "activity_to")):
        if lo in out and hi in out and out[lo] > out[hi]:
            raise ToolInputError(f"{lo} ({out[lo]}) is after {hi} ({out[hi]})")
    return out, notes


def _check_scope(engine: Engine, identity: Identity, f: dict[str, Any], *, deals: bool = True) -> None:
    """Refuse, with no figures, a question naming someone else's rep, team or (for deals and touches) account."""
    if identity.sees_everything:
        return
    with engine.connect() as conn:
        if "rep" in f:
            users = dict(conn.execute(select(U.name, U.id).where(U.name.in_(f["rep"]))).all())
            outside = [n for n in f["rep"] if not identity.may_see_user(users.get(n))]
            if outside:
                raise ScopeError(f"the deals of {', '.join(outside)} (you see {identity.describe()})")
        if "manager" in f:
            mine = identity.name if identity.role == "manager" else None
            outside = [n for n in f["manager"] if n != mine]
            if outside:
                raise ScopeError(f"the team of {', '.join(outside)} (you see {identity.describe()})")
        if "regional_office" in f and deals:
            people = conn.execute(select(U.name, U.id).where(U.regional_office.in_(f["regional_office"]),
                                                             U.role == "rep")).all()
            outside = sorted(n for n, i in people if not identity.may_see_user(i))
            if outside:
                raise ScopeError(f"the {', '.join(f['regional_office'])} office: it includes the deals of "
                                 f"{len(outside)} rep{'s' if len(outside) != 1 else ''} outside your scope "
                                 f"(you see {identity.describe()})")
        if "account" in f and deals:
            ids = dict(conn.execute(select(A.name, A.id).where(A.name.in_(f["account"]))).all())
            outside = [n for n in f["account"] if n in ids and not account_in_scope(conn, identity, ids[n])]
            if outside:
                raise ScopeError(f"the account{'s' if len(outside) > 1 else ''} {', '.join(outside)}: "
                                 f"{'their' if len(outside) > 1 else 'its'} deals belong to other reps "
                                 f"(you see {identity.describe()})")


def _in_filters(f: dict[str, Any], columns: dict[str, Any]) -> list[Any]:
    """``column IN (values)`` for each list filter present (people and places are named the same way
    on every entity)."""
    return [column.in_(f[key]) for key, column in columns.items() if key in f]


PEOPLE_AND_PLACES = {"rep": REP.name, "manager": MGR.name, "regional_office": REP.regional_office,
                     "account": A.name, "sector": A.sector}


def _opp_filters(identity: Identity, f: dict[str, Any]) -> list[Any]:
    where: list[Any] = [identity.scope(O.user_id)]
    where += _in_filters(f, {"stage": O.stage, "product": P.name, **PEOPLE_AND_PLACES})
    if "tier" in f:
        where.append(A.tier == f["tier"])
    for key, column, op in (("engage_from", O.engage_date, "ge"), ("engage_to", O.engage_date, "le"),
                            ("close_from", O.close_date, "ge"), ("close_to", O.close_date, "le")):
        if key in f:
            where.append(column >= f[key] if op == "ge" else column <= f[key])
    value = P.list_price if f.get("value_of") == "list_price" else O.close_value
    if "value_min" in f:
        where.append(value >= f["value_min"])
    if "value_max" in f:
        where.append(value <= f["value_max"])
    if "value_above" in f:
        where.append(value > f["value_above"])
    if "value_below" in f:
        where.append(value < f["value_below"])
    return where


def _opp_from(stmt):  # noqa: ANN001, ANN202
    return (stmt.select_from(O).join(P, P.id == O.product_id).outerjoin(A, A.id == O.account_id)
            .join(REP, REP.id == O.user_id).outerjoin(MGR, MGR.id == REP.manager_id))


def _opp_group(name: str) -> Any:
    return {
        "stage": O.stage, "product": P.name, "account": func.coalesce(A.name, literal("(no account)")),
        "rep": REP.name, "manager": MGR.name, "regional_office": REP.regional_office,
        "sector": A.sector, "tier": A.tier, "close_month": period(O.close_date, "month"),
        "close_quarter": period(O.close_date, "quarter"), "close_year": period(O.close_date, "year"),
        "engage_quarter": period(O.engage_date, "quarter"), "series": P.series,
    }[name]


def _opp_metric(name: str) -> Any:
    won = O.stage == "Won"
    won_n = func.sum(case((won, 1), else_=0))
    lost_n = func.sum(case((O.stage == "Lost", 1), else_=0))
    return {
        "count": func.count(O.id),
        "won_count": func.coalesce(won_n, 0),  # a count of nothing is 0, not unknown
        "lost_count": func.coalesce(lost_n, 0),
        "open_count": func.coalesce(func.sum(case((O.stage.in_(OPEN_STAGES), 1), else_=0)), 0),
        "won_revenue": func.coalesce(func.sum(case((won, O.close_value), else_=0)), 0),
        "avg_won_deal_size": func.sum(case((won, O.close_value), else_=0)) * 1.0 / func.nullif(won_n, 0),
        "win_rate": won_n * 1.0 / func.nullif(won_n + lost_n, 0),
        "avg_sales_cycle_days": func.avg(case((won, days_between(O.engage_date, O.close_date)), else_=None)),
        "open_pipeline_list_price": func.coalesce(func.sum(case((O.stage.in_(OPEN_STAGES), P.list_price),
                                                                else_=0)), 0),
    }[name]


def _clean(value: Any) -> Any:
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float):
        return round(value, 6) if abs(value) < 1 else round(value, 2)  # a rate keeps its third decimal of a percent
    return value


TIES = 20
"""how many rows past a ranking's last place are read to find those tied with it"""


def _rank_key(value: Any, descending: bool) -> tuple[bool, float]:
    """A row's place by its value: highest (or lowest) first, an unknown value last."""
    if value is None:
        return (True, 0.0)
    return (False, -float(value) if descending else float(value))


def _finish(stmt, query: CrmQuery, labels: list[str], extra: int = 0):  # noqa: ANN001, ANN202
    if query.order_by:
        col = literal_column_for(labels, query.order_by)
        stmt = stmt.order_by(col.desc().nulls_last() if query.descending else col.asc().nulls_last())
    elif query.group_by:
        stmt = stmt.order_by(*[literal_column_for(labels, g) for g in query.group_by])
    return stmt.limit(query.limit + extra)


def literal_column_for(labels: list[str], name: str) -> Any:
    if name not in labels:  # CrmQuery has validated this; never let other text reach SQL
        raise ToolInputError(f"cannot order by {name!r}")
    return literal_column(name)


def _opportunities(engine: Engine, identity: Identity, query: CrmQuery, f: dict[str, Any],
                   notes: list[str]) -> QueryResult:
    if "parent" in f:
        raise ToolInputError("filter 'parent' applies to accounts only")
    if "activity_type" in f:
        raise ToolInputError("filter 'activity_type' applies to activities only")
    where = _opp_filters(identity, f)
    counts: dict[str, int] = {}
    if "account" in query.group_by:  # deals with no account are not an account: never rank them as one
        with engine.connect() as conn:
            orphans = conn.execute(_opp_from(select(func.count(O.id))).where(
                and_(True, *where, O.account_id.is_(None)))).scalar_one()
        if orphans:
            notes = [*notes, f"{orphans:,} matching deal{'s' if orphans != 1 else ''} with no account "
                             f"{'are' if orphans != 1 else 'is'} left out of the ranking by account"]
            counts = {"no_account": orphans}
        where.append(O.account_id.is_not(None))
    if query.records:
        return _deal_records(engine, identity, query, where, notes)
    # each group's expression built once: PostgreSQL matches the grouped and the selected one, parameters included
    grouped = [_opp_group(g) for g in query.group_by]
    groups = [e.label(g) for e, g in zip(grouped, query.group_by, strict=True)]
    medians = [m for m in query.metrics if m in MEDIANS]
    metrics = [_opp_metric(m).label(m) for m in query.metrics if m not in MEDIANS] or [func.count(O.id).label("_")]
    stmt = _opp_from(select(*groups, *metrics)).where(and_(True, *where))
    if groups:
        stmt = stmt.group_by(*grouped)
    labels = [*query.group_by, *query.metrics]
    whole, ranked = _ranking(query)
    late = bool(medians and groups) or query.having is not None  # ordered and cut once every row's figure is known
    counted = select(func.count()).select_from(stmt.subquery()) if groups and not whole and not late else None
    if not whole and not late:
        stmt = _finish(stmt, query, labels, extra=TIES if ranked else 0)
    ids_stmt = _opp_from(select(O.id)).where(and_(True, *where)).order_by(O.id)
    count_stmt = _opp_from(select(func.count(O.id))).where(and_(True, *where))
    with engine.connect() as conn:
        rows = [{k: _clean(v) for k, v in r._mapping.items() if k != "_"} for r in conn.execute(stmt)]
        for m in medians:
            _medians(conn, m, where, grouped, query.group_by, rows)
        rows, notes, tied_n, left_n, n_groups = _cut(conn, identity, query, f, rows, notes, whole=whole, ranked=ranked)
        if counted is not None and n_groups >= query.limit + (TIES if ranked else 0):  # cut in SQL: counted apart
            n_groups = conn.execute(counted).scalar_one()
        if query.having is not None:  # the records behind the groups kept, not those of every group
            kept = or_(false(), *[and_(True, *[e.is_(None) if r[g] is None else e == r[g]
                                               for e, g in zip(grouped, query.group_by, strict=True)]) for r in rows])
            ids_stmt, count_stmt = ids_stmt.where(kept), count_stmt.where(kept)
        ids = list(conn.scalars(ids_stmt.limit(MAX_IDS)))
        total = conn.execute(count_stmt).scalar_one()
        if not total:
            notes = [*notes, *_outside(conn, identity, f)]
    return QueryResult(entity="opportunities", columns=labels, rows=rows,
                       definitions=_deal_definitions(query.metrics, f), scope=identity.describe(),
                       record_ids=ids, record_count=total, notes=notes, tied=tied_n, left_out=left_n,
                       groups=n_groups if groups else None, counts=counts)


def _outside(conn: Any, identity: Identity, f: dict[str, Any]) -> list[str]:
    """Where a period filter lies wholly outside the dates of the deals the caller may see: a note saying what those
    dates are, so that none found is not read as none happening."""
    out = []
    for what, column, low, high in (("close", O.close_date, "close_from", "close_to"),
                                    ("engage", O.engage_date, "engage_from", "engage_to")):
        if low not in f and high not in f:
            continue
        first, last = conn.execute(select(func.min(column), func.max(column)).where(identity.scope(O.user_id))).one()
        if first is None:
            continue
        first, last = dt.date.fromisoformat(str(first)[:10]), dt.date.fromisoformat(str(last)[:10])
        if (high in f and f[high] < first) or (low in f and f[low] > last):
            out.append(f"the deals you can see in the CRM {'closed' if what == 'close' else 'were engaged'} between {first} and "
                       f"{last}; the period asked about lies outside those dates")
    return out


def _deal_definitions(metrics: list[str], f: dict[str, Any]) -> dict[str, str]:
    """What each metric of deals counts; an open figure filtered to some of the open stages names those alone."""
    out = {m: DEFINITIONS[m] for m in metrics}
    stages = [s for s in OPEN_STAGES if s in f.get("stage", OPEN_STAGES)]
    if stages and len(stages) < len(OPEN_STAGES):
        said = " or ".join(stages)
        for m in ("open_count", "open_pipeline_list_price"):
            if m in out:
                out[m] = out[m].replace(" or ".join(OPEN_STAGES), said)
    return out


MEDIANS = {"median_won_deal_size": O.close_value, "median_sales_cycle_days": days_between(O.engage_date, O.close_date)}
"""the medians, each of its value over the won deals: worked out from the values, as SQLite has no median"""


def _medians(conn: Any, metric: str, where: list[Any], grouped: list[Any], group_by: list[str],
             rows: list[dict[str, Any]]) -> None:
    """Each row's median (one row when not grouped), from the won deals' values of its group."""
    won = _opp_from(select(*grouped, MEDIANS[metric])).where(and_(True, *where, O.stage == "Won"))
    values: dict[tuple[Any, ...], list[float]] = {}
    for r in conn.execute(won):
        if r[-1] is not None:
            values.setdefault(tuple(_clean(v) for v in r[:-1]), []).append(float(r[-1]))
    for row in rows:
        these = values.get(tuple(row[g] for g in group_by))
        row[metric] = _clean(statistics.median(these)) if these else None


def _ranking(query: CrmQuery) -> tuple[bool, bool]:
    """Whether ``query`` ranks a whole population (every member in the caller's sight, those with nothing matching
    too: every row is read and the cut made after), and whether it is a ranking at all (a "top N" list, or the
    planner's top one and the next; everyone tied for the last place is read too)."""
    grouped = bool(query.group_by and query.order_by)
    whole = grouped and len(query.group_by) == 1 and query.group_by[0] in POPULATIONS \
        and query.order_by in query.metrics
    return whole, grouped and (query.limit >= 2 or whole)


def _cut(conn: Any, identity: Identity, query: CrmQuery, f: dict[str, Any], rows: list[dict[str, Any]],
         notes: list[str], *, whole: bool, ranked: bool) -> tuple[list[dict[str, Any]], list[str], int, int, int]:
    """A ranking's rows: its whole population added when ``whole``, in order, cut at the limit with those tied at
    the last place kept; with the notes, how many are tied at the last place, how many are left out, and how many
    rows there were before the cut (of those read: all of them when ``whole`` or when the figures are known only
    here)."""
    tied_n = left_n = 0
    if whole:
        rows, left_out = _everyone(conn, identity, query, f, rows)
        if left_out:
            left_n = len(left_out)
            notes = [*notes, _left_out_note(query.group_by[0], str(query.order_by), left_out)]
    if query.having is not None:
        rows = [r for r in rows if query.having.keeps(r[query.having.metric])]
    before = len(rows)
    if not ranked and query.group_by and (query.having is not None or any(m in MEDIANS for m in query.metrics)):
        # not cut in SQL (a median or a bound on a group's figure is known only now): in the groups' order
        rows = sorted(rows, key=lambda r: tuple((r[g] is None, str(r[g])) for g in query.group_by))[:query.limit]
    if ranked:  # ties in the order of their names, the same every time
        rows.sort(key=lambda r: (_rank_key(r[query.order_by], query.descending),
                                 *[str(r[g]) for g in query.group_by]))
    if ranked and len(rows) > query.limit:
        last = rows[query.limit - 1][query.order_by]
        tied = [r for r in rows[query.limit:] if r[query.order_by] == last and last is not None]
        if tied:
            tied_n = sum(1 for r in rows if r[query.order_by] == last)
        rows = rows[:query.limit] + tied[:TIES]
        if tied:
            if whole:
                more = f" (and {len(tied) - TIES:,} more are tied with them)" if len(tied) > TIES else ""
            else:  # only TIES rows past the last place were read
                more = " (and more are tied with them)" if len(tied) == TIES else ""
                tied_n = tied_n if not more else 0  # not known
            notes = [*notes, "those tied at the last place are shown too" + more]
    return rows, notes, tied_n, left_n, before


POPULATIONS = {"rep", "manager", "regional_office", "account", "product", "sector", "series"}
"""Groups whose every member in the caller's sight is ranked, with 0 when none of their deals (or touches) match."""
ZERO = {"count": 0, "won_count": 0, "lost_count": 0, "open_count": 0, "won_revenue": 0, "open_pipeline_list_price": 0,
        "touches": 0, "replies": 0}
"""A member with no matching deal or touch: 0 for a count or a sum; a rate or an average has no value (None)."""
NO_FIGURE = {"win_rate": "no won or lost deals", "avg_won_deal_size": "no won deals",
             "avg_sales_cycle_days": "no won deals", "reply_rate": "no touches", "median_won_deal_size": "no won deals",
             "median_sales_cycle_days": "no won deals"}
KIND = {"rep": ("rep", "reps"), "manager": ("manager", "managers"), "regional_office": ("office", "offices"),
        "account": ("account", "accounts"), "product": ("product", "products"), "sector": ("sector", "sectors"),
        "series": ("product series", "product series")}


def _population(conn: Any, identity: Identity, group: str, f: dict[str, Any]) -> list[str]:
    """Everyone (or everything) a ranking by ``group`` covers: the members the caller may see that the filters on
    people, places, accounts and products name, whether or not any of their deals (or touches) match the other
    filters."""
    columns = {"rep": REP.name, "manager": MGR.name, "regional_office": REP.regional_office}
    people = [identity.scope(REP.id), *_in_filters(f, columns)]
    owners = select(REP.id).select_from(REP).outerjoin(MGR, MGR.id == REP.manager_id).where(and_(True, *people))
    people.append(REP.role == "rep")  # a manager's own row is not one of their reps
    if group in ("rep", "manager", "regional_office"):
        stmt = select(columns[group]).select_from(REP).outerjoin(MGR, MGR.id == REP.manager_id).where(and_(True, *people))
    elif group in ("product", "series"):
        stmt = select(P.name if group == "product" else P.series).where(and_(True, *_in_filters(f, {"product": P.name})))
    else:  # accounts (and their sectors): every account for sales-ops, else those in the caller's scope
        where = _in_filters(f, {"account": A.name, "sector": A.sector})
        if "tier" in f:
            where.append(A.tier == f["tier"])
        if not identity.sees_everything or any(k in f for k in ("rep", "manager", "regional_office")):
            worked = select(O.account_id).where(O.user_id.in_(owners), O.account_id.is_not(None))
            # an account with no deals is in scope when one of the caller's people touched it
            untouched = ~select(O.id).where(O.account_id == A.id).exists()
            touched = select(Activity.account_id).where(Activity.user_id.in_(owners))
            where.append(A.id.in_(worked) | (untouched & A.id.in_(touched)))
        stmt = select(A.sector if group == "sector" else A.name).where(and_(True, *where))
    return sorted({v for v in conn.scalars(stmt) if v is not None})


def _everyone(conn: Any, identity: Identity, query: CrmQuery, f: dict[str, Any],
              rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """``rows`` with every member of the ranking's population that has none (0 for a count or a sum), and, for a
    rate or an average, without those that have no figure: those left out are returned by name."""
    group, order = query.group_by[0], str(query.order_by)
    seen = {r[group] for r in rows}
    rows = rows + [{group: name, **{m: ZERO.get(m) for m in query.metrics}}
                   for name in _population(conn, identity, group, f) if name not in seen]
    left_out = sorted(str(r[group]) for r in rows if r[order] is None)
    return [r for r in rows if r[order] is not None], left_out


def _left_out_note(group: str, metric: str, names: list[str]) -> str:
    one, many = KIND[group]
    shown = names if len(names) <= 10 else [*names[:10], f"{len(names) - 10:,} more"]
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    why = NO_FIGURE.get(metric, "no matching deals")
    label = {"win_rate": "win rate", "avg_won_deal_size": "average won deal size",
             "avg_sales_cycle_days": "average sales cycle", "reply_rate": "reply rate",
             "median_won_deal_size": "median won deal size",
             "median_sales_cycle_days": "median sales cycle"}.get(metric, "figure")
    return (f"{len(names):,} {one if len(names) == 1 else many} with {why} "
            f"{'has' if len(names) == 1 else 'have'} no {label} and {'is' if len(names) == 1 else 'are'} "
            f"left out: {listed}")


def _deal_records(engine: Engine, identity: Identity, query: CrmQuery, where: list[Any],
                  notes: list[str]) -> QueryResult:
    cycle = case((O.stage.in_(("Won", "Lost")), days_between(O.engage_date, O.close_date)), else_=None)
    columns = {"deal": O.id, "account": A.name, "product": P.name, "stage": O.stage, "close_value": O.close_value,
               "list_price": P.list_price, "engage_date": O.engage_date, "close_date": O.close_date, "rep": REP.name, "cycle_days": cycle}
    stmt = _opp_from(select(*[c.label(k) for k, c in columns.items()])).where(and_(True, *where))
    if query.order_by:
        col = columns[str(query.order_by)]
        stmt = stmt.order_by(col.desc().nulls_last() if query.descending else col.asc().nulls_last(), O.id)
    else:
        stmt = stmt.order_by(O.id)
    count_stmt = _opp_from(select(func.count(O.id))).where(and_(True, *where))
    with engine.connect() as conn:
        rows = [{k: _clean(v) for k, v in r._mapping.items()} for r in conn.execute(stmt.limit(query.limit))]
        total = conn.execute(count_stmt).scalar_one()
        tied = 0
        if query.order_by and rows and len(rows) == query.limit < total and rows[-1][str(query.order_by)] is not None:
            # how many deals share the last value read, those past the limit too: a cut there is by deal id alone
            col = columns[str(query.order_by)]
            tied = conn.execute(_opp_from(select(func.count(O.id))).where(
                and_(True, *where, col == rows[-1][str(query.order_by)]))).scalar_one()
    for row in rows:
        for key in ("engage_date", "close_date"):
            if isinstance(row[key], dt.date):
                row[key] = row[key].isoformat()
        if row["cycle_days"] is not None:
            row["cycle_days"] = int(round(float(row["cycle_days"])))
    return QueryResult(entity="opportunities", columns=DEAL_FIELDS, rows=rows,
                       definitions={"cycle_days": "days from engage_date to close_date (closed deals)",
                                    "list_price": "the product's list price (what an open deal is worth until it closes)",
                                    "close_value": "the deal's value when closed (Won deals)"},
                       scope=identity.describe(), record_ids=[r["deal"] for r in rows], record_count=total,
                       notes=notes, tied=tied)


def _activities(engine: Engine, identity: Identity, query: CrmQuery, f: dict[str, Any],
                notes: list[str]) -> QueryResult:
    act = Activity
    where: list[Any] = [identity.scope(act.user_id)]
    where += _in_filters(f, PEOPLE_AND_PLACES)
    if "activity_from" in f:
        where.append(act.occurred_at >= dt.datetime.combine(f["activity_from"], dt.time()))
    if "activity_to" in f:
        where.append(act.occurred_at < dt.datetime.combine(f["activity_to"] + dt.timedelta(days=1), dt.time()))
    if "activity_type" in f:
        where.append(act.type.in_(f["activity_type"]))
    unsupported = set(f) - {"rep", "manager", "regional_office", "account", "sector", "activity_from",
                            "activity_to", "activity_type"}
    if unsupported:
        raise ToolInputError(f"filter(s) {sorted(unsupported)} do not apply to activities")
    touches = func.sum(case((act.direction == "outbound", 1), else_=0))
    replies = func.sum(case((and_(act.direction == "inbound", act.in_reply_to.is_not(None)), 1), else_=0))
    metric = {"count": func.count(act.id), "touches": touches, "replies": replies,
              "reply_rate": replies * 1.0 / func.nullif(touches, 0)}
    group = {"rep": REP.name, "account": A.name, "type": act.type, "direction": act.direction,
             "activity_month": period(act.occurred_at, "month"), "regional_office": REP.regional_office,
             "manager": MGR.name}

    def base(stmt):  # noqa: ANN001, ANN202
        return (stmt.select_from(act).join(A, A.id == act.account_id).join(REP, REP.id == act.user_id)
                .outerjoin(MGR, MGR.id == REP.manager_id).where(and_(True, *where)))

    labels = [*query.group_by, *query.metrics]
    stmt = base(select(*[group[g].label(g) for g in query.group_by],
                       *[metric[m].label(m) for m in query.metrics]))
    if query.group_by:
        stmt = stmt.group_by(*[group[g] for g in query.group_by])
    # a ranking of reps, managers, offices or accounts covers everyone in the caller's sight, those with no
    # matching touch too (0), as a ranking of deals does
    whole, ranked = _ranking(query)
    if not whole:
        stmt = _finish(stmt, query, labels, extra=TIES if ranked else 0)
    with engine.connect() as conn:
        rows = [{k: _clean(v) for k, v in r._mapping.items()} for r in conn.execute(stmt)]
        rows, notes, tied_n, left_n, _ = _cut(conn, identity, query, f, rows, notes, whole=whole, ranked=ranked)
        ids = list(conn.scalars(base(select(act.id)).order_by(act.id).limit(MAX_IDS)))
        total = conn.execute(base(select(func.count(act.id)))).scalar_one()
    return QueryResult(entity="activities", columns=labels, rows=rows,
                       definitions={m: DEFINITIONS[m] for m in query.metrics}, scope=identity.describe(),
                       record_ids=ids, record_count=total, notes=notes, tied=tied_n, left_out=left_n)


ACCOUNT_FIELDS = ["account", "sector", "revenue_musd", "employees", "year_established", "office_location",
                  "parent_account", "tier"]


def _accounts(engine: Engine, query: CrmQuery, f: dict[str, Any], notes: list[str]) -> QueryResult:
    """Firmographics are reference data: every role may read them (deal figures stay scoped)."""
    parent = aliased(Account, name="parent")
    where: list[Any] = []
    if "account" in f:
        where.append(A.name.in_(f["account"]))
    if "sector" in f:
        where.append(A.sector.in_(f["sector"]))
    if "tier" in f:
        where.append(A.tier == f["tier"])
    if "parent" in f:
        owner = aliased(Account, name="owner")
        where.append(A.parent_id.in_(select(owner.id).where(owner.name.in_(f["parent"])).scalar_subquery()))
    unsupported = set(f) - {"account", "sector", "tier", "parent"}
    if unsupported:
        raise ToolInputError(f"filter(s) {sorted(unsupported)} do not apply to accounts; ask about opportunities")
    if query.group_by:
        group = {"sector": A.sector, "tier": A.tier, "regional_office": A.office_location}
        cols = [group[g].label(g) for g in query.group_by]
        stmt = select(*cols, func.count(A.id).label("count")).where(and_(True, *where)).group_by(
            *[group[g] for g in query.group_by])
        labels = [*query.group_by, "count"]
        stmt = _finish(stmt, query, labels)
    else:
        stmt = (select(A.name.label("account"), A.sector, A.revenue_musd, A.employees, A.year_established,
                       A.office_location, parent.name.label("parent_account"), A.tier)
                .outerjoin(parent, parent.id == A.parent_id).where(and_(True, *where)))
        if query.order_by:
            col = {"employees": A.employees, "revenue_musd": A.revenue_musd,
                   "year_established": A.year_established}[str(query.order_by)]
            stmt = stmt.order_by(col.desc().nulls_last() if query.descending else col.asc().nulls_last(), A.name)
        else:
            stmt = stmt.order_by(A.name)
        stmt = stmt.limit(query.limit)
        labels = ACCOUNT_FIELDS
    with engine.connect() as conn:
        rows = [{k: _clean(v) for k, v in r._mapping.items()} for r in conn.execute(stmt)]
        ids = list(conn.scalars(select(A.name).where(and_(True, *where)).order_by(A.name).limit(MAX_IDS)))
        total = conn.execute(select(func.count(A.id)).where(and_(True, *where))).scalar_one()
    return QueryResult(entity="accounts", columns=labels, rows=rows,
                       definitions={"revenue_musd": "annual revenue, millions of US dollars",
                                    "count": DEFINITIONS["count"]},
                       scope="account reference data (visible to every role)", record_ids=ids,
                       record_count=total, notes=notes)


def _users(engine: Engine, query: CrmQuery, f: dict[str, Any], notes: list[str]) -> QueryResult:
    """The sales directory (who reports to whom) is visible to every role."""
    where: list[Any] = [REP.role != "ops"]
    if "rep" in f:
        where.append(REP.name.in_(f["rep"]))
    if "manager" in f:
        where.append(MGR.name.in_(f["manager"]))
    if "regional_office" in f:
        where.append(REP.regional_office.in_(f["regional_office"]))
    unsupported = set(f) - {"rep", "manager", "regional_office"}
    if unsupported:
        raise ToolInputError(f"filter(s) {sorted(unsupported)} do not apply to users")
    base = select(REP.name.label("name"), REP.role, MGR.name.label("manager"), REP.regional_office).select_from(
        REP).outerjoin(MGR, MGR.id == REP.manager_id).where(and_(True, *where))
    if query.group_by:  # the reps in each office or team (a manager heads a team, and is not counted in one)
        group = {"manager": MGR.name, "regional_office": REP.regional_office}
        stmt = (select(*[group[g].label(g) for g in query.group_by], func.count(REP.id).label("count"))
                .select_from(REP).outerjoin(MGR, MGR.id == REP.manager_id).where(and_(True, *where, REP.role == "rep"))
                .group_by(*[group[g] for g in query.group_by]))
        labels = [*query.group_by, "count"]
        stmt = _finish(stmt, query, labels)
    else:
        stmt = base.order_by(REP.name).limit(query.limit)
        labels = ["name", "role", "manager", "regional_office"]
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(stmt)]
        people = conn.execute(base.order_by(REP.name).limit(MAX_IDS)).all()
    counts: dict[str, int] = {}
    for person in people:
        counts[person.role] = counts.get(person.role, 0) + 1
    return QueryResult(entity="users", columns=labels, rows=rows,
                       definitions={"count": "reps (sales agents) in each group"} if query.group_by else {},
                       scope="sales directory (visible to every role)", record_ids=[p.name for p in people],
                       record_count=len(people), notes=notes, counts=counts)


def _products(engine: Engine, query: CrmQuery, f: dict[str, Any], notes: list[str]) -> QueryResult:
    """The price list is reference data: every role may read it."""
    unsupported = set(f) - {"product"}
    if unsupported:
        raise ToolInputError(f"filter(s) {sorted(unsupported)} do not apply to products")
    where = [P.name.in_(f["product"])] if "product" in f else []
    stmt = select(P.name.label("product"), P.series, P.list_price).where(and_(True, *where)).order_by(P.name)
    with engine.connect() as conn:
        rows = [{k: _clean(v) for k, v in r._mapping.items()} for r in conn.execute(stmt.limit(query.limit))]
    return QueryResult(entity="products", columns=["product", "series", "list_price"], rows=rows,
                       definitions={"list_price": "the product's list (sales) price"},
                       scope="price list (visible to every role)", record_ids=[r["product"] for r in rows],
                       record_count=len(rows), notes=notes)


def _run(ctx: ToolContext, args: dict[str, Any]) -> QueryResult:
    return run_query(ctx.engine, ctx.identity, args, names=ctx.names)


TOOL = Tool("crm_query", "Query the CRM: counts, won revenue, win rate, average won deal size, sales-cycle days, "
            "open pipeline, reply rates, touches and activities (filter activity_type for calls, e-mails or "
            "meetings); filter by stage, product, account, rep, manager, office, sector, dates, value; group, order, "
            "limit (a ranking of people, offices or accounts counts everyone you may see, 0 for none); or the deals "
            "themselves (records). Also account firmographics (filter parent for subsidiaries), the sales directory "
            "and the price list.", CrmQuery, QueryResult, _run, doing="querying the CRM")
