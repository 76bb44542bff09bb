"""The agent graph end to end: offline planner, scripted model, grounding, guard rails, memory, review."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from langchain_core.messages import AIMessage, ToolMessage
from sqlalchemy import Engine, select, text

from connectors.maven import import_maven
from copilot.crm.models import Action, Opportunity
from copilot.runner import Copilot
from copilot.settings import Settings
from tests.conftest import ROOT
from copilot.crm.errors import ToolError
from tests.fakes import ScriptedModel, call

DEV = ROOT.parent / "shared" / "evals" / "crm_qa_dev.jsonl"
SCORER = ROOT.parent / "shared" / "evals" / "score_crm_qa.py"


@pytest.fixture
def maven(engine: Engine, maven_dir: Path) -> Engine:
    assert import_maven(engine, maven_dir).committed
    return engine


def _settings(tmp_path: Path, engine: Engine) -> Settings:
    url = engine.url.render_as_string(hide_password=False)
    return Settings(home=tmp_path / "home", database_url=url, llm="offline")


def test_offline_planner_answers_the_dev_questions(maven: Engine, tmp_path: Path) -> None:
    from tests.conftest import need_or_skip

    need_or_skip(DEV.exists(), f"no dev questions at {DEV}")
    results = []
    with Copilot(_settings(tmp_path, maven), maven) as copilot:
        for line in DEV.read_text().splitlines():
            case = json.loads(line)
            results.append({"id": case["id"], "answer": copilot.ask(case["input"], case["user"]).answer})
    out = tmp_path / "results.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in results))
    scored = subprocess.run([sys.executable, str(SCORER), str(DEV), str(out), "--min", "0.9"],
                            capture_output=True, text=True)
    assert scored.returncode == 0, scored.stdout


def test_answer_carries_tool_calls_sources_and_versions(maven: Engine, tmp_path: Path) -> None:
    with Copilot(_settings(tmp_path, maven), maven) as copilot:
        result = copilot.ask("How many deals has Darcel Schlecht won?", "ops")
    assert "349" in result.answer
    assert result.tool_calls == [{"name": "crm_query", "args": {
        "entity": "opportunities", "metrics": ["won_count"], "filters": {"rep": ["Darcel Schlecht"], "stage": ["Won"]}}}]
    assert len(result.sources) == 20 and result.pending_review is None
    assert len(result.prompt_version) == 12 and result.model == "offline-planner"


def test_scope_is_enforced_whatever_is_asked(maven: Engine, tmp_path: Path) -> None:
    with Copilot(_settings(tmp_path, maven), maven) as copilot:
        result = copilot.ask("How much revenue has Cassey Cress won?", "Moses Frase")
    assert "not in your scope" in result.answer
    assert not any(ch.isdigit() for ch in result.answer.split("not in your scope")[1])


def test_not_understood_gets_examples(maven: Engine, tmp_path: Path) -> None:
    with Copilot(_settings(tmp_path, maven), maven) as copilot:
        result = copilot.ask("purple monkey dishwasher", "ops")
    assert "did not understand" in result.answer and "For example" in result.answer
    assert result.tool_calls == []


def test_oversized_and_empty_messages(maven: Engine, tmp_path: Path) -> None:
    with Copilot(_settings(tmp_path, maven), maven) as copilot:
        big = copilot.ask("win rate? " * 1000, "ops")
        empty = copilot.ask("   ", "ops")
    assert "characters long" in big.answer and big.tool_calls == []
    assert "Ask me" in empty.answer


def test_scripted_model_exact_sequence_and_grounding(maven: Engine, tmp_path: Path) -> None:
    model = ScriptedModel(script=[
        call("crm_query", {"metrics": ["won_revenue"], "filters": {"account": ["Konex"]}}),
        AIMessage(content="Konex brought in $269,245 of won revenue; that's about 2.7% of the $999,999 target."),
    ])
    with Copilot(_settings(tmp_path, maven), maven, model_provider=lambda ctx: model) as copilot:
        result = copilot.ask("Total won revenue with Konex?", "ops")
    assert [c["name"] for c in result.tool_calls] == ["crm_query"]
    assert "$269,245" in result.answer
    assert "999,999" not in result.answer and "2.7%" not in result.answer
    assert "[figure removed]" in result.answer and result.notes
    assert "crm_query" in model.tools and "change_stage" in model.tools
    second = model.seen[1]
    tool_msg = next(m for m in second if isinstance(m, ToolMessage))
    assert tool_msg.tool_call_id == "call_1" and "269245" in tool_msg.content


def test_tool_call_cap(maven: Engine, tmp_path: Path) -> None:
    model = ScriptedModel(script=[call("crm_query", {"metrics": ["count"]}, f"c{i}") for i in range(20)])
    with Copilot(_settings(tmp_path, maven), maven, model_provider=lambda ctx: model) as copilot:
        result = copilot.ask("count everything, forever", "ops")
    assert "more lookups than I allow" in result.answer
    assert len(result.tool_calls) == 6


def test_model_failure_falls_back_to_the_offline_planner(maven: Engine, tmp_path: Path) -> None:
    class Broken(ScriptedModel):
        def _generate(self, *a, **k):  # noqa: ANN002, ANN003, ANN202
            raise ConnectionError("endpoint unreachable")

    with Copilot(_settings(tmp_path, maven), maven, model_provider=lambda ctx: Broken()) as copilot:
        result = copilot.ask("How many deals are in Prospecting?", "ops")
    assert "500" in result.answer
    assert any("offline planner answered" in n for n in result.notes)


def test_conversation_survives_a_restart(maven: Engine, tmp_path: Path) -> None:
    settings = _settings(tmp_path, maven)
    with Copilot(settings, maven) as copilot:
        first = copilot.ask("How many deals are in Prospecting?", "ops")
    with Copilot(settings, maven) as copilot:
        second = copilot.ask("Win rate for MG Special?", "ops", thread_id=first.thread_id)
        history = list(copilot.history(first.thread_id, "ops"))
    assert second.thread_id == first.thread_id
    humans = [m.content for m in history if m.type == "human"]
    assert humans == ["How many deals are in Prospecting?", "Win rate for MG Special?"]
    assert "64.8%" in second.answer


def _kan_code_deal(engine: Engine) -> tuple[str, str, str]:
    """An Engaging deal on Kan-code (made a key account), its rep and the rep's manager."""
    with engine.begin() as conn:
        deal, rep, manager = conn.execute(text(
            "SELECT o.id, u.name, m.name FROM opportunities o JOIN users u ON u.id = o.user_id "
            "JOIN users m ON m.id = u.manager_id JOIN accounts a ON a.id = o.account_id "
            "WHERE o.stage = 'Engaging' AND a.name = 'Kan-code' ORDER BY o.id LIMIT 1")).one()
        conn.execute(text("UPDATE accounts SET tier = 'key' WHERE name = 'Kan-code'"))
    return deal, rep, manager


