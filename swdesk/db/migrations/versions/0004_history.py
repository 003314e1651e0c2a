"""history: who changed what, when and through what; the import log's hash, user and change set

Issue 17: ``change_set`` (one save: when, the operating-system user, PostgreSQL's role, the door — a form,
an import with its file and SHA-256, a command) and ``change`` (record, field, old → new; a whole record as
JSON when added or deleted), which ``swdesk history`` lists and ``swdesk import --undo`` reverts. The import
log gains the files' SHA-256, the user, the unchanged count and its change set. Existing imports have no
change set: they were made before the history and cannot be undone.

Revision ID: 0004_history
Revises: 0003_planning
Create Date: 2026-11-29 09:30:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0004_history'
down_revision: Union[str, Sequence[str], None] = '0003_planning'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('change_set',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('os_user', sa.String(length=100), nullable=False),
    sa.Column('db_user', sa.String(length=100), nullable=True),
    sa.Column('through', sa.String(length=200), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=True),
    sa.Column('file_sha256', sa.String(length=500), nullable=True),
    sa.Column('undoes', sa.Integer(), nullable=True),
    sa.Column('undone_by', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('change_set', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_set_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_set_os_user'), ['os_user'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_set_through'), ['through'], unique=False)
    op.create_table('change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('change_set_id', sa.Integer(), nullable=False),
    sa.Column('record_kind', sa.String(length=30), nullable=False),
    sa.Column('record_key', sa.String(length=200), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=60), nullable=True),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('old', sa.Text(), nullable=True),
    sa.Column('new', sa.Text(), nullable=True),
    sa.CheckConstraint("op IN ('add', 'change', 'delete')", name='ck_change_op'),
    sa.ForeignKeyConstraint(['change_set_id'], ['change_set.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_change_set_id'), ['change_set_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_staff_id'), ['staff_id'], unique=False)
        batch_op.create_index('ix_change_record', ['record_kind', 'record_key'], unique=False)
    with op.batch_alter_table('import_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unchanged', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('file_sha256', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('os_user', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('change_set_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_import_log_change_set', 'change_set', ['change_set_id'], ['id'])


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('import_log', schema=None) as batch_op:
        batch_op.drop_constraint('fk_import_log_change_set', type_='foreignkey')
        batch_op.drop_column('change_set_id')
        batch_op.drop_column('os_user')
        batch_op.drop_column('file_sha256')
        batch_op.drop_column('unchanged')
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_index('ix_change_record')
        batch_op.drop_index(batch_op.f('ix_change_staff_id'))
        batch_op.drop_index(batch_op.f('ix_change_change_set_id'))
    op.drop_table('change')
    op.drop_table('change_set')
