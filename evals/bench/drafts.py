"""Draft benchmarks on the demo company: one e-mail draft (the tool alone), a revision turn in a conversation
("make it shorter", offline planner), and the suggested plays of a talk-track question."""

from __future__ import annotations

import statistics
import time

from evals.bench.common import Row


def _percentiles(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def bench_drafts(requests: int = 20) -> list[Row]:
    from sqlalchemy import text

    from copilot.crm.identity import identity_for
    from copilot.demo import ANCHOR
    from copilot.runner import Copilot
    from copilot.settings import Settings
    from copilot.workspace import open_database
    from evals.retrieval.run import DEFAULT_HOME, prepare
    from tools.email_draft import draft_email
    from tools.talk_tracks.plays import suggest_plays

    store = prepare(DEFAULT_HOME)
    settings = Settings(home=DEFAULT_HOME, database_url=None, llm="offline")
    engine = open_database(settings)
    now = ANCHOR.replace(tzinfo=None)
    with engine.connect() as conn:
        pairs = conn.execute(text(
            "SELECT DISTINCT u.name, a.name FROM opportunities o JOIN users u ON u.id = o.user_id "
            "JOIN accounts a ON a.id = o.account_id WHERE o.stage = 'Engaging' ORDER BY a.name LIMIT :n"),
            {"n": requests}).all()
    asks = ["proposing a phased rollout to answer their price concern", "about the security review",
            "offering a pilot", "about integration, no discount"]
    tool, turn, plays = [], [], []
    draft_email(engine, identity_for(engine, pairs[0][0]), {"account": pairs[0][1]}, now=now, store=store)  # warm
    with Copilot(settings, engine, clock=lambda: now, retriever=lambda: store) as copilot:
        for i, (rep, account) in enumerate(pairs):
            identity = identity_for(engine, rep)
            start = time.perf_counter()
            draft_email(engine, identity, {"account": account, "purpose": asks[i % len(asks)]}, now=now, store=store)
            tool.append((time.perf_counter() - start) * 1000)
            thread = f"bench-{i}"
            copilot.ask(f"Draft an email to {account} {asks[i % len(asks)]}", rep, thread)
            start = time.perf_counter()
            copilot.ask("make it shorter", rep, thread)
            turn.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            suggest_plays(engine, store, identity, "their security team needs a full review before any purchase")
            plays.append((time.perf_counter() - start) * 1000)
    rows = []
    for label, times in (("e-mail draft (tool), p50", tool), ("draft revision turn ('make it shorter'), p50", turn),
                         ("suggested plays for an objection, p50", plays)):
        p50, p95 = _percentiles(times)
        rows.append(Row(label, p50, "ms", note=f"p95 {p95:.0f} ms over {len(times)}, demo company"))
    return rows
