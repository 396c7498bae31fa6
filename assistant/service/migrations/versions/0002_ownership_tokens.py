"""Ownership and token lifecycle: conversation keys, consent records, token use and revocation.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("key_hash", sa.String(64), nullable=True))
        batch.create_unique_constraint("uq_conversations_key_hash", ["key_hash"])
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("last_used_at", sa.DateTime, nullable=True))
        batch.add_column(sa.Column("revoked_at", sa.DateTime, nullable=True))
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(
            sa.Column(
                "consent_by",
                sa.Integer,
                sa.ForeignKey("users.id", name="fk_reviews_consent_by", ondelete="SET NULL"),
                nullable=True,
            )
        )
        batch.add_column(sa.Column("consent_at", sa.DateTime, nullable=True))
    # Shared personal questions stored before consent was recorded cannot be attributed to
    # the member who typed them (issue 12: anyone could "share" them): drop them.
    op.execute("UPDATE reviews SET personal_question = NULL WHERE personal_question IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("consent_at")
        batch.drop_column("consent_by")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("revoked_at")
        batch.drop_column("last_used_at")
    with op.batch_alter_table("conversations") as batch:
        batch.drop_constraint("uq_conversations_key_hash", type_="unique")
        batch.drop_column("key_hash")
