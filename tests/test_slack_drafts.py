"""E-mail draft cards and approval modals in Slack, over real HTTP: a draft posted as a card, edited in a modal,
regenerated, scheduled (a follow-up task and a reminder DM at the recommended time) and sent through review to a
real SMTP server; an approver rejecting with a reason or editing a request in a modal; and twenty conversations
served at once against a model that answers only when it is called side by side."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import Engine, func, insert, select, update

from copilot.crm.models import Action, Activity, OutboxMessage, Task, User
from copilot.services import build_services
from copilot.settings import Settings
from copilot.slack.app import asgi, build_app
from evals.fake_openai import FakeOpenAI
from evals.slack_fake import FakeSlack, fake_slack, serve, signed_exchange, signed_post
from tests import smtp, world
from tests.slack_setup import SECRET, answers_with, slack_settings


@pytest.fixture
def mail() -> Iterator[smtp.Inbox]:
    controller, inbox = smtp.start()
    inbox.port = controller.port  # type: ignore[attr-defined]
    yield inbox
    controller.stop()


def _history(engine: Engine) -> None:
    """Eight e-mails to Sam at Standard Co over the last weeks, four of them answered: enough to learn from."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows: list[dict[str, Any]] = []
    for i in range(8):
        at = (now - dt.timedelta(days=60 - 7 * i)).replace(hour=9 + i % 4, minute=0, second=0, microsecond=0)
        rows.append({"id": f"out{i}", "occurred_at": at, "utc_offset_min": 0, "type": "email",
                     "direction": "outbound", "user_id": 3, "account_id": 1, "contact_id": 1,
                     "subject": f"Touch {i}", "body": "Following up.", "source": "test", "in_reply_to": None})
        if i % 2 == 0:
            rows.append({"id": f"in{i}", "occurred_at": at + dt.timedelta(hours=5), "utc_offset_min": 0,
                         "type": "email", "direction": "inbound", "user_id": 3, "account_id": 1, "contact_id": 1,
                         "subject": f"Re: Touch {i}", "body": "Thanks.", "source": "test", "in_reply_to": f"out{i}"})
    with engine.begin() as conn:
        conn.execute(insert(Activity), rows)


@pytest.fixture
def app(engine: Engine, tmp_path: Path, mail: smtp.Inbox) -> Iterator[tuple[str, FakeSlack]]:
    world.build(engine)
    _history(engine)
    with engine.begin() as conn:
        for name, slack_id in (("Rick Rep", "URICK"), ("Mona Manager", "UMONA"), ("Rita Rep", "URITA")):
            conn.execute(update(User).where(User.name == name).values(slack_user_id=slack_id))
    with fake_slack() as slack:
        settings = slack_settings(tmp_path, engine, slack, mail)
        with build_services(settings, engine=engine) as services, serve(asgi(build_app(services))) as base:
            yield base, slack


