"""Start-up probe: with KAYSERI_STARTUP_PROBE=1 the program quits once its main window painted.

Used by benchmarks/bench_startup.py to time "start to a shown window" the same way
for the bundle, for the source tree and for a bare PySide6 QMainWindow: the
probe creates the QApplication early (the app reuses an existing instance),
watches for the first paint of any widget inside a QMainWindow, prints one
marker line and ends the event loop. Without the variable it does nothing, so
the installed program is unaffected.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

ENV = "KAYSERI_STARTUP_PROBE"
MARKER = "KAYSERI_WINDOW_SHOWN"

_watchers: list[object] = []  # keeps the event filter alive for the process's lifetime


def requested() -> bool:
    return bool(os.environ.get(ENV))


def install(argv: Sequence[str] | None = None) -> bool:
    """Install the probe if KAYSERI_STARTUP_PROBE is set; returns whether it did."""
    if not requested():
        return False
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))

    class Watcher(QObject):
        done = False

        def eventFilter(self, obj, event):
            if (
                not self.done
                and event.type() == QEvent.Type.Paint
                and isinstance(obj, QWidget)
                and isinstance(obj.window(), QMainWindow)
            ):
                self.done = True
                print(MARKER, flush=True)
                QTimer.singleShot(0, QApplication.quit)
            return False

    watcher = Watcher()
    app.installEventFilter(watcher)
    _watchers.append(watcher)
    return True
