"""Direct messages and @mentions: the question goes to the copilot as the linked CRM user, in the conversation
of that Slack thread and person, and the grounded answer is posted in the thread."""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from copilot.crm.audit import record_now
from copilot.services import Services
from copilot.slack.approvals import post_cards
from copilot.slack.blocks import answer_messages, chunks, escape, fallback_text, linked, literal
from copilot.slack.identity import NOT_LINKED, SlackDirectory
from copilot.slack.threads import thread_id

log = logging.getLogger("copilot.slack")
MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
MARKUP = re.compile(r"<(?P<target>[^<>|]*)(?:\|(?P<label>[^<>]*))?>")


def as_typed(text: str) -> str:
    """A Slack message's text as the person typed it: mentions of the app dropped, a link, channel, e-mail address or
    broadcast written out ("<mailto:ana@x.example|ana@x.example>" as "ana@x.example", "<#C1|deals>" as "#deals",
    "<!here>" as "@here"), then "&amp;", "&lt;" and "&gt;" as "&", "<" and ">" (Slack escapes those three and no
    other), so that "Gekko &amp; Co" is the account "Gekko & Co"."""
    def written(m: re.Match[str]) -> str:
        target, label = m.group("target"), m.group("label")
        if target.startswith("#"):
            return f"#{label or target[1:]}"
        if target.startswith("!"):
            return label or f"@{target[1:].split('^')[0]}"
        if target.startswith("mailto:"):
            return label or target[len("mailto:"):]
        return label or target

    text = MARKUP.sub(written, MENTION.sub("", text or ""))
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def answer_in_thread(services: Services, directory: SlackDirectory, client: WebClient, *, team: str, channel: str,
                     thread_ts: str, user: str, text: str) -> None:
    """Answer ``text`` from Slack ``user`` in the thread; never an exception's text, never unchecked figures."""
    where: dict[str, Any] = {"channel": channel, "thread_ts": thread_ts, "unfurl_links": False, "unfurl_media": False}
    reply(services, directory, user, text, thread_id(team, channel, thread_ts, user),
            lambda **message: client.chat_postMessage(**where, **message),
            after=lambda pending: post_cards(services, client, pending, {"channel": channel, "thread_ts": thread_ts}),
            private=channel.startswith("D"))  # a direct message; in a channel others read the answer


def reply(services: Services, directory: SlackDirectory, user: str, text: str, conversation: str,
          deliver: Callable[..., Any], after: Callable[[list[dict[str, Any]]], None] | None = None,
          on_status: Callable[[str], None] | None = None, private: bool = True) -> None:
    """The one way every surface answers: the linked user, their conversation, ``deliver`` for the message,
    ``after`` for the approval cards of what waits for review, ``on_status`` for what is running; ``private``
    False where others read the answer (then only this conversation's outcomes are told in it)."""
    identity = directory.identity(user)
    if identity is None:
        deliver(text=NOT_LINKED)
        return
    question = as_typed(text).strip()
    if not question:
        deliver(text="Ask me about your deals, accounts or pipeline.")
        return
    try:
        result = services.copilot.ask(question, identity.name, thread_id=conversation, on_status=on_status,
                                      private=private)
    except Exception:  # noqa: BLE001 - a person sees an apology and an id; the log has the detail
        incident = uuid.uuid4().hex[:12]
        log.exception("slack answer failed (incident %s, thread %s)", incident, conversation)
        deliver(text=f"Sorry, something went wrong on my side. If it happens again, quote incident {incident} "
                     f"to your admin.")
        return
    try:
        try:
            _deliver_answer(deliver, result, conversation)
        except SlackApiError as exc:  # Slack refused the message (too long, invalid blocks): say so, never silence
            incident = uuid.uuid4().hex[:12]
            error = exc.response.get("error")
            log.warning("slack refused an answer (incident %s, thread %s): %s", incident, conversation, error)
            if error != "ratelimited" and _as_plain_text(deliver, result.answer, incident):
                return  # the answer got through, as text
            _apologise(deliver, f"Sorry, Slack would not show my answer ({error}). Try asking for "
                                f"less at once; if it happens again, quote incident {incident} to your admin.",
                       incident)
        except Exception:  # noqa: BLE001 - Slack out of reach (timeouts, errors past the retries): said if it can be
            incident = uuid.uuid4().hex[:12]
            log.exception("slack answer not delivered (incident %s, thread %s)", incident, conversation)
            _apologise(deliver, "Sorry, I could not post my answer: Slack did not take it. Ask again in a moment; if "
                                f"it happens again, quote incident {incident} to your admin.", incident)
    finally:
        if result.pending_reviews and after is not None:
            try:
                after(result.pending_reviews)  # the approver's card, whether or not the rep's answer got through
            except Exception:  # noqa: BLE001 - the request waits in `approvals list` and the Home tab all the same
                log.exception("approval cards not posted (thread %s)", conversation)


