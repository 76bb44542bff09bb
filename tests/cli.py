"""Run the real ``copilot`` entry point in-process, as a person would from a shell."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

from copilot.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
            *, home: str, database_url: str | None = None) -> Result:
    monkeypatch.setenv("COPILOT_HOME", home)
    if database_url:
        monkeypatch.setenv("COPILOT_DATABASE_URL", database_url)
    else:
        monkeypatch.delenv("COPILOT_DATABASE_URL", raising=False)
    monkeypatch.setattr(sys, "argv", ["copilot", *args])
    capsys.readouterr()
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)
