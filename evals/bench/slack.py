"""Slack app benchmarks over real HTTP on localhost: how fast a signed event is acknowledged when 200 arrive 20 at a
time (Slack wants an answer within 3 s), that every one is answered exactly once, and the time from an event to its
posted answer, against a local fake of Slack's Web API."""

from __future__ import annotations

import json
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

from evals.bench.agent import _maven_home
from evals.bench.common import Row

SECRET = "bench-signing-secret"
EVENTS = 200
AT_ONCE = 20


def bench_slack(events: int = EVENTS) -> list[Row]:
    from sqlalchemy import update

    from copilot.crm.models import User
    from copilot.services import build_services
    from copilot.settings import Settings
    from copilot.slack.app import asgi, build_app
    from copilot.workspace import open_database
    from evals.slack_fake import fake_slack, serve, signed_post

    home = _maven_home()
    engine = open_database(Settings(home=home, database_url=None))
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Darcel Schlecht").values(slack_user_id="UBENCH"))
    run = f"{time.time():.0f}"
    sent: dict[str, float] = {}
    with fake_slack() as slack:
        settings = Settings(home=home, database_url=None, llm="offline", slack_bot_token="xoxb-bench",
                            slack_signing_secret=SECRET, slack_api_url=slack.url)
        with build_services(settings, engine=engine) as services, serve(asgi(build_app(services))) as base:

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

            with ThreadPoolExecutor(AT_ONCE) as pool:
                acks = sorted(pool.map(send, range(events)))
            deadline = time.monotonic() + 120
            while len(slack.called("chat.postMessage")) < events and time.monotonic() < deadline:
                time.sleep(0.05)
            done = time.monotonic()
    posts = slack.called("chat.postMessage")
    threads = [p.get("thread_ts") for p in posts]
    once = len(threads) == events and len(set(threads)) == events
    answered = [p for p in posts if "194" in json.dumps(p.get("blocks"))]  # Darcel Schlecht's open deals
    # time to answer: from each event's send to the moment the fake recorded its answer
    latency = sorted(slack.post_times.get(ts, done) - sent[ts] for ts in sent)
    p50, p99 = statistics.median(acks), acks[int(len(acks) * 0.99) - 1]
    return [Row(f"Slack ack, {events} events {AT_ONCE} at a time, p50", p50, "ms", "", None, f"p99 {p99:.0f} ms"),
            Row("Slack ack p99", p99, "ms", "< 300 ms", p99 < 300, "HTTP, signed, uvicorn + Bolt"),
            Row("Slack answers delivered exactly once", float(len(set(threads))), "answers", f"== {events}",
                once and len(answered) == events, f"{len(posts)} posts for {events} events"),
            Row("Slack event to posted answer, CRM question, p50", statistics.median(latency) * 1000, "ms", "", None,
                f"p95 {latency[int(len(latency) * 0.95) - 1] * 1000:.0f} ms")]
