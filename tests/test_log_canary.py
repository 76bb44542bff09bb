"""No personal data in logs: every command, run at DEBUG over a CRM with planted e-mail addresses and phone
numbers in its free text (notes, activity bodies, a rejected row), prints none of them in any output or log;
and a PostgreSQL error that quotes a row is logged without it."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from copilot.crm.logs import NoPersonalData
from copilot.settings import Settings
from copilot.workspace import open_database
from tests import world
from tests.cli import Result
from tests.conftest import ROOT

CANARIES = ["canary.one@leak.example", "secret.buyer@hidden.example", "+1 (415) 555-0199", "020 7946 0321"]


def _planted(tmp_path: Path) -> tuple[Path, Path, Path]:
    notes = tmp_path / "deal_notes.csv"
    notes.write_text(
        "note_id,opportunity_id,written_at,kind,author,title,body\n"
        "N1,DL0001,2026-10-02T10:00:00+00:00,note,Rick Rep,Pricing call,"
        f"\"They asked for a discount; write to {CANARIES[0]} or call {CANARIES[2]}. We tied the price to value.\"\n"
        "N2,DL0002,2026-10-03T10:00:00+00:00,call_summary,Rick Rep,Security review,"
        f"\"Their CISO ({CANARIES[1]}, {CANARIES[3]}) wanted SOC 2; we shared the report and it moved forward.\"\n"
        f"N3,DL9999,2026-10-03T10:00:00+00:00,note,Rick Rep,Bad row,\"unknown deal; mail {CANARIES[0]}\"\n")
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("contact_email,name,title,account,timezone\n"
                        "sam@standard.example,Sam Stone,CFO,Standard Co,UTC\n")
    activities = tmp_path / "activities.csv"
    activities.write_text(
        "activity_id,occurred_at,type,direction,sales_agent,account,contact_email,opportunity_id,subject,body,"
        "in_reply_to\n"
        "A1,2026-10-05T09:00:00+00:00,email,outbound,Rick Rep,Standard Co,sam@standard.example,DL0001,Pilot,"
        f"\"Reach me on {CANARIES[2]} or {CANARIES[0]}\",\n"
        "A2,2026-10-06T09:00:00+00:00,email,inbound,Rick Rep,Standard Co,sam@standard.example,DL0001,Re: Pilot,"
        f"\"My assistant is {CANARIES[1]}\",A1\n"
        f"A3,not a date,email,outbound,Rick Rep,Standard Co,sam@standard.example,DL0001,Bad,\"{CANARIES[3]}\",\n")
    return notes, contacts, activities


def test_every_command_at_debug_prints_no_planted_personal_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    engine = open_database(Settings(home=home, database_url=None))
    world.build(engine)
    engine.dispose()
    notes, contacts, activities = _planted(tmp_path)
    commands = [
        ["import", "notes", str(notes), "--allow-rejects"],
        ["import", "activities", str(activities), "--contacts", str(contacts), "--allow-rejects"],
        ["import", "notes", str(notes)],  # rejected whole: the bad row is reported
        ["db", "status"], ["index"], ["users", "list"], ["policy", "show"],
        ["talk-tracks", "pricing discount", "--as", "Olivia Ops"],
        ["talk-tracks", "security review", "--as", "Rick Rep"],
        ["ask", "what worked on pricing objections?", "--as", "Rick Rep"],
        ["ask", "tell me about Standard Co", "--as", "Rick Rep"],
        ["ask", "what should I work on today?", "--as", "Rick Rep"],
        ["ask", "draft an email to Standard Co about the pilot", "--as", "Rick Rep"],
        ["ask", f"email {CANARIES[0]} the pricing", "--as", "Rick Rep"],
        ["ask", "log a call with Keystone: they asked for a proposal", "--as", "Rick Rep"],
        ["approvals", "list", "--as", "Mona Manager"], ["audit", "list", "--as", "Olivia Ops"],
        ["outbox", "list", "--as", "Olivia Ops"],
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COPILOT_", "OPENAI_", "SLACK_"))}
    env.update(COPILOT_HOME=str(home), COPILOT_LOG_LEVEL="DEBUG", COPILOT_LLM="offline")
    script = "import sys; from copilot.cli import main; sys.argv = ['copilot', *sys.argv[1:]]; main()"
    seen = []
    for command in commands:  # real processes: their stderr is the log a person or a collector would see
        done = subprocess.run([sys.executable, "-c", script, *command], env=env, cwd=ROOT, capture_output=True,
                              text=True, timeout=300)
        seen.append((command, Result(done.returncode, done.stdout, done.stderr)))
    for command, result in seen:
        shown = result.out + result.err
        for canary in CANARIES:
            # the person's own question may echo what they typed; nothing else may
            if canary in " ".join(command):
                shown = shown.replace(canary, "")
            assert canary not in shown, (command, canary, shown[-2000:])
    assert any("DEBUG" in r.err for _, r in seen)  # the logs really were at DEBUG


def test_a_database_error_quoting_a_row_is_logged_without_it(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    from sqlalchemy.exc import IntegrityError

    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE canary_people (email VARCHAR(200) PRIMARY KEY)"))
        conn.execute(text("INSERT INTO canary_people VALUES (:e)"), {"e": CANARIES[0]})
    logger = logging.getLogger("copilot.canary")
    handler = logging.StreamHandler()
    records: list[str] = []
    handler.emit = lambda record: records.append(handler.format(record))  # type: ignore[method-assign]
    handler.addFilter(NoPersonalData())
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO canary_people VALUES (:e)"), {"e": CANARIES[0]})
    except IntegrityError:
        logger.debug("database error", exc_info=True)
    finally:
        logger.removeHandler(handler)
    assert records and "IntegrityError" in records[0]
    assert CANARIES[0] not in records[0]  # neither the SQL parameters nor the server's detail line show it


def test_a_database_error_quoting_a_row_is_shown_without_it(engine: Engine, tmp_path: Path, capsys,
                                                            monkeypatch) -> None:  # noqa: ANN001
    """A trigger (standing in for any database error that quotes a row's values) fails an import: the one line the
    person reads names the problem without the contact's address or phone number."""
    from tests.cli import run_cli

    world.build(engine)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("CREATE FUNCTION leak() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'bad row % %', "
                              "NEW.email, '+1 (415) 555-0199'; END $$ LANGUAGE plpgsql"))
            conn.execute(text("CREATE TRIGGER leak BEFORE INSERT ON contacts FOR EACH ROW EXECUTE FUNCTION leak()"))
        else:
            conn.execute(text("CREATE TRIGGER leak BEFORE INSERT ON contacts BEGIN "  # SQLite's RAISE takes a literal
                              f"SELECT RAISE(ABORT, 'bad row {CANARIES[1]} +1 (415) 555-0199'); END"))
    _, contacts, activities = _planted(tmp_path)
    contacts.write_text("contact_email,name,title,account,timezone\n"
                        f"{CANARIES[1]},Secret Buyer,CFO,Standard Co,UTC\n")
    monkeypatch.setenv("COPILOT_LOG_LEVEL", "DEBUG")
    result = run_cli(["import", "activities", str(activities), "--contacts", str(contacts)], capsys, monkeypatch,
                     home=str(tmp_path / "home"), database_url=engine.url.render_as_string(hide_password=False))
    assert result.code == 2 and "database problem: " in result.err and "bad row [e-mail] [phone]" in result.err
    assert CANARIES[1] not in result.out + result.err and "555-0199" not in result.out + result.err


