"""action plan: structured visit needs, actions (eylemler), support instruments

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 19:45:00

Issue 19. A visit's needs become catalogue items with a priority (visit_needs; the free
text in visits.needs stays as it was). The Strategy Action Plan's actions carry their
theme, needs, roadmap year, lead and supporting institutions, KPI and budget, and the
projects that carry them out (action_projects, many-to-many); their status is derived,
not stored. support_instruments holds the editable catalogue of public supports that
scorecards match against a firm's needs and size.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "support_instruments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("institution", sa.String(length=200), nullable=False),
        sa.Column("sizes", sa.String(length=60), nullable=False),
        sa.Column("exporters", sa.String(length=12), nullable=False),
        sa.Column("eligibility", sa.Text(), nullable=True),
        sa.Column("url", sa.String(length=300), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "exporters IN ('hepsi','ihracatci','yeni')",
            name=op.f("ck_support_instruments_exporters"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_instruments")),
        sa.UniqueConstraint("code", name=op.f("uq_support_instruments_code")),
    )
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("theme", sa.String(length=20), nullable=False),
        sa.Column("roadmap_year", sa.Integer(), nullable=False),
        sa.Column("lead_institution_id", sa.Integer(), nullable=False),
        sa.Column("kpi_name", sa.String(length=200), nullable=True),
        sa.Column("kpi_unit", sa.String(length=40), nullable=True),
        sa.Column(
            "kpi_baseline", sa.Numeric(precision=20, scale=2, asdecimal=False), nullable=True
        ),
        sa.Column("kpi_target", sa.Numeric(precision=20, scale=2, asdecimal=False), nullable=True),
        sa.Column("kpi_current", sa.Numeric(precision=20, scale=2, asdecimal=False), nullable=True),
        sa.Column("kpi_measured_on", sa.Date(), nullable=True),
        sa.Column("budget_try", sa.Numeric(precision=16, scale=2, asdecimal=False), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("budget_try IS NULL OR budget_try >= 0", name=op.f("ck_actions_budget")),
        sa.CheckConstraint("roadmap_year BETWEEN 1 AND 3", name=op.f("ck_actions_roadmap_year")),
        sa.ForeignKeyConstraint(
            ["lead_institution_id"],
            ["institutions.id"],
            name=op.f("fk_actions_lead_institution_id_institutions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
        sa.UniqueConstraint("code", name=op.f("uq_actions_code")),
    )
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_actions_lead_institution_id"), ["lead_institution_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_actions_theme"), ["theme"], unique=False)

    op.create_table(
        "support_instrument_needs",
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("need", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["support_instruments.id"],
            name=op.f("fk_support_instrument_needs_instrument_id_support_instruments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("instrument_id", "need", name=op.f("pk_support_instrument_needs")),
    )
    with op.batch_alter_table("support_instrument_needs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_support_instrument_needs_need"), ["need"], unique=False
        )

    op.create_table(
        "action_needs",
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("need", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_needs_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("action_id", "need", name=op.f("pk_action_needs")),
    )
    with op.batch_alter_table("action_needs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_needs_need"), ["need"], unique=False)

    op.create_table(
        "action_partners",
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_partners_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["institutions.id"],
            name=op.f("fk_action_partners_institution_id_institutions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("action_id", "institution_id", name=op.f("pk_action_partners")),
    )
    with op.batch_alter_table("action_partners", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_partners_institution_id"), ["institution_id"], unique=False
        )

    op.create_table(
        "action_projects",
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_action_projects_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_action_projects_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("action_id", "project_id", name=op.f("pk_action_projects")),
    )
    with op.batch_alter_table("action_projects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_projects_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "visit_needs",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("need", sa.String(length=30), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint("priority BETWEEN 1 AND 3", name=op.f("ck_visit_needs_priority")),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_visit_needs_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("visit_id", "need", name=op.f("pk_visit_needs")),
    )
    with op.batch_alter_table("visit_needs", schema=None) as batch_op:
        batch_op.create_index("ix_visit_needs_need", ["need", "visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visit_needs", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_needs_need")

    op.drop_table("visit_needs")
    with op.batch_alter_table("action_projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_projects_project_id"))

    op.drop_table("action_projects")
    with op.batch_alter_table("action_partners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_partners_institution_id"))

    op.drop_table("action_partners")
    with op.batch_alter_table("action_needs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_needs_need"))

    op.drop_table("action_needs")
    with op.batch_alter_table("support_instrument_needs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_support_instrument_needs_need"))

    op.drop_table("support_instrument_needs")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actions_theme"))
        batch_op.drop_index(batch_op.f("ix_actions_lead_institution_id"))

    op.drop_table("actions")
    op.drop_table("support_instruments")