def test_key_account_action_waits_survives_restart_and_runs_once(maven: Engine, tmp_path: Path) -> None:
    settings = _settings(tmp_path, maven)
    deal, rep, manager = _kan_code_deal(maven)
    with Copilot(settings, maven) as copilot:
        paused = copilot.ask(f"move deal {deal} to won for $5,000", rep)
    request = paused.pending_review
    assert request["tool"] == "change_stage" and request["key_account"] is True
    assert request["allowed_decisions"] == ["approve", "reject", "edit"]
    assert any("Won" in r for r in request["reasons"]) and any("key" in r for r in request["reasons"])
    assert "Waiting for approval" in paused.answer and request["id"] in paused.answer
    json.dumps(paused.pending_review)  # JSON-serialisable
    with maven.connect() as conn:
        assert conn.execute(select(Opportunity.stage).where(Opportunity.id == deal)).scalar_one() == "Engaging"
    with Copilot(settings, maven) as copilot:  # a new process: the request is in the database
        done = copilot.decide(request["id"], manager, "approve")
        with pytest.raises(ToolError, match="already executed"):
            copilot.decide(request["id"], manager, "approve")
        told = copilot.ask("How many deals are in Prospecting?", rep, thread_id=paused.thread_id)
        history = [str(m.content) for m in copilot.history(paused.thread_id, rep)]
    assert done["status"] == "done" and done["record_ids"] == [deal]
    assert told.answer.startswith("Update on your requests:") and "Done: move deal" in told.answer
    assert any(h.startswith("Update: Done: move deal") for h in history)
    with maven.connect() as conn:
        row = conn.execute(select(Opportunity.stage, Opportunity.close_value).where(Opportunity.id == deal)).one()
        assert row.stage == "Won" and float(row.close_value) == 5000
        actions = conn.execute(select(Action.status, Action.decided_by, Action.requested_by)).all()
        rep_id = conn.execute(text("SELECT id FROM users WHERE name = :n"), {"n": rep}).scalar_one()
    assert len(actions) == 1 and actions[0].status == "executed"
    assert actions[0].decided_by == manager and actions[0].requested_by == rep_id


def test_rejected_action_changes_nothing(maven: Engine, tmp_path: Path) -> None:
    settings = _settings(tmp_path, maven)
    _, rep, manager = _kan_code_deal(maven)
    with Copilot(settings, maven) as copilot:
        paused = copilot.ask("log a call with Kan-code: asked for pricing", rep)
        assert paused.pending_review["tool"] == "log_activity"
        result = copilot.decide(paused.pending_review["id"], manager, "reject", reason="duplicate")
    assert result["message"] == f'Not done: {manager} rejected "{paused.pending_review["summary"]}" (duplicate).'
    with maven.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM activities")).scalar_one() == 0


def test_actions_on_standard_accounts_run_without_review(maven: Engine, tmp_path: Path) -> None:
    with Copilot(_settings(tmp_path, maven), maven) as copilot:
        result = copilot.ask("schedule a follow-up with Konex on 2026-12-02 at 10:00: send the proposal", "ops")
    assert result.pending_review is None and result.answer.startswith("Done: schedule a follow-up with Konex")
    with maven.connect() as conn:
        due = conn.execute(text("SELECT due_at FROM tasks")).scalar_one()
    assert str(due).startswith("2026-12-02 10:00")


def test_unknown_user_is_a_clear_error(maven: Engine, tmp_path: Path) -> None:
    from copilot.crm.errors import ToolInputError

    with Copilot(_settings(tmp_path, maven), maven) as copilot, pytest.raises(ToolInputError, match="unknown user"):
        copilot.ask("win rate?", "Nobody Atall")
