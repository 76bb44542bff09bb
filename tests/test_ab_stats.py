"""Experiment statistics, each figure checked against an independent computation (statsmodels or scipy called
here, or a hand-computed case), on the Hillstrom e-mail experiment and on synthetic tables built to need each
method."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep
from typer.testing import CliRunner

from copilot.ab_cli import ab_app
from tests.conftest import SHARED_DATA, need_or_skip
from tools.experiments import inference
from tools.experiments.power import mde, power, sample_size
from tools.experiments.sequential import spending_bounds
from tools.experiments.stats import DataError, analyze

HILLSTROM = SHARED_DATA / "hillstrom" / "hillstrom.csv"
CONTROL = "No E-Mail"
Z = stats.norm.isf(0.025)


@pytest.fixture(scope="module")
def hillstrom() -> pd.DataFrame:
    need_or_skip(HILLSTROM.is_file(), f"the Hillstrom e-mail experiment is not at {HILLSTROM}")
    return pd.read_csv(HILLSTROM)


def invoke(*args: str) -> tuple[int, str, str]:
    from copilot import ab_cli

    # the consoles measure the terminal when the module is imported; a wide one keeps each cell on one line
    width = ab_cli.out.width
    ab_cli.out.width = 200
    try:
        result = CliRunner().invoke(ab_app, list(args), env={"COLUMNS": "200"})
    finally:
        ab_cli.out.width = width
    assert not (result.exception and not isinstance(result.exception, SystemExit)), result.exception
    return result.exit_code, result.stdout, result.stderr


# --- the known rates, and intervals against statsmodels ---

def test_hillstrom_known_rates(hillstrom: pd.DataFrame) -> None:
    """Hillstrom's published rates: the men's e-mail drew the most visits and conversions."""
    a = analyze(hillstrom, variant="segment", metric=["visit", "conversion"], control=CONTROL)
    assert a.control == CONTROL
    known = {"visit": {"Mens E-Mail": 18.28, "Womens E-Mail": 15.14, CONTROL: 10.62},
             "conversion": {"Mens E-Mail": 1.25, "Womens E-Mail": 0.88, CONTROL: 0.57}}
    for metric, rates in known.items():
        means = {v.name: v.mean for v in a.metric(metric).variants}
        assert {k: round(v * 100, 2) for k, v in means.items()} == rates
        assert a.metric(metric).variants[0].name == CONTROL
        truth = hillstrom.groupby("segment")[metric].agg(["mean", "size"])
        for v in a.metric(metric).variants:
            assert v.mean == pytest.approx(truth.loc[v.name, "mean"], rel=1e-12)
            assert v.n == truth.loc[v.name, "size"]


@pytest.mark.parametrize("metric", ["visit", "conversion"])
def test_difference_interval_matches_statsmodels_wald(hillstrom: pd.DataFrame, metric: str) -> None:
    a = analyze(hillstrom, variant="segment", metric=metric, control=CONTROL)
    g = hillstrom.groupby("segment")[metric].agg(["sum", "size"])
    for name, c in a.metric(metric).comparisons.items():
        low, high = confint_proportions_2indep(g.loc[name, "sum"], g.loc[name, "size"], g.loc[CONTROL, "sum"],
                                               g.loc[CONTROL, "size"], method="wald", compare="diff")
        assert c.diff_ci == pytest.approx((low, high), abs=1e-6)
        treated = hillstrom.loc[hillstrom.segment == name, metric]
        control = hillstrom.loc[hillstrom.segment == CONTROL, metric]
        welch = stats.ttest_ind(treated, control, equal_var=False)
        assert c.p_value == pytest.approx(welch.pvalue, rel=1e-6)


def test_relative_lift_interval_matches_delta_method_on_ols(hillstrom: pd.DataFrame) -> None:
    """The ratio's interval against the delta method applied here to statsmodels' robust covariance of the means
    (a regression on one dummy per variant, HC2: each mean's sample variance / n)."""
    a = analyze(hillstrom, variant="segment", metric="spend", control=CONTROL)
    dummies = pd.get_dummies(hillstrom.segment).astype(float)
    fit = sm.OLS(hillstrom.spend, dummies).fit(cov_type="HC2")
    for name, c in a.metric("spend").comparisons.items():
        m_t, m_c = fit.params[name], fit.params[CONTROL]
        grad = np.zeros(len(fit.params))
        grad[list(fit.params.index).index(name)] = 1 / m_c
        grad[list(fit.params.index).index(CONTROL)] = -m_t / m_c**2
        se = math.sqrt(grad @ fit.cov_params().to_numpy() @ grad)
        assert c.rel_lift == pytest.approx(m_t / m_c - 1, rel=1e-10)
        assert c.rel_lift_ci == pytest.approx((m_t / m_c - 1 - Z * se, m_t / m_c - 1 + Z * se), abs=1e-4)


def test_cuped_with_history_narrows_the_spend_interval(hillstrom: pd.DataFrame) -> None:
    a = analyze(hillstrom, variant="segment", metric="spend", covariate="history", control=CONTROL)
    ancova = smf.ols('spend ~ C(segment, Treatment("No E-Mail")) + history', hillstrom).fit(cov_type="HC2")
    for name, c in a.metric("spend").comparisons.items():
        k = c.cuped
        assert k is not None
        assert k.diff_ci[1] - k.diff_ci[0] < c.diff_ci[1] - c.diff_ci[0]
        assert c.diff_ci[0] < k.diff < c.diff_ci[1]
        assert 0 < k.variance_reduction < 1
        # the adjusted difference is the ANCOVA treatment coefficient, its error close to the robust one
        term = f'C(segment, Treatment("No E-Mail"))[T.{name}]'
        assert k.diff == pytest.approx(ancova.params[term], rel=1e-9)
        assert (k.diff_ci[1] - k.diff_ci[0]) / (2 * Z) == pytest.approx(ancova.bse[term], rel=1e-2)


def test_cuped_removes_most_variance_when_the_covariate_predicts() -> None:
    rng = np.random.default_rng(5)
    n = 4000
    pre = rng.gamma(2.0, 50.0, n)
    arm = rng.integers(0, 2, n)
    y = 0.9 * pre + rng.normal(0, 20, n) + 3.0 * arm
    table = pd.DataFrame({"v": np.where(arm == 1, "B", "A"), "y": y, "pre": pre})
    c = analyze(table, variant="v", metric="y", covariate="pre").metric("y").comparisons["B"]
    assert c.cuped is not None
    r2 = np.corrcoef(pre, y)[0, 1] ** 2
    assert c.cuped.variance_reduction == pytest.approx(r2, abs=0.03)
    assert c.cuped.diff_ci[0] < 3.0 < c.cuped.diff_ci[1]


# --- the command line, end to end ---

def test_cli_json_has_the_documented_shape(hillstrom: pd.DataFrame) -> None:
    code, out, err = invoke("analyze", str(HILLSTROM), "--variant-col", "segment", "--metric-col", "visit",
                            "--metric-col", "conversion", "--control", CONTROL, "--json")
    assert code == 0, err
    obj = json.loads(out)
    assert obj["metric"] == "visit" and obj["control"] == CONTROL
    assert [m["metric"] for m in obj["metrics"]] == ["visit", "conversion"]
    assert set(obj["srm"]) >= {"p_value", "flag"} and obj["srm"]["flag"] is False
    rates = hillstrom.groupby("segment")["visit"].mean()
    names = set()
    for v in obj["variants"]:
        names.add(v["name"])
        assert v["n"] == int((hillstrom.segment == v["name"]).sum())
        assert v["mean"] == pytest.approx(rates[v["name"]])
        if v["name"] == CONTROL:
            assert v["control"] is True and v["diff"] is None
            continue
        assert v["diff"] == pytest.approx(rates[v["name"]] - rates[CONTROL])
        assert v["rel_lift"] == pytest.approx(rates[v["name"]] / rates[CONTROL] - 1)
        for key in ("diff_ci", "rel_lift_ci"):
            low, high = v[key]
            assert low < v[key.removesuffix("_ci")] < high
        assert 0 <= v["p_value"] <= 1 and 0 <= v["adjusted_p"] <= 1
    assert names == set(rates.index)


def test_cli_table_shows_cuped_and_sample_ratio() -> None:
    need_or_skip(HILLSTROM.is_file(), f"the Hillstrom e-mail experiment is not at {HILLSTROM}")
    code, out, err = invoke("analyze", str(HILLSTROM), "--variant-col", "segment", "--metric-col", "spend",
                            "--covariate-col", "history", "--control", CONTROL)
    assert code == 0, err
    assert "CUPED (history)" in out and "always-valid" in out and "no mismatch" in out
    assert "No E-Mail (control)" in out


def test_cli_warns_of_a_sample_ratio_mismatch(hillstrom: pd.DataFrame, tmp_path: Path) -> None:
    mens = hillstrom.index[hillstrom.segment == "Mens E-Mail"]
    cut = hillstrom.drop(mens[: int(0.03 * len(mens))])
    path = tmp_path / "cut.csv"
    cut.to_csv(path, index=False)
    code, out, err = invoke("analyze", str(path), "--variant-col", "segment", "--metric-col", "visit")
    assert code == 0, err
    assert "SAMPLE RATIO MISMATCH" in out


# --- sample ratio mismatch ---

def test_sample_ratio_flagged_on_an_injected_mismatch_only(hillstrom: pd.DataFrame) -> None:
    real = analyze(hillstrom, variant="segment", metric="visit", control=CONTROL).srm
    assert not real.flag and real.p_value > 0.05
    mens = hillstrom.index[hillstrom.segment == "Mens E-Mail"]
    cut = hillstrom.drop(mens[: int(0.03 * len(mens))])
    srm = analyze(cut, variant="segment", metric="visit", control=CONTROL).srm
    counts = cut.segment.value_counts()
    expected = len(cut) / 3
    chi2 = float(((counts - expected) ** 2 / expected).sum())
    assert srm.p_value == pytest.approx(stats.chi2.sf(chi2, df=2), rel=1e-9)
    assert srm.flag and srm.p_value < 0.001


def test_sample_ratio_uses_declared_weights() -> None:
    rng = np.random.default_rng(2)
    arm = rng.choice(["A", "B"], size=9000, p=[0.75, 0.25])
    table = pd.DataFrame({"v": arm, "y": rng.normal(size=9000)})
    assert analyze(table, variant="v", metric="y").srm.flag
    weighted = analyze(table, variant="v", metric="y", weights={"A": 3, "B": 1}).srm
    assert not weighted.flag and weighted.expected_share == {"A": 0.75, "B": 0.25}


# --- rows grouped in randomised units ---

def clustered(seed: int, units: int = 600, effect: float = 0.0) -> pd.DataFrame:
    """Contacts randomised, touches analysed: each contact's replies share its own propensity."""
    rng = np.random.default_rng(seed)
    rows = rng.integers(1, 12, units)
    unit = np.repeat(np.arange(units), rows)
    arm = rng.integers(0, 2, units)
    propensity = rng.beta(1.0, 3.0, units)
    reply = (rng.random(len(unit)) < np.clip(propensity[unit] + effect * arm[unit], 0, 1)).astype(int)
    return pd.DataFrame({"contact": [f"c{u}" for u in unit], "variant": np.where(arm[unit] == 1, "new", "old"),
                         "reply": reply})


def test_cluster_robust_interval_matches_statsmodels_and_is_wider() -> None:
    table = clustered(seed=8, units=2000, effect=0.05)
    grouped = analyze(table, variant="variant", metric="reply", unit="contact", control="old")
    naive = analyze(table, variant="variant", metric="reply", control="old")
    g, n = grouped.metric("reply").comparisons["new"], naive.metric("reply").comparisons["new"]
    fit = smf.ols("reply ~ C(variant, Treatment('old'))", table).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(table.contact)[0]})
    term = "C(variant, Treatment('old'))[T.new]"
    assert g.diff == pytest.approx(fit.params[term], rel=1e-10)
    assert g.se == pytest.approx(fit.bse[term], rel=2e-3)
    assert g.se > 1.3 * n.se
    assert g.diff_ci[1] - g.diff_ci[0] > n.diff_ci[1] - n.diff_ci[0]
    assert grouped.metric("reply").variants[0].rows == int((table.variant == "old").sum())
    assert grouped.metric("reply").chance_method.startswith("normal")


