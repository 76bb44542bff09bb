"""P(reply within three business days | a touch at this moment): a hierarchical logistic model.

Log-odds are a sum of effects: everyone's (local weekday, local hour, business days since the last
touch, unanswered touches in a row, channel, deal stage), each segment's (sector, region, size:
its own level and its own weekday and hour pattern), each account's and each contact's (their own
level, and small departures from the segment's weekday and time-of-day pattern). Company size is
seen at two resolutions (four bands, nine finer bins), as a segment's true edges are unknown; hours
likewise (six blocks of the day, then each hour, with a narrower prior). Every effect has a Gaussian prior centred on zero, with a
scale per level (wide for everyone's effects, narrow for a contact's), so the fit is a maximum a
posteriori estimate of a hierarchical model: a contact with few touches borrows from their account,
their segment and everyone, and a contact never touched gets their segment's profile. The prior
scales are fixed here, not tuned per data set.

The probabilities are then calibrated (Platt scaling) on a later time slice than the one fitted,
and the calibration is reported for contacts with 0, 1-4 and 5+ prior touches.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from tools.followup.history import CHANNELS, ContactInfo, Table, size_fine

FORMAT = 1
GAP_BINS = (-1, 0, 1, 2, 3, 4, 5, 6, 7, 10, 15, 25)
"""a gap falls in the last bin whose lower edge it reaches (-1: a first touch)"""
HOUR_BLOCKS = (0, 6, 9, 12, 15, 18)
MAX_UNANSWERED = 6
FIELDS = ("wd", "hr", "hb", "gap", "un", "ch", "st", "sector", "region", "size", "sizefine", "account", "contact")
SEGMENTS = ("sector", "region", "size")
GROUPS: tuple[tuple[tuple[str, ...], float], ...] = (
    # everyone
    (("wd",), 2.0), (("hr",), 2.0), (("hb",), 2.0), (("gap",), 2.0), (("un",), 2.0), (("ch",), 2.0), (("st",), 2.0),
    # segments: their level, weekday pattern, time-of-day pattern (in blocks, then hour by hour)
    *((((s,), 1.0)) for s in SEGMENTS), (("sizefine",), 0.5),
    *(((s, "wd"), 0.5) for s in SEGMENTS), (("sizefine", "wd"), 0.3),
    *(((s, "hb"), 0.5) for s in SEGMENTS), (("sizefine", "hb"), 0.3),
    *(((s, "hr"), 0.2) for s in SEGMENTS), (("sizefine", "hr"), 0.15),
    # accounts and contacts: their level, and small departures from their segment's pattern
    (("account",), 0.5), (("account", "wd"), 0.15), (("account", "hb"), 0.15),
    (("contact",), 0.7), (("contact", "wd"), 0.1), (("contact", "hb"), 0.1),
)
"""(fields, prior standard deviation of the effects on the log-odds scale)"""
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def gap_bin(gap: np.ndarray) -> np.ndarray:
    return np.searchsorted(np.asarray(GAP_BINS), gap, side="right") - 1


def hour_block(hour: np.ndarray) -> np.ndarray:
    return np.searchsorted(np.asarray(HOUR_BLOCKS), hour, side="right") - 1


def fields_of(t: Table, contacts: dict[str, ContactInfo]) -> dict[str, np.ndarray]:
    """The categorical fields of every touch, as arrays of strings or small integers."""
    info = [contacts[c] for c in t.contact]
    return {
        "wd": t.weekday.astype(np.int64), "hr": t.hour.astype(np.int64), "hb": hour_block(t.hour),
        "gap": gap_bin(t.gap), "un": np.minimum(t.unanswered, MAX_UNANSWERED).astype(np.int64),
        "ch": t.channel, "st": t.stage,
        "sector": np.asarray([i.sector or "" for i in info], dtype=object),
        "region": np.asarray([i.region for i in info], dtype=object),
        "size": np.asarray([i.size or "" for i in info], dtype=object),
        "sizefine": np.asarray([size_fine(i.employees) for i in info], dtype=object),
        "account": np.asarray([i.account or "" for i in info], dtype=object),
        "contact": np.asarray(t.contact, dtype=object),
    }


@dataclass
class Calibration:
    """Brier score and expected calibration error on a later slice, by prior touches."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    slices: dict[str, str] = field(default_factory=dict)


