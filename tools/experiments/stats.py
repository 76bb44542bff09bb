"""Statistics of an A/B experiment read from a table: ``analyze`` and its result, ``Analysis``.

One row per randomised unit, or several rows per unit with the unit named (``unit=``; e.g. contacts were
randomised and each touch is a row). For every metric and every variant against control: the difference in means
and the relative lift with (1 - alpha) intervals (Welch; delta method for the ratio of means; cluster-robust
when rows are grouped in units, see ``inference.py``), the p-value and its Holm or Benjamini-Hochberg adjustment
over every comparison made (all metrics, all variants: the family a reader scans for "a win"), the Bayesian
chance to beat control, an always-valid interval that may be checked every day, and, when asked, CUPED with a
pre-period covariate and group-sequential intervals over daily looks (``sequential.py``). A sample-ratio-mismatch
check compares the units per variant with the declared split: when it fails, assignment or logging is broken
and no other figure can be trusted.

Everything is vectorised (numpy bincounts over integer codes): a million rows take well under a second after
loading. ``power``, ``mde`` and ``sample_size`` (``power.py``) plan an experiment before it runs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from tools.experiments import inference
from tools.experiments.power import mde, power, sample_size
from tools.experiments.sequential import (SPENDING, SequentialResult, confidence_sequence, daily_looks, plan_looks,
                                          run_looks)
from tools.experiments.tables import DataError, Units, codes, listed, numeric, require_columns, units

__all__ = ["Analysis", "Comparison", "CupedResult", "DataError", "MetricResult", "SampleRatio", "SequentialResult",
           "VariantSummary", "adjusted", "analyze", "mde", "power", "sample_size"]

SRM_P = 0.001
"""Sample ratio mismatch is flagged below this p-value: strict, because the test runs on every analysis and a
false alarm stops a good experiment, while a real mismatch of a few percent still gives p far below it."""
CORRECTIONS = ("holm", "bh")

Interval = tuple[float | None, float | None]


@dataclass(frozen=True)
class CupedResult:
    """The comparison after CUPED adjustment by a pre-period covariate."""

    covariate: str
    theta: float
    diff: float
    diff_ci: Interval
    rel_lift: float | None
    rel_lift_ci: Interval
    p_value: float
    adjusted_p: float
    variance_reduction: float
    """1 - var(adjusted difference) / var(difference): the share of the variance the covariate removed."""


@dataclass(frozen=True)
class Comparison:
    """One variant against control on one metric."""

    variant: str
    diff: float
    se: float
    diff_ci: Interval
    rel_lift: float | None
    rel_lift_ci: Interval
    p_value: float
    adjusted_p: float
    chance_to_beat: float
    always_valid_ci: Interval
    cuped: CupedResult | None = None
    sequential: SequentialResult | None = None


@dataclass(frozen=True)
class VariantSummary:
    name: str
    n: int
    """Randomised units."""
    rows: int
    mean: float


@dataclass(frozen=True)
class MetricResult:
    metric: str
    binary: bool
    """Every value is 0 or 1 (a rate)."""
    chance_method: str
    variants: list[VariantSummary]
    """Control first."""
    comparisons: dict[str, Comparison]


@dataclass(frozen=True)
class SampleRatio:
    p_value: float
    flag: bool
    counts: dict[str, int]
    expected_share: dict[str, float]


@dataclass(frozen=True)
class Analysis:
    """The result of ``analyze``; ``to_json()`` is the object ``copilot ab analyze --json`` prints."""

    variant_col: str
    control: str
    unit_col: str | None
    covariate_col: str | None
    alpha: float
    correction: str
    metrics: list[MetricResult]
    srm: SampleRatio
    notes: list[str] = field(default_factory=list)

    def metric(self, name: str) -> MetricResult:
        return next(m for m in self.metrics if m.metric == name)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types. ``variants`` holds the first metric (the primary); ``metrics`` holds them all."""
        metrics = [{"metric": m.metric, "binary": m.binary, "chance_method": m.chance_method,
                    "variants": [_variant_json(v, m, self.unit_col is not None) for v in m.variants]}
                   for m in self.metrics]
        return {"variant_col": self.variant_col, "control": self.control, "unit_col": self.unit_col,
                "covariate_col": self.covariate_col, "alpha": self.alpha, "correction": self.correction,
                "metric": metrics[0]["metric"], "variants": metrics[0]["variants"], "metrics": metrics,
                "srm": {"p_value": _num(self.srm.p_value), "flag": self.srm.flag, "counts": self.srm.counts,
                        "expected_share": self.srm.expected_share},
                "notes": self.notes}


