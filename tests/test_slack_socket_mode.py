"""Socket Mode: the app opens a connection with ``apps.connections.open`` and takes events over a WebSocket,
here from a local server that plays Slack's side (hello, an event envelope, and the app's ack)."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from pathlib import Path

import websockets
from sqlalchemy import Engine, update

from copilot.crm.models import User
from copilot.services import build_services
from copilot.settings import Settings
from copilot.slack.app import build_app
from tests import world
from evals.slack_fake import fake_slack


def test_socket_mode_takes_an_event_acks_it_and_answers(engine: Engine, tmp_path: Path) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    world.build(engine)
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Rick Rep").values(slack_user_id="URICK"))
    acks: list[dict] = []
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    port: list[int] = []
    stop: list[asyncio.Future] = []
    envelope = {"envelope_id": "env-1", "type": "events_api", "accepts_response_payload": False, "payload": {
        "type": "event_callback", "team_id": "T1", "api_app_id": "A1", "event_id": "EvSocket",
        "event_time": int(time.time()),
        "event": {"type": "app_mention", "user": "URICK", "text": "<@UBOT> how many open deals do I have?",
                  "ts": "1700000000.000700", "channel": "C7", "event_ts": "1700000000.000700"}}}

    async def slack_side(ws) -> None:  # noqa: ANN001
        await ws.send(json.dumps({"type": "hello", "num_connections": 1}))
        await ws.send(json.dumps(envelope))
        async for message in ws:
            acks.append(json.loads(message))

    async def serve() -> None:
        async with websockets.serve(slack_side, "127.0.0.1", 0) as server:
            port.append(server.sockets[0].getsockname()[1])
            stop.append(loop.create_future())
            ready.set()
            await stop[0]

    thread = threading.Thread(target=lambda: loop.run_until_complete(serve()), daemon=True)
    thread.start()
    assert ready.wait(10)
    with fake_slack() as slack:
        slack.socket_url = f"ws://127.0.0.1:{port[0]}/link"
        settings = Settings(home=tmp_path / "home", database_url=engine.url.render_as_string(hide_password=False),
                            llm="offline", slack_bot_token="xoxb-test", slack_app_token="xapp-test",
                            slack_api_url=slack.url)
        with build_services(settings, engine=engine) as services:
            handler = SocketModeHandler(build_app(services), "xapp-test")
            handler.client.api_url = slack.url  # the WebClient the Socket Mode client opens connections with
            handler.client.web_client.base_url = slack.url
            handler.connect()
            try:
                deadline = time.monotonic() + 20
                while time.monotonic() < deadline and not slack.called("chat.postMessage"):
                    time.sleep(0.05)
                (posted,) = slack.called("chat.postMessage")
                assert posted["channel"] == "C7" and posted["thread_ts"] == "1700000000.000700"
                assert "for you: 4" in json.dumps(posted["blocks"])
                assert {"envelope_id": "env-1"} in acks or any(a.get("envelope_id") == "env-1" for a in acks)
                assert slack.called("apps.connections.open")
            finally:
                handler.close()
    loop.call_soon_threadsafe(stop[0].set_result, None)
    thread.join(10)