def test_ignoring_the_unit_inflates_false_positives() -> None:
    """A/A tests on clustered data: row-level intervals reject far too often, unit-level ones do not."""
    rejected = {"naive": 0, "grouped": 0}
    sims = 150
    for seed in range(sims):
        table = clustered(seed=1000 + seed, units=300)
        for kind, unit in (("naive", None), ("grouped", "contact")):
            c = analyze(table, variant="variant", metric="reply", unit=unit, control="old").metric("reply")
            rejected[kind] += c.comparisons["new"].p_value < 0.05
    assert rejected["naive"] / sims > 0.12
    assert rejected["grouped"] / sims < 0.09


# --- multiple comparisons, Bayes, power ---

def test_holm_and_bh_match_multipletests_and_a_hand_computation() -> None:
    rng = np.random.default_rng(11)
    n = 3000
    arm = rng.integers(0, 3, n)
    effects = {"m1": (0, 0.10, 0.02), "m2": (0, 0.05, 0.0), "m3": (0, 0.0, 0.08)}
    table = pd.DataFrame({"v": np.array(["a", "b", "c"])[arm]} |
                         {m: rng.normal(size=n) + np.array(e)[arm] for m, e in effects.items()})
    for correction, method in (("holm", "holm"), ("bh", "fdr_bh")):
        a = analyze(table, variant="v", metric=list(effects), control="a", correction=correction)
        comps = [c for m in a.metrics for c in m.comparisons.values()]
        raw = np.array([c.p_value for c in comps])
        got = np.array([c.adjusted_p for c in comps])
        assert got == pytest.approx(multipletests(raw, method=method)[1], rel=1e-12)
        order = np.argsort(raw)
        m = len(raw)
        if correction == "holm":
            step = np.maximum.accumulate((m - np.arange(m)) * raw[order])
        else:
            step = np.minimum.accumulate((m / np.arange(1, m + 1) * raw[order])[::-1])[::-1]
        hand = np.empty(m)
        hand[order] = np.minimum(step, 1)
        assert got == pytest.approx(hand, rel=1e-12)
        assert len(set(np.round(raw, 6))) == m  # a spread of p-values, so the order matters


