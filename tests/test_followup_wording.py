"""Follow-up advice as people read it: times in the contact's zone and the rep's own ("Tuesday 16:00 their
time, 10:00 yours"), never ISO 8601 outside ``--json`` and machine fields; the contact an account question is
about (the one the thread talks about, else the account's most responsive); the rep's zone from the users
table, Slack or the settings; the figures of the answer as fields of the tool result, so grounding keeps them."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from pydantic import ValidationError
from sqlalchemy import Engine, create_engine, insert, inspect, select, text, update

from copilot.crm.admin import AdminError, set_user
from copilot.crm.db import alembic_config, current_revision, migrate
from copilot.crm.identity import account_in_scope, identity_for
from copilot.crm.models import User
from copilot.demo import ANCHOR
from copilot.grounding import ungrounded
from copilot.planner.answers import _followup
from copilot.runner import Copilot
from copilot.settings import Settings
from tests.cli import run_cli
from tests.conftest import private_copy
from tests.test_slack_drafts import _click, _draft_card, _wait, app, mail  # noqa: F401 - fixtures and helpers
from tools.followup import Timing, next_followup
from tools.followup.wording import reworded, when

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
"""An ISO 8601 date or moment: never in what a person reads."""
UTC = dt.UTC


def at(text_: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text_)


# --- when(): the words for a moment ------------------------------------------------------------------------


def test_different_zones_on_the_same_day() -> None:
    now = at("2026-12-03T12:00+00:00")  # a Thursday
    moment = at("2026-12-08T15:00+00:00")  # Tuesday 16:00 in Berlin, 10:00 in New York
    assert when(moment, "Europe/Berlin", "America/New_York", now) == "Tuesday 16:00 their time, 10:00 yours"


def test_the_reps_day_is_said_when_it_differs_from_the_contacts() -> None:
    now = at("2026-12-03T12:00+00:00")
    moment = at("2026-12-08T07:00+00:00")  # Tuesday 08:00 in Berlin is Monday 23:00 in Los Angeles
    assert when(moment, "Europe/Berlin", "America/Los_Angeles", now) == \
        "Tuesday 08:00 their time, Monday 23:00 yours"
    # Tuesday 14:00 in London is 23:00 the same day in Tokyo; two hours later it is Wednesday there
    assert when(at("2026-12-08T14:00+00:00"), "Europe/London", "Asia/Tokyo", now) == \
        "Tuesday 14:00 their time, 23:00 yours"
    assert when(at("2026-12-08T16:00+00:00"), "Europe/London", "Asia/Tokyo", now) == \
        "Tuesday 16:00 their time, Wednesday 01:00 yours"


def test_today_and_tomorrow_count_from_the_contacts_own_date() -> None:
    now = at("2026-12-07T23:30+00:00")  # Monday night in UTC is already Tuesday 08:30 in Tokyo
    assert when(at("2026-12-08T01:00+00:00"), "Asia/Tokyo", None, now) == "today 10:00 their time (Asia/Tokyo)"
    assert when(at("2026-12-09T01:00+00:00"), "Asia/Tokyo", None, now) == "tomorrow 10:00 their time (Asia/Tokyo)"
    # each side's day counts from its own today: the rep's own day is said only when it reads otherwise
    assert when(at("2026-12-08T01:00+00:00"), "Asia/Tokyo", "UTC", now) == "today 10:00 their time, tomorrow 01:00 yours"
    assert when(at("2026-12-09T01:00+00:00"), "Asia/Tokyo", "UTC", now) == \
        "tomorrow 10:00 their time, Wednesday 01:00 yours"
    assert when(at("2026-12-08T00:30+00:00"), "Asia/Tokyo", "America/New_York", now) == \
        "today 09:30 their time, 19:30 yours"  # Tuesday morning in Tokyo is this evening in New York
    assert when(at("2026-12-08T14:30+00:00"), "Asia/Tokyo", "America/New_York", now) == \
        "today 23:30 their time, tomorrow 09:30 yours"


def test_a_date_from_a_week_ahead() -> None:
    now = at("2026-12-03T12:00+00:00")  # Thursday 3 December
    assert when(at("2026-12-09T12:00+00:00"), "UTC", None, now) == "Wednesday 12:00 their time (UTC)"
    assert when(at("2026-12-10T09:00+00:00"), "UTC", None, now) == "Thursday 10 December 09:00 their time (UTC)"
    assert when(at("2026-12-15T09:00+00:00"), "Europe/Berlin", None, now) == \
        "Tuesday 15 December 10:00 their time (Europe/Berlin)"
    assert when(at("2027-01-05T09:00+00:00"), "UTC", None, at("2026-12-28T12:00+00:00")) == \
        "Tuesday 5 January 2027 09:00 their time (UTC)"


def test_daylight_saving_changes_on_different_dates() -> None:
    """Europe leaves summer time on 25 October 2026, the United States on 1 November: for a week New York is five
    hours behind Berlin, then six."""
    assert when(at("2026-10-28T14:00+00:00"), "America/New_York", "Europe/Berlin", at("2026-10-26T12:00+00:00")) == \
        "Wednesday 10:00 their time, 15:00 yours"
    assert when(at("2026-11-04T15:00+00:00"), "America/New_York", "Europe/Berlin", at("2026-11-02T12:00+00:00")) == \
        "Wednesday 10:00 their time, 16:00 yours"
    # the night the clocks go back in New York: 01:30 happens twice, each said as it is
    first, second = at("2026-11-01T05:30+00:00"), at("2026-11-01T06:30+00:00")
    now = at("2026-10-30T12:00+00:00")
    assert when(first, "America/New_York", "UTC", now) == "Sunday 01:30 their time, 05:30 yours"
    assert when(second, "America/New_York", "UTC", now) == "Sunday 01:30 their time, 06:30 yours"


def test_the_same_clock_and_an_unknown_rep_zone() -> None:
    now = at("2026-12-03T12:00+00:00")
    moment = at("2026-12-08T15:00+00:00")
    assert when(moment, "Europe/Berlin", "Europe/Berlin", now) == "Tuesday 16:00 (your time and theirs)"
    assert when(moment, "Europe/Berlin", "Europe/Paris", now) == "Tuesday 16:00 (your time and theirs)"
    assert when(moment, "Europe/Berlin", None, now) == "Tuesday 16:00 their time (Europe/Berlin)"
    assert when(moment, "Europe/Berlin", "Mars/Olympus", now) == "Tuesday 16:00 their time (Europe/Berlin)"
    assert when(moment, "Nowhere/Land", None, now) == "Tuesday 15:00 their time (UTC)"
    naive = when(moment.replace(tzinfo=None), "Europe/Berlin", None, now.replace(tzinfo=None))  # read as UTC
    assert naive == "Tuesday 16:00 their time (Europe/Berlin)"


def test_notes_lose_their_iso_dates_and_moments() -> None:
    now = at("2026-11-20T18:00+00:00")
    note = reworded("2026-11-26 is a public holiday there (Thanksgiving Day)", "America/New_York", None, now)
    assert note == "Thursday is a public holiday there (Thanksgiving Day)"
    later = reworded("2 touch(es) logged after 2026-11-20T18:00+00:00 were left out", "America/New_York", None, now)
    assert later == "2 touch(es) logged after today 13:00 their time (America/New_York) were left out"


# --- a private copy of the demo company -------------------------------------------------------------------


@pytest.fixture(scope="module")
def workspace(demo_workspace, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    """A private copy of the demo company: these tests set people's time zones and hold conversations."""
    return private_copy(demo_workspace, tmp_path_factory, "wording-ws", llm="offline")


