"""Advisor replies reach the member: read and rating marks, and advisors' saved drafts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        # When the member first read the advisor's reply (None: unread, or not answered yet).
        batch.add_column(sa.Column("reply_read_at", sa.DateTime, nullable=True))
        # The member's rating of the reply (1 or -1) and when it was given.
        batch.add_column(sa.Column("reply_rating", sa.Integer, nullable=True))
        batch.add_column(sa.Column("reply_rated_at", sa.DateTime, nullable=True))
        # An advisor's edit saved with "Lưu nháp": {"answer", "citations", "saved_by", "saved_at"}.
        batch.add_column(sa.Column("draft", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("draft")
        batch.drop_column("reply_rated_at")
        batch.drop_column("reply_rating")
        batch.drop_column("reply_read_at")
