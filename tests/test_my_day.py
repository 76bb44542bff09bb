"""The rep's day: follow-ups due, stalled deals and unanswered accounts, in the caller's scope, and the
planner's answer to "what should I work on today?"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, insert

from copilot.crm.identity import identity_for
from copilot.crm.models import Activity, Task
from copilot.runner import Copilot
from copilot.settings import Settings
from tests import world
from tools.my_day import my_day

NOW = dt.datetime(2026, 11, 20, 9, 0)


def _build(engine: Engine) -> None:
    world.build(engine)
    with engine.begin() as conn:
        # Standard Co (Rick's DL0001): three touches since the last reply, the latest five days ago
        acts = [("A1", NOW - dt.timedelta(days=40), "inbound", "A0"), ("A2", NOW - dt.timedelta(days=30), "outbound", None),
                ("A3", NOW - dt.timedelta(days=20), "outbound", None), ("A4", NOW - dt.timedelta(days=5), "outbound", None)]
        conn.execute(insert(Activity), [{"id": i, "occurred_at": at, "utc_offset_min": 0, "type": "email",
                                         "direction": d, "user_id": 3, "account_id": 1, "in_reply_to": r}
                                        for i, at, d, r in acts])
        # Carlco (Carl's DL0006): quiet for 30 days
        conn.execute(insert(Activity), [{"id": "C1", "occurred_at": NOW - dt.timedelta(days=30), "utc_offset_min": 0,
                                         "type": "call", "direction": "outbound", "user_id": 6, "account_id": 6}])
        conn.execute(insert(Task), [
            {"id": "T1", "user_id": 3, "account_id": 1, "due_at": NOW - dt.timedelta(days=2), "note": "send the quote",
             "created_at": NOW - dt.timedelta(days=9)},
            {"id": "T2", "user_id": 3, "account_id": 2, "due_at": NOW + dt.timedelta(days=3), "note": "later",
             "created_at": NOW - dt.timedelta(days=1)},
            {"id": "T3", "user_id": 6, "account_id": 6, "due_at": NOW - dt.timedelta(hours=1), "note": "carl's",
             "created_at": NOW - dt.timedelta(days=1)}])


def test_a_reps_day_in_scope(engine: Engine) -> None:
    _build(engine)
    day = my_day(engine, identity_for(engine, "Rick Rep"), now=NOW)
    assert [(t.task, t.overdue_days) for t in day.follow_ups_due] == [("T1", 2)]  # T2 is not due, T3 is Carl's
    # Rick's Engaging deals: DL0001 (Standard Co, touched 5 days ago) is not stalled; DL0002 and DL0007 never touched
    assert {d.deal for d in day.stalled} == {"DL0002", "DL0007"} and day.stalled_count == 2
    assert all(d.quiet_days is None for d in day.stalled)
    assert [(u.account, u.unanswered_in_a_row) for u in day.unanswered] == [("Standard Co", 3)]
    assert "DL0006" not in day.record_ids and "T3" not in day.record_ids


def test_a_managers_day_covers_the_team_only(engine: Engine) -> None:
    _build(engine)
    day = my_day(engine, identity_for(engine, "Nate Manager"), now=NOW)
    assert [t.task for t in day.follow_ups_due] == ["T3"]
    assert [(d.deal, d.quiet_days) for d in day.stalled] == [("DL0006", 30)]
    assert day.unanswered == []


def test_what_should_i_work_on_today(engine: Engine, tmp_path: Path) -> None:
    _build(engine)
    settings = Settings(home=tmp_path / "home", database_url=engine.url.render_as_string(hide_password=False),
                        llm="offline")
    with Copilot(settings, engine, clock=lambda: NOW.replace(tzinfo=dt.UTC)) as copilot:
        for question in ("what should I work on today?", "which of my deals are stalled?"):
            result = copilot.ask(question, "Rick Rep")
            assert [c["name"] for c in result.tool_calls] == ["my_day"], result.answer
            answer = result.answer
            assert "Standard Co, due 2026-11-18 09:00 (2 days overdue): send the quote" in answer
            assert "DL0002" in answer and "DL0007" in answer and "DL0006" not in answer
            assert "Standard Co: 3 in a row" in answer and "[figure removed]" not in answer
