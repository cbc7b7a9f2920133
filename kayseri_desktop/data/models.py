"""SQLAlchemy 2.x declarative models: the whole domain of DESIGN.md.

Constraints live in the schema (unique VKN, foreign keys, range checks), not
only in Python. Text that people search or sort keeps a folded search key and a
Turkish collation key beside it (see core/turkish.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Binary ordering for collation keys on PostgreSQL; SQLite TEXT compares binary already.
SortKey = String(400).with_variant(String(400, collation="C"), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _firm_fk() -> ForeignKey:
    return ForeignKey("firms.id", ondelete="CASCADE")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Firm(Base):
    __tablename__ = "firms"
    __table_args__ = (
        CheckConstraint("length(tax_no) IN (10, 11)", name="tax_no_length"),
        CheckConstraint(
            "founded_year IS NULL OR (founded_year BETWEEN 1800 AND 2100)", name="founded_year"
        ),
        CheckConstraint("employees IS NULL OR employees >= 0", name="employees"),
        CheckConstraint(
            "size_class IS NULL OR size_class IN ('mikro','kucuk','orta','buyuk')",
            name="size_class",
        ),
        # Covering indexes for the Pano's per-sector / per-district counts of live firms.
        Index("ix_firms_live_sector", "deleted_at", "sector"),
        Index("ix_firms_live_district", "deleted_at", "district"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(120))
    tax_no: Mapped[str] = mapped_column(String(11), unique=True)
    trade_registry_no: Mapped[str | None] = mapped_column(String(40))
    kto_member_no: Mapped[str | None] = mapped_column(String(40))
    nace_code: Mapped[str | None] = mapped_column(String(12))
    sector: Mapped[str | None] = mapped_column(String(40))
    district: Mapped[str | None] = mapped_column(String(40))
    osb: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    web: Mapped[str | None] = mapped_column(String(200))
    founded_year: Mapped[int | None] = mapped_column(Integer)
    employees: Mapped[int | None] = mapped_column(Integer)
    size_class: Mapped[str | None] = mapped_column(String(10))
    products: Mapped[str | None] = mapped_column(Text)
    certifications: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, default="")
    title_sort: Mapped[str] = mapped_column(SortKey, default="", index=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)

    exports: Mapped[list[FirmExport]] = relationship(
        back_populates="firm", cascade="all, delete-orphan", order_by="FirmExport.year"
    )
    markets: Mapped[list[FirmMarket]] = relationship(
        back_populates="firm", cascade="all, delete-orphan"
    )
    tags: Mapped[list[FirmTag]] = relationship(back_populates="firm", cascade="all, delete-orphan")
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="firm", cascade="all, delete-orphan"
    )
    evaluations: Mapped[list[Evaluation]] = relationship(
        back_populates="firm", cascade="all, delete-orphan"
    )
    visits: Mapped[list[Visit]] = relationship(back_populates="firm")

    __mapper_args__ = {"version_id_col": version}


class FirmExport(Base):
    __tablename__ = "firm_exports"
    __table_args__ = (
        CheckConstraint("year BETWEEN 1990 AND 2100", name="year"),
        CheckConstraint("usd >= 0", name="usd"),
        Index("ix_firm_exports_year", "year", "firm_id", "usd"),  # a year's exports, covering
    )
    firm_id: Mapped[int] = mapped_column(
        ForeignKey("firms.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    usd: Mapped[int] = mapped_column(BigInteger)
    firm: Mapped[Firm] = relationship(back_populates="exports")


class FirmMarket(Base):
    """An export market of a firm, as an ISO 3166-1 alpha-2 country code."""

    __tablename__ = "firm_markets"
    __table_args__ = (CheckConstraint("length(country) = 2", name="country"),)
    firm_id: Mapped[int] = mapped_column(
        ForeignKey("firms.id", ondelete="CASCADE"), primary_key=True
    )
    country: Mapped[str] = mapped_column(String(2), primary_key=True)
    firm: Mapped[Firm] = relationship(back_populates="markets")


class FirmTag(Base):
    __tablename__ = "firm_tags"
    firm_id: Mapped[int] = mapped_column(
        ForeignKey("firms.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(60), primary_key=True)
    firm: Mapped[Firm] = relationship(back_populates="tags")


class Contact(Base):
    __tablename__ = "contacts"
    __table_args__ = (
        CheckConstraint(
            "NOT kvkk_consent OR kvkk_consent_date IS NOT NULL", name="kvkk_consent_date"
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    kvkk_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    kvkk_consent_date: Mapped[dt.date | None] = mapped_column(Date)
    firm: Mapped[Firm] = relationship(back_populates="contacts")


class Staff(Base):
    """A field-team member: KTO staff, a university member or an outside expert."""

    __tablename__ = "staff"
    __table_args__ = (CheckConstraint("kind IN ('kto','universite','uzman')", name="kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Visit(Base):
    __tablename__ = "visits"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_starts"),
        CheckConstraint("status IN ('planned','done','postponed','cancelled')", name="status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="RESTRICT"), index=True)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(12), default="planned", index=True)
    purpose: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    needs: Mapped[str | None] = mapped_column(Text)
    status_reason: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    firm: Mapped[Firm] = relationship(back_populates="visits")
    staff: Mapped[list[Staff]] = relationship(secondary="visit_staff")
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="visit", cascade="all, delete-orphan"
    )
    evaluation: Mapped[Evaluation | None] = relationship(back_populates="visit")

    __mapper_args__ = {"version_id_col": version}


class VisitStaff(Base):
    __tablename__ = "visit_staff"
    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True
    )
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class FollowUp(Base):
    __tablename__ = "follow_ups"
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    visit: Mapped[Visit] = relationship(back_populates="follow_ups")


class Evaluation(Base):
    __tablename__ = "evaluations"
    __table_args__ = (
        CheckConstraint("kind IN ('desk','field')", name="kind"),
        Index("ix_evaluations_firm_latest", "firm_id", "evaluated_on", "id"),  # latest per firm
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"))
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), unique=True
    )
    evaluated_on: Mapped[dt.date] = mapped_column(Date, index=True)
    evaluator: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="desk")
    notes: Mapped[str | None] = mapped_column(Text)

    firm: Mapped[Firm] = relationship(back_populates="evaluations")
    visit: Mapped[Visit | None] = relationship(back_populates="evaluation")
    scores: Mapped[list[EvaluationScore]] = relationship(
        back_populates="evaluation", cascade="all, delete-orphan"
    )


class EvaluationScore(Base):
    __tablename__ = "evaluation_scores"
    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="score"),
        Index("ix_evaluation_scores_cover", "evaluation_id", "theme", "score"),  # theme averages
    )
    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("evaluations.id", ondelete="CASCADE"), primary_key=True
    )
    theme: Mapped[str] = mapped_column(String(20), primary_key=True)
    score: Mapped[int] = mapped_column(Integer)
    evaluation: Mapped[Evaluation] = relationship(back_populates="scores")


class Institution(Base):
    __tablename__ = "institutions"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(20))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    name_sort: Mapped[str] = mapped_column(SortKey, default="")


class Project(Base):
    __tablename__ = "projects"
    __table_args__ = (
        CheckConstraint("roadmap_year BETWEEN 1 AND 3", name="roadmap_year"),
        CheckConstraint("status IN ('idea','planned','running','done','cancelled')", name="status"),
        CheckConstraint("mode IN ('joint','separate')", name="mode"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="end_after_start",
        ),
        CheckConstraint("budget_try IS NULL OR budget_try >= 0", name="budget"),
        CheckConstraint("spent_try >= 0", name="spent"),
        CheckConstraint("progress BETWEEN 0 AND 100", name="progress"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    theme: Mapped[str] = mapped_column(String(20), index=True)
    roadmap_year: Mapped[int] = mapped_column(Integer)
    lead_institution_id: Mapped[int] = mapped_column(
        ForeignKey("institutions.id", ondelete="RESTRICT"), index=True
    )
    mode: Mapped[str] = mapped_column(String(10), default="joint")
    status: Mapped[str] = mapped_column(String(12), default="planned")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    budget_try: Mapped[float | None] = mapped_column(Numeric(16, 2, asdecimal=False))
    spent_try: Mapped[float] = mapped_column(Numeric(16, 2, asdecimal=False), default=0)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    lead: Mapped[Institution] = relationship()
    partners: Mapped[list[ProjectPartner]] = relationship(
        back_populates="project", cascade="all, delete-orphan"
    )
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Milestone.due_date"
    )
    target_firms: Mapped[list[Firm]] = relationship(secondary="project_firms")

    __mapper_args__ = {"version_id_col": version}


class ProjectPartner(Base):
    __tablename__ = "project_partners"
    __table_args__ = (CheckConstraint("role IN ('partner','funder','supporter')", name="role"),)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    institution_id: Mapped[int] = mapped_column(
        ForeignKey("institutions.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(12), default="partner")
    project: Mapped[Project] = relationship(back_populates="partners")
    institution: Mapped[Institution] = relationship()


class ProjectFirm(Base):
    __tablename__ = "project_firms"
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    firm_id: Mapped[int] = mapped_column(
        ForeignKey("firms.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Milestone(Base):
    __tablename__ = "milestones"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    responsible_institution_id: Mapped[int | None] = mapped_column(
        ForeignKey("institutions.id", ondelete="SET NULL")
    )
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    project: Mapped[Project] = relationship(back_populates="milestones")
    responsible: Mapped[Institution | None] = relationship()


class Meeting(Base):
    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    place: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    attendees: Mapped[list[MeetingAttendee]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        foreign_keys="Decision.meeting_id",
    )


class MeetingAttendee(Base):
    __tablename__ = "meeting_attendees"
    __table_args__ = (
        CheckConstraint("institution_id IS NOT NULL OR person IS NOT NULL", name="who"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    institution_id: Mapped[int | None] = mapped_column(
        ForeignKey("institutions.id", ondelete="SET NULL")
    )
    person: Mapped[str | None] = mapped_column(String(200))
    meeting: Mapped[Meeting] = relationship(back_populates="attendees")
    institution: Mapped[Institution | None] = relationship()


class AgendaItem(Base):
    __tablename__ = "agenda_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    carried_decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="SET NULL")
    )
    meeting: Mapped[Meeting] = relationship(back_populates="agenda")


class Decision(Base):
    """A committee decision as an action item."""

    __tablename__ = "decisions"
    __table_args__ = (CheckConstraint("status IN ('open','done','cancelled')", name="status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    owner_institution_id: Mapped[int | None] = mapped_column(
        ForeignKey("institutions.id", ondelete="SET NULL"), index=True
    )
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    meeting: Mapped[Meeting] = relationship(back_populates="decisions", foreign_keys=[meeting_id])
    owner: Mapped[Institution | None] = relationship()
    project: Mapped[Project | None] = relationship()


class Target(Base):
    """A programme target the charts measure against (year NULL: whole programme)."""

    __tablename__ = "targets"
    __table_args__ = (UniqueConstraint("key", "year", name="uq_targets_key_year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40))
    year: Mapped[int | None] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Numeric(20, 2, asdecimal=False))


class ClosedDay(Base):
    """A day the office adds as closed for visits (on top of public holidays)."""

    __tablename__ = "closed_days"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    reason: Mapped[str] = mapped_column(String(200))


class Setting(Base):
    """Programme settings shared by everyone on the database (field-study dates...)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    __tablename__ = "audit_entries"
    __table_args__ = (
        CheckConstraint("action IN ('create','update','delete','restore','purge')", name="action"),
        Index("ix_audit_entries_entity", "entity", "entity_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    user: Mapped[str] = mapped_column(String(120))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(10))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class ValueSynonym(Base):
    """A list's own word for a catalogue value, chosen once by a person in an import
    ("Talaşlı İmalat" -> sector "metal"); code NULL: the word means "leave empty".
    Shared through the database, so everyone's next import knows it."""

    __tablename__ = "value_synonyms"
    __table_args__ = (
        UniqueConstraint("field", "key", name="uq_value_synonyms_field_key"),
        CheckConstraint("field IN ('sector','osb','size_class')", name="field"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    field: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(200))  # as the list writes it
    key: Mapped[str] = mapped_column(String(200))  # folded (core/vocabulary.key)
    code: Mapped[str | None] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


# -- Strategy Action Plan (issue 19): needs, actions, support instruments ----------------


class VisitNeed(Base):
    """A need a visit found: a code of core/catalogues.NEEDS with its priority (1 high,
    2 medium, 3 low). The visit's free-text ``needs`` stays beside these."""

    __tablename__ = "visit_needs"
    __table_args__ = (
        CheckConstraint("priority BETWEEN 1 AND 3", name="priority"),
        Index("ix_visit_needs_need", "need", "visit_id"),
    )
    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True
    )
    need: Mapped[str] = mapped_column(String(30), primary_key=True)
    priority: Mapped[int] = mapped_column(Integer, default=2)
    note: Mapped[str | None] = mapped_column(Text)
    visit: Mapped[Visit] = relationship()


class Action(Base):
    """An action (eylem) of the Strategy Action Plan. Its status and progress are
    derived from the linked projects and their milestones (services/action_plan.py)."""

    __tablename__ = "actions"
    __table_args__ = (
        CheckConstraint("roadmap_year BETWEEN 1 AND 3", name="roadmap_year"),
        CheckConstraint("budget_try IS NULL OR budget_try >= 0", name="budget"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    theme: Mapped[str] = mapped_column(String(20), index=True)
    roadmap_year: Mapped[int] = mapped_column(Integer)
    lead_institution_id: Mapped[int] = mapped_column(
        ForeignKey("institutions.id", ondelete="RESTRICT"), index=True
    )
    kpi_name: Mapped[str | None] = mapped_column(String(200))
    kpi_unit: Mapped[str | None] = mapped_column(String(40))
    kpi_baseline: Mapped[float | None] = mapped_column(Numeric(20, 2, asdecimal=False))
    kpi_target: Mapped[float | None] = mapped_column(Numeric(20, 2, asdecimal=False))
    kpi_current: Mapped[float | None] = mapped_column(Numeric(20, 2, asdecimal=False))
    kpi_measured_on: Mapped[dt.date | None] = mapped_column(Date)
    budget_try: Mapped[float | None] = mapped_column(Numeric(16, 2, asdecimal=False))
    notes: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    lead: Mapped[Institution] = relationship()
    needs: Mapped[list[ActionNeed]] = relationship(
        back_populates="action", cascade="all, delete-orphan"
    )
    partners: Mapped[list[ActionPartner]] = relationship(
        back_populates="action", cascade="all, delete-orphan"
    )
    projects: Mapped[list[Project]] = relationship(secondary="action_projects")

    __mapper_args__ = {"version_id_col": version}


class ActionNeed(Base):
    __tablename__ = "action_needs"
    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True
    )
    need: Mapped[str] = mapped_column(String(30), primary_key=True, index=True)
    action: Mapped[Action] = relationship(back_populates="needs")


class ActionPartner(Base):
    """A supporting institution of an action."""

    __tablename__ = "action_partners"
    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True
    )
    institution_id: Mapped[int] = mapped_column(
        ForeignKey("institutions.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    action: Mapped[Action] = relationship(back_populates="partners")
    institution: Mapped[Institution] = relationship()


class ActionProject(Base):
    """A project that carries out an action (a project may serve several actions)."""

    __tablename__ = "action_projects"
    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SupportInstrument(Base):
    """A public support a firm can apply for (Ministry of Trade, KOSGEB, ORAN...), from
    the shipped, dated catalogue (resources/catalogues/support_instruments.csv); staff
    edit it here. ``sizes``: size-class codes separated by "|", empty for every size;
    ``exporters``: 'hepsi' (anyone), 'ihracatci' (firms that export) or 'yeni' (firms
    that do not export yet)."""

    __tablename__ = "support_instruments"
    __table_args__ = (
        CheckConstraint("exporters IN ('hepsi','ihracatci','yeni')", name="exporters"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    institution: Mapped[str] = mapped_column(String(200))
    sizes: Mapped[str] = mapped_column(String(60), default="")
    exporters: Mapped[str] = mapped_column(String(12), default="hepsi")
    eligibility: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(300))
    source: Mapped[str | None] = mapped_column(String(300))
    as_of: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    needs: Mapped[list[SupportInstrumentNeed]] = relationship(
        back_populates="instrument", cascade="all, delete-orphan"
    )


class SupportInstrumentNeed(Base):
    __tablename__ = "support_instrument_needs"
    instrument_id: Mapped[int] = mapped_column(
        ForeignKey("support_instruments.id", ondelete="CASCADE"), primary_key=True
    )
    need: Mapped[str] = mapped_column(String(30), primary_key=True, index=True)
    instrument: Mapped[SupportInstrument] = relationship(back_populates="needs")
