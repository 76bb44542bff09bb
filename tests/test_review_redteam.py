"""Red-team tests of human review: every way found to get an action past review, approve what one should not,
send an e-mail twice, reach another user's requests, damage the audit trail or crash a command.

The first part reproduces defects that were found and fixed (each test names the way through it closed);
the second, attacks that were stopped from the start. All must stay stopped. Everything runs on SQLite and on PostgreSQL
(``engine`` fixture); the only network is 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import AIMessage
from sqlalchemy import Engine, event, insert, select, text

from copilot.actions import perform, prepare, store
from copilot.context import utc_now
from copilot.crm.audit import events
from copilot.crm.errors import ScopeError, ToolInputError
from copilot.crm.identity import identity_for
from copilot.crm.models import Account, Action, Contact, Opportunity, OutboxMessage
from copilot.crm.names import Names
from copilot.review.approvals import ReviewError, decide, edit, listing, show
from copilot.review.policy import args_hash, load_policy
from copilot.settings import Settings
from tests import smtp, world
from tests.cli import run_cli
from tests.fakes import ScriptedModel

NOW = dt.datetime(2026, 11, 20, 9, 0)
WON = {"deal_id": "DL0001", "stage": "Won", "close_value": 900}


# --------------------------------------------------------------------------------------------- helpers

@pytest.fixture
def crm(engine: Engine, tmp_path: Path) -> tuple[Engine, Settings]:
    world.build(engine)
    return engine, Settings(home=tmp_path / "home", database_url=engine.url.render_as_string(hide_password=False),
                            llm="offline")


@pytest.fixture
def mail() -> Iterator[tuple[int, smtp.Inbox]]:
    controller, inbox = smtp.start()
    yield controller.port, inbox
    controller.stop()


def _mailing(settings: Settings, port: int, timeout: float = 5) -> Settings:
    return settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": port,
                                       "smtp_from": "copilot@ourco.example", "smtp_timeout": timeout})


def _prepare(crm, user: str, tool: str, args: dict, thread: str = "t1", call: str = "c1",  # noqa: ANN001
             now: dt.datetime = NOW, settings: Settings | None = None) -> dict:
    engine, default = crm
    return prepare(engine, settings or default, identity_for(engine, user), Names.load(engine), tool, args,
                   thread_id=thread, call_id=call, now=now)


def _stored(crm, user: str, tool: str, args: dict, thread: str = "t1", call: str = "c1",  # noqa: ANN001
            now: dt.datetime = NOW) -> dict:
    request = _prepare(crm, user, tool, args, thread, call, now=now)
    stored, earlier = store(crm[0], request, now=now)
    assert earlier is None
    return stored


def _email(to: str = "sam@standard.example", account: str = "Standard Co", body: str = "Shall we meet on Tuesday?",
           subject: str = "Next steps") -> dict:
    return {"account": account, "to": to, "subject": subject, "body": body}


def _status(engine: Engine, request_id: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(Action.status).where(Action.id == request_id)).scalar()


def _deal(engine: Engine, deal: str) -> tuple:
    with engine.connect() as conn:
        return tuple(conn.execute(select(Opportunity.stage, Opportunity.close_value).where(Opportunity.id == deal)).one())


def _event_names(engine: Engine, request_id: str) -> list[str]:
    return [e["event"] for e in events(engine, action_id=request_id)]


def _race(engine: Engine, matches: Callable[[str], bool], *workers: Callable[[], Any],
          wait: float = 3.0) -> list[Any]:
    """Run ``workers`` in threads, each pausing after its first statement that ``matches`` until all got there
    (or ``wait`` seconds passed: a lock that serialises them is fine). Returns each result or exception."""
    barrier = threading.Barrier(len(workers))
    local = threading.local()

    def hook(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if getattr(local, "paused", False) or not matches(statement):
            return
        local.paused = True
        try:
            barrier.wait(wait)
        except threading.BrokenBarrierError:
            pass

    results: list[Any] = [None] * len(workers)

    def run(i: int) -> None:
        try:
            results[i] = workers[i]()
        except Exception as exc:  # noqa: BLE001 - reported to the test
            results[i] = exc

    event.listen(engine, "after_cursor_execute", hook)
    try:
        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(workers))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        event.remove(engine, "after_cursor_execute", hook)
    return results


class RawSmtp:
    """A minimal, misbehaving SMTP server on 127.0.0.1: ``close_at_once``, ``refuse_greeting`` (554),
    ``drop_after_accept`` (250 for the message, then the connection is cut) or ``hang_in_data`` (reads the
    message, never answers)."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.received = 0
        self.stop = threading.Event()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def close(self) -> None:
        self.stop.set()
        self.sock.close()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn: socket.socket) -> None:
        with conn:
            if self.mode == "close_at_once":
                return
            if self.mode == "refuse_greeting":
                conn.sendall(b"554 no service\r\n")
                return
            conn.sendall(b"220 raw ESMTP\r\n")
            stream = conn.makefile("rb")
            while True:
                line = stream.readline()
                if not line:
                    return
                verb = line[:4].upper()
                if verb == b"QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                if verb != b"DATA":
                    conn.sendall(b"250 ok\r\n")
                    continue
                conn.sendall(b"354 go ahead\r\n")
                while stream.readline() not in (b".\r\n", b""):
                    pass
                self.received += 1
                if self.mode == "hang_in_data":
                    self.stop.wait(30)
                    return
                conn.sendall(b"250 queued\r\n")
                if self.mode == "drop_after_accept":
                    conn.shutdown(socket.SHUT_RDWR)
                    return


