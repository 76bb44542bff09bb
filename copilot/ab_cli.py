"""``copilot ab``: analyse an experiment table, plan an experiment's size. It reads the input, calls
``tools.experiments.stats`` and prints; the statistics live there.

Self-contained (its own consoles and error handling) so ``copilot/cli.py`` can mount it with one line and
typer's test runner can drive it directly: bad input is one line on stderr naming the file, line and column,
exit code 2, never a traceback.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from copilot.crm.values import visible

ab_app = typer.Typer(no_args_is_help=True, help="A/B experiments: analyse a table of results, plan sample sizes.")

# Markup is off: variant and column names from the file are printed literally.
out = Console(soft_wrap=True, markup=False, highlight=False)
err = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)


def shown(text: object) -> str:
    """Text from outside made safe for a terminal: control characters as visible codes."""
    return visible(text)


def _fail(message: str) -> NoReturn:
    err.print(Text.assemble(("error:", "bold red"), f" {shown(message)}"))
    raise typer.Exit(2)


AsJson = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of the tables.")]


@ab_app.command("analyze")
def analyze_cmd(
    file: Annotated[Path, typer.Argument(help="CSV file, one row per unit (or per row of a unit, with --unit-col).",
                                         readable=False)],
    variant_col: Annotated[str, typer.Option("--variant-col", help="Column naming each row's variant.")],
    metric_col: Annotated[list[str], typer.Option("--metric-col", help="Metric column (repeat for several; the "
                                                  "first is the primary).")],
    unit_col: Annotated[str | None, typer.Option("--unit-col", help="Randomised unit, when rows are finer "
                                                 "(cluster-robust intervals).")] = None,
    covariate_col: Annotated[str | None, typer.Option("--covariate-col", help="Pre-period covariate for CUPED.")] = None,
    control: Annotated[str | None, typer.Option("--control", help="Control variant (default: first name in "
                                                "sorted order).")] = None,
    weights: Annotated[str | None, typer.Option("--weights", help="Declared split for the sample-ratio check, "
                                                "e.g. \"A=1,B=1\" (default: equal).")] = None,
    day_col: Annotated[str | None, typer.Option("--day-col", help="Day of each row (number or ISO date): "
                                                "group-sequential intervals over the daily looks.")] = None,
    planned_days: Annotated[int | None, typer.Option("--planned-days", help="Looks planned in all (with "
                                                     "--day-col; default: the days seen).")] = None,
    alpha: Annotated[float, typer.Option("--alpha", help="Significance level; intervals are 1 - alpha.")] = 0.05,
    correction: Annotated[str, typer.Option("--correction", help="Across metrics and variants: holm or bh.")] = "holm",
    as_json: AsJson = False,
) -> None:
    """Compare each variant with control in a CSV table of results.

    Per variant n and mean; against control the difference and relative lift with intervals, p-values (raw and
    adjusted), chance to beat control, an always-valid interval, CUPED and a sample-ratio-mismatch check."""
    from tools.experiments.stats import analyze
    from tools.experiments.tables import DataError, load_csv, parse_weights

    try:
        split = parse_weights(weights) if weights is not None else None
    except DataError as exc:
        _fail(f"--{exc}")
    columns = [variant_col, *metric_col, *(c for c in (unit_col, covariate_col, day_col) if c)]
    try:
        frame = load_csv(file, columns=columns, labels=[c for c in (variant_col, unit_col) if c])
        result = analyze(frame, variant=variant_col, metric=metric_col, unit=unit_col, covariate=covariate_col,
                         control=control, alpha=alpha, correction=correction,  # type: ignore[arg-type]
                         sequential_days=day_col, weights=split, planned_days=planned_days)
    except DataError as exc:
        _fail(f"{file}: " + (f"line {exc.row}: " if exc.row is not None else "") + exc.reason)
    if as_json:
        out.print_json(json.dumps(result.to_json()))
        return
    render(result)


def _pct(x: float | None, digits: int = 2, sign: bool = False) -> str:
    return "n/a" if x is None or not math.isfinite(x) else f"{x * 100:{'+' if sign else ''}.{digits}f}%"


def _value(x: float | None, binary: bool, sign: bool = False, decimals: int | None = None) -> str:
    """A rate as a percentage (a difference of rates in points); other values to 4 significant digits, or to
    ``decimals`` places (an interval's figures share the places its standard error warrants)."""
    if x is None or not math.isfinite(x):
        return "n/a"
    plus = "+" if sign else ""
    if binary:
        return f"{x * 100:{plus}.2f}" + (" pp" if sign else "%")
    return f"{x:{plus}.{decimals}f}" if decimals is not None else f"{x:{plus}.4g}"


def _ci(point: float | None, ci: Any, binary: bool, se: float) -> str:
    places = min(8, max(0, 2 - math.floor(math.log10(se)))) if se > 0 and math.isfinite(se) else None
    bounds = ", ".join(_value(b, binary, decimals=places).removesuffix("%") for b in ci)
    return f"{_value(point, binary, True, places)} [{bounds}]" if point is not None else f"[{bounds}]"


def _lift(point: float | None, ci: Any) -> str:
    if point is None:
        return "n/a (control mean 0)"
    return f"{_pct(point, 1, True)} [{_pct(ci[0], 1)}, {_pct(ci[1], 1)}]"


def _p(p: float) -> str:
    return "<0.0001" if p < 1e-4 else f"{p:.4f}"


def render(result: Any) -> None:
    """The analysis as tables on the terminal."""
    level = f"{(1 - result.alpha) * 100:g}%"
    for m in result.metrics:
        table = Table(title=shown(f"{m.metric}" + (" (rate)" if m.binary else "")), title_justify="left")
        table.add_column("variant", min_width=14, overflow="fold")
        for name in ("n", "mean", f"diff [{level} CI]", f"lift [{level} CI]", "p", f"adj. p ({result.correction})",
                     "P(beats control)"):
            table.add_column(name, justify="right")
        for v in m.variants:
            c = m.comparisons.get(v.name)
            n = f"{v.n:,}" + (f" ({v.rows:,} rows)" if result.unit_col else "")
            if c is None:
                table.add_row(shown(v.name) + " (control)", n, _value(v.mean, m.binary), "", "", "", "", "")
                continue
            table.add_row(shown(v.name), n, _value(v.mean, m.binary), _ci(c.diff, c.diff_ci, m.binary, c.se),
                          _lift(c.rel_lift, c.rel_lift_ci), _p(c.p_value), _p(c.adjusted_p), _pct(c.chance_to_beat, 1))
            if c.cuped:
                k = c.cuped
                table.add_row(shown(f"  CUPED ({k.covariate})"), "", "", _ci(k.diff, k.diff_ci, m.binary, c.se),
                              _lift(k.rel_lift, k.rel_lift_ci), _p(k.p_value), _p(k.adjusted_p),
                              f"variance {-k.variance_reduction * 100:+.2f}%")
            table.add_row("  always-valid", "", "", _ci(None, c.always_valid_ci, m.binary, c.se), "", "", "", "")
            if c.sequential:
                s = c.sequential
                when = f"significant at {s.significant_at}" if s.significant_at is not None else "not significant"
                table.add_row(f"  sequential ({s.looks}/{s.planned_looks} looks)", "", "",
                              _ci(None, s.diff_ci, m.binary, c.se), "", "", "", shown(when))
        out.print(table)
        out.print(Text(f"P(beats control): {m.chance_method}. Always-valid: may be checked at any time.", style="dim"))
    counts = ", ".join(f"{shown(k)} {v:,}" for k, v in result.srm.counts.items())
    shares = ", ".join(f"{s:.1%}" for s in result.srm.expected_share.values())
    if result.srm.flag:
        out.print(Text.assemble(("SAMPLE RATIO MISMATCH", "bold red"),
                                f": units {counts} against an expected split of {shares} (chi-square p = "
                                f"{result.srm.p_value:.2g} < 0.001). Assignment or logging is broken; "
                                "do not trust the figures above until it is found."))
    else:
        out.print(f"sample ratio: units {counts}, expected split {shares}: p = {result.srm.p_value:.3g}, no mismatch")
    for note in result.notes:
        out.print(Text(shown(note), style="dim"))


@ab_app.command("power")
def power_cmd(
    baseline: Annotated[float, typer.Option("--baseline", help="Control's rate (0-1), or its mean with --sd.")],
    sd: Annotated[float | None, typer.Option("--sd", help="Standard deviation of a continuous metric.")] = None,
    effect: Annotated[float | None, typer.Option("--mde", help="Effect to detect: absolute (0.01 = one point on "
                                                 "a rate), or relative with --relative.")] = None,
    n: Annotated[int | None, typer.Option("--n", help="Units in control (treatment: n x ratio).")] = None,
    relative: Annotated[bool, typer.Option("--relative", help="--mde is a fraction of the baseline.")] = False,
    alpha: Annotated[float, typer.Option("--alpha", help="Two-sided significance level.")] = 0.05,
    target: Annotated[float, typer.Option("--power", help="Chance of detecting the effect.")] = 0.8,
    ratio: Annotated[float, typer.Option("--ratio", help="Treatment units per control unit.")] = 1.0,
    as_json: AsJson = False,
) -> None:
    """Plan an experiment: units needed, minimum detectable effect, or power.

    With --mde and --n, the power; with --mde only, the units needed; with --n only, the minimum detectable
    effect."""
    from tools.experiments.power import mde, power, sample_size
    from tools.experiments.tables import DataError

    scale = {"baseline": baseline, "sd": sd, "alpha": alpha, "ratio": ratio, "relative": relative}
    try:
        if effect is not None and n is not None:
            answer = {"power": power(baseline=baseline, effect=effect, n=n, sd=sd, alpha=alpha, ratio=ratio,
                                     relative=relative), "mde": effect, "n": n}
        elif effect is not None:
            answer = {"n": sample_size(baseline=baseline, effect=effect, sd=sd, alpha=alpha, power=target, ratio=ratio,
                                       relative=relative), "mde": effect, "power": target}
        elif n is not None:
            answer = {"mde": mde(baseline=baseline, n=n, sd=sd, alpha=alpha, power=target, ratio=ratio,
                                 relative=relative), "n": n, "power": target}
        else:
            _fail("give --mde (for the units needed), --n (for the detectable effect) or both (for the power)")
    except DataError as exc:
        _fail(str(exc))
    answer |= scale
    if as_json:
        out.print_json(json.dumps(answer))
        return
    binary = sd is None
    shift = f"{answer['mde']:+.2%} relative" if relative else _value(answer["mde"], binary, sign=True)
    base = _value(baseline, binary)
    treated = math.ceil(answer["n"] * ratio)
    out.print(f"units: {answer['n']:,} control + {treated:,} treatment; effect: {shift} from {base}; "
              f"power: {answer['power']:.1%}; alpha: {alpha:g} (two-sided)")
