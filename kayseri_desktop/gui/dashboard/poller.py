"""Drives services/external_changes.py from a Qt timer on the GUI thread.

Every ``INTERVAL_MS`` the watcher asks SQLite whether another connection committed
(microseconds when nothing did); what it finds is published on the change bus with
``origin="external"``, and the bus bridge redraws the views as for a local edit. So a
change saved by another copy of the app shows within half a second plus a redraw.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from kayseri_desktop.services.context import AppContext
from kayseri_desktop.services.external_changes import ExternalChangeWatcher

INTERVAL_MS = 500
log = logging.getLogger(__name__)


class ExternalChangePoller(QObject):
    def __init__(
        self, ctx: AppContext, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS
    ) -> None:
        super().__init__(parent)
        self.watcher: ExternalChangeWatcher | None = None
        try:
            self.watcher = ExternalChangeWatcher(ctx.db, ctx.bus)
        except Exception:  # an unreadable file: the app still works, without the watcher
            log.exception("external change watcher not started for %s", ctx.db.display_name())
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        if self.watcher is not None:
            self.timer.start()

    def poll(self) -> set[str]:
        if self.watcher is None:
            return set()
        try:
            return self.watcher.poll()
        except Exception:  # a busy or vanished file: try again on the next tick
            log.warning("polling for external changes failed", exc_info=True)
            return set()

    def close(self) -> None:
        self.timer.stop()
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None
