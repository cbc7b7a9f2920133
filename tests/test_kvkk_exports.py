"""KVKK (issue 14): a contact without recorded consent never leaves the app, by any path.

Every export and document is produced the way a person produces it (the command
line, the Dosya menu's full-export dialog with its real button) from a demo
database, and the files themselves are searched: the sheets' XML inside the .xlsx,
the text of the PDF. A withheld contact's e-mail and phone are also typed into free
text (a visit's needs, a decision, the agenda, a firm's address and notes) the way
staff do; they must come out masked.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import zipfile
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from sqlalchemy import select

from kayseri_desktop.cli import main as cli_main
from kayseri_desktop.core.turkish import thousands
from kayseri_desktop.data import models as m
from kayseri_desktop.gui.pack_dialog import FullExportDialog
from kayseri_desktop.services import demo, privacy

TODAY = dt.date(2026, 11, 25)


def _local(phone: str) -> str:
    """A phone as staff type it in a note: "+90 540 455 44 61" → "0540 455 44 61"."""
    digits = re.sub(r"\D", "", phone)[-10:]
    return f"0{digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"


@pytest.fixture
def kvkk(ctx):
    demo.generate(ctx.db, firms=300, today=TODAY)
    with ctx.db.write() as s:
        live = (
            select(m.Contact)
            .join(m.Firm, m.Firm.id == m.Contact.firm_id)
            .where(m.Firm.deleted_at.is_(None))
        )
        contacts = s.scalars(live).all()
        withheld = [c for c in contacts if not c.kvkk_consent]
        consenting = [c for c in contacts if c.kvkk_consent]
        assert withheld and consenting  # the demo has both kinds
        victim = withheld[0]
        typed = f"Aranacak: {victim.email.upper()}, {_local(victim.phone)}"
        meetings = s.scalars(select(m.Meeting).order_by(m.Meeting.held_on)).all()
        held = [mt for mt in meetings if mt.held_on <= TODAY]
        meeting, previous = held[-1], held[-2]
        visit = s.scalars(
            select(m.Visit)
            .join(m.Firm, m.Firm.id == m.Visit.firm_id)
            .where(
                m.Firm.deleted_at.is_(None),
                m.Visit.status == "done",
                m.Visit.starts_at >= dt.datetime.combine(previous.held_on, dt.time(23, 59)),
                m.Visit.starts_at < dt.datetime.combine(meeting.held_on, dt.time()),
            )
            .order_by(m.Visit.starts_at)
        ).first()
        visit.needs = f"{visit.needs or ''} {typed}"
        meeting.decisions.append(
            m.Decision(text=f"Firma ile görüşülecek. {typed}", due_date=meeting.held_on)
        )
        meeting.agenda.append(m.AgendaItem(position=99, text=f"Bilgi notu {typed}"))
        victim.firm.address = f"{victim.firm.address or ''} (yetkili: {typed})"
        victim.firm.notes = typed
        ctx.withheld = [(c.email, c.phone) for c in withheld]
        ctx.consenting = [(c.email, c.phone) for c in consenting]
        ctx.typed = [victim.email, victim.email.upper(), _local(victim.phone)]
        ctx.meeting_id = meeting.id
    ctx.db_arg = str(ctx.db.path)
    return ctx


def _xlsx_text(path) -> str:
    """Every string in the workbook's XML parts (shared strings, inline strings, sheets)."""
    with zipfile.ZipFile(path) as z:
        return html.unescape("\n".join(z.read(n).decode("utf-8") for n in z.namelist()))


def _pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _squeezed(text: str) -> str:
    """Without whitespace: a PDF cell may wrap an address or a number across lines."""
    return re.sub(r"\s+", "", text)


def assert_nothing_withheld(kvkk, text: str) -> None:
    flat = _squeezed(text).casefold()
    leaked = [
        value
        for email, phone in kvkk.withheld
        for value in (email, phone)
        if value and _squeezed(value).casefold() in flat
    ]
    leaked += [t for t in kvkk.typed if _squeezed(t).casefold() in flat]
    assert leaked == [], f"{len(leaked)} withheld values in the file, e.g. {leaked[:3]}"


def assert_masked(text: str) -> None:
    assert _squeezed(privacy.MASK) in _squeezed(text)  # the typed ones were there, masked


def assert_all_consenting(kvkk, text: str) -> None:
    missing = [e for e, p in kvkk.consenting if e not in text or p not in text]
    assert missing == [], f"{len(missing)} consenting contacts missing, e.g. {missing[:3]}"


def left_out_line(kvkk) -> str:
    return f"KVKK onayı olmayan {thousands(len(kvkk.withheld))} yetkili dışarıda bırakıldı"