@pytest.fixture(scope="module")
def copilot(workspace) -> Iterator[Copilot]:  # noqa: ANN001
    settings, engine = workspace
    with Copilot(settings, engine, clock=lambda: ANCHOR.replace(tzinfo=None)) as c:
        yield c


@pytest.fixture(scope="module")
def case(workspace) -> dict[str, Any]:  # noqa: ANN001
    """A rep, one of their accounts whose most responsive contact is not the one touched last, and that
    account's contacts by predicted reply chance."""
    settings, engine = workspace
    timing = Timing.for_database(engine, settings.home)
    with engine.connect() as conn:
        reps = conn.execute(text("SELECT u.name FROM users u JOIN opportunities o ON o.user_id = u.id "
                                 "WHERE u.role = 'rep' GROUP BY u.name ORDER BY count(*) DESC")).scalars().all()
        for rep in reps:
            me = identity_for(engine, rep)
            accounts = conn.execute(text(
                "SELECT a.id, a.name FROM accounts a WHERE (SELECT count(*) FROM contacts c WHERE c.account_id = a.id) "
                "BETWEEN 2 AND 20 ORDER BY a.name")).all()
            for account_id, account in accounts:
                if not account_in_scope(conn, me, account_id):
                    continue
                contacts = conn.execute(text(
                    "SELECT c.name, c.email, (SELECT max(t.occurred_at) FROM activities t WHERE t.contact_id = c.id "
                    "AND t.user_id = :u) AS last FROM contacts c WHERE c.account_id = :a"),
                    {"u": me.user_id, "a": account_id}).all()
                chance = {c.email: timing.recommend(c.email, ANCHOR).best.p_reply for c in contacts}
                best = max(contacts, key=lambda c: chance[c.email])
                latest = max(contacts, key=lambda c: (c.last is not None, c.last or ""))
                if best.email != latest.email and len(set(chance.values())) == len(chance):
                    return {"rep": rep, "account": account, "account_id": account_id, "best": best,
                            "latest": latest, "contacts": contacts, "chance": chance}
    pytest.fail("the demo company has no account whose most responsive contact is not the last one touched")


