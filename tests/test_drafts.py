"""E-mail drafts a rep can send as they are: the rep's intent first, revisions in conversation that keep the
rest, the thread's contact, preferences (tone, signature, Cc, language), and nothing internal in the body."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from copilot.crm.admin import set_user
from copilot.demo import ANCHOR
from copilot.runner import Copilot
from memory.preferences import set_preference
from tools.drafts.phrasebook import concepts_in
from tests.conftest import private_copy
from tools.email_draft import draft_email

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def workspace(demo_workspace, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    """A private copy of the demo company: these tests send e-mails and log calls, which other tests must not see."""
    return private_copy(demo_workspace, tmp_path_factory, "drafts-ws")


@pytest.fixture(scope="module")
def copilot(workspace, talk_store) -> Iterator[Copilot]:  # noqa: ANN001
    settings, engine = workspace
    with Copilot(settings, engine, clock=lambda: ANCHOR.replace(tzinfo=None), retriever=lambda: talk_store) as c:
        yield c


@pytest.fixture(scope="module")
def target(workspace) -> dict[str, Any]:  # noqa: ANN001
    """A rep, one of their accounts with an open deal, two of its contacts, one of whom wrote to us."""
    _, engine = workspace
    with engine.connect() as conn:
        row = conn.execute(text(
            "SELECT u.name AS rep, a.name AS account, a.id AS account_id, c.name AS writer, c.email AS writer_email "
            "FROM activities t JOIN contacts c ON c.id = t.contact_id JOIN accounts a ON a.id = t.account_id "
            "JOIN users u ON u.id = t.user_id JOIN opportunities o ON o.account_id = a.id AND o.user_id = u.id "
            "WHERE t.direction = 'inbound' AND t.type = 'email' AND o.stage IN ('Engaging', 'Prospecting') "
            "AND (SELECT count(*) FROM contacts k WHERE k.account_id = a.id) >= 2 "
            "ORDER BY t.occurred_at DESC LIMIT 1")).mappings().one()
        other = conn.execute(text("SELECT name, email FROM contacts WHERE account_id = :a AND email != :e "
                                  "ORDER BY name LIMIT 1"), {"a": row["account_id"], "e": row["writer_email"]}).one()
        manager = conn.execute(text("SELECT m.name FROM users u JOIN users m ON m.id = u.manager_id "
                                    "WHERE u.name = :r"), {"r": row["rep"]}).scalar()
        notes = conn.execute(text("SELECT body FROM deal_notes")).scalars().all()
        deal_ids = set(conn.execute(text("SELECT id FROM opportunities")).scalars())
    set_user(engine, manager, email="manager.of.the.team@ourco.example")  # the demo's people have no address
    return {**row, "other": other.name, "other_email": other.email, "manager_email": "manager.of.the.team@ourco.example",
            "notes": notes,
            "deal_ids": deal_ids}


def _runs(body: str) -> set[tuple[str, ...]]:
    w = re.findall(r"[a-z0-9]+", body.casefold())
    return {tuple(w[i:i + 6]) for i in range(len(w) - 5)}


def _assert_customer_facing(draft: dict[str, Any], target: dict[str, Any]) -> None:
    body = draft["subject"] + "\n" + draft["body"]
    note_runs = set().union(*(_runs(n) for n in target["notes"]))
    assert not (_runs(body) & note_runs), "the draft repeats an internal note"
    assert not any(d in body for d in target["deal_ids"]), "the draft names a deal"
    assert "ref." not in body and "moved them" not in body
    assert body.count("?") + body.count("？") == 1, "one clear ask"


def _draft(copilot: Copilot, question: str, rep: str, thread: str) -> dict[str, Any]:
    result = copilot.ask(question, rep, thread)
    assert result.drafts, result.answer
    return result.drafts[-1]


def test_the_reps_intent_shapes_the_draft(copilot: Copilot, target: dict[str, Any]) -> None:
    d = _draft(copilot, f"Draft an email to {target['writer']} at {target['account']} proposing a phased rollout to "
                        "answer their price concern, mention the pilot, no discount", target["rep"], "intent")
    assert d["to_email"] == target["writer_email"]
    body = d["body"].casefold()
    assert "phased rollout" in body and "pilot" in body
    assert "discount" not in body
    assert body.index("phased") < body.index("pilot")  # the rep's points, in the rep's order
    assert "cost" in body  # the concern it answers
    _assert_customer_facing(d, target)
    assert d["sources"], "what the draft rests on is shown beside it"
    assert all(s["deal_id"] not in d["body"] for s in d["sources"])
    assert "For you, not in the e-mail" in d["text"] and d["sources"][0]["deal_id"] in d["text"]


def test_each_revision_keeps_the_rest(copilot: Copilot, target: dict[str, Any]) -> None:
    rep, thread = target["rep"], "revisions"
    first = _draft(copilot, f"Write to {target['writer']} at {target['account']} about their security concern, "
                            "offer our SOC 2 report", rep, thread)
    assert "soc 2" in first["body"].casefold() and first["length"] == "standard"

    shorter = _draft(copilot, "make it shorter", rep, thread)
    assert len(shorter["body"]) < len(first["body"]) and shorter["length"] == "short"
    assert "soc 2" in shorter["body"].casefold() and shorter["to_email"] == first["to_email"]

    longer = _draft(copilot, "actually, longer please", rep, thread)
    assert len(longer["body"]) > len(shorter["body"]) and longer["length"] == "standard"

    formal = _draft(copilot, "more formal", rep, thread)
    assert formal["body"].startswith("Dear ") and formal["tone"] == "formal" and formal["length"] == "standard"

    friendly = _draft(copilot, "make it friendlier", rep, thread)
    assert friendly["body"].startswith("Hi ") and "soc 2" in friendly["body"].casefold()

    added = _draft(copilot, "mention the security questionnaire too", rep, thread)
    assert "questionnaire" in added["body"] and "soc 2" in added["body"].casefold()

    dropped = _draft(copilot, "drop the soc 2 report", rep, thread)
    assert "soc 2" not in dropped["body"].casefold() and "questionnaire" in dropped["body"]
    assert dropped["tone"] == "friendly"

    moved = _draft(copilot, f"send it to {target['other']} instead", rep, thread)
    assert moved["to_email"] == target["other_email"]
    assert moved["body"].split()[1].rstrip(",") == target["other"].split()[0]
    assert "questionnaire" in moved["body"]

    chinese = _draft(copilot, "write it in Simplified Chinese", rep, thread)
    assert chinese["language"] == "zh" and len(CJK.findall(chinese["body"])) > 40
    assert chinese["to_email"] == target["other_email"] and "安全问卷" in chinese["body"]
    _assert_customer_facing(chinese, target)

    english = _draft(copilot, "back in English", rep, thread)
    assert english["language"] == "en" and not CJK.search(english["body"])
    for d in (shorter, longer, formal, friendly, added, dropped, moved, english):
        _assert_customer_facing(d, target)


def test_reply_to_their_last_email(copilot: Copilot, target: dict[str, Any], workspace) -> None:  # noqa: ANN001
    _, engine = workspace
    rep, thread = target["rep"], "reply"
    _draft(copilot, f"draft an email to {target['writer']} at {target['account']}", rep, thread)
    reply = _draft(copilot, "reply to their last email", rep, thread)
    with engine.connect() as conn:
        last = conn.execute(text(
            "SELECT t.id, t.subject FROM activities t JOIN contacts c ON c.id = t.contact_id WHERE c.email = :e "
            "AND t.direction = 'inbound' AND t.type = 'email' ORDER BY t.occurred_at DESC LIMIT 1"),
            {"e": target["writer_email"]}).one()
    assert reply["reply_to"]["activity_id"] == last.id
    assert reply["subject"].startswith("Re: ") and last.subject.removeprefix("Re: ") in reply["subject"]
    assert reply["to_email"] == target["writer_email"]
    assert "Thank you for your e-mail of" in reply["body"]
    _assert_customer_facing(reply, target)


def test_the_contact_stays_the_one_the_thread_is_about(copilot: Copilot, target: dict[str, Any]) -> None:
    rep, thread = target["rep"], "contact"
    first = _draft(copilot, f"email {target['other']} at {target['account']} about next steps", rep, thread)
    assert first["to_email"] == target["other_email"]
    again = _draft(copilot, f"now draft another email to {target['account']} proposing a pilot", rep, thread)
    assert again["to_email"] == target["other_email"], "the thread's contact, not the default one"
    assert "pilot" in again["body"]


def test_a_brief_that_names_a_contact_sets_the_threads_contact(copilot: Copilot, target: dict[str, Any]) -> None:
    rep, thread = target["rep"], "brief"
    brief = copilot.ask(f"brief me on {target['account']}", rep, thread).briefs[0]
    named = next((c for c in brief["contacts"] if c["name"] in brief["next_step"]), None)
    d = _draft(copilot, f"draft an email to {target['account']}", rep, thread)
    if named is not None:
        assert d["to_email"] == named["email"]


def test_preferences_apply(copilot: Copilot, target: dict[str, Any]) -> None:
    rep = target["rep"]
    for key, value in (("cc_manager", "true"), ("language", "zh"), ("signature", "Best wishes from the team")):
        set_preference(copilot.store, rep, key, value)
    try:
        d = _draft(copilot, f"draft an email to {target['writer']} at {target['account']} about the pilot", rep, "prefs")
    finally:
        for key in ("cc_manager", "language", "signature"):
            copilot.store.delete(("preferences", rep), key)
    assert target["manager_email"] and d["cc"] == [target["manager_email"]]
    assert f"Cc: {target['manager_email']}" in d["text"]
    assert d["language"] == "zh" and "试点" in d["body"] and d["body"].rstrip().endswith("Best wishes from the team")
    _assert_customer_facing(d, target)


def test_nothing_internal_reaches_the_body(workspace, talk_store, target: dict[str, Any]) -> None:  # noqa: ANN001
    _, engine = workspace
    from copilot.crm.identity import identity_for

    with engine.connect() as conn:
        other_account = conn.execute(text("SELECT name FROM accounts WHERE name != :a ORDER BY name LIMIT 1"),
                                     {"a": target["account"]}).scalar()
    copied = next(s for n in target["notes"] for s in n.split(". ") if len(s.split()) > 8 and not concepts_in(s))
    d = draft_email(engine, identity_for(engine, target["rep"]), {
        "account": target["account"], "contact": target["writer_email"],
        "points": [f"that {other_account} already uses it", copied, "deal NB000123 terms", "our new Berlin office"]},
        now=ANCHOR.replace(tzinfo=None), store=talk_store)
    assert other_account not in d["body"] and "NB000123" not in d["body"]
    assert "Berlin office" in d["body"], "the rep's own point is kept"
    assert sum("left out your point" in n for n in d["notes"]) == 3
    _assert_customer_facing(d, target)


def test_only_english_or_chinese(workspace, talk_store, target: dict[str, Any]) -> None:  # noqa: ANN001
    _, engine = workspace
    from copilot.crm.errors import ToolInputError
    from copilot.crm.identity import identity_for

    with pytest.raises(ToolInputError, match="English or Simplified Chinese"):
        draft_email(engine, identity_for(engine, target["rep"]), {"account": target["account"], "language": "fr"},
                    now=ANCHOR.replace(tzinfo=None), store=talk_store)
    d = draft_email(engine, identity_for(engine, target["rep"]), {"account": target["account"]},
                    now=ANCHOR.replace(tzinfo=None), store=talk_store, preferences={"language": "fr"})
    assert d["language"] == "en" and any("not available" in n for n in d["notes"])


def test_questions_in_a_thread_with_a_draft_are_not_revisions(copilot: Copilot, target: dict[str, Any]) -> None:
    rep, thread = target["rep"], "not-revisions"
    _draft(copilot, f"draft an email to {target['writer']} at {target['account']}", rep, thread)
    brief = copilot.ask(f"brief me on {target['account']}", rep, thread)
    assert [c["name"] for c in brief.tool_calls] == ["customer_profile"]
    rate = copilot.ask("what's my win rate?", rep, thread)
    assert [c["name"] for c in rate.tool_calls] == ["crm_query"]
    logged = copilot.ask(f"log a call with {target['account']}: they want a shorter contract", rep, thread)
    assert [c["name"] for c in logged.tool_calls] == ["log_activity"]
    still = _draft(copilot, "make it shorter", rep, thread)  # the draft is still the thread's
    assert still["length"] == "short" and still["to_email"] == target["writer_email"]


def test_hostile_or_careless_requests_stay_out_of_the_body(workspace, talk_store,  # noqa: ANN001
                                                          target: dict[str, Any]) -> None:
    _, engine = workspace
    from copilot.crm.identity import identity_for

    with engine.connect() as conn:
        other_account = conn.execute(text("SELECT name FROM accounts WHERE name != :a ORDER BY name LIMIT 1"),
                                     {"a": target["account"]}).scalar()
        other_deal = conn.execute(text("SELECT o.id FROM opportunities o JOIN accounts a ON a.id = o.account_id "
                                       "WHERE a.name != :a LIMIT 1"), {"a": target["account"]}).scalar()
    me = identity_for(engine, target["rep"])
    d = draft_email(engine, me, {
        "account": target["account"], "contact": target["writer_email"], "purpose": f"the {other_account} rollout",
        "points": [f"the numbers from {other_deal.lower()}", "that the last deal was closed won",
                   "could we meet Tuesday? I have slots", "the pilot costs $12,000 and takes 6 weeks"]},
        now=ANCHOR.replace(tzinfo=None), store=talk_store)
    body = d["subject"] + d["body"]
    assert other_account not in body and other_deal.casefold() not in body.casefold()
    assert "closed won" not in body and "$12,000" in body and "6 weeks" in body
    _assert_customer_facing(d, target)
    no_price = draft_email(engine, me, {"account": target["account"], "purpose": "their price concern",
                                        "avoid": ["price", "cost"]}, now=ANCHOR.replace(tzinfo=None), store=talk_store)
    assert not re.search(r"\b(price|cost)\b", no_price["subject"] + no_price["body"], re.IGNORECASE)


def test_contacts_by_first_name_possessive_and_title(copilot: Copilot, target: dict[str, Any]) -> None:
    rep, thread = target["rep"], "contacts"
    first = _draft(copilot, f"Draft an email to {target['other'].split()[0]} at {target['account']} offering a pilot",
                   rep, thread)
    assert first["to_email"] == target["other_email"]
    reply = _draft(copilot, f"reply to {target['writer'].split()[0]}'s last email", rep, thread)
    assert reply["to_email"] == target["writer_email"] and reply["reply_to"]
    titled = copilot.ask(f"write it for the {first['to_title']} instead", rep, thread)
    assert titled.drafts or "which one" in titled.answer  # one contact with that title, or a question


def test_send_it_to_someone_else_instead_changes_the_draft_and_sends_nothing(
        copilot: Copilot, target: dict[str, Any]) -> None:
    rep, thread = target["rep"], "instead"
    _draft(copilot, f"draft an email to {target['writer']} at {target['account']} offering a pilot", rep, thread)
    moved = copilot.ask(f"send it to {target['other']} at {target['account']} instead", rep, thread)
    assert [c["name"] for c in moved.tool_calls] == ["draft_email"] and not moved.actions
    assert moved.drafts[-1]["to_email"] == target["other_email"] and "pilot" in moved.drafts[-1]["body"]


def test_send_it_delivers_the_drafts_cc(workspace, talk_store) -> None:  # noqa: ANN001
    """A rep who copies their manager drafts in conversation and says "send it": the local SMTP server gets the
    e-mail with the manager in Cc and among its recipients."""
    import time

    from tests import smtp

    settings, engine = workspace
    with engine.connect() as conn:
        rep, manager, account = conn.execute(text(
            "SELECT u.name, m.name, a.name FROM opportunities o JOIN users u ON u.id = o.user_id "
            "JOIN users m ON m.id = u.manager_id JOIN accounts a ON a.id = o.account_id "
            "WHERE o.stage = 'Engaging' AND a.tier != 'key' AND a.parent_id IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM accounts k WHERE k.parent_id = a.id) ORDER BY o.id LIMIT 1")).one()
    set_user(engine, manager, email="cc.manager@ourco.example")
    controller, inbox = smtp.start()
    try:
        live = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": controller.port})
        with Copilot(live, engine, clock=lambda: ANCHOR.replace(tzinfo=None), retriever=lambda: talk_store) as cp:
            set_preference(cp.store, rep, "cc_manager", "true")
            draft = cp.ask(f"Draft a short email to {account} offering a pilot", rep, "send-cc")
            assert draft.drafts and draft.drafts[-1]["cc"] == ["cc.manager@ourco.example"], draft.answer
            sent = cp.ask(f"send it to {draft.drafts[-1]['to_name']}", rep, "send-cc")
            assert [a["outcome"] for a in sent.actions] == ["done"], sent.answer
        deadline = time.monotonic() + 20
        while not inbox.messages and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(inbox.messages) == 1
        assert inbox.messages[0]["Cc"] == "cc.manager@ourco.example"
        assert "cc.manager@ourco.example" in inbox.rcpt_tos[0] and draft.drafts[-1]["to_email"] in inbox.rcpt_tos[0]
    finally:
        controller.stop()


def test_a_time_to_meet_in_the_reps_words_becomes_the_ask(workspace, talk_store,  # noqa: ANN001
                                                           target: dict[str, Any]) -> None:
    _, engine = workspace
    from copilot.crm.identity import identity_for

    d = draft_email(engine, identity_for(engine, target["rep"]), {
        "account": target["account"], "points": ["I will be in their city on Tuesday and could meet"]},
        now=ANCHOR.replace(tzinfo=None), store=talk_store)
    ask = next(line for line in d["body"].splitlines() if "?" in line)
    assert "that time" in ask and "this week" not in ask and "Tuesday" in d["body"]
    _assert_customer_facing(d, target)


def test_a_named_contact_is_found_in_any_script_with_or_without_accents_or_by_title_never_swapped(
        copilot: Copilot, target: dict[str, Any], workspace) -> None:  # noqa: ANN001
    """A draft goes to the contact the rep names, written with accents or without, in another script, or by their
    title; a name the account does not have is said, and no other contact is written to in their place. With no
    contact named, the draft says whom it is to and why."""
    _, engine = workspace
    with engine.begin() as conn:
        for email, name, title in (("zoe.brandt@named.example", "Zoë Brandt", "Chief Sustainability Officer"),
                                   ("wang.wei@named.example", "王伟", "Buyer")):
            conn.execute(text("INSERT INTO contacts (email, name, title, account_id, timezone) "
                              "VALUES (:e, :n, :t, :a, 'Europe/Berlin')"),
                         {"e": email, "n": name, "t": title, "a": target["account_id"]})
    rep, account = target["rep"], target["account"]
    for i, (asked, to) in enumerate((("Zoë Brandt", "zoe.brandt@named.example"),
                                     ("Zoe Brandt", "zoe.brandt@named.example"),
                                     ("the Chief Sustainability Officer", "zoe.brandt@named.example"),
                                     ("王伟", "wang.wei@named.example"))):
        draft = _draft(copilot, f"Draft an email to {asked} at {account} about next steps", rep, f"named-{i}")
        assert draft["to_email"] == to, (asked, draft["to"])
    missing = copilot.ask(f"Draft an email to José at {account} about next steps", rep, "named-missing")
    assert not missing.drafts and "no contact" in missing.answer and "josé" in missing.answer.casefold()
    unnamed = _draft(copilot, f"Draft an email to {account} about next steps", rep, "named-none")
    assert any(n.startswith("no contact was named, so this is to ") for n in unnamed["notes"]), unnamed["notes"]


def test_a_draft_with_the_reps_own_figures_is_shown_once_as_it_will_be_sent(
        copilot: Copilot, target: dict[str, Any]) -> None:
    """The rep's own figure in a draft ("12 users", "30%") is the draft tool's text, shown word for word: never
    replaced by "[figure removed]" in the draft the rep reads (while the e-mail sent would carry it), nor in the
    review's reason; the draft is shown once."""
    rep, thread = target["rep"], "own-figures"
    asked = copilot.ask(f"Draft an email to {target['other']} at {target['account']}: mention we can onboard 12 "
                        "users in the first week and that it saved them 30%", rep, thread)
    assert asked.drafts, asked.answer
    body = asked.drafts[-1]["body"]
    assert "12 users" in body and "30%" in body and "and that it" not in body, body
    assert "[figure removed]" not in asked.answer and asked.answer.count(body) == 1, asked.answer
    sent = copilot.ask("send it", rep, thread)
    assert "[figure removed]" not in sent.answer and "30%" in sent.answer, sent.answer


