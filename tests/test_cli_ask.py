"""`copilot ask` and `copilot chat` as a rep uses them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.cli import run_cli


@pytest.fixture
def home(tmp_path: Path, maven_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    ws = str(tmp_path / "ws")
    monkeypatch.setenv("COPILOT_LLM", "offline")
    assert run_cli(["import", "maven", str(maven_dir)], capsys, monkeypatch, home=ws).code == 0
    return ws


def test_ask_json(home: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_cli(["ask", "Win rate for MG Special?", "--as", "ops", "--json"], capsys, monkeypatch, home=home)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert {"answer", "tool_calls", "sources", "pending_review", "thread_id"} <= set(data)
    assert "64.8%" in data["answer"] and data["pending_review"] is None
    assert data["tool_calls"][0]["name"] == "crm_query" and data["tool_calls"][0]["args"]["metrics"][0] == "win_rate"
    follow = run_cli(["ask", "How many deals are in Prospecting?", "--as", "ops", "--json", "--thread",
                      data["thread_id"]], capsys, monkeypatch, home=home)
    assert json.loads(follow.out)["thread_id"] == data["thread_id"]


def test_ask_unknown_user(home: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_cli(["ask", "win rate?", "--as", "Darcel Schlect"], capsys, monkeypatch, home=home)
    assert result.code == 2
    assert "unknown user 'Darcel Schlect'; did you mean 'Darcel Schlecht'" in result.err
    assert "Traceback" not in result.err


def test_ask_review_shows_pending(home: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_cli(["accounts", "tier", "Konex", "key", "--as", "ops"], capsys, monkeypatch, home=home).code == 0
    result = run_cli(["ask", "log a call with Konex: wants a quote", "--as", "ops", "--json"], capsys, monkeypatch,
                     home=home)
    data = json.loads(result.out)
    request = data["pending_review"]
    assert request["tool"] == "log_activity" and "Waiting for approval" in data["answer"]
    assert data["pending_reviews"] == [request] and data["actions"][0]["outcome"] == "waiting for approval"
    listed = run_cli(["approvals", "list", "--as", "ops", "--json"], capsys, monkeypatch, home=home)
    assert [r["id"] for r in json.loads(listed.out)] == [request["id"]]
    shown = run_cli(["approvals", "show", request["id"], "--as", "ops"], capsys, monkeypatch, home=home)
    assert "why review: logging on a key account" in shown.out and request["args_hash"][:16] in shown.out
    own = run_cli(["approvals", "approve", request["id"], "--as", "ops", "--hash", request["args_hash"][:12]], capsys,
                  monkeypatch, home=home)
    assert own.code == 2 and "you cannot approve your own request" in own.err


def test_chat_keeps_the_thread(home: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("How many deals are in Prospecting?\nWho is Anna Snelling's manager?\n"))
    result = run_cli(["chat", "--as", "ops"], capsys, monkeypatch, home=home)
    assert result.code == 0
    assert "in Prospecting: 500" in result.out and "Dustin Brinkmann" in result.out


def test_policy_show_and_a_malformed_policy(home: str, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    shown = run_cli(["policy", "show"], capsys, monkeypatch, home=home)
    assert shown.code == 0 and "(default; copy it to" in shown.out and "open_pipeline_above = 250000.0" in shown.out
    (Path(home) / "policy.toml").write_text('[approvers]\ngroup = ["Cara Losch"]\n')
    assert '"Cara Losch"' in run_cli(["policy", "show"], capsys, monkeypatch, home=home).out
    (Path(home) / "policy.toml").write_text("[review\n")
    broken = run_cli(["ask", "log a call with Konex: hi", "--as", "ops"], capsys, monkeypatch, home=home)
    assert "policy.toml: not valid TOML" in broken.out and "Traceback" not in broken.out + broken.err
    assert run_cli(["policy", "show"], capsys, monkeypatch, home=home).code == 2


def test_a_locked_memory_file_is_a_one_line_error_after_the_busy_timeout(
        home: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process holding the conversation memory's file: the question waits COPILOT_DB_BUSY_TIMEOUT (as for the
    CRM's file), then gets one line that says what is wrong and which setting, exit 2, no traceback."""
    import sqlite3

    assert run_cli(["ask", "How many deals are in Prospecting?", "--as", "ops"], capsys, monkeypatch,
                   home=home).code == 0  # the memory file exists
    monkeypatch.setenv("COPILOT_DB_BUSY_TIMEOUT", "0.5")
    holder = sqlite3.connect(Path(home) / "memory.sqlite3", timeout=5)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run_cli(["ask", "How many deals are in Engaging?", "--as", "ops"], capsys, monkeypatch, home=home)
    finally:
        holder.rollback()
        holder.close()
    assert result.code == 2, result
    assert "conversation memory problem: database is locked" in result.err and "COPILOT_DB_BUSY_TIMEOUT" in result.err
    assert "Traceback" not in result.err + result.out
    after = run_cli(["ask", "How many deals are in Engaging?", "--as", "ops"], capsys, monkeypatch, home=home)
    assert after.code == 0 and "Engaging" in after.out
