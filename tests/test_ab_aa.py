"""A/A tests: 1,000 simulated experiments with no effect, to see how often each method claims one.

The simulations go through the estimators ``analyze`` uses (``inference.arms`` and ``inference.compare``), run on
all 1,000 experiments at once: each simulated experiment is a group of variant codes, so one bincount summarises
them all. With 1,000 experiments a correct 5% test rejects between 3.5% and 6.5% of the time (about +/- 2.2
binomial standard deviations).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tools.experiments import inference
from tools.experiments.sequential import confidence_sequence, repeated_intervals, spending_bounds
from tools.experiments.stats import analyze

SIMS = 1000
ALPHA = 0.05
DAYS = 28
PER_DAY = 60  # units per arm per day


def compare_all(y: np.ndarray) -> inference.Compared:
    """Treatment (index 1) against control (index 0) in every simulation; ``y`` is (sims, 2, units...)."""
    sims = y.shape[0]
    group = np.arange(sims * 2).reshape(sims, 2)
    codes = np.broadcast_to(group.reshape(sims, 2, *([1] * (y.ndim - 2))), y.shape).ravel()
    a = inference.arms(codes, sims * 2, y.ravel())
    mean, var, n = (x.reshape(sims, 2) for x in (a.mean, a.var, a.units))
    return inference.compare(mean[:, 1], var[:, 1], n[:, 1], mean[:, 0], var[:, 0], n[:, 0], ALPHA)


@pytest.fixture(scope="module")
def daily_looks() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per simulation and daily look, the estimated difference, its standard error and the units so far: a 15%
    reply rate in both arms, 60 new units per arm each day for 28 days."""
    rng = np.random.default_rng(20250428)
    y = (rng.random((SIMS, 2, DAYS, PER_DAY)) < 0.15).astype(np.float64)
    diff, se = np.empty((SIMS, DAYS)), np.empty((SIMS, DAYS))
    for k in range(DAYS):
        r = compare_all(y[:, :, : k + 1, :])
        diff[:, k], se[:, k] = r.diff, r.se
    units = 2 * PER_DAY * np.arange(1, DAYS + 1, dtype=np.float64)
    return diff, se, units


@pytest.mark.parametrize("metric", ["reply rate (0/1)", "revenue (log-normal, skewed)"])
def test_fixed_horizon_false_positive_rate(metric: str) -> None:
    rng = np.random.default_rng(7 if metric.startswith("reply") else 8)
    shape = (SIMS, 2, 2000)
    y = (rng.random(shape) < 0.1).astype(np.float64) if metric.startswith("reply") else rng.lognormal(3, 1.0, shape)
    rate = float((compare_all(y).p_value < ALPHA).mean())
    assert 0.035 <= rate <= 0.065, rate


def test_group_sequential_holds_alpha_under_daily_peeking(daily_looks: tuple) -> None:
    """Rejecting when any day's repeated interval excludes 0: the error rate stays at alpha."""
    diff, se, units = daily_looks
    bounds = spending_bounds(units / 4, alpha=ALPHA)  # information: 1 / (1/n_t + 1/n_c) with n_t = n_c = units / 2
    low, high = repeated_intervals(diff, se, bounds)
    rate = float(((low > 0) | (high < 0)).any(axis=1).mean())
    assert 0.035 <= rate <= 0.065, rate


def test_always_valid_sequence_never_exceeds_alpha_under_daily_peeking(daily_looks: tuple) -> None:
    """The mixture confidence sequence covers continuous monitoring, so with only 28 daily looks it is
    conservative: its error rate must not exceed alpha, and it is expected well below (about 1%)."""
    diff, se, units = daily_looks
    low, high = confidence_sequence(diff, se, units, alpha=ALPHA, horizon=units[-1])
    rate = float(((low > 0) | (high < 0)).any(axis=1).mean())
    assert rate <= ALPHA, rate


def test_naive_daily_peeking_inflates_false_positives(daily_looks: tuple) -> None:
    """The fixed-horizon interval checked every day: the sequential corrections above are needed."""
    diff, se, _ = daily_looks
    last = float((np.abs(diff[:, -1] / se[:, -1]) > 1.959964).mean())
    any_day = float((np.abs(diff / se) > 1.959964).any(axis=1).mean())
    assert 0.035 <= last <= 0.065, last
    assert any_day > 0.15, any_day


def test_sample_ratio_check_flags_injected_mismatch_only() -> None:
    rng = np.random.default_rng(99)
    units = 200_000
    treated = rng.binomial(units, 0.5, SIMS)
    fair = np.stack([units - treated, treated], axis=1)
    assert float((inference.srm(fair, np.array([1.0, 1.0])) < 0.001).mean()) <= 0.005
    lost = fair.copy()
    lost[:, 1] = rng.binomial(lost[:, 1], 0.97)  # 3% of the treated units' records lost
    assert float((inference.srm(lost, np.array([1.0, 1.0])) < 0.001).mean()) >= 0.99


def test_analyze_flags_injected_mismatch_in_a_table() -> None:
    rng = np.random.default_rng(12)
    n = 120_000
    arm = rng.integers(0, 2, n)
    keep = (arm == 0) | (rng.random(n) >= 0.03)
    table = pd.DataFrame({"v": np.where(arm == 1, "B", "A"), "y": rng.normal(size=n)})
    assert not analyze(table, variant="v", metric="y").srm.flag
    cut = analyze(table[keep], variant="v", metric="y").srm
    assert cut.flag and cut.p_value < 0.001
