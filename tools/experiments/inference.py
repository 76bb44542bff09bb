"""Vectorised estimators behind ``analyze``: per-variant means and variances, Welch comparisons with the delta
method for relative lift, CUPED, and the Bayesian chance to beat control.

Every variant's mean is a ratio of sums over its randomised units, ``sum(metric) / rows``. Its variance comes
from the unit-level linearisation ``psi_u = (S_u - mean * N_u) / mean(N)`` (``S_u`` the unit's metric sum,
``N_u`` its row count): ``var(mean) = var(psi) / units``. When every unit is one row this is the ordinary
``s^2 / n``; when rows are grouped in units (contacts randomised, touches analysed) it is the delta-method
variance of a ratio metric, which equals the cluster-robust (CR0) sandwich of a regression of the metric on
variant dummies times ``units / (units - 1)``. Rows of one unit are correlated, so treating them as
independent would understate the variance; this is what keeps the intervals honest.

The functions take numpy arrays and broadcast, so the same code serves one analysis and a thousand simulated
experiments at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special, stats


@dataclass(frozen=True)
class Arms:
    """Per-variant summaries of one metric, indexed by variant code."""

    units: np.ndarray
    """Randomised units in each variant (the sample size of the inference)."""
    rows: np.ndarray
    """Analysed rows in each variant (equal to ``units`` when each unit is one row)."""
    mean: np.ndarray
    """``sum(metric) / rows``."""
    var: np.ndarray
    """Variance of the unit-level linearised values (ddof=1); the mean's variance is ``var / units``."""
    psi: np.ndarray
    """Each unit's linearised value, centred within its variant (used by CUPED)."""


def arms(variant: np.ndarray, k: int, total: np.ndarray, rows: np.ndarray | None = None) -> Arms:
    """Summaries from unit-level arrays: each unit's variant code, metric total and row count (None: 1 each)."""
    units = np.bincount(variant, minlength=k).astype(np.float64)
    n_rows = units if rows is None else np.bincount(variant, weights=rows, minlength=k)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.bincount(variant, weights=total, minlength=k) / n_rows
        if rows is None:
            psi = total - mean[variant]
        else:
            psi = (total - mean[variant] * rows) / (n_rows / units)[variant]
        var = np.bincount(variant, weights=psi * psi, minlength=k) / (units - 1)
    return Arms(units, n_rows, mean, var, psi)


@dataclass(frozen=True)
class Cuped:
    """CUPED adjustment of one metric by a pre-period covariate."""

    theta: float
    """Slope of the metric on the covariate, pooled over variants (each centred on its own mean)."""
    mean: np.ndarray
    """Adjusted mean per variant: ``mean - theta * (covariate mean of the variant - overall covariate mean)``."""
    var: np.ndarray
    """Variance of the adjusted linearised values per variant (ddof=1)."""


def cuped(variant: np.ndarray, a: Arms, covariate: np.ndarray) -> Cuped:
    """Regression adjustment (Deng et al. 2013, CUPED) on the unit-level linearised values.

    The covariate must be measured before assignment, so it is independent of the variant and removing the part
    of the metric it predicts removes noise, not effect. theta is the pooled within-variant slope, which makes
    the adjusted difference exactly the treatment coefficient of an ANCOVA regression
    ``metric ~ variant + covariate``; a treatment effect does not leak into theta as it would with a slope fitted
    on the pooled data without centring each variant.
    """
    k = len(a.units)
    x_mean = np.bincount(variant, weights=covariate, minlength=k) / a.units
    centred = covariate - x_mean[variant]
    spread = float(centred @ centred)
    theta = float(a.psi @ centred) / spread if spread > 0 else 0.0
    adjusted = a.psi - theta * centred
    var = np.bincount(variant, weights=adjusted * adjusted, minlength=k) / (a.units - 1)
    mean = a.mean - theta * (x_mean - covariate.mean())
    return Cuped(theta, mean, var)


@dataclass(frozen=True)
class Compared:
    """A treatment against control; every field broadcasts like the inputs."""

    diff: np.ndarray
    se: np.ndarray
    df: np.ndarray
    low: np.ndarray
    high: np.ndarray
    p_value: np.ndarray
    rel: np.ndarray
    rel_low: np.ndarray
    rel_high: np.ndarray


