"""A contact's automatic reply ("out of the office, back on Thursday 5 March"): not a reply, the days away are
not offered, and what was touched while they were away is not learned from."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_followup import _peaked_world
from tools.followup import Timing
from tools.followup.away import automatic, back_on
from tools.followup.calendar import zone
from tools.followup.history import contact_state, from_database, from_files, table

SENT = dt.date(2026, 2, 27)  # a Friday


@pytest.mark.parametrize(("subject", "body", "away", "machine", "back"), [
    ("Automatic reply: Proposal", "I am out of the office, back on Thursday 5 March 2026.", True, True,
     dt.date(2026, 3, 5)),
    ("Out of Office", "I'm on annual leave until 4 March. For urgent matters call the desk.", True, True,
     dt.date(2026, 3, 5)),  # until the 4th: back on the 5th
    ("Abwesenheitsnotiz: Angebot", "Ich bin nicht im Büro. Back on 2026-03-09.", True, True, dt.date(2026, 3, 9)),
    ("Réponse automatique : devis", "Je suis absent. Back March 9th.", True, True, dt.date(2026, 3, 9)),
    ("Auto-reply", "I'm travelling with limited access. Returning next Wednesday.", True, True, dt.date(2026, 3, 4)),
    ("RE: Automatic reply: intro", "Out of office.", True, True, None),  # no day back named
    ("Automatic reply", "Back on 31 February.", True, True, None),  # no such day
    ("Out of office", "I will be back on 3 January.", True, True, None),  # ten months on: a misreading
    ("Re: pricing", "Thanks! I'm away until Monday 2 March, let's talk then.", True, False, dt.date(2026, 3, 3)),
    ("Re: pricing", "Thanks, Tuesday works for me. Back to you on the numbers by 5 March.", False, False,
     dt.date(2026, 3, 5)),
    ("Re: pricing", "Sounds good.", False, False, None),
])
def test_what_a_message_says_of_its_writer_being_away(subject: str, body: str, away: bool, machine: bool,
                                                      back: dt.date | None) -> None:
    assert automatic(subject, body) == (away, machine)
    assert back_on(subject, body, SENT) == back


@pytest.mark.parametrize(("subject", "machine"), [
    ("[EXTERNAL] Automatic reply: Proposal", True), ("RE: [External] Out of Office: Proposal", True),
    ("Automatische Antwort: Angebot", True), ("Autosvar: Proposal", True), ("\u200fOut of office", True),
    ("Out of office until Monday", True), ("Out of Office Re: Proposal", True), ("Abwesenheitsnotiz", True),
    # a person's subject that merely begins with such words
    ("Re: Out of office hours support - quote", False), ("AW: Abwesenheitsmanagement Angebot", False),
    ("Re: Automatic response settings in your tool", False), ("Re: ausente mañana?", False),
])
def test_a_subject_marks_an_automatic_reply_only_as_a_whole_phrase(subject: str, machine: bool) -> None:
    """Gateway tags and invisible marks before the phrase do not hide it; a person's subject that only starts
    with its words ("Out of office hours support") is no automatic reply."""
    assert automatic(subject, "I am out of the office until 5 March.") == (True, machine)
    assert automatic(subject, "Thanks, sounds good.")[1] is machine


@pytest.mark.parametrize(("body", "sent", "back"), [
    ("I\u2019m on leave until 5 March.", SENT, dt.date(2026, 3, 6)),  # a typographic apostrophe
    ("I am on leave. I'll be back once my visa is renewed", SENT, None),  # "wed" inside a word is no weekday
    ("I'm out of the office; back when Simon is", SENT, None),
    ("I am away, back in 2026 may be sooner", dt.date(2026, 2, 20), None),  # a year is no day of a month
    ("I'm on leave until 29 February", dt.date(2027, 12, 20), dt.date(2028, 3, 1)),  # the next leap year
    ("I'm on leave, back on 29 February", dt.date(2027, 12, 20), dt.date(2028, 2, 29)),
    ("I'm away until 27 February", SENT, dt.date(2026, 2, 28)),  # until today: back tomorrow
    ("I'm away until 31 December", dt.date(2026, 12, 31), dt.date(2027, 1, 1)),
    ("I'm away until Friday", SENT, dt.date(2026, 2, 28)),  # written on that Friday
    ("I'm away, back on Friday", SENT, dt.date(2026, 3, 6)),  # the next one
])
def test_the_day_back_in_the_words_people_write(body: str, sent: dt.date, back: dt.date | None) -> None:
    assert automatic("Re: proposal", body)[0] or back is None
    assert back_on("Re: proposal", body, sent) == back


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.text(max_size=3000), st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)))
def test_any_text_gives_a_day_back_after_the_message_or_none(subject: str, body: str, sent: dt.date) -> None:
    day = back_on(subject, body, sent)
    assert day is None or sent < day <= sent + dt.timedelta(days=120)
    assert automatic(subject, body) in ((False, False), (True, False), (True, True))


def _with_messages(src: Path, out: Path, rows: list[list[str]]) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(src.parent / "contacts.csv", out / "contacts.csv")
    with (out / "activities.csv").open("w", newline="") as h:
        h.write(src.read_text())
        csv.writer(h).writerows(rows)
    return out / "activities.csv", out / "contacts.csv"


def _last_touch(activities: Path, email: str) -> dict[str, str]:
    with activities.open(newline="") as h:
        return max((r for r in csv.DictReader(h) if r["contact_email"] == email and r["direction"] == "outbound"),
                   key=lambda r: r["occurred_at"])


def test_an_automatic_reply_is_no_reply_and_the_days_away_are_not_offered(tmp_path: Path) -> None:
    activities, _, end = _peaked_world(tmp_path / "base", 3)
    email, tz = "c7@acme3.example", zone("America/Chicago")
    touch = _last_touch(activities, email)
    touched = dt.datetime.fromisoformat(touch["occurred_at"])
    sent = end - dt.timedelta(days=1)
    back = sent.astimezone(tz).date() + dt.timedelta(days=12)
    auto = ["OOO1", sent.isoformat(), "email", "inbound", "Rep", touch["account"], email, "",
            "Automatic reply: checking in", f"I am out of the office, back on {back:%A %-d %B %Y}.", touch["activity_id"]]
    base = from_files(activities, activities.parent / "contacts.csv")
    person = next(f"c{i}@acme{i // 2}.example" for i in range(9, 500)
                  if _last_touch(activities, f"c{i}@acme{i // 2}.example")["activity_id"] not in base.replies)
    other = _last_touch(activities, person)  # a person who answers, and says they will be away
    answered = dt.datetime.fromisoformat(other["occurred_at"]) + dt.timedelta(hours=2)
    until = answered.astimezone(tz).date() + dt.timedelta(days=4)
    human = ["OOO2", answered.isoformat(), "email", "inbound", "Rep", other["account"], person, "",
             "Re: hello", f"Thanks! I'm on leave until {until:%-d %B}, let us speak then.", other["activity_id"]]
    activities, contacts = _with_messages(activities, tmp_path / "with", [auto, human])
    log = from_files(activities, contacts)
    assert touch["activity_id"] not in log.replies  # the automatic reply answers nothing
    assert [b for _, b in log.away[email]] == [back]
    assert other["activity_id"] in log.replies  # a person's answer is one, even when it says they will be away
    assert [b for _, b in log.away[person]] == [until + dt.timedelta(days=1)]
    rows = table(log)
    theirs = rows.contact == email
    during = theirs & (rows.t >= sent.timestamp() - 86400)
    assert rows.censored[during].all() and not rows.censored[theirs & ~during].all()

    timing = Timing.from_log(log)
    now = end
    state = contact_state(log, email, now)
    assert state.away_until == back and state.away_said == sent.astimezone(tz).date()
    rec = timing.recommend(email, now)
    assert rec.best.at.astimezone(tz).date() >= back
    assert all(a.at.astimezone(tz).date() >= back for a in rec.alternatives)
    assert any(back.isoformat() in note and "away" in note for note in rec.notes), rec.notes
    # once back, nothing is held back
    later = dt.datetime.combine(back + dt.timedelta(days=1), dt.time(9), tz)
    assert contact_state(log, email, later).away_until is None
    assert not any("away" in note for note in timing.recommend(email, later).notes)
    # the other's day back has passed by now: nothing is held back for them
    assert (until < now.astimezone(tz).date()) == (contact_state(log, person, now).away_until is None)


def test_the_crm_database_reads_automatic_replies_as_the_files_do(engine, demo_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """The same history read from the CRM database and from its files: the same days away, the same replies."""
    from sqlalchemy import insert, select

    from connectors.activities import import_activities
    from connectors.maven import import_maven
    from copilot.crm.models import Activity

    assert import_maven(engine, demo_dir).committed
    assert import_activities(engine, demo_dir / "activities.csv", demo_dir / "contacts.csv").committed
    with engine.begin() as conn:
        touch = conn.execute(select(Activity).where(Activity.direction == "outbound", Activity.type == "email",
                                                    Activity.contact_id.is_not(None))
                             .order_by(Activity.occurred_at.desc()).limit(1)).mappings().one()
        sent = touch["occurred_at"] + dt.timedelta(minutes=3)
        conn.execute(insert(Activity).values(
            id="AUTO1", occurred_at=sent, utc_offset_min=0, type="email", direction="inbound",
            user_id=touch["user_id"], account_id=touch["account_id"], contact_id=touch["contact_id"],
            subject="Automatic reply: " + (touch["subject"] or ""), body="I am on leave, back on 2 March 2099.",
            in_reply_to=touch["id"]))
    crm = from_database(engine)
    email = next(e for e, rows in crm.by_contact().items() if any(r[0] == touch["id"] for r in rows))
    assert touch["id"] not in crm.replies
    assert len(crm.away[email]) == 1 and crm.away[email][0][1] is None  # 2099 is no plausible day back
    one = from_database(engine, email)
    assert one.away == {email: crm.away[email]}
    files = from_files(demo_dir / "activities.csv", demo_dir / "contacts.csv")
    assert set(files.replies) == set(crm.replies)


def test_a_contact_heard_from_in_person_is_back_whatever_their_message_said(tmp_path: Path) -> None:
    """An automatic reply said back in twelve days; two days later the contact answers a touch themselves: they
    are back, so nothing is held back for them and their absence ends there. Until then the habit's moment waits
    for the day back too (it is what is advised when no hour of the history falls in the days searched)."""
    activities, _, end = _peaked_world(tmp_path / "base", 3)
    email, tz = "c7@acme3.example", zone("America/Chicago")
    touch = _last_touch(activities, email)
    sent = end - dt.timedelta(days=4)
    back = sent.astimezone(tz).date() + dt.timedelta(days=12)
    auto = ["OOO1", sent.isoformat(), "email", "inbound", "Rep", touch["account"], email, "",
            "Automatic reply: checking in", f"I am out of the office, back on {back:%A %-d %B %Y}.", ""]
    again = ["T-again", (sent + dt.timedelta(days=1)).isoformat(), "email", "outbound", "Rep", touch["account"], email,
             "", "", "", ""]
    answer = ["R-again", (sent + dt.timedelta(days=2)).isoformat(), "email", "inbound", "Rep", touch["account"], email,
              "", "Re: checking in", "Back early - yes, let's talk.", "T-again"]
    activities, contacts = _with_messages(activities, tmp_path / "with", [auto, again])
    log = from_files(activities, contacts)
    assert contact_state(log, email, end).away_until == back  # still away, as far as anyone knows
    rec = Timing.from_log(log).recommend(email, end)
    assert rec.best.at.astimezone(tz).date() >= back and rec.baseline.at.astimezone(tz).date() >= back
    activities, contacts = _with_messages(activities, tmp_path / "answered", [answer])
    log = from_files(activities, contacts)
    assert contact_state(log, email, end).away_until is None
    assert log.away_periods(email)[0][1] == (sent + dt.timedelta(days=2)).timestamp()  # away until heard from
    assert not any("away" in note for note in Timing.from_log(log).recommend(email, end).notes)


def test_the_crm_database_and_its_files_say_alike_who_owns_each_account(engine, demo_dir: Path) -> None:  # noqa: ANN001
    """An account's ownership (a parent others name in subsidiary_of, a subsidiary naming one, an independent firm)
    is read alike from the CRM database and from accounts.csv, and each of the three kinds is there."""
    from connectors.activities import import_activities
    from connectors.maven import import_maven

    assert import_maven(engine, demo_dir).committed
    assert import_activities(engine, demo_dir / "activities.csv", demo_dir / "contacts.csv").committed
    crm = from_database(engine).contacts
    files = from_files(demo_dir / "activities.csv", demo_dir / "contacts.csv", demo_dir / "accounts.csv").contacts
    assert crm and {e: i.ownership for e, i in crm.items()} == {e: i.ownership for e, i in files.items()}
    with (demo_dir / "accounts.csv").open(newline="") as f:
        parent_of = {r["account"]: r["subsidiary_of"] for r in csv.DictReader(f)}
    for info in files.values():
        if info.account in parent_of:
            expected = ("subsidiary" if parent_of[info.account] else
                        "parent" if info.account in parent_of.values() else "independent")
            assert info.ownership == expected, info
    assert {i.ownership for i in files.values()} >= {"parent", "subsidiary", "independent"}
    one = next(e for e, i in crm.items() if i.ownership == "parent")
    assert from_database(engine, one).contacts[one].ownership == "parent"
    # without accounts.csv nothing is known of it
    assert {i.ownership for i in from_files(demo_dir / "activities.csv", demo_dir / "contacts.csv").contacts.values()} \
        == {None}


def test_an_account_listed_twice_is_read_from_its_first_row_as_the_crm_keeps_it(tmp_path: Path) -> None:
    """accounts.csv lists an account twice, the second row naming a parent: its first row counts (the CRM's import
    keeps the first and rejects the second), so it is independent and the account its second row names is no parent."""
    (tmp_path / "accounts.csv").write_text(
        "account,sector,year_established,revenue,employees,office_location,subsidiary_of\n"
        "Elm,retail,2000,1,50,Japan,\nOak,retail,2000,1,50,Japan,\nElm,software,2001,2,9000,Peru,Oak\n")
    (tmp_path / "contacts.csv").write_text("contact_email,name,title,account,timezone\n"
                                           "a@elm.example,A,Buyer,Elm,Asia/Tokyo\nb@oak.example,B,Buyer,Oak,Asia/Tokyo\n")
    (tmp_path / "activities.csv").write_text(
        "activity_id,occurred_at,type,direction,sales_agent,account,contact_email,opportunity_id,subject,body,"
        "in_reply_to\n")
    log = from_files(tmp_path / "activities.csv", tmp_path / "contacts.csv", tmp_path / "accounts.csv")
    elm, oak = log.contacts["a@elm.example"], log.contacts["b@oak.example"]
    assert (elm.sector, elm.employees, elm.ownership, oak.ownership) == ("retail", 50, "independent", "independent")