# --- which contact ----------------------------------------------------------------------------------------


def test_an_account_question_picks_the_most_responsive_contact_and_says_so(workspace, case) -> None:  # noqa: ANN001
    settings, engine = workspace
    me = identity_for(engine, case["rep"])
    result = next_followup(engine, me, {"account": case["account"]}, now=ANCHOR, home=settings.home)
    n = len(case["contacts"])
    assert result["contact_email"] == case["best"].email != case["latest"].email  # not the last one touched
    assert result["p_reply"] == pytest.approx(max(case["chance"].values()), abs=1e-4)
    assert result["chosen_because"] == f"the account's most responsive contact (of {n})"
    assert result["contacts_compared"] == n and result["account"] == case["account"]


def test_a_contact_named_in_the_question_wins(workspace, case) -> None:  # noqa: ANN001
    settings, engine = workspace
    me = identity_for(engine, case["rep"])
    other = case["latest"]
    by_name = next_followup(engine, me, {"account": case["account"], "contact": other.name.lower(),
                                         "thread_contact": case["best"].email}, now=ANCHOR, home=settings.home)
    assert by_name["contact_email"] == other.email and by_name["chosen_because"] == "the contact you named"
    first = other.name.split()[0]
    assert next_followup(engine, me, {"contact": first, "thread_contact": other.email}, now=ANCHOR,
                         home=settings.home)["contact_email"] == other.email


