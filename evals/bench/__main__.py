"""Run the benchmarks and print one table: ``python -m evals.bench [--only NAME] [--quick]``."""

from __future__ import annotations

import argparse
import math
import sys
import warnings

from rich.console import Console
from rich.table import Table

from evals.bench.common import Row


def _suites(quick: bool) -> dict[str, object]:
    from evals.bench import ab, agent, drafts, followup, imports, offline, review, slack, talk_tracks

    return {
        "import-maven": lambda: imports.bench_maven(repeat=3 if quick else 5),
        "import-activities": lambda: imports.bench_activities(100_000 if quick else imports.ACTIVITY_ROWS),
        "talk-embedding": lambda: talk_tracks.bench_embedding(),
        "talk-index": lambda: talk_tracks.bench_index_10k(),
        "talk-query-10k": lambda: talk_tracks.bench_query(10_000),
        "talk-query-100k": lambda: talk_tracks.bench_query(1_000 if quick else 100_000),
        "agent-warm": lambda: agent.bench_warm(),
        "agent-serialisation": lambda: agent.bench_serialisation(),
        "agent-reader": lambda: agent.bench_reader(),
        "agent-cold": lambda: agent.bench_cold(),
        "agent-llm": lambda: agent.bench_llm_round_trips(),
        "drafts": lambda: drafts.bench_drafts(8 if quick else 20),
        "review": lambda: review.bench_review(5 if quick else review.REPEAT),
        "slack": lambda: slack.bench_slack(40 if quick else slack.EVENTS),
        "followup-train": lambda: followup.bench_train(50_000 if quick else followup.ACTIVITY_ROWS),
        "followup-latency": lambda: followup.bench_latency(),
        "eval-offline": lambda: offline.bench_offline(100 if quick else offline.CASES),
        "ab-analyze": lambda: ab.bench_analyze(100_000 if quick else ab.ROWS),
    }


def _fmt(value: float) -> str:
    if math.isnan(value):
        return "n/a"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore", message=".*Decimal objects natively.*")
    parser = argparse.ArgumentParser(prog="python -m evals.bench")
    parser.add_argument("--only", action="append", default=[], help="run suites whose name contains this")
    parser.add_argument("--quick", action="store_true", help="smaller inputs, for a smoke run")
    args = parser.parse_args(argv)
    console = Console(width=120) if not Console().is_terminal else Console()
    rows: list[Row] = []
    for name, suite in _suites(args.quick).items():
        if args.only and not any(o in name for o in args.only):
            continue
        console.print(f"[dim]running {name}...[/dim]")
        rows.extend(suite())  # type: ignore[operator]
    table = Table(title="Benchmarks" + (" (quick)" if args.quick else ""), title_justify="left")
    for column in ("benchmark", "value", "unit", "floor", "ok", "note"):
        table.add_column(column, justify="right" if column == "value" else "left")
    for r in rows:
        ok = "" if r.ok is None else ("yes" if r.ok else "NO")
        table.add_row(r.name, _fmt(r.value), r.unit, r.floor, ok, r.note)
    console.print(table)
    return 1 if any(r.ok is False for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
