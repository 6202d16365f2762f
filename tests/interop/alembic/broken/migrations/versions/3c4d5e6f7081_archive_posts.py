"""archive posts (fails: reads a table that does not exist)

Revision ID: 3c4d5e6f7081
Revises: 2b3c4d5e6f70
Create Date: 2024-01-03 10:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '3c4d5e6f7081'
down_revision = '2b3c4d5e6f70'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("INSERT INTO posts (user_id) SELECT id FROM no_such_table")


def downgrade() -> None:
    pass