def test_a_template_left_in_a_contacts_name_or_the_signature_is_flagged_not_sent_silently(
        copilot: Copilot, target: dict[str, Any], workspace) -> None:  # noqa: ANN001
    """A contact's name on record written as a template ("{first_name} [Contact Name]"), or a signature holding
    "[phone number]", is what the draft shows as written; the draft says so and to replace it before sending."""
    _, engine = workspace
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO contacts (email, name, title, account_id, timezone) "
                          "VALUES ('tpl@named.example', '{first_name} [Contact Name]', 'Buyer', :a, 'UTC')"),
                     {"a": target["account_id"]})
    draft = _draft(copilot, f"Draft an email to tpl@named.example at {target['account']} about next steps",
                   target["rep"], "template-name")
    assert any("'{first_name}'" in n and "replace it before sending" in n for n in draft["notes"]), draft["notes"]
    plain = _draft(copilot, f"Draft an email to {target['other']} at {target['account']} about next steps",
                   target["rep"], "template-none")
    assert not any("replace it before sending" in n for n in plain["notes"]), plain["notes"]


def test_an_account_the_request_names_and_the_crm_lacks_is_said(copilot: Copilot, target: dict[str, Any]) -> None:
    """"Brief me on Nonexistent Inc" and "draft an e-mail to Bob at Zzyzx Ltd" name the account that was not found
    before asking which one; without a name, only the question."""
    rep = target["rep"]
    brief = copilot.ask("brief me on Nonexistent Inc", rep, "unknown-brief")
    assert brief.answer.startswith('I found no account named "Nonexistent Inc" among yours. Which account?'), brief.answer
    email = copilot.ask("draft an email to Bob at Zzyzx Ltd about pricing", rep, "unknown-email")
    assert 'no account named "zzyzx ltd"' in email.answer.casefold() and not email.drafts, email.answer
    bare = copilot.ask("brief me", rep, "unknown-bare")
    assert bare.answer.startswith("Which account?"), bare.answer