def test_chance_to_beat_control_beta_binomial_against_monte_carlo() -> None:
    rng = np.random.default_rng(4)
    for wins_t, n_t, wins_c, n_c in ((120, 1000, 100, 1000), (48, 400, 52, 410), (3, 50, 0, 40)):
        draws_t = rng.beta(wins_t + 1, n_t - wins_t + 1, 1_000_000)
        draws_c = rng.beta(wins_c + 1, n_c - wins_c + 1, 1_000_000)
        expected = float((draws_t > draws_c).mean())
        assert inference.chance_to_beat_beta(wins_t, n_t, wins_c, n_c) == pytest.approx(expected, abs=2e-3)


def test_power_and_mde_against_hand_computation() -> None:
    z_a, z_b = stats.norm.isf(0.025), stats.norm.isf(0.2)
    # means: n = 2 (z_a + z_b)^2 sd^2 / d^2 = 392.4 -> 393 per arm for d = 0.2 sd
    assert sample_size(baseline=10.0, sd=1.0, effect=0.2) == math.ceil(2 * (z_a + z_b) ** 2 / 0.2**2)
    assert mde(baseline=10.0, sd=1.0, n=393) == pytest.approx((z_a + z_b) * math.sqrt(2 / 393), rel=1e-3)
    assert power(baseline=10.0, sd=1.0, effect=0.2, n=393) == pytest.approx(
        stats.norm.cdf(0.2 / math.sqrt(2 / 393) - z_a), abs=1e-3)
    # rates: Cohen's h = 2 asin(sqrt(0.11)) - 2 asin(sqrt(0.10)); n = (z_a + z_b)^2 * 2 / h^2
    h = 2 * math.asin(math.sqrt(0.11)) - 2 * math.asin(math.sqrt(0.10))
    assert sample_size(baseline=0.10, effect=0.01) == math.ceil(2 * (z_a + z_b) ** 2 / h**2)
    assert sample_size(baseline=0.10, effect=0.10, relative=True) == sample_size(baseline=0.10, effect=0.01)
    n = sample_size(baseline=0.10, effect=0.01)
    assert mde(baseline=0.10, n=n) == pytest.approx(0.01, rel=2e-3)


