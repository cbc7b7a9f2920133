"""The Dosya menu's meeting-pack and full-export dialogs, driven as a person would."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from kayseri_desktop.gui.main_window import MainWindow
from kayseri_desktop.gui.pack_dialog import FullExportDialog, MeetingPackDialog
from kayseri_desktop.services import demo


@pytest.fixture
def filled(ctx):
    demo.generate(ctx.db, firms=120, today=dt.date(2026, 11, 25))
    return ctx


def _save_to(monkeypatch, path):
    asked = []

    def fake(*args, **kwargs):
        asked.append(args)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return asked


def test_menu_action_opens_the_pack_dialog_and_writes_a_pdf(
    qtbot, filled, tmp_path, monkeypatch, message_boxes
):
    window = MainWindow(filled)
    qtbot.addWidget(window)
    opened = []
    monkeypatch.setattr(MeetingPackDialog, "exec", lambda self: opened.append(self) or 0)
    window.pack_action.trigger()
    (dialog,) = opened
    assert dialog.meeting.count() >= 5  # newest first
    dialog.meeting.setCurrentIndex(1)
    _save_to(monkeypatch, tmp_path / "paket")  # no extension typed: .pdf is added
    dialog.create_pack()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.written == tmp_path / "paket.pdf"
    assert len(PdfReader(dialog.written).pages) >= 5
    assert message_boxes.shown[-1][1] == "Paket hazır"


def test_pack_dialog_writes_excel_and_reports_failures(
    qtbot, filled, tmp_path, monkeypatch, message_boxes
):
    dialog = MeetingPackDialog(filled)
    qtbot.addWidget(dialog)
    dialog.as_xlsx.setChecked(True)
    _save_to(monkeypatch, tmp_path / "paket.xlsx")
    dialog.create_pack()
    assert load_workbook(dialog.written).sheetnames[0] == "Özet"
    not_a_folder = tmp_path / "not-a-folder.txt"
    not_a_folder.write_text("x")
    _save_to(monkeypatch, not_a_folder / "paket.pdf")  # its "folder" is a file
    dialog2 = MeetingPackDialog(filled)
    qtbot.addWidget(dialog2)
    dialog2.create_pack()
    assert dialog2.written is None and message_boxes.shown[-1][1] == "Paket hazırlanamadı"


def test_cancelling_the_file_picker_writes_nothing(qtbot, filled, monkeypatch, message_boxes):
    dialog = MeetingPackDialog(filled)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    dialog.create_pack()
    assert dialog.written is None and message_boxes.shown == []


def test_full_export_leaves_contacts_out_unless_ticked(
    qtbot, filled, tmp_path, monkeypatch, message_boxes
):
    dialog = FullExportDialog(filled)
    qtbot.addWidget(dialog)
    _save_to(monkeypatch, tmp_path / "arsiv.xlsx")
    dialog.export()
    assert "Yetkililer" not in load_workbook(dialog.written, read_only=True).sheetnames
    dialog = FullExportDialog(filled)
    qtbot.addWidget(dialog)
    dialog.with_contacts.setChecked(True)
    _save_to(monkeypatch, tmp_path / "kisisel.xlsx")
    dialog.export()
    assert "Yetkililer" in load_workbook(dialog.written, read_only=True).sheetnames


def test_meetings_tab_button_opens_the_pack_for_the_selected_meeting(qtbot, filled, monkeypatch):
    window = MainWindow(filled)
    qtbot.addWidget(window)
    opened = []
    monkeypatch.setattr(MeetingPackDialog, "exec", lambda self: opened.append(self) or 0)
    tab = window.meetings_tab
    tab.table.selectRow(2)
    chosen = tab.selected_meeting()
    qtbot.mouseClick(tab.pack_button, Qt.MouseButton.LeftButton)
    (dialog,) = opened
    assert dialog.meeting.currentData() == chosen.id