def test_their_subject_with_an_encoded_word_is_not_repeated(copilot: Copilot, target: dict[str, Any],
                                                            workspace) -> None:  # noqa: ANN001
    """An outsider's subject that the e-mail library would read as other text (here a line break and a Reply-To
    header of its own) is not repeated in the reply: the draft can be sent as it stands."""
    from copilot.actions import SendEmailArgs

    _, engine = workspace
    hostile = "=?utf-8?q?Offer=0D=0AReply-To:_thief@evil.example?="
    query = ("SELECT t.id FROM activities t JOIN contacts c ON c.id = t.contact_id WHERE c.email = :e "
             "AND t.direction = 'inbound' AND t.type = 'email' ORDER BY t.occurred_at DESC LIMIT 1")
    with engine.begin() as conn:
        last = conn.execute(text(query), {"e": target["writer_email"]}).scalar_one()
        before = conn.execute(text("SELECT subject FROM activities WHERE id = :i"), {"i": last}).scalar_one()
        conn.execute(text("UPDATE activities SET subject = :s WHERE id = :i"), {"s": hostile, "i": last})
    try:
        rep, thread = target["rep"], "reply-encoded"
        _draft(copilot, f"draft an email to {target['writer']} at {target['account']}", rep, thread)
        reply = _draft(copilot, "reply to their last email", rep, thread)
    finally:
        with engine.begin() as conn:
            conn.execute(text("UPDATE activities SET subject = :s WHERE id = :i"), {"s": before, "i": last})
    assert reply["reply_to"]["activity_id"] == last and "=?" not in reply["subject"]
    assert any("not repeated" in n for n in reply.get("notes") or []), reply.get("notes")
    SendEmailArgs(account=target["account"], to=reply["to_email"], subject=reply["subject"], body=reply["body"])
