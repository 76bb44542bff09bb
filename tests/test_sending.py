"""Sending and crash safety: the outbox, exactly-once execution, and processes killed at the worst moments.

The copilot runs in real subprocesses (the ``copilot`` command), against a real SMTP server, on
SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

import copilot.actions as actions_module
from copilot.actions import perform, prepare, store
from copilot.context import utc_now
from copilot.crm.audit import events
from copilot.crm.identity import identity_for
from copilot.crm.models import Action, Activity, OutboxMessage, Opportunity
from copilot.crm.names import Names
from copilot.review.approvals import decide
from copilot.settings import Settings
from tests import smtp, world
from tests.conftest import ROOT

NOW = dt.datetime(2026, 11, 20, 9, 0)


@pytest.fixture
def mail() -> Iterator[tuple[int, smtp.Inbox]]:
    controller, inbox = smtp.start()
    yield controller.port, inbox
    controller.stop()


@pytest.fixture
def crm(engine: Engine, tmp_path: Path, mail: tuple[int, smtp.Inbox]) -> tuple[Engine, Settings]:
    world.build(engine)
    url = engine.url.render_as_string(hide_password=False)
    return engine, Settings(home=tmp_path / "home", database_url=url, llm="offline", smtp_host="127.0.0.1",
                            smtp_port=mail[0], smtp_from="copilot@ourco.example", smtp_timeout=5)


def _email_request(crm: tuple[Engine, Settings], body: str = "We can offer a discount on the pilot.",
                   now: dt.datetime = NOW) -> dict:
    engine, settings = crm
    request = prepare(engine, settings, identity_for(engine, "Rick Rep"), Names.load(engine), "send_email",
                      {"account": "Standard Co", "to": "sam@standard.example", "subject": "The pilot", "body": body},
                      thread_id="thread-1", call_id="call-1", now=now)
    stored, _ = store(engine, request, now=now)
    assert request["needs_review"]  # pricing language
    return stored


def test_an_approved_email_is_sent_once_with_its_message_id(crm, mail, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    engine, settings = crm
    _, inbox = mail
    request = _email_request(crm)
    result = decide(engine, settings, identity_for(engine, "Mona Manager"), request["id"], "approve", now=NOW)
    assert result["delivery"] == "sent" and result["message"] == "Sent: the e-mail to sam@standard.example."
    assert len(inbox.messages) == 1
    sent = inbox.messages[0]
    assert sent["Message-ID"] == f"<{request['id']}@ourco.example>" and sent["To"] == "sam@standard.example"
    # a second run of the execute step reaches the idempotent branch and sends nothing
    calls: list[str] = []
    original = actions_module.already_done
    monkeypatch.setattr(actions_module, "already_done", lambda row: calls.append(row.id) or original(row))
    again = perform(engine, settings, request["id"], now=NOW)
    assert calls == [request["id"]] and again["note"] == "already executed; not repeated"
    assert len(inbox.messages) == 1
    with engine.connect() as conn:
        assert conn.execute(select(OutboxMessage.status)).scalars().all() == ["sent"]
        assert conn.execute(select(Activity.id)).scalars().all() == [f"cp-{request['id']}"]
    assert [e["event"] for e in events(engine, action_id=request["id"])] == [
        "requested", "approved", "executed", "email_sent"]


def test_an_unreachable_server_leaves_the_email_queued_then_it_is_sent(crm, mail) -> None:  # noqa: ANN001
    from copilot.review.outbox import send_queued

    engine, settings = crm
    _, inbox = mail
    request = _email_request(crm)
    closed = settings.model_copy(update={"smtp_port": smtp.free_port()})
    result = decide(engine, closed, identity_for(engine, "Mona Manager"), request["id"], "approve", now=NOW)
    assert result["delivery"] == "queued" and "could not be reached" in result["message"]
    assert inbox.messages == []
    assert [r["status"] for r in send_queued(engine, settings, now=NOW)] == ["sent"]
    assert send_queued(engine, settings, now=NOW) == [] and len(inbox.messages) == 1


def _env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COPILOT_", "OPENAI_"))}
    env.update(COPILOT_HOME=str(settings.home), COPILOT_DATABASE_URL=settings.database_url or "", COPILOT_LLM="offline",
               COPILOT_SMTP_HOST=settings.smtp_host or "", COPILOT_SMTP_PORT=str(settings.smtp_port),
               COPILOT_SMTP_FROM=settings.smtp_from, COPILOT_SMTP_TIMEOUT="5", PYTHONUNBUFFERED="1")
    return env


def _copilot(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "copilot.cli", *args], capture_output=True, text=True,
                          env=_env(settings), cwd=ROOT, timeout=240)


def _read_until(proc: subprocess.Popen[str], pattern: str, timeout: float = 180) -> str:
    seen = ""
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen += line
        if re.search(pattern, seen):
            return seen
    proc.kill()
    pytest.fail(f"the copilot never printed {pattern!r}; it printed: {seen[-2000:]}")


@pytest.mark.slow
def test_killed_while_waiting_for_review_then_approved_from_a_new_process(crm, mail) -> None:  # noqa: ANN001
    engine, settings = crm
    chat = subprocess.Popen([sys.executable, "-m", "copilot.cli", "chat", "--as", "Rick Rep"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env(settings), cwd=ROOT)
    assert chat.stdin is not None
    chat.stdin.write("move deal DL0001 to won for $900\n")
    chat.stdin.flush()
    printed = _read_until(chat, r"request (act_[0-9a-f]{16})\)")
    request_id = re.search(r"request (act_[0-9a-f]{16})\)", printed).group(1)
    chat.send_signal(signal.SIGKILL)
    chat.wait(timeout=30)
    assert "Waiting for approval by Mona Manager (manager) or sales-ops" in printed
    with engine.connect() as conn:
        assert conn.execute(select(Opportunity.stage).where(Opportunity.id == "DL0001")).scalar_one() == "Engaging"

    with engine.connect() as conn:
        digest = conn.execute(select(Action.args_hash).where(Action.id == request_id)).scalar_one()
    unbound = _copilot(settings, "approvals", "approve", request_id, "--as", "Mona Manager")
    assert unbound.returncode == 2 and "give --hash" in unbound.stderr  # an approval is bound to what was read
    self_approval = _copilot(settings, "approvals", "approve", request_id, "--as", "Rick Rep", "--hash", digest[:16])
    assert self_approval.returncode == 2 and "you cannot approve your own request" in self_approval.stderr
    approved = _copilot(settings, "approvals", "approve", request_id, "--as", "Mona Manager", "--hash", digest[:16])
    assert approved.returncode == 0, approved.stderr
    assert "Done: move deal DL0001 from Engaging to Won." in approved.stdout
    again = _copilot(settings, "approvals", "approve", request_id, "--as", "Mona Manager", "--hash", digest)
    assert again.returncode == 2 and "already executed" in again.stderr and "Traceback" not in again.stderr
    with engine.connect() as conn:
        assert conn.execute(select(Opportunity.stage, Opportunity.close_value)
                            .where(Opportunity.id == "DL0001")).one() == ("Won", 900)
        assert conn.execute(select(Action.status, Action.decided_by)).all() == [("executed", "Mona Manager")]
    log = [(e["actor"], e["event"]) for e in events(engine, action_id=request_id)]
    assert log == [("Rick Rep", "requested"), ("Rick Rep", "decision_refused"), ("Mona Manager", "approved"),
                   ("Rick Rep", "executed"), ("Mona Manager", "decision_refused")]
    told = _copilot(settings, "ask", "how many deals are in Prospecting?", "--as", "Rick Rep")
    assert told.returncode == 0 and "Update on your requests:" in told.stdout and request_id in told.stdout


@pytest.mark.slow
def test_killed_after_the_smtp_hand_off_the_email_is_never_sent_twice(crm, mail) -> None:  # noqa: ANN001
    engine, settings = crm
    _, inbox = mail
    request = _email_request(crm, now=utc_now())  # the subprocesses read the real clock
    approver: dict[str, subprocess.Popen[str]] = {}
    smtp.kill_on_data(inbox, lambda: approver["proc"].pid)
    approver["proc"] = subprocess.Popen(
        [sys.executable, "-m", "copilot.cli", "approvals", "approve", request["id"], "--as", "Mona Manager",
         "--hash", request["args_hash"]],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(settings), cwd=ROOT)
    output = approver["proc"].communicate(timeout=240)
    assert approver["proc"].returncode == -signal.SIGKILL, output
    inbox.on_data = None
    assert len(inbox.messages) == 1
    with engine.connect() as conn:
        assert conn.execute(select(OutboxMessage.status)).scalar_one() == "sending"
        assert conn.execute(select(Action.status)).scalar_one() == "executed"

    flushed = _copilot(settings, "outbox", "send", "--as", "Olivia Ops")
    assert flushed.returncode == 0, flushed.stderr
    again = _copilot(settings, "approvals", "approve", request["id"], "--as", "Olivia Ops", "--hash",
                     request["args_hash"])
    assert again.returncode == 2 and "already executed" in again.stderr
    listed = _copilot(settings, "outbox", "list", "--as", "Olivia Ops")
    assert "unknown" in listed.stdout and "check whether the message arrived" in listed.stdout
    assert len(inbox.messages) == 1  # never sent twice
    resolved = _copilot(settings, "outbox", "resolve", request["id"], "sent", "--as", "Olivia Ops")
    assert resolved.returncode == 0, resolved.stderr
    with engine.connect() as conn:
        assert conn.execute(select(OutboxMessage.status)).scalar_one() == "sent"
        assert conn.execute(text("SELECT count(*) FROM activities")).scalar_one() == 1
    assert [e["event"] for e in events(engine, action_id=request["id"])][-3:] == [
        "email_unknown", "decision_refused", "email_resolved"]


INJECTED = "=?utf-8?q?The_pilot=0D=0AReply-To:_thief@evil.example=0D=0A=0D=0APay_here?="
"""a subject an outsider can write into their e-mail, repeated by a reply ("Re: ..."): the e-mail library reads the
encoded word as the text it encodes, a line break and a header and a body of their own"""


@pytest.mark.parametrize("hostile", [{"subject": f"Re: {INJECTED}"}, {"subject": "Hi\u2028Bcc: thief@evil.example"},
                                     {"to": "sam(x)@standard.example"}, {"cc": ["a\"b@ourco.example"]},
                                     {"to": "sam@=?utf-8?q?standard=0D=0ABcc:_thief?=.example"}])
def test_a_subject_or_address_the_mail_server_would_read_otherwise_is_refused_before_review(crm, hostile) -> None:  # noqa: ANN001
    from copilot.crm.errors import ToolInputError

    engine, settings = crm
    args = {"account": "Standard Co", "to": "sam@standard.example", "subject": "The pilot", "body": "Hello", **hostile}
    with pytest.raises(ToolInputError, match="to|cc|subject"):
        prepare(engine, settings, identity_for(engine, "Rick Rep"), Names.load(engine), "send_email", args,
                thread_id="thread-h", call_id="call-h", now=NOW)


@pytest.mark.parametrize("row", [{"subject": f"Re: {INJECTED}"}, {"to_addr": "sam(x)@standard.example"},
                                 {"cc_addr": "ann@ourco.example, b\"c@evil.example"}])
def test_a_queued_message_is_sent_only_exactly_as_written(crm, mail, row) -> None:  # noqa: ANN001
    """A message in the outbox that would reach the mail server as other headers or other recipients (one queued
    before the checks on the way in, or written there by hand) fails and is never handed off."""
    from copilot.review.outbox import deliver

    engine, settings = crm
    _, inbox = mail
    values = {"id": "act_hostile", "message_id": "<act_hostile@ourco.example>", "account_id": None,
              "sender": settings.smtp_from, "to_addr": "sam@standard.example", "cc_addr": None,
              "subject": "The pilot", "body": "Hello", "status": "queued", "created_at": NOW, "attempts": 0, **row}
    with engine.begin() as conn:
        conn.execute(OutboxMessage.__table__.insert().values(**values))
    result = deliver(engine, settings, "act_hostile", now=NOW)
    assert result["status"] == "failed" and "not sent" in result["message"]
    assert inbox.messages == []
    with engine.connect() as conn:
        assert conn.execute(select(OutboxMessage.status)).scalars().all() == ["failed"]


def test_a_subject_with_a_word_longer_than_a_header_line_is_sent_whole(crm, mail) -> None:  # noqa: ANN001
    engine, settings = crm
    _, inbox = mail
    subject = "x" * 77 + " " + "y" * 200  # words longer than a header line
    request = prepare(engine, settings, identity_for(engine, "Rick Rep"), Names.load(engine), "send_email",
                      {"account": "Standard Co", "to": "sam@standard.example", "subject": subject, "body": "Hello"},
                      thread_id="thread-long", call_id="call-long", now=NOW)
    stored, _ = store(engine, request, now=NOW)
    assert not request["needs_review"]
    assert perform(engine, settings, stored["id"], now=NOW)["delivery"] == "sent"
    (sent,) = inbox.messages
    from email.header import decode_header, make_header

    assert str(make_header(decode_header(sent["Subject"]))).split() == subject.split()
