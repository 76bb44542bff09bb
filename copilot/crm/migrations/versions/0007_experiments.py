"""exposures of online experiments

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('experiment_exposures',
                    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
                    sa.Column('experiment', sa.String(length=64), nullable=False),
                    sa.Column('variant', sa.String(length=64), nullable=False),
                    sa.Column('unit', sa.String(length=20), nullable=False),
                    sa.Column('unit_id', sa.String(length=320), nullable=False),
                    sa.Column('kind', sa.String(length=20), nullable=False),
                    sa.Column('shown_at', sa.DateTime(), nullable=False),
                    sa.Column('user_id', sa.Integer(), nullable=True),
                    sa.Column('contact_id', sa.Integer(), nullable=True),
                    sa.Column('account_id', sa.Integer(), nullable=True),
                    sa.Column('deals', sa.JSON(), nullable=True),
                    sa.Column('thread_id', sa.String(length=64), nullable=True),
                    sa.Column('shown', sa.JSON(), nullable=True),
                    sa.CheckConstraint("kind IN ('followup_time', 'talk_track', 'draft')",
                                       name=op.f('ck_experiment_exposures_kind')),
                    sa.CheckConstraint("unit IN ('rep', 'account', 'contact', 'conversation')",
                                       name=op.f('ck_experiment_exposures_unit')),
                    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'],
                                            name=op.f('fk_experiment_exposures_account_id_accounts')),
                    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'],
                                            name=op.f('fk_experiment_exposures_contact_id_contacts')),
                    sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                            name=op.f('fk_experiment_exposures_user_id_users')),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_experiment_exposures')))
    op.create_index('ix_experiment_exposures_unit', 'experiment_exposures', ['experiment', 'unit_id', 'shown_at'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_experiment_exposures_unit', table_name='experiment_exposures')
    op.drop_table('experiment_exposures')
