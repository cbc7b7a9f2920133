"""The change bus: services announce what changed, views and charts listen.

Pure Python so the command line needs no Qt. The GUI bridges it to a Qt signal
(gui/bus_bridge.py) that coalesces bursts: an import of 10,000 rows is one
announcement per entity kind, not 10,000.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
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
        self._held: list[Change] | None = None

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
    def batch(self):
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
        merged: dict[str, set[int]] = {}
        actions: dict[str, set[str]] = {}
        for ch in held:
            merged.setdefault(ch.entity, set()).update(ch.ids)
            actions.setdefault(ch.entity, set()).add(ch.action)
        for entity, ids in merged.items():
            acts = actions[entity]
            self._deliver(
                Change(entity, frozenset(ids), acts.pop() if len(acts) == 1 else "update")
            )

    def _deliver(self, change: Change) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(change)