def test_the_contact_the_thread_talks_about_is_kept(copilot: Copilot, case) -> None:  # noqa: ANN001
    rep, account, other = case["rep"], case["account"], case["latest"]
    drafted = copilot.ask(f"Draft an email to {other.name} at {account} about next steps", rep, "thread-keeps")
    assert [c["name"] for c in drafted.tool_calls] == ["draft_email"], drafted.answer
    asked = copilot.ask(f"When should I follow up with {account}?", rep, "thread-keeps")
    assert asked.tool_calls == [{"name": "next_followup", "args": {"account": account, "thread_contact": other.email}}]
    assert f"Follow up with {other.name} <{other.email}> ({account}), the contact you are talking about:" \
        in asked.answer, asked.answer
    # a contact named in the question wins over the thread's
    best = case["best"]
    named = copilot.ask(f"When should I follow up with {best.name} at {account}?", rep, "thread-keeps")
    assert f"Follow up with {best.name} <{best.email}> ({account}):" in named.answer, named.answer
    # without a thread, the same question is about the account's most responsive contact
    fresh = copilot.ask(f"When should I follow up with {account}?", rep, "thread-fresh")
    n = len(case["contacts"])
    assert f"Follow up with {best.name} <{best.email}> ({account}), the account's most responsive contact (of {n}):" \
        in fresh.answer, fresh.answer


def test_a_thread_about_a_contact_by_their_address_and_then_her(copilot: Copilot, case) -> None:  # noqa: ANN001
    rep, other = case["rep"], case["latest"]
    first = copilot.ask(f"When should I follow up with {other.email}?", rep, "thread-her")
    assert other.email in first.answer
    again = copilot.ask("And when should I follow up with her?", rep, "thread-her")
    assert again.tool_calls == [{"name": "next_followup", "args": {"thread_contact": other.email}}]
    assert "the contact you are talking about" in again.answer


def test_scope_and_no_leak_stay(workspace, case) -> None:  # noqa: ANN001
    from copilot.crm.errors import ScopeError

    settings, engine = workspace
    with engine.connect() as conn:
        others = conn.execute(text("SELECT name FROM users WHERE role = 'rep' AND name != :r"),
                              {"r": case["rep"]}).scalars().all()
        stranger = next(identity_for(engine, n) for n in others
                        if not account_in_scope(conn, identity_for(engine, n), case["account_id"]))
    email, name = case["best"].email, case["best"].name
    for args in ({"account": case["account"]}, {"contact_email": email}, {"thread_contact": email},
                 {"contact": name}, {"account": case["account"], "thread_contact": email}):
        with pytest.raises(ScopeError) as refused:
            next_followup(engine, stranger, args, now=ANCHOR, home=settings.home)
        message = str(refused.value)
        assert email not in message and name not in message, (args, message)
        assert not re.search(r"\d", message.replace(case["account"], "")), (args, message)
    with pytest.raises(ScopeError, match="no contact by that name"):
        next_followup(engine, stranger, {"contact": "Nobody Atall"}, now=ANCHOR, home=settings.home)


# --- what people read -------------------------------------------------------------------------------------


def test_the_chat_answer_has_no_iso_timestamps(copilot: Copilot, case) -> None:  # noqa: ANN001
    result = copilot.ask(f"When should I follow up with {case['account']}?", case["rep"], "no-iso")
    assert result.answer.startswith("Follow up with") and "chance of a reply" in result.answer
    assert not ISO.search(result.answer), result.answer
    assert " their time" in result.answer and "Other good moments:" in result.answer
    assert "[figure removed]" not in result.answer


