"""Reminder DMs for scheduled follow-ups: a message Slack posts to the rep at the follow-up's moment
(``chat.scheduleMessage``), set when the follow-up task exists (at once, or once its approver approves it)."""

from __future__ import annotations

import datetime as dt
import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from copilot.slack.blocks import escape

log = logging.getLogger("copilot.slack")


def remind(client: WebClient, slack_user: str, at: dt.datetime, text: str) -> str:
    """Schedule ``text`` as a DM to ``slack_user`` at ``at`` (naive means UTC); a sentence saying what was set."""
    when = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    try:
        client.chat_scheduleMessage(channel=slack_user, post_at=int(when.timestamp()), text=escape(text),
                                    unfurl_links=False)
    except SlackApiError as exc:  # in the past, more than 120 days ahead, or Slack refused it
        log.warning("reminder not scheduled: %s", exc.response.get("error"))
        return "I could not set a reminder DM for that time, so check your follow-ups in my Home tab."
    return "I will remind you by DM at that moment."
