"""A card that came in several Slack messages (more text than one holds), changed in every one of them."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient

from copilot.slack.blocks import with_earlier


def rewrite(client: WebClient, channel: str, old: list[str], parts: list[list[dict[str, Any]]], text: str, *,
            thread_ts: str | None = None) -> list[str]:
    """Put a card's new ``parts`` (one message's blocks each, in order) in place of the messages ``old`` (their ts, in
    order) that held the card before: the new card takes as many of them as it needs, its last part the last of
    them, and the ones before it are removed; a card longer than the old one goes on in new messages (in
    ``thread_ts``, if given). A draft card's buttons carry the ts of the messages before theirs holding the rest of
    it (:func:`copilot.slack.blocks.with_earlier`). The ts of the messages now holding the card, in order."""
    kept = old[max(len(old) - len(parts), 0):]
    shown: list[str] = []
    for ts, part in zip(kept, parts):
        client.chat_update(channel=channel, ts=ts, text=text, blocks=with_earlier(part, shown))
        shown.append(ts)
    for part in parts[len(kept):]:
        posted = client.chat_postMessage(channel=channel, thread_ts=thread_ts or None, text=text,
                                         blocks=with_earlier(part, shown), unfurl_links=False, unfurl_media=False)
        shown.append(str(posted.get("ts") or ""))
    for ts in old[:len(old) - len(kept)]:  # the old card's first messages, not needed by the new one
        client.chat_delete(channel=channel, ts=ts)
    return shown
