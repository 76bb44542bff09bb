"""Slack app benchmarks over real HTTP on localhost: how fast a signed event is acknowledged when 200 arrive 20 at a
time (Slack wants an answer within 3 s), that every one is answered exactly once, and the time from an event to its
posted answer, against a local fake of Slack's Web API."""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from evals.bench.agent import _maven_home
from evals.bench.common import Row

SECRET = "bench-signing-secret"
EVENTS = 200
AT_ONCE = 20
QUIET = 20


def _start_app(home: Any, api_url: str) -> tuple[subprocess.Popen[bytes], str]:
    """``python slack_app.py`` in its own process, as it runs in production (HTTP mode on a free port)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COPILOT_", "OPENAI_"))}
    env.update(COPILOT_HOME=str(home), COPILOT_LLM="offline", SLACK_BOT_TOKEN="xoxb-bench",
               SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=api_url, PORT=str(port))
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen([sys.executable, str(root / "slack_app.py")], env=env, cwd=root,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"slack_app.py stopped: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("slack_app.py did not start within 120 s")


def bench_slack(events: int = EVENTS) -> list[Row]:
    from sqlalchemy import update

    from copilot.crm.models import User
    from copilot.settings import Settings
    from copilot.workspace import open_database
    from evals.slack_fake import fake_slack, signed_post

    home = _maven_home()
    engine = open_database(Settings(home=home, database_url=None))
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Darcel Schlecht").values(slack_user_id="UBENCH"))
    engine.dispose()
    run = f"{time.time():.0f}"
    sent: dict[str, float] = {}
    with fake_slack() as slack:
        process, base = _start_app(home, slack.url)
        try:

            def send(i: int) -> float:
                ts = f"1800000000.{i:06d}"
                body = json.dumps({"type": "event_callback", "team_id": "T1", "api_app_id": "A1",
                                   "event_id": f"EvBench{run}-{i}", "event_time": int(time.time()),
                                   "event": {"type": "app_mention", "user": "UBENCH", "channel": "CBENCH", "ts": ts,
                                             "event_ts": ts, "text": "<@UBOT> how many open deals do I have?"}})
                start = time.perf_counter()
                sent[ts] = time.monotonic()
                assert signed_post(base, body, SECRET) == 200
                return (time.perf_counter() - start) * 1000

            send(events + QUIET)  # the first answer warms the process up (name index, planner)
            deadline = time.monotonic() + 60
            while not slack.called("chat.postMessage") and time.monotonic() < deadline:
                time.sleep(0.05)
            slack.calls.clear()
            slack.post_times.clear()
            with ThreadPoolExecutor(AT_ONCE) as pool:
                acks = sorted(pool.map(send, range(events)))
            deadline = time.monotonic() + 120
            while len(slack.called("chat.postMessage")) < events and time.monotonic() < deadline:
                time.sleep(0.05)
            done = time.monotonic()
            time.sleep(1.0)  # a second answer to any event would arrive now
            posts = slack.called("chat.postMessage")
            # then one question at a time, as a rep sees it on a quiet app
            alone: list[float] = []
            for i in range(events, events + QUIET):
                send(i)
                ts = f"1800000000.{i:06d}"
                wait_until = time.monotonic() + 30
                while ts not in slack.post_times and time.monotonic() < wait_until:
                    time.sleep(0.002)
                alone.append(slack.post_times.get(ts, time.monotonic()) - sent[ts])
        finally:
            process.terminate()
            process.wait(30)
    alone.sort()
    threads = [p.get("thread_ts") for p in posts]
    once = len(threads) == events and len(set(threads)) == events
    answered = [p for p in posts if "194" in json.dumps(p.get("blocks"))]  # Darcel Schlecht's open deals
    # time to answer: from each event's send to the moment the fake recorded its answer
    latency = sorted(slack.post_times.get(ts, done) - sent[ts] for ts in list(sent)[1:events + 1])
    p50, p99 = statistics.median(acks), acks[int(len(acks) * 0.99) - 1]
    return [Row(f"Slack ack, {events} events {AT_ONCE} at a time, p50", p50, "ms", "", None, f"p99 {p99:.0f} ms"),
            Row("Slack ack p99", p99, "ms", "< 300 ms", p99 < 300, "python slack_app.py: HTTP, signed, uvicorn + Bolt"),
            Row("Slack answers delivered exactly once", float(len(set(threads))), "answers", f"== {events}",
                once and len(answered) == events, f"{len(posts)} posts for {events} events"),
            Row(f"Slack event to posted answer, CRM question, {AT_ONCE} at a time, p50", statistics.median(latency) * 1000,
                "ms", "", None, f"p95 {latency[int(len(latency) * 0.95) - 1] * 1000:.0f} ms"),
            Row("Slack event to posted answer, CRM question, one at a time, p50", statistics.median(alone) * 1000, "ms",
                "", None, f"p95 {alone[max(int(len(alone) * 0.95) - 1, 0)] * 1000:.0f} ms, {len(alone)} questions")]
