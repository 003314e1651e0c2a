"""planning: scenarios and planned training events

Issue 13: named staffing scenarios with their changes (``scenario``, ``scenario_change``), which the
program computes on a copy of the data in memory and never applies, and the ``planned`` flag of a training
or supervision event: a planned event belongs to the year's training plan and is counted by no claim,
check or survey until it is marked done. Every existing event is done (``planned`` false).

Revision ID: 0003_planning
Revises: 0002
Create Date: 2026-11-29 07:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0003_planning'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('scenario',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('scenario_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scenario_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('position_code', sa.String(length=20), nullable=True),
    sa.Column('count', sa.Integer(), nullable=True),
    sa.Column('fte', sa.Integer(), nullable=True),
    sa.Column('salary', sa.Integer(), nullable=True),
    sa.Column('unit_name', sa.String(length=200), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('category_code', sa.String(length=20), nullable=True),
    sa.Column('share', sa.Integer(), nullable=True),
    sa.Column('hours_per_month', sa.Integer(), nullable=True),
    sa.Column('residents', sa.Integer(), nullable=True),
    sa.CheckConstraint(
        "kind IN ('add_position', 'remove_staff', 'move_duties', 'population', 'raise_to_minimum')",
        name='ck_scenario_change_kind'),
    sa.ForeignKeyConstraint(['category_code'], ['duty_category.code'], onupdate='CASCADE'),
    sa.ForeignKeyConstraint(['position_code'], ['position.code'], onupdate='CASCADE'),
    sa.ForeignKeyConstraint(['scenario_id'], ['scenario.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('scenario_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scenario_change_scenario_id'), ['scenario_id'], unique=False)
    with op.batch_alter_table('training_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('planned', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('training_event', schema=None) as batch_op:
        batch_op.drop_column('planned')
    with op.batch_alter_table('scenario_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scenario_change_scenario_id'))
    op.drop_table('scenario_change')
    op.drop_table('scenario')