def _num(x: Any) -> Any:
    """A JSON number: numpy scalars as Python ones, NaN and infinities as null."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def _pair(ci: Interval) -> list[Any]:
    return [_num(ci[0]), _num(ci[1])]


def _variant_json(v: VariantSummary, m: MetricResult, grouped: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"name": v.name, "n": v.n, "mean": _num(v.mean)}
    if grouped:
        out["rows"] = v.rows
    c = m.comparisons.get(v.name)
    out["control"] = c is None
    keys = ("diff", "diff_ci", "se", "rel_lift", "rel_lift_ci", "p_value", "adjusted_p", "chance_to_beat",
            "always_valid_ci")
    if c is None:
        return out | dict.fromkeys(keys)
    out |= {"diff": _num(c.diff), "diff_ci": _pair(c.diff_ci), "se": _num(c.se), "rel_lift": _num(c.rel_lift),
            "rel_lift_ci": _pair(c.rel_lift_ci), "p_value": _num(c.p_value), "adjusted_p": _num(c.adjusted_p),
            "chance_to_beat": _num(c.chance_to_beat), "always_valid_ci": _pair(c.always_valid_ci)}
    if c.cuped:
        k = c.cuped
        out["cuped"] = {"covariate": k.covariate, "theta": _num(k.theta), "diff": _num(k.diff),
                        "diff_ci": _pair(k.diff_ci), "rel_lift": _num(k.rel_lift), "rel_lift_ci": _pair(k.rel_lift_ci),
                        "p_value": _num(k.p_value), "adjusted_p": _num(k.adjusted_p),
                        "variance_reduction": _num(k.variance_reduction)}
    if c.sequential:
        s = c.sequential
        out["sequential"] = {"looks": s.looks, "planned_looks": s.planned_looks, "spending": s.spending,
                             "diff_ci": _pair(s.diff_ci), "boundary_z": _num(s.boundary_z),
                             "significant_at": s.significant_at}
    return out


def analyze(data: pd.DataFrame, *, variant: str, metric: str | list[str], unit: str | None = None,
            covariate: str | None = None, control: str | None = None, alpha: float = 0.05,
            correction: Literal["holm", "bh"] = "holm", sequential_days: str | None = None,
            weights: dict[str, float] | None = None, planned_days: int | None = None,
            spending: Literal["obf", "pocock"] = "obf") -> Analysis:
    """Compare every variant with control on each metric.

    ``unit``: the randomised unit's column when rows are finer than units; each variant's mean is then
    ``sum / rows`` and its variance cluster-robust. ``covariate``: a pre-period column for CUPED (per unit: its
    mean over the unit's rows). ``control``: default the first variant name in sorted order. ``weights``: the
    declared split for the sample-ratio check (default equal). ``sequential_days``: a column with each row's day
    (a number or an ISO date); each day's cumulative data is one look, and the group-sequential repeated
    intervals spend alpha over ``planned_days`` looks (default: the days seen, i.e. this is the final analysis).
    Raises ``DataError`` naming the column and row of any bad input.
    """
    metrics = list(dict.fromkeys([metric] if isinstance(metric, str) else metric))
    _check_options(metrics, alpha, correction, planned_days, spending)
    require_columns(list(data.columns), [variant, *metrics, *(c for c in (unit, covariate, sequential_days) if c)])
    if data.empty:
        raise DataError("the table has no rows")
    vcode, names = codes(data, variant)
    if len(names) < 2:
        raise DataError(f"column {variant!r} has only one variant ({names[0]!r}); a comparison needs at least two")
    control = sorted(names)[0] if control is None else str(control)
    if control not in names:
        raise DataError(f"control {control!r} is not a variant in column {variant!r}; the variants are: "
                        f"{listed(sorted(names))}")
    values = {m: numeric(data, m) for m in metrics}
    x_rows = numeric(data, covariate) if covariate else None
    grouped = units(data, unit, vcode, names) if unit else None
    arm = grouped.variant if grouped else vcode
    k = len(names)
    counts = np.bincount(arm, minlength=k)
    for i in np.flatnonzero(counts < 2):
        raise DataError(f"variant {names[i]!r} has {counts[i]} {'unit' if unit else 'row'}; at least 2 are needed "
                        "to estimate its variance")
    c = names.index(control)
    treated = sorted((i for i in range(k) if i != c), key=lambda i: names[i])
    order = [c, *treated]
    x_units = _per_unit(grouped, x_rows, mean=True) if x_rows is not None else None
    days = daily_looks(data, sequential_days, grouped) if sequential_days else None
    srm = _srm(counts, names, order, weights, variant)
    plans: dict[int, Any] = {}

    results, p_raw, p_cuped, notes = [], [], [], []
    for name in metrics:
        total = _per_unit(grouped, values[name], mean=False)
        a = inference.arms(arm, k, total, grouped.rows if grouped else None)
        binary = bool(np.isin(values[name], (0.0, 1.0)).all())
        beta = binary and grouped is None
        adj = inference.cuped(arm, a, x_units) if x_units is not None else None
        comparisons = {}
        for t in treated:
            r = inference.compare(a.mean[t], a.var[t], a.units[t], a.mean[c], a.var[c], a.units[c], alpha)
            chance = (inference.chance_to_beat_beta(round(a.mean[t] * a.rows[t]), a.rows[t],
                                                    round(a.mean[c] * a.rows[c]), a.rows[c])
                      if beta else inference.chance_to_beat_normal(float(r.diff), float(r.se)))
            av = confidence_sequence(r.diff, r.se, a.units[t] + a.units[c], alpha=alpha)
            cup = None
            if adj is not None:
                q = inference.compare(adj.mean[t], adj.var[t], a.units[t], adj.mean[c], adj.var[c], a.units[c], alpha)
                cup = CupedResult(covariate or "", adj.theta, float(q.diff), (float(q.low), float(q.high)),
                                  _maybe(q.rel), (_maybe(q.rel_low), _maybe(q.rel_high)), float(q.p_value), math.nan,
                                  float(1 - q.se**2 / r.se**2) if r.se > 0 else 0.0)
                p_cuped.append(float(q.p_value))
            seq = None
            if days is not None:
                if t not in plans:
                    plans[t] = plan_looks(days, arm, t, c, alpha, planned_days, spending)
                seq, av = run_looks(days, plans[t], values[name], grouped, arm, k, t, c, alpha, spending)
            comparisons[names[t]] = Comparison(
                names[t], float(r.diff), float(r.se), (float(r.low), float(r.high)), _maybe(r.rel),
                (_maybe(r.rel_low), _maybe(r.rel_high)), float(r.p_value), math.nan, chance,
                (float(av[0]), float(av[1])), cup, seq)
            p_raw.append(float(r.p_value))
        summaries = [VariantSummary(names[i], int(a.units[i]), int(a.rows[i]), float(a.mean[i])) for i in order]
        results.append(MetricResult(name, binary, "beta-binomial (exact, uniform priors)" if beta else
                                    "normal approximation (flat prior)", summaries, comparisons))
        if binary and grouped is not None:
            notes.append(f"{name}: 0/1 rows grouped in units; chance to beat control uses the normal approximation")
    _adjust(results, p_raw, p_cuped, correction)
    return Analysis(variant, control, unit, covariate, alpha, correction, results, srm, notes)


def _check_options(metrics: list[str], alpha: float, correction: str, planned_days: int | None, spending: str) -> None:
    if not metrics:
        raise DataError("give at least one metric column")
    if not 0 < alpha < 1:
        raise DataError(f"alpha must be between 0 and 1, not {alpha}")
    if correction not in CORRECTIONS:
        raise DataError(f"correction must be one of {', '.join(CORRECTIONS)}, not {correction!r}")
    if spending not in SPENDING:
        raise DataError(f"spending must be one of {', '.join(SPENDING)}, not {spending!r}")
    if planned_days is not None and planned_days < 1:
        raise DataError(f"planned days must be at least 1, not {planned_days}")


def _maybe(x: Any) -> float | None:
    x = float(x)
    return x if math.isfinite(x) else None


def _per_unit(grouped: Units | None, rows: np.ndarray, *, mean: bool) -> np.ndarray:
    """Row values gathered per unit: their sum, or their mean (a pre-period covariate is one value per unit)."""
    if grouped is None:
        return rows
    total = np.bincount(grouped.of_row, weights=rows, minlength=grouped.count)
    return total / grouped.rows if mean else total


def adjusted(p: list[float], correction: str) -> np.ndarray:
    """Holm (family-wise error) or Benjamini-Hochberg (false discovery rate) adjusted p-values.

    BH is scipy's ``false_discovery_control``. Holm is the step-down ``max_{j<=i} (m - j + 1) p_(j)``, written out
    because statsmodels' ``multipletests(method="holm")``, which gives the same figures, runs a full garbage
    collection on every call (0.2 s in a large process, for a handful of p-values).
    """
    values = np.asarray(p, dtype=np.float64)
    if len(values) == 0:
        return values
    if correction == "bh":
        return stats.false_discovery_control(values, method="bh")
    order = np.argsort(values, kind="stable")
    steps = np.maximum.accumulate((len(values) - np.arange(len(values))) * values[order])
    out = np.empty(len(values))
    out[order] = np.minimum(steps, 1.0)
    return out


def _adjust(results: list[MetricResult], p_raw: list[float], p_cuped: list[float], correction: str) -> None:
    """Fill in adjusted p-values over the family of every comparison (raw and CUPED each its own family)."""
    adjusted_raw = adjusted(p_raw, correction)
    adjusted_cuped = adjusted(p_cuped, correction)
    i = 0
    for m in results:
        for name, comp in m.comparisons.items():
            cup = comp.cuped
            if cup is not None:
                cup = replace(cup, adjusted_p=float(adjusted_cuped[i]))
            m.comparisons[name] = replace(comp, adjusted_p=float(adjusted_raw[i]), cuped=cup)
            i += 1


def _srm(counts: np.ndarray, names: list[str], order: list[int], weights: dict[str, float] | None,
         variant: str) -> SampleRatio:
    if weights is None:
        shares = np.ones(len(names))
    else:
        for key in weights:
            if key not in names:
                raise DataError(f"weights name {key!r}, which is not a variant in column {variant!r}; the variants "
                                f"are: {listed(sorted(names))}")
        missing = [n for n in names if n not in weights]
        if missing:
            raise DataError(f"weights give no share for variant {missing[0]!r}")
        shares = np.array([weights[n] for n in names], dtype=np.float64)
    p = float(inference.srm(counts, shares))
    return SampleRatio(p, bool(p < SRM_P), {names[i]: int(counts[i]) for i in order},
                       {names[i]: float(shares[i] / shares.sum()) for i in order})
