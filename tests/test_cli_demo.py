"""``copilot demo`` and ``copilot generate`` from a fresh workspace, as a new user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import run_cli


def test_demo_builds_workspace_then_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    home = str(tmp_path / "ws")
    result = run_cli(["demo", "--deals", "300", "--no-chat"], capsys, monkeypatch, home=home)
    assert result.code == 0, result.err
    assert "Building the demo workspace" in result.out
    assert "synthetic demo data" in result.out
    assert "ops: How many deals are in each stage?" in result.out
    assert "win rate = won / (won + lost)" in result.out
    for tool in ("crm_query", "customer_profile", "talk_tracks", "draft_email", "next_followup"):
        assert f"tools: {tool}" in result.out
    assert "Draft — not sent" in result.out
    assert (tmp_path / "ws" / "demo-data" / "SYNTHETIC.txt").exists()

    # a second run reuses the workspace and the index, and says the same things
    again = run_cli(["demo", "--no-chat"], capsys, monkeypatch, home=home)
    assert again.code == 0 and "Building" not in again.out and "Indexed" not in again.out
    assert again.out.split("Sales copilot demo")[1] == result.out.split("Sales copilot demo")[1]


def test_demo_chat_remembers_the_conversation(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    home = str(tmp_path / "ws")
    run_cli(["demo", "--deals", "200", "--no-chat"], capsys, monkeypatch, home=home)
    monkeypatch.setattr("sys.stdin", io.StringIO("How many deals are in Prospecting?\nzzzzqqq\n\n"))
    result = run_cli(["demo", "--chat"], capsys, monkeypatch, home=home)
    assert result.code == 0
    chat = result.out.split("Ask anything as ops")[1]
    assert "in Prospecting: " in chat and "I did not understand" in chat


def test_generate_writes_the_canonical_files(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_cli(["generate", str(tmp_path / "out"), "--deals", "50", "--max-activities", "100"], capsys,
                     monkeypatch, home=str(tmp_path))
    assert result.code == 0
    assert "100 activities" in result.out
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert names == {"accounts.csv", "products.csv", "sales_teams.csv", "sales_pipeline.csv", "contacts.csv",
                     "activities.csv", "deal_notes.csv", "SYNTHETIC.txt"}
    bad = run_cli(["generate", str(tmp_path / "x"), "--deals", "0"], capsys, monkeypatch, home=str(tmp_path))
    assert bad.code == 2 and "Traceback" not in bad.err
