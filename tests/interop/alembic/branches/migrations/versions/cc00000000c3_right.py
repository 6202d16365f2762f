"""right branch

Revision ID: cc00000000c3
Revises: aa00000000a1
Create Date: 2024-01-03 10:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = 'cc00000000c3'
down_revision = 'aa00000000a1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE right_side (id int)")


def downgrade() -> None:
    pass
