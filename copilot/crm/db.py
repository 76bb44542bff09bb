"""The database engine, sessions, and in-place schema upgrades (Alembic)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from copilot.settings import Settings

MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API types
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-65536")  # 64 MB of page cache: large imports touch many index pages
    cursor.close()


def connect(settings: Settings, *, url: str | None = None, **engine_kwargs: object) -> Engine:
    """Create the engine for the settings' database (SQLite in the workspace unless overridden).

    Every wait has a deadline: SQLite waits ``db_busy_timeout`` for another writer; PostgreSQL connects within
    ``db_connect_timeout`` and stops a statement after ``db_statement_timeout``. SQL parameters (names,
    e-mail addresses) are never put into error messages or logs.
    """
    url = url or settings.effective_database_url
    if url.startswith("sqlite") and not settings.database_url:
        settings.ensure_home()
    try:
        backend = make_url(url)
    except ArgumentError:
        raise ValueError("COPILOT_DATABASE_URL is not a database URL (e.g. postgresql+psycopg://user@host/db)") \
            from None
    connect_args: dict[str, object] = {}
    if backend.get_backend_name() == "sqlite":
        connect_args["timeout"] = settings.db_busy_timeout
    elif backend.get_backend_name() == "postgresql" and backend.get_driver_name() in ("psycopg", "psycopg2"):
        connect_args["connect_timeout"] = max(1, round(settings.db_connect_timeout))
        existing = backend.query.get("options")
        existing = " ".join(existing) if isinstance(existing, tuple) else existing  # kept (e.g. a search_path)
        connect_args["options"] = " ".join(filter(None, [
            existing, f"-c statement_timeout={round(settings.db_statement_timeout * 1000)}"]))
        engine_kwargs.setdefault("pool_timeout", settings.db_connect_timeout)
    connect_args.update(engine_kwargs.pop("connect_args", None) or {})  # type: ignore[call-overload]
    try:
        engine = create_engine(url, hide_parameters=True, connect_args=connect_args,
                               **engine_kwargs)  # type: ignore[arg-type]
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise ValueError(f"COPILOT_DATABASE_URL: the database driver {backend.drivername!r} is not installed "
                         f"({exc}); use postgresql+psycopg://... or sqlite:///...") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` in place; a no-op when it is already there."""
    cfg = alembic_config(engine)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
