"""add orders

Revision ID: fa9a7a7bf406
Revises: 60e588ce4360
Create Date: 2026-11-30 19:02:33.458098

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'fa9a7a7bf406'
down_revision = '60e588ce4360'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