def _blocks(call: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = call.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else blocks


def _wait(slack: FakeSlack, method: str, count: int = 1, seconds: float = 60) -> list[dict[str, Any]]:
    return slack.wait(method, count, seconds)


def _mention(base: str, user: str, text: str, ts: str, event_id: str) -> None:
    payload = {"type": "event_callback", "team_id": "T1", "api_app_id": "A1", "event_id": event_id,
               "event_time": int(time.time()), "event": {"type": "app_mention", "user": user, "text": text,
                                                         "ts": ts, "channel": "C1", "event_ts": ts}}
    assert signed_post(base, json.dumps(payload), SECRET) == 200


def _click(base: str, user: str, button: dict[str, Any], *, channel: str, ts: str, thread_ts: str | None = None,
           blocks: list[dict[str, Any]] | None = None) -> None:
    """A click on ``button`` in message ``ts``; ``blocks``: what that message shows, which Slack sends with a click."""
    payload = {"type": "block_actions", "team": {"id": "T1"}, "user": {"id": user}, "api_app_id": "A1",
               "channel": {"id": channel}, "container": {"type": "message", "message_ts": ts, "channel_id": channel},
               "message": {"ts": ts, "type": "message", **({"thread_ts": thread_ts} if thread_ts else {}),
                           **({"blocks": blocks} if blocks else {})},
               "trigger_id": "1.2.3", "response_url": "http://127.0.0.1:1/unused",
               "actions": [{"action_id": button["action_id"], "block_id": "b", "value": button["value"],
                            "type": "button", "action_ts": str(time.time())}]}
    assert signed_post(base, urlencode({"payload": json.dumps(payload)}), SECRET, form=True) == 200


def _submit(base: str, user: str, view: dict[str, Any], values: dict[str, str]) -> tuple[int, str]:
    state = {"values": {block: {"value": {"type": "plain_text_input", "value": v}} for block, v in values.items()}}
    payload = {"type": "view_submission", "team": {"id": "T1"}, "user": {"id": user}, "api_app_id": "A1",
               "trigger_id": "1.2.4", "view": {**view, "id": "V1", "state": state}}
    return signed_exchange(base, urlencode({"payload": json.dumps(payload)}), SECRET, form=True)


def _buttons(blocks: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {e["action_id"]: e for b in blocks if b["type"] == "actions" for e in b["elements"]}


def _draft_card(base: str, slack: FakeSlack, account: str, ts: str) -> tuple[dict[str, Any], dict[str, Any]]:
    _mention(base, "URICK", f"<@UBOT> draft an email to {account} about the pilot", ts, f"Ev{ts}")
    posted = next(p for p in _wait(slack, "chat.postMessage") if p.get("thread_ts") == ts)
    return posted, _buttons(_blocks(posted))


def _opened_view(slack: FakeSlack, count: int) -> dict[str, Any]:
    view = _wait(slack, "views.open", count)[-1]["view"]
    return json.loads(view) if isinstance(view, str) else view


def test_a_draft_is_a_card_edited_in_a_modal_and_sent(app: tuple[str, FakeSlack], engine: Engine,
                                                      mail: smtp.Inbox) -> None:
    base, slack = app
    posted, buttons = _draft_card(base, slack, "Standard Co", "1700000100.000100")
    text = json.dumps(_blocks(posted))
    assert set(buttons) >= {"draft_edit", "draft_regenerate", "draft_schedule", "draft_send"}
    assert "E-mail draft (not sent)" in text and "sam@standard\\u200b.example" in text and "Hi Sam" in text
    assert text.count("Hi Sam") == 1  # the draft once, as its card
    assert "AI-generated" in text and "feedback_up" in text

    _click(base, "URITA", buttons["draft_edit"], channel="C1", ts="1700000100.000200")  # not her draft
    (refused,) = _wait(slack, "chat.postEphemeral")
    assert refused["user"] == "URITA" and "Only the person who asked" in refused["text"]
    assert slack.called("views.open") == []

    _click(base, "URICK", buttons["draft_edit"], channel="C1", ts="1700000100.000200")
    view = _opened_view(slack, 1)
    assert view["callback_id"] == "draft_edit" and "Hi Sam" in json.dumps(view)
    status, response = _submit(base, "URICK", view, {"subject": "", "body": "x"})
    assert status == 200 and json.loads(response)["errors"]["subject"]  # said in the modal; nothing saved
    assert slack.called("chat.update") == []
    status, _ = _submit(base, "URICK", view, {"subject": "A phased rollout for Standard Co",
                                              "body": "Hi Sam,\n\nShall we start with one team?\n\nBest,\nRick"})
    assert status == 200
    (updated,) = _wait(slack, "chat.update")
    assert updated["ts"] == "1700000100.000200" and "A phased rollout" in json.dumps(_blocks(updated))
    assert "Edited by Rick Rep" in json.dumps(_blocks(updated))

    _click(base, "URICK", _buttons(_blocks(updated))["draft_send"], channel="C1", ts="1700000100.000200")
    closed = _wait(slack, "chat.update", 2)[-1]
    assert "Sent" in json.dumps(_blocks(closed)) and "draft_send" not in json.dumps(_blocks(closed))
    deadline = time.monotonic() + 20
    while not mail.messages and time.monotonic() < deadline:
        time.sleep(0.05)
    (sent,) = mail.messages  # the edited version, once
    assert sent["Subject"] == "A phased rollout for Standard Co" and sent["To"] == "sam@standard.example"
    _click(base, "URICK", buttons["draft_send"], channel="C1", ts="1700000100.000200")  # a second click
    assert _wait(slack, "chat.postEphemeral", 2)[-1]["text"].startswith("Nothing changed: Sent")
    status, response = _submit(base, "URICK", view, {"subject": "Again", "body": "A changed body."})  # the old modal
    assert status == 200 and "Nothing changed" in json.loads(response)["errors"]["body"]
    time.sleep(0.5)
    assert len(mail.messages) == 1
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(OutboxMessage)).scalar_one() == 1


def test_send_sends_only_the_version_its_card_showed_and_an_edit_never_reopens_a_sent_draft(
        engine: Engine, tmp_path: Path, mail: smtp.Inbox) -> None:
    """Send clicked on a card an Edit has since replaced sends nothing and shows the draft as it stands; an Edit checked
    before a Send and saved after it is not kept, so the draft stays sent, its card without a Send, and one e-mail,
    the approved text, goes out."""
    world.build(engine)
    _history(engine)
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Rick Rep").values(slack_user_id="URICK"))
    with fake_slack() as slack:
        settings = slack_settings(tmp_path, engine, slack, mail)
        with build_services(settings, engine=engine) as services, serve(asgi(build_app(services))) as base:
            posted, old = _draft_card(base, slack, "Standard Co", "1700003000.000100")
            _click(base, "URICK", old["draft_edit"], channel="C1", ts="1700003000.000200")
            view = _opened_view(slack, 1)
            assert _submit(base, "URICK", view, {"subject": "Version two", "body": "The second body."})[0] == 200
            (edited,) = _wait(slack, "chat.update")
            _click(base, "URICK", old["draft_send"], channel="C1", ts="1700003000.000200")  # the card as first shown
            told = _wait(slack, "chat.postEphemeral")[-1]["text"]
            assert told.startswith("Nothing was sent: the draft changed") and not mail.messages
            current = _wait(slack, "chat.update", 2)[-1]
            assert "Version two" in json.dumps(_blocks(current)) and "draft_send" in json.dumps(_blocks(current))

            # an Edit read the open draft just before Send closed it, and saves just after the e-mail went
            read, armed, paused, go = services.copilot.draft, threading.Event(), threading.Event(), threading.Event()

            def draft(draft_id: str, user: str) -> dict[str, Any]:
                found = read(draft_id, user)
                if armed.is_set():
                    armed.clear()
                    paused.set()
                    go.wait(30)
                return found

            services.copilot.draft = draft  # type: ignore[method-assign]
            armed.set()
            late = threading.Thread(target=_submit, args=(base, "URICK", view,
                                                          {"subject": "Version three", "body": "The third body."}))
            late.start()
            assert paused.wait(30)
            _click(base, "URICK", _buttons(_blocks(current))["draft_send"], channel="C1", ts="1700003000.000200")
            _delivered(mail)
            go.set()
            late.join(30)
            time.sleep(0.5)
            for card in slack.called("chat.update")[2:]:  # any Send shown since is clicked too
                if "draft_send" in _buttons(_blocks(card)):
                    _click(base, "URICK", _buttons(_blocks(card))["draft_send"], channel="C1", ts="1700003000.000200")
            time.sleep(1.0)
            (sent,) = mail.messages
            assert sent["Subject"] == "Version two" and b"The second body." in sent.get_payload(decode=True)
            assert "draft_send" not in json.dumps(_blocks(slack.called("chat.update")[-1]))
            assert "Your edit was not kept" in slack.called("chat.postEphemeral")[-1]["text"]
            with engine.connect() as conn:
                assert conn.execute(select(func.count()).select_from(OutboxMessage)).scalar_one() == 1


def test_regenerate_writes_another_version_in_place(app: tuple[str, FakeSlack]) -> None:
    base, slack = app
    posted, buttons = _draft_card(base, slack, "Standard Co", "1700000200.000100")
    assert "Hi Sam" in json.dumps(_blocks(posted))
    _click(base, "URICK", buttons["draft_regenerate"], channel="C1", ts="1700000200.000200")
    (updated,) = _wait(slack, "chat.update")
    text = json.dumps(_blocks(updated))
    assert "Regenerated in a formal tone" in text and "Dear Sam Stone" in text and "Hi Sam" not in text


def test_schedule_creates_the_task_and_a_reminder_at_the_recommended_time(app: tuple[str, FakeSlack],
                                                                         engine: Engine) -> None:
    base, slack = app
    _, buttons = _draft_card(base, slack, "Standard Co", "1700000300.000100")
    _click(base, "URICK", buttons["draft_schedule"], channel="C1", ts="1700000300.000200",
           thread_ts="1700000300.000100")
    (reminder,) = _wait(slack, "chat.scheduleMessage")
    told = _wait(slack, "chat.postMessage", 2)[-1]
    assert told["thread_ts"] == "1700000300.000100" and told["text"].startswith("Scheduled: follow up with Sam Stone")
    with engine.connect() as conn:
        (task,) = conn.execute(select(Task.due_at, Task.user_id, Task.note)).all()
    assert task.user_id == 3 and "Send the e-mail" in task.note
    assert reminder["channel"] == "URICK"  # a DM to the rep
    assert int(reminder["post_at"]) == int(task.due_at.replace(tzinfo=dt.UTC).timestamp())
    assert int(reminder["post_at"]) > time.time()


def test_sending_to_a_key_account_waits_for_the_manager(app: tuple[str, FakeSlack], engine: Engine,
                                                        mail: smtp.Inbox) -> None:
    base, slack = app
    _, buttons = _draft_card(base, slack, "Keystone", "1700000400.000100")
    _click(base, "URICK", buttons["draft_send"], channel="C1", ts="1700000400.000200")
    card = next(p for p in _wait(slack, "chat.postMessage", 2) if p["channel"] == "UMONA")
    shown = json.dumps(_blocks(card))
    assert "Approval needed" in shown and "kim@keystone" in shown and "Hi Kim" in shown  # what will be sent
    assert "Sent for approval" in json.dumps(_blocks(_wait(slack, "chat.update")[-1]))
    assert mail.messages == []
    approve = _buttons(_blocks(card))["approval_approve"]
    _click(base, "UMONA", approve, channel="UMONA", ts="1700000400.000300")
    assert "Approved by Mona Manager" in json.dumps(_blocks(_wait(slack, "chat.update", 2)[-1]))
    deadline = time.monotonic() + 20
    while not mail.messages and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(mail.messages) == 1 and mail.messages[0]["To"] == "kim@keystone.example"


def _approval_card(base: str, slack: FakeSlack, ts: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    _mention(base, "URICK", "<@UBOT> log a call with Keystone: they asked for a proposal", ts, f"Ev{ts}")
    card = next(p for p in _wait(slack, "chat.postMessage", 2) if p["channel"] == "UMONA")
    return card, _buttons(_blocks(card))


def test_an_approver_rejects_with_a_reason_in_a_modal(app: tuple[str, FakeSlack], engine: Engine) -> None:
    base, slack = app
    _, buttons = _approval_card(base, slack, "1700000500.000100")
    assert set(buttons) == {"approval_approve", "approval_edit", "approval_reject"}
    _click(base, "UMONA", buttons["approval_reject"], channel="UMONA", ts="1700000500.000300")
    view = _opened_view(slack, 1)
    assert view["callback_id"] == "approval_reject"
    status, response = _submit(base, "URITA", view, {"reason": "I do not like it"})  # not her decision
    assert status == 200 and "Nothing changed" in json.loads(response)["errors"]["reason"]
    status, _ = _submit(base, "UMONA", view, {"reason": "Log it after the proposal is sent."})
    assert status == 200
    (updated,) = _wait(slack, "chat.update")
    assert "Rejected by Mona Manager" in json.dumps(_blocks(updated))
    told = _wait(slack, "chat.postMessage", 3)[-1]
    assert told["channel"] == "C1" and told["thread_ts"] == "1700000500.000100"
    with engine.connect() as conn:
        (row,) = conn.execute(select(Action.status, Action.decision_reason)).all()
    assert row.status == "rejected" and row.decision_reason == "Log it after the proposal is sent."
    _click(base, "UMONA", buttons["approval_reject"], channel="UMONA", ts="1700000500.000300")  # decided already
    assert "already rejected" in _wait(slack, "chat.postEphemeral")[-1]["text"]


def test_an_approver_edits_a_request_and_the_edited_one_waits_for_a_decision(app: tuple[str, FakeSlack],
                                                                              engine: Engine) -> None:
    base, slack = app
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Olivia Ops").values(slack_user_id="UOLIVIA"))
    _, buttons = _approval_card(base, slack, "1700000600.000100")
    _click(base, "URICK", buttons["approval_edit"], channel="UMONA", ts="1700000600.000300")  # his own request
    assert "another approver decides it" in _wait(slack, "chat.postEphemeral")[-1]["text"]
    _click(base, "UMONA", buttons["approval_edit"], channel="UMONA", ts="1700000600.000300")
    view = _opened_view(slack, 1)
    assert view["callback_id"] == "approval_edit" and "they asked for a proposal" in json.dumps(view)
    status, _ = _submit(base, "UMONA", view, {"type": "call", "summary": "They asked for a proposal by Friday."})
    assert status == 200
    assert "Edited by Mona Manager" in json.dumps(_blocks(_wait(slack, "chat.update")[-1]))
    # whoever edits a request may not decide it: the edited one goes to another approver
    (card,) = [p for p in _wait(slack, "chat.postMessage", 4) if p["channel"] == "UOLIVIA"]
    assert "by Friday" in json.dumps(_blocks(card))
    assert "goes to Olivia Ops" in _wait(slack, "chat.postEphemeral", 2)[-1]["text"]
    with engine.connect() as conn:
        statuses = dict(conn.execute(select(Action.summary, Action.status)).all())
    assert sorted(statuses.values()) == ["pending", "superseded"]


def test_twenty_conversations_at_once_do_not_wait_for_each_others_model_call(engine: Engine, tmp_path: Path) -> None:
    """The model answers only once twenty first calls are in flight together: if one conversation waited for
    another's model call, the barrier would break and the answers would come from the fallback."""
    world.build(engine)
    people = [(f"U{i:03d}", f"Rep {i}") for i in range(20)]
    with engine.begin() as conn:
        conn.execute(insert(User), [{"id": 100 + i, "name": name, "role": "rep", "manager_id": 2,
                                     "email": f"rep{i}@ourco.example", "slack_user_id": slack_id}
                                    for i, (slack_id, name) in enumerate(people)])
    barrier = threading.Barrier(20, timeout=120)  # generous: on a loaded machine the last call may come late
    call = {"name": "crm_query", "args": {"metrics": ["open_count"]}}
    with fake_slack() as slack, FakeOpenAI(call, "You have {tool[rows][0][open_count]} open deals.",
                                           hold=barrier) as model:
        settings = slack_settings(tmp_path, engine, slack, llm="openai", openai_base_url=model.url,
                                  openai_api_key="sk-test", model="m", llm_retries=0, llm_timeout=150, turn_budget=300)
        with build_services(settings, engine=engine) as services, serve(asgi(build_app(services))) as base:
            for i, (slack_id, _) in enumerate(people):
                _mention(base, slack_id, "<@UBOT> how many open deals do I have?", f"1700000700.{i:06d}", f"EvC{i}")
            answers = _wait(slack, "chat.postMessage", 20, seconds=300)
    assert model.most_in_flight == 20 and model.broken_holds == 0
    assert len({a["thread_ts"] for a in answers}) == 20
    assert all("You have 0 open deals." in json.dumps(_blocks(a)) for a in answers)
    assert not any("offline planner" in json.dumps(_blocks(a)) for a in answers)


def test_a_follow_up_that_waits_for_review_gets_its_reminder_once_approved(app: tuple[str, FakeSlack],
                                                                          engine: Engine, tmp_path: Path) -> None:
    from copilot.review.policy import __file__ as policy_module

    shipped = (Path(policy_module).parent / "policy.toml").read_text()
    (tmp_path / "home").mkdir(exist_ok=True)
    (tmp_path / "home" / "policy.toml").write_text(shipped.replace("schedule_followup_on_key_account = false",
                                                                   "schedule_followup_on_key_account = true"))
    base, slack = app
    _, buttons = _draft_card(base, slack, "Keystone", "1700000800.000100")
    _click(base, "URICK", buttons["draft_schedule"], channel="C1", ts="1700000800.000200",
           thread_ts="1700000800.000100")
    card = next(p for p in _wait(slack, "chat.postMessage", 3) if p["channel"] == "UMONA")
    assert "I will set your reminder DM once it is approved" in _wait(slack, "chat.postMessage", 3)[-1]["text"]
    assert slack.called("chat.scheduleMessage") == []
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Task)).scalar_one() == 0
    _click(base, "UMONA", _buttons(_blocks(card))["approval_approve"], channel="UMONA", ts="1700000800.000300")
    (reminder,) = _wait(slack, "chat.scheduleMessage")
    with engine.connect() as conn:
        (due,) = conn.execute(select(Task.due_at)).scalars().all()
    assert reminder["channel"] == "URICK" and int(reminder["post_at"]) == int(due.replace(tzinfo=dt.UTC).timestamp())
    told = _wait(slack, "chat.postMessage", 4)[-1]
    assert told["thread_ts"] == "1700000800.000100" and "remind you by DM" in told["text"]


