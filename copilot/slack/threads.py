"""Which conversation a Slack message belongs to: one Slack thread is one conversation per person."""

from __future__ import annotations

import hashlib


def thread_id(team: str, channel: str, thread_ts: str, user: str) -> str:
    """A checkpoint thread id derived from the Slack team, channel, thread and user: two people in one Slack
    thread each have their own conversation (and their own scope), and it is the same after a restart."""
    key = "\x1f".join((team or "", channel or "", thread_ts or "", user or ""))
    return "slack-" + hashlib.sha256(key.encode()).hexdigest()[:40]