def test_cli_power_answers_the_missing_quantity() -> None:
    code, out, _ = invoke("power", "--baseline", "10", "--sd", "1", "--mde", "0.2", "--json")
    assert code == 0 and json.loads(out)["n"] == 393
    code, out, _ = invoke("power", "--baseline", "10", "--sd", "1", "--mde", "0.2", "--n", "393", "--json")
    assert code == 0 and json.loads(out)["power"] == pytest.approx(0.80, abs=2e-3)
    code, out, _ = invoke("power", "--baseline", "0.1", "--n", "20000")
    assert code == 0 and "pp from 10.00%" in out
    code, _, err = invoke("power", "--baseline", "1.5", "--mde", "0.1")
    assert code == 2 and "baseline rate must be between 0 and 1" in err


@pytest.mark.parametrize(("args", "message"), [
    (["--mde", "0.01", "--ratio", "0"], "ratio (treatment units per control unit) must be positive"),
    (["--n", "1000", "--ratio", "-1"], "ratio (treatment units per control unit) must be positive"),
    (["--mde", "0.01", "--ratio", "inf"], "ratio (treatment units per control unit) must be positive"),
    (["--mde", "1e-9"], "no answer: the effect is too small"),
    (["--sd", "1", "--mde", "inf"], "the effect must be a number"),
    (["--sd", "inf", "--mde", "1"], "sd must be a positive number"),
])
def test_cli_power_refuses_what_it_cannot_plan(args: list[str], message: str) -> None:
    code, out, err = invoke("power", "--baseline", "0.1", *args)
    assert code == 2 and message in err and not out, (out, err)
    assert len(err.strip().splitlines()) == 1  # no solver warning around it


