"""left branch

Revision ID: bb00000000b2
Revises: aa00000000a1
Create Date: 2024-01-02 10:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = 'bb00000000b2'
down_revision = 'aa00000000a1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE left_side (id int)")


def downgrade() -> None:
    pass
