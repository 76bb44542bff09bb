"""A deadline on a call into something outside the process (a model endpoint, a Chroma server): the caller gets
its result or :class:`DeadlineExceeded` on time, however the other side behaves. A server that never answers, or
that sends one byte every few seconds, costs the caller its deadline and no more."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from copilot.crm.errors import ToolError

T = TypeVar("T")


class DeadlineExceeded(ToolError, TimeoutError):
    """The other side did not answer in time."""


def within(seconds: float, call: Callable[[], T], what: str = "the call",
           error: type[DeadlineExceeded] = DeadlineExceeded) -> T:
    """``call()``'s result, or ``error`` after ``seconds`` in all. The call runs in a daemon thread that is left to
    end on its own (its own socket timeouts end it); nothing waits for it."""
    box: dict[str, Any] = {}
    done = threading.Event()

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=run, name="deadline-call", daemon=True).start()
    if not done.wait(seconds):
        raise error(f"{what} did not answer within {seconds:g} s")
    if "error" in box:
        raise box["error"]
    return box["value"]