# --- daily looks ---

def test_pocock_spending_bounds_match_published_values() -> None:
    """Lan-DeMets Pocock-type spending, five equally spaced looks, two-sided alpha 0.05 (Jennison and Turnbull,
    Group Sequential Methods, 2000, table 7.6; also R's ldbounds)."""
    assert spending_bounds(np.arange(1, 6), kind="pocock") == pytest.approx(
        [2.4380, 2.4268, 2.4101, 2.3966, 2.3860], abs=2e-3)
    # O'Brien-Fleming-type: the first look spends 2 - 2 Phi(z / sqrt(t)), so its bound is z / sqrt(t)
    assert spending_bounds(np.arange(1, 6))[0] == pytest.approx(Z / math.sqrt(0.2), rel=1e-9)
    assert spending_bounds([1.0]) == pytest.approx([Z])


def daily(seed: int, effect: float, days: int = 20) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 400 * days
    arm = rng.integers(0, 2, n)
    return pd.DataFrame({"v": np.where(arm == 1, "B", "A"), "y": rng.normal(size=n) + effect * arm,
                         "day": pd.Timestamp("2025-03-03") + pd.to_timedelta(rng.integers(0, days, n), unit="D")})


def test_sequential_looks_find_a_real_effect_and_say_when() -> None:
    a = analyze(daily(1, effect=0.15), variant="v", metric="y", sequential_days="day")
    c = a.metric("y").comparisons["B"]
    s = c.sequential
    assert s is not None and s.looks == 20 and s.planned_looks == 20
    assert s.significant_at is not None and "2025-03-03" < s.significant_at <= "2025-03-22"
    # at the last look the repeated interval contains the fixed one, and the always-valid one is wider still
    assert s.diff_ci[0] <= c.diff_ci[0] and s.diff_ci[1] >= c.diff_ci[1]
    assert c.always_valid_ci[1] - c.always_valid_ci[0] > s.diff_ci[1] - s.diff_ci[0]
    assert c.always_valid_ci[0] < 0.15 < c.always_valid_ci[1]
    mid = analyze(daily(1, effect=0.15), variant="v", metric="y", sequential_days="day", planned_days=40)
    wide = mid.metric("y").comparisons["B"].sequential
    assert wide is not None and wide.planned_looks == 40
    assert wide.diff_ci[1] - wide.diff_ci[0] > s.diff_ci[1] - s.diff_ci[0]


def test_sequential_looks_on_rows_grouped_in_units() -> None:
    table = clustered(seed=3, units=1500)
    table["day"] = pd.factorize(table.contact)[0] % 14 + 1
    c = analyze(table, variant="variant", metric="reply", unit="contact", control="old",
                sequential_days="day").metric("reply").comparisons["new"]
    assert c.sequential is not None and c.sequential.looks == 14 and c.sequential.significant_at is None
    assert c.sequential.diff_ci[0] < c.diff_ci[0]


# --- bad input ---

