"""structural units: the service's list of territorial centres and departments

Issue 14 point 1: a staff member's unit was free text on the staff record (and, since 0005, on each dated
term). It becomes a list the service keeps (``structural_unit``: name, head, parent unit); the terms keep
naming their unit by its name. Nothing is lost: every distinct unit name found in ``staff_term`` or
``staff`` becomes a unit of the list, without head or parent, for the head to complete.

Revision ID: 0006_structural_units
Revises: 0005_staff_terms
Create Date: 2026-11-29 10:05:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0006_structural_units'
down_revision: str | Sequence[str] | None = '0005_staff_terms'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('structural_unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('head_name', sa.String(length=200), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['structural_unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    # every unit anybody was ever in, in name order (a blank name is no unit)
    op.execute(
        "INSERT INTO structural_unit (name) SELECT name FROM ("
        "SELECT unit_name AS name FROM staff_term WHERE unit_name IS NOT NULL AND TRIM(unit_name) <> '' "
        "UNION SELECT unit_name FROM staff WHERE unit_name IS NOT NULL AND TRIM(unit_name) <> ''"
        ") AS names ORDER BY name"
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('structural_unit')
