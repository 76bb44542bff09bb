"""Conversations belong to their user, and pending requests survive whatever comes next in a thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from copilot.crm.errors import ScopeError
from copilot.crm.models import Action
from copilot.runner import Copilot
from copilot.settings import Settings
from tests import world
from langchain_core.messages import AIMessage

from tests.fakes import ScriptedModel, call


@pytest.fixture
def crm(engine: Engine, tmp_path: Path) -> tuple[Settings, Engine]:
    world.build(engine)
    return Settings(home=tmp_path / "home", database_url=engine.url.render_as_string(hide_password=False),
                    llm="offline"), engine


def test_another_users_thread_is_refused_and_nothing_of_it_reaches_the_model(crm) -> None:  # noqa: ANN001
    settings, engine = crm
    with Copilot(settings, engine) as copilot:
        first = copilot.ask("How many deals are in Engaging?", "Rick Rep")
    seen = ScriptedModel(script=[])
    with Copilot(settings, engine, model_provider=lambda ctx: seen) as copilot:
        for intruder in ("Rita Rep", "Mona Manager", "Olivia Ops"):
            with pytest.raises(ScopeError, match="belongs to another user"):
                copilot.ask("and what did you just tell me?", intruder, thread_id=first.thread_id)
            with pytest.raises(ScopeError, match="belongs to another user"):
                list(copilot.history(first.thread_id, intruder))
    assert seen.seen == []  # the model was never called with the first user's conversation
    with Copilot(settings, engine) as copilot:
        again = copilot.ask("How many deals are in Prospecting?", "Rick Rep", thread_id=first.thread_id)
    assert again.thread_id == first.thread_id


def test_requests_stay_pending_through_new_messages_and_do_not_replace_each_other(crm) -> None:  # noqa: ANN001
    settings, engine = crm
    with Copilot(settings, engine) as copilot:
        stage = copilot.ask("move deal DL0001 to won for $900", "Rick Rep")
        thread = stage.thread_id
        log = copilot.ask("log a call with Keystone: they asked for the security review", "Rick Rep", thread_id=thread)
        later = copilot.ask("How many deals are in Engaging?", "Rick Rep", thread_id=thread)
    assert stage.pending_review and log.pending_review and stage.pending_review["id"] != log.pending_review["id"]
    waiting = next(n for n in later.notes if n.startswith("Still waiting for approval"))
    assert stage.pending_review["id"] in waiting and log.pending_review["id"] in waiting
    with engine.connect() as conn:
        statuses = dict(conn.execute(select(Action.id, Action.status)).all())
    assert statuses == {stage.pending_review["id"]: "pending", log.pending_review["id"]: "pending"}


def test_the_same_email_asked_four_times_in_one_turn_is_sent_once(crm) -> None:  # noqa: ANN001
    from tests import smtp

    settings, engine = crm
    controller, inbox = smtp.start()
    settings = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": controller.port})
    email = {"account": "Standard Co", "to": "sam@standard.example", "subject": "Hello", "body": "Shall we meet?"}
    model = ScriptedModel(script=[
        call("send_email", email, "c1").model_copy(update={"tool_calls": [
            {"name": "send_email", "args": email, "id": f"c{i}"} for i in range(1, 5)]}),
        AIMessage(content="Sent."),
    ])
    try:
        with Copilot(settings, engine, model_provider=lambda ctx: model) as copilot:
            result = copilot.ask("send Sam Stone at Standard Co an e-mail: Hello. Shall we meet?", "Rick Rep")
    finally:
        controller.stop()
    outcomes = [a["outcome"] for a in result.actions]
    assert outcomes == ["done", "not repeated", "not repeated", "not repeated"], result.answer
    assert len(inbox.messages) == 1 and "Sent: the e-mail to sam@standard.example." in result.answer
    with engine.connect() as conn:
        assert len(conn.execute(select(Action.id)).all()) == 1
    assert "Actions this turn:" in result.answer
