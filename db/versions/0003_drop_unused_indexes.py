"""drop unused indexes: single-column indexes no query reads, kept up on every write

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 14:45:00

The registry filters firms by sector, district, OSB, size class, market and tag in
memory (services/firm_index.py), never in SQL; the Pano's per-sector and per-district
counts read 0002's (deleted_at, sector) and (deleted_at, district) indexes, which also
serve every "deleted_at IS NULL" filter; 0002's (firm_id, evaluated_on, id) serves every
lookup of a firm's evaluations; the audit trail is read per entity, never by time. Each
index dropped here was still updated on every insert: a 10,000-row Excel import spent
about an eighth of its writing time on them (benchmarks/bench_registry.py).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (  # (name, table, columns) as 0001 created them
    ("ix_firms_deleted_at", "firms", ["deleted_at"]),
    ("ix_firms_sector", "firms", ["sector"]),
    ("ix_firms_district", "firms", ["district"]),
    ("ix_firms_osb", "firms", ["osb"]),
    ("ix_firms_size_class", "firms", ["size_class"]),
    ("ix_firm_markets_country", "firm_markets", ["country"]),
    ("ix_firm_tags_tag", "firm_tags", ["tag"]),
    ("ix_evaluations_firm_id", "evaluations", ["firm_id"]),
    ("ix_audit_entries_at", "audit_entries", ["at"]),
)


def upgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table, columns in reversed(INDEXES):
        op.create_index(name, table, columns, unique=False)
