"""base

Revision ID: aa00000000a1
Revises: None
Create Date: 2024-01-01 10:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = 'aa00000000a1'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE base (id int)")


def downgrade() -> None:
    pass
