"""Undoing a reschedule (Düzen > Geri al after dragging a visit to another slot)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QUndoCommand

from kayseri_desktop.data.engine import Database
from kayseri_desktop.services import visits as sv

log = logging.getLogger(__name__)


class MoveVisitCommand(QUndoCommand):
    def __init__(
        self, db: Database, visit_id: int, before: sv.VisitDraft, after: sv.VisitDraft, text: str
    ) -> None:
        super().__init__(text)
        self.db, self.visit_id, self.before, self.after = db, visit_id, before, after

    def _apply(self, draft: sv.VisitDraft) -> None:
        try:
            sv.update_visit(self.db, self.visit_id, draft)
        except (sv.VisitError, PermissionError) as exc:  # deleted, changed, or read-only
            log.warning("ziyaret %s geri alınamadı: %s", self.visit_id, exc)
            self.setObsolete(True)

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
