"""A real SMTP server for tests (aiosmtpd on a free local port) that keeps what it receives."""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Callable
from email import message_from_bytes
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller


class Inbox:
    """The aiosmtpd handler: every accepted message with its envelope's recipients (``rcpt_tos``, in the same
    order), and an optional hook run when one arrives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.rcpt_tos: list[list[str]] = []
        self.on_data: Callable[[], None] | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's API
        self.rcpt_tos.append(list(envelope.rcpt_tos))
        self.messages.append(message_from_bytes(envelope.content))
        if self.on_data is not None:
            self.on_data()
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start() -> tuple[Controller, Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, inbox


def kill_on_data(inbox: Inbox, pid: Callable[[], int]) -> None:
    """Kill the sending process the moment the server has the message: after the hand-off, before its record."""
    inbox.on_data = lambda: os.kill(pid(), signal.SIGKILL)