PLAIN_PARTS = 4
"""messages an answer Slack refused in its usual form is posted in again, as plain text, at most"""


def _as_plain_text(deliver: Callable[..., Any], answer: str, incident: str) -> bool:
    """The answer Slack would not show in its usual form (its blocks too many or too long), posted again as plain text
    in a few messages, without buttons; whether it got through. An answer longer than PLAIN_PARTS messages is cut, and
    says so."""
    parts = chunks(escape(answer.strip() or " "))
    if len(parts) > PLAIN_PARTS:
        parts = parts[:PLAIN_PARTS]
        parts[-1] += "\n_(The rest is cut: ask for less at once to see it.)_"
    parts[0] = "_Slack would not show this answer in its usual form, so here it is as plain text._\n" + parts[0]
    try:
        for part in parts:
            deliver(text=part)
    except Exception:  # noqa: BLE001 - the apology that follows says so
        log.warning("slack refused the answer as plain text too (incident %s)", incident)
        return False
    return True


def _apologise(deliver: Callable[..., Any], text: str, incident: str) -> None:
    try:
        deliver(text=text)
    except Exception:  # noqa: BLE001 - Slack took neither the answer nor this: the log keeps the incident
        log.exception("slack apology not delivered either (incident %s)", incident)


def _deliver_answer(deliver: Callable[..., Any], result: Any, conversation: str) -> None:
    """The answer as blocks: in one message, or, past Slack's 50 blocks, in several in order (``answer_messages``)."""
    messages = answer_messages(result.answer, sources=result.sources, model=result.model,
                               prompt_version=result.prompt_version, drafts=result.drafts, briefs=result.briefs,
                               brief_only=_brief_only(result),
                               feedback_value=json.dumps({"t": conversation, "m": result.model,
                                                          "p": result.prompt_version}))
    missed: list[tuple[int, str]] = []
    first: Exception | None = None
    posted: list[tuple[str, list[dict[str, Any]]]] = []  # (ts, blocks) of each message: a card's buttons name them all
    for i, blocks in enumerate(messages):
        text = fallback_text(result.answer) if i == 0 else f"(continued, {i + 1} of {len(messages)})"
        try:
            response = deliver(text=text, blocks=linked(blocks, posted))
            posted.append((str((response or {}).get("ts") or ""), blocks))
        except Exception as exc:  # noqa: BLE001 - the parts shown stay shown and the others still come, each once
            posted.append(("", blocks))
            first = first or exc
            error = exc.response.get("error") if isinstance(exc, SlackApiError) else type(exc).__name__
            missed.append((i, str(error)))
    if first is not None and len(missed) == len(messages):
        raise first  # nothing shown: the caller posts the answer as plain text, or apologises
    for i, error in missed:
        incident = uuid.uuid4().hex[:12]
        log.warning("slack refused part %d of %d of an answer (incident %s, thread %s): %s", i + 1, len(messages),
                    incident, conversation, error)
        words = chunks("\n".join(literal(t) for t in _words(messages[i])) or " ")
        words[0] = (f"_Part {i + 1} of {len(messages)} of my answer did not get through in its usual form ({error}), so "
                    "here it is as plain text, without its buttons: ask again for a draft in it to send it._\n"
                    + words[0])
        if len(words) > PLAIN_PARTS:
            words = words[:PLAIN_PARTS]
            words[-1] += "\n_(The rest of this part is cut: ask for less at once to see it.)_"
        try:
            for part in words:
                deliver(text=part)
        except Exception:  # noqa: BLE001 - said once more, shortly, if Slack takes anything at all
            _apologise(deliver, f"Sorry, part {i + 1} of {len(messages)} of my answer could not be posted. If it "
                                f"happens again, quote incident {incident} to your admin.", incident)


def _words(blocks: list[dict[str, Any]]) -> list[str]:
    """The texts of ``blocks`` (sections, their fields, headers, context lines), buttons left out: already escaped
    for plain text, so only their formatting marks are left to keep apart (:func:`literal`)."""
    out: list[str] = []
    for block in blocks:
        texts = [block.get("text"), *(block.get("fields") or []),
                 *(block.get("elements") or [] if block.get("type") == "context" else [])]
        out += [str(t["text"]).strip("*") if t.get("type") == "mrkdwn" else str(t["text"])
                for t in texts if isinstance(t, dict) and t.get("text")]
    return out


def _brief_only(result: Any) -> bool:
    """The offline planner's answer to a lone profile lookup is that profile in words: the card replaces it."""
    return result.model == "offline-planner" and [c["name"] for c in result.tool_calls] == ["customer_profile"] \
        and not result.actions and not result.notes and not result.answer.startswith("Update on your requests")


SHARE = re.compile(r"(^|\s)--share(\s|$)")


