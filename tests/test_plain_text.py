"""User text is plain text in every view: HTML typed into a field is shown as typed.

Every free-text column of every table of a demo database is overwritten with an HTML
payload (bold text and an image on a network path). The window then opens every page
and selects a row in every table; every model's display and tooltip values, every
widget's tooltip and every label must show the payload literally: nothing drawn bold,
no image fetched from the path.
"""

from __future__ import annotations

import sqlalchemy as sa
from conftest import TODAY
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QWidget,
)
from test_every_action import (
    Probe,
    bring_forward,
    press_everything,
    select_rows,
    show_every_page,
)

from kayseri_desktop.data import models as m
from kayseri_desktop.gui.main_window import MainWindow
from kayseri_desktop.gui.registry.firm_detail import FirmDetailDialog
from kayseri_desktop.gui.table_model import Column, TableModel
from kayseri_desktop.services import demo

PAYLOAD = '<b>x</b><img src="file://host/share/x.png">'
MARK = "x.png"
CODES = {"sector", "district", "osb", "size_class", "kind", "theme", "mode", "status", "role"}
"""Catalogue codes, not text a person types (shown through their catalogue's label)."""
NAMED_TABLES = {
    *("firmsTable", "institutionsTable", "projectsTable", "meetingsTable", "weekVisitsTable"),
    *("agendaTable", "overdueDecisionsTable", "milestonesTable", "actionItemsTable"),
    *("decisionsTable", "placeFirms", "staffTable", "staffVisitsTable"),
}
"""The tables issue 17 found drawing user text as rich text, and the registry's own."""
INTERNAL_TABLES = {"audit_entries", "settings", "value_synonyms", "targets", "alembic_version"}


def fill_with_html(db) -> list[str]:
    """Every free-text column that accepts it set to PAYLOAD + the row's id."""
    filled = []
    for table in m.Base.metadata.sorted_tables:
        if table.name in INTERNAL_TABLES or "id" not in table.c:
            continue
        for column in table.columns:
            if not isinstance(column.type, sa.String) or column.primary_key:
                continue
            if column.foreign_keys or column.name in CODES:
                continue
            value = sa.literal(PAYLOAD) + sa.cast(table.c.id, sa.String)
            try:
                with db.engine.begin() as conn:
                    conn.execute(sa.update(table).values({column.name: value}))
            except sa.exc.DBAPIError:
                continue  # a checked column (a tax number's digits): not free text
            filled.append(f"{table.name}.{column.name}")
    return filled


def shown_text(value: str) -> str:
    """What a tooltip or label shows for a string: Qt renders it as HTML if it looks so."""
    if GuiQt.mightBeRichText(value):
        document = QTextDocument()
        document.setHtml(value)
        return document.toPlainText()
    return value


def literal(value: str, shown: str) -> bool:
    """A value holding the payload shows it character for character."""
    return MARK not in value or PAYLOAD in shown


def test_html_payload_survives_escaping():
    """The check itself: raw HTML fails it, escaped HTML passes."""
    import html

    for value, ok in (
        (PAYLOAD + "7", False),
        ("<qt>" + html.escape(PAYLOAD) + "</qt>", True),
        ("Acme " + PAYLOAD, False),  # a tag anywhere in the first line makes it rich text
    ):
        assert literal(value, shown_text(value)) is ok, value


def test_table_model_tooltips_are_plain_text():
    model = TableModel([Column("Unvan", lambda row: row, stretch=True)])
    model.set_rows([PAYLOAD])
    index = model.index(0, 0)
    assert model.data(index) == PAYLOAD
    assert shown_text(model.data(index, Qt.ItemDataRole.ToolTipRole)) == PAYLOAD


def model_problems(name: str, model, problems: list[str], seen: set[str]) -> None:
    def walk(parent: QModelIndex, depth: int) -> None:
        try:
            columns = model.columnCount(parent)
        except TypeError:  # a list model keeps columnCount private: one column
            columns = 1
        for row in range(min(model.rowCount(parent), 150)):
            for column in range(columns):
                index = model.index(row, column, parent)
                for role, what in (
                    (Qt.ItemDataRole.DisplayRole, "display"),
                    (Qt.ItemDataRole.ToolTipRole, "tooltip"),
                ):
                    value = model.data(index, role)
                    if not isinstance(value, str) or MARK not in value:
                        continue
                    seen.add(name)
                    # Item views draw the display role as plain text; tooltips as Qt guesses.
                    text = value if role == Qt.ItemDataRole.DisplayRole else shown_text(value)
                    if not literal(value, text):
                        problems.append(f"{name} row {row} col {column} {what}: {value!r}")
            if depth < 3 and columns and model.rowCount(model.index(row, 0, parent)):
                walk(model.index(row, 0, parent), depth + 1)

    walk(QModelIndex(), 0)


