"""Review benchmarks: what review and exactly-once execution add to a turn, and an approval's latency.

On a copy of the Maven workspace (Kan-code marked key): a turn whose action the policy lets through
(stored, carried out, audited), a turn whose action waits for review, an approval that carries out a
stage change, and an approval of an e-mail handed to a local SMTP server through the outbox.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from evals.bench.common import Row

REPEAT = 15


def _ms(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def bench_review(repeat: int = REPEAT) -> list[Row]:
    from aiosmtpd.controller import Controller

    from copilot.actions import prepare, store
    from copilot.context import utc_now
    from copilot.crm.identity import identity_for
    from copilot.crm.names import Names
    from copilot.runner import Copilot
    from copilot.settings import Settings
    from copilot.workspace import open_database
    from evals.bench.agent import _maven_home

    class Sink:
        count = 0

        async def handle_DATA(self, server, session, envelope) -> str:  # noqa: ANN001, N802
            Sink.count += 1
            return "250 OK"

    source = _maven_home()
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "ws"
        shutil.copytree(source, home, ignore=shutil.ignore_patterns("memory.sqlite3*", "chroma"))
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(Sink(), hostname="127.0.0.1", port=port)
        controller.start()
        settings = Settings(home=home, database_url=None, llm="offline", smtp_host="127.0.0.1", smtp_port=port)
        engine = open_database(settings)
        with engine.begin() as conn:
            conn.execute(text("UPDATE accounts SET tier = 'key' WHERE name = 'Kan-code'"))
            deals = conn.execute(text(
                "SELECT o.id, u.name, m.name FROM opportunities o JOIN users u ON u.id = o.user_id "
                "JOIN users m ON m.id = u.manager_id JOIN accounts a ON a.id = o.account_id "
                "WHERE o.stage = 'Engaging' AND a.name = 'Kan-code' ORDER BY o.id")).all()
            contact = "buyer@kan-code.example"
            account_id = conn.execute(text("SELECT id FROM accounts WHERE name = 'Kan-code'")).scalar_one()
            conn.execute(text("INSERT INTO contacts (email, name, account_id) VALUES (:e, 'Bea Buyer', :a)"),
                         {"e": contact, "a": account_id})
        rep, manager = deals[0][1], deals[0][2]
        auto, waiting, approve, email = [], [], [], []
        with Copilot(settings, engine) as copilot:
            copilot.ask("How many deals are in Prospecting?", "ops")  # warm
            for i in range(repeat):
                start = time.perf_counter()
                done = copilot.ask(f"schedule a follow-up with Konex on 2026-12-{1 + i % 28:02d} at 10:00", "ops")
                auto.append(time.perf_counter() - start)
                assert "done" in done.answer, done.answer
            for i, (deal, owner, _) in enumerate(deals[:repeat]):
                start = time.perf_counter()
                paused = copilot.ask(f"move deal {deal} to won for $1,000", owner)
                waiting.append(time.perf_counter() - start)
                assert paused.pending_review, paused.answer
                start = time.perf_counter()
                copilot.decide(paused.pending_review["id"], manager if owner == rep else "ops", "approve")
                approve.append(time.perf_counter() - start)
            me = identity_for(engine, rep)
            names = Names.load(engine)
            for i in range(repeat):
                request = prepare(engine, settings, me, names, "send_email",
                                  {"account": "Kan-code", "to": contact, "subject": f"Pilot {i}",
                                   "body": "Shall we agree the pilot's scope?"},
                                  thread_id=f"bench-{i}", call_id="c", now=utc_now())
                stored, _ = store(engine, request, now=utc_now())
                start = time.perf_counter()
                result = copilot.decide(stored["id"], manager, "approve")
                email.append(time.perf_counter() - start)
                assert result.get("delivery") == "sent", result
        controller.stop()
        engine.dispose()
    assert Sink.count == repeat
    rows = []
    for name, times in (("turn with an action the policy lets through (stored, done, audited)", auto),
                        ("turn with an action that waits for review", waiting),
                        ("approval that carries out a stage change", approve),
                        ("approval of an e-mail: outbox + SMTP hand-off (local server)", email)):
        p50, p95 = _ms(times)
        rows.append(Row(name, p50, "ms p50", note=f"p95 {p95:.0f} ms, n={len(times)}"))
    return rows


if __name__ == "__main__":
    for row in bench_review():
        print(f"{row.name}: {row.value:.1f} {row.unit} ({row.note})")
