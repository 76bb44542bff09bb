"""The best any learner could do in a planted world: how much of the achievable reply chance a policy
reaches when it knows the world's whole mechanism except each contact's own peak shift and
responsiveness, and infers those from the contact's own touches (exact Bayes over the shifts the world
plants and a grid over responsiveness).

A learned model must also learn the mechanism itself, so it should stay below this ceiling; a world
whose ceiling is under a floor cannot meet that floor with any policy. The ceiling reads the world's
planted internals (its touch log, drawn outcomes and truth function) and shares nothing with the model.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np

from evals.followup import worlds as W

HORIZON_HOURS = 240
RESPONSIVENESS_GRID = 13


def _touches(w: W.PlantedWorld) -> dict[str, np.ndarray]:
    """Every touch's contact, local hour, delay factor, log-odds as planted and drawn outcome."""
    at = np.frombuffer(w._at, dtype=float)
    kind = np.frombuffer(w._kind, dtype=np.int8)
    num = np.frombuffer(w._num, dtype=np.int32)
    n = len(w.logged)
    p = np.frombuffer(w.logged, dtype=float)
    contact = np.frombuffer(w._touch_contact, dtype=np.int32)
    window = np.frombuffer(w._touch_window, dtype=float)
    when = np.empty(n)
    touch = kind == W.K_TOUCH
    when[num[touch]] = at[touch]
    answered = np.zeros(n)
    reply = kind == W.K_REPLY
    in_time = at[reply] <= window[num[reply]]
    answered[num[reply][in_time]] = 1.0
    factor, hour = np.empty(n), np.empty(n)
    for i in range(n):
        c = w.contacts[contact[i]]
        loc = dt.datetime.fromtimestamp(when[i], c.tz)
        factor[i] = w.fx.delay.cdf(W._window_hours(c, loc))  # the world's own window, holidays included
        hour[i] = loc.hour + loc.minute / 60 + loc.second / 3600
    q = np.clip(p / np.maximum(factor, 1e-12), 1e-9, 1 - 1e-9)
    return {"contact": contact, "hour": hour, "factor": factor, "z": np.log(q / (1 - q)), "y": answered}


def _bump(c: Any, peak: float, hour: np.ndarray) -> np.ndarray:
    d = np.abs(hour - peak)
    d = np.minimum(d, 24 - d)
    return c.segment.amp * np.exp(-0.5 * (d / c.segment.sd) ** 2)


def _peaks(c: Any) -> dict[float, float]:
    """The contact's possible peaks and their planted prior (the world's own shifting rule)."""
    base, share = c.segment.peak, c.shift_share
    out = {base: 1.0 - share}
    for step in (2.0, 3.0):
        for sign in (-1.0, 1.0):
            s = sign if 6.5 <= base + sign * step <= 20.5 else -sign
            out[base + s * step] = out.get(base + s * step, 0.0) + share / 4
    return {k: v for k, v in out.items() if v > 0}


def ceiling(w: W.PlantedWorld, queries: list[W.Query]) -> dict[str, Any]:
    """Share of the achievable reply chance reached by the Bayes policy above, and by the one that
    knows only each segment's peak (no contact's own), for ``queries``."""
    t = _touches(w)
    order = np.argsort(t["contact"], kind="stable")
    ids = np.arange(len(w.contacts))
    starts = np.searchsorted(t["contact"][order], ids)
    ends = np.searchsorted(t["contact"][order], ids, side="right")
    index = {c.email: i for i, c in enumerate(w.contacts)}
    sd = w.fx.responsiveness_sd
    grid_u = np.linspace(-3, 3, RESPONSIVENESS_GRID) * sd
    log_prior_u = -0.5 * (grid_u / sd) ** 2
    out: dict[str, dict[str, list[float]]] = {k: {"warm": [], "cold": []} for k in ("bayes", "segment")}
    for q in queries:
        ci = index[q.email.lower()]
        c = w.contacts[ci]
        rows = order[starts[ci]:ends[ci]]
        peaks = _peaks(c)
        hyp = list(peaks)
        prior = np.asarray([peaks[h] for h in hyp])
        loglik = np.zeros((len(hyp), len(grid_u)))
        y, f, hr = t["y"][rows], t["factor"][rows], t["hour"][rows]
        for k, peak in enumerate(hyp):
            z = t["z"][rows] - _bump(c, c.peak, hr) + _bump(c, peak, hr) - c.u
            for j, u in enumerate(grid_u):
                p = np.clip(f / (1 + np.exp(-(z + u))), 1e-12, 1 - 1e-12)
                loglik[k, j] = float(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))
        post = loglik + np.log(prior)[:, None] + log_prior_u[None, :]
        post = np.exp(post - post.max())
        post /= post.sum()
        by_peak, u_mean = post.sum(axis=1), float((post.sum(axis=0) * grid_u).sum())
        moments = [q.now.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=h)
                   for h in range(1, HORIZON_HOURS + 1)]
        truth = np.asarray([w.truth(c.email, m) for m in moments])
        expected = {"bayes": np.zeros(len(moments)), "segment": np.zeros(len(moments))}
        own = (c.peak, c.u)
        try:
            for k, peak in enumerate(hyp):
                c.peak, c.u = peak, u_mean
                values = np.asarray([w.truth(c.email, m) for m in moments])
                expected["bayes"] += by_peak[k] * values
                expected["segment"] += prior[k] * values
        finally:
            c.peak, c.u = own
        for name, e in expected.items():
            out[name]["warm" if q.warm else "cold"].append(float(truth[int(np.argmax(e))] / truth.max()))
    result: dict[str, Any] = {}
    for name, groups in out.items():
        everyone = groups["warm"] + groups["cold"]
        result[name] = {"all": float(np.mean(everyone)),
                        "warm": float(np.mean(groups["warm"])) if groups["warm"] else math.nan,
                        "cold": float(np.mean(groups["cold"])) if groups["cold"] else math.nan}
    return result
