"""Live changes between users of one PostgreSQL database: LISTEN/NOTIFY, no triggers.

NotifySender listens to this copy's change bus: whatever was announced locally
(ORM writes after their commit via services/tracking.py, bulk imports that publish
themselves) is sent as ``NOTIFY kayseri_changes`` with a JSON payload
``{"s": sender, "e": entity, "i": [ids], "a": action}``. A payload over PostgreSQL's
8000-byte limit drops the ids, which means "reload this kind".

ChangeListener is a thread holding its own psycopg connection with ``LISTEN
kayseri_changes``; it republishes other copies' notifications on the bus with
origin "external" (the GUI's bus bridge is thread-safe and coalesces bursts). When
the connection drops it reconnects with a growing pause and, once back, announces
a full refresh of every kind, since notifications sent meanwhile are gone.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import uuid
from collections.abc import Callable

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import make_url

from kayseri_desktop.data.engine import Database
from kayseri_desktop.services.bus import Change, ChangeBus
from kayseri_desktop.services.tracking import ENTITIES

CHANNEL = "kayseri_changes"
MAX_PAYLOAD = 7900
log = logging.getLogger(__name__)


def conninfo(url: str) -> str:
    """A psycopg connection string from a SQLAlchemy URL (postgresql+psycopg://...)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def payload(sender: str, change: Change) -> str:
    body = {"s": sender, "e": change.entity, "i": sorted(change.ids), "a": change.action}
    data = json.dumps(body, separators=(",", ":"))
    if len(data.encode()) > MAX_PAYLOAD:
        body["i"] = []
        data = json.dumps(body, separators=(",", ":"))
    return data


class NotifySender:
    """Sends this copy's local changes to everyone listening on the same database."""

    def __init__(self, db: Database, bus: ChangeBus, sender: str) -> None:
        self.db = db
        self.sender = sender
        self._unsubscribe: Callable[[], None] | None = bus.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change.origin != "local":
            return
        try:
            with self.db.engine.connect() as conn:
                conn.execute(
                    text("SELECT pg_notify(:channel, :payload)"),
                    {"channel": CHANNEL, "payload": payload(self.sender, change)},
                )
                conn.commit()
        except Exception:  # others refresh on reconnect; a lost notice must not fail a save
            log.warning("NOTIFY gönderilemedi", exc_info=True)

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


class ChangeListener(threading.Thread):
    """LISTEN on its own connection; republish others' changes on the bus as external."""

    def __init__(
        self,
        url: str,
        bus: ChangeBus,
        sender: str,
        *,
        poll_seconds: float = 0.5,
        max_pause: float = 10.0,
    ) -> None:
        super().__init__(name="kayseri-listen", daemon=True)
        self.conninfo = conninfo(url)
        self.bus = bus
        self.sender = sender
        self.poll_seconds = poll_seconds
        self.max_pause = max_pause
        self.connected = threading.Event()
        self.reconnects = 0
        self._halt = threading.Event()
        self._conn: psycopg.Connection | None = None

    def run(self) -> None:
        pause = 0.2
        first = True
        while not self._halt.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True, connect_timeout=5) as conn:
                    self._conn = conn
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.connected.set()
                    if not first:
                        self.reconnects += 1
                        self._full_refresh()
                    first = False
                    pause = 0.2
                    while not self._halt.is_set():
                        for note in conn.notifies(timeout=self.poll_seconds):
                            self._deliver(note.payload)
            except psycopg.Error:
                self.connected.clear()
                if self._halt.wait(pause):
                    break
                pause = min(pause * 2, self.max_pause)
            finally:
                self._conn = None
        self.connected.clear()

    def _deliver(self, raw: str) -> None:
        try:
            data = json.loads(raw)
            if data.get("s") == self.sender:
                return
            ids = [int(i) for i in data.get("i", [])]
            self.bus.publish(str(data["e"]), ids, str(data.get("a", "update")), "external")
        except (ValueError, KeyError, TypeError):
            log.warning("Anlaşılmayan bildirim: %r", raw)

    def _full_refresh(self) -> None:
        # One publish per kind, not bus.batch(): a batch belongs to the thread that writes.
        for entity in sorted(set(ENTITIES.values())):
            self.bus.publish(entity, (), "update", "external")

    def drop_connection(self) -> None:
        """Close the current connection (tests use it to exercise a reconnect)."""
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.pgconn.finish()

    def stop(self, timeout: float = 5.0) -> None:
        self._halt.set()
        self.join(timeout)


def new_sender_id() -> str:
    return uuid.uuid4().hex


class LiveChanges:
    """Both halves for one open database, set up by open_context() on PostgreSQL.

    Every copy sends; only copies that show data (the window) also listen.
    """

    def __init__(self, db: Database, bus: ChangeBus, *, listen: bool) -> None:
        self.sender = new_sender_id()
        self.notifier = NotifySender(db, bus, self.sender)
        self.listener: ChangeListener | None = None
        if listen:
            self.listener = ChangeListener(db.url, bus, self.sender)
            self.listener.start()

    def close(self) -> None:
        self.notifier.close()
        if self.listener is not None:
            self.listener.stop()
