"""Runs the Pano's aggregate queries on a worker thread, one section after another.

The GUI thread asks for a set of sections; a worker thread computes them (pure
services calls, no widgets) cheapest first and hands each result back through a
queued signal, so the cheap charts redraw while the heavy ones are still being
counted and typing elsewhere never waits for a query. Sections named ``apart``
(the theme averages, the one heavy query on 100,000 firms) run on a second worker
thread at the same time, so the other charts do not queue behind them. Requests
that arrive while a batch runs are merged into one follow-up batch: a burst of
changes costs at most one batch running and one waiting.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

Compute = Callable[[str, Any], Any]


class SectionLoader(QObject):
    ready = Signal(int, str, object)
    """(generation, section, result) for each section computed, on the GUI thread."""
    finished = Signal(int, object)
    """(generation, set of sections) when a batch is done, on the GUI thread."""

    def __init__(
        self,
        compute: Compute,
        order: Iterable[str],
        parent: QObject | None = None,
        *,
        apart: Iterable[str] = (),
    ):
        super().__init__(parent)
        self._compute = compute
        self._order = list(order)
        self._apart = frozenset(apart)
        self._running = False
        self._pending: set[str] = set()
        self._params: Any = None
        self.generation = 0
        self.finished.connect(self._on_finished)

    @property
    def busy(self) -> bool:
        return self._running or bool(self._pending)

    def request(self, sections: set[str], params: Any) -> None:
        """Compute these sections with these parameters (merged with what is waiting)."""
        self._pending |= sections
        self._params = params
        if not self._running:
            self._start()

    def restart(self) -> None:
        """Forget what runs or waits (another database): late results are dropped."""
        self.generation += 1
        self._pending = set()

    def _start(self) -> None:
        sections, self._pending = self._pending, set()
        if not sections:
            return
        self._running = True
        parts = [p for p in (sections - self._apart, sections & self._apart) if p]
        batch = _Batch(len(parts))
        for part in parts:
            worker = threading.Thread(
                target=self._run,
                args=(self.generation, part, self._params, batch),
                name="pano-queries",
                daemon=True,
            )
            worker.start()

    def _run(self, generation: int, sections: set[str], params: Any, batch: _Batch) -> None:
        done: set[str] = set()
        try:
            for section in (s for s in self._order if s in sections):
                try:
                    result = self._compute(section, params)
                except Exception:  # a closed or busy database: the next change retries
                    log.warning("dashboard section %s failed", section, exc_info=True)
                    continue
                done.add(section)
                self.ready.emit(generation, section, result)
        except RuntimeError:  # the loader was deleted with its window
            return
        finally:
            everything = batch.part_done(done)
        if everything is None:  # the other worker is still counting
            return
        try:
            self.finished.emit(generation, everything)
        except RuntimeError:
            return

    def _on_finished(self, _generation: int, _done: object) -> None:
        self._running = False
        if self._pending:
            self._start()


class _Batch:
    """The workers of one batch: the last to finish reports every section done."""

    def __init__(self, parts: int) -> None:
        self._lock = threading.Lock()
        self._left = parts
        self._done: set[str] = set()

    def part_done(self, done: set[str]) -> set[str] | None:
        with self._lock:
            self._done |= done
            self._left -= 1
            return set(self._done) if self._left == 0 else None
