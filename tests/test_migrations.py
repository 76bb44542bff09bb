"""Schema migrations: the models and the migrations agree, and upgrades run in place."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from copilot.crm.db import current_revision, head_revision, migrate
from copilot.crm.models import Base


def test_migrations_match_the_models(engine: Engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    assert current_revision(engine) == head_revision()


def test_upgrade_is_in_place_and_repeatable(db_url: str) -> None:
    engine = create_engine(db_url)
    migrate(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO products (name, series, list_price) VALUES ('Kept', 'K', 10)"))
    migrate(engine)  # to head, keeping data
    migrate(engine)  # a second upgrade is a no-op
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM products")).scalars().all() == ["Kept"]
    tables = set(inspect(engine).get_table_names())
    assert {"accounts", "contacts", "products", "users", "opportunities", "activities", "deal_notes"} <= tables
    indexes = {i["name"] for i in inspect(engine).get_indexes("opportunities")}
    assert {"ix_opportunities_user_stage", "ix_opportunities_stage_close"} <= indexes
    engine.dispose()
