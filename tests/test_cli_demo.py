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
    assert "How many deals are in each stage?" in result.out
    assert "win rate = won / (won + lost)" in result.out
    assert (tmp_path / "ws" / "demo-data" / "SYNTHETIC.txt").exists()
    stages = [line for line in result.out.splitlines() if line.strip().startswith(("Won:", "Lost:"))]
    assert len(stages) == 2

    # a second run reuses the workspace
    again = run_cli(["demo", "--no-chat"], capsys, monkeypatch, home=home)
    assert again.code == 0 and "Building" not in again.out
    assert again.out.split("Sales copilot demo")[1] == result.out.split("Sales copilot demo")[1]


def test_demo_chat_looks_up_names(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    home = str(tmp_path / "ws")
    run_cli(["demo", "--deals", "200", "--no-chat"], capsys, monkeypatch, home=home)
    rep = (tmp_path / "ws" / "demo-data" / "sales_teams.csv").read_text().splitlines()[1].split(",")[0]
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{rep.lower()}\nzzzzqqq\n\n"))
    result = run_cli(["demo", "--chat"], capsys, monkeypatch, home=home)
    assert result.code == 0
    assert f"Pipeline of {rep} (user)" in result.out
    assert "I found no rep, manager or account" in result.out


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
