"""What the Slack tests set up alike: the app's settings against a fake Slack, and a copilot whose answer is given."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Engine

from copilot.settings import Settings
from evals.slack_fake import FakeSlack
from tests import smtp

SECRET = "test-signing-secret"


def slack_settings(tmp_path: Path, engine: Engine, slack: FakeSlack, mail: smtp.Inbox | None = None,
                   **overrides: Any) -> Settings:
    """Settings for the app under test: its home in ``tmp_path``, ``engine``'s database, the offline model, the fake
    ``slack`` (its bot token and signing secret), and, given ``mail``, that SMTP server; ``overrides`` replace any."""
    values: dict[str, Any] = {"home": tmp_path / "home", "database_url": engine.url.render_as_string(hide_password=False),
                              "llm": "offline", "slack_bot_token": "xoxb-test", "slack_signing_secret": SECRET,
                              "slack_api_url": slack.url}
    if mail is not None:
        values |= {"smtp_host": "127.0.0.1", "smtp_port": mail.port,  # type: ignore[attr-defined]
                   "smtp_from": "copilot@ourco.example", "smtp_timeout": 5}
    return Settings(**(values | overrides))


def answers_with(services: Any, answer: str, drafts: list[Any], sources: Iterable[str] = (),
                 asked: list[str] | None = None) -> None:
    """Makes ``services.copilot.ask`` answer every question with ``answer`` and ``drafts`` (citing ``sources``),
    noting each question in ``asked`` when given."""
    result = SimpleNamespace(answer=answer, sources=list(sources), model="offline", prompt_version="p", drafts=drafts,
                             briefs=[], tool_calls=[], actions=[], notes=[], pending_reviews=[])

    def ask(question: str, *args: Any, **kwargs: Any) -> SimpleNamespace:
        if asked is not None:
            asked.append(question)
        return result

    services.copilot.ask = ask
