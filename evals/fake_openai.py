"""A local OpenAI-compatible HTTP server for tests: it speaks the chat-completions protocol (plain
and streamed), asks for one tool call, then answers from the tool result it is sent back."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from copilot.untrusted import unwrap


class FakeOpenAI:
    def __init__(self, tool_call: dict[str, Any], answer: str, fail: bool = False,
                 hold: threading.Barrier | None = None) -> None:
        """``hold``: each first request of a conversation waits there until the barrier's number of them are
        in flight at once (a model that answers only when it is called side by side)."""
        self.tool_call = tool_call
        self.answer = answer
        self.fail = fail
        self.hold = hold
        self.requests: list[dict[str, Any]] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.broken_holds = 0
        self._count = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - the http.server API
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
                if server.fail:
                    self.send_response(503)
                    self.end_headers()
                    return
                last = body["messages"][-1]
                if server.hold is not None and last["role"] != "tool":
                    with server._count:
                        server.in_flight += 1
                        server.most_in_flight = max(server.most_in_flight, server.in_flight)
                    try:
                        server.hold.wait()
                    except threading.BrokenBarrierError:
                        with server._count:
                            server.broken_holds += 1
                    finally:
                        with server._count:
                            server.in_flight -= 1
                if last["role"] == "tool":
                    result = json.loads(unwrap(last["content"]))  # tool results arrive inside a data block
                    message = {"role": "assistant", "content": server.answer.format(tool=result)}
                    finish = "stop"
                else:
                    message = {"role": "assistant", "content": None, "tool_calls": [{
                        "id": "call_abc123", "type": "function",
                        "function": {"name": server.tool_call["name"],
                                     "arguments": json.dumps(server.tool_call["args"])}}]}
                    finish = "tool_calls"
                usage = {"prompt_tokens": sum(len(json.dumps(m)) // 4 for m in body["messages"]),
                         "completion_tokens": 20, "total_tokens": 0}
                if body.get("stream"):
                    self._stream(message, finish, usage)
                else:
                    self._send({"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": body["model"],
                                "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                                "usage": usage})

            def _send(self, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, message: dict[str, Any], finish: str, usage: dict[str, Any]) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()

                def chunk(delta: dict[str, Any], reason: str | None = None) -> None:
                    payload = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 0, "model": "m",
                               "choices": [{"index": 0, "delta": delta, "finish_reason": reason}]}
                    self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())

                chunk({"role": "assistant", "content": ""})
                if message.get("tool_calls"):
                    tc = message["tool_calls"][0]
                    chunk({"tool_calls": [{"index": 0, "id": tc["id"], "type": "function",
                                           "function": {"name": tc["function"]["name"], "arguments": ""}}]})
                    args = tc["function"]["arguments"]
                    for i in range(0, len(args), 16):
                        chunk({"tool_calls": [{"index": 0, "function": {"arguments": args[i:i + 16]}}]})
                else:
                    text = message["content"]
                    for i in range(0, len(text), 12):
                        chunk({"content": text[i:i + 12]})
                chunk({}, finish)
                self.wfile.write(b"data: [DONE]\n\n")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
