"""create posts

Revision ID: 2b3c4d5e6f70
Revises: 1a2b3c4d5e6f
Create Date: 2024-01-02 10:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '2b3c4d5e6f70'
down_revision = '1a2b3c4d5e6f'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE posts (id serial PRIMARY KEY, user_id int REFERENCES users (id))")


def downgrade() -> None:
    pass