def test_a_contact_without_a_title_is_not_called_none(app: tuple[str, FakeSlack]) -> None:
    base, slack = app
    posted, _ = _draft_card(base, slack, "Standard Co", "1700000900.000100")  # Sam Stone has no title on record
    text = json.dumps(_blocks(posted))
    assert "None" not in text and "Sam" in text


def _copy_manager(engine: Engine, tmp_path: Path) -> None:
    """Rick asks for his manager (Mona, u2@ourco.example) to be copied on his drafts."""
    from memory import open_memory, set_preference

    settings = Settings(home=tmp_path / "home", database_url=engine.url.render_as_string(hide_password=False))
    with open_memory(settings) as (_, store):
        set_preference(store, "Rick Rep", "cc_manager", "true")


def _shown(blocks: list[dict[str, Any]]) -> str:
    """A card's text as a person reads it (without the invisible spaces that keep addresses from becoming links)."""
    return json.dumps(blocks, ensure_ascii=False).replace("\u200b", "")


def _delivered(mail: smtp.Inbox, count: int = 1) -> None:
    deadline = time.monotonic() + 20
    while len(mail.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(mail.messages) == count


def test_a_draft_copied_to_the_manager_shows_the_cc_and_send_delivers_to_it(
        app: tuple[str, FakeSlack], engine: Engine, mail: smtp.Inbox, tmp_path: Path) -> None:
    base, slack = app
    _copy_manager(engine, tmp_path)
    posted, buttons = _draft_card(base, slack, "Standard Co", "1700001000.000100")
    shown = _shown(_blocks(posted))
    assert "To: Sam Stone &lt;sam@standard.example&gt;" in shown and "Cc: u2@ourco.example" in shown
    assert "To sam@standard.example (Sam Stone), Cc u2@ourco.example" in shown  # the Send confirmation
    _click(base, "URICK", buttons["draft_send"], channel="C1", ts="1700001000.000200")
    assert "Sent" in _shown(_blocks(_wait(slack, "chat.update")[-1]))
    _delivered(mail)
    (sent,) = mail.messages
    assert sent["To"] == "sam@standard.example" and sent["Cc"] == "u2@ourco.example"
    assert sorted(mail.rcpt_tos[0]) == ["sam@standard.example", "u2@ourco.example"]  # the manager got it too
    with engine.connect() as conn:
        assert conn.execute(select(Action.summary)).scalar_one().endswith(
            " to sam@standard.example, Cc u2@ourco.example (Standard Co)")
        assert conn.execute(select(OutboxMessage.cc_addr)).scalar_one() == "u2@ourco.example"


def test_the_cc_is_edited_in_the_modal_and_an_outside_cc_waits_for_the_approver(
        app: tuple[str, FakeSlack], engine: Engine, mail: smtp.Inbox, tmp_path: Path) -> None:
    base, slack = app
    _copy_manager(engine, tmp_path)
    _, buttons = _draft_card(base, slack, "Standard Co", "1700001100.000100")
    _click(base, "URICK", buttons["draft_edit"], channel="C1", ts="1700001100.000200")
    view = _opened_view(slack, 1)
    (cc_input,) = [b for b in view["blocks"] if b["block_id"] == "cc"]
    assert cc_input["element"]["initial_value"] == "u2@ourco.example" and cc_input["optional"] is True
    subject, body = "Next steps", "Hi Sam,\n\nShall we start with one team?\n\nBest,\nRick"
    status, response = _submit(base, "URICK", view, {"cc": "Mona <u2@ourco.example>", "subject": subject,
                                                     "body": body})
    assert status == 200 and "is not a plain e-mail address" in json.loads(response)["errors"]["cc"]
    status, response = _submit(base, "URICK", view, {"cc": "sam@standard.example", "subject": subject, "body": body})
    assert status == 200 and "already in To" in json.loads(response)["errors"]["cc"]
    assert slack.called("chat.update") == []  # nothing saved
    status, _ = _submit(base, "URICK", view, {"cc": "Friend@Evil.example; u2@ourco.example", "subject": subject,
                                              "body": body})
    assert status == 200
    edited = _blocks(_wait(slack, "chat.update")[-1])
    assert "Cc: friend@evil.example, u2@ourco.example" in _shown(edited)

    _click(base, "URICK", _buttons(edited)["draft_send"], channel="C1", ts="1700001100.000200")
    card = next(p for p in _wait(slack, "chat.postMessage", 2) if p["channel"] == "UMONA")
    shown = _shown(_blocks(card))
    assert "To: sam@standard.example" in shown and "Cc: friend@evil.example, u2@ourco.example" in shown
    assert "Cc friend@evil.example: neither one of our people nor a contact of this account" in shown
    assert "Sent for approval" in _shown(_blocks(_wait(slack, "chat.update", 2)[-1]))
    assert mail.messages == []
    # the approver's Edit modal offers the Cc with the other fields
    approval = _buttons(_blocks(card))
    _click(base, "UMONA", approval["approval_edit"], channel="UMONA", ts="1700001100.000300")
    edit_view = _opened_view(slack, 2)
    assert edit_view["callback_id"] == "approval_edit"
    assert [b["block_id"] for b in edit_view["blocks"]] == ["to", "cc", "subject", "body"]
    assert edit_view["blocks"][1]["element"]["initial_value"] == "friend@evil.example, u2@ourco.example"
    _click(base, "UMONA", approval["approval_approve"], channel="UMONA", ts="1700001100.000300")
    _delivered(mail)
    (sent,) = mail.messages
    assert sent["Cc"] == "friend@evil.example, u2@ourco.example"
    assert sorted(mail.rcpt_tos[0]) == ["friend@evil.example", "sam@standard.example", "u2@ourco.example"]


def test_send_while_the_database_is_locked_apologises_and_a_later_send_works(tmp_path: Path, mail: smtp.Inbox) -> None:
    """Send clicked while another process holds the CRM database: the clicker is told nothing was sent (with an
    incident id, never a stack trace), the draft stays open, and Send once the lock is gone sends it, once."""
    import sqlite3

    from copilot.crm.db import connect, migrate

    url = f"sqlite:///{tmp_path / 'crm.sqlite3'}"
    settings = Settings(home=tmp_path / "home", database_url=url, llm="offline", slack_bot_token="xoxb-test",
                        slack_signing_secret=SECRET, smtp_host="127.0.0.1", smtp_port=mail.port,  # type: ignore[attr-defined]
                        smtp_from="copilot@ourco.example", smtp_timeout=5, db_busy_timeout=0.5)
    engine = connect(settings)
    migrate(engine)
    world.build(engine)
    _history(engine)
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Rick Rep").values(slack_user_id="URICK"))
    with fake_slack() as slack:
        settings = settings.model_copy(update={"slack_api_url": slack.url})
        with build_services(settings, engine=engine) as services, serve(asgi(build_app(services))) as base:
            _, buttons = _draft_card(base, slack, "Standard Co", "1700002000.000100")
            holder = sqlite3.connect(tmp_path / "crm.sqlite3", timeout=5)
            holder.execute("BEGIN EXCLUSIVE")
            try:
                _click(base, "URICK", buttons["draft_send"], channel="C1", ts="1700002000.000200")
                (sorry,) = _wait(slack, "chat.postEphemeral")
            finally:
                holder.rollback()
                holder.close()
            assert "nothing was sent" in sorry["text"] and "incident" in sorry["text"], sorry["text"]
            assert "Traceback" not in sorry["text"] and "OperationalError" not in sorry["text"]
            assert not mail.messages
            _click(base, "URICK", buttons["draft_send"], channel="C1", ts="1700002000.000200")
            closed = _wait(slack, "chat.update")[-1]
            assert "Sent" in json.dumps(_blocks(closed)), _blocks(closed)
            deadline = time.monotonic() + 20
            while not mail.messages and time.monotonic() < deadline:
                time.sleep(0.05)
            assert len(mail.messages) == 1
    engine.dispose()


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [s for item in items for s in _strings(item)]


def _slack_refusals(blocks: list[dict[str, Any]]) -> list[str]:
    """What Slack would refuse in ``blocks``, by slack_sdk's own limits (its models check a button's confirmation
    dialog only when it is built on its own)."""
    from slack_sdk.models.blocks import Block, ConfirmObject

    problems = [] if len(blocks) <= 50 else [f"{len(blocks)} blocks"]
    for block in blocks:
        try:
            Block.parse(block).validate_json()
            for element in block.get("elements") or []:
                if element.get("confirm"):
                    ConfirmObject.parse(element["confirm"]).validate_json()
        except Exception as exc:  # noqa: BLE001 - each refusal is listed
            problems.append(f"{block['type']}: {exc}")
    return problems


def test_a_long_contact_name_and_address_still_make_a_draft_card_slack_takes(app: tuple[str, FakeSlack],
                                                                            engine: Engine) -> None:
    """A contact's name and address from the CRM as long as their columns allow: the card is one Slack takes, its Send
    confirmation cut to Slack's 300 characters."""
    from copilot.crm.models import Contact

    base, slack = app
    name = "Sam " + "Tobias-" * 30
    address = "samuel." + "x" * 80 + "@standard.example"
    with engine.begin() as conn:
        conn.execute(update(Contact).where(Contact.id == 1).values(name=name[:200], email=address))
    posted, buttons = _draft_card(base, slack, "Standard Co", "1700000900.000100")
    blocks = _blocks(posted)
    assert {"draft_edit", "draft_regenerate", "draft_schedule", "draft_send"} <= buttons.keys()
    assert not _slack_refusals(blocks), _slack_refusals(blocks)
    assert "x" * 80 + "@standard" in "\n".join(_strings(blocks))  # the whole address shown
    confirm = buttons["draft_send"]["confirm"]["text"]["text"]
    assert confirm.startswith(f"To samuel\u200b.{'x' * 80}@standard\u200b.example (Sam Tobias")  # the address whole
    assert confirm.endswith("\u2026). Key accounts wait for an approver first.") and len(confirm) <= 300


def test_the_approver_sees_the_whole_subject_that_will_be_sent(app: tuple[str, FakeSlack], mail: smtp.Inbox) -> None:
    """A subject longer than the request's summary holds (it gives the first 120 characters): the approval card
    shows it whole, so nothing is sent that the approver did not see."""
    base, slack = app
    _, buttons = _draft_card(base, slack, "Keystone", "1700001000.000100")
    _click(base, "URICK", buttons["draft_edit"], channel="C1", ts="1700001000.000200")
    view = _opened_view(slack, 1)
    subject = "Next steps for the Keystone rollout " + "and the team " * 8 + "- reply to my private address instead"
    assert 120 < len(subject) <= 300
    status, _ = _submit(base, "URICK", view, {"subject": subject, "body": "Hi Kim,\n\nShall we talk?\n\nBest,\nRick"})
    assert status == 200
    (edited,) = _wait(slack, "chat.update")
    _click(base, "URICK", _buttons(_blocks(edited))["draft_send"], channel="C1", ts="1700001000.000200")
    card = next(p for p in _wait(slack, "chat.postMessage", 2) if p["channel"] == "UMONA")
    fields = [f["text"] for b in _blocks(card) if b.get("fields") for f in b["fields"]]
    assert any(f.replace("\u200b", "") == f"Subject: {subject}" for f in fields), fields
    assert not _slack_refusals(_blocks(card))


def test_a_subject_mail_programs_would_read_otherwise_is_refused_in_the_edit_modal(app: tuple[str, FakeSlack]
                                                                                    ) -> None:
    """An encoded word (=?...?=) or a line separator typed into the subject is said in the modal, where the rep can
    correct it, not found out when Send is clicked."""
    base, slack = app
    _, buttons = _draft_card(base, slack, "Standard Co", "1700001100.000100")
    _click(base, "URICK", buttons["draft_edit"], channel="C1", ts="1700001100.000200")
    view = _opened_view(slack, 1)
    for subject in ("=?utf-8?q?Hi=0D=0AReply-To:_me@evil.example?=", "Hi\u2028Bcc: me@evil.example"):
        status, response = _submit(base, "URICK", view, {"subject": subject, "body": "Hi Sam"})
        assert status == 200 and json.loads(response)["errors"]["subject"], subject
    time.sleep(0.3)
    assert slack.called("chat.update") == []  # nothing saved


def test_an_address_the_mail_library_cannot_parse_is_refused_where_it_is_typed(app: tuple[str, FakeSlack],
                                                                                engine: Engine) -> None:
    """A Cc with a trailing dot (or another form the e-mail library fails on with an error of its own, not a
    ValueError) is said in the modal, and a contact's address like it makes Send refuse, never a crash; nothing
    is queued."""
    from copilot.crm.models import Contact
    from copilot.crm.values import plain_address

    for odd in ("boss@ourco.example.", "\x00@[a.2=", "\ud800?=c=?utf-8?b?BQ\x00?c++@[\t", "<:_:2>?=x?,?b\""):
        assert plain_address(odd) is False, odd
    base, slack = app
    _, buttons = _draft_card(base, slack, "Standard Co", "1700001200.000100")
    _click(base, "URICK", buttons["draft_edit"], channel="C1", ts="1700001200.000200")
    view = _opened_view(slack, 1)
    status, response = _submit(base, "URICK", view, {"cc": "u2@ourco.example.", "subject": "S", "body": "Hi Sam"})
    assert status == 200 and "is not a plain e-mail address" in json.loads(response)["errors"]["cc"]
    with engine.begin() as conn:
        conn.execute(update(Contact).where(Contact.id == 1).values(email="sam@standard.example."))
    _mention(base, "URICK", "<@UBOT> draft an email to Standard Co about the pilot", "1700001300.000100", "Ev13")
    posted = next(p for p in _wait(slack, "chat.postMessage", 2) if p.get("thread_ts") == "1700001300.000100")
    _click(base, "URICK", _buttons(_blocks(posted))["draft_send"], channel="C1", ts="1700001300.000200")
    told = _wait(slack, "chat.postEphemeral")[-1]["text"]
    assert told.startswith("Not sent:") and "incident" not in told, told
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(OutboxMessage)).scalar_one() == 0


