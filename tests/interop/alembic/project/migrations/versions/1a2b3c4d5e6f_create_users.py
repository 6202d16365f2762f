"""create users

Revision ID: 1a2b3c4d5e6f
Revises: None
Create Date: 2024-01-01 10:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '1a2b3c4d5e6f'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL)")


def downgrade() -> None:
    pass
