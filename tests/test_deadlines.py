"""A deadline on every dependency: against a server that accepts and never answers, and one that answers a byte
at a time, each command returns within its deadline plus a second, with one clear line or the documented
fallback. PostgreSQL, the model endpoint, Chroma and SMTP."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from copilot.settings import Settings
from copilot.workspace import open_database
from tests import world
from tests.cli import run_cli
from tests.faults import misbehaving

MODES = ["silent", "drip"]
SLACK = 1.0  # the "plus a second"


def _workspace(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    engine = open_database(Settings(home=home, database_url=None))
    world.build(engine)
    engine.dispose()
    return home


@pytest.mark.parametrize("mode", MODES)
def test_a_postgresql_server_that_never_answers(mode: str, tmp_path: Path, capsys, monkeypatch) -> None:  # noqa: ANN001
    with misbehaving(mode, payload=b"N" + b"R" * 64) as port:
        monkeypatch.setenv("COPILOT_DB_CONNECT_TIMEOUT", "2")
        start = time.monotonic()
        result = run_cli(["db", "status"], capsys, monkeypatch, home=str(tmp_path / "home"),
                         database_url=f"postgresql+psycopg://copilot@127.0.0.1:{port}/crm")
        took = time.monotonic() - start
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1, result.err
    assert "database problem" in result.err and "Traceback" not in result.err
    assert took < 2 + SLACK, took


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize("mode", MODES)
def test_a_model_endpoint_that_never_answers_gets_the_offline_answer_in_time(mode: str, stream: bool, tmp_path: Path,
                                                                             capsys, monkeypatch) -> None:  # noqa: ANN001
    import langchain_openai  # noqa: F401 - its import (a second or two) is start-up, not the model's time

    home = _workspace(tmp_path)
    run_cli(["ask", "warm up", "--as", "Rick Rep"], capsys, monkeypatch, home=str(home))  # imports, planner, names
    start = time.monotonic()
    run_cli(["ask", "how many open deals do I have?", "--as", "Rick Rep"], capsys, monkeypatch, home=str(home))
    usual = time.monotonic() - start  # the command's own time, without a model
    with misbehaving(mode) as port:
        for name, value in {"COPILOT_LLM": "openai", "OPENAI_API_KEY": "sk-test",
                            "OPENAI_BASE_URL": f"http://127.0.0.1:{port}/v1", "COPILOT_LLM_TIMEOUT": "2",
                            "COPILOT_LLM_RETRIES": "3", "COPILOT_TURN_BUDGET": "3",
                            "COPILOT_LLM_STREAM": str(stream).lower()}.items():
            monkeypatch.setenv(name, value)
        start = time.monotonic()
        result = run_cli(["ask", "how many open deals do I have?", "--as", "Rick Rep"], capsys, monkeypatch,
                         home=str(home))
        took = time.monotonic() - start
    assert result.code == 0, result.err
    assert "for you: 4" in result.out  # the offline planner's answer
    assert result.out.count("the offline planner answered") == 1  # said once, with why
    assert "did not answer within 2 s" in result.out or "used up this turn's 3 s" in result.out, result.out
    assert took < usual + 3 + SLACK, (took, usual)  # the turn's 3 s budget for the model, plus a second


@pytest.mark.parametrize("mode", MODES)
def test_a_chroma_server_that_never_answers(mode: str, tmp_path: Path, capsys, monkeypatch) -> None:  # noqa: ANN001
    home = _workspace(tmp_path)
    with misbehaving(mode) as port:
        monkeypatch.setenv("COPILOT_CHROMA_URL", f"http://127.0.0.1:{port}")
        monkeypatch.setenv("COPILOT_CHROMA_TIMEOUT", "2")
        start = time.monotonic()
        result = run_cli(["talk-tracks", "pricing objection", "--as", "Olivia Ops"], capsys, monkeypatch, home=str(home))
        took = time.monotonic() - start
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1, result.err
    assert f"the Chroma server at http://127.0.0.1:{port}" in result.err and "did not answer within 2 s" in result.err
    assert took < 2 + SLACK + 3, took  # plus loading the embedding model, which happens before Chroma is asked


@pytest.mark.parametrize("mode", MODES)
def test_an_smtp_server_that_never_answers(mode: str, engine, tmp_path: Path,  # noqa: ANN001
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.actions import prepare, store
    from copilot.crm.identity import identity_for
    from copilot.crm.names import Names
    from copilot.review import outbox
    from copilot.review.approvals import decide

    waited: list[float] = []  # the time spent on the mail server itself, apart from the database's own writes
    connect = outbox._SMTP.connect

    def timed(self: object, *args: object, **kwargs: object) -> object:
        began = time.monotonic()
        try:
            return connect(self, *args, **kwargs)  # type: ignore[arg-type]
        finally:
            waited.append(time.monotonic() - began)

    monkeypatch.setattr(outbox._SMTP, "connect", timed)

    world.build(engine)
    now = dt.datetime(2026, 11, 20, 9, 0)
    with misbehaving(mode, payload=b"220 slow.example ESMTP\r\n") as port:
        settings = Settings(home=tmp_path / "home", database_url=engine.url.render_as_string(hide_password=False),
                            smtp_host="127.0.0.1", smtp_port=port, smtp_timeout=2)
        request = prepare(engine, settings, identity_for(engine, "Rick Rep"), Names.load(engine), "send_email",
                          {"account": "Standard Co", "to": "sam@standard.example", "subject": "The pilot",
                           "body": "We can offer a discount on the pilot."}, thread_id="t", call_id="c", now=now)
        stored, _ = store(engine, request, now=now)
        start = time.monotonic()
        result = decide(engine, settings, identity_for(engine, "Mona Manager"), stored["id"], "approve", now=now)
        took = time.monotonic() - start
    # nothing was handed off (no greeting ever completed): it waits in the outbox to be sent again
    assert result["delivery"] == "queued" and "could not be reached" in result["message"], result
    assert waited and waited[0] < 2 + SLACK, waited  # the mail server costs its deadline and a second at most
    assert took < 2 + SLACK + 2, took  # and the whole decision seconds, on a machine as busy as CI's


@pytest.mark.parametrize("url", ["mysql+pymysql://copilot@127.0.0.1/crm", "postgresql+asyncpg://copilot@127.0.0.1/crm",
                                 "not a url"])
def test_a_database_url_that_cannot_be_used_is_one_line_naming_the_setting(url: str, tmp_path: Path, capsys,
                                                                         monkeypatch) -> None:  # noqa: ANN001
    result = run_cli(["db", "status"], capsys, monkeypatch, home=str(tmp_path / "home"), database_url=url)
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1, result.err
    assert "COPILOT_DATABASE_URL" in result.err and "unexpected" not in result.err
