"""Agent benchmarks: warm turn latency (offline planner), cold `copilot ask`, and, against a local
OpenAI-compatible server, LLM round-trips and prompt size per single-tool question."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evals.bench.common import Row, workdir
from evals.bench.imports import MAVEN

DEV = Path(__file__).resolve().parents[3] / "shared" / "evals" / "crm_qa_dev.jsonl"
QUESTIONS = [
    ("ops", "How many deals has Darcel Schlecht won?"), ("ops", "Win rate for MG Special?"),
    ("ops", "Total won revenue for the East office?"), ("Darcel Schlecht", "How many open deals do I have?"),
    ("Melvin Marxen", "What's my team's win rate?"), ("ops", "Which product has brought in the most won revenue?"),
    ("ops", "How many deals did we win in March 2017?"), ("ops", "Average won deal size for GTK 500?"),
]


def _maven_home() -> Path:
    from connectors.maven import import_maven
    from copilot.settings import Settings
    from copilot.workspace import has_data, open_database

    home = workdir("agent-maven")
    engine = open_database(Settings(home=home, database_url=None))
    if not has_data(engine):
        assert import_maven(engine, MAVEN).committed
    engine.dispose()
    return home


def bench_warm(repeat: int = 5) -> list[Row]:
    from copilot.runner import Copilot
    from copilot.settings import Settings
    from copilot.workspace import open_database

    home = _maven_home()
    settings = Settings(home=home, database_url=None, llm="offline")
    engine = open_database(settings)
    times = []
    with Copilot(settings, engine) as copilot:
        for user, question in QUESTIONS:
            copilot.ask(question, user)  # warm caches
        for _ in range(repeat):
            for user, question in QUESTIONS:
                start = time.perf_counter()
                copilot.ask(question, user)
                times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p50, p95 = statistics.median(times), times[int(len(times) * 0.95)]
    return [Row("warm turn, CRM question, offline planner, p50", p50, "ms", "<= 50 ms", p50 <= 50,
                f"p95 {p95:.0f} ms over {len(times)} turns"),]


def bench_serialisation(repeat: int = 5) -> list[Row]:
    """What one-turn-at-a-time per conversation costs: the same turns on one thread, taking the conversation's
    lock (in the process and in the database) and not taking it, interleaved."""
    from copilot.runner import Copilot
    from copilot.settings import Settings
    from copilot.workspace import open_database

    home = _maven_home()
    settings = Settings(home=home, database_url=None, llm="offline")
    engine = open_database(settings)
    locked: list[float] = []
    bare: list[float] = []
    with Copilot(settings, engine) as copilot:
        for user, question in QUESTIONS:
            copilot.ask(question, user, thread_id=f"bench-warm-{user.replace(' ', '_')}")
        for round_ in range(repeat):
            for i, (user, question) in enumerate(QUESTIONS):
                thread = f"bench-{round_}-{i}"
                start = time.perf_counter()
                copilot.ask(question, user, thread_id=thread + "-locked")
                locked.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                copilot._ask(question, user, thread + "-bare", None)  # noqa: SLF001 - the turn without the lock
                bare.append((time.perf_counter() - start) * 1000)
    engine.dispose()
    with_lock, without = statistics.median(locked), statistics.median(bare)
    return [Row("warm turn with the conversation lock (in process + database row), p50", with_lock, "ms", "", None,
                f"without: p50 {without:.1f} ms; cost {with_lock - without:+.1f} ms "
                f"({with_lock / without:.2f}x), {len(locked)} turns each, SQLite")]


def bench_cold(repeat: int = 5) -> list[Row]:
    home = _maven_home()
    exe = Path(sys.executable).with_name("copilot")
    env = {**os.environ, "COPILOT_HOME": str(home), "COPILOT_LLM": "offline"}
    env.pop("COPILOT_DATABASE_URL", None)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run([str(exe), "ask", "How many deals are in Prospecting?", "--as", "ops"], env=env,
                              capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        assert done.returncode == 0 and "500" in done.stdout, done.stderr
    median = statistics.median(times)
    return [Row("cold `copilot ask`, process start to answer", median, "s", "<= 3 s", median <= 3,
                f"median of {repeat}")]


def bench_llm_round_trips() -> list[Row]:
    from copilot.runner import Copilot
    from copilot.settings import Settings
    from copilot.workspace import open_database
    from evals.fake_openai import FakeOpenAI

    home = _maven_home()
    call = {"name": "crm_query", "args": {"metrics": ["won_count"], "filters": {"rep": ["Darcel Schlecht"]}}}
    with FakeOpenAI(call, "Darcel Schlecht has won {tool[rows][0][won_count]} deals.") as server, \
            tempfile.TemporaryDirectory() as memory:
        settings = Settings(home=Path(memory), database_url=f"sqlite:///{home / 'crm.sqlite3'}", llm="openai",
                            openai_api_key="sk-bench", openai_base_url=server.url, llm_retries=0)
        engine = open_database(settings)
        with Copilot(settings, engine) as copilot:
            result = copilot.ask("How many deals has Darcel Schlecht won?", "ops")
        assert "349" in result.answer, result.answer
        trips = len(server.requests)
        chars = sum(len(json.dumps(r["body"]["messages"])) + len(json.dumps(r["body"].get("tools", [])))
                    for r in server.requests)
    return [
        Row("LLM round-trips, single-tool question", trips, "calls", "<= 2", trips <= 2),
        Row("prompt size per turn (all round-trips)", chars / 4, "tokens", "", None,
            f"~{chars:,} characters incl. tool schemas; tokens estimated at 4 characters each"),
    ]


def bench_reader(repeat: int = 3) -> list[Row]:
    """The offline planner's reading of a question alone (classifier, names, periods, frames), warm."""
    import datetime as dt

    from copilot.crm.identity import identity_for
    from copilot.crm.names import Names
    from copilot.planner.classify import TopicClassifier, classifier
    from copilot.planner.examples import EXAMPLES
    from copilot.planner.frames import Context
    from copilot.planner.reader import read
    from copilot.settings import Settings
    from copilot.workspace import open_database

    home = _maven_home()
    engine = open_database(Settings(home=home, database_url=None))
    names = Names.load(engine)
    start = time.perf_counter()
    TopicClassifier(EXAMPLES)
    train = time.perf_counter() - start
    questions = [(u, q) for u, q in QUESTIONS]
    dev2 = DEV.with_name("crm_qa_dev2.jsonl")
    if dev2.exists():
        questions += [(c["user"], c["input"]) for c in map(json.loads, dev2.read_text().splitlines())]
    identities = {u: identity_for(engine, u) for u, _ in questions}
    today = dt.date(2026, 11, 28)
    times = []
    for _ in range(repeat):
        for user, question in questions:
            classifier()._cache.clear()  # each reading from scratch, as for a question never seen
            t0 = time.perf_counter()
            read(question, names, identities[user], today, Context())
            times.append((time.perf_counter() - t0) * 1000)
    engine.dispose()
    times.sort()
    p50, p95 = statistics.median(times), times[int(len(times) * 0.95)]
    return [Row("reader, one new question (warm process), p50", p50, "ms", "", None, f"p95 {p95:.1f} ms over {len(times)}"),
            Row("reader, topic classifier fit (only when the examples change; the weights ship)", train, "s", "",
                None, "TF-IDF char + word n-grams, SGD logistic loss")]
