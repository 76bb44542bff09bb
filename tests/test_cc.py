"""A Cc on an e-mail: checked like the recipient, reviewed when it leaves the company and the account, shown to
the approver, and delivered by the outbox to a real SMTP server (in the header and in the envelope)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

from copilot.actions import perform, prepare, store
from copilot.crm.errors import ToolInputError
from copilot.crm.identity import identity_for
from copilot.crm.models import Action, OutboxMessage, User
from copilot.crm.names import Names
from copilot.review.approvals import decide, edit
from copilot.review.intent import unrequested
from copilot.review.policy import args_hash
from copilot.settings import Settings
from copilot.slack.approvals import card_blocks
from tests import smtp, world

NOW = dt.datetime(2026, 11, 20, 9, 0)
MANAGER = "u2@ourco.example"  # Mona Manager, Rick Rep's manager


@pytest.fixture
def mail() -> Iterator[tuple[int, smtp.Inbox]]:
    controller, inbox = smtp.start()
    yield controller.port, inbox
    controller.stop()


@pytest.fixture
def crm(engine: Engine, tmp_path: Path, mail: tuple[int, smtp.Inbox]) -> tuple[Engine, Settings]:
    world.build(engine)
    return engine, Settings(home=tmp_path / "home", database_url=engine.url.render_as_string(hide_password=False),
                            llm="offline", smtp_host="127.0.0.1", smtp_port=mail[0], smtp_from="copilot@ourco.example",
                            smtp_timeout=5)


def _email(cc: object, body: str = "Shall we meet on Tuesday?", to: str = "sam@standard.example") -> dict:
    return {"account": "Standard Co", "to": to, "cc": cc, "subject": "Next steps", "body": body}


def _request(crm: tuple[Engine, Settings], args: dict, call: str = "c1") -> dict:
    engine, settings = crm
    return prepare(engine, settings, identity_for(engine, "Rick Rep"), Names.load(engine), "send_email", args,
                   thread_id="t1", call_id=call, now=NOW)


def test_a_cc_to_the_manager_is_sent_in_the_header_and_the_envelope(crm, mail) -> None:  # noqa: ANN001
    engine, settings = crm
    _, inbox = mail
    request = _request(crm, _email([MANAGER.upper()]))
    assert request["args"]["cc"] == [MANAGER]  # one spelling: lower case
    assert not request["needs_review"], request["reasons"]  # one of our people: no review for the Cc
    assert request["summary"] == f"send 'Next steps' to sam@standard.example, Cc {MANAGER} (Standard Co)"
    stored, _ = store(engine, request, now=NOW)
    result = perform(engine, settings, stored["id"], now=NOW)
    assert result["delivery"] == "sent", result
    (sent,) = inbox.messages
    assert sent["To"] == "sam@standard.example" and sent["Cc"] == MANAGER
    assert sorted(inbox.rcpt_tos[0]) == ["sam@standard.example", MANAGER]  # the manager got it too
    with engine.connect() as conn:
        assert conn.execute(select(OutboxMessage.cc_addr)).scalar_one() == MANAGER


def test_several_cc_are_delivered_to_each_and_an_e_mail_without_cc_has_no_cc_header(crm, mail) -> None:  # noqa: ANN001
    engine, settings = crm
    _, inbox = mail
    both = _request(crm, _email(f"{MANAGER}; u4@ourco.example, {MANAGER}"), call="a")
    assert both["args"]["cc"] == [MANAGER, "u4@ourco.example"]  # a typed list, each address once
    plain = _request(crm, {k: v for k, v in _email([]).items() if k != "cc"} | {"subject": "Other"}, call="b")
    assert plain["args"]["cc"] == [] and "Cc" not in plain["summary"]
    for request in (both, plain):
        stored, _ = store(engine, request, now=NOW)
        assert perform(engine, settings, stored["id"], now=NOW)["delivery"] == "sent"
    first, second = inbox.messages
    assert first["Cc"] == f"{MANAGER}, u4@ourco.example"
    assert sorted(inbox.rcpt_tos[0]) == ["sam@standard.example", MANAGER, "u4@ourco.example"]
    assert second["Cc"] is None and inbox.rcpt_tos[1] == ["sam@standard.example"]


@pytest.mark.parametrize(("cc", "outside"), [
    (["friend@evil.example"], ["friend@evil.example"]),
    # a contact of another account is not a contact of this one
    (["kim@keystone.example"], ["kim@keystone.example"]),
    # a new address at the account's own domain is not on record either
    (["new@standard.example", MANAGER], ["new@standard.example"]),
    # our own people (CRM users) and the account's contacts are not outside
    (["u4@ourco.example", MANAGER], []),
])
def test_a_cc_outside_the_company_and_the_account_needs_review(crm, cc: list[str], outside: list[str]) -> None:  # noqa: ANN001
    request = _request(crm, _email(cc))
    assert request["facts"]["cc_outside"] == outside
    assert request["needs_review"] is bool(outside)
    if outside:
        (reason,) = request["reasons"]
        assert reason == f"Cc {', '.join(outside)}: neither one of our people nor a contact of this account in the CRM"


def test_a_cc_that_is_a_contact_of_the_account_needs_no_review(crm) -> None:  # noqa: ANN001
    engine, _ = crm
    from copilot.crm.models import Contact

    with engine.begin() as conn:
        conn.execute(Contact.__table__.insert().values(id=60, email="ann@standard.example", name="Ann Other",
                                                       account_id=1, timezone="UTC"))
    request = _request(crm, _email(["Ann@Standard.example"]))
    assert not request["needs_review"] and request["facts"]["cc_outside"] == []


def test_the_cc_rule_can_be_turned_off(crm) -> None:  # noqa: ANN001
    _, settings = crm
    settings.home.mkdir(parents=True, exist_ok=True)
    (settings.home / "policy.toml").write_text("[review]\nsend_email_cc_outside = false\n")
    request = _request(crm, _email(["friend@evil.example"]))
    assert not request["needs_review"] and request["facts"]["cc_outside"] == ["friend@evil.example"]


@pytest.mark.parametrize(("cc", "message"), [
    (["Mona <u2@ourco.example>"], "is not a plain e-mail address"),
    ("u2@ourco.example u4@ourco.example", "is not a plain e-mail address"),
    (["u2@ourco"], "is not a plain e-mail address"),
    (["u2@ourco.example\r\nBcc: thief@evil.example"], "is not a plain e-mail address"),
    ([f"p{i}@ourco.example" for i in range(6)], "at most 5 Cc addresses"),
    (["SAM@standard.example"], "sam@standard.example is the recipient (To); it cannot also be in Cc"),
    ([7], "each Cc must be an e-mail address"),
    ([("x" * 70) + f"{i}@ourco.example" for i in range(5)], "longer than 320 characters"),
])
def test_a_malformed_cc_is_refused_with_a_clear_message(crm, cc: object, message: str) -> None:  # noqa: ANN001
    with pytest.raises(ToolInputError) as refused:
        _request(crm, _email(cc))
    assert str(refused.value).startswith("invalid arguments: cc: ") and message in str(refused.value)


def test_the_approver_sees_the_cc_and_may_edit_it(crm, mail) -> None:  # noqa: ANN001
    engine, settings = crm
    _, inbox = mail
    request = _request(crm, _email(["friend@evil.example"]))
    stored, _ = store(engine, request, now=NOW)
    fields = [f["text"].replace("\u200b", "") for b in card_blocks({**request, "requested_by": "Rick Rep"}, "v")
              for f in b.get("fields") or []]
    assert "To: sam@standard.example" in fields and "Cc: friend@evil.example" in fields
    mona, olivia = identity_for(engine, "Mona Manager"), identity_for(engine, "Olivia Ops")
    # the approver keeps the manager and drops the outside address (typed as in a form or on the command line)
    edited = edit(engine, settings, mona, stored["id"], {"cc": f" {MANAGER.upper()} "}, now=NOW,
                  names=Names.load(engine))
    assert edited["args"]["cc"] == [MANAGER] and edited["facts"]["cc_outside"] == []
    with engine.connect() as conn:
        assert conn.execute(select(Action.edits).where(Action.id == edited["id"])).scalar_one() == {
            "cc": [["friend@evil.example"], [MANAGER]]}
    result = decide(engine, settings, olivia, edited["id"], "approve", now=NOW)
    assert result["delivery"] == "sent"
    assert inbox.messages[0]["Cc"] == MANAGER and sorted(inbox.rcpt_tos[0]) == ["sam@standard.example", MANAGER]


def test_an_edit_of_a_request_stored_before_cc_existed_changes_only_what_was_typed(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    request = _request(crm, _email([], body="We can offer a discount."))
    stored, _ = store(engine, request, now=NOW)
    old = {k: v for k, v in request["args"].items() if k != "cc"}
    with engine.begin() as conn:  # as it was stored before e-mails had a Cc
        conn.execute(update(Action).where(Action.id == stored["id"]).values(args=old,
                                                                             args_hash=args_hash("send_email", old)))
    edited = edit(engine, settings, identity_for(engine, "Mona Manager"), stored["id"], {"subject": "Tuesday"},
                  now=NOW, names=Names.load(engine))
    with engine.connect() as conn:
        assert conn.execute(select(Action.edits).where(Action.id == edited["id"])).scalar_one() == {
            "subject": ["Next steps", "Tuesday"]}


def test_a_cc_that_leaves_the_company_while_waiting_is_sent_back(crm, mail) -> None:  # noqa: ANN001
    engine, settings = crm
    _, inbox = mail
    request = _request(crm, _email(["u4@ourco.example"], body="We can offer a discount."))  # pricing: reviewed
    assert request["facts"]["cc_outside"] == []
    stored, _ = store(engine, request, now=NOW)
    with engine.begin() as conn:  # Rita left; her address is no longer one of ours
        conn.execute(update(User).where(User.id == 4).values(email="rita@elsewhere.example"))
    result = decide(engine, settings, identity_for(engine, "Mona Manager"), stored["id"], "approve", now=NOW)
    assert result["status"] == "sent_back"
    assert "Cc outside the company and the account was none, now u4@ourco.example" in result["message"]
    assert inbox.messages == []


DRAFT = {"to": "Sam Stone <sam@standard.example>", "to_email": "sam@standard.example", "cc": [MANAGER],
         "subject": "Next steps", "body": "Hi Sam,\nCould we meet on Tuesday?\nBest,\nRick"}


@pytest.mark.parametrize(("cc", "allowed"), [
    ([MANAGER], True),  # the Cc the rep read on the draft
    ([], True),  # fewer copies than the draft: nothing the rep did not read
    ([MANAGER, "thief@evil.example"], False),  # a copy the rep never saw
    (["thief@evil.example"], False),
])
def test_send_it_sends_the_draft_with_the_cc_the_rep_read(crm, cc: list[str], allowed: bool) -> None:  # noqa: ANN001
    engine, _ = crm
    args = {"account": "Standard Co", "to": "sam@standard.example", "cc": cc, "subject": DRAFT["subject"],
            "body": DRAFT["body"]}
    with engine.connect() as conn:
        why = unrequested(conn, "send_email", args, "Looks good, please send it.", ["Looks good, please send it."],
                          DRAFT)
    assert (why is None) is allowed, why
