"""Yardım > Hakkında: versions of the app, its database schema and its libraries."""

from __future__ import annotations

import platform

import pyqtgraph
import PySide6
import sqlalchemy
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from kayseri_desktop import __version__
from kayseri_desktop.data import migrations
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui.forms import load_form

translate = QCoreApplication.translate


def library_versions() -> str:
    return "\n".join(
        [
            f"Python {platform.python_version()}",
            f"Qt {qVersion()}",
            f"PySide6 {PySide6.__version__}",
            f"SQLAlchemy {sqlalchemy.__version__}",
            f"pyqtgraph {pyqtgraph.__version__}",
        ]
    )


def schema_text(db: Database) -> str:
    current = migrations.current_revision(db.engine) or "—"
    head = migrations.head_revision()
    if current == head:
        return current
    return f"{current} " + translate("AboutDialog", "(uygulamanın şeması: %1)").replace("%1", head)


def create_about_dialog(db: Database, parent: QWidget | None = None) -> QDialog:
    """The Hakkında dialog from ui/about_dialog.ui, filled in (all labels plain text)."""
    dialog = load_form("about_dialog", parent)
    assert isinstance(dialog, QDialog)
    database = db.display_name()
    if db.readonly:
        database += " " + translate("AboutDialog", "(salt okunur)")
    values = {
        "versionValue": __version__,
        "databaseValue": database,
        "schemaValue": schema_text(db),
        "librariesValue": library_versions(),
    }
    for name, text in values.items():
        label = dialog.findChild(QLabel, name)
        assert label is not None, name
        label.setText(text)
    return dialog


def about_text(dialog: QDialog) -> str:
    """Every label's text, top to bottom (for tests and for copying into a bug report)."""
    return "\n".join(label.text() for label in dialog.findChildren(QLabel) if label.text())
