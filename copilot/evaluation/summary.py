"""From result rows to the figures of a report: per variant, and paired between two variants.

A case's share under a variant is the share of its trials that passed (trials no check could be made on,
such as a rubric with no judge model, are left out). The pass rate is the mean share over cases, with a
Wilson interval taken over cases (a conservative choice when K > 1: the K trials of a case are not
independent). In a paired comparison a case counts as passed when every trial passed; the bootstrap resamples
cases and compares their shares.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from copilot.evaluation import stats


@dataclass
class Side:
    """One variant's results (in a comparison of two runs, a variant of one run)."""

    label: str
    variant: str
    variant_hash: str
    prompt_version: str
    model: str
    cases: int
    rows: int
    trials: int
    pass_rate: float
    ci: tuple[float, float]
    pass_k: dict[int, float]
    checks: dict[str, dict[str, int]]
    """check name -> passed, failed, skipped."""
    latency_ms: list[float]
    tokens: int | None
    cost: float | None
    errors: int
    fell_back: int
    """Answers the offline planner gave because the variant's model failed."""
    shares: dict[str, float] = field(default_factory=dict, repr=False)
    all_passed: dict[str, bool] = field(default_factory=dict, repr=False)
    by_case: dict[str, list[dict[str, Any]]] = field(default_factory=dict, repr=False)

    @property
    def latency(self) -> dict[str, float]:
        if not self.latency_ms:
            return {}
        values = np.asarray(self.latency_ms)
        return {"p50": float(np.percentile(values, 50)), "p90": float(np.percentile(values, 90)),
                "p95": float(np.percentile(values, 95)), "max": float(values.max())}


@dataclass
class Flip:
    id: str
    question: str
    a: bool
    b: bool
    why: str
    """The failing checks on the side that failed."""


@dataclass
class Pair:
    a: Side
    b: Side
    result: stats.Paired
    flips: list[Flip]
    only_in_a: list[str]
    only_in_b: list[str]


def side(rows: list[dict[str, Any]], label: str | None = None) -> Side:
    """The summary of one variant's ``rows``."""
    by_case: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_case[str(r["id"])].append(r)
    shares, all_passed, passes, trials = {}, {}, [], []
    for case_id, rs in by_case.items():
        judged = [r for r in rs if r.get("passed") is not None]
        if not judged:
            continue
        ok = sum(bool(r["passed"]) for r in judged)
        shares[case_id] = ok / len(judged)
        all_passed[case_id] = ok == len(judged)
        passes.append(ok)
        trials.append(len(judged))
    n = len(shares)
    rate = float(np.mean(list(shares.values()))) if n else float("nan")
    k_max = min(trials) if trials else 0
    checks: dict[str, dict[str, int]] = defaultdict(lambda: {"passed": 0, "failed": 0, "skipped": 0})
    for r in rows:
        for c in r.get("checks") or []:
            checks[c["name"]]["passed" if c["passed"] else "skipped" if c["passed"] is None else "failed"] += 1
    tokens = [sum((r.get("tokens") or {}).get("total", 0) for r in rows)]
    costs = [r["cost"] for r in rows if r.get("cost") is not None]
    first = rows[0] if rows else {}
    return Side(label or str(first.get("variant", "")), str(first.get("variant", "")),
                str(first.get("variant_hash", "")), str(first.get("prompt_version", "")), str(first.get("model", "")),
                n, len(rows), max((len(v) for v in by_case.values()), default=0), rate,
                stats.wilson(sum(shares.values()), n),
                {k: stats.pass_hat_k(passes, trials, k) for k in range(1, k_max + 1)}, dict(checks),
                [float(r["latency_ms"]) for r in rows if r.get("latency_ms") is not None and not r.get("cached")]
                or [float(r["latency_ms"]) for r in rows if r.get("latency_ms") is not None],
                tokens[0] or None, float(sum(costs)) if costs else None,
                sum(bool(r.get("error")) for r in rows),
                sum(any("offline planner answered" in n for n in r.get("notes") or []) for r in rows),
                shares, all_passed, dict(by_case))


def _why(rows: list[dict[str, Any]]) -> str:
    failed = [c for r in rows for c in r.get("checks") or [] if c.get("passed") is False]
    seen: list[str] = []
    for c in failed:
        text = f"{c['name']}" + (f" (turn {c['turn']})" if c.get("turn") else "") + (f": {c['detail']}"
                                                                                     if c.get("detail") else "")
        if text not in seen:
            seen.append(text)
    return "; ".join(seen)[:300]


def pair(a: Side, b: Side, *, seed: int = stats.SEED) -> Pair:
    """Variants ``a`` and ``b`` on the cases both judged, paired by case id."""
    ids = [i for i in a.shares if i in b.shares]
    result = stats.paired([a.all_passed[i] for i in ids], [b.all_passed[i] for i in ids],
                          [a.shares[i] for i in ids], [b.shares[i] for i in ids], seed=seed)
    flips = []
    for i in ids:
        if a.all_passed[i] != b.all_passed[i]:
            loser = a if not a.all_passed[i] else b
            question = a.by_case[i][0].get("question")
            flips.append(Flip(i, question if isinstance(question, str) else " / ".join(question or []),
                              a.all_passed[i], b.all_passed[i], _why(loser.by_case[i])))
    return Pair(a, b, result, flips, sorted(set(a.shares) - set(b.shares)), sorted(set(b.shares) - set(a.shares)))


def split(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Rows by variant, in the order the variants first appear."""
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(str(r["variant"]), []).append(r)
    return out
