"""add tenant id

Revision ID: 8b23efd9a51e
Revises: c912cef8b67b
Create Date: 2026-11-30 19:02:39.385808

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '8b23efd9a51e'
down_revision: Union[str, None] = 'c912cef8b67b'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
