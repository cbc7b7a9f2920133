"""Noticing commits made by another copy of the app (or any program) on the same database.

Pure Python, no Qt: the GUI calls ``poll()`` from a timer (gui/dashboard/poller.py)
and the command line could call it from a loop.

SQLite: a dedicated sqlite3 connection asks ``PRAGMA data_version``, which changes
exactly when another connection committed; asking costs microseconds and never
takes a lock. Our own engine's connections are "other connections" too, so the
watcher follows this process's write transactions: when one begins (BEGIN
IMMEDIATE, so nobody else can commit until it ends) the watcher checks whether the
number moved since it last looked (someone else committed: remembered), and when it
ends the watcher takes the new number as seen (our own commit). Whatever moves the
number between our transactions was written elsewhere.

When it was, the audit entries written since the last poll tell which kinds
changed; those this process announced itself (same entity kind and id) are left
out. What is left is published with ``origin="external"``, one Change per kind. An
outside commit that left no audit entry (a bulk import or demo run by another
process, a raw SQL edit) cannot be attributed: every entity kind is announced then,
so every view reloads.

Other backends have no data_version; there the watcher compares the newest audit
entry id on every poll (audited writes only).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, func, select

from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.models import AuditEntry
from kayseri_desktop.services.bus import Change, ChangeBus
from kayseri_desktop.services.tracking import CHILDREN, ENTITIES

EVERY_ENTITY: tuple[str, ...] = tuple(
    sorted(set(ENTITIES.values()) | {parent for parent, _ in CHILDREN.values()})
)
"""Announced when another process committed without leaving audit entries."""

EXTERNAL = "external"


class ExternalChangeWatcher:
    def __init__(self, db: Database, bus: ChangeBus) -> None:
        self.db = db
        self.bus = bus
        self._lock = threading.RLock()
        self._local: dict[str, set[int] | None] = {}  # announced here; None: the whole kind
        self._outside = False  # another connection committed since the last poll
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None
        self._hooks: list[tuple[object, str, Callable[..., None]]] = []
        path = db.path
        if path is not None:
            self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._conn.execute("PRAGMA busy_timeout=2000")
            self._conn.execute("PRAGMA query_only=ON")
            self._version = self._data_version()
            factory = db._writer  # the write sessionmaker, as services/tracking.py uses
            for name, hook in (
                ("after_begin", self._write_begins),
                ("after_commit", self._write_ends),
                ("after_soft_rollback", self._write_ends),
            ):
                event.listen(factory, name, hook)
                self._hooks.append((factory, name, hook))
        self._last_audit = self._max_audit_id()
        self._unsubscribe: Callable[[], None] | None = bus.subscribe(self._on_local)

    # -- this process's own writes --------------------------------------------------------

    def _write_begins(self, *_args: Any) -> None:
        """A write transaction of ours holds the lock: note any outside commit before it."""
        with self._lock:
            if self._conn is not None and self._data_version() != self._version:
                self._outside = True

    def _write_ends(self, *_args: Any) -> None:
        """Our commit (or rollback) moved data_version: that move is ours, not news."""
        with self._lock:
            if self._conn is not None:
                self._version = self._data_version()

    def _on_local(self, change: Change) -> None:
        if change.origin != "local":
            return
        with self._lock:
            if not change.ids:
                self._local[change.entity] = None
            else:
                known = self._local.setdefault(change.entity, set())
                if known is not None:
                    known.update(change.ids)

    # -- polling ---------------------------------------------------------------------------

    def _data_version(self) -> int:
        assert self._conn is not None
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _max_audit_id(self) -> int:
        if self._conn is not None:
            row = self._conn.execute("SELECT max(id) FROM audit_entries").fetchone()
            return int(row[0] or 0)
        with self.db.read() as s:
            return int(s.scalar(select(func.max(AuditEntry.id))) or 0)

    def _audit_since(self, last: int) -> list[tuple[int, str, int]]:
        sql = "SELECT id, entity, entity_id FROM audit_entries WHERE id > ? ORDER BY id"
        if self._conn is not None:
            return [tuple(r) for r in self._conn.execute(sql, (last,))]
        stmt = (
            select(AuditEntry.id, AuditEntry.entity, AuditEntry.entity_id)
            .where(AuditEntry.id > last)
            .order_by(AuditEntry.id)
        )
        with self.db.read() as s:
            return [(ident, entity, entity_id) for ident, entity, entity_id in s.execute(stmt)]

    def poll(self) -> set[str]:
        """Announce what other processes committed since the last poll; return the kinds."""
        with self._lock:
            if self._unsubscribe is None:
                return set()
            if self._conn is not None:
                version = self._data_version()
                outside = self._outside or version != self._version
                self._version, self._outside = version, False
                if not outside:
                    # Only our own commits: forget what they announced and move on.
                    self._local = {}
                    self._last_audit = self._max_audit_id()
                    return set()
            elif self._max_audit_id() == self._last_audit:
                self._local = {}
                return set()
            entries = self._audit_since(self._last_audit)
            local, self._local = self._local, {}
            if entries:
                self._last_audit = entries[-1][0]
        kinds: dict[str, set[int]] = {}
        for _, entity, ident in entries:
            mine = local.get(entity, set())
            if entity in local and (mine is None or ident in mine or not ident):
                continue
            kinds.setdefault(entity, set()).add(ident)
        if not kinds and self._conn is not None:
            # Someone else committed, and left no audit entry we can attribute.
            kinds = {entity: set() for entity in EVERY_ENTITY}
        for entity, ids in kinds.items():  # not bus.batch(): it would drop the origin
            self.bus.publish(entity, ids - {0}, "update", EXTERNAL)
        return set(kinds)

    def close(self) -> None:
        with self._lock:
            if self._unsubscribe is not None:
                self._unsubscribe()
                self._unsubscribe = None
            for target, name, hook in self._hooks:
                event.remove(target, name, hook)
            self._hooks = []
            if self._conn is not None:
                self._conn.close()
                self._conn = None
