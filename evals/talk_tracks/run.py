"""Talk-track plays on the demo company, judged against the generator's ground truth.

``python -m evals.talk_tracks.run [--home DIR] [--split dev|held|all] [--json]`` builds (or reuses) the
retrieval evaluation's demo workspace (same deals and seed), asks the ``talk_tracks`` tool every phrasing of
every objection (``evals.talk_tracks.phrasings``) and judges each result (``evals.talk_tracks.judge``): the
top suggested line must name a play that won more often than it lost for that objection in the ground truth,
and no note that states failure may be shown as what worked. The held-out phrasings run only when asked
(``--split held`` or ``all``, for the final report) and are marked as such. It prints a table per split and
exits non-zero unless, in every split it ran, every objection passes on every phrasing and no failure note
is shown as worked.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

from evals.talk_tracks.judge import Truth, Verdict, judge
from evals.talk_tracks.phrasings import DEV, HELD_OUT

DEFAULT_HOME = Path(__file__).resolve().parents[1] / "bench" / ".work" / "retrieval"
SPLITS = {"dev": DEV, "held": HELD_OUT}
TITLE = {"dev": "dev phrasings", "held": "HELD-OUT phrasings (never used while building the plays)"}


def evaluate(engine: Any, store: Any, truth: Truth, phrasings: dict[str, list[str]]) -> list[Verdict]:
    """Every phrasing asked as ops (who sees every deal), as the tool answers it."""
    from copilot.crm.identity import identity_for
    from copilot.crm.names import Names
    from tools.talk_tracks.search import search_talk_tracks

    ops = identity_for(engine, "ops")
    names = Names.load(engine)
    out = []
    for objection, queries in phrasings.items():
        for query in queries:
            result = search_talk_tracks(engine, store, ops, {"query": query}, names=names).model_dump()
            out.append(judge(objection, query, result, truth))
    return out


def summary(verdicts: list[Verdict]) -> dict[str, Any]:
    by: dict[str, list[Verdict]] = {}
    for v in verdicts:
        by.setdefault(v.objection, []).append(v)
    return {
        "objections": len(by), "objections_passed": sum(all(v.passed for v in vs) for vs in by.values()),
        "phrasings": len(verdicts), "top_line_right": sum(v.top_right for v in verdicts),
        "failure_notes_shown": sum(len(v.failures_shown) for v in verdicts),
        "contradictions_shown": sum(v.contradictions for v in verdicts),
        "contradictions_true": sum(v.true_contradictions for v in verdicts),
        "avoid_shown": sum(v.avoid_shown for v in verdicts), "avoid_right": sum(v.avoid_right for v in verdicts),
    }


def passes(verdicts: list[Verdict]) -> bool:
    s = summary(verdicts)
    return s["objections_passed"] == s["objections"] and s["failure_notes_shown"] == 0 and bool(verdicts)


def table(split: str, verdicts: list[Verdict]) -> str:
    rows = [TITLE[split], f"{'objection':12} {'top line right':>14} {'failures shown':>14}  most common top play"]
    by: dict[str, list[Verdict]] = {}
    for v in verdicts:
        by.setdefault(v.objection, []).append(v)
    for objection, vs in by.items():
        top = Counter(v.named or "(none named)" for v in vs).most_common(1)[0][0]
        rows.append(f"{objection:12} {sum(v.top_right for v in vs):>9}/{len(vs):<4} "
                    f"{sum(len(v.failures_shown) for v in vs):>14}  {top[:70]}")
    s = summary(verdicts)
    rows.append(f"{s['objections_passed']}/{s['objections']} objections pass; top line right on "
                f"{s['top_line_right']}/{s['phrasings']} phrasings; {s['failure_notes_shown']} failure notes shown as "
                f"worked; contradictions shown {s['contradictions_shown']} ({s['contradictions_true']} true); "
                f"plays to avoid that lost in truth {s['avoid_right']}/{s['avoid_shown']}")
    for v in verdicts:
        if not v.passed:
            rows.append(f"  FAIL [{v.objection}] {v.query!r}: top line {v.top_line!r}; failures shown "
                        f"{v.failures_shown}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore")
    parser = argparse.ArgumentParser(prog="python -m evals.talk_tracks.run")
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--split", choices=["dev", "held", "all"], default="dev",
                        help="dev (the default), held (the held-out phrasings, for the final report) or all")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from copilot.settings import Settings
    from copilot.workspace import open_database
    from evals.retrieval.make_queries import DEALS, SEED
    from evals.retrieval.run import prepare

    store = prepare(args.home)
    engine = open_database(Settings(home=args.home, database_url=None))
    truth = Truth.build(DEALS, SEED)
    splits = ["dev", "held"] if args.split == "all" else [args.split]
    results = {s: evaluate(engine, store, truth, SPLITS[s]) for s in splits}
    if args.json:
        print(json.dumps({s: {"summary": summary(v), "verdicts": [asdict(x) for x in v]} for s, v in results.items()}))
    else:
        print(f"Talk-track plays on the demo company ({DEALS} deals, seed {SEED}); truth from the generator")
        for s, v in results.items():
            print()
            print(table(s, v))
    return 0 if all(passes(v) for v in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
