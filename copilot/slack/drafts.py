"""E-mail draft cards: Edit (a modal), Regenerate (another tone), Schedule (a follow-up task at the recommended
time and a reminder DM at that moment) and Send (through review where the account needs it).

Only the rep who asked for a draft can use its buttons: drafts are kept per owner, and the owner is the Slack
user who clicked, mapped to their CRM user. Sending and scheduling are actions like any other: the same
checks, the same review policy, the same audit log, and a second click does nothing twice.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine

from copilot.actions import cc_addresses
from copilot.crm.errors import ToolError
from copilot.crm.identity import Identity
from copilot.crm.locks import conversation_lock
from copilot.crm.values import body_problem, reads_as_written, uncarried
from copilot.services import Services
from copilot.slack.approvals import post_cards
from copilot.slack.blocks import card_ref, draft_blocks, edit_draft_modal, escape, pieces, submitted
from copilot.slack.identity import NOT_LINKED, SlackDirectory
from copilot.slack.messages import recalled, remember, replace_card
from copilot.slack.reminders import remind

log = logging.getLogger("copilot.slack")
TONES = ("friendly", "formal", "direct")
NOT_YOURS = "Only the person who asked for this draft can use it, and only while it is kept. Ask me for a new one."


class Card:
    """Where a clicked card lives, and how to change it or answer beside it (an ephemeral card has no ts)."""

    def __init__(self, body: dict[str, Any], client: WebClient, respond: Callable[..., Any] | None = None,
                 store: Any = None, engine: Engine | None = None) -> None:
        self.client, self.respond, self.store, self.engine = client, respond, store, engine
        message = body.get("message") or {}
        container = body.get("container") or {}
        self.channel = str((body.get("channel") or {}).get("id") or container.get("channel_id") or "")
        self.ts = str(message.get("ts") or container.get("message_ts") or "")
        self.thread_ts = str(message.get("thread_ts") or self.ts)
        self.ephemeral = bool(container.get("is_ephemeral")) or not self.ts
        self.user = str((body.get("user") or {}).get("id") or "")
        self.response_url = str(body.get("response_url") or "")
        # the messages before this one that hold the rest of its card (a card longer than one message holds)
        self.earlier = [] if self.ephemeral else card_ref(((body.get("actions") or [{}])[0]).get("value") or "")[2]
        # the blocks of the message clicked, as Slack sends them with a click (a modal's save comes without them),
        # kept until the app changes that message, so that changing this card leaves the others there
        blocks = message.get("blocks")
        self.message: list[dict[str, Any]] | None = blocks if isinstance(blocks, list) and blocks else None
        if store is not None and self.message is not None and not self.ephemeral and \
                recalled(store, self.channel, self.ts) is None:
            remember(store, self.channel, self.ts, self.message)

    def metadata(self, draft_id: str) -> str:
        return json.dumps({"d": draft_id, "ch": self.channel, "ts": "" if self.ephemeral else self.ts,
                           "tt": self.thread_ts, "u": self.response_url if self.ephemeral else "",
                           "e": ",".join(self.earlier)})

    @classmethod
    def from_metadata(cls, raw: str, client: WebClient, user: str, store: Any = None, engine: Engine | None = None
                      ) -> tuple[Card, str]:
        try:
            meta = json.loads(raw or "{}")
        except json.JSONDecodeError:
            meta = {}
        if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
            meta = {}
        card = cls({"channel": {"id": meta.get("ch")}, "message": {"ts": meta.get("ts"), "thread_ts": meta.get("tt")},
                    "user": {"id": user}, "response_url": meta.get("u"),
                    "actions": [{"value": f";{meta.get('e') or ''}"}]}, client, store=store, engine=engine)
        if meta.get("u"):
            from slack_sdk.webhook import WebhookClient

            hook = WebhookClient(meta["u"])
            card.respond = lambda **kw: hook.send(**kw)
        return card, str(meta.get("d") or "")

    def show(self, blocks: list[dict[str, Any]], text: str, status: str = "") -> None:
        """Replace the card (if Slack refuses the new one, the clicker is told), in every message of it and nothing
        else: a card longer than one message holds came in several, the buttons in the last; a shorter one may share
        its message with an answer's words, other cards and the feedback buttons, which stay as they were
        (:func:`copilot.slack.messages.replace_card`). A card only its reader sees can only be replaced in the
        message clicked. ``status``: what happened to the draft, told to the clicker if the card cannot show it."""
        parts = pieces(blocks)
        try:
            if self.ephemeral:
                if self.respond is not None:
                    self.respond(replace_original=True, text=text, blocks=parts[-1])
                return
            # one change at a time to a message, from what it shows after the last: two cards of one message changed
            # at once, or from a click on a message since changed, each keep the other's change
            with conversation_lock(self.engine, f"slack:{self.channel}:{self.ts}"[:64], wait=15.0, lease=60) \
                    if self.engine is not None else nullcontext():
                message = recalled(self.store, self.channel, self.ts) if self.store is not None else None
                written = replace_card(self.client, self.channel, [*self.earlier, self.ts], message or self.message,
                                       blocks, text, thread_ts=self.thread_ts)
                if self.store is not None:
                    for ts, shown in written:
                        remember(self.store, self.channel, ts, shown)
        except SlackApiError as exc:
            log.warning("card not updated: %s", exc.response.get("error"))
            self.tell(f"Slack did not accept the updated card ({exc.response.get('error')}), so it may show an older "
                      f"state. {status or 'The draft is saved.'}")

    def say(self, text: str) -> None:
        """A line under the card: in its thread, or only to the clicker where the card is theirs alone."""
        if self.ephemeral:
            if self.respond is not None:
                self.respond(replace_original=False, response_type="ephemeral", text=escape(text))
            return
        self.client.chat_postMessage(channel=self.channel, thread_ts=self.thread_ts or None, text=escape(text),
                                     unfurl_links=False, unfurl_media=False)

    def tell(self, text: str) -> None:
        """Only the clicker sees it."""
        if self.ephemeral and self.respond is not None:
            self.respond(replace_original=False, response_type="ephemeral", text=escape(text))
            return
        self.client.chat_postEphemeral(channel=self.channel, user=self.user, text=escape(text))


def register(app: App, services: Services, directory: SlackDirectory) -> None:
    copilot = services.copilot

    def clicked(action: Callable[[Card, Identity, dict[str, Any], dict[str, Any]], None]) -> Callable[..., None]:
        def on_click(ack: Callable[..., Any], body: dict[str, Any], client: WebClient,
                     respond: Callable[..., Any]) -> None:
            ack()
            card = Card(body, client, respond, store=copilot.store, engine=services.engine)
            identity = directory.identity(card.user)
            if identity is None:
                card.tell(NOT_LINKED)
                return
            draft_id = card_ref(((body.get("actions") or [{}])[0]).get("value") or "")[0]
            try:
                try:
                    draft = copilot.draft(draft_id, identity.name)
                except ToolError:
                    card.tell(NOT_YOURS)
                    return
                if draft.get("closed"):  # sent, or waiting for approval: never changed or sent again
                    card.show(draft_blocks(draft, closed=draft["closed"]), "E-mail draft")
                    card.tell(f"Nothing changed: {draft['closed']}")
                    return
                action(card, identity, draft, body)
            except Exception:  # noqa: BLE001 - the clicker reads an apology and an id, the log has the detail
                incident = uuid.uuid4().hex[:12]
                log.exception("draft button failed (incident %s, draft %s)", incident, draft_id)
                try:  # what became of the draft: once sent (or sent for approval), never "nothing was sent"
                    closed = str(copilot.draft(draft_id, identity.name).get("closed") or "")
                except Exception:  # noqa: BLE001 - not known: said so below
                    closed = "?"
                if closed and not closed.startswith("Sending,"):
                    said = ("I could not tell whether it was sent: look in Sent before sending it again" if
                            closed == "?" else closed)
                    note = f"{said}. Only the card could not be updated. If you need help, quote incident {incident}."
                else:
                    note = (f"Sorry, something went wrong on my side and nothing was sent. Try again in a moment; if "
                            f"it happens again, quote incident {incident} to your admin.")
                try:
                    card.tell(note)
                except Exception:  # noqa: BLE001 - Slack refuses even this: the log has it
                    log.warning("the clicker could not be told what happened (incident %s)", incident)
        return on_click

    def edit(card: Card, identity: Identity, draft: dict[str, Any], body: dict[str, Any]) -> None:
        if len(str(draft.get("body") or "")) > 3000:
            card.tell("This draft is longer than Slack's editor holds (3,000 characters); ask me to shorten it.")
            return
        card.client.views_open(trigger_id=body.get("trigger_id", ""),
                               view=edit_draft_modal(draft, card.metadata(draft["draft_id"])))

    def regenerate(card: Card, identity: Identity, draft: dict[str, Any], body: dict[str, Any]) -> None:
        tone = TONES[(TONES.index(draft["tone"]) + 1) % len(TONES)] if draft.get("tone") in TONES else "formal"
        # the same request (points, language, length, contact) in another tone
        asked = {**(draft.get("asked") or {}), **(draft.get("request") or {}), "account": draft.get("account"),
                 "contact": draft.get("to_email"), "tone": tone}
        fresh = copilot.run_tool(identity.name, "draft_email", asked, draft.get("thread_id") or "")
        if fresh.get("error"):
            card.tell(f"I could not write a new version: {fresh['error']}")
            return
        try:
            new = copilot.change_draft(identity.user_id, {**fresh, "draft_id": draft["draft_id"],
                                                          "thread_id": draft.get("thread_id"), "asked": asked},
                                       "regenerated")
        except ToolError as exc:  # sent (or being sent) meanwhile: that version stays
            card.tell(str(exc))
            return
        card.show(draft_blocks(new, note=f"Regenerated in a {tone} tone."), "E-mail draft (not sent)")

    def schedule(card: Card, identity: Identity, draft: dict[str, Any], body: dict[str, Any]) -> None:
        advice = copilot.run_tool(identity.name, "next_followup", {"contact_email": draft.get("to_email")},
                                  draft.get("thread_id") or "")
        if advice.get("error"):
            card.tell(f"I could not work out when to follow up: {advice['error']}")
            return
        at = dt.datetime.fromisoformat(str(advice["recommended_at"]))
        subject = str(draft.get("subject") or "")
        try:
            outcome = copilot.act(identity.name, "schedule_followup",
                                  {"account": draft["account"], "due_at": at.isoformat(), "contact": draft.get("to_email"),
                                   "note": f"Send the e-mail '{subject[:200]}' (draft {draft['draft_id']})"},
                                  thread_id=draft.get("thread_id") or "", request_key=f"{draft['draft_id']}:schedule")
        except ToolError as exc:
            card.tell(f"Not scheduled: {exc}")
            return
        if outcome.get("status") == "pending_review":
            post_cards(services, card.client, [outcome["request"]], {"channel": card.channel,
                                                                     "thread_ts": "" if card.ephemeral
                                                                     else card.thread_ts})
            card.say(f"{outcome['message']} I will set your reminder DM once it is approved.")
            return
        if outcome.get("status") != "done":
            card.say(str(outcome.get("message") or "Nothing was scheduled."))
            return
        # as the tool words it for this rep: their contact's time and their own ("Tuesday 16:00 their time, 10:00
        # yours"); the ISO moment is only for the task and the reminder
        when = str(advice.get("recommended_when") or "")
        reminder = " " + remind(card.client, card.user, at, _reminder_text(draft))
        card.say(f"Scheduled: follow up with {draft.get('to')} at {draft.get('account')}: {when}, the time with "
                 f"the best chance of a reply ({advice.get('p_reply_pct', '')}).{reminder}")

    def send(card: Card, identity: Identity, draft: dict[str, Any], body: dict[str, Any]) -> None:
        # closed first, in one step with the check that the draft is still the version this card showed: an Edit
        # saved meanwhile is neither sent unseen nor able to bring the draft back to send again
        shown = card_ref(((body.get("actions") or [{}])[0]).get("value") or "")[1]
        try:
            status, draft = copilot.claim_draft(draft["draft_id"], identity.name,
                                                f"Sending, asked by {identity.name}.", shown)
        except ToolError as exc:
            card.tell(f"Not sent: {exc}")
            return
        if status == "closed":
            card.show(draft_blocks(draft, closed=draft["closed"]), "E-mail draft")
            card.tell(f"Nothing changed: {draft['closed']}")
            return
        if status == "changed":
            card.show(draft_blocks(draft, note="Changed after the card you clicked was shown."),
                      "E-mail draft (not sent)")
            card.tell("Nothing was sent: the draft changed after the card you clicked was shown. Read it as it "
                      "stands now and press Send again to send it.")
            return
        args = {"account": draft.get("account"), "to": draft.get("to_email"), "cc": list(draft.get("cc") or []),
                "subject": draft.get("subject"), "body": draft.get("body")}
        facts = {"draft": {k: draft.get(k) for k in ("to", "to_email", "cc", "subject", "body", "cites",
                                                     "record_ids")}}
        try:
            outcome = copilot.act(identity.name, "send_email", args, thread_id=draft.get("thread_id") or "",
                                  request_key=f"{draft['draft_id']}:send", facts=facts)
        except ToolError as exc:
            copilot.save_draft(identity.user_id, draft)  # not sent: the draft is open again
            card.tell(f"Not sent: {exc}")
            return
        except Exception:
            # not sent (a busy or lost database, a failure of ours): the draft is open again, so that Send works once
            # it is over; the request's key keeps a second click from sending twice if the first got further
            try:
                copilot.save_draft(identity.user_id, draft)
            except Exception:  # noqa: BLE001 - the apology below still reaches the clicker
                log.exception("a draft could not be opened again after a failed send (draft %s)", draft["draft_id"])
            raise
        status = outcome.get("status")
        if status == "pending_review":
            closed = f"Sent for approval by {identity.name}: {outcome['message']}"
            post_cards(services, card.client, [outcome["request"]], {"channel": card.channel,
                                                                     "thread_ts": "" if card.ephemeral
                                                                     else card.thread_ts})
        elif status == "done":
            closed = f"{outcome['message']} (by {identity.name})"
        elif str(status).startswith("already_"):
            closed = str(outcome.get("message"))
        else:
            copilot.save_draft(identity.user_id, draft)
            card.say(str(outcome.get("message") or "Not sent."))
            return
        copilot.save_draft(identity.user_id, {**draft, "closed": closed})
        card.show(draft_blocks(draft, closed=closed), "E-mail draft", status=closed)

    app.action("draft_edit")(clicked(edit))
    app.action("draft_regenerate")(clicked(regenerate))
    app.action("draft_schedule")(clicked(schedule))
    app.action("draft_send")(clicked(send))

    @app.view("draft_edit")
    def on_edit(ack: Callable[..., Any], body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        values = submitted(view)
        subject, text = values.get("subject", "").strip(), values.get("body", "").strip()
        errors = {}
        cc: list[str] | None = None  # None: the form had no Cc (kept as it was)
        if "cc" in values:
            try:
                cc = cc_addresses(values["cc"])
            except ValueError as exc:
                errors["cc"] = str(exc)[:150]
        if not subject or any(ch in subject for ch in "\n\r\u2028\u2029"):
            errors["subject"] = "A subject is one line of text."
        elif problem := uncarried(subject):
            errors["subject"] = f"The subject cannot be sent: {problem}."[:150]
        elif not reads_as_written("subject", subject):
            errors["subject"] = "Write it without =?...?=: mail programs would read that as other text."
        if not text:
            errors["body"] = "The body cannot be empty."
        elif problem := body_problem(text):
            errors["body"] = problem[:150]
        user = str((body.get("user") or {}).get("id") or "")
        card, draft_id = Card.from_metadata(view.get("private_metadata") or "", client, user, store=copilot.store,
                                            engine=services.engine)
        identity = directory.identity(user)
        draft: dict[str, Any] = {}
        if identity is None:
            errors = {"body": NOT_LINKED[:150]}
        else:
            try:
                draft = copilot.draft(draft_id, identity.name)
            except ToolError:
                errors = {"body": NOT_YOURS[:150]}
            else:
                if draft.get("closed"):
                    errors = {"body": f"Nothing changed: {draft['closed']}"[:150]}
                elif cc is not None and str(draft.get("to_email") or "").lower() in cc:
                    errors["cc"] = "The recipient is already in To; leave them out of Cc."
        if errors or identity is None:
            ack(response_action="errors", errors=errors)
            return
        ack()
        try:
            new = copilot.change_draft(identity.user_id, {**draft, "subject": subject, "body": text,
                                                          **({"cc": cc} if cc is not None else {}),
                                                          "edited_by": identity.name}, "edited")
        except ToolError as exc:  # sent (or being sent) since the form was checked: the edit is not kept
            card.tell(f"{exc} Your edit was not kept.")
            return
        card.show(draft_blocks(new, note=f"Edited by {identity.name}."), "E-mail draft (not sent)")


def _reminder_text(draft: dict[str, Any]) -> str:
    return (f"Reminder: follow up with {draft.get('to')} at {draft.get('account')} now, the time they are most likely "
            f"to reply. The draft '{draft.get('subject')}' is in your thread with me.")
