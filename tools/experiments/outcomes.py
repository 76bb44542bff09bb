"""An experiment's outcomes from the CRM, one row per randomised unit: the table its statistics read.

Intention to treat: every unit with an exposure counts, in the variant it was assigned (its first exposure's),
whatever the rep then did: a suggestion not followed is a unit without a touch, not a unit left out.

For each exposure, the subject is its contact (else its account, else the rep who saw it). Per unit:

- ``exposures``: showings up to ``now`` within the experiment's window (a showing the file's window no longer
  holds is not one of its exposures);
- ``touches``: outbound touches (e-mail, call, meeting) to the subject within ``follow_days`` days after a showing
  (a touch after two showings counts once);
- ``replies``: those answered (an inbound row whose ``in_reply_to`` names the touch) within ``reply_days``
  business days, on the contact's calendar (their time zone, their country's public holidays);
- ``reply``: 1 when ``replies`` > 0;
- ``advanced``: 1 when a deal open at a showing (its stage kept with the exposure) is now at a later stage
  (Prospecting, then Engaging, then Won; a Won deal counts from its close date on or after the first showing);
- ``won`` and ``revenue``: 1 when such a deal was won on or after the first showing, and what those deals booked;
- the pre-period covariate (for CUPED): ``pre_touches`` and ``pre_replies`` to the first exposure's subject in
  the ``pre_days`` days before it, and ``pre_reply_rate`` = their ratio (the pooled rate for a unit with no earlier
  touch, so every unit has a value);
- ``complete``: whether every showing's window (``follow_days``, then ``reply_days`` business days) had closed by
  ``now``; a unit still open may gain a reply later.

With ``contact`` as the unit, two contacts of one account share its deals: deal metrics then count the deal for
each; randomise by account when deals are the primary metric.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, select

from copilot.crm.models import Account, Activity, Contact, Exposure, Opportunity
from tools.experiments.design import Experiment, find, load_experiments
from tools.followup.calendar import add_business_days, country_code, zone
from tools.followup.history import CHANNELS

STAGE_RANK = {"Prospecting": 0, "Engaging": 1, "Won": 2}
COLUMNS = ("unit", "variant", "first_exposure", "exposures", "touches", "replies", "reply", "advanced", "won",
           "revenue", "pre_touches", "pre_replies", "pre_reply_rate", "complete")
COVARIATE = "pre_reply_rate"
CHUNK = 500


@dataclass(frozen=True)
class _Touch:
    id: str
    at: dt.datetime  # naive UTC
    deadline: dt.datetime  # naive UTC: the last moment a reply counts
    replied: dt.datetime | None  # the first reply's time


def experiment_table(engine: Engine, experiment: Experiment, now: dt.datetime) -> pd.DataFrame:
    """One row per unit exposed to ``experiment`` up to ``now`` (aware, or naive UTC): the columns of
    :data:`COLUMNS`. ``attrs`` holds the experiment, its control, metrics and covariate, and ``now``."""
    now = now.astimezone(dt.UTC).replace(tzinfo=None) if now.tzinfo else now
    with engine.connect() as conn:
        rows = conn.execute(select(Exposure.unit_id, Exposure.variant, Exposure.shown_at, Exposure.contact_id,
                                   Exposure.account_id, Exposure.user_id, Exposure.deals)
                            .where(Exposure.experiment == experiment.name, Exposure.shown_at <= now,
                                   Exposure.shown_at >= _naive(experiment.start),
                                   Exposure.shown_at < _naive(experiment.end))
                            .order_by(Exposure.shown_at, Exposure.id)).all()
        by_unit: dict[str, list[Any]] = defaultdict(list)
        for r in rows:
            by_unit[r.unit_id].append(r)
        scopes = {_scope(r) for r in rows}
        earliest = min((r.shown_at for r in rows), default=now) - dt.timedelta(days=experiment.pre_days)
        touches = _touches(conn, scopes, earliest, now, experiment.reply_days)
        deal_ids = sorted({d for r in rows for d in (r.deals or {})})
        deals = {d.id: d for part in _chunks(deal_ids) for d in conn.execute(
            select(Opportunity.id, Opportunity.stage, Opportunity.close_date, Opportunity.close_value)
            .where(Opportunity.id.in_(part)))}
    follow = dt.timedelta(days=experiment.follow_days)
    out = []
    for unit, shown in by_unit.items():
        first = shown[0].shown_at
        followed: dict[str, _Touch] = {}
        for e in shown:
            for t in touches.get(_scope(e), ()):
                if e.shown_at < t.at <= min(e.shown_at + follow, now):
                    followed[t.id] = t
        replies = sum(1 for t in followed.values() if t.replied is not None and t.replied <= min(t.deadline, now))
        before = [t for t in touches.get(_scope(shown[0]), ())
                  if first - dt.timedelta(days=experiment.pre_days) <= t.at < first]
        advanced, won, revenue = _deals(shown, deals, first, now)
        last = shown[-1].shown_at + follow
        out.append({"unit": unit, "variant": shown[0].variant, "first_exposure": first, "exposures": len(shown),
                    "touches": len(followed), "replies": replies, "reply": int(replies > 0), "advanced": advanced,
                    "won": won, "revenue": revenue, "pre_touches": len(before),
                    "pre_replies": sum(1 for t in before if t.replied is not None
                                       and t.replied <= min(t.deadline, now)),
                    "complete": _closes(last, experiment.reply_days) <= now})
    table = pd.DataFrame(out, columns=list(COLUMNS[:-2]) + ["complete"])
    table = table.sort_values("first_exposure", kind="stable").reset_index(drop=True)
    pooled = table["pre_replies"].sum() / table["pre_touches"].sum() if table["pre_touches"].sum() else 0.0
    rate = table["pre_replies"] / table["pre_touches"].where(table["pre_touches"] > 0)
    table.insert(len(COLUMNS) - 2, COVARIATE, rate.fillna(pooled).astype(float))
    for column in ("exposures", "touches", "replies", "reply", "advanced", "won", "pre_touches", "pre_replies"):
        table[column] = table[column].astype("int64")
    table["revenue"] = table["revenue"].astype(float)
    table.attrs.update(experiment=experiment.name, control=experiment.control_name, metrics=experiment.metrics,
                       covariate=COVARIATE, unit=experiment.unit, now=now.isoformat(),
                       variants=[v.name for v in experiment.variants],
                       switched=sum(1 for s in by_unit.values() if len({e.variant for e in s}) > 1))
    return table


def report_table(engine: Engine, path: Path, name: str, now: dt.datetime) -> tuple[Experiment, pd.DataFrame]:
    """The experiment called ``name`` in the experiments file ``path`` and its table as of ``now``: what
    ``copilot ab report`` analyses (a missing file or name is one clear line)."""
    experiment = find(load_experiments(path), name, path)
    return experiment, experiment_table(engine, experiment, now)


def _naive(at: dt.datetime) -> dt.datetime:
    return at.astimezone(dt.UTC).replace(tzinfo=None)


def _scope(e: Any) -> tuple[str, int]:
    """Whose touches follow an exposure: its contact's, else its account's, else its rep's."""
    if e.contact_id is not None:
        return "contact", e.contact_id
    if e.account_id is not None:
        return "account", e.account_id
    return "user", e.user_id if e.user_id is not None else -1


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i:i + CHUNK]