# ============================================================================ defects found and fixed
# -- review is skipped when the policy says it is needed --------------------------------------------------

def test_percent_off_after_a_number_is_pricing(crm) -> None:  # noqa: ANN001
    request = _prepare(crm, "Rick Rep", "send_email", _email(body="We can do 20% off the pilot if you sign now."))
    assert any("pricing" in r for r in request["reasons"]), request["reasons"]


@pytest.mark.parametrize("body", [
    pytest.param("We can give you a disc\u200bount on the pilot.", id="zero-width-space"),
    pytest.param("We can give you a disc\u00adount on the pilot.", id="soft-hyphen"),
    pytest.param("We can give you a \uff44\uff49\uff53\uff43\uff4f\uff55\uff4e\uff54 on the pilot.", id="fullwidth"),
    pytest.param("Special pri\u200dcing for you this quarter.", id="zero-width-joiner"),
])
def test_pricing_words_cannot_be_hidden_with_invisible_or_fullwidth_characters(crm, body: str) -> None:  # noqa: ANN001
    request = _prepare(crm, "Rick Rep", "send_email", _email(body=body))
    assert any("pricing" in r for r in request["reasons"]), request["reasons"]


@pytest.mark.parametrize("body", [
    "Good news: we will knock a third off the licence fee and throw in onboarding on the house.",
    "The first two months on us if you sign this quarter.",
    "I can cut the fee in half for the pilot.",
    "I can reduce your licence fee for the first year.",
    "We will match their price.",
    "The total is USD5000 for the pilot.",
    "The pilot is 5.000,- EUR.",
    "That is 10 per-cent below what you pay now.",
    "The annual licence comes to 40,000 CAD.",
    "Total for year one: 48.000 AED, payable in advance.",
    "The package is 9 000 kr per seat.",
    "The package is 900 000 KRW per seat.",
    "The renewal comes to 120 000 UAH.",
    "We will skip the setup fee for you.",
    "We'll forgo the onboarding fee entirely.",
    "We will cover the implementation fee.",
    "You pay nothing for the first year.",
    "The first three months won't cost you anything.",
    "No fee for the first year, then the standard terms.",
    "We'll do the licence half-off this quarter.",
    "Buy one seat, get one for nothing.",
    "We can comp the first month.",
    "The renewal will be forty thousand a year instead of fifty.",
    "The first year's on us.", "We'll eat the cost of onboarding.", "We won't charge you for onboarding.",
    "Buy one, get one free.", "The fee goes from 1000 to 900.", "It's 500 per month.", "That's 30 cents per API call.",
    "Стоимость 50000 рублей.", "5000 forint for the pilot", "20 p.c. off", "We'll hold the old rate for you.",
    "No payment until June.", "You can pay in 12 instalments.", "We can give you a disc\u034fount.",
    "A d i s c o u n t is possible.", "A dis-count is possible.", "A \u0501iscount is possible.",
    "Das ist kostenfrei.", "Это бесплатно.", "Ücretsiz deneme.",
])
def test_a_price_concession_in_any_words_is_pricing(crm, body: str) -> None:  # noqa: ANN001
    """A concession no word of the policy's list names (a third off, months on us, the fee cut in half, an amount
    glued to its currency) still waits for an approver."""
    request = _prepare(crm, "Rick Rep", "send_email", _email(body=body))
    assert request["needs_review"] and any("pricing" in r for r in request["reasons"]), request["reasons"]


@pytest.mark.parametrize("body", [
    "Feel free to reach out if anything is unclear.",
    "Count on us for support during the rollout; we proposed a phased rollout to spread the cost.",
    "This could lower the risk for your team, and we can cut through the noise in the first call.",
    "All 5 seats are set up, and the top 3 questions are answered below.",
    "We can cover the agenda in thirty minutes; try the sandbox before then.",
    "Lira from our team will join, with Rand from the solutions team.",
    "In half an hour works for me.",
    "We removed the rate limit on the API and will remove the old license key.",
])
def test_ordinary_words_near_prices_are_not_pricing(crm, body: str) -> None:  # noqa: ANN001
    request = _prepare(crm, "Rick Rep", "send_email", _email(body=body))
    assert not any("pricing" in r for r in request["reasons"]), request["reasons"]


def test_a_partial_workspace_policy_keeps_the_pricing_rule(crm) -> None:  # noqa: ANN001
    _, settings = crm
    settings.home.mkdir(parents=True, exist_ok=True)
    (settings.home / "policy.toml").write_text('[approvers]\ngroup = ["Gina Group"]\n')
    request = _prepare(crm, "Rick Rep", "send_email", _email(body="We can offer a 10% discount."))
    assert request["needs_review"] and any("pricing" in r for r in request["reasons"]), request["reasons"]


def _more_accounts(engine: Engine) -> None:
    """A subsidiary and a parent of Bigdeal (key by open pipeline), a subsidiary of Keystone Labs (itself key as a
    subsidiary of Keystone), each with a contact and a deal of Rick's."""
    with engine.begin() as conn:
        conn.execute(insert(Account), [
            {"id": 20, "name": "Bigdeal Sub", "tier": "standard", "parent_id": 5, "sector": "software"},
            {"id": 21, "name": "Bigdeal Holding", "tier": "standard", "parent_id": None, "sector": "software"},
            {"id": 22, "name": "Keystone Labs EU", "tier": "standard", "parent_id": 4, "sector": "software"}])
        conn.execute(text("UPDATE accounts SET parent_id = 21 WHERE id = 5"))
        conn.execute(insert(Contact), [
            {"id": 20, "email": "sue@bigdealsub.example", "name": "Sue Sub", "account_id": 20, "timezone": "UTC"},
            {"id": 21, "email": "hal@bigdealholding.example", "name": "Hal Hold", "account_id": 21, "timezone": "UTC"},
            {"id": 22, "email": "eve@keystonelabs.example", "name": "Eve Eu", "account_id": 22, "timezone": "UTC"}])
        conn.execute(insert(Opportunity), [
            {"id": f"DL00{i}", "user_id": 3, "product_id": 1, "account_id": i, "stage": "Engaging",
             "engage_date": dt.date(2026, 10, 1)} for i in (20, 21, 22)])


