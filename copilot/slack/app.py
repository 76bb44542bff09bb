"""The Bolt app and its HTTP front: events, interactivity and commands at ``POST /slack/events``, and
``GET /healthz``, served as ASGI (uvicorn in production)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.asgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from copilot.services import Services
from copilot.slack import approvals, assistant, conversations, dedup, drafts, home
from copilot.slack.identity import SlackDirectory

RATE_LIMIT_WAIT = 20
"""seconds of Slack's Retry-After a call waits out before trying again; a longer one is not waited for (the answer is
then apologised for), so a listener is never held for minutes"""


class BoundedRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """Slack's rate limits retried only when their Retry-After is at most RATE_LIMIT_WAIT seconds."""

    def _can_retry(self, *, state: Any, request: Any, response: Any = None, error: Any = None) -> bool:
        if response is None or response.status_code != 429:
            return False
        wait = next((v for k, v in response.headers.items() if k.lower() == "retry-after"), ["1"])
        try:
            return float(wait[0] if isinstance(wait, list) else wait) <= RATE_LIMIT_WAIT
        except (TypeError, ValueError):
            return False


def build_app(services: Services) -> App:
    """The Bolt app over the process's services; the Web API client points at ``SLACK_API_URL``."""
    settings = services.settings
    if settings.slack_bot_token is None:
        raise ValueError("SLACK_BOT_TOKEN is not set")
    # Slack's rate limits (429 with a Retry-After of RATE_LIMIT_WAIT at most), its 5xx errors and dropped connections
    # are retried with back-off
    client = WebClient(token=settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url,
                       retry_handlers=[BoundedRateLimitRetryHandler(max_retry_count=3),
                                       ServerErrorRetryHandler(max_retry_count=3),
                                       ConnectionErrorRetryHandler(max_retry_count=2)])
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    # listeners run after the ack, each in its own thread: 20 conversations at once do not queue behind one another
    app = App(client=client, signing_secret=secret, token_verification_enabled=True,
              listener_executor=ThreadPoolExecutor(max_workers=32, thread_name_prefix="slack-listener"))
    dedup.register(app, services.engine)
    directory = SlackDirectory(services.engine, client, default_timezone=settings.timezone)
    assistant.register(app, services, directory)  # before the plain DM listener: panel threads are its own
    conversations.register(app, services, directory)
    home.register(app, services, directory)
    approvals.register(app, services, directory)
    drafts.register(app, services, directory)
    return app


def asgi(app: App) -> Callable[..., Any]:
    """Bolt's ASGI handler, with a health check beside it."""
    handler = SlackRequestHandler(app, path="/slack/events")

    async def serve(scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        if scope["type"] == "http" and scope["path"] == "/healthz" and scope["method"] == "GET":
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
            await send({"type": "http.response.body", "body": b"ok"})
            return
        await handler(scope, receive, send)

    return serve
