"""The real ``copilot`` entry point prints what people type and what is stored literally -- never as
Rich markup, never with a traceback -- and keeps sales-ops' commands and other people's conversations
to their owners."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from copilot.crm.models import Account
from tests.cli import Result, run_cli
from tests.conftest import ROOT

REP = "Moses Frase"
OTHER_REP = "Cassey Cress"
ACCOUNT = "Konex"
MARKUP = ["[/]", "[bold]x[/bold]", "[red]Bob[/red]", "[link=https://example.com]click[/link]"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, maven_dir: Path) -> Path:
    """A workspace with the Maven company, imported once through the CLI and copied for each test."""
    from copilot.cli import main

    ws = tmp_path_factory.mktemp("cli-safety") / "ws"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COPILOT_HOME", str(ws))
        mp.delenv("COPILOT_DATABASE_URL", raising=False)
        mp.setattr(sys, "argv", ["copilot", "import", "maven", str(maven_dir)])
        try:
            main()
        except SystemExit as exc:
            assert not exc.code, exc.code
    return ws


@pytest.fixture
def home(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    ws = tmp_path / "ws"
    shutil.copytree(template, ws)
    monkeypatch.setenv("COPILOT_LLM", "offline")
    return str(ws)


def cli(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: str) -> Result:
    result = run_cli(args, capsys, monkeypatch, home=home)
    clean(result)
    return result


def clean(result: Result) -> None:
    """No traceback, no source file or path of the installation, whatever happened."""
    both = result.out + result.err
    assert "Traceback" not in both, both
    assert not re.search(r'File ".*", line \d+', both), both
    assert str(ROOT) not in both and ".py" not in both, both


def one_error_line(result: Result) -> str:
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, result.err
    assert lines[0].startswith("error: "), lines
    return lines[0]


# ------------------------------------------------------------------------------------------- names as markup


@pytest.mark.parametrize("name", MARKUP)
@pytest.mark.parametrize("command", [["ask", "win rate?"], ["chat"], ["prefs", "show"], ["approvals", "list"],
                                     ["talk-tracks", "pricing"], ["accounts", "tier", ACCOUNT, "standard"]],
                         ids=lambda c: "-".join(c[:2]))
def test_an_unknown_user_named_like_markup_is_printed_literally(command: list[str], name: str, home: str,
                                                                capsys: pytest.CaptureFixture[str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    result = cli([*command, "--as", name], capsys, monkeypatch, home)
    assert result.code == 2, (result.out, result.err)
    line = one_error_line(result)
    assert line.startswith(f"error: unknown user {name!r}"), line
    assert result.out == ""


def test_an_unknown_account_named_like_markup_is_printed_literally(home: str, capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for name in MARKUP:
        result = cli(["accounts", "tier", name, "key", "--as", "ops"], capsys, monkeypatch, home)
        assert result.code == 2
        assert one_error_line(result).startswith(f"error: unknown account {name!r}")


def test_a_question_that_looks_like_markup_is_answered(home: str, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    result = cli(["ask", "[/] [bold]win rate[/bold] for [red]MG Special[/red]?", "--as", "ops"], capsys, monkeypatch,
                 home)
    assert result.code == 0, result.err
    assert result.out.strip()


# ------------------------------------------------------------------------------------------- stored strings


@pytest.mark.parametrize("signature", MARKUP)
def test_a_signature_that_looks_like_markup_is_stored_and_shown_literally(signature: str, home: str,
                                                                          capsys: pytest.CaptureFixture[str],
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    saved = cli(["prefs", "set", "signature", signature, "--as", REP], capsys, monkeypatch, home)
    assert saved.code == 0, saved.err
    assert saved.out.strip() == f"Remembered for {REP}: signature = {signature}"
    shown = cli(["prefs", "show", "--as", REP], capsys, monkeypatch, home)
    assert shown.code == 0, shown.err
    assert re.search(rf"^signature: {re.escape(signature)}   ", shown.out, re.MULTILINE), shown.out
    # another user's preferences are their own
    other = cli(["prefs", "show", "--as", OTHER_REP], capsys, monkeypatch, home)
    assert other.code == 0 and signature not in other.out and "signature: (not set)" in other.out


# ------------------------------------------------------------------------------------------- sales-ops only


def _tier(home: str) -> str:
    engine = create_engine(f"sqlite:///{home}/crm.sqlite3")
    try:
        with engine.connect() as conn:
            return conn.execute(select(Account.tier).where(Account.name == ACCOUNT)).scalar_one()
    finally:
        engine.dispose()


def test_only_sales_ops_changes_a_tier_and_every_attempt_is_audited(home: str, capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli(["accounts", "tier", ACCOUNT, "key", "--as", "ops"], capsys, monkeypatch, home).code == 0
    assert _tier(home) == "key"
    refused = cli(["accounts", "tier", ACCOUNT, "standard", "--as", REP], capsys, monkeypatch, home)
    assert refused.code == 2 and refused.out == ""
    assert "only sales-ops" in one_error_line(refused)
    assert _tier(home) == "key"
    # a rep's attempt on an account named like markup is refused too, and logged as typed
    odd = cli(["accounts", "tier", "[red]x[/red]", "key", "--as", REP], capsys, monkeypatch, home)
    assert odd.code == 2 and "only sales-ops" in one_error_line(odd)
    done = cli(["accounts", "tier", ACCOUNT, "standard", "--as", "ops"], capsys, monkeypatch, home)
    assert done.code == 0, done.err
    assert done.out.strip() == f"{ACCOUNT} is now a standard account (was key)."
    assert _tier(home) == "standard"

    audit = cli(["audit", "list", "--as", "ops"], capsys, monkeypatch, home)
    assert audit.code == 0, audit.err
    lines = audit.out.splitlines()
    changed = [line for line in lines if "tier_changed" in line]
    assert len(changed) == 2 and all(line.split()[2] == "ops" for line in changed), lines
    assert '"from": "key", "to": "standard"' in changed[-1] and f'"account": "{ACCOUNT}"' in changed[-1]
    refusals = [line for line in lines if "tier_change_refused" in line]
    assert len(refusals) == 2 and all(REP in line for line in refusals), lines
    assert '"account": "[red]x[/red]"' in refusals[-1], refusals
    as_json = cli(["audit", "list", "--as", "ops", "--json"], capsys, monkeypatch, home)
    events = [e["event"] for e in json.loads(as_json.out)]
    assert events == ["tier_changed", "tier_change_refused", "tier_change_refused", "tier_changed"], events
    # the audit log itself is sales-ops only
    for who in (REP, "Dustin Brinkmann"):
        denied = cli(["audit", "list", "--as", who], capsys, monkeypatch, home)
        assert denied.code == 2 and denied.out == "" and "sales-ops only" in one_error_line(denied)


# ------------------------------------------------------------------------------------------- conversations


def test_another_users_thread_is_refused(home: str, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    first = cli(["ask", "Win rate for MG Special?", "--as", "ops", "--json"], capsys, monkeypatch, home)
    assert first.code == 0, first.err
    data = json.loads(first.out)
    thread, answer = data["thread_id"], data["answer"]
    assert "64.8%" in answer
    secret = [answer, "64.8%", "793", "1,223", "MG Special"]
    for args in (["ask", "and for GTX Pro?", "--as", REP, "--thread", thread],
                 ["ask", "what did you just tell ops?", "--as", REP, "--thread", thread, "--json"],
                 ["ask", "Win rate for MG Special?", "--as", "Dustin Brinkmann", "--thread", thread]):
        refused = cli(args, capsys, monkeypatch, home)
        assert refused.code == 2, (args, refused.out, refused.err)
        line = one_error_line(refused)
        assert "belongs to another user" in line, line
        assert refused.out == ""
        assert not any(s in refused.out + refused.err for s in secret), (refused.out, refused.err)
    # the owner's conversation goes on, untouched by the refused questions
    again = cli(["ask", "How many deals are in Prospecting?", "--as", "ops", "--json", "--thread", thread], capsys,
                monkeypatch, home)
    assert again.code == 0 and json.loads(again.out)["thread_id"] == thread
    from copilot.runner import Copilot
    from copilot.settings import Settings
    from copilot.workspace import open_database

    settings = Settings(home=Path(home), database_url=None, llm="offline")
    engine = open_database(settings)
    try:
        with Copilot(settings, engine) as copilot:
            humans = [m.content for m in copilot.history(thread, "ops") if m.type == "human"]
    finally:
        engine.dispose()
    assert humans == ["Win rate for MG Special?", "How many deals are in Prospecting?"]


def test_approvals_list_runs_for_a_rep(home: str, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    listed = cli(["approvals", "list", "--as", REP], capsys, monkeypatch, home)
    assert listed.code == 0, listed.err
    assert listed.out.strip() == "No pending requests."
    as_json = cli(["approvals", "list", "--as", REP, "--json", "--status", "all"], capsys, monkeypatch, home)
    assert as_json.code == 0 and json.loads(as_json.out) == []


def test_text_from_outside_is_printed_as_stored() -> None:
    """Terminal escapes and bidirectional overrides become visible codes; other text, any script, is kept."""
    from copilot.crm.values import visible

    assert visible("Ann\x1b[2J") == "Ann\\x1b[2J"
    assert visible("invoice\u202efdp.exe") == "invoice\\u202efdp.exe"
    assert visible("שלום Ann, 東京") == "שלום Ann, 東京"