@dataclass
class ReplyModel:
    vocab: dict[str, list[Any]]
    coef: np.ndarray
    intercept: float
    platt: tuple[float, float] = (1.0, 0.0)
    hours: list[int] = field(default_factory=lambda: list(range(8, 18)))
    weekdays: list[int] = field(default_factory=lambda: list(range(5)))
    trained_on: int = 0
    fingerprint: str = ""
    calibration: Calibration = field(default_factory=Calibration)
    seconds: float = 0.0
    _codes: dict[str, dict[Any, int]] = field(default_factory=dict, repr=False)
    _offsets: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._codes, self._offsets = _layout(self.vocab)

    # -- scoring ---------------------------------------------------------------------------------

    def logit(self, fields: dict[str, np.ndarray]) -> np.ndarray:
        idx, ok = _indices(fields, self._codes, self.vocab, self._offsets)
        return self.intercept + np.where(ok, self.coef[np.where(ok, idx, 0)], 0.0).sum(axis=1)

    def probability(self, fields: dict[str, np.ndarray], calibrated: bool = True) -> np.ndarray:
        z = self.logit(fields)
        if calibrated:
            z = self.platt[0] * z + self.platt[1]
        return 1.0 / (1.0 + np.exp(-z))

    def knows(self, fieldname: str, value: Any) -> bool:
        return value in self._codes[fieldname]

    # -- persistence -----------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"format": FORMAT, "vocab": self.vocab, "intercept": self.intercept, "platt": list(self.platt),
                "hours": self.hours, "weekdays": self.weekdays, "trained_on": self.trained_on,
                "fingerprint": self.fingerprint, "seconds": self.seconds,
                "calibration": {"rows": self.calibration.rows, "slices": self.calibration.slices}}
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, coef=self.coef, meta=np.asarray(json.dumps(meta)))
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> ReplyModel | None:
        """The saved model, or None when it is missing or of another format."""
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                coef = data["coef"]
        except (OSError, ValueError, KeyError):
            return None
        if meta.get("format") != FORMAT:
            return None
        return cls(vocab=meta["vocab"], coef=coef, intercept=meta["intercept"], platt=tuple(meta["platt"]),
                   hours=meta["hours"], weekdays=meta["weekdays"], trained_on=meta["trained_on"],
                   fingerprint=meta["fingerprint"], seconds=meta["seconds"],
                   calibration=Calibration(**meta["calibration"]))


def _width(vocab: dict[str, list[Any]], group: tuple[str, ...]) -> int:
    return int(np.prod([len(vocab[f]) for f in group]))


def _layout(vocab: dict[str, list[Any]]) -> tuple[dict[str, dict[Any, int]], list[int]]:
    """Each field's value -> code, and where each group's effects start in the coefficient vector."""
    codes = {f: {v: i for i, v in enumerate(vals)} for f, vals in vocab.items()}
    return codes, list(np.cumsum([0] + [_width(vocab, g) for g, _ in GROUPS]))


