"""Cards in Slack messages: a card that came in several messages (more text than one holds) changed in every one of
them, a card that shares its message with others (an answer's words, another draft, the feedback buttons) changed
alone, and what the app last showed in a message, for a change made where Slack does not say (a modal's save)."""

from __future__ import annotations

import time
from typing import Any

from slack_sdk import WebClient

from copilot.slack.blocks import CARD_START, card_span, fits, pieces, plain, with_earlier

MOVED = "This draft changed; its card is now in a new message below."
KEPT_DAYS = 30
"""days what a message showed is kept for (a card is edited or decided in the days after it is posted); the store
drops older records at most once an hour, as it writes"""
SWEEP_SECONDS = 3600.0
_swept: dict[int, float] = {}


def rewrite(client: WebClient, channel: str, old: list[str], parts: list[list[dict[str, Any]]], text: str, *,
            thread_ts: str | None = None, draft: str | None = None) -> list[tuple[str, list[dict[str, Any]]]]:
    """Put a card's new ``parts`` (one message's blocks each, in order) in place of the messages ``old`` (their ts, in
    order) that held the card before: the new card takes as many of them as it needs, its last part the last of
    them, and the ones before it are removed; a card longer than the old one goes on in new messages (in
    ``thread_ts``, if given). The buttons of draft ``draft``'s card (of every draft card, if None) carry the ts of the
    messages before theirs holding the rest of it (:func:`copilot.slack.blocks.with_earlier`). The messages now
    holding the card, in order: (ts, blocks)."""
    kept = old[max(len(old) - len(parts), 0):]
    shown: list[tuple[str, list[dict[str, Any]]]] = []
    for ts, part in zip(kept, parts):
        blocks = with_earlier(part, [t for t, _ in shown], draft)
        client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
        shown.append((ts, blocks))
    for part in parts[len(kept):]:
        blocks = with_earlier(part, [t for t, _ in shown], draft)
        posted = client.chat_postMessage(channel=channel, thread_ts=thread_ts or None, text=text, blocks=blocks,
                                         unfurl_links=False, unfurl_media=False)
        shown.append((str(posted.get("ts") or ""), blocks))
    for ts in old[:len(old) - len(kept)]:  # the old card's first messages, not needed by the new one
        client.chat_delete(channel=channel, ts=ts)
    return shown


def replace_card(client: WebClient, channel: str, old: list[str], message: list[dict[str, Any]] | None,
                 card: list[dict[str, Any]], text: str, *, thread_ts: str | None = None
                 ) -> list[tuple[str, list[dict[str, Any]]]]:
    """A draft's new ``card`` in place of its old one, which ends in the message ``old[-1]`` showing ``message`` (its
    blocks, if known) and began in ``old[0]``. Every other block of that message stays as it was: the new card takes
    the old one's blocks where the message still holds it within Slack's limits; otherwise, when other blocks come
    before the card (an answer's words, another draft), the card goes on in new messages of the thread and its old
    place says so; when only blocks after it (the feedback buttons) share the message, they follow the new card's
    last part. The messages written: (ts, blocks)."""
    draft = str(card[0].get("block_id") or "")[len(CARD_START):] if card else ""
    span = card_span(message, draft) if message else None
    parts = pieces(card)
    if message is None or span is None:  # the message is not known: the card is all of it
        return rewrite(client, channel, old, parts, text, thread_ts=thread_ts, draft=draft)
    before, after = message[:span[0]], message[span[1] + 1:]
    if fits([*before, *card, *after]):
        return rewrite(client, channel, old, [[*before, *card, *after]], text, thread_ts=thread_ts, draft=draft)
    if not before:
        if after:
            parts = [*parts[:-1], [*parts[-1], *after]] if fits([*parts[-1], *after]) else [*parts, after]
        return rewrite(client, channel, old, parts, text, thread_ts=thread_ts, draft=draft)
    moved = rewrite(client, channel, [], parts, text, thread_ts=thread_ts, draft=draft)
    pointer = {"type": "context", "elements": [plain(MOVED)]}
    return [*rewrite(client, channel, old, [[*before, pointer, *after]], text, thread_ts=thread_ts, draft=draft),
            *moved]


def remember(store: Any, channel: str, ts: str, blocks: list[dict[str, Any]], *, now: float | None = None) -> None:
    """Keep what message ``ts`` of ``channel`` shows now, for KEPT_DAYS; the records past theirs are dropped."""
    if not (channel and ts):
        return
    store.put(("slack_messages", channel), ts, {"blocks": blocks}, ttl=KEPT_DAYS * 24 * 60)
    now = time.monotonic() if now is None else now
    if now - _swept.get(id(store), -SWEEP_SECONDS) >= SWEEP_SECONDS:
        _swept[id(store)] = now
        store.sweep_ttl()


def recalled(store: Any, channel: str, ts: str) -> list[dict[str, Any]] | None:
    """What message ``ts`` of ``channel`` showed when the app last saw or changed it; None if it never did."""
    item = store.get(("slack_messages", channel), ts) if channel and ts else None
    blocks = (item.value or {}).get("blocks") if item is not None else None
    return blocks if isinstance(blocks, list) else None
