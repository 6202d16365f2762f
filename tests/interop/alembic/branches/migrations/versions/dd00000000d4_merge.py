"""merge left and right

Revision ID: dd00000000d4
Revises: bb00000000b2, cc00000000c3
Create Date: 2024-01-04 10:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = 'dd00000000d4'
down_revision = ('bb00000000b2', 'cc00000000c3')
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SELECT 1")


def downgrade() -> None:
    pass