def _indices(fields: dict[str, np.ndarray], codes: dict[str, dict[Any, int]], vocab: dict[str, list[Any]],
             offsets: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Column index of each row's effect in each group, and whether the row's values are known."""
    n = len(next(iter(fields.values())))
    coded = {}
    for f in FIELDS:
        lookup = codes[f]
        values, inverse = np.unique(np.asarray(fields[f]), return_inverse=True)
        known = np.fromiter((lookup.get(_plain(v), -1) for v in values), dtype=np.int64, count=len(values))
        coded[f] = known[inverse.reshape(-1)] if n else np.zeros(0, dtype=np.int64)
    idx = np.empty((n, len(GROUPS)), dtype=np.int64)
    ok = np.ones((n, len(GROUPS)), dtype=bool)
    for g, (group, _) in enumerate(GROUPS):
        code = np.zeros(n, dtype=np.int64)
        for f in group:
            code = code * len(vocab[f]) + coded[f]
            ok[:, g] &= coded[f] >= 0
        idx[:, g] = offsets[g] + code
    return idx, ok


def _plain(v: Any) -> Any:
    return v.item() if isinstance(v, np.generic) else v


def _design(fields: dict[str, np.ndarray], vocab: dict[str, list[Any]]) -> tuple[sparse.csr_matrix, np.ndarray]:
    codes, offsets = _layout(vocab)
    idx, ok = _indices(fields, codes, vocab, offsets)
    scale = np.asarray([sd for _, sd in GROUPS])
    n = idx.shape[0]
    rows = np.repeat(np.arange(n), len(GROUPS)).reshape(n, -1)
    x = sparse.csr_matrix((np.broadcast_to(scale, idx.shape)[ok], (rows[ok], idx[ok])), shape=(n, offsets[-1]))
    col_scale = np.zeros(offsets[-1])
    for g, (_, sd) in enumerate(GROUPS):
        col_scale[offsets[g]:offsets[g + 1]] = sd
    return x, col_scale


def _vocab(fields: dict[str, np.ndarray]) -> dict[str, list[Any]]:
    return {f: sorted({_plain(v) for v in fields[f]}, key=lambda v: (str(type(v)), v)) for f in FIELDS}


def fit(t: Table, contacts: dict[str, ContactInfo]) -> ReplyModel:
    """The MAP fit on the touches given (censored ones are left out)."""
    t = t.take(~t.censored)
    if len(t) == 0 or t.replied.all() or not t.replied.any():
        raise ValueError("too little history to learn from: need touches both answered and not")
    fields = fields_of(t, contacts)
    vocab = _vocab(fields)
    for f, extra in (("ch", list(CHANNELS)), ("wd", list(range(7))), ("hr", list(range(24))),
                     ("hb", list(range(len(HOUR_BLOCKS)))), ("gap", list(range(len(GAP_BINS)))),
                     ("un", list(range(MAX_UNANSWERED + 1)))):
        vocab[f] = sorted(set(vocab[f]) | set(extra), key=lambda v: (str(type(v)), v))
    x, col_scale = _design(fields, vocab)
    from sklearn.linear_model import LogisticRegression  # imported when a model is fitted, not at start-up

    lr = LogisticRegression(C=1.0, solver="newton-cg", max_iter=100, tol=1e-4)
    lr.fit(x, t.replied)
    coef = lr.coef_[0] * col_scale
    n = len(t)
    hour_counts = np.bincount(t.hour, minlength=24)
    day_counts = np.bincount(t.weekday, minlength=7)
    return ReplyModel(vocab=vocab, coef=coef, intercept=float(lr.intercept_[0]),
                      hours=[h for h in range(24) if hour_counts[h] >= max(20, 0.002 * n)],
                      weekdays=[d for d in range(7) if day_counts[d] >= max(20, 0.005 * n)], trained_on=n)


def _platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, solver="lbfgs")
    lr.fit(z.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def calibration_rows(p: np.ndarray, y: np.ndarray, prior: np.ndarray, bins: int = 10) -> list[dict[str, Any]]:
    rows = []
    for label, mask in (("all", np.ones(len(p), bool)), ("0 prior touches", prior == 0),
                        ("1-4 prior touches", (prior >= 1) & (prior <= 4)), ("5+ prior touches", prior >= 5)):
        if not mask.any():
            rows.append({"group": label, "n": 0})
            continue
        pm, ym = p[mask], y[mask].astype(float)
        edges = np.quantile(pm, np.linspace(0, 1, bins + 1))
        which = np.clip(np.searchsorted(edges, pm, side="right") - 1, 0, bins - 1)
        ece = sum(abs(pm[which == b].mean() - ym[which == b].mean()) * (which == b).sum()
                  for b in range(bins) if (which == b).any()) / len(pm)
        rows.append({"group": label, "n": int(mask.sum()), "brier": float(np.mean((pm - ym) ** 2)),
                     "ece": float(ece), "mean_p": float(pm.mean()), "reply_rate": float(ym.mean())})
    return rows


def train(t: Table, contacts: dict[str, ContactInfo], fingerprint: str = "") -> ReplyModel:
    """Fit on the earliest 80% of touches, calibrate on the next 10%, measure on the last 10%; then
    refit on everything and keep that calibration."""
    start = time.perf_counter()
    usable = t.take(~t.censored)
    calibration = Calibration()
    platt = (1.0, 0.0)
    if len(usable) >= 200:
        q80, q90 = np.quantile(usable.t, [0.8, 0.9])
        early, middle, late = usable.take(usable.t <= q80), usable.take((usable.t > q80) & (usable.t <= q90)), \
            usable.take(usable.t > q90)
        if len(middle) and len(late) and middle.replied.any() and not middle.replied.all():
            first = fit(early, contacts)
            platt = _platt(first.logit(fields_of(middle, contacts)), middle.replied)
            late_fields = fields_of(late, contacts)
            raw = first.probability(late_fields, calibrated=False)
            first.platt = platt
            calibrated = first.probability(late_fields)
            calibration = Calibration(
                rows=[dict(r, p="calibrated") for r in calibration_rows(calibrated, late.replied, late.prior)]
                + [dict(r, p="raw") for r in calibration_rows(raw, late.replied, late.prior)],
                slices={"fit": f"{len(early):,} touches up to {_day(q80)}",
                        "calibrate": f"{len(middle):,} touches to {_day(q90)}",
                        "measure": f"{len(late):,} touches after {_day(q90)}"})
    model = fit(usable, contacts)
    model.platt = platt
    model.calibration = calibration
    model.fingerprint = fingerprint
    model.seconds = time.perf_counter() - start
    return model


def _day(epoch: float) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(epoch, dt.UTC).date().isoformat()
