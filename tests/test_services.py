"""One place builds the app's long-lived services, once per process, for the command line and the Slack app."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from copilot.services import build_services
from copilot.settings import Settings
from tests import world


def test_the_talk_track_store_is_opened_once_and_shared(engine: Engine, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import tools.talk_tracks.store as store_module

    opened: list[object] = []
    real = store_module.TalkTrackStore

    class Counted(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            opened.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(store_module, "TalkTrackStore", Counted)
    world.build(engine)
    settings = Settings(home=tmp_path / "home", database_url=engine.url.render_as_string(hide_password=False),
                        llm="offline")
    with build_services(settings, engine=engine) as app:
        assert opened == []  # nothing slow happens until a question needs it
        app.copilot.ask("How many open deals do I have?", "Rick Rep")
        assert opened == []
        first = app.copilot.context("Rick Rep").talk_store()
        second = app.copilot.context("Mona Manager").talk_store()
        for question in ("What worked when the customer wanted a discount?", "how did we get past security reviews?"):
            result = app.copilot.ask(question, "Rick Rep")
            assert [c["name"] for c in result.tool_calls] == ["talk_tracks"], result.answer
    assert first is second is app.talk_store() and opened == [first]


def test_the_command_line_builds_through_the_same_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    import copilot.services as services_module
    from tests.cli import run_cli

    built: list[object] = []
    real = services_module.build_services

    def counted(*args: object, **kwargs: object):  # noqa: ANN202
        built.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(services_module, "build_services", counted)
    from copilot.workspace import open_database

    home = tmp_path / "ws"
    crm = open_database(Settings(home=home, database_url=None))
    world.build(crm)
    crm.dispose()
    result = run_cli(["ask", "How many deals are in Prospecting?", "--as", "Olivia Ops"], capsys, monkeypatch,
                     home=str(home))
    assert result.code == 0 and "in Prospecting: 2" in result.out and len(built) == 1, result.out
