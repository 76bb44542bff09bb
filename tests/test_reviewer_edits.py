"""An approver's edit to a drafted e-mail is kept with the request, and the next drafts for that rep and
account follow it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from copilot.actions import prepare, store
from copilot.crm.identity import identity_for
from copilot.crm.names import Names
from copilot.crm.reviewer_edits import apply_choices, phrasing_choices
from copilot.review.approvals import edit
from tools.email_draft import draft_email

NOW = dt.datetime(2026, 11, 20, 9, 0)


def test_phrasing_choices_replace_and_drop_sentences() -> None:
    edits = [{"field": "body", "before": "Hi Ann,\nWe can cut the price. Could we meet? Best,",
              "after": "Hi Ann,\nWe can phase the rollout. Could we meet? Best,"},
             {"field": "body", "before": "One. Two. Three.", "after": "One. Three."}]
    choices = phrasing_choices(edits)
    assert ("We can cut the price.", "We can phase the rollout.") in choices and ("Two.", "") in choices
    assert apply_choices("Hello. We can cut the price. Bye.", choices) == ("Hello. We can phase the rollout. Bye.", 1)
    assert apply_choices("Nothing to change.", choices) == ("Nothing to change.", 0)


def test_the_next_draft_follows_the_approvers_edit(demo_workspace, talk_store) -> None:  # noqa: ANN001
    settings, engine = demo_workspace
    with engine.connect() as conn:
        rep, account, manager = conn.execute(text(
            "SELECT u.name, a.name, m.name FROM opportunities o JOIN users u ON u.id = o.user_id "
            "JOIN users m ON m.id = u.manager_id JOIN accounts a ON a.id = o.account_id "
            "WHERE o.stage IN ('Prospecting', 'Engaging') AND EXISTS (SELECT 1 FROM contacts c WHERE "
            "c.account_id = a.id) ORDER BY o.id LIMIT 1")).one()
    me = identity_for(engine, rep)
    first = draft_email(engine, me, {"account": account}, now=NOW, store=talk_store)
    sentence = next(line for line in first["body"].splitlines() if line.rstrip().endswith("?"))  # the ask
    better = "Would a 20-minute call on Thursday work to agree the rollout plan?"
    request = prepare(engine, settings, me, Names.load(engine), "send_email",
                      {"account": account, "to": first["to"].split("<")[-1].rstrip(">"), "subject": first["subject"],
                       "body": first["body"] + "\nWe can offer a discount."},
                      thread_id="reviewed", call_id="c1", now=NOW)
    stored, _ = store(engine, request, now=NOW)
    assert stored["needs_review"]  # pricing language
    edit(engine, settings, identity_for(engine, manager), stored["id"],
         {"body": first["body"].replace(sentence, better) + "\nWe can offer a discount."}, now=NOW, names=Names.load(engine))
    second = draft_email(engine, me, {"account": account}, now=NOW, store=talk_store)
    assert better in second["body"] and sentence not in second["body"]
    assert second["reviewer_edits_applied"] >= 1 and second["reviewer_examples"][0]["after"].count(better) == 1
    other_rep = identity_for(engine, manager)  # the manager's own drafts are not the rep's
    assert better not in draft_email(engine, other_rep, {"account": account}, now=NOW, store=talk_store)["body"]