def compare(mean_t, var_t, n_t, mean_c, var_c, n_c, alpha: float = 0.05) -> Compared:  # noqa: ANN001
    """Welch's test of the difference in means and its interval; relative lift by the delta method.

    The interval uses Student's t with Welch-Satterthwaite degrees of freedom (the normal interval for large
    samples, slightly wider for small ones). Relative lift ``mean_t / mean_c - 1`` has the first-order variance
    ``var_t / mean_c^2 + mean_t^2 var_c / mean_c^4`` (arms independent); it is undefined (NaN) when the control
    mean is 0.
    """
    mean_t, var_t, n_t, mean_c, var_c, n_c = np.broadcast_arrays(*(np.asarray(v, dtype=np.float64) for v in
                                                                    (mean_t, var_t, n_t, mean_c, var_c, n_c)))
    a, b = var_t / n_t, var_c / n_c
    diff = mean_t - mean_c
    se = np.sqrt(a + b)
    with np.errstate(invalid="ignore", divide="ignore"):
        df = (a + b) ** 2 / (a * a / (n_t - 1) + b * b / (n_c - 1))
        df = np.where(np.isfinite(df) & (df > 0), df, np.inf)
        crit = stats.t.ppf(1 - alpha / 2, df)
        stat = diff / se
        p = 2 * stats.t.sf(np.abs(stat), df)
        p = np.where(se > 0, p, np.where(diff == 0, 1.0, 0.0))
        rel = mean_t / mean_c - 1
        rel_se = np.sqrt(a / mean_c**2 + mean_t**2 * b / mean_c**4)
        rel = np.where(mean_c != 0, rel, np.nan)
    return Compared(diff, se, df, diff - crit * se, diff + crit * se, p, rel, rel - crit * rel_se,
                    rel + crit * rel_se)


def chance_to_beat_beta(wins_t: float, n_t: float, wins_c: float, n_c: float, *, max_terms: int = 5_000_000) -> float:
    """P(rate_t > rate_c) for 0/1 outcomes, with independent uniform Beta(1, 1) priors: exact.

    Uses the closed form (Evan Miller, "Formulas for Bayesian A/B testing") as a sum of ``a_t`` terms, each
    computed in log space. Four equivalent sums exist (by symmetry and by swapping successes for failures); the
    shortest is taken. Beyond ``max_terms`` terms the normal approximation is as good and far cheaper.
    """
    a_t, b_t, a_c, b_c = wins_t + 1, n_t - wins_t + 1, wins_c + 1, n_c - wins_c + 1

    def over(a1: float, b1: float, a2: float, b2: float) -> float:  # P(X1 > X2), X ~ Beta(a, b), a1 integer
        i = np.arange(int(a1), dtype=np.float64)
        terms = (special.betaln(a2 + i, b1 + b2) - np.log(b1 + i) - special.betaln(1 + i, b1)
                 - special.betaln(a2, b2))
        return float(np.exp(special.logsumexp(terms)))

    options = [(a_t, lambda: over(a_t, b_t, a_c, b_c)),
               (a_c, lambda: 1 - over(a_c, b_c, a_t, b_t)),
               (b_c, lambda: over(b_c, a_c, b_t, a_t)),  # rate_t > rate_c  <=>  1 - rate_c > 1 - rate_t
               (b_t, lambda: 1 - over(b_t, a_t, b_c, a_c))]
    terms, best = min(options, key=lambda o: o[0])
    if terms > max_terms:
        mean_t, mean_c = a_t / (a_t + b_t), a_c / (a_c + b_c)
        var = (a_t * b_t / ((a_t + b_t) ** 2 * (a_t + b_t + 1)) + a_c * b_c / ((a_c + b_c) ** 2 * (a_c + b_c + 1)))
        return chance_to_beat_normal(mean_t - mean_c, np.sqrt(var))
    return float(min(1.0, max(0.0, best())))


def chance_to_beat_normal(diff: float, se: float) -> float:
    """P(effect > 0) under a flat prior and the normal likelihood of the estimated difference: Phi(diff / se)."""
    if se <= 0:
        return 0.5 if diff == 0 else float(diff > 0)
    return float(stats.norm.cdf(diff / se))


def srm(counts: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Sample-ratio-mismatch p-value: chi-square goodness of fit of the unit counts (last axis: variants) to the
    declared shares."""
    counts = np.asarray(counts, dtype=np.float64)
    expected = np.asarray(shares, dtype=np.float64) / np.sum(shares) * counts.sum(axis=-1, keepdims=True)
    return stats.chisquare(counts, expected, axis=-1).pvalue