def test_addresses_written_in_escaped_forms_are_blanked_and_libraries_never_log_bodies(tmp_path: Path) -> None:
    """An address with Slack's zero-width marks inside (as such, or escaped in a JSON body a library's debug line
    quotes), its "@" escaped as in a URL, or its local part quoted, is blanked; and at DEBUG the libraries that quote
    what they send and receive (Slack's, the model's client, the HTTP clients, the memory store) log nothing under
    INFO, while the copilot's own loggers are at DEBUG."""
    from copilot.crm.logs import QUIET, scrub, setup_logging

    for written in ("hana\\u200b.holm@quinmariteholdings\\u200b.example", "hana\u200b.holm@x\u200b.example",
                    "hana.holm%40x.example", '"hana holm"@x.example'):
        assert scrub(f"json_body: {{'text': '*To:* Hana &lt;{written}&gt;'}}") == \
            "json_body: {'text': '*To:* Hana &lt;[e-mail]&gt;'}", written
    assert scrub("at 2026-11-30 12:00, 3.14159") == "at 2026-11-30 12:00, 3.14159"
    # a number written without separators, as a phone's or a card's, is blanked; a Slack timestamp, an amount, an
    # identifier and a short number are not
    assert scrub("call 4915112345678 or 2125550199, card 4111111111111111") == \
        "call [phone] or [phone], card [phone]"
    assert scrub("ts 1700000000.123456, amount 250000, id DL000123456789, 123456789") == \
        "ts 1700000000.123456, amount 250000, id DL000123456789, 123456789"
    root = logging.getLogger()
    before = (root.level, list(root.handlers), {n: logging.getLogger(n).level for n in QUIET})
    try:
        root.handlers = []
        setup_logging("DEBUG")
        assert root.getEffectiveLevel() == logging.DEBUG and logging.getLogger("copilot.slack").isEnabledFor(logging.DEBUG)
        for name in ("slack_sdk.web.base_client", "openai._base_client", "httpcore.http11", "langgraph.store.sqlite.base"):
            assert not logging.getLogger(name).isEnabledFor(logging.DEBUG), name
            assert logging.getLogger(name).isEnabledFor(logging.INFO), name
    finally:
        root.setLevel(before[0])
        root.handlers = before[1]
        for n, level in before[2].items():
            logging.getLogger(n).setLevel(level)
