"""The e-mail draft evaluation on the test demo company: every check of its judge fails a draft that breaks it,
its requests are sound, and the copilot's drafts pass it."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from sqlalchemy import text

from copilot.demo import ANCHOR
from copilot.runner import Copilot
from evals.emails import lexicon
from evals.emails.judge import Judge
from evals.emails.requests import FREE, GERUNDS, NOUNS, Dialogue, Expect, build, phrasings
from evals.emails.rubric import from_settings, rubric_check
from evals.emails.run import gate, give_managers_addresses, rates, run_dialogues


@pytest.fixture(scope="module")
def world(demo_workspace):  # noqa: ANN001, ANN201
    """A judge, a rep with an open deal, two contacts of its account, and a good draft with what it expects."""
    _, engine = demo_workspace
    with engine.connect() as conn:
        rep, account, account_id = conn.execute(text(
            "SELECT u.name, a.name, a.id FROM opportunities o JOIN users u ON u.id = o.user_id JOIN accounts a "
            "ON a.id = o.account_id WHERE o.stage = 'Engaging' AND (SELECT count(*) FROM contacts c WHERE "
            "c.account_id = a.id) >= 2 ORDER BY a.name LIMIT 1")).one()
        people = conn.execute(text("SELECT email, name FROM contacts WHERE account_id = :a ORDER BY email"),
                              {"a": account_id}).all()
        other_account = conn.execute(text("SELECT name FROM accounts WHERE id != :a ORDER BY name LIMIT 1"),
                                     {"a": account_id}).scalar()
        other_person = conn.execute(text(
            "SELECT name FROM contacts WHERE account_id != :a AND name NOT IN (SELECT name FROM contacts WHERE "
            "account_id = :a) AND name NOT IN (SELECT name FROM users) ORDER BY name LIMIT 1"), {"a": account_id}).scalar()
        call_note = conn.execute(text("SELECT body FROM deal_notes WHERE kind = 'call_summary' ORDER BY id LIMIT 1")).scalar()
        deal_id = conn.execute(text("SELECT id FROM opportunities ORDER BY id DESC LIMIT 1")).scalar()
    give_managers_addresses(engine, [Dialogue("t", "dev", rep, {"cc_manager": "true"}, [])])
    with engine.connect() as conn:
        manager_email = conn.execute(text("SELECT m.email FROM users u JOIN users m ON m.id = u.manager_id "
                                          "WHERE u.name = :r"), {"r": rep}).scalar()
    (email, name), (email2, name2) = people[0], people[1]
    expect = Expect(email, name, account, present=["pilot"], free=[["frankfurt"]], absent=["discount"])
    body = (f"Hi {name.split()[0]},\n\nThank you for your time so far. A short pilot with one of your teams would let "
            "you see results before any larger decision, and we can host your data in Frankfurt.\n\n"
            "Could we set up a 20-minute call next week to plan it?\n\nBest,\n" + rep)
    draft = {"to_email": email, "cc": [], "subject": f"A pilot for {account}", "body": body, "reply_to": None}
    return {"judge": Judge(engine), "rep": rep, "account": account, "expect": expect, "draft": draft,
            "other": (email2, name2), "other_account": other_account, "other_person": other_person,
            "play": call_note.split(". We ")[1].split(".")[0], "deal_id": deal_id, "manager": manager_email,
            "engine": engine}


def verdict(world, expect=None, draft=None, previous=None):  # noqa: ANN001, ANN201
    checks = world["judge"](world["rep"], expect or world["expect"], draft or world["draft"], previous)
    return {c.name: c for c in checks}


def failed(world, name, **kw):  # noqa: ANN001, ANN003, ANN201
    check = verdict(world, **kw)[name]
    assert check.ok is False, check
    return check.reason


def test_a_good_draft_passes(world) -> None:  # noqa: ANN001
    checks = verdict(world)
    assert all(c.ok is not False for c in checks.values()), [c for c in checks.values() if c.ok is False]
    assert checks["rubric"].ok is None  # no judge model offline: skipped, not failed


def with_body(world, old: str, new: str) -> dict:  # noqa: ANN001
    assert old in world["draft"]["body"]
    return {**world["draft"], "body": world["draft"]["body"].replace(old, new)}


def test_leaks_fail(world) -> None:  # noqa: ANN001
    note_run = f"Thank you for your time so far. Last year we {world['play']}."
    reason = failed(world, "leak", draft=with_body(world, "Thank you for your time so far.", note_run))
    assert "words in a row from deal note" in reason
    reason = failed(world, "leak", draft=with_body(world, "so far.", f"so far (see {world['deal_id']})."))
    assert world["deal_id"] in reason
    reason = failed(world, "leak", draft=with_body(world, "so far.", f"so far, as {world['other_account']} did."))
    assert world["other_account"] in reason
    reason = failed(world, "leak", draft=with_body(world, "so far.", f"so far; {world['other_person']} liked it."))
    assert world["other_person"] in reason
    for wording in ("closed won", "the turning point", "that is what moved them", "our win rate", "ref. deal",
                    "they were not convinced"):
        assert failed(world, "leak", draft=with_body(world, "so far.", f"so far ({wording}).")).startswith("internal")


def test_points_fail(world) -> None:  # noqa: ANN001
    expect = world["expect"]
    assert "missing point dpa" in failed(world, "points", expect=replace(expect, present=["pilot", "dpa"]))
    assert "lost its key words" in failed(world, "points", draft=with_body(world, " in Frankfurt", ""))
    assert "discount" in failed(world, "points", draft=with_body(world, "so far.", "so far. A 10% discount applies."))
    dropped = replace(expect, present=[], absent=["pilot"])
    assert "(pilot)" in failed(world, "points", expect=dropped)
    # a Chinese draft makes its points in Chinese; the rep's own words are not asked of it
    zh = {**world["draft"], "subject": "试点", "body": f"{expect.contact_name}，您好：\n\n我们可以先做一个小规模试点。"
          "\n\n请问您下周是否方便安排一次通话？\n\n" + world["rep"]}
    assert verdict(world, expect=replace(expect, language="zh"), draft=zh)["points"].ok is True


def test_contact_fails(world) -> None:  # noqa: ANN001
    email2, name2 = world["other"]
    assert "written to" in failed(world, "contact", draft={**world["draft"], "to_email": email2})
    first = world["expect"].contact_name.split()[0]
    assert "greeting" in failed(world, "contact", draft=with_body(world, f"Hi {first},", "Hi there,"))
    moved = replace(world["expect"], contact=email2, contact_name=name2)
    assert "greeting" in failed(world, "contact", expect=moved, draft={**world["draft"], "to_email": email2})


def test_language_fails(world) -> None:  # noqa: ANN001
    assert "Chinese" in failed(world, "language", expect=replace(world["expect"], language="zh"))
    assert "Chinese in an English draft" in failed(world, "language", draft=with_body(world, "so far.", "so far。"))


def test_cc_fails(world) -> None:  # noqa: ANN001
    asked = replace(world["expect"], cc=True)
    assert world["manager"] and world["manager"] in failed(world, "cc", expect=asked)
    copied = {**world["draft"], "cc": [world["manager"]]}
    assert verdict(world, expect=asked, draft=copied)["cc"].ok is True
    assert "nobody should be" in failed(world, "cc", draft=copied)


def test_ask_fails(world) -> None:  # noqa: ANN001
    two = with_body(world, "Could we", "Can you send the budget? Could we")
    assert "2 questions" in failed(world, "ask", draft=two)
    assert "0 questions" in failed(world, "ask", draft=with_body(world, "to plan it?", "to plan it."))
    vague = with_body(world, "Could we set up a 20-minute call next week to plan it?", "Does that make sense?")
    assert "next step" in failed(world, "ask", draft=vague)


def test_length_and_tone_fail(world) -> None:  # noqa: ANN001
    shorter = replace(world["expect"], length="shorter")
    brief = {**world["draft"], "body": world["draft"]["body"].replace(" and we can host your data in Frankfurt", "")}
    assert "asked for shorter" in failed(world, "length", expect=shorter, previous=brief)
    assert verdict(world, expect=shorter, draft=brief, previous=world["draft"])["length"].ok is True
    assert "no earlier draft" in failed(world, "length", expect=shorter)
    assert "asked for longer" in failed(world, "length", expect=replace(shorter, length="longer"),
                                        previous=world["draft"])
    assert "greets with" in failed(world, "tone", expect=replace(world["expect"], tone="formal"))
    first = world["expect"].contact_name.split()[0]
    dear = with_body(world, f"Hi {first},", f"Dear {world['expect'].contact_name},")
    assert "greets with" in failed(world, "tone", expect=replace(world["expect"], tone="friendly"), draft=dear)
    assert verdict(world, expect=replace(world["expect"], tone="formal"), draft=dear)["tone"].ok is True


def test_signature_reply_and_no_draft_fail(world) -> None:  # noqa: ANN001
    signed = replace(world["expect"], signature=f"{world['rep']} | Account Executive")
    assert "not signed" in failed(world, "signature", expect=signed)
    answering = replace(world["expect"], reply_to="X-R01")
    assert "expected the contact's last e-mail" in failed(world, "reply", expect=answering)
    assert verdict(world, expect=answering, draft={**world["draft"], "reply_to": {"activity_id": "X-R01"}})[
        "reply"].ok is True
    checks = world["judge"](world["rep"], world["expect"], {"error": "unknown contact"})
    assert checks[0].name == "drafted" and checks[0].ok is False and "unknown contact" in checks[0].reason


def test_rubric_scores_or_is_skipped(world, demo_workspace) -> None:  # noqa: ANN001
    settings, _ = demo_workspace
    assert from_settings(settings.model_copy(update={"llm": "offline"})) is None
    seen = []

    def model(score: str):  # noqa: ANN202
        def ask(system: str, draft: str) -> str:
            seen.append((system, draft))
            return score
        return rubric_check(ask)

    judge = world["judge"]
    for reply, ok in (("SCORE: 5\nREASON: clear", True), ("SCORE: 2\nREASON: vague ask", False), ("great!", False)):
        judge.rubric = model(reply)
        try:
            assert verdict(world)["rubric"].ok is ok
        finally:
            judge.rubric = None
    assert world["expect"].contact_name in seen[0][0] and "<<<DRAFT" in seen[0][1]


def test_lexicon_knows_every_phrasing() -> None:
    for split in ("dev", "held"):
        for key, noun in NOUNS[split].items():
            for phrase in [noun, *GERUNDS[split][key]]:
                assert lexicon.says(phrase, key), (split, key, phrase)
                others = [k for k in lexicon.POINTS if k != key and lexicon.says(phrase, k)]
                assert not others, (phrase, others)
    for key in lexicon.POINTS:
        assert not lexicon.says("Could we set up a short call next week to talk it through?", key)


def test_requests_split_cleanly(demo_workspace) -> None:  # noqa: ANN001
    _, engine = demo_workspace
    dev, held = build(engine, "dev"), build(engine, "held")
    assert sum(len(d.turns) for d in dev) >= 100 and sum(len(d.turns) for d in held) >= 30
    assert not {t.expect.account for d in dev for t in d.turns} & {t.expect.account for d in held for t in d.turns}
    assert not phrasings("dev") & phrasings("held")
    dev_text = " ".join(t.text for d in dev for t in d.turns)
    for words, _ in FREE["held"]:
        assert words not in dev_text
    kinds = {re.sub(r"\W", "", t.text.split(" ")[0]) for d in dev for t in d.turns}
    assert len(kinds) > 15  # phrased variously
    assert any(d.preferences.get("cc_manager") for d in dev) and any(d.preferences.get("language") == "zh" for d in dev)
    assert any(t.expect.reply_to for d in dev for t in d.turns) and any(t.expect.language == "zh" for d in held
                                                                         for t in d.turns)


def test_requests_do_not_carry_deal_notes(world, demo_workspace) -> None:  # noqa: ANN001
    _, engine = demo_workspace
    judge = world["judge"]
    for dialogue in build(engine, "all"):
        for turn in dialogue.turns:
            check = judge.leak(turn.expect, {"subject": "", "body": turn.text})
            assert check.ok, (turn.text, check.reason)


@pytest.mark.slow
def test_drafts_pass_the_evaluation(demo_workspace, talk_store) -> None:  # noqa: ANN001
    """The copilot's drafts, on a subset of the dev requests: every check at 95% or better, and no leak."""
    settings, engine = demo_workspace
    dialogues = build(engine, "dev")
    subset = [d for i, d in enumerate(dialogues) if i in (0, 1, 2, 3, 4, 5, 16, 17, 18, 19, 22, 32, 33, 34, 39)]
    with Copilot(settings, engine, clock=lambda: ANCHOR.replace(tzinfo=None), retriever=lambda: talk_store) as copilot:
        verdicts = run_dialogues(copilot, Judge(engine), subset)
    failures = [(v.dialogue, v.turn, v.request, c.name, c.reason) for v in verdicts for c in v.checks if c.ok is False]
    assert rates(verdicts)["leak"]["passed"] == rates(verdicts)["leak"]["judged"] == len(verdicts), failures
    assert not gate(verdicts, floor=30), failures
