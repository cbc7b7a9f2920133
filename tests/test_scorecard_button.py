"""The "Karne oluştur…" button of the firm detail writes the firm's scorecard PDF."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kayseri_desktop.gui.registry.firm_detail import FirmDetailDialog
from kayseri_desktop.services import scorecard


def _detail_of_a_visited_firm(qtbot, db) -> FirmDetailDialog:
    firm_id = scorecard.visited_firm_ids(db)[0]
    detail = FirmDetailDialog(db, firm_id)
    qtbot.addWidget(detail)
    return detail


def _answer_save_dialog(monkeypatch, path: Path, asked: list[str]) -> None:
    def fake(parent, caption, directory, filters, *args, **kwargs):
        asked.append(directory)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)


def test_button_writes_the_scorecard_pdf_of_the_firm(
    qtbot, demo_ctx, tmp_path, monkeypatch, message_boxes
):
    detail = _detail_of_a_visited_firm(qtbot, demo_ctx.db)
    out = tmp_path / "karne.pdf"
    asked: list[str] = []
    _answer_save_dialog(monkeypatch, out, asked)
    qtbot.mouseClick(detail.scorecard_button, Qt.MouseButton.LeftButton)

    assert Path(asked[0]).suffix == ".pdf"
    assert not any(ch in Path(asked[0]).name for ch in '<>:"/\\|?*')
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 1
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    assert " ".join(detail.firm_title.split()) in " ".join(text.split())
    assert [icon for icon, _, _ in message_boxes.shown] == [QMessageBox.Icon.Information]
    assert "Firma karnesi yazıldı" in message_boxes.texts()[0]
    assert "KVKK" in message_boxes.texts()[0]
    assert not list(tmp_path.glob(".*tmp"))  # no half-written temporary left behind


def test_an_unwritable_place_is_a_turkish_message_and_nothing_is_written(
    qtbot, demo_ctx, tmp_path, monkeypatch, message_boxes
):
    detail = _detail_of_a_visited_firm(qtbot, demo_ctx.db)
    blocker = tmp_path / "dosya"
    blocker.write_text("bir dosya, klasör değil")
    out = blocker / "karne.pdf"  # a "folder" that is a file: cannot be written
    _answer_save_dialog(monkeypatch, out, [])
    qtbot.mouseClick(detail.scorecard_button, Qt.MouseButton.LeftButton)

    assert not out.exists()
    assert [icon for icon, _, _ in message_boxes.shown] == [QMessageBox.Icon.Critical]
    assert "yazılamadı" in message_boxes.texts()[0]
    assert "Traceback" not in message_boxes.texts()[0]
