"""Undoable registry actions for the window's undo stack (Düzen > Geri al, Ctrl+Z)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from kayseri_desktop.data.engine import Database
from kayseri_desktop.services import registry


class DeleteFirmsCommand(QUndoCommand):
    """Soft delete as an undoable step: undo restores the firms from the recycle bin."""

    def __init__(self, db: Database, ids: list[int], text: str, after: Callable[[], None]) -> None:
        super().__init__(text)
        self.db = db
        self.ids = ids
        self.after = after

    def redo(self) -> None:
        registry.soft_delete(self.db, self.ids)
        self.after()

    def undo(self) -> None:
        registry.restore(self.db, self.ids)
        self.after()
