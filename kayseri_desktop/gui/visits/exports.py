"""Exporting the shown range of the calendar: Excel schedule and iCalendar file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from kayseri_desktop.data.engine import Database
from kayseri_desktop.exchange.visits_ics import export_ics
from kayseri_desktop.exchange.visits_xlsx import export_visits
from kayseri_desktop.gui import messages
from kayseri_desktop.gui.formatting import fill, number


def _ask_path(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), filters)
    return Path(path) if path else None


def _report(parent: QWidget, path: Path, n: int | None, error: Exception | None) -> None:
    if error is not None:
        messages.critical(
            parent,
            QCoreApplication.translate("VisitExports", "Dışa aktarılamadı"),
            fill(QCoreApplication.translate("VisitExports", "%1 yazılamadı."), path),
            str(error),
        )
        return
    messages.information(
        parent,
        QCoreApplication.translate("VisitExports", "Dışa aktarıldı"),
        fill(
            QCoreApplication.translate("VisitExports", "%1 ziyaret %2 dosyasına yazıldı."),
            number(n),
            path,
        ),
    )


def export_schedule_xlsx(
    parent: QWidget, db: Database, first: dt.date, last: dt.date
) -> Path | None:
    path = _ask_path(
        parent,
        QCoreApplication.translate("VisitExports", "Ziyaret takvimini Excel'e aktar"),
        f"ziyaretler-{first:%Y%m%d}-{last:%Y%m%d}.xlsx",
        QCoreApplication.translate("VisitExports", "Excel çalışma kitabı (*.xlsx)"),
    )
    if path is None:
        return None
    try:
        with messages.busy():
            n = export_visits(db, path, first, last)
    except OSError as exc:
        _report(parent, path, None, exc)
        return None
    _report(parent, path, n, None)
    return path


def export_schedule_ics(
    parent: QWidget, db: Database, first: dt.date, last: dt.date, staff_id: int | None
) -> Path | None:
    path = _ask_path(
        parent,
        QCoreApplication.translate("VisitExports", "Ziyaretleri iCalendar olarak aktar"),
        f"ziyaretler-{first:%Y%m%d}-{last:%Y%m%d}.ics",
        QCoreApplication.translate("VisitExports", "iCalendar (*.ics)"),
    )
    if path is None:
        return None
    try:
        n = export_ics(db, path, first, last, staff_id=staff_id)
    except (OSError, LookupError) as exc:
        _report(parent, path, None, exc)
        return None
    _report(parent, path, n, None)
    return path
