"""The two model back-ends behind one graph: the offline planner, or any OpenAI-compatible endpoint."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel

from copilot.context import CopilotContext
from copilot.planner.model import OfflinePlanner
from copilot.settings import Settings


def offline_model(ctx: CopilotContext) -> BaseChatModel:
    return OfflinePlanner(names=ctx.names, identity=ctx.identity, today=ctx.clock().date())


def openai_model(settings: Settings):  # noqa: ANN201
    """A provider of ``ChatOpenAI`` for ``settings`` (timeouts and retries with back-off included)."""
    from langchain_openai import ChatOpenAI

    def provider(ctx: CopilotContext) -> BaseChatModel:
        return ChatOpenAI(model=settings.model, api_key=settings.openai_api_key or "unused",
                          base_url=settings.openai_base_url, timeout=settings.llm_timeout,
                          max_retries=settings.llm_retries, temperature=0,
                          streaming=settings.llm_stream)

    return provider


def model_name(settings: Settings) -> str:
    return f"openai:{settings.model}" if settings.use_openai else "offline-planner"