NOT_A_MEMBER = ("channel_not_found", "not_in_channel", "is_archived", "restricted_action")
"""what Slack says when the app may not post where a command was typed (a channel it is not in, a direct message
between two people): the command's own response URL still reaches the asker"""


def answer_command(services: Services, directory: SlackDirectory, client: WebClient, *, team: str, channel: str,
                   user: str, text: str, response_url: str = "") -> None:
    """``/copilot QUESTION``: answered in the channel, seen only by the asker unless they add ``--share`` (a question
    left empty, or asked by someone not linked, is answered to them alone). Where the app may not post (a channel it
    is not in), the answer goes through the command's response URL."""
    shared = bool(SHARE.search(text or ""))
    question = SHARE.sub(" ", text or "").strip()
    if shared and (not as_typed(question).strip() or directory.identity(user) is None):
        shared = False  # "Ask me about ..." or "I can't tell who you are" is for the asker, not the channel
    base: dict[str, Any] = {"channel": channel, "unfurl_links": False, "unfurl_media": False}

    def post(**message: Any) -> Any:
        return client.chat_postMessage(**base, **message) if shared else \
            client.chat_postEphemeral(**base, user=user, **message)

    def deliver(**message: Any) -> Any:
        try:
            return post(**message)
        except SlackApiError as exc:
            if exc.response.get("error") not in NOT_A_MEMBER or not response_url:
                raise
            from slack_sdk.webhook import WebhookClient

            sent = WebhookClient(response_url, timeout=10).send(
                text=message.get("text", ""), blocks=message.get("blocks"),
                response_type="in_channel" if shared else "ephemeral", replace_original=False)
            if sent.status_code >= 300:
                raise
            return {}
    # a shared answer is a conversation of its own: nothing asked in private comes back in front of the channel
    reply(services, directory, user, question,
          thread_id(team, channel, "slash-command-shared" if shared else "slash-command", user), deliver,
            after=lambda pending: post_cards(services, client, pending, {"channel": channel}), private=not shared)


def register(app: App, services: Services, directory: SlackDirectory) -> None:
    @app.event("app_mention")
    def on_mention(event: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        if event.get("bot_id") or event.get("subtype") == "bot_message" or not event.get("user"):
            return  # another app's post (two bots answering each other without end), or no one to answer
        answer_in_thread(services, directory, client, team=str(context.get("team_id") or event.get("team") or ""),
                         channel=event["channel"], thread_ts=event.get("thread_ts") or event["ts"],
                         user=event.get("user", ""), text=event.get("text", ""))

    @app.command("/copilot")
    def on_command(ack: Callable[..., Any], command: dict[str, Any], client: WebClient) -> None:
        ack()  # within Slack's 3 seconds; the answer follows
        answer_command(services, directory, client, team=str(command.get("team_id") or ""),
                       channel=command["channel_id"], user=command.get("user_id", ""), text=command.get("text", ""),
                       response_url=str(command.get("response_url") or ""))

    def feedback(vote: str) -> Callable[..., None]:
        def on_click(ack: Callable[..., Any], body: dict[str, Any]) -> None:
            ack()
            clicker = body.get("user", {}).get("id", "")
            identity = directory.identity(clicker)
            try:
                value = json.loads((body.get("actions") or [{}])[0].get("value") or "{}")
            except json.JSONDecodeError:
                return
            if identity is None or not isinstance(value, dict):
                return
            record_now(services.engine, actor=identity.name, actor_id=identity.user_id, event="answer_feedback",
                       detail={"vote": vote, "thread_id": str(value.get("t", ""))[:64],
                               "model": str(value.get("m", ""))[:100], "prompt_version": str(value.get("p", ""))[:64],
                               "message_ts": str(body.get("message", {}).get("ts", ""))[:40]})
        return on_click

    app.action("feedback_up")(feedback("up"))
    app.action("feedback_down")(feedback("down"))

    @app.event("message")
    def on_message(event: dict[str, Any], client: WebClient, context: dict[str, Any]) -> None:
        if event.get("channel_type") != "im" or event.get("bot_id") or event.get("subtype") not in (None, "file_share") \
                or not event.get("user"):
            return  # only a person's own direct message; never the bot's own posts or edits
        if event.get("subtype") == "file_share":  # a question sent with a file: its words are answered, and that said
            try:
                client.chat_postMessage(channel=event["channel"], thread_ts=event.get("thread_ts") or event["ts"],
                                        text="I don't read attached files; I answer the words of your message.")
            except SlackApiError as exc:
                log.warning("note on an attached file not posted: %s", exc.response.get("error"))
        answer_in_thread(services, directory, client, team=str(context.get("team_id") or event.get("team") or ""),
                         channel=event["channel"], thread_ts=event.get("thread_ts") or event["ts"],
                         user=event.get("user", ""), text=event.get("text", ""))


__all__ = ["answer_command", "answer_in_thread", "escape", "register"]
