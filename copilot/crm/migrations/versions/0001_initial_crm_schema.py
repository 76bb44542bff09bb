"""initial CRM schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 11:56:54.185484
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sector', sa.String(length=100), nullable=True),
    sa.Column('year_established', sa.Integer(), nullable=True),
    sa.Column('revenue_musd', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('employees', sa.Integer(), nullable=True),
    sa.Column('office_location', sa.String(length=100), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('tier', sa.String(length=10), server_default='standard', nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.CheckConstraint("tier IN ('key', 'standard')", name=op.f('ck_accounts_tier')),
    sa.ForeignKeyConstraint(['parent_id'], ['accounts.id'], name=op.f('fk_accounts_parent_id_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('name', name=op.f('uq_accounts_name'))
    )
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accounts_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_accounts_sector'), ['sector'], unique=False)

    op.create_table('data_corrections',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('record_key', sa.String(length=200), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('original', sa.Text(), nullable=False),
    sa.Column('corrected', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_corrections')),
    sa.UniqueConstraint('entity', 'record_key', 'field', name='uq_data_corrections_key')
    )
    op.create_table('import_runs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('report', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_runs'))
    )
    op.create_table('products',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('series', sa.String(length=100), nullable=True),
    sa.Column('list_price', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('name', name=op.f('uq_products_name'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('manager_id', sa.Integer(), nullable=True),
    sa.Column('regional_office', sa.String(length=100), nullable=True),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('slack_user_id', sa.String(length=40), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.CheckConstraint("role IN ('rep', 'manager', 'ops')", name=op.f('ck_users_role')),
    sa.ForeignKeyConstraint(['manager_id'], ['users.id'], name=op.f('fk_users_manager_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email')),
    sa.UniqueConstraint('name', name=op.f('uq_users_name')),
    sa.UniqueConstraint('slack_user_id', name=op.f('uq_users_slack_user_id'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_manager_id'), ['manager_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_users_regional_office'), ['regional_office'], unique=False)

    op.create_table('contacts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_contacts_account_id_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts')),
    sa.UniqueConstraint('email', name=op.f('uq_contacts_email'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_account_id'), ['account_id'], unique=False)

    op.create_table('opportunities',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('engage_date', sa.Date(), nullable=True),
    sa.Column('close_date', sa.Date(), nullable=True),
    sa.Column('close_value', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.CheckConstraint("stage IN ('Prospecting', 'Engaging', 'Won', 'Lost')", name=op.f('ck_opportunities_stage')),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_opportunities_account_id_accounts')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_opportunities_product_id_products')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_opportunities_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunities'))
    )
    with op.batch_alter_table('opportunities', schema=None) as batch_op:
        batch_op.create_index('ix_opportunities_account_stage', ['account_id', 'stage'], unique=False)
        batch_op.create_index(batch_op.f('ix_opportunities_engage_date'), ['engage_date'], unique=False)
        batch_op.create_index('ix_opportunities_product_stage', ['product_id', 'stage'], unique=False)
        batch_op.create_index('ix_opportunities_stage_close', ['stage', 'close_date'], unique=False)
        batch_op.create_index('ix_opportunities_user_stage', ['user_id', 'stage'], unique=False)

    op.create_table('activities',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('utc_offset_min', sa.SmallInteger(), nullable=False),
    sa.Column('type', sa.String(length=10), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('opportunity_id', sa.String(length=64), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('in_reply_to', sa.String(length=64), nullable=True),
    sa.Column('import_run_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.CheckConstraint("direction IN ('outbound', 'inbound')", name=op.f('ck_activities_direction')),
    sa.CheckConstraint("type IN ('email', 'call', 'meeting', 'note')", name=op.f('ck_activities_type')),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_activities_account_id_accounts')),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_activities_contact_id_contacts')),
    sa.ForeignKeyConstraint(['import_run_id'], ['import_runs.id'], name=op.f('fk_activities_import_run_id_import_runs')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunities.id'], name=op.f('fk_activities_opportunity_id_opportunities')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_activities_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index('ix_activities_account_time', ['account_id', 'occurred_at'], unique=False)
        batch_op.create_index('ix_activities_contact_time', ['contact_id', 'occurred_at'], unique=False)
        batch_op.create_index('ix_activities_in_reply_to', ['in_reply_to'], unique=False)
        batch_op.create_index('ix_activities_opportunity', ['opportunity_id'], unique=False)
        batch_op.create_index('ix_activities_user_time', ['user_id', 'occurred_at'], unique=False)

    op.create_table('deal_notes',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('opportunity_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('written_at', sa.DateTime(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.CheckConstraint("kind IN ('note', 'call_summary', 'email')", name=op.f('ck_deal_notes_kind')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_deal_notes_author_id_users')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunities.id'], name=op.f('fk_deal_notes_opportunity_id_opportunities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_notes'))
    )
    with op.batch_alter_table('deal_notes', schema=None) as batch_op:
        batch_op.create_index('ix_deal_notes_opportunity', ['opportunity_id', 'written_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('deal_notes', schema=None) as batch_op:
        batch_op.drop_index('ix_deal_notes_opportunity')

    op.drop_table('deal_notes')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index('ix_activities_user_time')
        batch_op.drop_index('ix_activities_opportunity')
        batch_op.drop_index('ix_activities_in_reply_to')
        batch_op.drop_index('ix_activities_contact_time')
        batch_op.drop_index('ix_activities_account_time')

    op.drop_table('activities')
    with op.batch_alter_table('opportunities', schema=None) as batch_op:
        batch_op.drop_index('ix_opportunities_user_stage')
        batch_op.drop_index('ix_opportunities_stage_close')
        batch_op.drop_index('ix_opportunities_product_stage')
        batch_op.drop_index(batch_op.f('ix_opportunities_engage_date'))
        batch_op.drop_index('ix_opportunities_account_stage')

    op.drop_table('opportunities')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_account_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_regional_office'))
        batch_op.drop_index(batch_op.f('ix_users_manager_id'))

    op.drop_table('users')
    op.drop_table('products')
    op.drop_table('import_runs')
    op.drop_table('data_corrections')
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accounts_sector'))
        batch_op.drop_index(batch_op.f('ix_accounts_parent_id'))

    op.drop_table('accounts')