def _touches(conn: Connection, scopes: set[tuple[str, int]], since: dt.datetime, now: dt.datetime,
             reply_days: int) -> dict[tuple[str, int], list[_Touch]]:
    """Outbound touches in each scope from ``since`` to ``now``, each with its reply deadline and first reply."""
    a = Activity.__table__
    column = {"contact": a.c.contact_id, "account": a.c.account_id, "user": a.c.user_id}
    found: dict[str, tuple[Any, set[tuple[str, int]]]] = {}
    for kind, col in column.items():
        ids = sorted(i for k, i in scopes if k == kind)
        for part in _chunks(ids):
            query = (select(a.c.id, a.c.occurred_at, a.c.contact_id, a.c.account_id, a.c.user_id,
                            Contact.timezone, Account.office_location)
                     .select_from(a.outerjoin(Contact, Contact.id == a.c.contact_id)
                                  .outerjoin(Account, Account.id == a.c.account_id))
                     .where(col.in_(part), a.c.direction == "outbound", a.c.type.in_(CHANNELS),
                            a.c.occurred_at >= since, a.c.occurred_at <= now))
            for row in conn.execute(query):
                keys = found.setdefault(row.id, (row, set()))[1]
                keys.add((kind, {"contact": row.contact_id, "account": row.account_id, "user": row.user_id}[kind]))
    replied: dict[str, dt.datetime] = {}
    for part in _chunks(sorted(found)):
        for touch_id, at in conn.execute(select(a.c.in_reply_to, a.c.occurred_at)
                                         .where(a.c.direction == "inbound", a.c.in_reply_to.in_(part))):
            if touch_id not in replied or at < replied[touch_id]:
                replied[touch_id] = at
    out: dict[tuple[str, int], list[_Touch]] = defaultdict(list)
    for touch_id, (row, keys) in found.items():
        touch = _Touch(touch_id, row.occurred_at, _deadline(row.occurred_at, row.timezone, row.office_location,
                                                            reply_days), replied.get(touch_id))
        for key in keys:
            out[key].append(touch)
    for touches in out.values():
        touches.sort(key=lambda t: (t.at, t.id))
    return out


def _deadline(at: dt.datetime, timezone: str | None, country: str | None, days: int) -> dt.datetime:
    """``days`` business days after a touch (naive UTC), at the same clock time, on the contact's calendar."""
    tz = zone(timezone)
    local = at.replace(tzinfo=dt.UTC).astimezone(tz)
    day = add_business_days(local.date(), days, country_code(country, timezone))
    return dt.datetime.combine(day, local.time(), tz).astimezone(dt.UTC).replace(tzinfo=None)


def _closes(at: dt.datetime, days: int) -> dt.datetime:
    """A bound on when a reply window opened at ``at`` closes anywhere: ``days`` weekdays on, plus a day for
    time zones and a week for holidays."""
    return dt.datetime.combine(add_business_days(at.date(), days), at.time()) + dt.timedelta(days=8)


def _deals(shown: list[Any], deals: dict[str, Any], first: dt.datetime, now: dt.datetime) -> tuple[int, int, float]:
    """(advanced, won, revenue) over the deals open at the unit's showings, from the stage each had first."""
    then: dict[str, str] = {}
    for e in shown:
        for deal_id, stage in (e.deals or {}).items():
            then.setdefault(deal_id, stage)
    advanced = won = 0
    revenue = 0.0
    for deal_id, stage in then.items():
        d = deals.get(deal_id)
        if d is None:
            continue
        closed_in_time = d.close_date is not None and first.date() <= d.close_date <= now.date()
        if d.stage == "Won" and not closed_in_time:
            continue
        if STAGE_RANK.get(d.stage, -1) > STAGE_RANK.get(stage, 99):
            advanced = 1
        if d.stage == "Won":
            won = 1
            revenue += float(d.close_value or 0)
    return advanced, won, revenue
