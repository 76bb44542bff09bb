"""Sales-ops administration through the CLI: e-mail, Slack ids and key-account tiers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from copilot.crm.models import Account, User
from tests.cli import run_cli


@pytest.fixture
def home(tmp_path: Path, maven_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    ws = str(tmp_path / "ws")
    assert run_cli(["import", "maven", str(maven_dir)], capsys, monkeypatch, home=ws).code == 0
    return ws


def _db(home: str):  # noqa: ANN202
    return create_engine(f"sqlite:///{home}/crm.sqlite3")


def test_set_user_contact_details(home: str, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ok = run_cli(["users", "set", "Anna Snelling", "--email", "Anna@Example.com", "--slack-id", "U024BE7LH"],
                 capsys, monkeypatch, home=home)
    assert ok.code == 0, ok.err
    with _db(home).connect() as conn:
        row = conn.execute(select(User.email, User.slack_user_id).where(User.name == "Anna Snelling")).one()
    assert tuple(row) == ("anna@example.com", "U024BE7LH")
    listed = run_cli(["users", "list", "--role", "rep", "--json"], capsys, monkeypatch, home=home)
    users = {u["name"]: u for u in json.loads(listed.out)}
    assert len(users) == 35
    assert users["Anna Snelling"]["slack_user_id"] == "U024BE7LH"
    assert users["Anna Snelling"]["manager"] == "Dustin Brinkmann"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["users", "set", "Ana Snelling", "--email", "a@b.co"], "unknown user 'Ana Snelling'; did you mean 'Anna Snelling'?"),
        (["users", "set", "Anna Snelling", "--email", "not-an-email"], "is not an e-mail address"),
        (["users", "set", "Anna Snelling", "--slack-id", "U1; DROP TABLE users"], "is not valid"),
        (["users", "set", "Anna Snelling"], "nothing to change"),
        (["accounts", "tier", "Kan code", "key", "--as", "ops"], "did you mean 'Kan-code'?"),
        (["accounts", "tier", "Kan-code", "gold", "--as", "ops"], "tier 'gold' is not one of: key, standard"),
        (["accounts", "tier", "Kan-code", "standard", "--as", "Anna Snelling"], "only sales-ops (ops) may"),
    ],
)
def test_bad_admin_input_is_refused(args: list[str], message: str, home: str, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_cli(args, capsys, monkeypatch, home=home)
    assert result.code == 2
    assert message in result.err


def test_duplicate_slack_id_is_refused(home: str, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_cli(["users", "set", "Anna Snelling", "--slack-id", "U1"], capsys, monkeypatch, home=home).code == 0
    clash = run_cli(["users", "set", "Moses Frase", "--slack-id", "U1"], capsys, monkeypatch, home=home)
    assert clash.code == 2 and "another user already has that slack_user_id" in clash.err


def test_key_account_tier(home: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_cli(["accounts", "tier", "Kan-code", "key", "--as", "ops"], capsys, monkeypatch, home=home).code == 0
    with _db(home).connect() as conn:
        assert conn.execute(select(Account.tier).where(Account.name == "Kan-code")).scalar_one() == "key"