def test_cli_firm_export_with_contacts(kvkk, tmp_path, capsys):
    out = tmp_path / "firmalar.xlsx"
    argv = ["export", "firms", str(out), "--db", kvkk.db_arg, "--with-contacts"]
    assert cli_main(argv) == 0
    text = _xlsx_text(out)
    assert_nothing_withheld(kvkk, text)
    assert_all_consenting(kvkk, text)
    assert_masked(text)  # the address staff typed the number into
    printed = capsys.readouterr().out
    assert left_out_line(kvkk) in printed
    assert f"Yetkililer: {thousands(len(kvkk.consenting))} yazıldı." in printed


def test_cli_full_export_with_contacts(kvkk, tmp_path, capsys):
    out = tmp_path / "hepsi.xlsx"
    assert cli_main(["export", "all", str(out), "--db", kvkk.db_arg, "--with-contacts"]) == 0
    text = _xlsx_text(out)
    assert_nothing_withheld(kvkk, text)
    assert_all_consenting(kvkk, text)
    assert_masked(text)
    printed = capsys.readouterr().out
    assert left_out_line(kvkk) in printed
    assert "e-posta/telefon, KVKK onayı olmayan yetkililere ait olduğu için" in printed


def test_cli_full_export_without_contacts_has_none(kvkk, tmp_path, capsys):
    out = tmp_path / "hepsi.xlsx"
    assert cli_main(["export", "all", str(out), "--db", kvkk.db_arg]) == 0
    text = _xlsx_text(out)
    assert_nothing_withheld(kvkk, text)
    assert not any(email in text for email, _ in kvkk.consenting)  # not asked for
    assert "yetkili dışarıda bırakıldı" not in capsys.readouterr().out


@pytest.mark.parametrize("suffix", ["xlsx", "pdf"])
def test_cli_meeting_pack_carries_no_withheld_contact(kvkk, tmp_path, capsys, suffix):
    out = tmp_path / f"paket.{suffix}"
    argv = ["meeting-pack", "--db", kvkk.db_arg, "--meeting", str(kvkk.meeting_id)]
    assert cli_main([*argv, "--out", str(out)]) == 0
    text = _xlsx_text(out) if suffix == "xlsx" else _pdf_text(out)
    assert "Firma ile görüşülecek" in _squeezed(text) or "Firmaile" in _squeezed(text)
    assert_nothing_withheld(kvkk, text)
    assert_masked(text)
    assert not any(email in text for email, _ in kvkk.consenting)  # a pack has no contacts
    assert "KVKK onayı olmayan yetkililere ait olduğu için" in capsys.readouterr().out


def test_gui_full_export_button_writes_only_consenting_and_says_so(
    qtbot, kvkk, tmp_path, monkeypatch, message_boxes
):
    target = tmp_path / "arsiv.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = FullExportDialog(kvkk)
    qtbot.addWidget(dialog)
    dialog.show()
    n = thousands(len(kvkk.withheld))
    assert f"onayı olmayan {n} yetkili" in dialog.kvkk_note.text()  # said before exporting
    qtbot.mouseClick(dialog.with_contacts, Qt.MouseButton.LeftButton)
    assert dialog.with_contacts.isChecked()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.written == target
    text = _xlsx_text(target)
    assert_nothing_withheld(kvkk, text)
    assert_all_consenting(kvkk, text)
    assert_masked(text)
    (shown,) = message_boxes.texts()
    assert left_out_line(kvkk) in shown
    assert f"Yazılan yetkili: {thousands(len(kvkk.consenting))}." in shown


def _contact(consent, day):
    return SimpleNamespace(kvkk_consent=consent, kvkk_consent_date=day)


def test_the_rule_itself():
    day = dt.date(2025, 1, 1)
    rows = [_contact(True, day), _contact(True, None), _contact(False, day), _contact(None, None)]
    released = privacy.release(rows)
    assert released.kept == rows[:1] and released.left_out == 3  # undated consent stays in
    assert released.note.startswith("KVKK onayı olmayan 3 yetkili dışarıda bırakıldı")
    assert privacy.release([]).note.startswith("Tüm yetkililerin KVKK onayı kayıtlı")
    withheld = privacy.Withheld(frozenset({"ayse@ornek.com.tr"}), frozenset({"5404554461"}))
    assert withheld.scrub("Ayşe: AYSE@ornek.com.tr, +90 (540) 455-44-61") == (
        f"Ayşe: {privacy.MASK}, {privacy.MASK}"
    )
    assert withheld.scrub("0532 111 22 33 ve 05404554461") == f"0532 111 22 33 ve {privacy.MASK}"
    assert withheld.scrub("VKN 1234567890, 12 adet") == "VKN 1234567890, 12 adet"
    assert withheld.masked == 3
