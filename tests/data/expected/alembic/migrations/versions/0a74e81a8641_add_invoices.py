"""add invoices

Revision ID: 0a74e81a8641
Revises: fa9a7a7bf406
Create Date: 2026-11-30 19:02:34.126043

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0a74e81a8641'
down_revision: Union[str, None] = 'fa9a7a7bf406'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
