"""staff terms: FTE, position, salary, education and unit from a date

Issue 17 point 4: the values of an employment that change from a date live in ``staff_term`` (one row per
person and date; the ``staff`` columns keep the newest term's values for whoever shows "the current
values"). Every existing employment gets one term from its start with today's values, so every figure
of a past period stays what it was.

Revision ID: 0005_staff_terms
Revises: 0004_history
Create Date: 2026-11-29 09:40:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0005_staff_terms'
down_revision: str | Sequence[str] | None = '0004_history'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('staff_term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('position_code', sa.String(length=20), nullable=False),
    sa.Column('fte', sa.Integer(), nullable=False),
    sa.Column('education_code', sa.String(length=10), nullable=False),
    sa.Column('salary', sa.Integer(), nullable=False),
    sa.Column('unit_name', sa.String(length=200), nullable=True),
    sa.CheckConstraint('fte > 0', name='ck_staff_term_fte_positive'),
    sa.ForeignKeyConstraint(['education_code'], ['education.code'], onupdate='CASCADE'),
    sa.ForeignKeyConstraint(['position_code'], ['position.code'], onupdate='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('staff_id', 'valid_from', name='uq_staff_term_key')
    )
    with op.batch_alter_table('staff_term', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_term_staff_id'), ['staff_id'], unique=False)
    # every employment: one term from its start with the values it has today
    op.execute(
        "INSERT INTO staff_term (staff_id, valid_from, position_code, fte, education_code, salary, unit_name) "
        "SELECT id, start, position_code, fte, education_code, salary, unit_name FROM staff ORDER BY id"
    )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('staff_term', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_term_staff_id'))
    op.drop_table('staff_term')
