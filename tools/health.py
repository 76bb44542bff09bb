"""An explainable account-health (intent) score, fitted on won vs lost deals.

Each deal is described by what its activity history looked like (touches, reply rate, days since
the last reply, contacts engaged, unanswered touches in a row, age). A logistic regression on
standardised features learns which of these separate won from lost deals; a deal's score is the
fitted probability of winning, and each feature's contribution (coefficient x standardised value)
is the 'factor that moved it'. With too little history there is no model, and the profile says so.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import Engine, and_, case, func, select

from copilot.crm.models import Activity, ImportRun, Opportunity

FEATURES = ("touches", "reply_rate", "days_since_reply", "contacts_engaged", "unanswered_streak", "age_days")
LABELS = {
    "touches": "touches logged",
    "reply_rate": "reply rate",
    "days_since_reply": "days since the last reply",
    "contacts_engaged": "contacts engaged",
    "unanswered_streak": "unanswered touches in a row",
    "age_days": "days since the deal was engaged",
}
MIN_DEALS = 40


@dataclass
class Factor:
    feature: str
    label: str
    value: float
    typical: float
    effect: float
    """Contribution to the log-odds of winning; positive helps."""


@dataclass
class HealthModel:
    coef: np.ndarray
    intercept: float
    mean: np.ndarray
    std: np.ndarray
    trained_on: int
    holdout_auc: float | None
    fitted_at: str = field(default="")

    def score(self, x: np.ndarray) -> tuple[float, list[Factor]]:
        z = (x - self.mean) / self.std
        contrib = self.coef * z
        p = 1.0 / (1.0 + math.exp(-(self.intercept + float(contrib.sum()))))
        factors = [Factor(f, LABELS[f], float(x[i]), float(self.mean[i]), float(contrib[i]))
                   for i, f in enumerate(FEATURES)]
        factors.sort(key=lambda f: abs(f.effect), reverse=True)
        return p, factors


def deal_features(engine: Engine, deal_ids: list[str] | None, now: dt.datetime) -> dict[str, np.ndarray]:
    """Activity features per deal, each taken at the deal's close (closed) or at ``now`` (open)."""
    a = Activity
    o = Opportunity
    is_reply = and_(a.direction == "inbound", a.in_reply_to.is_not(None))
    last_reply = (select(a.opportunity_id.label("oid"), func.max(a.occurred_at).label("t"))
                  .where(is_reply, a.opportunity_id.is_not(None)).group_by(a.opportunity_id).subquery())
    stmt = (
        select(
            o.id, o.engage_date, o.close_date,
            func.sum(case((a.direction == "outbound", 1), else_=0)),
            func.sum(case((is_reply, 1), else_=0)),
            func.count(func.distinct(a.contact_id)),
            last_reply.c.t,
            func.sum(case((and_(a.direction == "outbound",
                                a.occurred_at > func.coalesce(last_reply.c.t, dt.datetime(1900, 1, 1))), 1),
                          else_=0)),
        )
        .select_from(o).join(a, a.opportunity_id == o.id).outerjoin(last_reply, last_reply.c.oid == o.id)
        .group_by(o.id, o.engage_date, o.close_date, last_reply.c.t)
    )
    if deal_ids is not None:
        stmt = stmt.where(o.id.in_(deal_ids))
    out: dict[str, np.ndarray] = {}
    with engine.connect() as conn:
        for oid, engage, close, touches, replies, contacts, last, streak in conn.execute(stmt):
            cutoff = dt.datetime.combine(close, dt.time(23, 59)) if close else now
            since = (cutoff - last).days if last else 180
            age = (cutoff.date() - engage).days if engage else 0
            out[oid] = np.array([
                math.log1p(touches or 0), (replies or 0) / touches if touches else 0.0, min(max(since, 0), 180),
                contacts or 0, streak or 0, max(age, 0),
            ], dtype=float)
    return out


_CACHE: dict[tuple[str, int], HealthModel | None] = {}


def fit_health_model(engine: Engine, now: dt.datetime | None = None) -> HealthModel | None:
    """Fit (or reuse, until the data changes) the model on every closed deal with activity history."""
    with engine.connect() as conn:
        version = conn.execute(select(func.coalesce(func.max(ImportRun.id), 0))).scalar_one()
    key = (engine.url.render_as_string(hide_password=True), version)
    if key in _CACHE:
        return _CACHE[key]
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with engine.connect() as conn:
        closed = dict(conn.execute(select(Opportunity.id, Opportunity.stage)
                                   .where(Opportunity.stage.in_(("Won", "Lost")))).all())
    feats = deal_features(engine, None, now)
    ids = sorted(i for i in feats if i in closed)
    model = None
    if len(ids) >= MIN_DEALS and len({closed[i] for i in ids}) == 2:
        x = np.stack([feats[i] for i in ids])
        y = np.array([closed[i] == "Won" for i in ids], dtype=int)
        mean, std = x.mean(axis=0), x.std(axis=0)
        std[std == 0] = 1.0
        z = (x - mean) / std
        rng = np.random.default_rng(0)
        holdout = rng.random(len(ids)) < 0.2
        auc = None
        if holdout.sum() >= 10 and len(set(y[holdout])) == 2 and len(set(y[~holdout])) == 2:
            probe = LogisticRegression(C=1.0, max_iter=500).fit(z[~holdout], y[~holdout])
            auc = float(roc_auc_score(y[holdout], probe.predict_proba(z[holdout])[:, 1]))
        fitted = LogisticRegression(C=1.0, max_iter=500).fit(z, y)
        model = HealthModel(fitted.coef_[0], float(fitted.intercept_[0]), mean, std, len(ids), auc,
                            now.isoformat(timespec="seconds"))
    _CACHE[key] = model
    return model