def test_an_approval_card_longer_than_one_message_holds_is_posted_whole_and_decided(
        engine: Engine, tmp_path: Path, mail: smtp.Inbox) -> None:
    """An e-mail for a key account with a body as long as one may be: more text than Slack takes in one message, so
    its approval card comes in several, every word in order and Approve after the last; the decision updates the
    card and the e-mail goes out whole."""
    from slack_sdk import WebClient

    from copilot.slack.approvals import post_cards

    world.build(engine)
    with engine.begin() as conn:
        for name, slack_id in (("Rick Rep", "URICK"), ("Mona Manager", "UMONA")):
            conn.execute(update(User).where(User.name == name).values(slack_user_id=slack_id))
    body = "".join(f"Paragraph {i:03d}. " + "word " * 37 + "\n\n" for i in range(98)).strip()
    with fake_slack() as slack:
        settings = slack_settings(tmp_path, engine, slack, mail)
        with build_services(settings, engine=engine) as services, serve(asgi(build_app(services))) as base:
            outcome = services.copilot.act("Rick Rep", "send_email", {
                "account": "Keystone", "to": "kim@keystone.example", "subject": "The whole plan", "body": body},
                thread_id="t-long", request_key="long")
            assert outcome["status"] == "pending_review"
            post_cards(services, WebClient(token="xoxb-test", base_url=slack.url), [outcome["request"]],
                       {"channel": "C1", "thread_ts": "1700004000.000100"})
            posts = slack.called("chat.postMessage")
            assert len(posts) > 1 and all(p["channel"] == "UMONA" for p in posts)
            shown = "".join(b["text"]["text"] for p in posts for b in _blocks(p)
                            if b["type"] == "section" and b.get("text", {}).get("type") == "plain_text")
            assert [int(n) for n in re.findall(r"Paragraph (\d{3})", shown)] == list(range(98))
            assert "approval_approve" in json.dumps(_blocks(posts[-1]))
            assert not any("approval_approve" in json.dumps(_blocks(p)) for p in posts[:-1])
            card = sorted(ts for (ch, ts) in slack.messages if ch == "UMONA")
            assert len(card) == len(posts)
            _click(base, "UMONA", _buttons(_blocks(posts[-1]))["approval_approve"], channel="UMONA", ts=card[-1])
            # every message of the card is updated, in any order: the one that held Approve says who decided
            updates = _wait(slack, "chat.update", len(card))
            decided = next(u for u in reversed(updates) if u["ts"] == card[-1])
            assert "Approved by Mona Manager" in json.dumps(_blocks(decided))
            _delivered(mail)
            assert b"Paragraph 097." in mail.messages[0].get_payload(decode=True)
            # every message of the card shows the decided request, never a part of it as still waiting
            time.sleep(0.3)
            now = [m for (ch, ts), m in sorted(slack.messages.items()) if ch == "UMONA"]
            shown = "".join(b["text"]["text"] for m in now for b in _blocks(m)
                            if b["type"] == "section" and b.get("text", {}).get("type") == "plain_text")
            assert [int(n) for n in re.findall(r"Paragraph (\d{3})", shown)] == list(range(98))
            assert "Approval needed" not in shown and shown.startswith("Decided, no longer waiting: ")
            assert not any("approval_" in json.dumps(_blocks(m)) for m in now)
            assert {m["ts"] for m in now} <= set(card) and "Approved by Mona Manager" in json.dumps(_blocks(now[-1]))
            assert all(m.get("text") != f"(continued, 2 of {len(posts)})" for m in now)


