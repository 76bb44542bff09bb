"""The two model back-ends behind one graph: the offline planner, or any OpenAI-compatible endpoint."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from langchain_core.language_models import BaseChatModel

from copilot.context import CopilotContext
from copilot.crm.deadlines import DeadlineExceeded, within
from copilot.planner.model import OfflinePlanner
from copilot.settings import Settings

T = TypeVar("T")
RESERVE = 1.0  # seconds of a turn's budget kept for the offline planner's answer when the model fails


def offline_model(ctx: CopilotContext) -> BaseChatModel:
    return OfflinePlanner(names=ctx.names, identity=ctx.identity, today=ctx.clock().date())


def openai_model(settings: Settings, *, model: str | None = None, temperature: float = 0.0):  # noqa: ANN201
    """A provider of ``ChatOpenAI`` for ``settings`` (``model``: another model at the same endpoint). It does not
    retry by itself: :func:`call_model` retries within the call's and the turn's time."""
    from langchain_openai import ChatOpenAI

    def provider(ctx: CopilotContext) -> BaseChatModel:
        return ChatOpenAI(model=model or settings.model, api_key=settings.openai_api_key or "unused",
                          base_url=settings.openai_base_url, timeout=settings.llm_timeout,
                          max_retries=0, temperature=temperature, streaming=settings.llm_stream)

    return provider


class ModelTimeout(DeadlineExceeded):
    """The language model did not answer in time (the call's limit, or what was left of the turn's budget)."""


def _transient(exc: BaseException) -> bool:
    """Worth another try: a timeout, a dropped connection, a rate limit or a server error."""
    try:
        import openai
    except ImportError:  # pragma: no cover - the OpenAI client ships with langchain-openai
        return isinstance(exc, TimeoutError | ConnectionError)
    return isinstance(exc, openai.APITimeoutError | openai.APIConnectionError | openai.RateLimitError
                      | openai.InternalServerError | TimeoutError | ConnectionError)


def call_model(model_provider: Callable[[CopilotContext], Any], ctx: CopilotContext, tools: list[Any],
               messages: list[Any]) -> Any:
    """One model round-trip under deadlines: each attempt gets ``llm_timeout`` seconds in all, never more than
    what is left of the turn's ``turn_budget``; transient failures are retried (``llm_retries``) with back-off
    while time remains."""
    settings = ctx.settings
    attempts = settings.llm_retries + 1
    used_up = ModelTimeout(f"the language model used up this turn's {settings.turn_budget:g} s (COPILOT_TURN_BUDGET)")
    for attempt in range(attempts):
        left = ctx.budget_left() - RESERVE  # the offline planner's answer fits in the turn's budget too
        if left <= 0.05:
            raise used_up
        seconds = min(settings.llm_timeout, left)
        try:
            return within(seconds, lambda: model_provider(ctx).bind_tools(tools).invoke(messages),
                          f"the language model (COPILOT_LLM_TIMEOUT {settings.llm_timeout:g} s)", ModelTimeout)
        except ModelTimeout:
            if seconds < settings.llm_timeout or attempt == attempts - 1:
                raise used_up if seconds < settings.llm_timeout else ModelTimeout(
                    f"the language model did not answer within {settings.llm_timeout:g} s (COPILOT_LLM_TIMEOUT)"
                    + (f", {attempts} tries" if attempts > 1 else "")) from None
        except Exception as exc:
            if attempt == attempts - 1 or not _transient(exc):
                raise
        time.sleep(min(0.5 * 2 ** attempt, max(ctx.budget_left() - RESERVE - 0.05, 0)))  # back-off, within the budget
    raise AssertionError("unreachable")


def failure_note(exc: BaseException) -> str:
    """Why the offline planner answered instead of the language model, in words for the rep."""
    if isinstance(exc, ModelTimeout):
        text = str(exc)
        return f"{text[:1].upper()}{text[1:]}; the offline planner answered."
    return f"The language model could not be reached ({type(exc).__name__}); the offline planner answered."


def model_name(settings: Settings, *, openai: bool | None = None, model: str | None = None) -> str:
    """``openai:<model>`` or ``offline-planner``; ``openai`` and ``model`` override the settings (a variant)."""
    use = settings.use_openai if openai is None else openai
    return f"openai:{model or settings.model}" if use else "offline-planner"
