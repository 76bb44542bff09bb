"""Experiment analysis benchmark: ``copilot ab analyze`` on a generated table of 1,000,000 rows.

The table has three variants, a 0/1 metric (reply), a continuous one (revenue), a pre-period covariate and a
contact column (about four rows a contact). Rows: the command end to end (CSV read, checks, both metrics with
CUPED, sample-ratio check, JSON out); ``analyze`` alone on the loaded table; and ``analyze`` with rows grouped
by contact (cluster-robust). Floor for the command: < 5 s ("a few seconds" for a million rows). It needs under
a second on a 2-core machine (pandas' C parser reads the columns, the statistics are a few bincounts), so the
floor leaves room for a noisy machine while any slip into per-row Python work (tens of seconds) fails it;
``analyze`` alone has < 2 s for the same reason.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from evals.bench.common import Row, median_seconds, workdir

ROWS = 1_000_000


def _table(rows: int) -> tuple[pd.DataFrame, object]:
    """The generated table (cached as CSV under the bench's work directory) and its path."""
    path = workdir("ab") / f"experiment-{rows}.csv"
    if not path.exists():
        rng = np.random.default_rng(13)
        contacts = max(3, rows // 4)
        contact = rng.integers(0, contacts, rows)
        arm = rng.integers(0, 3, contacts)[contact]
        pre = rng.gamma(2.0, 40.0, contacts)[contact]
        reply = (rng.random(rows) < 0.12 + 0.01 * arm).astype(np.int8)
        revenue = np.where(reply == 1, 0.5 * pre + rng.gamma(2.0, 60.0, rows) * (1 + 0.03 * arm), 0.0)
        frame = pd.DataFrame({"contact": [f"c{c}" for c in contact], "variant": np.array(["control", "timing",
                              "talk_track"])[arm], "reply": reply, "revenue": revenue.round(2), "pre_revenue": pre.round(2)})
        tmp = path.with_suffix(".tmp")
        frame.to_csv(tmp, index=False)
        tmp.replace(path)
    return pd.read_csv(path), path


def bench_analyze(rows: int = ROWS, repeat: int = 3) -> list[Row]:
    from typer.testing import CliRunner

    from copilot.ab_cli import ab_app
    from tools.experiments.stats import analyze

    frame, path = _table(rows)
    args = ["analyze", str(path), "--variant-col", "variant", "--metric-col", "reply", "--metric-col", "revenue",
            "--covariate-col", "pre_revenue", "--control", "control", "--json"]
    runner = CliRunner()

    def command() -> None:
        result = runner.invoke(ab_app, args)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["srm"]["flag"] is False

    def alone() -> None:
        analyze(frame, variant="variant", metric=["reply", "revenue"], covariate="pre_revenue", control="control")

    def grouped() -> None:
        analyze(frame, variant="variant", metric=["reply", "revenue"], unit="contact", covariate="pre_revenue",
                control="control")

    full = rows >= ROWS
    cli, _ = median_seconds(command, repeat)
    bare, _ = median_seconds(alone, repeat)
    clustered, _ = median_seconds(grouped, repeat)
    label = f"{rows:,} rows, 3 variants, 2 metrics, CUPED"
    return [
        Row(f"ab analyze: command end to end, {label}", cli, "s", "< 5 s" if full else "", cli < 5 if full else None,
            f"{rows / cli:,.0f} rows/s; CSV read included"),
        Row(f"ab analyze: analyze() on the loaded table, {label}", bare, "s", "< 2 s" if full else "",
            bare < 2 if full else None),
        Row(f"ab analyze: analyze() grouped by contact ({rows // 4:,} units), cluster-robust", clustered, "s"),
    ]