def test_the_cli_text_has_no_iso_timestamps_and_json_does(workspace, case, capsys: pytest.CaptureFixture[str],  # noqa: ANN001
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    settings, _ = workspace
    email, home = case["best"].email, str(settings.home)
    now = ANCHOR.isoformat()
    monkeypatch.setenv("COPILOT_TIMEZONE", "Asia/Singapore")
    shown = run_cli(["followup", "--contact", email, "--now", now], capsys, monkeypatch, home=home)
    assert shown.code == 0, shown.err
    assert not ISO.search(shown.out), shown.out
    assert " yours" in shown.out and "habit (" in shown.out and "chance of a reply" in shown.out
    monkeypatch.delenv("COPILOT_TIMEZONE")
    theirs = run_cli(["followup", "--contact", email, "--now", now], capsys, monkeypatch, home=home)
    assert theirs.code == 0 and " yours" not in theirs.out and "their time (" in theirs.out
    data = json.loads(run_cli(["followup", "--contact", email, "--now", now, "--json"], capsys, monkeypatch,
                              home=home).out)
    assert dt.datetime.fromisoformat(data["recommended_at"]) > ANCHOR
    assert all(dt.datetime.fromisoformat(a["at"]) for a in data["alternatives"])


def test_the_tool_result_keeps_machine_fields_and_adds_readable_ones(workspace, case) -> None:  # noqa: ANN001
    settings, engine = workspace
    me = identity_for(engine, case["rep"])
    r = next_followup(engine, me, {"contact_email": case["latest"].email}, now=ANCHOR, home=settings.home)
    tz, mine = r["contact_timezone"], r["rep_timezone"]
    assert mine == me.timezone and mine is not None  # the demo's sales_teams.csv gives every rep a zone
    assert r["recommended_when"] == when(at(r["recommended_at"]), tz, mine, ANCHOR)
    assert r["baseline_when"] == when(at(r["baseline_at"]), tz, mine, ANCHOR)
    assert [a["when"] for a in r["alternatives"]] == [when(at(a["at"]), tz, mine, ANCHOR) for a in r["alternatives"]]
    assert r["chosen_because"] == "the contact you named" and r["contacts_compared"] == 1
    assert isinstance(r["unanswered_in_a_row"], int) and r["prior_touches"] >= r["unanswered_in_a_row"]
    last = at(r["last_touch_at"])
    assert r["days_since_last_touch"] == (ANCHOR.astimezone(last.tzinfo).date() - last.date()).days


# --- figures survive grounding ----------------------------------------------------------------------------


def test_every_figure_of_the_answer_is_in_the_result(workspace, case) -> None:  # noqa: ANN001
    settings, engine = workspace
    me = identity_for(engine, case["rep"])
    r = next_followup(engine, me, {"account": case["account"]}, now=ANCHOR, home=settings.home)
    assert ungrounded(_followup(r), [json.dumps(r)]) == []  # as the recommender wrote it
    # a contact with a long silence and a big account: counts above what needs no source
    for optional in ("p_reply_if_just_replied", "p_reply_if_just_replied_pct", "answered_touches"):
        r.pop(optional, None)
    r.update(unanswered_in_a_row=14, prior_touches=31, days_since_last_touch=40, contacts_compared=17,
             contacts_on_account=17, chosen_because="the account's most responsive contact (of 17)",
             reason=f"Tuesday 10:00 their time: {r['p_reply_pct']} chance of a reply - the last 14 touches went "
                    "unanswered, so replies are less likely.")
    answer = _followup(r)
    assert "the last 14 touches went unanswered" in answer and "(of 17)" in answer
    assert ungrounded(answer, [json.dumps(r)]) == []
    bare = {k: v for k, v in r.items() if k not in ("unanswered_in_a_row", "contacts_compared", "contacts_on_account")}
    assert sorted(str(f) for f in ungrounded(answer, [json.dumps(bare)])) == ["14", "17"]  # the check still bites


# --- the rep's own time zone ------------------------------------------------------------------------------


def test_the_reps_zone_from_the_users_table_the_settings_and_the_importer(workspace, case) -> None:  # noqa: ANN001
    settings, engine = workspace
    rep = case["rep"]
    with engine.connect() as conn:
        on_record = conn.execute(select(User.timezone).where(User.name == rep)).scalar()
    assert on_record and identity_for(engine, rep).timezone == on_record  # from the demo's sales_teams.csv
    set_user(engine, rep, timezone="Asia/Tokyo")
    me = identity_for(engine, rep, default_timezone="Europe/Berlin")
    assert me.timezone == "Asia/Tokyo"  # their own zone wins over the workspace's
    r = next_followup(engine, me, {"contact_email": case["best"].email}, now=ANCHOR, home=settings.home)
    assert r["rep_timezone"] == "Asia/Tokyo" and r["recommended_when"].endswith(" yours")
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == rep).values(timezone=None))
    assert identity_for(engine, rep).timezone is None
    assert identity_for(engine, rep, default_timezone="Europe/Berlin").timezone == "Europe/Berlin"
    with pytest.raises(AdminError, match="not a known time zone; did you mean 'Asia/Tokyo'"):
        set_user(engine, rep, timezone="Asia/Tokio")
    with pytest.raises(ValidationError, match="not a known time zone"):
        Settings(timezone="Mars/Olympus")
    assert Settings(timezone="").timezone is None
    set_user(engine, rep, timezone=on_record)