def widget_problems(root: QWidget, problems: list[str], seen: set[str]) -> None:
    for widget in [root, *root.findChildren(QWidget)]:
        name = widget.objectName() or type(widget).__name__
        tip = widget.toolTip()
        if MARK in tip:
            seen.add(f"tooltip:{name}")
            if not literal(tip, shown_text(tip)):
                problems.append(f"{name} tooltip: {tip!r}")
        if isinstance(widget, QLabel) and MARK in widget.text():
            seen.add(f"label:{name}")
            text = widget.text()
            rich = widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
            )
            if not literal(text, shown_text(text) if rich else text):
                problems.append(f"label {name}: {text!r} ({widget.textFormat().name})")


def test_every_view_shows_user_html_as_typed(qtbot, ctx, monkeypatch):
    demo.generate(ctx.db, firms=300, today=TODAY)
    filled = fill_with_html(ctx.db)
    assert {"firms.title", "institutions.name", "projects.title", "decisions.text"} <= set(filled)
    window = MainWindow(ctx, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)

    show_every_page(window)  # tabs built on first show exist
    views = [
        v
        for v in window.findChildren(QAbstractItemView)
        if v.window() is window and not isinstance(v, QHeaderView)  # headers share models
    ]
    for _ in range(2):  # selecting a row fills the detail views beside it
        for view in views:
            bring_forward(view)
            select_rows(window)
            QApplication.processEvents()

    staff = window.findChild(QAbstractItemView, "staffTable")
    staff_visits = window.findChild(QAbstractItemView, "staffVisitsTable")
    bring_forward(staff)
    for row in range(staff.model().rowCount()):  # someone who has visits
        staff.selectRow(row)
        if staff_visits.model().rowCount():
            break

    problems: list[str] = []
    seen: set[str] = set()
    for view in views:
        if view.model() is not None:
            model_problems(view.objectName() or type(view).__name__, view.model(), problems, seen)
    for combo in window.findChildren(QComboBox):
        model_problems(f"combo {combo.objectName()}", combo.model(), problems, seen)
    widget_problems(window, problems, seen)

    # A firm's detail dialog shows its fields in labels.
    dialogs: list[QDialog] = []

    def keep(dialog: QDialog) -> int:
        dialogs.append(dialog)
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(QDialog, "exec", keep)
    bring_forward(window.firms_tab.table)
    window.firms_tab.table.selectRow(0)
    window.firms_tab.show_detail()
    assert [type(d) for d in dialogs] == [FirmDetailDialog]
    widget_problems(dialogs[0], problems, seen)
    for view in dialogs[0].findChildren(QAbstractItemView):
        model_problems(f"detail {view.objectName()}", view.model(), problems, seen)

    assert problems == [], "\n".join(problems)
    tables = {name for name in seen if ":" not in name and not name.startswith("combo")}
    assert tables >= NAMED_TABLES, sorted(NAMED_TABLES - tables)


def test_every_dialog_shows_user_html_as_typed(qtbot, ctx, tmp_path, monkeypatch, request):
    """Every dialog the window's buttons and menus open (the every-action probe presses
    them all): its labels, tooltips and lists show the payload literally."""
    demo.generate(ctx.db, firms=120, today=TODAY)
    fill_with_html(ctx.db)
    window = MainWindow(ctx, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    problems: list[str] = []
    seen: set[str] = set()
    checked: list[str] = []

    def check(dialog: QDialog) -> None:
        name = type(dialog).__name__
        checked.append(name)
        before = len(seen)
        widget_problems(dialog, problems, seen)
        for view in dialog.findChildren(QAbstractItemView):
            if not isinstance(view, QHeaderView) and view.model() is not None:
                model_problems(f"{name} {view.objectName()}", view.model(), problems, seen)
        if len(seen) > before:
            seen.add(f"dialog:{name}")

    probe = Probe(window, tmp_path, on_dialog=check)
    probe.install(monkeypatch)
    request.addfinalizer(lambda: QApplication.instance().removeEventFilter(probe.watcher))
    press_everything(probe, only={"button", "action", "context", "events", "open", "viewbox"})
    assert not probe.errors, "\n\n".join(probe.errors)
    assert problems == [], "\n".join(sorted(set(problems)))
    shown = {name.split(":", 1)[1] for name in seen if name.startswith("dialog:")}
    assert {"FirmDetailDialog", "ProjectDialog", "MeetingDialog"} <= shown, (shown, checked)
