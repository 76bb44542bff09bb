"""slack events already handled

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 09:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('slack_events',
                    sa.Column('id', sa.String(length=120), nullable=False),
                    sa.Column('received_at', sa.DateTime(), nullable=False),
                    sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    op.drop_table('slack_events')
