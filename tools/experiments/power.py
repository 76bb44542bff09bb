"""Power and minimum detectable effect for a two-variant experiment, before running it.

Give the baseline (a rate for a 0/1 metric, or a mean with ``sd`` for a continuous one) and two of effect, units
per variant and power; the third follows. Effects are absolute (0.01 is one percentage point on a rate) and
upward; ``relative=True`` reads them as a fraction of the baseline instead (0.05 is a 5% lift).

statsmodels does the solving (``NormalIndPower``: the two-sided z test, which is what ``analyze`` amounts to at
these sample sizes). Rates use Cohen's arcsine effect size ``h = 2 asin(sqrt(p2)) - 2 asin(sqrt(p1))``
(``proportion_effectsize``), which keeps the test's variance stable across baselines; means use
``d = effect / sd``. ``ratio`` is units in treatment per unit in control; ``n`` counts control units.
"""

from __future__ import annotations

import math
import warnings

from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportion_effectsize

from tools.experiments.tables import DataError


def _check(baseline: float, sd: float | None, alpha: float, power: float | None, ratio: float = 1.0) -> None:
    if not math.isfinite(baseline):
        raise DataError(f"the baseline must be a number, not {baseline}")
    if not 0 < ratio < math.inf:
        raise DataError(f"ratio (treatment units per control unit) must be positive, not {ratio}")
    if not 0 < alpha < 1:
        raise DataError(f"alpha must be between 0 and 1, not {alpha}")
    if power is not None and not alpha < power < 1:
        raise DataError(f"power must be between alpha ({alpha}) and 1, not {power}")
    if sd is None and not 0 < baseline < 1:
        raise DataError(f"a baseline rate must be between 0 and 1, not {baseline} (give --sd for a mean)")
    if sd is not None and not 0 < sd < math.inf:
        raise DataError(f"sd must be a positive number, not {sd}")


def _solve(**kw: float) -> float:
    """statsmodels' solver for the one quantity left out; a DataError when it finds none (an effect too small for
    any feasible sample, say) instead of its warning and a NaN."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = NormalIndPower().solve_power(**kw)
    value = float(value)
    if not math.isfinite(value) or value <= 0:
        raise DataError("no answer: the effect is too small (or too large) for a sample size to be solved")
    return value


def _size(baseline: float, effect: float, sd: float | None, relative: bool) -> float:
    """The standardised effect size of an absolute or relative effect."""
    if not math.isfinite(effect):
        raise DataError(f"the effect must be a number, not {effect}")
    absolute = effect * baseline if relative else effect
    if sd is not None:
        return absolute / sd
    target = baseline + absolute
    if not 0 < target < 1:
        raise DataError(f"baseline {baseline} plus effect {absolute:g} is {target:g}, not a rate between 0 and 1")
    return float(proportion_effectsize(target, baseline))


def power(*, baseline: float, effect: float, n: float, sd: float | None = None, alpha: float = 0.05,
          ratio: float = 1.0, relative: bool = False) -> float:
    """The chance that an experiment with ``n`` control units (and ``ratio * n`` treated) detects ``effect``."""
    _check(baseline, sd, alpha, None, ratio)
    if not 1 < n < math.inf:
        raise DataError(f"n must be more than 1, not {n}")
    size = _size(baseline, effect, sd, relative)
    return float(NormalIndPower().power(effect_size=abs(size), nobs1=n, alpha=alpha, ratio=ratio))


def sample_size(*, baseline: float, effect: float, sd: float | None = None, alpha: float = 0.05,
                power: float = 0.8, ratio: float = 1.0, relative: bool = False) -> int:
    """Control units needed (rounded up) to detect ``effect`` with the given power."""
    _check(baseline, sd, alpha, power, ratio)
    size = _size(baseline, effect, sd, relative)
    if size == 0:
        raise DataError("the effect must not be 0")
    return math.ceil(_solve(effect_size=abs(size), alpha=alpha, power=power, ratio=ratio))


def mde(*, baseline: float, n: float, sd: float | None = None, alpha: float = 0.05, power: float = 0.8,
        ratio: float = 1.0, relative: bool = False) -> float:
    """The smallest upward effect detected with the given power by ``n`` control units (absolute, or relative
    to the baseline when ``relative``)."""
    _check(baseline, sd, alpha, power, ratio)
    if not 1 < n < math.inf:
        raise DataError(f"n must be more than 1, not {n}")
    size = _solve(nobs1=n, alpha=alpha, power=power, ratio=ratio)
    if sd is not None:
        absolute = size * sd
    else:
        angle = math.asin(math.sqrt(baseline)) + size / 2
        if angle >= math.pi / 2:
            raise DataError(f"{n:g} units per variant cannot reach {power:.0%} power from a baseline of {baseline}")
        absolute = math.sin(angle) ** 2 - baseline
    return absolute / baseline if relative else absolute
