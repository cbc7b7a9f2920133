"""dashboard indexes: covering indexes behind the Pano's aggregate queries

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 13:25:00

On 100,000 firms the Pano's per-sector and per-district counts, exports by sector and
the theme averages over each firm's latest evaluation read these indexes alone instead
of the wide firms rows and every score row (see benchmarks/bench_dashboard.py).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_firms_live_sector", "firms", ["deleted_at", "sector"]),
    ("ix_firms_live_district", "firms", ["deleted_at", "district"]),
    ("ix_firm_exports_year", "firm_exports", ["year", "firm_id", "usd"]),
    ("ix_evaluations_firm_latest", "evaluations", ["firm_id", "evaluated_on", "id"]),
    ("ix_evaluation_scores_cover", "evaluation_scores", ["evaluation_id", "theme", "score"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
