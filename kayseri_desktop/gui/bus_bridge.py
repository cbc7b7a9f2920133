"""Bridge from the pure-Python ChangeBus to one coalesced Qt signal.

Services publish on the bus from whatever thread did the work (an import worker,
a sync poller). The bridge collects the entity kinds under a lock and wakes the
GUI thread through a queued signal, only when the pending set goes from empty to
non-empty; a single-shot timer on the GUI thread then emits ``changed`` once with
everything collected. A burst of 10,000 publishes therefore costs 10,000 set
insertions, one queued event and one ``changed`` emission.

The timer is a throttle, not a fixed wait: after a quiet spell the first change is
emitted on the next event-loop turn (what a burst published in one go needs to be
collected whole), so a saved edit reaches the charts at once; while changes keep
coming (a worker importing in many transactions) emissions are at least
``min_interval_ms`` apart, so the tabs redraw at most about 60 times a second.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from kayseri_desktop.services.bus import Change, ChangeBus

MIN_INTERVAL_MS = 16
"""Least time between two ``changed`` emissions (one frame at 60 Hz)."""


class BusBridge(QObject):
    changed = Signal(object)
    """Emitted on the GUI thread with a ``set[str]`` of entity kinds that changed."""

    _wake = Signal()

    def __init__(
        self,
        bus: ChangeBus,
        parent: QObject | None = None,
        *,
        min_interval_ms: int = MIN_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending: set[str] = set()
        self._woken = False
        self._min_interval = min_interval_ms / 1000
        self._last_emit = float("-inf")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)
        # Queued even from the GUI thread: publish() never runs GUI code re-entrantly.
        self._wake.connect(self._start_timer, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = bus.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        """Bus listener; may run on any thread."""
        with self._lock:
            self._pending.add(change.entity)
            if self._woken:
                return
            self._woken = True
        with contextlib.suppress(RuntimeError):  # C++ object gone (window closed mid-publish)
            self._wake.emit()

    def _start_timer(self) -> None:
        if self._timer.isActive():
            return
        wait = self._min_interval - (time.monotonic() - self._last_emit)
        self._timer.start(round(max(0.0, wait) * 1000))  # 0: the next event-loop turn

    def _flush(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, set()
            self._woken = False
        if pending:
            self._last_emit = time.monotonic()
            self.changed.emit(pending)

    def flush_now(self) -> None:
        """Emit what is pending without waiting for the timer (before a close, in tests)."""
        self._timer.stop()
        self._flush()

    def close(self) -> None:
        """Stop listening to the bus; call before dropping the bridge or its context."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._timer.stop()
