"""Retrieval evaluation: lexical-only vs vector-only vs the shipped hybrid, on labelled queries.

``python -m evals.retrieval.run [--home DIR]`` builds (or reuses) the demo workspace with the
company the labels were made from, indexes its deal notes, ranks every query three ways and prints
recall@5 and MRR. Exits non-zero unless the hybrid beats both on both measures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from evals.retrieval.make_queries import DEALS, SEED

QUERIES = Path(__file__).with_name("queries.jsonl")
DEFAULT_HOME = Path(__file__).resolve().parents[1] / "bench" / ".work" / "retrieval"
MODES = ("lexical", "vector", "hybrid")


@dataclass
class Scores:
    mode: str
    recall_at_5: float
    mrr: float
    by_kind: dict[str, tuple[float, float]]


def recall_at(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    return len(set(ranked[:k]) & relevant) / min(k, len(relevant))


def reciprocal_rank(ranked: list[str], relevant: set[str]) -> float:
    return next((1.0 / (i + 1) for i, d in enumerate(ranked) if d in relevant), 0.0)


def evaluate(store, queries: list[dict]) -> list[Scores]:  # noqa: ANN001
    from tools.talk_tracks.search import collapse, rank

    results = []
    for mode in MODES:
        per: dict[str, list[tuple[float, float]]] = {}
        for q in queries:
            filters = {"outcome": [q["outcome"]]} if q["outcome"] != "any" else {}
            ranked = [item[2]["deal_id"] for item in collapse(rank(store, q["query"], filters, mode))]
            relevant = set(q["relevant"])
            per.setdefault(q["kind"], []).append((recall_at(ranked, relevant), reciprocal_rank(ranked, relevant)))
        flat = [x for v in per.values() for x in v]
        results.append(Scores(mode, statistics.mean(r for r, _ in flat), statistics.mean(m for _, m in flat),
                              {k: (statistics.mean(r for r, _ in v), statistics.mean(m for _, m in v))
                               for k, v in sorted(per.items())}))
    return results


def prepare(home: Path):  # noqa: ANN201
    """The demo workspace at ``home`` (built once), indexed; returns the store."""
    from copilot.settings import Settings
    from copilot.workspace import build_demo, has_data, open_database
    from tools.talk_tracks.indexer import index_deals
    from tools.talk_tracks.store import TalkTrackStore

    settings = Settings(home=home, database_url=None)
    engine = open_database(settings)
    if not has_data(engine):
        build_demo(settings, engine, deals=DEALS, seed=SEED)
    store = TalkTrackStore(settings)
    index_deals(engine, store)
    return store


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore")
    parser = argparse.ArgumentParser(prog="python -m evals.retrieval.run")
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    queries = [json.loads(line) for line in QUERIES.read_text(encoding="utf-8").splitlines() if line.strip()]
    scores = evaluate(prepare(args.home), queries)
    if args.json:
        print(json.dumps([s.__dict__ for s in scores]))
    else:
        print(f"{len(queries)} labelled queries over the demo company ({DEALS} deals, seed {SEED})")
        print(f"{'mode':8} {'recall@5':>9} {'MRR':>6}   " + "  ".join(f"{k}: R@5/MRR" for k in scores[0].by_kind))
        for s in scores:
            kinds = "  ".join(f"{r:.2f}/{m:.2f}" for r, m in s.by_kind.values())
            print(f"{s.mode:8} {s.recall_at_5:9.3f} {s.mrr:6.3f}   {kinds}")
    hybrid = scores[-1]
    wins = all(hybrid.recall_at_5 > s.recall_at_5 and hybrid.mrr > s.mrr for s in scores[:-1])
    return 0 if wins else 1


if __name__ == "__main__":
    sys.exit(main())