def test_a_draft_longer_than_one_message_holds_is_sent_from_its_last_message_and_closed_there(
        engine: Engine, tmp_path: Path, mail: smtp.Inbox) -> None:
    """A draft card in two messages (its body longer than one holds): Send in the second sends the whole body, and
    that message is updated to say so, in a card Slack takes."""
    from slack_sdk import WebClient

    from copilot.slack.conversations import answer_in_thread
    from copilot.slack.identity import SlackDirectory

    world.build(engine)
    _history(engine)
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Rick Rep").values(slack_user_id="URICK"))
    body = "".join(f"Paragraph {i:03d}. " + "word " * 37 + "\n\n" for i in range(98)).strip()
    with fake_slack() as slack:
        settings = slack_settings(tmp_path, engine, slack, mail)
        with build_services(settings, engine=engine) as services, serve(asgi(build_app(services))) as base:
            draft = services.copilot.save_draft(3, {
                "draft_id": "d_long", "thread_id": "t-long", "to": "Sam Stone <sam@standard.example>",
                "to_email": "sam@standard.example", "to_name": "Sam Stone", "account": "Standard Co",
                "subject": "The whole plan", "body": body, "cc": []})
            answers_with(services, "One long draft.", [draft])
            client = WebClient(token="xoxb-test", base_url=slack.url)
            answer_in_thread(services, SlackDirectory(engine, client), client, team="T1", channel="C1",
                             thread_ts="1700005000.000100", user="URICK", text="one long draft")
            posts = slack.called("chat.postMessage")
            (card,) = [p for p in posts if "draft_send" in json.dumps(_blocks(p))]
            assert card is not posts[0]  # the card's buttons are in a later message than its first words
            _click(base, "URICK", _buttons(_blocks(card))["draft_send"], channel="C1", ts="1700005000.000300")
            _delivered(mail)
            assert b"Paragraph 097." in mail.messages[0].get_payload(decode=True)
            time.sleep(0.5)
            updates = slack.called("chat.update")
            assert updates and "Sent" in json.dumps(_blocks(updates[-1])) and "draft_send" not in json.dumps(
                _blocks(updates[-1]))
            assert [m for m, _ in slack.calls if m == "chat.update"] and not slack.called("chat.postEphemeral")


