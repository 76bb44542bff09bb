"""One validated settings object for the whole product.

Values come from the environment (prefix ``COPILOT_``) or a ``.env`` file in the current
directory. Nothing here is built at import time: call :func:`get_settings` where settings are
needed, so tests can point each run at its own workspace.
"""

from __future__ import annotations

from pathlib import Path

from typing import Any

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError


class Settings(BaseSettings):
    """Every setting the copilot reads; see ``.env.example`` for the documented list."""

    model_config = SettingsConfigDict(
        env_prefix="COPILOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    home: Path = Field(
        default=Path(".copilot"),
        description="Workspace directory: SQLite database, Chroma directory, checkpoints.",
    )
    database_url: str | None = Field(
        default=None,
        description="Any SQLAlchemy URL; overrides the SQLite database under the workspace.",
    )
    import_batch_size: int = Field(
        default=2000, ge=1, le=20000, description="Rows written per statement by the importers."
    )
    max_text_chars: int = Field(
        default=100_000,
        ge=100,
        description="Longest subject/body/note text an importer accepts; longer rows are rejected.",
    )
    log_level: str = Field(default="WARNING", description="Python logging level for the CLI.")
    chroma_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("CHROMA_URL", "COPILOT_CHROMA_URL"),
        description="A Chroma server (http://host:port); default: a Chroma directory in the workspace.",
    )
    chroma_collection: str = Field(
        default="copilot_deal_notes", pattern=r"^[a-z0-9][a-z0-9._-]{1,60}[a-z0-9]$",
        description="Name of the Chroma collection holding the deal archive.",
    )

    slack_bot_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_BOT_TOKEN", "COPILOT_SLACK_BOT_TOKEN"),
        description="The Slack app's bot token (xoxb-...).")
    slack_signing_secret: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "COPILOT_SLACK_SIGNING_SECRET"),
        description="The Slack app's signing secret (HTTP mode).")
    slack_app_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_APP_TOKEN", "COPILOT_SLACK_APP_TOKEN"),
        description="An app-level token (xapp-...): when set, the Slack app runs in Socket Mode.")
    slack_api_url: str = Field(
        default="https://slack.com/api/", validation_alias=AliasChoices("SLACK_API_URL", "COPILOT_SLACK_API_URL"),
        description="The Slack Web API base URL (tests point it at a local server).")
    port: int = Field(default=3000, ge=1, le=65535, validation_alias=AliasChoices("PORT", "COPILOT_PORT"),
                      description="HTTP port of the Slack app (HTTP mode).")
    review_channel: str | None = Field(
        default=None, description="A Slack channel id where approval cards go (default: a DM to the approver).")

    @field_validator("slack_bot_token", "slack_app_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None, info: Any) -> SecretStr | None:
        prefix = "xoxb-" if info.field_name == "slack_bot_token" else "xapp-"
        if value is not None and not value.get_secret_value().startswith(prefix):
            raise ValueError(f"must start with {prefix!r}")
        return value

    @field_validator("slack_signing_secret")
    @classmethod
    def _secret_given(cls, value: SecretStr | None) -> SecretStr | None:
        # a blank secret is no secret: the app says it is missing, as when unset
        return value if value is not None and value.get_secret_value().strip() else None

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("must be an http(s) URL")
        return value if value.endswith("/") else value + "/"

    @field_validator("database_url")
    @classmethod
    def _valid_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        try:
            make_url(value)
        except ArgumentError as exc:
            raise ValueError(f"not a SQLAlchemy database URL: {value!r}") from exc
        return value.strip()

    llm: str = Field(default="auto", pattern="^(auto|offline|openai)$",
                     description="auto: OpenAI-compatible when OPENAI_API_KEY is set, else the offline planner.")
    openai_api_key: str | None = Field(default=None, validation_alias=AliasChoices("OPENAI_API_KEY"),
                                       repr=False)
    openai_base_url: str | None = Field(default=None, validation_alias=AliasChoices("OPENAI_BASE_URL"))
    model: str = Field(default="gpt-4o-mini", min_length=1, max_length=200,
                       description="Model name at the OpenAI-compatible endpoint (COPILOT_MODEL).")
    llm_timeout: float = Field(default=15.0, gt=0, le=600,
                               description="Seconds one LLM call may take in all (connecting, waiting, reading).")
    llm_retries: int = Field(default=1, ge=0, le=10, description="Retries (with back-off) of a failed LLM call, "
                             "within the call's and the turn's time.")
    turn_budget: float = Field(default=30.0, gt=0, le=3600, description="Seconds a turn may spend on the language "
                               "model; after that the offline planner answers and says why.")
    turn_wait: float = Field(default=30.0, ge=0, le=3600, description="Seconds a question waits for the turn before "
                             "it in the same conversation (then it is told the conversation is busy).")
    db_connect_timeout: float = Field(default=5.0, gt=0, le=600, description="Seconds to connect to PostgreSQL.")
    db_statement_timeout: float = Field(default=30.0, gt=0, le=3600,
                                        description="Seconds one PostgreSQL statement may run.")
    db_busy_timeout: float = Field(default=10.0, gt=0, le=3600,
                                   description="Seconds SQLite waits for another writer before giving up.")
    chroma_timeout: float = Field(default=10.0, gt=0, le=600, description="Seconds one Chroma server request may take.")
    llm_stream: bool = Field(default=False, description="Ask the endpoint to stream its replies.")
    max_question_chars: int = Field(default=4000, ge=100, le=100_000)
    smtp_host: str | None = Field(default=None, description="SMTP server for approved e-mails; empty: never send.")
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_from: str = Field(default="copilot@localhost", max_length=320)
    smtp_timeout: float = Field(default=15.0, gt=0, le=600,
                                description="Seconds the SMTP hand-off may take in all before it gives up.")
    timezone: str | None = Field(
        default=None, description="The time zone (IANA name, e.g. Europe/Berlin) of people whose own is not on "
                                  "record; follow-up times are then also given in it ('10:00 yours'). Empty: only "
                                  "the contact's time is given.")

    experiments_file: Path | None = Field(
        default=None, description="The online experiments (TOML) the copilot runs; empty: experiments.toml in the "
                                  "workspace, when there is one.")

    @field_validator("experiments_file", mode="before")
    @classmethod
    def _blank_is_default(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("timezone")
    @classmethod
    def _valid_timezone(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        from copilot.crm.values import parse_timezone

        return parse_timezone(value.strip(), "COPILOT_TIMEZONE")

    @property
    def use_openai(self) -> bool:
        return self.llm == "openai" or (self.llm == "auto" and bool(self.openai_api_key))

    @field_validator("chroma_url")
    @classmethod
    def _valid_chroma_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        from urllib.parse import urlparse

        parsed = urlparse(value.strip())
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError(f"not an http(s) URL of a Chroma server: {value!r}")
        return value.strip()

    @field_validator("log_level")
    @classmethod
    def _valid_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"unknown log level {value!r}; use DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return level

    @property
    def sqlite_path(self) -> Path:
        """Where the default SQLite database lives inside the workspace."""
        return self.home / "crm.sqlite3"

    @property
    def effective_database_url(self) -> str:
        """The database actually used: ``database_url`` if set, else SQLite in the workspace."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.sqlite_path.resolve()}"

    @property
    def experiments_path(self) -> Path:
        """The experiments file: ``experiments_file`` if set, else ``experiments.toml`` in the workspace."""
        return self.experiments_file or self.home / "experiments.toml"

    @property
    def chroma_path(self) -> Path:
        """Where the local Chroma store and the lexical index live inside the workspace."""
        return self.home / "chroma"

    @property
    def is_sqlite(self) -> bool:
        return make_url(self.effective_database_url).get_backend_name() == "sqlite"

    def ensure_home(self) -> Path:
        """Create the workspace directory if needed and return it."""
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home


def get_settings(**overrides: object) -> Settings:
    """Read the settings now (environment, then ``.env``), with explicit overrides on top."""
    return Settings(**overrides)  # type: ignore[arg-type]


class SettingsError(ValueError):
    """Settings that cannot be used; the message is one line naming each variable and what is wrong."""


def checked_settings() -> Settings:
    """``get_settings()`` for a command: invalid settings become one :class:`SettingsError` line."""
    try:
        return get_settings()
    except ValidationError as exc:
        problems = "; ".join(f"COPILOT_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors())
        raise SettingsError(f"invalid settings: {problems}") from None
