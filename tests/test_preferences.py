"""Long-term preferences: remembered across conversations and restarts, applied to drafts."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from copilot.demo import ANCHOR
from copilot.runner import Copilot
from tests.cli import run_cli


def test_preferences_shape_the_drafts(demo_workspace, talk_store, tmp_path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    settings, engine = demo_workspace
    with engine.connect() as conn:
        rep, manager, account = conn.execute(text(
            "SELECT u.name, m.name, a.name FROM users u JOIN users m ON m.id = u.manager_id JOIN opportunities o "
            "ON o.user_id = u.id JOIN accounts a ON a.id = o.account_id WHERE o.stage = 'Engaging' "
            "ORDER BY u.name LIMIT 1")).one()
    home = str(settings.home)
    url = settings.effective_database_url
    for key, value in (("tone", "formal"), ("signature", "Best wishes from the East team"), ("cc_manager", "yes")):
        done = run_cli(["prefs", "set", key, value, "--as", rep], capsys, monkeypatch, home=home, database_url=url)
        assert done.code == 0, done.err
    assert run_cli(["users", "set", manager, "--email", "boss@example.com"], capsys, monkeypatch, home=home,
                   database_url=url).code == 0
    bad = run_cli(["prefs", "set", "tone", "sarcastic", "--as", rep], capsys, monkeypatch, home=home,
                  database_url=url)
    assert bad.code == 2 and "tone must be friendly, formal or direct" in bad.err
    shown = run_cli(["prefs", "show", "--as", rep], capsys, monkeypatch, home=home, database_url=url)
    assert "tone: formal" in shown.out

    with Copilot(settings, engine, clock=lambda: ANCHOR.replace(tzinfo=None), retriever=lambda: talk_store) as cp:
        draft = cp.ask(f"Draft an email to {account} about next steps", rep)
    assert "Dear " in draft.answer and "Kind regards," in draft.answer
    assert draft.drafts[0]["body"].rstrip().endswith("Best wishes from the East team")  # the e-mail's end
    assert "Cc: boss@example.com" in draft.answer
    with Copilot(settings, engine, clock=lambda: ANCHOR.replace(tzinfo=None), retriever=lambda: talk_store) as cp:
        direct = cp.ask(f"Draft a direct email to {account} about next steps", rep)
    assert "Thanks," in direct.answer  # the request's tone wins over the stored one