def test_a_body_too_long_or_holding_half_a_character_is_refused_in_the_edit_modal_and_the_draft_kept(
        app: tuple[str, FakeSlack], mail: smtp.Inbox) -> None:
    """A body past the longest e-mail allowed, or one holding half of a character (a lone surrogate, which no e-mail
    carries), is said in the Edit modal, with what is wrong; the card and the draft stay as they were, and Send sends
    the version before."""
    from copilot.crm.values import EMAIL_BODY_LIMIT

    base, slack = app
    posted, buttons = _draft_card(base, slack, "Standard Co", "1700006000.000100")
    _click(base, "URICK", buttons["draft_edit"], channel="C1", ts="1700006000.000200")
    view = _opened_view(slack, 1)
    status, response = _submit(base, "URICK", view, {"subject": "Long", "body": "word " * (EMAIL_BODY_LIMIT // 5)
                                                     + "over"})
    said = json.loads(response)["errors"]["body"]
    assert status == 200 and f"{EMAIL_BODY_LIMIT + 4:,} characters" in said and f"{EMAIL_BODY_LIMIT:,}" in said
    status, response = _submit(base, "URICK", view, {"subject": "Half", "body": "Hi Sam,\n\nSee you \ud83d soon."})
    said = json.loads(response)["errors"]["body"]
    assert status == 200 and "half of a character (\\ud83d)" in said, said
    status, response = _submit(base, "URICK", view, {"subject": "Half \udc00", "body": "Hi Sam"})
    assert status == 200 and "half of a character" in json.loads(response)["errors"]["subject"]
    time.sleep(0.3)
    assert slack.called("chat.update") == []  # nothing written
    _click(base, "URICK", buttons["draft_send"], channel="C1", ts="1700006000.000200")  # the card as first shown
    _delivered(mail)
    assert b"Hi Sam" in mail.messages[0].get_payload(decode=True) and mail.messages[0]["Subject"] not in ("Long",
                                                                                                       "Half")


def test_a_draft_longer_than_an_e_mail_holds_is_neither_written_nor_regenerated(
        engine: Engine, tmp_path: Path, mail: smtp.Inbox) -> None:
    """An approver's sentence choice that makes the next draft longer than the longest e-mail allowed: a new draft is
    refused, saying how long it would be and the limit; Regenerate on an earlier card says the same and leaves that
    card and its draft as they were; a change kept outside Slack is refused the same way."""
    from copilot.crm.errors import ToolInputError
    from copilot.crm.values import EMAIL_BODY_LIMIT

    world.build(engine)
    _history(engine)
    with engine.begin() as conn:
        for name, slack_id in (("Rick Rep", "URICK"), ("Mona Manager", "UMONA")):
            conn.execute(update(User).where(User.name == name).values(slack_user_id=slack_id))
    with fake_slack() as slack:
        settings = slack_settings(tmp_path, engine, slack, mail)
        with build_services(settings, engine=engine) as services, serve(asgi(build_app(services))) as base:
            posted, buttons = _draft_card(base, slack, "Standard Co", "1700007000.000100")
            # the approver writes the signature line as one long sentence: the e-mail she edits stays within the limit
            outcome = services.copilot.act("Rick Rep", "send_email", {
                "account": "Standard Co", "to": "sam@standard.example", "subject": "Terms",
                "body": "Hello Sam.\nWe can offer a discount.\nRick Rep"}, thread_id="t-terms", request_key="terms")
            assert outcome["status"] == "pending_review"
            long = ("word " * 3_980).strip()
            services.copilot.edit(outcome["request_id"], "Mona Manager",
                                  {"body": f"Hello Sam.\nWe can offer a discount.\n{long}"})

            _click(base, "URICK", buttons["draft_regenerate"], channel="C1", ts="1700007000.000200")
            told = _wait(slack, "chat.postEphemeral")[-1]["text"]
            assert told.startswith("I could not write a new version") and f"at most {EMAIL_BODY_LIMIT:,}" in told, told
            assert re.search(r"is 2\d,\d{3} characters long", told), told
            time.sleep(0.3)
            assert slack.called("chat.update") == []
            draft_id = buttons["draft_edit"]["value"].partition(";")[0]
            kept = services.copilot.draft(draft_id, "Rick Rep")
            assert "Hi Sam" in kept["body"] and long not in kept["body"]
            with pytest.raises(ToolInputError, match=f"at most {EMAIL_BODY_LIMIT:,}"):
                services.copilot.change_draft(3, {**kept, "body": kept["body"] + long}, "edited")
            assert services.copilot.draft(draft_id, "Rick Rep")["body"] == kept["body"]

            _mention(base, "URICK", "<@UBOT> draft an email to Standard Co about the pilot", "1700007100.000100",
                     "Ev71")
            answer = next(p for p in _wait(slack, "chat.postMessage", 2) if p.get("thread_ts") == "1700007100.000100")
            shown = json.dumps(_blocks(answer))
            assert "draft_send" not in shown and f"{EMAIL_BODY_LIMIT:,}" in shown, shown


def test_a_card_in_two_messages_is_changed_in_both_and_the_thread_never_mixes_versions(
        engine: Engine, tmp_path: Path, mail: smtp.Inbox) -> None:
    """A draft longer than one message holds (an approver wrote its greeting as one long sentence) comes as a card in
    two messages, the buttons in the second. Regenerate writes a shorter version: the thread then shows that version
    alone, in the message with the buttons, the first message of the old card removed; a longer version takes both
    messages again; and Send then sends the version shown, whole."""
    world.build(engine)
    _history(engine)
    with engine.begin() as conn:
        for name, slack_id in (("Rick Rep", "URICK"), ("Mona Manager", "UMONA")):
            conn.execute(update(User).where(User.name == name).values(slack_user_id=slack_id))
    with fake_slack() as slack:
        settings = slack_settings(tmp_path, engine, slack, mail)
        with build_services(settings, engine=engine) as services, serve(asgi(build_app(services))) as base:
            long = ("word " * 3_000).strip()
            outcome = services.copilot.act("Rick Rep", "send_email", {
                "account": "Standard Co", "to": "sam@standard.example", "subject": "Terms",
                "body": "Hi Sam,\nWe can offer a discount.\nRick Rep"}, thread_id="t-terms", request_key="terms")
            services.copilot.edit(outcome["request_id"], "Mona Manager",
                                  {"body": f"{long}\nWe can offer a discount.\nRick Rep"})
            thread = "1700008000.000100"
            _mention(base, "URICK", "<@UBOT> draft an email to Standard Co about the pilot", thread, "Ev80")
            _wait(slack, "chat.postMessage", 2)
            time.sleep(0.3)

            def shown() -> tuple[list[dict[str, Any]], str]:
                messages = slack.shown("C1", thread)
                return messages, "\n".join(_strings([_blocks(m) for m in messages]))

            messages, text = shown()
            assert len(messages) == 2 and text.count("word") == 3_000  # the card in two messages, the body once
            assert "draft_send" not in json.dumps(_blocks(messages[0])) and "draft_send" in json.dumps(
                _blocks(messages[1]))
            first, last = messages[0]["ts"], messages[1]["ts"]

            _click(base, "URICK", _buttons(_blocks(messages[1]))["draft_regenerate"], channel="C1", ts=last,
                   thread_ts=thread, blocks=_blocks(messages[1]))
            _wait(slack, "chat.delete")
            time.sleep(0.3)
            messages, text = shown()
            assert [m["ts"] for m in messages] == [last], "the old card's first message is removed"
            assert "Dear Sam Stone" in text and "Regenerated in a formal tone" in text
            assert "word" not in text and "Hi Sam" not in text  # nothing of the version before
            assert [(c["channel"], c["ts"]) for c in slack.called("chat.delete")] == [("C1", first)]
            assert "feedback_up" in json.dumps(_blocks(messages[0]))  # the answer's feedback buttons stay

            # a version longer than the card's one message now: it goes on in a new message, the buttons there
            _click(base, "URICK", _buttons(_blocks(messages[0]))["draft_regenerate"], channel="C1", ts=last,
                   thread_ts=thread, blocks=_blocks(messages[0]))  # direct
            deadline = time.monotonic() + 30
            while "in a direct tone" not in shown()[1] and time.monotonic() < deadline:
                time.sleep(0.1)
            _click(base, "URICK", _buttons(_blocks(messages[0]))["draft_regenerate"], channel="C1", ts=last,
                   thread_ts=thread, blocks=_blocks(messages[0]))  # friendly again, with the approver's long greeting
            deadline = time.monotonic() + 30
            while shown()[1].count("word") != 3_000 and time.monotonic() < deadline:
                time.sleep(0.1)
            messages, text = shown()
            assert len(messages) == 2 and text.count("word") == 3_000 and "Dear Sam Stone" not in text, text[:300]
            assert messages[0]["ts"] == last and "draft_send" in json.dumps(_blocks(messages[1]))
            send = _buttons(_blocks(messages[1]))["draft_send"]
            assert "feedback_up" in json.dumps(_blocks(messages[1]))  # after the card's last word, as posted
            _click(base, "URICK", send, channel="C1", ts=messages[1]["ts"], thread_ts=thread,
                   blocks=_blocks(messages[1]))
            _delivered(mail)
            assert mail.messages[0].get_payload(decode=True).decode().count("word") == 3_000
            time.sleep(0.5)
            messages, text = shown()
            assert len(messages) == 2 and text.count("word") == 3_000 and "draft_send" not in text
            assert any("Sent" in s for s in _strings(_blocks(messages[1])))
            assert "feedback_up" in json.dumps(_blocks(messages[1]))


def _outside_cards(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The blocks of ``messages`` that are no draft's card (nor the line saying where a card went), in order: a card
    runs from its ``draft_card:`` block (or its message's start) to its ``draft:`` block (or its message's end)."""
    out: list[dict[str, Any]] = []
    for blocks in (_blocks(m) for m in messages):
        ids = [str(b.get("block_id") or "") for b in blocks]
        inside: set[int] = set()
        for i, block_id in enumerate(ids):
            if block_id.startswith("draft:"):
                start = max((j for j in range(i) if ids[j] == f"draft_card:{block_id[6:]}"), default=0)
                inside |= set(range(start, i + 1))
            elif block_id.startswith("draft_card:") and f"draft:{block_id[11:]}" not in ids:
                inside |= set(range(i, len(ids)))
        out += [b for i, b in enumerate(blocks) if i not in inside and "now in a new message below" not in json.dumps(b)]
    return out


def _two_drafts_in_one_message(services: Any, engine: Engine, slack: FakeSlack, thread: str,
                               **draft: Any) -> dict[str, Any]:
    """Rick's answer with two short drafts to Sam (``d_one`` and ``d_two``, with ``draft``'s fields), posted in
    ``thread``: the one message it comes in."""
    from slack_sdk import WebClient

    from copilot.slack.conversations import answer_in_thread
    from copilot.slack.identity import SlackDirectory

    drafts = [services.copilot.save_draft(3, {
        "draft_id": f"d_{n}", "to": "Sam Stone <sam@standard.example>", "to_email": "sam@standard.example",
        "to_name": "Sam Stone", "account": "Standard Co", **draft,
        "subject": f"Subject {n}", "body": f"Hi Sam,\n\nBody {n}.\n\nRick", "cc": []}) for n in ("one", "two")]
    answers_with(services, "Two drafts for Sam, as asked.", drafts, sources=["DL0001"])
    client = WebClient(token="xoxb-test", base_url=slack.url)
    answer_in_thread(services, SlackDirectory(engine, client), client, team="T1", channel="C1",
                     thread_ts=thread, user="URICK", text="two drafts")
    (message,) = slack.shown("C1", thread)
    return message


def test_changing_one_draft_of_a_message_leaves_the_answer_and_the_other_draft_as_they_were(
        engine: Engine, tmp_path: Path, mail: smtp.Inbox) -> None:
    """An answer with two short drafts comes in one message: its words, both cards, the records, the AI mark and the
    feedback buttons. An Edit saved in the modal of the first, then a Send of the second (clicked on the message as it
    was before the Edit), change that card alone: every other block of the message is still there as it was, the other
    card keeps its buttons and they still work."""
    world.build(engine)
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Rick Rep").values(slack_user_id="URICK"))
    with fake_slack() as slack:
        settings = slack_settings(tmp_path, engine, slack, mail)
        with build_services(settings, engine=engine) as services, serve(asgi(build_app(services))) as base:
            thread = "1700009000.000100"
            message = _two_drafts_in_one_message(services, engine, slack, thread, thread_id="t-two")
            ts, before = message["ts"], _blocks(message)
            others = _outside_cards([message])
            shown = json.dumps(others)
            assert "Two drafts for Sam" in shown and "feedback_up" in shown and "Records: DL0001" in shown
            assert [b["block_id"] for b in before if str(b.get("block_id")).startswith("draft")] == [
                "draft_card:d_one", "draft:d_one", "draft_card:d_two", "draft:d_two"]

            _click(base, "URICK", _buttons(before[:[b.get("block_id") for b in before].index("draft:d_one") + 1])[
                "draft_edit"], channel="C1", ts=ts, thread_ts=thread, blocks=before)
            view = _opened_view(slack, 1)
            assert _submit(base, "URICK", view, {"subject": "Subject one, edited", "body": "Hi Sam,\n\nNew."})[0] == 200
            _wait(slack, "chat.update")
            (message,) = slack.shown("C1", thread)
            after = _blocks(message)
            assert _outside_cards([message]) == others  # the answer's words, the records, the feedback: as they were
            text = json.dumps(after)
            assert "Subject one, edited" in text and "Edited by Rick Rep" in text and "Body one" not in text
            assert text.count("draft_send") == 2 and "Subject two" in text and "Body two" in text
            two = after[[b.get("block_id") for b in after].index("draft_card:d_two"):]
            assert two == before[[b.get("block_id") for b in before].index("draft_card:d_two"):]  # untouched

            # Send on the second card, clicked as the message showed before the Edit (a click that crossed the update
            # on its way): the edited first card stays
            _click(base, "URICK", _buttons(two)["draft_send"], channel="C1", ts=ts, thread_ts=thread, blocks=before)
            _delivered(mail)
            assert mail.messages[0]["Subject"] == "Subject two"
            _wait(slack, "chat.update", 2)
            (message,) = slack.shown("C1", thread)
            final = json.dumps(_blocks(message))
            assert _outside_cards([message]) == others
            assert "Subject one, edited" in final and final.count("draft_send") == 1 and "Sent" in final


def test_a_card_grown_past_what_its_shared_message_holds_moves_to_new_messages_and_nothing_else_changes(
        engine: Engine, tmp_path: Path, mail: smtp.Inbox) -> None:
    """Two short drafts share one message with the answer's words and its feedback buttons. Regenerate writes the
    first again in a version too long for that message (an approver wrote its greeting as one long sentence): the
    new card comes in new messages of the thread, its buttons after its last word, and the message it left keeps the
    answer's words, the other card and the feedback as they were, and says where the draft went. Send on the new card
    then sends that version whole and closes it in both of its messages, the shared message untouched."""
    world.build(engine)
    _history(engine)
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Rick Rep").values(slack_user_id="URICK"))
    with fake_slack() as slack:
        settings = slack_settings(tmp_path, engine, slack, mail)
        with build_services(settings, engine=engine) as services, serve(asgi(build_app(services))) as base:
            outcome = services.copilot.act("Rick Rep", "send_email", {
                "account": "Standard Co", "to": "sam@standard.example", "subject": "Terms",
                "body": "Hi Sam,\nWe can offer a discount.\nRick Rep"}, thread_id="t-terms", request_key="terms")
            services.copilot.edit(outcome["request_id"], "Mona Manager",
                                  {"body": f"{('word ' * 3_000).strip()}\nWe can offer a discount.\nRick Rep"})
            thread = "1700009100.000100"
            message = _two_drafts_in_one_message(services, engine, slack, thread, thread_id="t-grow", tone="direct")
            ts, before = message["ts"], _blocks(message)
            others = _outside_cards([message])
            two = before[[b.get("block_id") for b in before].index("draft_card:d_two"):
                         [b.get("block_id") for b in before].index("draft:d_two") + 1]

            regenerate = next(e for b in before if b.get("block_id") == "draft:d_one" for e in b["elements"]
                              if e["action_id"] == "draft_regenerate")
            _click(base, "URICK", regenerate, channel="C1", ts=ts, thread_ts=thread, blocks=before)
            deadline = time.monotonic() + 30
            while len(slack.shown("C1", thread)) < 3 and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(0.3)
            messages = slack.shown("C1", thread)
            assert [m["ts"] for m in messages][0] == ts and len(messages) == 3, [m.get("text") for m in messages]
            kept = _blocks(messages[0])
            assert _outside_cards(messages) == others  # the answer's words, the records, the feedback: as they were
            assert "now in a new message below" in json.dumps(kept) and "Body one" not in json.dumps(kept)
            ids = [b.get("block_id") for b in kept]
            assert kept[ids.index("draft_card:d_two"):ids.index("draft:d_two") + 1] == two  # the other card, untouched
            moved = "\n".join(_strings([_blocks(m) for m in messages[1:]]))
            assert moved.count("word") == 3_000 and "Regenerated in a friendly tone" in moved
            assert "draft_send" not in json.dumps(_blocks(messages[1])) and "draft_send" in json.dumps(
                _blocks(messages[2]))

            _click(base, "URICK", _buttons(_blocks(messages[2]))["draft_send"], channel="C1", ts=messages[2]["ts"],
                   thread_ts=thread, blocks=_blocks(messages[2]))
            _delivered(mail)
            assert mail.messages[0].get_payload(decode=True).decode().count("word") == 3_000
            time.sleep(0.5)
            after = slack.shown("C1", thread)
            assert [m["ts"] for m in after] == [m["ts"] for m in messages] and _blocks(after[0]) == kept
            closed = "\n".join(_strings([_blocks(m) for m in after[1:]]))
            assert closed.count("word") == 3_000 and "draft_send" not in closed and "Sent" in closed


def test_what_a_message_showed_is_kept_for_a_while_then_dropped(db_url: str, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The blocks a message showed are kept in the app's store (SQLite or PostgreSQL) for KEPT_DAYS, not for ever:
    a later write, once an hour at most, drops the records past their time, and only those."""
    from copilot.slack import messages
    from memory.checkpoints import open_memory

    settings = Settings(home=tmp_path / "home", database_url=db_url)
    blocks = [{"type": "section", "block_id": "b1", "text": {"type": "mrkdwn", "text": "kept"}}]
    with open_memory(settings) as memory:
        store = memory.store
        messages._swept.pop(id(store), None)
        messages.remember(store, "C1", "1700000000.000100", blocks, now=0.0)  # kept 30 days
        monkeypatch.setattr(messages, "KEPT_DAYS", 1 / 86_400)  # one second, for the next
        messages.remember(store, "C1", "1700000000.000200", blocks, now=1.0)
        time.sleep(2.5)
        messages.remember(store, "C2", "1700000000.000300", blocks, now=2.0)  # within the hour: nothing is dropped
        assert messages.recalled(store, "C1", "1700000000.000200") == blocks
        messages.remember(store, "C2", "1700000000.000400", blocks, now=messages.SWEEP_SECONDS + 1.0)
        assert messages.recalled(store, "C1", "1700000000.000200") is None  # past its time: dropped
        assert messages.recalled(store, "C1", "1700000000.000100") == blocks
        assert messages.recalled(store, "C2", "1700000000.000400") == blocks


def test_a_sent_email_whose_card_slack_refuses_is_still_said_to_be_sent(app: tuple[str, FakeSlack],
                                                                       mail: smtp.Inbox) -> None:
    """The e-mail goes out, then Slack refuses the updated card and the note about it: the rep is told it was sent
    (only the card could not be updated), never that nothing was sent."""
    base, slack = app
    _, buttons = _draft_card(base, slack, "Standard Co", "1700009100.000100")
    slack.refusals["chat.update"] = ["cant_update_message"]
    slack.refusals["chat.postEphemeral"] = ["fatal_error"]
    _click(base, "URICK", buttons["draft_send"], channel="C1", ts="1700009100.000200")
    _delivered(mail, 1)
    told = _wait(slack, "chat.postEphemeral", 2)[-1]
    assert told["text"].startswith("Sent") and "Only the card could not be updated" in told["text"], told
    assert "nothing was sent" not in told["text"]
