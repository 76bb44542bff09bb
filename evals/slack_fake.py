"""A local fake of Slack's Web API, for the Slack app's tests and benchmarks: an HTTP server on 127.0.0.1 that answers the
methods the app calls and records every call (method, arguments) for the tests to check."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs


@dataclass
class FakeSlack:
    url: str = ""
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    profiles: dict[str, dict[str, Any]] = field(default_factory=dict)  # Slack user id -> profile
    users: dict[str, dict[str, Any]] = field(default_factory=dict)  # Slack user id -> other user fields (tz, ...)
    failures: dict[str, list[int]] = field(default_factory=dict)  # method -> HTTP statuses to answer first
    retry_after: str = "0"  # the Retry-After of a 429
    refusals: dict[str, list[str | None]] = field(default_factory=dict)  # method -> Slack errors (ok: false) to
    # answer first, in order; None: that call is answered as usual
    socket_url: str = ""  # what apps.connections.open hands out (Socket Mode)
    enterprise_id: str = ""  # the Enterprise Grid organisation the app is installed in, if any (auth.test)
    post_times: dict[str, float] = field(default_factory=dict)  # thread_ts -> when its answer was posted
    messages: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # (channel, ts) -> what a channel
    # shows now: the arguments of the message as posted, then as updated; a deleted one is gone
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def shown(self, channel: str, thread_ts: str) -> list[dict[str, Any]]:
        """The messages of a thread as its channel shows them now (posted, updated, not deleted), in order."""
        with self._lock:
            return [m for (ch, ts), m in sorted(self.messages.items(), key=lambda kv: kv[0][1])
                    if ch == channel and (m.get("thread_ts") == thread_ts or ts == thread_ts)]

    def called(self, method: str) -> list[dict[str, Any]]:
        with self._lock:
            return [args for m, args in self.calls if m == method]

    def wait(self, method: str, count: int = 1, seconds: float = 20) -> list[dict[str, Any]]:
        """The calls of ``method`` once there are ``count`` of them; AssertionError (with every call) after
        ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            calls = self.called(method)
            if len(calls) >= count:
                return calls
            time.sleep(0.05)
        raise AssertionError(f"{method} was called {len(self.called(method))} times, expected {count}: {self.calls}")

    def answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self.calls.append((method, args))
            refused = self.refusals.get(method) or []
            error = refused.pop(0) if refused else None
            if error is not None:
                return {"ok": False, "error": error}
        if method in ("chat.postMessage", "chat.postEphemeral", "chat.update", "chat.scheduleMessage"):
            refusal = _too_long(args.get("blocks"))
            if refusal:
                return {"ok": False, "error": refusal}
        if method in ("views.publish", "views.open", "views.update", "views.push"):
            refusal = _view_refused(args.get("view"))
            if refusal:
                return {"ok": False, "error": "invalid_arguments", "response_metadata": {"messages": [refusal]}}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.socket_url}
        if method == "auth.test":
            return {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1", "team": "Team",
                    **({"enterprise_id": self.enterprise_id} if self.enterprise_id else {})}
        if method == "users.info":
            user = args.get("user", "")
            if user not in self.profiles:
                return {"ok": False, "error": "user_not_found"}
            # a member of the workspace the app is installed in (auth.test's T1) unless ``users`` says otherwise
            return {"ok": True, "user": {"team_id": "T1", **self.users.get(user, {}), "id": user,
                                         "profile": self.profiles[user]}}
        if method == "chat.postMessage" and args.get("thread_ts"):
            with self._lock:
                self.post_times.setdefault(str(args["thread_ts"]), time.monotonic())
        if method == "chat.scheduleMessage":
            post_at = int(args.get("post_at") or 0)
            if post_at <= time.time():
                return {"ok": False, "error": "time_in_past"}
            if post_at > time.time() + 120 * 86400:
                return {"ok": False, "error": "time_too_far"}
            return {"ok": True, "channel": args.get("channel"), "post_at": post_at,
                    "scheduled_message_id": f"Q{len(self.calls):08d}"}
        if method == "views.open":
            return {"ok": True, "view": {"id": f"V{len(self.calls):06d}"}}
        if method in ("chat.update", "chat.delete"):
            key = (str(args.get("channel") or ""), str(args.get("ts") or ""))
            with self._lock:
                if key not in self.messages and key[1] in {k[1] for k in self.messages}:
                    return {"ok": False, "error": "message_not_found"}  # a message of this fake, gone or elsewhere
                if method == "chat.delete":
                    self.messages.pop(key, None)
                elif key in self.messages:
                    self.messages[key] = {**self.messages[key], **args}
            return {"ok": True, "channel": key[0], "ts": key[1]}
        if method in ("chat.postMessage", "chat.postEphemeral"):
            ts = f"1700000000.{len(self.calls):06d}"
            if method == "chat.postMessage":
                with self._lock:
                    self.messages[(str(args.get("channel") or "C1"), ts)] = {**args, "ts": ts}
            return {"ok": True, "channel": args.get("channel", "C1"), "ts": ts,
                    **({"message_ts": ts} if method == "chat.postEphemeral" else {})}
        return {"ok": True}


