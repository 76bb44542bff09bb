"""The OpenAI path, against a local OpenAI-compatible server: schemas out, tool results back, answer through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from connectors.maven import import_maven
from copilot.runner import Copilot
from copilot.settings import Settings
from copilot.untrusted import CLOSE, HEADER, unwrap
from evals.fake_openai import FakeOpenAI

KONEX = {"name": "crm_query", "args": {"metrics": ["won_revenue", "won_count"], "filters": {"account": ["Konex"]}}}
ANSWER = "Konex: ${tool[rows][0][won_revenue]:,.0f} won revenue from {tool[rows][0][won_count]} won deals."


@pytest.fixture
def maven(engine: Engine, maven_dir: Path) -> Engine:
    assert import_maven(engine, maven_dir).committed
    return engine


def _settings(tmp_path: Path, engine: Engine, url: str, stream: bool) -> Settings:
    return Settings(home=tmp_path / "home", database_url=engine.url.render_as_string(hide_password=False), llm="openai",
                    openai_api_key="sk-test", openai_base_url=url, model="test-model", llm_stream=stream,
                    llm_retries=0, llm_timeout=10)


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
def test_tool_round_trip(maven: Engine, tmp_path: Path, stream: bool) -> None:
    with FakeOpenAI(KONEX, ANSWER) as server:
        with Copilot(_settings(tmp_path, maven, server.url, stream), maven) as copilot:
            result = copilot.ask("Total won revenue with Konex?", "ops")
    assert result.answer == "Konex: $269,245 won revenue from 108 won deals."
    assert result.model == "openai:test-model" and not result.notes
    assert [c["name"] for c in result.tool_calls] == ["crm_query"]
    assert len(server.requests) == 2  # one round-trip for the call, one for the answer
    first, second = (r["body"] for r in server.requests)
    assert server.requests[0]["auth"] == "Bearer sk-test" and server.requests[0]["path"] == "/v1/chat/completions"
    assert first["model"] == "test-model" and bool(first.get("stream")) == stream
    tools = {t["function"]["name"]: t["function"] for t in first["tools"]}
    assert {"crm_query", "customer_profile", "talk_tracks", "draft_email", "change_stage"} <= set(tools)
    assert tools["crm_query"]["parameters"]["properties"]["entity"]["enum"] == [
        "opportunities", "accounts", "activities", "users", "products"]
    assert first["messages"][0]["role"] == "system" and "Every figure" in first["messages"][0]["content"]
    tool_msg = second["messages"][-1]
    assert tool_msg["role"] == "tool" and tool_msg["tool_call_id"] == "call_abc123"
    assert tool_msg["content"].startswith(HEADER) and tool_msg["content"].rstrip().endswith(CLOSE)
    assert json.loads(unwrap(tool_msg["content"]))["rows"][0]["won_revenue"] == 269245
    assistant = second["messages"][-2]
    assert assistant["tool_calls"][0]["id"] == "call_abc123"


def test_invented_figures_from_the_model_are_removed(maven: Engine, tmp_path: Path) -> None:
    with FakeOpenAI(KONEX, "Konex won ${tool[rows][0][won_revenue]:,.0f}, up 37% on last year.") as server:
        with Copilot(_settings(tmp_path, maven, server.url, False), maven) as copilot:
            result = copilot.ask("Total won revenue with Konex?", "ops")
    assert "$269,245" in result.answer and "37%" not in result.answer and result.notes


def test_unreachable_endpoint_falls_back_with_a_note(maven: Engine, tmp_path: Path) -> None:
    with FakeOpenAI(KONEX, ANSWER, fail=True) as server:
        with Copilot(_settings(tmp_path, maven, server.url, False), maven) as copilot:
            result = copilot.ask("Total won revenue with Konex?", "ops")
    assert "269,245" in result.answer
    assert any("offline planner answered" in n for n in result.notes)
