"""value synonyms: a list's own words for sectors, OSBs and size classes, chosen once

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 19:45:00

The import wizard (and `kayseri import firms --map`) asks once for each value of a list
that the shipped vocabulary (resources/vocabulary) does not know; the answer is kept
here, shared by everyone on the database, and editable in the synonyms dialog.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "value_synonyms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=True),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "field IN ('sector','osb','size_class')", name=op.f("ck_value_synonyms_field")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_value_synonyms")),
        sa.UniqueConstraint("field", "key", name="uq_value_synonyms_field_key"),
    )


def downgrade() -> None:
    op.drop_table("value_synonyms")
