"""Approval cards: a request that waits for review is posted to its approver (a DM to the requester's manager, or
``COPILOT_REVIEW_CHANNEL``) with Approve and Reject. The decider is the Slack user who clicked, mapped to their CRM
user and checked by the review policy, exactly as on the command line; the card then says who decided and the
rep's thread shows the outcome. A second click, or a click by someone not allowed, changes nothing and says why."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from sqlalchemy import select
from sqlalchemy.orm import aliased

from copilot.crm.errors import ToolError
from copilot.crm.models import User
from copilot.review.approvals import _row, describe, show
from copilot.review.policy import approver_refusal, load_policy
from copilot.services import Services
from copilot.slack.blocks import (BLOCK_LIMIT, cc_line, escape, fields_modal, pieces, plain, reason_modal, sections,
                                  submitted)
from copilot.slack.identity import NOT_LINKED, SlackDirectory
from copilot.slack.messages import rewrite
from copilot.slack.reminders import remind

log = logging.getLogger("copilot.slack")


def card_blocks(request: dict[str, Any], value: str, *, decided: str | None = None) -> list[dict[str, Any]]:
    """The approval card: what will happen, why review is needed, who asked; buttons until it is decided, then who
    decided (``decided``)."""
    why = "; ".join(str(r) for r in request.get("reasons") or []) or "the review policy"
    args = request.get("args") or {}
    # an e-mail's recipients, each on its own line: who gets it is what the approver decides on
    recipients = [f"To: {args['to']}", *([f"Cc: {cc_line(args.get('cc'))}"] if cc_line(args.get("cc")) else [])] \
        if request.get("tool") == "send_email" and args.get("to") else []
    # and the subject whole: the summary above gives only its start
    recipients += [f"Subject: {args['subject']}"] if request.get("tool") == "send_email" and args.get("subject") else []
    blocks: list[dict[str, Any]] = [
        # once decided, the card's first words say so: in a card of several messages they are not beside the verdict
        {"type": "section", "text": plain(f"{'Decided, no longer waiting' if decided else 'Approval needed'}: "
                                          f"{request['summary']}", 3000)},
        {"type": "section", "fields": [
            plain(f"Requested by: {request.get('requested_by') or 'unknown'}"), plain(f"Why review: {why}"),
            *(plain(line) for line in recipients),
            plain(f"Request {request['id']}, hash {str(request.get('args_hash'))[:16]}")]},
    ]
    shown = args.get("body") or args.get("summary") or args.get("note")
    if shown:  # what will be sent or written, word for word and whole, within Slack's blocks per message
        blocks += sections(str(shown), most=BLOCK_LIMIT - len(blocks) - 1)
    if decided:
        blocks.append({"type": "context", "elements": [plain(decided)]})
    else:
        blocks.append({"type": "actions", "block_id": "approval", "elements": [
            {"type": "button", "action_id": "approval_approve", "style": "primary", "value": value,
             "text": {"type": "plain_text", "text": "Approve"}},
            {"type": "button", "action_id": "approval_edit", "value": value,
             "text": {"type": "plain_text", "text": "Edit"}},
            {"type": "button", "action_id": "approval_reject", "style": "danger", "value": value,
             "text": {"type": "plain_text", "text": "Reject"}}]})
    return blocks


def _approver(services: Services, row: Any, exclude: int | None) -> tuple[str, str] | None:
    """(Slack channel, who) for a request's card: the review channel if set, else a DM to the first linked person
    allowed to decide it (the requester's manager, then the named group, then sales-ops), leaving out
    ``exclude`` (who edited it and so may not decide it)."""
    if services.settings.review_channel:
        return services.settings.review_channel, "the review channel"
    rules = load_policy(services.settings.home).approvers
    manager = aliased(User)
    with services.engine.connect() as conn:
        candidates: list[tuple[int, str | None, str]] = []
        if rules.requester_manager:
            candidates += conn.execute(select(manager.id, manager.slack_user_id, manager.name).select_from(User)
                                       .join(manager, manager.id == User.manager_id)
                                       .where(User.id == row.requested_by)).all()
        if rules.group:
            candidates += conn.execute(select(User.id, User.slack_user_id, User.name)
                                       .where(User.name.in_(rules.group)).order_by(User.id)).all()
        if rules.ops:
            candidates += conn.execute(select(User.id, User.slack_user_id, User.name)
                                       .where(User.role == "ops").order_by(User.id)).all()
    for user_id, slack_id, name in candidates:
        if slack_id and user_id not in (row.requested_by, exclude):
            return slack_id, name
    return None


def post_cards(services: Services, client: WebClient, pending: list[dict[str, Any]], origin: dict[str, str],
               exclude: int | None = None) -> list[str]:
    """Post each waiting request to its approver; ``origin`` is the rep's channel and thread (no thread: the rep
    asked privately, so outcomes go to them by DM). Who was sent each card."""
    sent: list[str] = []
    for item in pending:
        row = _row(services.engine, str(item.get("id")))
        if row is None:
            continue
        request = describe(row, services.engine)
        target = _approver(services, row, exclude)
        if target is None:
            log.warning("no Slack approver for request %s; it waits in `copilot approvals list`", row.id)
            continue
        value = {"id": row.id, "hash": request["args_hash"], "ch": origin.get("channel") or "",
                 "ts": origin.get("thread_ts") or ""}
        # a body longer than one message holds comes first, in order; the buttons close the last message, after
        # every word the approver decides on, and carry the messages before it ("e"), so that a decision changes all
        parts = pieces(card_blocks(request, json.dumps(value)))
        earlier: list[str] = []
        for i, part in enumerate(parts):
            text = escape(f"Approval needed: {request['summary']}")[:300] if i == 0 else \
                f"(continued, {i + 1} of {len(parts)})"
            if i and i == len(parts) - 1:
                part = pieces(card_blocks(request, json.dumps({**value, "e": ",".join(earlier)})))[-1]
            posted = client.chat_postMessage(channel=target[0], text=text, blocks=part, unfurl_links=False,
                                             unfurl_media=False)
            earlier.append(str(posted.get("ts") or ""))
        sent.append(target[1])
    return sent


EDITABLE = {"send_email": ("to", "cc", "subject", "body"), "schedule_followup": ("due_at", "note"),
            "log_activity": ("type", "summary"), "change_stage": ("stage", "close_value")}


def _card_of(body: dict[str, Any]) -> tuple[str, str]:
    """(channel, ts) of the clicked card."""
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id", "")
    return str(channel), str((body.get("message") or {}).get("ts") or (body.get("container") or {}).get("message_ts")
                             or "")


def register(app: App, services: Services, directory: SlackDirectory) -> None:
    def finish(client: WebClient, value: dict[str, Any], channel: str, ts: str, verb: str, name: str,
               message: str, request_id: str | None = None) -> None:
        """The card says who decided; the rep's thread shows the outcome."""
        row = _row(services.engine, str(request_id or value.get("id")))
        request = describe(row, services.engine) if row is not None else {"id": value.get("id"), "summary": ""}
        if ts:
            # every message of the card, its buttons' and the ones before it, shows the decided card, so no part of
            # it still reads as waiting
            earlier = [t for t in str(value.get("e") or "").split(",") if t]
            rewrite(client, channel, [*earlier, ts],
                    pieces(card_blocks(request, "", decided=f"{verb} by {name}: {message}")), escape(message)[:300])
        if row is not None and row.tool == "schedule_followup" and row.status == "executed":
            message = f"{message} {_remind_requester(services, client, row)}".strip()
        if value.get("ch") and value.get("ts"):  # the rep's thread
            client.chat_postMessage(channel=value["ch"], thread_ts=value["ts"], text=escape(message),
                                    unfurl_links=False, unfurl_media=False)
        elif row is not None:  # asked privately (an ephemeral answer): told privately, by DM
            requester = _slack_id(services, row.requested_by)
            if requester:
                client.chat_postMessage(channel=requester, text=escape(message), unfurl_links=False,
                                        unfurl_media=False)

    def parse(raw: Any) -> dict[str, Any] | None:
        """A card's value or a modal's metadata: an object of strings (the app wrote it), else None."""
        try:
            value = json.loads(raw or "{}") if isinstance(raw, str) else None
        except json.JSONDecodeError:
            return None
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            return None
        return value

    def clicked(body: dict[str, Any], client: WebClient) -> tuple[str, str, str, dict[str, Any], Any] | None:
        """(clicker, card channel, card ts, the card's value, the clicker's CRM identity); None when the value is
        not the app's or the clicker is not linked (they are told so)."""
        clicker = body.get("user", {}).get("id", "")
        channel, ts = _card_of(body)
        value = parse((body.get("actions") or [{}])[0].get("value"))
        if value is None:
            return None
        identity = directory.identity(clicker)
        if identity is None:
            client.chat_postEphemeral(channel=channel, user=clicker, text=NOT_LINKED)
            return None
        return clicker, channel, ts, value, identity

    @app.action("approval_approve")
    def on_approve(ack: Callable[..., Any], body: dict[str, Any], client: WebClient) -> None:
        ack()
        click = clicked(body, client)
        if click is None:
            return
        clicker, channel, ts, value, identity = click
        try:
            outcome = services.copilot.decide(str(value.get("id")), identity.name, "approve",
                                              expect_hash=value.get("hash"))
        except ToolError as exc:
            client.chat_postEphemeral(channel=channel, user=clicker, text=escape(f"Nothing changed: {exc}"))
            return
        finish(client, value, channel, ts, "Approved", identity.name,
               str(outcome.get("message") or outcome.get("status") or "approved"))

    def opener(build: Callable[[dict[str, Any], str, dict[str, Any]], dict[str, Any] | None]) -> Callable[..., None]:
        """A button that opens a modal for someone allowed to decide (the check is made again on submit)."""
        def on_click(ack: Callable[..., Any], body: dict[str, Any], client: WebClient) -> None:
            ack()
            click = clicked(body, client)
            if click is None:
                return
            clicker, channel, ts, value, identity = click
            try:
                request = show(services.engine, services.settings, identity, str(value.get("id")))
            except ToolError as exc:
                client.chat_postEphemeral(channel=channel, user=clicker, text=escape(f"Nothing changed: {exc}"))
                return
            row = _row(services.engine, str(request["id"]))
            with services.engine.connect() as conn:
                refusal = approver_refusal(conn, load_policy(services.settings.home), identity, row.requested_by)
            if refusal:
                if row.requested_by == identity.user_id:
                    refusal = "you asked for this; another approver decides it"
                client.chat_postEphemeral(channel=channel, user=clicker, text=escape(f"Nothing changed: {refusal}."))
                return
            if request.get("status") != "pending":
                client.chat_postEphemeral(channel=channel, user=clicker, text=escape(
                    f"Nothing changed: this request is already {str(request.get('status')).replace('_', ' ')}."))
                return
            view = build(request, json.dumps({**value, "card_ch": channel, "card_ts": ts}), value)
            if view is not None:
                client.views_open(trigger_id=body.get("trigger_id", ""), view=view)
        return on_click

    def reject_view(request: dict[str, Any], metadata: str, value: dict[str, Any]) -> dict[str, Any]:
        return reason_modal("approval_reject", "Reject the request",
                            f"Why is it rejected? {request.get('requested_by')} will see this.", metadata)

    def edit_view(request: dict[str, Any], metadata: str, value: dict[str, Any]) -> dict[str, Any]:
        args = request.get("args") or {}
        # a text longer than Slack's input holds is not offered: editing it there would cut it short
        fields = {k: _typed(args.get(k)) for k in EDITABLE.get(request["tool"], ()) if len(_typed(args.get(k))) <= 3000}
        return fields_modal("approval_edit", "Edit the request", fields, metadata, multiline=("body", "summary", "note"))

    app.action("approval_reject")(opener(reject_view))
    app.action("approval_edit")(opener(edit_view))

    def submitter(callback: str, run: Callable[[Any, dict[str, Any], dict[str, str]], tuple[str, str, str | None]],
                  field: str | None) -> None:
        """A modal's submission; a refusal is shown in the modal, under ``field`` (default: its first input)."""
        @app.view(callback)
        def on_submit(ack: Callable[..., Any], body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
            user = (body.get("user") or {}).get("id", "")
            value = parse(view.get("private_metadata")) or {}
            where = field or next(iter(submitted(view)), "reason")
            if not value.get("id"):
                ack(response_action="errors", errors={where: "This form is out of date; open it again."})
                return
            identity = directory.identity(user)
            if identity is None:
                ack(response_action="errors", errors={where: NOT_LINKED[:150]})
                return
            try:
                verb, message, new_id = run(identity, value, submitted(view))
            except ToolError as exc:  # the person sees why in the modal, and can correct it or cancel
                ack(response_action="errors", errors={where: f"Nothing changed: {exc}"[:150]})
                return
            ack()
            finish(client, value, str(value.get("card_ch") or ""), str(value.get("card_ts") or ""), verb,
                   identity.name, message)
            if new_id:  # the edited request goes to someone else: whoever edits it may not decide it
                to = post_cards(services, client, [{"id": new_id}], {"channel": value.get("ch") or "",
                                                                     "thread_ts": value.get("ts") or ""},
                                exclude=identity.user_id)
                client.chat_postEphemeral(channel=str(value.get("card_ch") or user), user=user, text=escape(
                    f"The edited request goes to {to[0]} to decide." if to else
                    "No other approver is linked in Slack: the edited request waits in `copilot approvals list`."))

    def reject(identity: Any, value: dict[str, Any], typed: dict[str, str]) -> tuple[str, str, str | None]:
        outcome = services.copilot.decide(str(value.get("id")), identity.name, "reject",
                                          reason=typed.get("reason", "").strip()[:500], expect_hash=value.get("hash"))
        return "Rejected", str(outcome.get("message") or "rejected"), None

    def edit(identity: Any, value: dict[str, Any], typed: dict[str, str]) -> tuple[str, str, str | None]:
        row = _row(services.engine, str(value.get("id")))
        args = row.args if row is not None else {}
        changes = {k: v for k, v in typed.items() if k in EDITABLE.get(row.tool if row else "", ())
                   and v != _typed(args.get(k))}
        request = services.copilot.edit(str(value.get("id")), identity.name, changes)
        return "Edited", f"the edited request {request['id']} waits for a decision: {request['summary']}", \
            str(request["id"])

    submitter("approval_reject", reject, "reason")
    submitter("approval_edit", edit, None)


def _typed(value: Any) -> str:
    """An argument as it stands in a modal's text input (a list, such as a Cc, as one comma-separated line)."""
    if value is None:
        return ""
    return cc_line(value) if isinstance(value, list) else str(value)


def _remind_requester(services: Services, client: WebClient, row: Any) -> str:
    """An approved follow-up: the reminder DM to its requester at the task's moment."""
    slack_user = _slack_id(services, row.requested_by)
    if not slack_user:
        return ""
    due = dt.datetime.fromisoformat(str(row.args["due_at"]))
    return remind(client, slack_user, due.astimezone(dt.UTC) if due.tzinfo else due,
                  f"Reminder: {row.summary}. {row.args.get('note') or ''}".strip())


def _slack_id(services: Services, user_id: int) -> str | None:
    with services.engine.connect() as conn:
        return conn.execute(select(User.slack_user_id).where(User.id == user_id)).scalar()
