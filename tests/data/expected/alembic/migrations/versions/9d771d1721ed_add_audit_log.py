"""add audit log

Revision ID: 9d771d1721ed
Revises: 60e588ce4360
Create Date: 2026-11-30 19:02:37.315091

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '9d771d1721ed'
down_revision: Union[str, None] = '60e588ce4360'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