def test_the_workspace_zone_reaches_the_answer(workspace, case) -> None:  # noqa: ANN001
    settings, engine = workspace
    rep = case["rep"]
    with engine.connect() as conn:
        kept = conn.execute(select(User.timezone).where(User.name == rep)).scalar()
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == rep).values(timezone=None))
    try:
        with Copilot(settings.model_copy(update={"timezone": "Pacific/Auckland"}), engine,
                     clock=lambda: ANCHOR.replace(tzinfo=None)) as c:
            answer = c.ask(f"When should I follow up with {case['best'].email}?", rep, "workspace-zone").answer
        assert " yours" in answer, answer
        with Copilot(settings, engine, clock=lambda: ANCHOR.replace(tzinfo=None)) as c:
            answer = c.ask(f"When should I follow up with {case['best'].email}?", rep, "no-zone").answer
        assert " yours" not in answer and "their time (" in answer, answer
    finally:
        with engine.begin() as conn:
            conn.execute(update(User).where(User.name == rep).values(timezone=kept))


def test_the_users_file_carries_an_optional_timezone(engine: Engine, demo_dir: Path, tmp_path: Path) -> None:
    import shutil

    from connectors.maven import import_maven

    files = tmp_path / "maven"
    files.mkdir()
    for name in ("accounts.csv", "products.csv", "sales_pipeline.csv"):
        shutil.copy(demo_dir / name, files / name)
    lines = (demo_dir / "sales_teams.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "sales_agent,manager,regional_office,timezone"
    agent, second = lines[1].split(",")[0], lines[2].split(",")[0]
    (files / "sales_teams.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_maven(engine, files).committed
    with engine.connect() as conn:
        zones = {name: tz for name, tz in conn.execute(select(User.name, User.timezone))}
    assert zones[agent] == lines[1].split(",")[3] and zones["ops"] is None
    set_user(engine, second, timezone="Asia/Kolkata")
    # an empty cell keeps the zone on record; a file without the column changes none; a wrong zone is rejected
    emptied = [lines[0], *(",".join([*ln.split(",")[:3], ""]) for ln in lines[1:])]
    (files / "sales_teams.csv").write_text("\n".join(emptied) + "\n", encoding="utf-8")
    assert import_maven(engine, files).committed
    (files / "sales_teams.csv").write_text("\n".join(",".join(ln.split(",")[:3]) for ln in lines) + "\n",
                                           encoding="utf-8")
    report = import_maven(engine, files)
    assert report.committed and report.stats("sales_teams.csv").updated == 0
    with engine.connect() as conn:
        assert conn.execute(select(User.timezone).where(User.name == second)).scalar() == "Asia/Kolkata"
        assert conn.execute(select(User.timezone).where(User.name == agent)).scalar() == lines[1].split(",")[3]
    wrong = [lines[0], ",".join([*lines[1].split(",")[:3], "Europe/Berln"]), *lines[2:]]
    (files / "sales_teams.csv").write_text("\n".join(wrong) + "\n", encoding="utf-8")
    report = import_maven(engine, files)
    assert not report.committed
    assert any("sales_teams.csv:2" in r.where and "did you mean 'Europe/Berlin'" in r.reason for r in report.rejects)


def test_slack_fills_an_empty_zone_when_it_looks_the_user_up(engine: Engine) -> None:
    from slack_sdk import WebClient

    from copilot.slack.identity import SlackDirectory
    from evals.slack_fake import fake_slack
    from tests import world

    world.build(engine)
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Rick Rep").values(slack_user_id="URICK"))
        conn.execute(update(User).where(User.name == "Rita Rep").values(timezone="Europe/Paris"))
    with fake_slack() as slack:
        slack.profiles = {"UMONA": {"email": "u2@ourco.example"}, "URITA": {"email": "u4@ourco.example"},
                          "URICK": {"email": "u3@ourco.example"}}
        slack.users = {"UMONA": {"tz": "America/Chicago"}, "URITA": {"tz": "Asia/Tokyo"},
                       "URICK": {"tz": "Asia/Tokyo"}}
        directory = SlackDirectory(engine, WebClient(token="xoxb-test", base_url=slack.url),
                                   default_timezone="Europe/London")
        mona = directory.identity("UMONA")
        assert mona is not None and mona.timezone == "America/Chicago"
        rita = directory.identity("URITA")
        assert rita is not None and rita.timezone == "Europe/Paris"  # a zone on record is kept
        rick = directory.identity("URICK")
        assert rick is not None and rick.timezone == "Europe/London"  # linked by id: Slack is not asked
        assert [c["user"] for c in slack.called("users.info")] == ["UMONA", "URITA"]
    with engine.connect() as conn:
        zones = {name: tz for name, tz in conn.execute(select(User.name, User.timezone))}
    assert zones["Mona Manager"] == "America/Chicago" and zones["Rita Rep"] == "Europe/Paris"
    assert zones["Rick Rep"] is None


def test_the_slack_scheduled_message_says_the_time_in_words(app, engine: Engine) -> None:  # noqa: ANN001, F811
    base, slack = app
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Rick Rep").values(timezone="Asia/Tokyo"))
    _, buttons = _draft_card(base, slack, "Standard Co", "1700000500.000100")
    _click(base, "URICK", buttons["draft_schedule"], channel="C1", ts="1700000500.000200",
           thread_ts="1700000500.000100")
    told = _wait(slack, "chat.postMessage", 2)[-1]["text"]
    assert told.startswith("Scheduled: follow up with Sam Stone") and " at Standard Co: " in told, told
    assert " their time, " in told and " yours, the time with the best chance of a reply" in told, told
    assert not ISO.search(told), told


# --- the migration ----------------------------------------------------------------------------------------


def test_the_timezone_migration_upgrades_and_downgrades(db_url: str) -> None:
    engine = create_engine(db_url)
    migrate(engine, "0005")
    with engine.begin() as conn:
        conn.execute(insert(User), [{"name": "Boss", "role": "manager"}])
        boss = conn.execute(select(User.id).where(User.name == "Boss")).scalar_one()
        conn.execute(text("INSERT INTO users (name, role, manager_id) VALUES ('Kept', 'rep', :m)"), {"m": boss})
    migrate(engine, "0006")
    assert current_revision(engine) == "0006"
    assert "timezone" in {c["name"] for c in inspect(engine).get_columns("users")}
    with engine.begin() as conn:
        conn.execute(text("UPDATE users SET timezone = 'Europe/Berlin' WHERE name = 'Kept'"))
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    assert current_revision(engine) == "0005"
    assert "timezone" not in {c["name"] for c in inspect(engine).get_columns("users")}
    with engine.connect() as conn:  # the people and who manages whom are kept
        assert conn.execute(text("SELECT u.name FROM users u JOIN users m ON m.id = u.manager_id")).scalars().all() \
            == ["Kept"]
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT timezone FROM users WHERE name = 'Kept'")).scalar() is None
    engine.dispose()
