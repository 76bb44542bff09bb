"""Local servers that misbehave on purpose: one that accepts connections and never answers, and one that answers
one byte at a time, slowly and forever. Every dependency (PostgreSQL, Chroma, the model endpoint, SMTP) is tested
against both."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def misbehaving(mode: str, payload: bytes = b"HTTP/1.1 200 OK\r\nX-Slow: ", every: float = 0.5) -> Iterator[int]:
    """A server on a free local port for the block: ``silent`` accepts and never sends; ``drip`` sends ``payload``
    (then spaces) one byte every ``every`` seconds. Yields the port."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.settimeout(0.2)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve(conn: socket.socket) -> None:
        position = 0
        while not stop.is_set():
            if mode == "drip":
                byte = payload[position:position + 1] or b" "
                try:
                    conn.sendall(byte)
                except OSError:
                    return
                position += 1
            time.sleep(every if mode == "drip" else 0.1)

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            held.append(conn)
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(2)
        for conn in held:
            conn.close()
        listener.close()
