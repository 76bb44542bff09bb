"""Offline evaluation throughput: 1,000 cases under 2 variants through the evaluation engine, nothing cached."""

from __future__ import annotations

import json
import time
from pathlib import Path

from evals.bench.common import Row, workdir

CASES = 1_000
VARIANTS = ("offline", "offline-lexical")
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _cases(n: int) -> list[dict]:
    """``n`` cases: the shared question sets' questions over and over, each copy with its own id."""
    source = [json.loads(line) for name in ("crm_qa_dev.jsonl", "crm_qa_dev2.jsonl")
              for line in (SHARED / "evals" / name).read_text().splitlines() if line.strip()]
    return [{**source[i % len(source)], "id": f"{source[i % len(source)]['id']}#{i:04d}"} for i in range(n)]


def bench_offline(cases: int = CASES) -> list[Row]:
    from connectors.maven import import_maven
    from copilot.evaluation import engine, variants
    from copilot.evaluation.dataset import Case
    from copilot.settings import Settings
    from copilot.workspace import has_data, open_database

    home = workdir("offline-eval")
    settings = Settings(home=home, database_url=None, llm="offline")
    db = open_database(settings)
    if not has_data(db):
        assert import_maven(db, SHARED / "data" / "maven-crm", allow_rejects=True).committed
    specs = variants.pick(variants.load(), list(VARIANTS))
    batch = [Case.model_validate(c) for c in _cases(cases)]
    start = time.perf_counter()
    run = engine.run(batch, specs, out=home / "run", settings=settings, engine=db, cache_dir=None)
    seconds = time.perf_counter() - start
    asked = len(run.rows)
    assert run.calls == asked == cases * len(specs)  # nothing came from a cache
    passed = sum(bool(r["passed"]) for r in run.rows)
    return [Row(f"offline evaluation: {cases:,} cases x {len(specs)} variants (results and reports written)",
                asked / seconds, "cases/s", "", None,
                f"{seconds:.0f} s in all; {passed}/{asked} passed; one process, the offline planner one case at a time")]
