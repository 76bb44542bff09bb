"""Import benchmarks: the Maven export, and a generated file of a million activities."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evals.bench.common import Row, median_seconds, workdir

MAVEN = Path(__file__).resolve().parents[3] / "shared" / "data" / "maven-crm"
ACTIVITY_ROWS = 1_000_000


def _fresh_engine(directory: Path, name: str, url: str | None = None):  # noqa: ANN202
    from copilot.crm.db import connect, migrate
    from copilot.settings import Settings

    engine = connect(Settings(home=directory), url=url or f"sqlite:///{directory / name}")
    migrate(engine)
    return engine


def bench_maven(repeat: int = 5) -> list[Row]:
    from connectors.maven import import_maven

    if not MAVEN.is_dir():
        return [Row("maven import (8,800 deals)", float("nan"), "s", "< 5 s", None, f"no data at {MAVEN}")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        counter = iter(range(1000))

        def fresh_import() -> None:
            engine = _fresh_engine(Path(tmp), f"m{next(counter)}.sqlite3")
            assert import_maven(engine, MAVEN).committed
            engine.dispose()

        median, _ = median_seconds(fresh_import, repeat)
        rows.append(Row("maven import, fresh SQLite (incl. schema)", median, "s", "< 5 s", median < 5))
        engine = _fresh_engine(Path(tmp), "again.sqlite3")
        import_maven(engine, MAVEN)
        again, _ = median_seconds(lambda: import_maven(engine, MAVEN), repeat)
        rows.append(Row("maven re-import, nothing changed", again, "s", "< 5 s", again < 5))
        engine.dispose()
    pg = os.environ.get("COPILOT_BENCH_POSTGRES_URL") or os.environ.get("COPILOT_TEST_POSTGRES_URL")
    if pg:
        rows.append(_maven_postgres(pg, repeat))
    return rows


def _maven_postgres(url: str, repeat: int) -> Row:
    """The same import on PostgreSQL, in a scratch schema dropped afterwards."""
    from sqlalchemy import create_engine, text

    from connectors.maven import import_maven

    admin = create_engine(url)
    schema = f"bench_{os.getpid()}"
    counter = iter(range(1000))
    try:
        def fresh_import() -> None:
            name = f"{schema}_{next(counter)}"
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{name}"'))
            engine = _fresh_engine(Path(tempfile.gettempdir()), "unused",
                                   url=f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{name}")
            assert import_maven(engine, MAVEN).committed
            engine.dispose()
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))

        median, _ = median_seconds(fresh_import, repeat)
        return Row("maven import, fresh PostgreSQL (incl. schema)", median, "s", "< 5 s", median < 5)
    finally:
        admin.dispose()


def _activity_files(rows: int) -> Path:
    """A generated company whose activities file has ``rows`` rows (cached between runs)."""
    from copilot.demo import generate

    folder = workdir(f"activities-{rows}")
    stamp = folder / "done"
    if not stamp.exists():
        files = generate(folder, deals=100_000, seed=1, max_activities=rows, notes=False)
        if files.activities < rows:
            raise RuntimeError(f"generator produced only {files.activities:,} activity rows")
        stamp.write_text("ok")
    return folder


def _child_import(folder: str, database: str) -> None:
    """Runs in a fresh process so its peak memory is the import's own."""
    from connectors.activities import import_activities
    from connectors.maven import import_maven

    engine = _fresh_engine(Path(database).parent, Path(database).name)
    import_maven(engine, Path(folder))
    import_activities(engine, None, Path(folder) / "contacts.csv")
    results = {}
    for label in ("first", "again"):
        start = time.perf_counter()
        report = import_activities(engine, Path(folder) / "activities.csv")
        results[label] = {"seconds": time.perf_counter() - start, "rows": report.totals.read,
                          "committed": report.committed, "rejected": report.rejected_total}
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(results))


def bench_activities(rows: int = ACTIVITY_ROWS) -> list[Row]:
    folder = _activity_files(rows)
    database = workdir("db") / "activities.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.run(
        [sys.executable, "-c", f"from evals.bench.imports import _child_import; _child_import({str(folder)!r}, "
                               f"{str(database)!r})"],
        capture_output=True, text=True, env=env, check=False,
    )
    if proc.returncode:
        raise RuntimeError(f"activity import benchmark failed:\n{proc.stderr[-2000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    first, again = result["first"], result["again"]
    assert first["committed"] and first["rejected"] == 0, first
    rate = first["rows"] / first["seconds"]
    rerate = again["rows"] / again["seconds"]
    peak = result["peak_rss_mb"]
    shutil.rmtree(database.parent, ignore_errors=True)
    return [
        Row(f"activities import, {first['rows']:,} rows (SQLite)", rate, "rows/s", ">= 20,000", rate >= 20_000,
            f"{first['seconds']:.1f} s"),
        Row("activities re-import, nothing changed", rerate, "rows/s", "", None, f"{again['seconds']:.1f} s"),
        Row("activities import, peak RSS of the process", peak, "MB", "< 500 MB", peak < 500),
    ]
