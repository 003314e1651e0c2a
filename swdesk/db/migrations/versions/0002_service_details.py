"""service details for document headers

What a compensation claim and the annual survey carry in their header and the service record could not
hold before (issue 16): registration number, address, contact person with phone and e-mail, the agreement
or project number and the bank account (IBAN). All nullable: a database from before this revision keeps
working, and its documents show the fields as not given until the head fills them in (``swdesk init``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 10:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

COLUMNS = (
    ('registration_number', 20),
    ('address', 300),
    ('contact_name', 200),
    ('contact_phone', 40),
    ('contact_email', 254),
    ('agreement_number', 100),
    ('bank_account', 34),
)


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('service', schema=None) as batch_op:
        for name, length in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('service', schema=None) as batch_op:
        for name, _length in reversed(COLUMNS):
            batch_op.drop_column(name)
