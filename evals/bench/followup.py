"""Follow-up timing benchmarks: training on 10^6 activities, and warm recommendation latency."""

from __future__ import annotations

import json
import statistics
import time

from evals.bench.common import Row, workdir

ACTIVITY_ROWS = 1_000_000


def _planted_files(rows: int) -> tuple[dict, int]:
    """A planted history of about ``rows`` activity rows in the canonical files (cached)."""
    from evals.followup import planted

    home = workdir(f"followup-{rows}")
    stamp = home / "built.json"
    if stamp.exists():
        info = json.loads(stamp.read_text())
        return {k: home / "files" / v for k, v in info["paths"].items()}, info["rows"]
    contacts = max(300, int(rows / 8.5))  # about 9 rows (touches and replies) a contact; cut to ``rows``
    world = planted.build("sector", contacts=contacts, seed=31)
    logged, _ = planted.simulate(world, seed=32)
    logged = logged[:rows]
    paths = planted.write(world, logged, home / "files")
    stamp.write_text(json.dumps({"rows": len(logged), "paths": {k: p.name for k, p in paths.items()}}))
    return paths, len(logged)


def bench_train(rows: int = ACTIVITY_ROWS) -> list[Row]:
    from tools.followup.history import from_files, table
    from tools.followup.model import train

    paths, n = _planted_files(rows)
    start = time.perf_counter()
    log = from_files(paths["activities"], paths["contacts"], paths["accounts"])
    read = time.perf_counter() - start
    start = time.perf_counter()
    t = table(log)
    features = time.perf_counter() - start
    model = train(t, log.contacts)
    total = read + features + model.seconds
    return [
        Row(f"follow-up model: read {n:,} activities", read, "s", "", None, f"{n / read:,.0f} rows/s"),
        Row(f"follow-up model: features of {len(t):,} touches", features, "s"),
        Row(f"follow-up model: fit + calibrate ({len(model.coef):,} effects)", model.seconds, "s", "", None,
            "scales learned on a sample; the calibration slice; then all, warm-started"),
        Row(f"follow-up model: training on {n:,} activities, total", total, "s",
            "< 180 s" if n >= ACTIVITY_ROWS else "", total < 180 if n >= ACTIVITY_ROWS else None),
    ]


def bench_latency(repeat: int = 300) -> list[Row]:
    """Warm latency of one recommendation, as the agent tool and the CLI make it, on the CRM database
    (the demo company) and on canonical files."""
    from sqlalchemy import select

    from copilot.crm.models import Contact
    from copilot.demo import generate
    from copilot.demo.generator import ANCHOR
    from copilot.settings import Settings
    from copilot.workspace import open_database
    from tools.followup import Timing

    home = workdir("followup-demo")
    settings = Settings(home=home, database_url=None)
    engine = open_database(settings)
    with engine.connect() as conn:
        emails = list(conn.scalars(select(Contact.email).order_by(Contact.id)))
    if not emails:
        from connectors.activities import import_activities
        from connectors.maven import import_maven

        data = home / "data"
        generate(data, deals=2000, seed=7, notes=False)
        assert import_maven(engine, data).committed
        assert import_activities(engine, data / "activities.csv", data / "contacts.csv").committed
        with engine.connect() as conn:
            emails = list(conn.scalars(select(Contact.email).order_by(Contact.id)))
    rows = []
    timing = Timing.for_database(engine, home)
    paths, _ = _planted_files(100_000)
    files = Timing.for_files(paths["activities"], paths["contacts"], paths["accounts"], home=home)
    file_emails = list(files.log.contacts)
    for label, t, pool in (("CRM database, demo company", timing, emails), ("canonical files, 100,000 rows", files,
                                                                             file_emails)):
        t.recommend(pool[0], ANCHOR)
        times = []
        for i in range(repeat):
            start = time.perf_counter()
            t.recommend(pool[(i * 7919) % len(pool)], ANCHOR)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p50, p95 = statistics.median(times), times[int(len(times) * 0.95)]
        rows += [Row(f"follow-up recommendation p50, warm ({label})", p50, "ms"),
                 Row(f"follow-up recommendation p95, warm ({label})", p95, "ms", "< 20 ms", p95 < 20)]
    return rows