BLOCKS_TEXT_LIMIT = 13_000
"""about where Slack starts answering ``msg_blocks_too_long``: the characters of a message's blocks' texts together"""


def _texts(value: Any) -> int:
    if isinstance(value, list):
        return sum(_texts(v) for v in value)
    if isinstance(value, dict):
        return sum(len(v) if k == "text" and isinstance(v, str) else _texts(v) for k, v in value.items())
    return 0


def _too_long(blocks: Any) -> str | None:
    """The error Slack answers a message whose blocks it will not take for their number or length, else None."""
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except json.JSONDecodeError:
            return "invalid_blocks_format"
    if not isinstance(blocks, list):
        return None
    if len(blocks) > 50 or any(_block_refused(block) for block in blocks):
        return "invalid_blocks"
    return "msg_blocks_too_long" if _texts(blocks) > BLOCKS_TEXT_LIMIT else None


VIEW_BLOCKS = 100
"""Slack's most blocks in a view (an App Home tab or a modal)"""
TEXT_LIMITS = {"section": 3000, "header": 150}
"""the longest text of a block of each type Slack takes"""


def _block_refused(block: Any) -> str | None:
    """What Slack would refuse in one block (its documented limits on texts, fields and elements), else None."""
    if not isinstance(block, dict) or not isinstance(block.get("type"), str):
        return "a block is not an object with a type"
    kind = block["type"]
    text = block.get("text")
    if isinstance(text, dict):
        if not isinstance(text.get("text"), str) or not text["text"]:
            return f"a {kind}'s text is empty"
        if kind in TEXT_LIMITS and len(text["text"]) > TEXT_LIMITS[kind]:
            return f"a {kind}'s text is {len(text['text'])} characters, more than {TEXT_LIMITS[kind]}"
        if kind == "header" and text.get("type") != "plain_text":
            return "a header's text is not plain_text"
    if len(str(block.get("block_id") or "")) > 255:
        return "a block_id is longer than 255 characters"
    fields = block.get("fields") or []
    if len(fields) > 10 or any(len(str(f.get("text") or "")) > 2000 for f in fields if isinstance(f, dict)):
        return f"a {kind} has more than 10 fields or a field longer than 2000 characters"
    elements = block.get("elements") or []
    if kind == "context" and len(elements) > 10:
        return "a context block has more than 10 elements"
    if kind == "actions" and len(elements) > 25:
        return "an actions block has more than 25 elements"
    for element in elements:
        if isinstance(element, dict) and element.get("type") == "button":
            if len(str((element.get("text") or {}).get("text") or "")) > 75 or len(str(element.get("value") or "")) > 2000:
                return "a button's text is longer than 75 characters or its value longer than 2000"
    return None


def _view_refused(view: Any) -> str | None:
    """What Slack would refuse in a view (views.publish, views.open), else None: more than VIEW_BLOCKS blocks, or a
    block past its limits."""
    if isinstance(view, str):
        try:
            view = json.loads(view)
        except json.JSONDecodeError:
            return "the view is not JSON"
    if not isinstance(view, dict) or not isinstance(view.get("blocks"), list):
        return "the view has no blocks"
    if len(view["blocks"]) > VIEW_BLOCKS:
        return f"the view has {len(view['blocks'])} blocks, more than {VIEW_BLOCKS}"
    return next((problem for problem in map(_block_refused, view["blocks"]) if problem), None)


@contextmanager
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode()
            if "json" in (self.headers.get("Content-Type") or ""):
                args = json.loads(body or "{}")
            else:
                args = {k: v[0] for k, v in parse_qs(body).items()}
            method = self.path.rstrip("/").rsplit("/", 1)[-1]
            with fake._lock:
                queued = fake.failures.get(method) or []
                status = queued.pop(0) if queued else 200
                if status != 200:
                    fake.calls.append((f"{method}:{status}", args))
            if status != 200:  # a rate limit (with Retry-After) or a server error, as Slack sends them
                payload = json.dumps({"ok": False, "error": "ratelimited" if status == 429 else "fatal_error"}).encode()
                self.send_response(status)
                if status == 429:
                    self.send_header("Retry-After", fake.retry_after)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                return
            payload = json.dumps(fake.answer(method, args)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_port}/api/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve(asgi_app: Any) -> Iterator[str]:
    """``asgi_app`` under uvicorn on a free localhost port, for the block; yields its base URL."""
    import socket

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(asgi_app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def signed_post(base: str, body: str, secret: str, *, form: bool = False, age: int = 0) -> int:
    """POST ``body`` to ``/slack/events`` signed as Slack signs it (``age`` seconds old); the HTTP status."""
    return signed_exchange(base, body, secret, form=form, age=age)[0]


def signed_exchange(base: str, body: str, secret: str, *, form: bool = False, age: int = 0) -> tuple[int, str]:
    """As :func:`signed_post`; the HTTP status and the response's body (a modal's errors come back in it)."""
    import urllib.error
    import urllib.request

    from slack_sdk.signature import SignatureVerifier

    ts = str(int(time.time()) - age)
    request = urllib.request.Request(f"{base}/slack/events", data=body.encode(), method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded" if form else "application/json",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, ""
