"""The change bus: services announce what changed, views and charts listen.

Pure Python so the command line needs no Qt. The GUI bridges it to a Qt signal
(gui/bus_bridge.py) that coalesces bursts: an import of 10,000 rows is one
announcement per entity kind, not 10,000.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    """What changed: an entity kind ("firm", "visit", ...), the ids touched, and how.

    ``ids`` empty means "anything of this kind may have changed" (a reload).
    ``origin`` is "local" for this process, "external" for another copy or user.
    """

    entity: str
    ids: frozenset[int] = field(default_factory=frozenset)
    action: str = "update"
    origin: str = "local"


Listener = Callable[[Change], None]


class ChangeBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        # A batch holds the announcements of the thread that opened it, not of others
        # (the PostgreSQL listener thread publishes while the GUI thread imports).
        self._local = threading.local()

    @property
    def _held(self) -> list[Change] | None:
        return getattr(self._local, "held", None)

    @_held.setter
    def _held(self, value: list[Change] | None) -> None:
        self._local.held = value

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(
        self,
        entity: str,
        ids: Iterable[int] = (),
        action: str = "update",
        origin: str = "local",
    ) -> None:
        change = Change(entity, frozenset(ids), action, origin)
        if self._held is not None:
            self._held.append(change)
            return
        self._deliver(change)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Hold announcements while a bulk operation runs; deliver one per entity at the end.

        Nothing is announced if the block raises (the transaction rolled back).
        """
        if self._held is not None:  # nested: the outer batch delivers
            yield
            return
        self._held = []
        try:
            yield
        except BaseException:
            self._held = None
            raise
        held, self._held = self._held, None
        merged: dict[tuple[str, str], set[int]] = {}
        actions: dict[tuple[str, str], set[str]] = {}
        for ch in held:  # one announcement per entity kind and origin
            key = (ch.entity, ch.origin)
            merged.setdefault(key, set()).update(ch.ids)
            actions.setdefault(key, set()).add(ch.action)
        for (entity, origin), ids in merged.items():
            acts = actions[(entity, origin)]
            action = next(iter(acts)) if len(acts) == 1 else "update"
            self._deliver(Change(entity, frozenset(ids), action, origin))

    def _deliver(self, change: Change) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(change)
