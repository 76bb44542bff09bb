"""a user's own time zone

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), nullable=True))


def downgrade() -> None:
    # a plain DROP COLUMN (SQLite 3.35 and later): a batch copy of ``users`` would drop the table every deal,
    # activity and note points at, which SQLite's foreign keys refuse
    op.drop_column('users', 'timezone')
