"""one turn at a time per conversation

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 11:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('conversation_locks',
                    sa.Column('id', sa.String(length=64), nullable=False),
                    sa.Column('holder', sa.String(length=120), nullable=False),
                    sa.Column('expires_at', sa.DateTime(), nullable=False),
                    sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    op.drop_table('conversation_locks')
