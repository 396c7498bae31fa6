"""Unmasked questions awaiting the member's consent live in the database with an expiry.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pending_personal",
        sa.Column(
            "interaction_id",
            sa.Integer,
            sa.ForeignKey("interactions.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("typed_by", sa.Integer, nullable=True),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_pending_personal_expires_at", "pending_personal", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_pending_personal_expires_at", "pending_personal")
    op.drop_table("pending_personal")
