"""merge audit log

Revision ID: c912cef8b67b
Revises: 0a74e81a8641, 9d771d1721ed
Create Date: 2026-11-30 19:02:38.686518

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c912cef8b67b'
down_revision: Union[str, None] = ('0a74e81a8641', '9d771d1721ed')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