def test_bad_input_is_named() -> None:
    table = pd.DataFrame({"v": ["A", "B", "A", "B"], "y": [1.0, 2.0, 3.0, 4.0], "u": ["1", "1", "2", "3"]},
                         index=[10, 11, 12, 13])
    with pytest.raises(DataError, match=r"no column 'z'; the columns are: 'v', 'y', 'u'"):
        analyze(table, variant="v", metric="z")
    with pytest.raises(DataError, match=r"control 'C' is not a variant in column 'v'; the variants are: 'A', 'B'"):
        analyze(table, variant="v", metric="y", control="C")
    with pytest.raises(DataError, match=r"only one variant \('A'\)"):
        analyze(table[table.v == "A"], variant="v", metric="y")
    with pytest.raises(DataError, match="no rows"):
        analyze(table.iloc[:0], variant="v", metric="y")
    with pytest.raises(DataError, match=r"unit '1' .* is in two variants") as info:
        analyze(table, variant="v", metric="y", unit="u")
    assert info.value.row == 11
    bad = table.assign(y=["1", "2", "lots", "4"])
    with pytest.raises(DataError, match=r"column 'y' is not numeric: 'lots'") as info:
        analyze(bad, variant="v", metric="y")
    assert info.value.row == 12
    with pytest.raises(DataError, match="weights name 'C'"):
        analyze(table, variant="v", metric="y", weights={"A": 1, "C": 1})


@pytest.mark.parametrize(("content", "args", "message"), [
    ("", [], "the file is empty"),
    ("v,y\n", [], "has a header but no rows"),
    ("v,y\nA,1\nB,2\nA,3\nB,oops\n", [], "line 5: column 'y' is not numeric: 'oops'"),
    ("v,y\nA,1\nB,\nA,3\nB,4\n", [], "line 3: column 'y' is empty"),
    ("v,y\nA,1\nB,2,3\nA,3\nB,4\n", [], "Expected 2 fields in line 3, saw 3"),
    # a first row with a field too many: pandas would take its first field as an index and shift the others
    ("v,y\nA,1,0\nA,2,1\nB,1,0\nB,2,1\n", [], "line 2 has more fields than the header's 2"),
    ("v,y,y\nA,1,5\nB,2,5\nA,3,5\nB,4,5\n", [], "column 'y' is named 2 times in the header"),
    ("v,y,d\nA,1,1\nB,2,1\nA,3,2\nB,4,x\n", ["--day-col", "d"], "line 5: column 'd' holds 'x', not a day"),
    ("v,y,d\nA,1,1\nB,2,1\nA,3,inf\nB,4,2\n", ["--day-col", "d"], "line 4: column 'd' holds 'inf', not a day"),
    ("v,y,d\nA,1,2026-01-01\nB,2,2026-01-01T10:00:00+02:00\nA,3,2026-01-02\nB,4,2026-01-02\n", ["--day-col", "d"],
     "column 'd' mixes time zones"),
    ("v,y\nA,1\nB,2\nA,\xff\nB,4\n", [], "not UTF-8 text"),
    ("v,y\nA,1\nB,2\n", ["--metric-col", "spend"], "no column 'spend'; the columns are: 'v', 'y'"),
    ("v,y\nA,1\nA,2\n", [], "only one variant ('A')"),
    ("v,y\nA,1\nB,2\nA,3\nB,4\n", ["--control", "C"], "control 'C' is not a variant"),
    ("v,y\nA,1\nB,2\nA,3\nB,4\n", ["--weights", "A=1,B"], "--weights: 'B' is not NAME=POSITIVE_NUMBER"),
])
def test_cli_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: str, args: list[str], message: str) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(content.encode("latin-1"))
    metric = [] if "--metric-col" in args else ["--metric-col", "y"]
    code, out, err = invoke("analyze", str(path), "--variant-col", "v", *metric, *args)
    assert code == 2
    assert message in err and "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1
    if "--weights" not in args:
        assert str(path) in err


def test_cli_reads_a_pipe(tmp_path: Path) -> None:
    """A pipe (``... | copilot ab analyze /dev/stdin``, a shell's ``<(...)``) can be read only once; the header,
    the field count and the table all need it."""
    import os
    import threading

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_text, args=("v,y\nA,1\nB,2\nA,3\nB,5\n",))
    writer.start()
    code, out, err = invoke("analyze", str(fifo), "--variant-col", "v", "--metric-col", "y", "--json")
    writer.join()
    assert code == 0, err
    assert [(v["name"], v["n"], v["mean"]) for v in json.loads(out)["variants"]] == [("A", 2, 2.0), ("B", 2, 3.5)]
