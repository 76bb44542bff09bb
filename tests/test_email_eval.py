"""The e-mail draft evaluator, on the test demo company: drafts pass it, and bad drafts fail it."""

from __future__ import annotations

import json

from langchain_core.messages import ToolMessage

from copilot.demo import ANCHOR
from copilot.runner import Copilot
from evals.emails.run import judge, requests


def _drafts(settings, engine, store, n):  # noqa: ANN001, ANN202
    out = []
    with Copilot(settings, engine, clock=lambda: ANCHOR.replace(tzinfo=None), retriever=lambda: store) as copilot:
        for rep, request, _ in requests(engine, n):
            result = copilot.ask(request, rep)
            turn = list(copilot.history(result.thread_id, rep))
            draft = next((json.loads(m.content) for m in turn if isinstance(m, ToolMessage) and m.name == "draft_email"),
                         None)
            out.append((rep, request, result.answer, draft))
    return out


def test_drafts_pass_the_evaluator(demo_workspace, talk_store) -> None:  # noqa: ANN001
    settings, engine = demo_workspace
    drafts = _drafts(settings, engine, talk_store, 20)
    verdicts = [judge(engine, rep, req, ans, d, [json.dumps({"messaging_source": d.get("messaging_source"),
                                                             "record_ids": d.get("record_ids")})])
                for rep, req, ans, d in drafts]
    failures = [(v.request, v.failures) for v in verdicts if not v.passed]
    assert len(verdicts) == 20
    assert sum(v.passed for v in verdicts) / len(verdicts) >= 0.95, failures


def test_evaluator_catches_bad_drafts(demo_workspace, talk_store) -> None:  # noqa: ANN001
    settings, engine = demo_workspace
    rep, request, answer, draft = _drafts(settings, engine, talk_store, 1)[0]
    sources = [json.dumps({"messaging_source": draft.get("messaging_source"), "record_ids": draft.get("record_ids")})]
    assert judge(engine, rep, request, answer, draft, sources).passed

    invented = {**draft, "body": draft["body"].replace("Could we", "We cut costs by 42% for them. Could we")}
    assert any("figures not from tools" in f for f in judge(engine, rep, request, answer, invented, sources).failures)
    wrong = {**draft, "to": "Someone Else <someone@else.example>"}
    assert any("addressed to" in f for f in judge(engine, rep, request, answer, wrong, sources).failures)
    two_asks = {**draft, "body": draft["body"].replace("Could we", "Can you send the budget? Could we")}
    assert any("one clear next step" in f for f in judge(engine, rep, request, answer, two_asks, sources).failures)
    uncited = {**draft, "body": draft["body"].split(" (ref.")[0] + "."}
    assert any("cited" in f for f in judge(engine, rep, request, answer, uncited, sources).failures)
