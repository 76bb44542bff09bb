"""One turn at a time per conversation: questions sent to one thread at the same moment, from separate processes,
are all answered, one after another, each once; and a question that cannot get the thread in time is told so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from langchain_core.messages import AIMessage, HumanMessage
from sqlalchemy import Engine

from copilot.crm.locks import conversation_lock
from copilot.runner import BUSY, Copilot
from copilot.settings import Settings
from tests import world
from tests.conftest import ROOT

QUESTIONS = ["how many open deals do I have?", "how many deals are in Prospecting?",
             "how many deals are in Engaging?", "how many deals have I won?", "what is my open pipeline worth?",
             "how many accounts do I have?", "how many open deals does Keystone have?",
             "how many open deals does Standard Co have?"]


def test_eight_turns_at_once_on_one_thread_from_eight_processes_are_all_kept(engine: Engine, tmp_path: Path) -> None:
    world.build(engine)
    url = engine.url.render_as_string(hide_password=False)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COPILOT_", "OPENAI_"))}
    env.update(COPILOT_HOME=str(tmp_path / "home"), COPILOT_DATABASE_URL=url, COPILOT_LLM="offline",
               COPILOT_TURN_WAIT="600")
    script = "import sys; from copilot.cli import main; sys.argv = ['copilot', *sys.argv[1:]]; main()"
    processes = [subprocess.Popen([sys.executable, "-c", script, "ask", question, "--as", "Rick Rep", "--thread",
                                   "shared-thread"], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for question in QUESTIONS]
    outputs = [p.communicate(timeout=900) for p in processes]
    assert [p.returncode for p in processes] == [0] * 8, [err for _, err in outputs]
    assert not any("still answering" in out for out, _ in outputs)

    with Copilot(Settings(home=tmp_path / "home", database_url=url, llm="offline"), engine) as copilot:
        history = list(copilot.history("shared-thread", "Rick Rep"))
    asked = [str(m.content) for m in history if isinstance(m, HumanMessage)]
    assert sorted(asked) == sorted(QUESTIONS)  # all eight, none lost, in the order they got the thread
    # each question answered once: exactly one final answer between one question and the next
    starts = [i for i, m in enumerate(history) if isinstance(m, HumanMessage)] + [len(history)]
    for begin, end in zip(starts, starts[1:]):
        finals = [m for m in history[begin + 1:end] if isinstance(m, AIMessage) and not m.tool_calls and m.content]
        assert len(finals) == 1, history[begin:end]


def test_a_question_that_cannot_get_its_thread_in_time_is_told_so(engine: Engine, tmp_path: Path) -> None:
    world.build(engine)
    settings = Settings(home=tmp_path / "home", database_url=engine.url.render_as_string(hide_password=False),
                        llm="offline", turn_wait=0.3)
    with Copilot(settings, engine) as copilot:
        with conversation_lock(engine, "busy-thread", wait=0, lease=60) as held:  # another process's turn
            assert held
            result = copilot.ask("how many open deals do I have?", "Rick Rep", thread_id="busy-thread")
        assert result.answer == BUSY and not result.tool_calls
        assert list(copilot.history("busy-thread", "Rick Rep")) == []  # nothing half-written
        after = copilot.ask("how many open deals do I have?", "Rick Rep", thread_id="busy-thread")
    assert "for you: 4" in after.answer


def test_a_lock_whose_holder_died_is_taken_over_once_its_lease_ends(engine: Engine) -> None:
    import time

    with conversation_lock(engine, "t", wait=0, lease=0.2) as first:
        assert first
        with conversation_lock(engine, "t", wait=0, lease=60) as second:
            assert not second  # still held
        time.sleep(0.3)
        with conversation_lock(engine, "t", wait=0, lease=60) as third:
            assert third  # the first holder's lease ran out


def test_a_lock_held_by_a_process_of_this_machine_that_is_gone_is_taken_over_at_once(engine: Engine) -> None:
    """A process killed mid-turn (a restart) leaves its row with a long lease: a turn of another process on this
    machine takes it over at once when that process is no longer running, and not while it runs."""
    import datetime as dt

    from sqlalchemy import insert

    from copilot.crm.locks import MACHINE
    from copilot.crm.models import ConversationLock

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with engine.begin() as conn:
            conn.execute(insert(ConversationLock).values(
                id="killed", holder=f"{MACHINE}:{child.pid}:abc", expires_at=dt.datetime(2999, 1, 1)))
            conn.execute(insert(ConversationLock).values(
                id="elsewhere", holder=f"another-machine:{child.pid}:abc", expires_at=dt.datetime(2999, 1, 1)))
            twin = MACHINE.split("~")[0] + "~000000000000"  # a container of the same host name, other process ids
            conn.execute(insert(ConversationLock).values(
                id="twin", holder=f"{twin}:{child.pid}:abc", expires_at=dt.datetime(2999, 1, 1)))
        with conversation_lock(engine, "killed", wait=0, lease=60) as held:
            assert not held  # its holder still runs
    finally:
        child.kill()
        child.wait()
    with conversation_lock(engine, "killed", wait=0, lease=60) as held:
        assert held  # gone: taken over without waiting for its lease
    with conversation_lock(engine, "elsewhere", wait=0, lease=60) as held:
        assert not held  # another machine's process cannot be checked: its lease stands
    with conversation_lock(engine, "twin", wait=0, lease=60) as held:
        assert not held  # nor can one of another process-id namespace under the same host name
