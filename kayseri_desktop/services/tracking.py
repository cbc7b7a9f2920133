"""Automatic audit log and change announcements for every ORM write.

Installed once per database by open_context(). Whatever service writes through
``db.write()`` gets, with no code of its own:

- an audit entry per changed field (who, when, entity, field, old -> new), one for
  each created, soft-deleted (deleted_at set), restored or purged record;
- one announcement on the change bus per entity kind after the transaction
  commits (nothing is announced when it rolls back).

Bulk Core statements (imports, the demo generator) bypass the ORM; their
services publish on the bus themselves.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.services.bus import ChangeBus

# Entity name on the bus and in the audit log, per class.
ENTITIES: dict[type[m.Base], str] = {
    m.Firm: "firm",
    m.Contact: "contact",
    m.Staff: "staff",
    m.Visit: "visit",
    m.Evaluation: "evaluation",
    m.Institution: "institution",
    m.Project: "project",
    m.Milestone: "milestone",
    m.Meeting: "meeting",
    m.Decision: "decision",
    m.Target: "target",
    m.ClosedDay: "closed_day",
    m.Setting: "setting",
    m.Action: "action",
    m.SupportInstrument: "support_instrument",
}
# Rows that belong to a parent: (parent entity, attribute holding the parent's id).
CHILDREN: dict[type[m.Base], tuple[str, str]] = {
    m.FirmExport: ("firm", "firm_id"),
    m.FirmMarket: ("firm", "firm_id"),
    m.FirmTag: ("firm", "firm_id"),
    m.EvaluationScore: ("evaluation", "evaluation_id"),
    m.VisitStaff: ("visit", "visit_id"),
    m.FollowUp: ("visit", "visit_id"),
    m.ProjectPartner: ("project", "project_id"),
    m.ProjectFirm: ("project", "project_id"),
    m.AgendaItem: ("meeting", "meeting_id"),
    m.MeetingAttendee: ("meeting", "meeting_id"),
    m.VisitNeed: ("visit", "visit_id"),
    m.ActionNeed: ("action", "action_id"),
    m.ActionPartner: ("action", "action_id"),
    m.ActionProject: ("action", "action_id"),
    m.SupportInstrumentNeed: ("support_instrument", "instrument_id"),
}
# Derived or bookkeeping columns never shown as user changes.
NOT_AUDITED = {"search_text", "title_sort", "name_sort", "version", "updated_at", "created_at"}
AUDIT_TABLE = m.Base.metadata.tables[m.AuditEntry.__tablename__]


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _ident(obj: object) -> int:
    """The record's integer id; 0 for rows keyed otherwise (settings, closed days)."""
    ident = getattr(obj, "id", None)
    return ident if isinstance(ident, int) else 0


def _describe_child(obj: m.Base) -> str:
    cols = [c.key for c in inspect(type(obj)).column_attrs]
    parent_key = CHILDREN[type(obj)][1]
    return ", ".join(f"{getattr(obj, k)}" for k in cols if k != parent_key)


class Tracker:
    """Collects what a flush changed; writes audit rows; announces after commit."""

    def __init__(self, db: Database, bus: ChangeBus, user: str) -> None:
        self.bus = bus
        self.user = user
        factory = db._writer  # the write sessionmaker
        event.listen(factory, "after_flush", self._after_flush)
        event.listen(factory, "after_commit", self._after_commit)
        event.listen(factory, "after_soft_rollback", self._after_rollback)

    def _pending(self, session: Session) -> dict[str, dict[int, str]]:
        pending: dict[str, dict[int, str]] = session.info.setdefault("kayseri_changes", {})
        return pending

    def _note(self, session: Session, entity: str, ident: int, action: str) -> None:
        bucket = self._pending(session).setdefault(entity, {})
        if ident and bucket.get(ident) != "create":
            bucket[ident] = action

    def _after_flush(self, session: Session, _ctx: object) -> None:
        rows: list[dict[str, object]] = []
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)

        def add(
            entity: str,
            ident: int,
            action: str,
            field: str | None = None,
            old: object = None,
            new: object = None,
        ) -> None:
            rows.append(
                {
                    "at": now,
                    "user": self.user,
                    "entity": entity,
                    "entity_id": ident,
                    "action": action,
                    "field": field,
                    "old_value": _text(old),
                    "new_value": _text(new),
                }
            )
            self._note(session, entity, ident, action)

        for obj in session.new:
            cls = type(obj)
            if cls in ENTITIES:
                key = (
                    None
                    if hasattr(obj, "id")
                    else str(inspect(cls).primary_key_from_instance(obj)[0])
                )
                add(ENTITIES[cls], _ident(obj), "create", key)
            elif cls in CHILDREN:
                parent, key = CHILDREN[cls]
                add(
                    parent,
                    getattr(obj, key),
                    "update",
                    cls.__tablename__,
                    None,
                    _describe_child(obj),
                )
        for obj in session.deleted:
            cls = type(obj)
            if cls in ENTITIES:
                add(ENTITIES[cls], _ident(obj), "purge")
            elif cls in CHILDREN:
                parent, key = CHILDREN[cls]
                add(parent, getattr(obj, key), "update", cls.__tablename__, _describe_child(obj))
        for obj in session.dirty:
            cls = type(obj)
            if cls not in ENTITIES or not session.is_modified(obj, include_collections=False):
                continue
            entity, state = ENTITIES[cls], inspect(obj)
            for attr in state.mapper.column_attrs:
                if attr.key in NOT_AUDITED:
                    continue
                hist = state.attrs[attr.key].history
                if not hist.has_changes():
                    continue
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if attr.key == "deleted_at":
                    add(entity, _ident(obj), "delete" if new is not None else "restore")
                elif _text(old) != _text(new):
                    add(entity, _ident(obj), "update", attr.key, old, new)
        if rows:
            session.connection().execute(insert(AUDIT_TABLE), rows)

    def _after_commit(self, session: Session) -> None:
        changes = session.info.pop("kayseri_changes", None)
        if not changes:
            return
        with self.bus.batch():
            for entity, items in changes.items():
                actions = set(items.values())
                action = next(iter(actions)) if len(actions) == 1 else "update"
                self.bus.publish(entity, items.keys(), action)

    def _after_rollback(self, session: Session, _previous: object) -> None:
        session.info.pop("kayseri_changes", None)
