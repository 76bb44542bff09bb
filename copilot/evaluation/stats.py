"""The statistics of an evaluation report, from statsmodels and scipy.

- pass rate with a Wilson 95% interval;
- pass^k: the chance that k trials of a case all pass, estimated per case from its n trials with c passes as
  C(c, k) / C(n, k) (unbiased), averaged over cases;
- for two variants on the same cases, paired: the exact McNemar test on the discordant cases, and a paired
  bootstrap interval of the difference in pass rate (cases resampled, seeded).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import comb
from scipy.stats import bootstrap
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.proportion import proportion_confint

ALPHA = 0.05
RESAMPLES = 10_000
SEED = 20240613


def wilson(passed: float, n: int, alpha: float = ALPHA) -> tuple[float, float]:
    """The Wilson interval of ``passed`` out of ``n``; (nan, nan) for no cases."""
    if n == 0:
        return float("nan"), float("nan")
    low, high = proportion_confint(passed, n, alpha=alpha, method="wilson")
    return float(low), float(high)


def pass_hat_k(passes: list[int], trials: list[int], k: int) -> float:
    """The chance that ``k`` trials of a case all pass, averaged over cases (each with ``trials[i]`` trials and
    ``passes[i]`` of them passed; every case needs at least ``k`` trials)."""
    if not passes:
        return float("nan")
    if min(trials) < k:
        raise ValueError(f"pass^{k} needs at least {k} trials of every case")
    return float(np.mean([comb(c, k, exact=True) / comb(n, k, exact=True) for c, n in zip(passes, trials,
                                                                                      strict=True)]))


@dataclass
class Paired:
    """Two variants on the same cases."""

    n: int
    both: int
    only_a: int
    """Cases A passes and B fails."""
    only_b: int
    """Cases B passes and A fails."""
    neither: int
    mcnemar_p: float
    diff: float
    """Pass rate of B minus pass rate of A."""
    diff_ci: tuple[float, float]


def mcnemar_exact(only_a: int, only_b: int) -> float:
    """The exact (binomial) McNemar p-value from the discordant counts."""
    if only_a + only_b == 0:
        return 1.0
    return float(mcnemar([[0, only_a], [only_b, 0]], exact=True).pvalue)


def paired_bootstrap(a: np.ndarray, b: np.ndarray, *, seed: int = SEED, resamples: int = RESAMPLES,
                     alpha: float = ALPHA) -> tuple[float, float]:
    """Percentile interval of mean(b) - mean(a), resampling cases (the pairs kept together)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(a) < 2 or np.all(b - a == (b - a)[0]):  # nothing varies: every resample gives the same difference
        d = float(np.mean(b - a)) if len(a) else float("nan")
        return d, d
    result = bootstrap((a, b), lambda x, y, axis: np.mean(y, axis=axis) - np.mean(x, axis=axis), paired=True,
                       vectorized=True, n_resamples=resamples, confidence_level=1 - alpha, method="percentile",
                       rng=np.random.default_rng(seed))
    return float(result.confidence_interval.low), float(result.confidence_interval.high)


def paired(a: list[bool], b: list[bool], rate_a: list[float] | None = None, rate_b: list[float] | None = None,
           *, seed: int = SEED) -> Paired:
    """Compare variants A and B case by case: ``a[i]``, ``b[i]`` whether case i passed under each (McNemar), and
    ``rate_a[i]``, ``rate_b[i]`` its share of passed trials (the bootstrap; default: the same as a and b)."""
    x, y = np.asarray(a, dtype=bool), np.asarray(b, dtype=bool)
    only_a, only_b = int(np.sum(x & ~y)), int(np.sum(~x & y))
    ra = np.asarray(rate_a if rate_a is not None else x, dtype=float)
    rb = np.asarray(rate_b if rate_b is not None else y, dtype=float)
    return Paired(len(x), int(np.sum(x & y)), only_a, only_b, int(np.sum(~x & ~y)), mcnemar_exact(only_a, only_b),
                  float(np.mean(rb - ra)) if len(x) else float("nan"), paired_bootstrap(ra, rb, seed=seed))