@pytest.mark.parametrize(("account", "to"), [
    pytest.param("Bigdeal Sub", "sue@bigdealsub.example", id="subsidiary-of-pipeline-key"),
    pytest.param("Bigdeal Holding", "hal@bigdealholding.example", id="parent-of-pipeline-key"),
    pytest.param("Keystone Labs EU", "eve@keystonelabs.example", id="subsidiary-of-a-key-subsidiary"),
])
def test_relatives_of_key_accounts_are_key(crm, account: str, to: str) -> None:  # noqa: ANN001
    _more_accounts(crm[0])
    request = _prepare(crm, "Rick Rep", "send_email", _email(to=to, account=account))
    assert request["key_account"] and request["needs_review"], request["reasons"]


def test_reopening_a_won_deal_needs_review(crm) -> None:  # noqa: ANN001
    engine, _ = crm
    with engine.begin() as conn:
        conn.execute(text("UPDATE opportunities SET stage = 'Won', close_value = 5000, close_date = '2026-11-01' "
                          "WHERE id = 'DL0001'"))
    request = _prepare(crm, "Rick Rep", "change_stage", {"deal_id": "DL0001", "stage": "Engaging"})
    assert request["needs_review"], request["reasons"]


# -- approving what one should not -------------------------------------------------------------------------

