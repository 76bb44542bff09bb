"""Approval cards: a request that waits for review is posted to its approver (a DM to the requester's manager, or
``COPILOT_REVIEW_CHANNEL``) with Approve and Reject. The decider is the Slack user who clicked, mapped to their CRM
user and checked by the review policy, exactly as on the command line; the card then says who decided and the
rep's thread shows the outcome. A second click, or a click by someone not allowed, changes nothing and says why."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from sqlalchemy import select
from sqlalchemy.orm import aliased

from copilot.crm.errors import ToolError
from copilot.crm.models import Action, User
from copilot.review.approvals import _row, describe
from copilot.services import Services
from copilot.slack.blocks import escape
from copilot.slack.identity import NOT_LINKED, SlackDirectory

log = logging.getLogger("copilot.slack")


def card_blocks(request: dict[str, Any], value: str, *, decided: str | None = None) -> list[dict[str, Any]]:
    """The approval card: what will happen, why review is needed, who asked; buttons until it is decided."""
    why = "; ".join(str(r) for r in request.get("reasons") or []) or "the review policy"
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": escape(f"Approval needed: {request['summary']}")}},
        {"type": "section", "fields": [
            {"type": "mrkdwn", "text": escape(f"Requested by: {request.get('requested_by') or 'unknown'}")},
            {"type": "mrkdwn", "text": escape(f"Why review: {why}")[:2000]},
            {"type": "mrkdwn", "text": escape(f"Request {request['id']}, hash {str(request.get('args_hash'))[:16]}")}]},
    ]
    if decided:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(decided)}]})
    else:
        blocks.append({"type": "actions", "block_id": "approval", "elements": [
            {"type": "button", "action_id": "approval_approve", "style": "primary", "value": value,
             "text": {"type": "plain_text", "text": "Approve"}},
            {"type": "button", "action_id": "approval_reject", "style": "danger", "value": value,
             "text": {"type": "plain_text", "text": "Reject"}}]})
    return blocks


def post_cards(services: Services, client: WebClient, pending: list[dict[str, Any]], origin: dict[str, str]) -> None:
    """Post each waiting request to its approver; ``origin`` is the rep's channel and thread."""
    manager = aliased(User)
    for item in pending:
        row = _row(services.engine, str(item.get("id")))
        if row is None:
            continue
        request = describe(row, services.engine)
        with services.engine.connect() as conn:
            approver = conn.execute(select(manager.slack_user_id).select_from(Action)
                                    .join(User, User.id == Action.requested_by)
                                    .join(manager, manager.id == User.manager_id)
                                    .where(Action.id == row.id)).scalar()
        channel = services.settings.review_channel or approver
        if not channel:
            log.warning("no Slack approver for request %s; it waits in `copilot approvals list`", row.id)
            continue
        value = json.dumps({"id": row.id, "hash": request["args_hash"], "ch": origin.get("channel"),
                            "ts": origin.get("thread_ts")})
        client.chat_postMessage(channel=channel, text=escape(f"Approval needed: {request['summary']}")[:300],
                                blocks=card_blocks(request, value), unfurl_links=False, unfurl_media=False)


def register(app: App, services: Services, directory: SlackDirectory) -> None:
    def handler(decision: str) -> Callable[..., None]:
        def on_click(ack: Callable[..., Any], body: dict[str, Any], client: WebClient) -> None:
            ack()
            clicker = body.get("user", {}).get("id", "")
            channel = body.get("channel", {}).get("id") or body.get("container", {}).get("channel_id", "")
            action = (body.get("actions") or [{}])[0]
            try:
                value = json.loads(action.get("value") or "{}")
            except json.JSONDecodeError:
                return
            identity = directory.identity(clicker)
            if identity is None:
                client.chat_postEphemeral(channel=channel, user=clicker, text=NOT_LINKED)
                return
            try:
                outcome = services.copilot.decide(str(value.get("id")), identity.name, decision,
                                                  reason="rejected in Slack" if decision == "reject" else None,
                                                  expect_hash=value.get("hash"))
            except ToolError as exc:
                client.chat_postEphemeral(channel=channel, user=clicker, text=escape(f"Nothing changed: {exc}"))
                return
            message = str(outcome.get("message") or outcome.get("status") or decision)
            row = _row(services.engine, str(value.get("id")))
            request = describe(row, services.engine) if row is not None else {"id": value.get("id"), "summary": ""}
            verb = "Approved" if decision == "approve" else "Rejected"
            client.chat_update(channel=channel, ts=body.get("message", {}).get("ts", ""), text=escape(message)[:300],
                               blocks=card_blocks(request, "", decided=f"{verb} by {identity.name}: {message}"))
            if value.get("ch"):
                client.chat_postMessage(channel=value["ch"], thread_ts=value.get("ts"), text=escape(message),
                                        unfurl_links=False, unfurl_media=False)
        return on_click

    app.action("approval_approve")(handler("approve"))
    app.action("approval_reject")(handler("reject"))
