"""Policy as code and approvals: each rule and its boundary, and every way a decision can be refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from copilot.actions import perform, prepare, store
from copilot.crm.audit import events
from copilot.crm.errors import ScopeError, ToolInputError
from copilot.crm.identity import identity_for
from copilot.crm.models import Action, Opportunity, Task
from copilot.crm.names import Names
from copilot.review.approvals import ReviewError, decide, edit, listing, outcomes_to_tell
from copilot.review.policy import key_account_reasons, load_policy
from copilot.settings import Settings
from tests import world

NOW = dt.datetime(2026, 11, 20, 9, 0)


@pytest.fixture
def crm(engine: Engine, tmp_path: Path) -> tuple[Engine, Settings]:
    world.build(engine)
    return engine, Settings(home=tmp_path / "home", database_url=engine.url.render_as_string(hide_password=False))


def _request(crm, user: str, tool: str, args: dict, thread: str = "t1", call: str = "c1") -> dict:  # noqa: ANN001
    engine, settings = crm
    return prepare(engine, settings, identity_for(engine, user), Names.load(engine), tool, args, thread_id=thread,
                   call_id=call, now=NOW)


def _email(to: str, account: str = "Standard Co", body: str = "Shall we meet on Tuesday?") -> dict:
    return {"account": account, "to": to, "subject": "Next steps", "body": body}


@pytest.mark.parametrize(("user", "tool", "args", "expect"), [
    # e-mail: a known contact of a standard account, plain words -> no review
    ("Rick Rep", "send_email", _email("sam@standard.example"), []),
    # the same address in another case is still that contact
    ("Rick Rep", "send_email", _email("SAM@standard.example"), []),
    ("Rick Rep", "send_email", _email("kim@keystone.example", "Keystone"), ["key account"]),
    # a key account's contact e-mailed under a standard account's name: not a contact of that account
    ("Rick Rep", "send_email", _email("kim@keystone.example"), ["not a contact", "domain"]),
    # a new address at the account's own domain: unknown address only
    ("Rick Rep", "send_email", _email("new@standard.example"), ["not a contact"]),
    ("Rick Rep", "send_email", _email("thief@evil.example"), ["not a contact", "domain"]),
    ("Rick Rep", "send_email", _email("sam@standard.example", body="We can offer a 10% discount."), ["pricing"]),
    ("Rick Rep", "send_email", _email("sam@standard.example", body="Our PRICING sheet is attached."), ["pricing"]),
    # "priceless" is not pricing language (whole words only)
    ("Rick Rep", "send_email", _email("sam@standard.example", body="Your feedback is priceless."), []),
    ("Rick Rep", "change_stage", {"deal_id": "DL0001", "stage": "Won", "close_value": 900}, ["to Won"]),
    ("Rick Rep", "change_stage", {"deal_id": "DL0001", "stage": "Lost"}, ["to Lost"]),
    ("Rick Rep", "change_stage", {"deal_id": "DL0001", "stage": "Prospecting"}, []),
    ("Rick Rep", "change_stage", {"deal_id": "DL0002", "stage": "Prospecting"}, ["key account"]),
    ("Rick Rep", "log_activity", {"account": "Standard Co", "summary": "called"}, []),
    ("Rick Rep", "log_activity", {"account": "Keystone", "summary": "called"}, ["key account"]),
    # a subsidiary of a key account is key; so is the parent company of one
    ("Rick Rep", "log_activity", {"account": "Keystone Labs", "summary": "called"}, ["subsidiary"]),
    ("Rick Rep", "log_activity", {"account": "Keystone Parent", "summary": "called"}, ["parent company"]),
    # open pipeline above the threshold (2 x 200,000 at list price > 250,000)
    ("Rita Rep", "log_activity", {"account": "Bigdeal", "summary": "called"}, ["open pipeline"]),
    ("Rick Rep", "schedule_followup", {"account": "Keystone", "due_at": "2026-12-01T10:00:00"}, []),
])
def test_policy_table(crm, user: str, tool: str, args: dict, expect: list[str]) -> None:  # noqa: ANN001
    request = _request(crm, user, tool, args)
    assert request["needs_review"] is bool(expect)
    joined = " | ".join(request["reasons"])
    for fragment in expect:
        assert fragment in joined, joined
    assert len(request["reasons"]) == len(expect), joined


def test_pipeline_threshold_boundary(crm, tmp_path: Path) -> None:  # noqa: ANN001
    engine, settings = crm
    policy_file = settings.home / "policy.toml"
    settings.home.mkdir(parents=True, exist_ok=True)
    with engine.connect() as conn:
        base = load_policy(settings.home)
        assert key_account_reasons(conn, base, 5)  # 400,000 > 250,000
        policy_file.write_text("[key_accounts]\nopen_pipeline_above = 400000\n")
        assert key_account_reasons(conn, load_policy(settings.home), 5) == []  # not above: equal
        policy_file.write_text("[key_accounts]\nopen_pipeline_above = 399999.99\n")
        assert key_account_reasons(conn, load_policy(settings.home), 5)
        policy_file.write_text("[key_accounts]\nopen_pipeline_above = 0\nparent_of_key = false\n")
        assert key_account_reasons(conn, load_policy(settings.home), 5) == []
        assert key_account_reasons(conn, load_policy(settings.home), 7) == []
    policy_file.write_text("[review]\nsend_email_to_key_acount = true\n")
    with pytest.raises(ToolInputError, match="policy.toml: review.send_email_to_key_acount"):
        load_policy(settings.home)


def test_scope_is_checked_when_preparing(crm) -> None:  # noqa: ANN001
    with pytest.raises(ScopeError):
        _request(crm, "Carl Rep", "log_activity", {"account": "Standard Co", "summary": "x"})
    with pytest.raises(ScopeError) as unknown:
        _request(crm, "Carl Rep", "change_stage", {"deal_id": "NOPE", "stage": "Lost"})
    with pytest.raises(ScopeError) as others:
        _request(crm, "Carl Rep", "change_stage", {"deal_id": "DL0001", "stage": "Lost"})
    assert str(unknown.value).replace("NOPE", "DL0001") == str(others.value)  # nothing to learn from the difference


def _pending(crm, user: str = "Rick Rep", thread: str = "t1") -> dict:  # noqa: ANN001
    engine, _ = crm
    request = _request(crm, user, "change_stage", {"deal_id": "DL0001", "stage": "Won", "close_value": 900}, thread)
    stored, earlier = store(engine, request, now=NOW)
    assert earlier is None and request["needs_review"]
    return stored


def _refused(crm, request_id: str) -> list[dict]:  # noqa: ANN001
    return [e for e in events(crm[0], action_id=request_id) if e["event"] == "decision_refused"]


def _stage(engine: Engine, deal: str) -> str:
    with engine.connect() as conn:
        return conn.execute(select(Opportunity.stage).where(Opportunity.id == deal)).scalar_one()


@pytest.mark.parametrize(("approver", "why"), [
    ("Rick Rep", "your own request"),          # self-approval
    ("Rita Rep", "only Mona Manager"),         # a peer on the same team
    ("Carl Rep", "only Mona Manager"),         # a rep without rights on the account
    ("Nate Manager", "only Mona Manager"),     # another team's manager
])
def test_unauthorised_decisions_are_refused_and_audited(crm, approver: str, why: str) -> None:  # noqa: ANN001
    engine, settings = crm
    request = _pending(crm)
    for decision in ("approve", "reject"):
        with pytest.raises(ReviewError, match=why):
            decide(engine, settings, identity_for(engine, approver), request["id"], decision, now=NOW)
    assert _stage(engine, "DL0001") == "Engaging"
    refused = _refused(crm, request["id"])
    assert len(refused) == 2 and {e["actor"] for e in refused} == {approver}
    with engine.connect() as conn:
        assert conn.execute(select(Action.status).where(Action.id == request["id"])).scalar_one() == "pending"


def test_the_approver_is_the_caller_and_the_requester_is_kept(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    request = _pending(crm)
    result = decide(engine, settings, identity_for(engine, "Mona Manager"), request["id"], "approve", now=NOW)
    assert result["status"] == "done" and _stage(engine, "DL0001") == "Won"
    with engine.connect() as conn:
        row = conn.execute(select(Action.__table__).where(Action.id == request["id"])).one()
    assert (row.decided_by, row.decided_by_id, row.requested_by, row.status) == ("Mona Manager", 2, 3, "executed")
    assert [e["event"] for e in events(engine, action_id=request["id"])] == ["requested", "approved", "executed"]
    assert outcomes_to_tell(engine, 3, now=NOW) == [f"Done: move deal DL0001 from Engaging to Won. (request {row.id})"]
    assert outcomes_to_tell(engine, 3, now=NOW) == []  # told once


def test_ops_and_a_named_group_may_approve(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    first = _pending(crm, thread="a")
    assert decide(engine, settings, identity_for(engine, "Olivia Ops"), first["id"], "reject", reason="no",
                  now=NOW)["status"] == "rejected"
    second = _pending(crm, thread="b")
    with pytest.raises(ReviewError):
        decide(engine, settings, identity_for(engine, "Gina Group"), second["id"], "approve", now=NOW)
    settings.home.mkdir(parents=True, exist_ok=True)
    (settings.home / "policy.toml").write_text('[approvers]\ngroup = ["Gina Group"]\n')
    assert decide(engine, settings, identity_for(engine, "Gina Group"), second["id"], "approve",
                  now=NOW)["status"] == "done"


def test_double_expired_and_changed_arguments_are_refused(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    mona = identity_for(engine, "Mona Manager")
    done = _pending(crm, thread="double")
    decide(engine, settings, mona, done["id"], "approve", now=NOW)
    with pytest.raises(ReviewError, match="already executed"):
        decide(engine, settings, mona, done["id"], "approve", now=NOW)
    with pytest.raises(ReviewError, match="already executed"):
        decide(engine, settings, identity_for(engine, "Olivia Ops"), done["id"], "reject", now=NOW)

    with engine.begin() as conn:
        conn.execute(text("UPDATE opportunities SET stage = 'Engaging' WHERE id = 'DL0001'"))
    late = _pending(crm, thread="late")
    with pytest.raises(ReviewError, match="expired"):
        decide(engine, settings, mona, late["id"], "approve", now=NOW + dt.timedelta(hours=73))
    with pytest.raises(ReviewError, match="already expired"):
        decide(engine, settings, mona, late["id"], "approve", now=NOW)

    tampered = _pending(crm, thread="tampered")
    with engine.begin() as conn:  # the arguments change after the request was shown
        conn.execute(Action.__table__.update().where(Action.id == tampered["id"]).values(
            args={"deal_id": "DL0001", "stage": "Won", "close_value": 1.0}))
    with pytest.raises(ReviewError, match="not the ones you were shown"):
        decide(engine, settings, mona, tampered["id"], "approve", now=NOW)
    shown_other = _pending(crm, thread="shown")
    with pytest.raises(ReviewError, match="not the ones you were shown"):
        decide(engine, settings, mona, shown_other["id"], "approve", expect_hash="0" * 64, now=NOW)
    assert _stage(engine, "DL0001") == "Engaging"
    for request_id in (done["id"], late["id"], tampered["id"], shown_other["id"]):
        assert _refused(crm, request_id), request_id


def test_an_edit_is_a_new_request_evaluated_again(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    mona = identity_for(engine, "Mona Manager")
    request = _request(crm, "Rick Rep", "send_email", _email("thief@evil.example"))
    stored, _ = store(engine, request, now=NOW)
    with pytest.raises(ReviewError, match="your own request"):
        edit(engine, settings, identity_for(engine, "Rick Rep"), stored["id"], {"to": "sam@standard.example"},
             now=NOW, names=Names.load(engine))
    edited = edit(engine, settings, mona, stored["id"], {"to": "sam@standard.example"}, now=NOW,
                  names=Names.load(engine))
    assert edited["id"] != stored["id"] and edited["args"]["to"] == "sam@standard.example"
    assert edited["reasons"] == ["edited by Mona Manager"]
    with pytest.raises(ReviewError, match="already superseded"):
        decide(engine, settings, mona, stored["id"], "approve", now=NOW)
    with pytest.raises(ReviewError, match="your own request"):
        decide(engine, settings, identity_for(engine, "Rick Rep"), edited["id"], "approve", now=NOW)
    with engine.connect() as conn:
        row = conn.execute(select(Action.__table__).where(Action.id == edited["id"])).one()
    assert row.replaces == stored["id"] and row.edits == {"to": ["thief@evil.example", "sam@standard.example"]}
    assert row.requested_by == 3 and row.status == "pending"


def test_execution_rechecks_the_facts(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    request = _pending(crm)
    with engine.begin() as conn:  # the deal moved on while the request waited
        conn.execute(text("UPDATE opportunities SET stage = 'Lost' WHERE id = 'DL0001'"))
    result = decide(engine, settings, identity_for(engine, "Mona Manager"), request["id"], "approve", now=NOW)
    assert result["status"] == "sent_back" and "stage was Engaging, now Lost" in result["message"]
    assert _stage(engine, "DL0001") == "Lost"

    auto = _request(crm, "Rick Rep", "schedule_followup", {"account": "Standard Co", "due_at": "2026-12-01T10:00"},
                    thread="auto")
    stored, _ = store(engine, auto, now=NOW)
    with engine.begin() as conn:  # became a key account between the request and its execution
        conn.execute(text("UPDATE accounts SET tier = 'key' WHERE name = 'Standard Co'"))
    result = perform(engine, settings, stored["id"], now=NOW)
    assert result["status"] == "sent_back" and "key account was False, now True" in result["message"]
    with engine.connect() as conn:
        assert conn.execute(select(Task)).first() is None


def test_the_same_action_twice_in_a_conversation_is_stored_once(crm) -> None:  # noqa: ANN001
    engine, _ = crm
    first = _request(crm, "Rick Rep", "log_activity", {"account": "Standard Co", "summary": "called"}, call="a")
    again = _request(crm, "Rick Rep", "log_activity", {"account": "Standard Co", "summary": "called"}, call="b")
    assert store(engine, first, now=NOW)[1] is None
    stored, earlier = store(engine, again, now=NOW)
    assert earlier == "approved" and stored["id"] == first["id"]
    other_thread = _request(crm, "Rick Rep", "log_activity", {"account": "Standard Co", "summary": "called"},
                            thread="t2", call="a")
    assert store(engine, other_thread, now=NOW)[1] is None


def test_listing_shows_what_the_caller_may_decide(crm) -> None:  # noqa: ANN001
    engine, settings = crm
    request = _pending(crm)
    ids = {name: [r["id"] for r in listing(engine, settings, identity_for(engine, name))]
           for name in ("Rick Rep", "Mona Manager", "Olivia Ops", "Rita Rep", "Nate Manager")}
    assert ids["Rick Rep"] == ids["Mona Manager"] == ids["Olivia Ops"] == [request["id"]]
    assert ids["Rita Rep"] == ids["Nate Manager"] == []


def test_tier_changes_need_ops_and_are_audited(crm) -> None:  # noqa: ANN001
    from copilot.crm.admin import set_tier

    engine, _ = crm
    with pytest.raises(ScopeError, match="only sales-ops"):
        set_tier(engine, "Keystone", "standard", by=identity_for(engine, "Mona Manager"))
    assert set_tier(engine, "Keystone", "standard", by=identity_for(engine, "Olivia Ops")) == "key"
    log = [(e["actor"], e["event"]) for e in events(engine)]
    assert log == [("Mona Manager", "tier_change_refused"), ("Olivia Ops", "tier_changed")]
    with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log"))
    with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'someone else'"))
