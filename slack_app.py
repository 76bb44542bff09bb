"""The Slack app: ``python slack_app.py``. Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT
(``POST /slack/events``, ``GET /healthz``) under uvicorn. Wires only: settings, the services, the Bolt app,
the server."""

from __future__ import annotations

import sys

from pydantic import ValidationError


def main() -> int:
    from copilot.settings import get_settings

    try:
        settings = get_settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        print(f"invalid setting {'_'.join(map(str, first['loc'])).upper()}: {first['msg']}", file=sys.stderr)
        return 2
    missing = "SLACK_BOT_TOKEN" if settings.slack_bot_token is None else \
        "SLACK_SIGNING_SECRET" if settings.slack_app_token is None and settings.slack_signing_secret is None else None
    if missing:
        print(f"missing setting {missing}", file=sys.stderr)
        return 2
    from copilot.crm.logs import setup_logging
    from copilot.services import build_services
    from copilot.slack.app import asgi, build_app

    setup_logging(settings.log_level)

    with build_services(settings) as services:
        app = build_app(services)
        if settings.slack_app_token is not None:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()
        else:
            import uvicorn

            uvicorn.run(asgi(app), host="0.0.0.0", port=settings.port, log_level="warning")  # noqa: S104
    return 0


if __name__ == "__main__":
    sys.exit(main())