def test_the_author_of_an_edit_cannot_approve_it(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    mona = identity_for(engine, "Mona Manager")
    original = _stored(crm, "Rick Rep", "send_email", _email(body="We can offer a discount on the pilot."))
    edited = edit(engine, settings, mona, original["id"], {"to": "thief@evil.example"}, now=NOW,
                  names=Names.load(engine))
    with pytest.raises(ReviewError):
        decide(engine, settings, mona, edited["id"], "approve", now=NOW)


def test_an_expired_request_cannot_be_edited(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    original = _stored(crm, "Rick Rep", "send_email", _email(to="new@standard.example"))
    late = NOW + dt.timedelta(hours=100)
    with pytest.raises(ReviewError, match="expired"):
        edit(engine, settings, identity_for(engine, "Mona Manager"), original["id"], {"subject": "Next steps!"},
             now=late, names=Names.load(engine))


def test_a_cli_approval_is_bound_to_the_arguments_shown(crm, capsys, monkeypatch) -> None:  # noqa: ANN001
    engine, settings = crm
    request = _stored(crm, "Rick Rep", "change_stage", WON, now=utc_now())  # the CLI reads the real clock
    url = engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("COPILOT_LLM", "offline")
    shown = run_cli(["approvals", "show", request["id"], "--as", "Mona Manager"], capsys, monkeypatch,
                    home=str(settings.home), database_url=url)
    assert shown.code == 0 and "close_value: 900" in shown.out
    tampered = {**WON, "close_value": 1.0}
    with engine.begin() as conn:
        conn.execute(Action.__table__.update().where(Action.id == request["id"]).values(
            args=tampered, args_hash=args_hash("change_stage", tampered)))
    approved = run_cli(["approvals", "approve", request["id"], "--as", "Mona Manager"], capsys, monkeypatch,
                       home=str(settings.home), database_url=url)
    assert approved.code in (0, 2) and "Traceback" not in approved.err
    assert _deal(engine, "DL0001")[1] != 1


def test_a_policy_that_names_no_approver_is_refused(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    settings.home.mkdir(parents=True, exist_ok=True)
    (settings.home / "policy.toml").write_text("[approvers]\nrequester_manager = false\nops = false\n")
    try:
        load_policy(settings.home)
    except ToolInputError:
        return  # refused as a bad policy: fine
    request = _stored(crm, "Rick Rep", "change_stage", WON)
    assert request["approvers"] == ["sales-ops"]
    decide(engine, settings, identity_for(engine, "Olivia Ops"), request["id"], "approve", now=NOW)


def test_an_approvers_queue_is_not_hidden_by_other_teams_requests(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    mine = _stored(crm, "Rick Rep", "change_stage", WON)
    with engine.begin() as conn:
        conn.execute(insert(Action), [
            {"id": f"act_flood{i:011d}", "tool": "log_activity", "args": {"account": "Carlco", "summary": str(i)},
             "args_hash": f"{i:064d}", "account_id": 6, "requested_by": 6, "thread_id": "flood", "status": "pending",
             "summary": f"log a note on Carlco: {i}", "reasons": ["x"], "facts": {}, "allowed_decisions": ["approve"],
             "created_at": NOW + dt.timedelta(seconds=i + 1), "expires_at": NOW + dt.timedelta(hours=72)}
            for i in range(200)])
    ids = [r["id"] for r in listing(engine, settings, identity_for(engine, "Mona Manager"))]
    assert mine["id"] in ids


def test_a_recipient_is_not_named_by_a_longer_address(crm) -> None:  # noqa: ANN001
    from copilot.review.intent import unrequested

    message = "send an e-mail to ceo@acme.com.au: the pilot starts Monday"
    with crm[0].connect() as conn:
        why = unrequested(conn, "send_email", _email(to="ceo@acme.com", subject="Pilot", body="The pilot starts Monday"),
                          message, [message])
    assert why is not None


# -- the same e-mail twice ---------------------------------------------------------------------------------

def test_the_same_email_with_a_differently_written_address_is_sent_once(crm, mail) -> None:  # noqa: ANN001
    from copilot.runner import Copilot

    engine, settings = crm
    port, inbox = mail
    settings = _mailing(settings, port)
    first = _email(subject="Hello", body="Shall we meet?")
    second = {**first, "to": "Sam@Standard.Example", "account": "standard co"}
    model = ScriptedModel(script=[
        AIMessage(content="", tool_calls=[{"name": "send_email", "args": first, "id": "c1"},
                                          {"name": "send_email", "args": second, "id": "c2"}]),
        AIMessage(content="Sent.")])
    with Copilot(settings, engine, model_provider=lambda ctx: model) as copilot:
        copilot.ask("send Sam Stone at Standard Co an e-mail: Hello. Shall we meet?", "Rick Rep")
    assert len(inbox.messages) == 1, [m["To"] for m in inbox.messages]


def test_the_same_email_stored_concurrently_in_one_thread_is_sent_once(crm, mail) -> None:  # noqa: ANN001
    engine, settings = crm
    port, inbox = mail
    settings = _mailing(settings, port)
    requests = [_prepare(crm, "Rick Rep", "send_email", _email(), thread="same", call=c, settings=settings)
                for c in ("c1", "c2")]
    results = _race(engine, lambda s: "FROM actions" in s and "actions.args_hash =" in s,
                    *[lambda r=r: store(engine, r, now=NOW)[0]["id"] for r in requests])
    assert not [r for r in results if isinstance(r, Exception)], results
    for request_id in dict.fromkeys(results):
        perform(engine, settings, request_id, now=NOW)
    with engine.connect() as conn:
        assert len(conn.execute(select(Action.id).where(Action.thread_id == "same")).all()) == 1
    assert len(inbox.messages) == 1


def test_concurrent_performs_of_one_approved_request_execute_once(crm, request) -> None:  # noqa: ANN001
    engine, settings = crm
    pending = _stored(crm, "Rick Rep", "change_stage", WON)
    with engine.begin() as conn:  # what decide() commits just before it calls perform()
        conn.execute(Action.__table__.update().where(Action.id == pending["id"]).values(
            status="approved", decided_by="Mona Manager", decided_by_id=2, decided_at=NOW,
            approved_hash=pending["args_hash"]))
    results = _race(engine, lambda s: s.lstrip().upper().startswith("SELECT") and "FROM actions" in s
                    and "actions.id =" in s,
                    lambda: perform(engine, settings, pending["id"], now=NOW),
                    lambda: perform(engine, settings, pending["id"], now=NOW))
    assert not [r for r in results if isinstance(r, Exception)], results
    log = _event_names(engine, pending["id"])
    assert log.count("executed") == 1 and "sent_back" not in log, log
    assert _status(engine, pending["id"]) == "executed" and _deal(engine, "DL0001") == ("Won", 900)


# -- crashes and stuck states from tool-call arguments --------------------------------------------------------

def test_a_subject_with_a_line_break_is_refused_or_sent_cleanly(crm, mail) -> None:  # noqa: ANN001
    engine, settings = crm
    port, inbox = mail
    settings = _mailing(settings, port)
    try:
        request = _prepare(crm, "Rick Rep", "send_email", _email(subject="Hello\r\nBcc: x@evil.example"),
                           settings=settings)
    except ToolInputError:
        return  # refused up front: fine
    stored, _ = store(engine, request, now=NOW)
    perform(engine, settings, stored["id"], now=NOW)
    with engine.connect() as conn:
        assert conn.execute(select(OutboxMessage.status)).scalar_one() not in ("sending", "unknown")
    assert all(m["Bcc"] is None for m in inbox.messages)


def test_a_follow_up_at_the_end_of_time_does_not_crash(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    try:
        stored = _stored(crm, "Rick Rep", "schedule_followup",
                         {"account": "Standard Co", "due_at": "9999-12-31T23:00:00-05:00"})
    except ToolInputError:
        return
    result = perform(engine, settings, stored["id"], now=NOW)
    assert result["status"] in ("done", "failed", "sent_back")


def test_the_largest_close_value_accepted_can_be_booked(crm, request) -> None:  # noqa: ANN001
    engine, settings = crm
    try:
        stored = _stored(crm, "Rick Rep", "change_stage", {**WON, "close_value": 1e12})
    except ToolInputError:
        return  # refused up front (the bound made to fit the column): fine
    result = decide(engine, settings, identity_for(engine, "Mona Manager"), stored["id"], "approve", now=NOW)
    assert result["status"] in ("done", "failed") and _status(engine, stored["id"]) in ("executed", "failed")


@pytest.mark.parametrize("args", [
    pytest.param(_email(subject="Hello\x00there"), id="nul-in-subject"),
    pytest.param(_email(body="Shall we meet\x00on Tuesday?"), id="nul-in-body"),
])
def test_a_nul_character_from_the_model_does_not_crash_the_turn(crm, request, args: dict, mail) -> None:  # noqa: ANN001
    from copilot.runner import Copilot

    engine, settings = crm
    settings = _mailing(settings, mail[0])
    model = ScriptedModel(script=[AIMessage(content="", tool_calls=[{"name": "send_email", "args": args, "id": "c1"}]),
                                  AIMessage(content="Done.")])
    with Copilot(settings, engine, model_provider=lambda ctx: model) as copilot:
        result = copilot.ask("send Sam Stone at Standard Co an e-mail: Shall we meet on Tuesday?", "Rick Rep")
    assert result.actions and result.actions[0]["outcome"] in ("not done", "done")


def test_a_long_thread_id_does_not_crash_the_turn(crm, request) -> None:  # noqa: ANN001
    from copilot.runner import Copilot

    engine, settings = crm
    model = ScriptedModel(script=[AIMessage(content="", tool_calls=[{
        "name": "log_activity", "args": {"account": "Standard Co", "summary": "called"}, "id": "c1"}]),
        AIMessage(content="Logged.")])
    with Copilot(settings, engine, model_provider=lambda ctx: model) as copilot:
        try:
            result = copilot.ask("log a call with Standard Co: called", "Rick Rep", thread_id="t" * 100)
        except ToolInputError:
            return  # the thread id refused up front, as one clear line: fine
    assert result.actions


def test_a_policy_file_that_is_not_utf8_is_a_clear_error(crm) -> None:  # noqa: ANN001
    _, settings = crm
    settings.home.mkdir(parents=True, exist_ok=True)
    (settings.home / "policy.toml").write_bytes(b'[approvers]\ngroup = ["G\xe9rard"]\n')
    with pytest.raises(ToolInputError, match="policy.toml"):
        load_policy(settings.home)


# -- what the approver sees, the audit trail -----------------------------------------------------------------

def test_the_approver_sees_no_terminal_control_sequences(crm, capsys, monkeypatch) -> None:  # noqa: ANN001
    engine, settings = crm
    forged = "Shall we meet?\x1b[3A\x1b[2K    to: sam@standard.example\x1b[8m"
    try:
        request = _stored(crm, "Rick Rep", "send_email",
                          _email(to="thief@evil.example", subject="Next\x1b[2K steps", body=forged))
    except ToolInputError:
        return
    url = engine.url.render_as_string(hide_password=False)
    for command in (["approvals", "show", request["id"]], ["approvals", "list"]):
        result = run_cli([*command, "--as", "Mona Manager"], capsys, monkeypatch, home=str(settings.home),
                         database_url=url)
        assert result.code == 0, result.err
        assert "\x1b" not in result.out, command


def test_the_audit_log_cannot_be_emptied(crm, request) -> None:  # noqa: ANN001
    engine, _ = crm
    _stored(crm, "Rick Rep", "change_stage", WON)
    statement = "TRUNCATE audit_log" if engine.dialect.name == "postgresql" else "DELETE FROM audit_log"
    with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
        conn.execute(text(statement))
    assert events(engine)


# ================================================================== attacks that are stopped today (must pass)

@pytest.mark.parametrize("caller", ["Rick Rep", "rick rep", " RICK REP ", "Rita Rep", "Carl Rep", "Nate Manager",
                                    "Gina Group"])
def test_no_one_outside_the_policy_decides_edits_or_sees_a_request(crm, caller: str) -> None:  # noqa: ANN001
    engine, settings = crm
    request = _stored(crm, "Rick Rep", "change_stage", WON)
    who = identity_for(engine, caller)
    for decision in ("approve", "reject"):
        with pytest.raises(ReviewError):
            decide(engine, settings, who, request["id"], decision, reason="ok", now=NOW)
    with pytest.raises(ReviewError):
        edit(engine, settings, who, request["id"], {"stage": "Lost"}, now=NOW, names=Names.load(engine))
    if who.user_id != 3:
        with pytest.raises(ToolInputError) as hidden:
            show(engine, settings, who, request["id"])
        with pytest.raises(ToolInputError) as missing:
            show(engine, settings, who, "act_0000000000000000")
        assert str(hidden.value).replace(request["id"], "X") == str(missing.value).replace("act_0000000000000000", "X")
        assert request["id"] not in [r["id"] for r in listing(engine, settings, who, status=None)]
    assert _status(engine, request["id"]) == "pending" and _deal(engine, "DL0001") == ("Engaging", None)
    refused = [e for e in events(engine, action_id=request["id"]) if e["event"] == "decision_refused"]
    assert len(refused) == 3 and {e["actor_id"] for e in refused} == {who.user_id}


def test_a_group_member_approves_others_but_never_their_own(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    settings.home.mkdir(parents=True, exist_ok=True)
    (settings.home / "policy.toml").write_text('[approvers]\ngroup = ["Gina Group"]\n')
    gina = identity_for(engine, "Gina Group")
    with engine.begin() as conn:  # a deal of Gina's own, so that she can request something
        conn.execute(insert(Opportunity).values(id="DL0099", user_id=7, product_id=1, account_id=6, stage="Engaging",
                                                engage_date=dt.date(2026, 10, 1)))
    mine = _stored(crm, "Gina Group", "change_stage", {"deal_id": "DL0099", "stage": "Lost"}, thread="g")
    with pytest.raises(ReviewError, match="your own request"):
        decide(engine, settings, gina, mine["id"], "approve", now=NOW)
    theirs = _stored(crm, "Rick Rep", "change_stage", WON)
    assert decide(engine, settings, gina, theirs["id"], "approve", now=NOW)["status"] == "done"


@pytest.mark.parametrize(("request_args", "changes", "error"), [
    ({"account": "Standard Co", "summary": "called", "type": "call"}, {"account": "Carlco"}, ScopeError),
    ({"account": "Standard Co", "summary": "called", "type": "call"}, {"account": "No Such Company Ltd"}, ToolInputError),
    (WON, {"deal_id": "DL0006"}, ScopeError),                            # Carl's deal
    (WON, {"close_value": "lots"}, ToolInputError),
    (WON, {"close_value": "1e13"}, ToolInputError),
    (WON, {"close_value": "nan"}, ToolInputError),
    (WON, {"stage": "Closed"}, ToolInputError),
    (WON, {"requested_by": "1"}, ToolInputError),                        # not a field
    (WON, {"approved_hash": "x"}, ToolInputError),
])
def test_an_edit_cannot_leave_the_requesters_scope_or_the_schema(crm, request_args, changes, error) -> None:  # noqa: ANN001
    engine, settings = crm
    tool = "change_stage" if "deal_id" in request_args else "log_activity"
    if tool == "log_activity":  # make it reviewable: Standard Co becomes key for this request
        with engine.begin() as conn:
            conn.execute(text("UPDATE accounts SET tier = 'key' WHERE id = 1"))
    original = _stored(crm, "Rick Rep", tool, request_args)
    with pytest.raises(error):
        edit(engine, settings, identity_for(engine, "Mona Manager"), original["id"], changes, now=NOW,
             names=Names.load(engine))
    with engine.connect() as conn:
        assert conn.execute(select(Action.id, Action.status)).all() == [(original["id"], "pending")]


def test_an_edit_of_an_email_to_a_huge_or_injected_value_is_refused(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    original = _stored(crm, "Rick Rep", "send_email", _email(body="A discount for you."))
    mona = identity_for(engine, "Mona Manager")
    for changes in ({"body": "x" * 20_001}, {"to": "sam@standard.example\r\nBcc: x@evil.example"},
                    {"to": "sam@standard.example, x@evil.example"}, {"to": "Sam <x@evil.example>"},
                    {"subject": ""}, {"bcc": "x@evil.example"}, {"cc": "x@evil.example\r\nBcc: y@evil.example"},
                    {"cc": "Sam <x@evil.example>"}, {"cc": "x@evil.example y@evil.example"},
                    {"cc": ", ".join(f"x{i}@evil.example" for i in range(6))}, {"cc": "SAM@standard.example"}):
        with pytest.raises(ToolInputError):
            edit(engine, settings, mona, original["id"], changes, now=NOW, names=Names.load(engine))
    assert _status(engine, original["id"]) == "pending"


def test_an_edit_always_waits_and_the_requester_cannot_approve_it(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    original = _stored(crm, "Rick Rep", "send_email", _email(to="thief@evil.example"))
    # edited into something the policy would let through on its own: it still waits for a decision
    edited = edit(engine, settings, identity_for(engine, "Mona Manager"), original["id"],
                  {"to": "sam@standard.example"}, now=NOW, names=Names.load(engine))
    assert _status(engine, edited["id"]) == "pending"
    for caller in ("Rick Rep", "Rita Rep"):
        with pytest.raises(ReviewError):
            decide(engine, settings, identity_for(engine, caller), edited["id"], "approve", now=NOW)
        with pytest.raises(ReviewError):
            edit(engine, settings, identity_for(engine, caller), edited["id"], {"subject": "x"}, now=NOW,
                 names=Names.load(engine))
    assert perform(engine, settings, edited["id"], now=NOW)["status"] == "pending_review"


def test_two_approvers_at_once_make_one_decision_and_one_execution(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    request = _stored(crm, "Rick Rep", "change_stage", WON)
    approvers = [identity_for(engine, n) for n in ("Mona Manager", "Olivia Ops")]
    results = _race(engine, lambda s: s.lstrip().upper().startswith("SELECT") and "FROM actions" in s
                    and "actions.id =" in s,
                    *[lambda who=who: decide(engine, settings, who, request["id"], "approve", now=NOW)
                      for who in approvers])
    done = [r for r in results if isinstance(r, dict)]
    refused = [r for r in results if isinstance(r, ReviewError)]
    assert len(done) == 1 and len(refused) == 1, results
    assert done[0]["status"] == "done" and "a moment ago" in str(refused[0])
    assert _event_names(engine, request["id"]).count("executed") == 1
    assert _event_names(engine, request["id"]).count("approved") == 1


def test_an_approval_and_a_rejection_at_once_make_one_decision(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    request = _stored(crm, "Rick Rep", "change_stage", WON)
    mona, olivia = identity_for(engine, "Mona Manager"), identity_for(engine, "Olivia Ops")
    results = _race(engine, lambda s: s.lstrip().upper().startswith("SELECT") and "FROM actions" in s
                    and "actions.id =" in s,
                    lambda: decide(engine, settings, mona, request["id"], "approve", now=NOW),
                    lambda: decide(engine, settings, olivia, request["id"], "reject", reason="no", now=NOW))
    assert sum(isinstance(r, dict) for r in results) == 1 and sum(isinstance(r, ReviewError) for r in results) == 1
    final = _status(engine, request["id"])
    assert final in ("executed", "rejected")
    assert (_deal(engine, "DL0001")[0] == "Won") is (final == "executed")


@pytest.mark.parametrize("change", ["reassigned", "became_key", "contact_deleted", "requester_left_team"])
def test_execution_sends_back_when_the_facts_changed(crm, mail, change: str) -> None:  # noqa: ANN001
    engine, settings = crm
    port, inbox = mail
    settings = _mailing(settings, port)
    request = _stored(crm, "Rick Rep", "send_email", _email(body="We can offer a discount on the pilot."))
    with engine.begin() as conn:
        if change == "reassigned":  # Standard Co's only deal of Rick's goes to Carl (another team)
            conn.execute(text("UPDATE opportunities SET user_id = 6 WHERE account_id = 1"))
        elif change == "became_key":
            conn.execute(text("UPDATE accounts SET tier = 'key' WHERE id = 1"))
        elif change == "contact_deleted":
            conn.execute(text("DELETE FROM contacts WHERE id = 1"))
        else:  # Rick moves to Nate's team: Mona may no longer decide
            conn.execute(text("UPDATE users SET manager_id = 5 WHERE id = 3"))
    mona = identity_for(engine, "Mona Manager")
    if change == "requester_left_team":
        with pytest.raises(ReviewError, match="only Nate Manager"):
            decide(engine, settings, mona, request["id"], "approve", now=NOW)
        assert _status(engine, request["id"]) == "pending"
    else:
        result = decide(engine, settings, mona, request["id"], "approve", now=NOW)
        assert result["status"] == "sent_back" and _status(engine, request["id"]) == "sent_back", result
    assert inbox.messages == []
    with engine.connect() as conn:
        assert conn.execute(select(OutboxMessage.id)).all() == []


def test_a_stage_change_on_a_deal_that_changed_hands_is_sent_back(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    request = _stored(crm, "Rick Rep", "change_stage", WON)
    with engine.begin() as conn:
        conn.execute(text("UPDATE opportunities SET user_id = 4 WHERE id = 'DL0001'"))  # to Rita, same team
    result = decide(engine, settings, identity_for(engine, "Mona Manager"), request["id"], "approve", now=NOW)
    assert result["status"] == "sent_back" and _deal(engine, "DL0001") == ("Engaging", None)


def test_database_tampering_without_rehashing_is_refused(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    mona = identity_for(engine, "Mona Manager")
    request = _stored(crm, "Rick Rep", "change_stage", WON)
    decide(engine, settings, mona, request["id"], "approve", now=NOW)  # executed
    auto = _stored(crm, "Rick Rep", "log_activity", {"account": "Standard Co", "summary": "called"}, thread="t2")
    with engine.begin() as conn:  # an approved-by-policy request rewritten before it runs
        conn.execute(Action.__table__.update().where(Action.id == auto["id"]).values(
            args={"account": "Keystone", "summary": "called"}))
    assert perform(engine, settings, auto["id"], now=NOW)["status"] == "sent_back"
    assert "refused_hash_mismatch" in _event_names(engine, auto["id"])


@pytest.mark.parametrize("to", ["sam@standard.example\r\nBcc: x@evil.example", "sam@standard.example\nBcc: x@e.example",
                                "sam@standard.example, x@evil.example", "sam@standard.example;x@evil.example",
                                "Sam Stone <x@evil.example>", "sam @standard.example", "x" * 400 + "@evil.example"])
def test_header_injection_in_the_recipient_is_refused(crm, to: str) -> None:  # noqa: ANN001
    with pytest.raises(ToolInputError):
        _prepare(crm, "Rick Rep", "send_email", _email(to=to))


def test_a_scripted_adversarial_model_gets_nothing_done(crm, mail) -> None:  # noqa: ANN001
    from copilot.runner import Copilot

    engine, settings = crm
    port, inbox = mail
    settings = _mailing(settings, port)
    bad = [("send_email", {**_email(), "bcc": "x@evil.example"}),                        # extra key
           ("send_email", {**_email(), "to": ["sam@standard.example", "x@evil.example"]}),  # wrong type
           ("send_email", _email(body="y" * 1_000_000)),                                   # enormous body
           ("change_stage", {"deal_id": "DL0006", "stage": "Lost"}),                       # another team's deal
           ("log_activity", {"account": "Standard Co", "summary": {"$ne": 1}}),            # wrong type
           ("send_email", _email(to="sam@standard.example\r\nBcc: x@evil.example"))]       # header injection
    model = ScriptedModel(script=[
        AIMessage(content="", tool_calls=[{"name": n, "args": a, "id": f"c{i}"} for i, (n, a) in enumerate(bad)]),
        AIMessage(content="All done.")])
    with Copilot(settings, engine, model_provider=lambda ctx: model) as copilot:
        result = copilot.ask("send Sam Stone at Standard Co an e-mail: Shall we meet on Tuesday?", "Rick Rep")
    assert [a["outcome"] for a in result.actions] == ["not done"] * len(bad), result.actions
    assert inbox.messages == []
    with engine.connect() as conn:
        assert conn.execute(select(Action.id)).all() == []
    assert [e["event"] for e in events(engine)].count("refused_request") == len(bad)


def test_a_hostile_reason_is_cut_and_kept_as_text(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    request = _stored(crm, "Rick Rep", "change_stage", WON)
    reason = "[bold]no[/bold] " + "z" * 1_000_000
    result = decide(engine, settings, identity_for(engine, "Mona Manager"), request["id"], "reject", reason=reason,
                    now=NOW)
    with engine.connect() as conn:
        stored = conn.execute(select(Action.decision_reason).where(Action.id == request["id"])).scalar_one()
    assert stored.startswith("[bold]no[/bold] z") and len(stored) == 1000
    assert result["status"] == "rejected" and len(result["message"]) < 1200


def test_decisions_on_unknown_ids_are_refused_and_audited_with_the_caller(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    rita = identity_for(engine, "Rita Rep")
    for request_id in ("act_" + "0" * 16, "x" * 5000, "' OR 1=1 --"):
        with pytest.raises(ReviewError):
            decide(engine, settings, rita, request_id, "approve", now=NOW)
    refused = [e for e in events(engine) if e["event"] == "decision_refused"]
    assert len(refused) == 3 and all(e["actor_id"] == 4 and len(e["action_id"]) <= 64 for e in refused)


@pytest.mark.parametrize("who", ["Rick Rep", "Mona Manager", "Gina Group"])
def test_only_ops_change_a_tier_and_the_change_then_applies(crm, who: str) -> None:  # noqa: ANN001
    from copilot.crm.admin import set_tier

    engine, _ = crm
    with pytest.raises(ScopeError):
        set_tier(engine, "Standard Co", "standard" if who == "Rick Rep" else "key", by=identity_for(engine, who))
    assert not _prepare(crm, "Rick Rep", "send_email", _email())["needs_review"]
    set_tier(engine, "Standard Co", "key", by=identity_for(engine, "Olivia Ops"))
    assert _prepare(crm, "Rick Rep", "send_email", _email())["needs_review"]
    assert [(e["actor_id"], e["event"]) for e in events(engine)] == [
        (identity_for(engine, who).user_id, "tier_change_refused"), (1, "tier_changed")]


def test_request_ids_are_per_conversation_and_per_arguments(crm) -> None:  # noqa: ANN001
    a = _prepare(crm, "Rick Rep", "change_stage", WON, thread="a")
    b = _prepare(crm, "Rick Rep", "change_stage", WON, thread="b")
    c = _prepare(crm, "Rick Rep", "change_stage", {**WON, "close_value": 901}, thread="a")
    assert len({a["id"], b["id"], c["id"]}) == 3 and all(len(r["id"]) == 20 for r in (a, b, c))


# -- the outbox against misbehaving mail servers --------------------------------------------------------------

def _approved_email(crm, settings: Settings) -> dict:  # noqa: ANN001
    engine, _ = crm
    request = _prepare(crm, "Rick Rep", "send_email", _email(body="We can offer a discount on the pilot."),
                       settings=settings)
    stored, _ = store(engine, request, now=NOW)
    return decide(engine, settings, identity_for(engine, "Mona Manager"), stored["id"], "approve", now=NOW)


@pytest.mark.parametrize(("mode", "delivery", "received"), [
    ("drop_after_accept", "sent", 1),     # 250 for the message, then the line is cut: it was handed off
    ("hang_in_data", "unknown", 1),       # the message went, no answer: a person checks, never re-sent
    ("close_at_once", "queued", 0),       # nothing handed off: retried later
    ("refuse_greeting", "queued", 0),
])
def test_a_misbehaving_mail_server_never_gets_the_email_twice(crm, mode: str, delivery: str, received: int) -> None:  # noqa: ANN001
    from copilot.review.outbox import send_queued

    engine, settings = crm
    server = RawSmtp(mode)
    try:
        settings = _mailing(settings, server.port, timeout=2)
        result = _approved_email(crm, settings)
        assert result["delivery"] == delivery, result
        assert server.received == received
        send_queued(engine, settings, now=NOW + dt.timedelta(hours=1))
        time.sleep(0.2)
        if delivery == "queued":  # retried against the same server: still nothing handed off, still queued
            assert server.received == 0
        else:
            assert server.received == 1  # never twice
        with engine.connect() as conn:
            assert conn.execute(select(OutboxMessage.status)).scalar_one() == delivery
    finally:
        server.close()


def test_resolve_only_touches_an_unknown_message_and_only_once(crm, mail) -> None:  # noqa: ANN001
    from copilot.review.outbox import resolve

    engine, settings = crm
    port, inbox = mail
    settings = _mailing(settings, port)
    result = _approved_email(crm, settings)
    request_id = result["request_id"]
    ops = identity_for(engine, "Olivia Ops")
    for arrived in (True, False):
        with pytest.raises(ToolInputError, match="waiting to be checked"):
            resolve(engine, request_id, arrived=arrived, by=ops, now=NOW)
    with pytest.raises(ToolInputError):
        resolve(engine, "act_nope", arrived=True, by=ops, now=NOW)
    with engine.connect() as conn:
        assert conn.execute(select(OutboxMessage.status)).scalar_one() == "sent"
    assert len(inbox.messages) == 1


def test_outbox_and_audit_commands_are_for_ops_only(crm, capsys, monkeypatch) -> None:  # noqa: ANN001
    engine, settings = crm
    url = engine.url.render_as_string(hide_password=False)
    for command in (["outbox", "list"], ["outbox", "send"], ["outbox", "resolve", "act_x", "sent"], ["audit", "list"]):
        for who in ("Rick Rep", "Mona Manager"):
            result = run_cli([*command, "--as", who], capsys, monkeypatch, home=str(settings.home), database_url=url)
            assert result.code == 2 and "sales-ops only" in result.err and "Traceback" not in result.err, command


def test_a_look_alike_address_is_spelled_out_and_named_as_the_contact_it_imitates(crm) -> None:  # noqa: ANN001
    """A Cyrillic "е" in place of "e" makes another address that reads like the contact's: the approver is told which
    characters it holds and whom it imitates, not only that it is unknown."""
    request = _prepare(crm, "Rick Rep", "send_email", _email(to="sam@stand\u0430rd.example"))
    assert request["needs_review"]
    assert any("sam@stand[U+0430]rd.example" in r and "imitates the contact sam@standard.example" in r
               for r in request["reasons"]), request["reasons"]
