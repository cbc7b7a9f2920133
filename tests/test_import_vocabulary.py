"""Firm lists in the vocabularies they arrive in: NACE codes and names, TİM's sectors,
short forms, OSB and size-class names; the words nobody knows mapped once (wizard and
map file) and remembered; updates that would rename a firm held back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from kayseri_desktop.cli import main as cli_main
from kayseri_desktop.core.taxid import vkn_with_check_digit
from kayseri_desktop.core.vocabulary import FILES, read_table, vocabulary
from kayseri_desktop.data import models as m
from kayseri_desktop.exchange import firms_import as fi
from kayseri_desktop.exchange.firms_mapping import auto_mapping, detect_header
from kayseri_desktop.exchange.xlsx_reader import XlsxFile
from kayseri_desktop.gui.registry.import_wizard import ImportWizard
from kayseri_desktop.gui.registry.synonyms_dialog import SynonymsDialog
from kayseri_desktop.services import synonyms

TODAY = dt.date(2026, 11, 25)
ROOT = Path(__file__).resolve().parent.parent
HEADERS = ["Firma Unvanı", "Vergi No", "Sektör", "OSB", "Ölçek"]


def vkn(n: int) -> str:
    return vkn_with_check_digit(f"{100000000 + n}")


def build(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Firmalar"
    ws.append(["Kayseri ihracatçı firmalar (TİM sektörleriyle)"])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def firms(db) -> dict[str, tuple]:
    with db.read() as s:
        return {
            f.title: (f.sector, f.osb, f.size_class)
            for f in s.scalars(select(m.Firm).where(m.Firm.deleted_at.is_(None)))
        }


def plan_for(db, path: Path, **kw) -> fi.ImportPlan:
    with XlsxFile(path) as book:
        sheet = book.read()
    header = detect_header(sheet.rows)
    return fi.preview(db, sheet, header, auto_mapping(sheet.rows[header][1]), today=TODAY, **kw)


# -- the shipped tables --------------------------------------------------------------------


def test_the_shipped_tables_name_their_sources_and_every_row_means_a_real_value():
    folder = ROOT / "resources" / "vocabulary"
    sectors = folder / FILES["sector"]
    head = sectors.read_text(encoding="utf-8").split("\nkind,")[0]
    assert "NACE Rev.2" in head and "TÜİK" in head and "Eurostat" in head and "TİM" in head
    assert "Sanayi Bölgeleri" in (folder / FILES["osb"]).read_text(encoding="utf-8")
    assert "KOBİ" in (folder / FILES["size_class"]).read_text(encoding="utf-8")
    terms = read_table(sectors, "sector")  # a malformed row or unknown cluster raises
    kinds = {t.kind for t in terms}
    assert kinds == {"nace", "tim", "kisa"}
    assert sum(t.kind == "tim" for t in terms) >= 25  # TİM's sectors, each listed
    for field, file in FILES.items():
        assert read_table(folder / file, field)


def test_a_word_that_fits_two_clusters_is_never_filed_silently():
    v = vocabulary("sector")
    assert v.find("Mobilya, Kağıt ve Orman Ürünleri").code is None  # TİM: two clusters
    assert set(v.find("Mobilya, Kağıt ve Orman Ürünleri").codes) == {"mobilya", "ambalaj"}
    assert v.find("13").code is None  # NACE 13: textiles or home textiles
    assert v.find("13.93").code == "ev_tekstili"  # the class says which
    assert v.find("46").codes == ()  # wholesale: no cluster, asked
    assert vocabulary("osb").find("OSB").code is None
    assert vocabulary("size_class").find("KOBİ").code is None


# -- lists in these vocabularies -----------------------------------------------------------


def test_a_list_using_nace_codes_and_names_lands_in_the_clusters(ctx, tmp_path, capsys):
    rows = [
        ["Kod 28 Makine", vkn(1), "28", None, None],
        ["C.28 Makine", vkn(2), "C.28", None, None],
        ["Sınıf Makine", vkn(3), "28.22", None, None],
        ["Sayı Makine", vkn(4), 28.22, None, None],  # a number cell
        ["Ad Makine", vkn(5), "Makine ve ekipman imalatı", None, None],
        ["Resmi Ad", vkn(6), "Başka yerde sınıflandırılmamış makine ve ekipman imalatı", None,
         None],
        ["Mobilyacı", vkn(7), "C31", None, None],
        ["Halıcı", vkn(8), "13.93", None, None],
        ["Unlu Mamul", vkn(9), "10.71", None, None],
        ["Ana Metal", vkn(10), "Ana metal sanayii", None, None],
        ["Otomotivci", vkn(11), "Motorlu kara taşıtı, treyler (römork) ve yarı treyler (yarı "
         "römork) imalatı", None, None],
    ]  # fmt: skip
    path = build(tmp_path / "nace.xlsx", rows)
    assert cli_main(["import", "firms", str(path), "--db", str(ctx.db.path)]) == 0
    out = capsys.readouterr().out
    assert "Sektör “28.22” → Metal ve Makine (NACE 28.22: NACE 28 — Başka yerde" in out
    got = firms(ctx.db)
    assert {t: got[t][0] for t in got} == {
        "Kod 28 Makine": "metal", "C.28 Makine": "metal", "Sınıf Makine": "metal",
        "Sayı Makine": "metal", "Ad Makine": "metal", "Resmi Ad": "metal",
        "Mobilyacı": "mobilya", "Halıcı": "ev_tekstili", "Unlu Mamul": "gida",
        "Ana Metal": "metal", "Otomotivci": "otomotiv",
    }  # fmt: skip


def test_a_list_with_tim_sector_names_short_forms_osbs_and_sizes(ctx, tmp_path):
    rows = [
        ["Aksam A.Ş.", vkn(1), "Makine ve Aksamları", "1. OSB", "Mikro İşletme"],
        ["Konfeksiyon Ltd.", vkn(2), "Hazırgiyim ve Konfeksiyon", "Mimarsinan OSB",
         "Orta Ölçekli"],
        ["Halı A.Ş.", vkn(3), "HALI", "Kayseri Organize Sanayi Bölgesi", "Büyük Ölçekli İşletme"],
        ["Oto A.Ş.", vkn(4), "Otomotiv Endüstrisi", "İncesu OSB", None],
        ["Maden A.Ş.", vkn(5), "Madencilik Ürünleri", "Kayseri Serbest Bölgesi", None],
        ["Makine A.Ş.", vkn(6), "Makine", "KAYSERİ O.S.B.", None],
        ["Eşya A.Ş.", vkn(7), "Metal Eşya", None, None],
        ["Mobilya A.Ş.", vkn(8), "Mobilya İmalatı", "Develi OSB", None],
        ["Orman A.Ş.", vkn(9), "Mobilya, Kağıt ve Orman Ürünleri", None, None],
    ]  # fmt: skip
    plan = plan_for(ctx.db, build(tmp_path / "tim.xlsx", rows))
    # the one TİM sector that spans two clusters is asked, never filed
    [question] = plan.questions
    assert (question.value, question.rows, set(question.candidates)) == (
        "Mobilya, Kağıt ve Orman Ürünleri", 1, {"mobilya", "ambalaj"},
    )  # fmt: skip
    assert plan.counts()[fi.REFUSED] == 1
    [problem] = plan.problems()
    assert "birden çok seçeneğe uyuyor (Mobilya, Kâğıt ve Ambalaj)" in problem.reason
    plan = plan_for(ctx.db, build(tmp_path / "tim.xlsx", rows),
                    choices={("sector", question.key): "ambalaj"})  # fmt: skip
    assert plan.counts()[fi.REFUSED] == 0
    from kayseri_desktop.exchange import firms_import_write as fw

    fw.apply(ctx.db, ctx.bus, plan, user="test")
    assert firms(ctx.db) == {
        "Aksam A.Ş.": ("metal", "kayseri_osb", "mikro"),
        "Konfeksiyon Ltd.": ("tekstil", "mimarsinan_osb", "orta"),
        "Halı A.Ş.": ("ev_tekstili", "kayseri_osb", "buyuk"),
        "Oto A.Ş.": ("otomotiv", "incesu_osb", None),
        "Maden A.Ş.": ("madencilik", "serbest_bolge", None),
        "Makine A.Ş.": ("metal", "kayseri_osb", None),
        "Eşya A.Ş.": ("metal", None, None),
        "Mobilya A.Ş.": ("mobilya", "develi_osb", None),
        "Orman A.Ş.": ("ambalaj", None, None),
    }


# -- mapping the rest once: the wizard -------------------------------------------------------


def unknown_rows() -> list[list[object]]:
    return [
        ["Talaş Bir", vkn(1), "Talaşlı İmalat", None, None],
        ["Talaş İki", vkn(2), "TALAŞLI İMALAT", None, None],
        ["Talaş Üç", vkn(3), "talaşlı imalat", "Mimarsinan OSB", None],
        ["Orman Bir", vkn(4), "Mobilya, Kağıt ve Orman Ürünleri", None, None],
        ["Orman İki", vkn(5), "Mobilya Kağıt ve Orman Ürünleri", None, None],
        ["İkinci OSB", vkn(6), "Makine", "2. OSB", None],
        ["Bilinen", vkn(7), "Mobilya", None, None],
    ]


def open_wizard(qtbot, ctx, path: Path) -> ImportWizard:
    wizard = ImportWizard(ctx.db, ctx.bus, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.path_edit.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()
    return wizard


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_the_wizard_asks_each_unknown_word_once_and_remembers_the_answer(
    qtbot, ctx, tmp_path, message_boxes, capsys
):
    wizard = open_wizard(qtbot, ctx, build(tmp_path / "liste.xlsx", unknown_rows()))
    assert wizard.currentPage() is wizard.values_page
    table = wizard.values_table
    asked = [(table.item(i, 1).text(), table.item(i, 2).text()) for i in range(table.rowCount())]
    # each word once, however it is written, with the rows that carry it
    assert asked == [("Talaşlı İmalat", "3"), ("Mobilya, Kağıt ve Orman Ürünleri", "2"),
                     ("2. OSB", "1")]  # fmt: skip
    orman = wizard.value_combos[1]
    assert [orman.itemData(i) for i in (1, 2)] == ["mobilya", "ambalaj"]  # suggestions first
    assert orman.itemText(1) == "Mobilya (öneri)"
    assert wizard.remember_boxes[0].isChecked()
    assert not wizard.remember_boxes[1].isChecked()  # fits two: this list only
    # nothing chosen yet: the page stays and says which words are open
    wizard.next()
    assert wizard.currentPage() is wizard.values_page
    assert "“Talaşlı İmalat”" in wizard.values_error.text()
    choose(wizard.value_combos[0], "metal")
    choose(orman, "ambalaj")
    choose(wizard.value_combos[2], fi.REFUSE)
    assert not wizard.remember_boxes[2].isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    assert "Reddedilen: 1" in wizard.counts_label.text()
    assert wizard.preview_table.item(0, 4).text() == (
        "OSB “2. OSB” için “bu satırları reddet” seçildi."
    )
    shown = wizard.translations_table
    translated = {
        shown.item(i, 1).text(): (shown.item(i, 2).text(), shown.item(i, 4).text())
        for i in range(shown.rowCount())
    }
    assert translated["Talaşlı İmalat"] == ("Metal ve Makine", "3")
    assert translated["Mobilya, Kağıt ve Orman Ürünleri"] == ("Kâğıt ve Ambalaj", "2")
    wizard.skip_invalid.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert "6 yeni firma eklendi" in message_boxes.texts()[-1]
    got = firms(ctx.db)
    assert got["Talaş Üç"] == ("metal", "mimarsinan_osb", None)
    assert got["Orman İki"][0] == "ambalaj"
    assert "İkinci OSB" not in got
    # remembered in the database (audited), but not the answer for the two-cluster word
    remembered = {(s.field, s.value): s.code for s in synonyms.all_synonyms(ctx.db)}
    assert remembered == {("sector", "Talaşlı İmalat"): "metal"}
    with ctx.db.read() as s:
        audit = s.scalars(select(m.AuditEntry).where(m.AuditEntry.entity == "synonym")).all()
    assert [(a.action, a.field, a.new_value) for a in audit] == [
        ("create", "sector:Talaşlı İmalat", "metal")
    ]

    # the next import (a colleague's, another list) knows the word: no values page
    later = [["Talaş Dört", vkn(11), "Talaşlı  imalat", None, None],
             ["Talaş Beş", vkn(12), "TALAŞLI İMALAT", None, None]]  # fmt: skip
    second = open_wizard(qtbot, ctx, build(tmp_path / "ikinci.xlsx", later))
    assert second.currentPage() is second.preview_page
    t = second.translations_table
    assert t.item(0, 2).text() == "Metal ve Makine"
    assert t.item(0, 3).text().startswith("kayıtlı eş anlamlı (")
    # ... and so does the command line
    third = build(tmp_path / "ucuncu.xlsx", [["Talaş Altı", vkn(13), "Talaşlı İmalat", None,
                                                 None]])  # fmt: skip
    assert cli_main(["import", "firms", str(third), "--db", str(ctx.db.path)]) == 0
    assert "→ Metal ve Makine (kayıtlı eş anlamlı" in capsys.readouterr().out
    assert firms(ctx.db)["Talaş Altı"][0] == "metal"


def test_remembered_words_are_edited_and_forgotten_in_the_synonyms_dialog(qtbot, ctx):
    synonyms.save(ctx.db, ctx.bus, [("sector", "Talaşlı İmalat", "metal")], user="ayse")
    dialog = SynonymsDialog(ctx.db, ctx.bus)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 1).text() == "Talaşlı İmalat"
    assert dialog.table.item(0, 3).text() == "ayse"
    choose(dialog.meaning_combos[0], "otomotiv")
    dialog.save_button.click()
    assert synonyms.all_synonyms(ctx.db)[0].code == "otomotiv"
    dialog.new_word.setText("Pastırma")
    choose(dialog.new_meaning, "gida")
    dialog.findChild(type(dialog.save_button), "synonymsAdd").click()
    assert {s.value: s.code for s in synonyms.all_synonyms(ctx.db)} == {
        "Talaşlı İmalat": "otomotiv", "Pastırma": "gida",
    }  # fmt: skip
    dialog.table.selectRow(0)
    dialog.delete_button.click()
    assert [s.value for s in synonyms.all_synonyms(ctx.db)] == ["Talaşlı İmalat"]
    with ctx.db.read() as s:
        actions = s.scalars(
            select(m.AuditEntry.action).where(m.AuditEntry.entity == "synonym")
        ).all()
    assert sorted(actions) == ["create", "create", "purge", "update"]


def test_the_synonyms_dialog_is_reachable_from_the_menus(qtbot, ctx, monkeypatch):
    from kayseri_desktop.gui.main_window import MainWindow

    opened = []
    monkeypatch.setattr(SynonymsDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.synonyms_action.trigger()
    assert len(opened) == 1 and opened[0].table.rowCount() == 0


# -- mapping the rest once: the command line -----------------------------------------------


def test_write_map_then_map_round_trip(ctx, tmp_path, capsys):
    db = str(ctx.db.path)
    path = build(tmp_path / "liste.xlsx", unknown_rows())
    answers = tmp_path / "eslesme.json"
    argv = ["import", "firms", str(path), "--db", db]
    assert cli_main([*argv, "--dry-run", "--write-map", str(answers)]) == 1
    out = capsys.readouterr().out
    assert "Sorulacak değerler (3):" in out and "--write-map EŞLEME.json" in out
    data = json.loads(answers.read_text(encoding="utf-8"))
    assert data["sector"]["Talaşlı İmalat"]["satir_sayisi"] == 3
    assert data["sector"]["Talaşlı İmalat"]["secim"] == ""
    assert data["sector"]["Mobilya, Kağıt ve Orman Ürünleri"]["oneriler"][:2] == [
        "Mobilya", "Kâğıt ve Ambalaj"
    ]  # fmt: skip
    assert firms(ctx.db) == {}
    # an answer that is no choice is refused by name, nothing written
    data["sector"]["Talaşlı İmalat"]["secim"] = "Talaş"
    answers.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cli_main([*argv, "--map", str(answers)]) == 2
    err = capsys.readouterr().err
    assert "Sektör “Talaşlı İmalat” için seçim “Talaş” tanınmadı" in err
    # the person fills in the answers
    data["sector"]["Talaşlı İmalat"]["secim"] = "Metal ve Makine"
    data["sector"]["Mobilya, Kağıt ve Orman Ürünleri"]["secim"] = "mobilya"
    data["osb"]["2. OSB"]["secim"] = "boş bırak"
    answers.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cli_main([*argv, "--dry-run", "--map", str(answers)]) == 0
    assert cli_main([*argv, "--map", str(answers)]) == 0
    # remembered for everyone: not the answer for the word that fits two clusters
    assert "2 eşleme eş anlamlı olarak kaydedildi" in capsys.readouterr().out
    got = firms(ctx.db)
    assert got["Talaş İki"][0] == "metal" and got["Orman Bir"][0] == "mobilya"
    assert got["İkinci OSB"] == ("metal", None, None)
    assert {(s.field, s.value, s.code) for s in synonyms.all_synonyms(ctx.db)} == {
        ("sector", "Talaşlı İmalat", "metal"),
        ("osb", "2. OSB", None),
    }


# -- updates must not rename firms by accident ---------------------------------------------

FULL = ["Firma Unvanı", "Vergi No", "Sektör", "İhracat", "İhracat Ülkeleri", "Çalışan Sayısı"]


def seed(ctx, tmp_path) -> None:
    rows = [["DENEME MAKİNE", vkn(1), "Metal ve Makine", None, None, 40],
            ["ÇAĞRI MOBİLYA A.Ş.", vkn(2), "Mobilya", None, None, 12]]  # fmt: skip
    path = build(tmp_path / "ilk.xlsx", rows, FULL)
    assert cli_main(["import", "firms", str(path), "--db", str(ctx.db.path)]) == 0


def renaming_list(tmp_path) -> Path:
    rows = [
        ["ÖZGÜR IŞIK TEKSTİL", vkn(1), "Tekstil", 2_500_000, "Almanya, Irak", 40],
        ["Çağrı Mobilya Sanayi ve Ticaret Anonim Şirketi", vkn(2), "Mobilya", None, None, 15],
    ]
    return build(tmp_path / "ikinci.xlsx", rows, FULL)


def test_the_command_line_refuses_a_row_that_would_rename_a_firm(ctx, tmp_path, capsys):
    seed(ctx, tmp_path)
    capsys.readouterr()
    argv = ["import", "firms", str(renaming_list(tmp_path)), "--db", str(ctx.db.path)]
    assert cli_main(argv) == 1
    out = capsys.readouterr().out
    assert ("Vergi numarası başka bir firmaya ait: kayıtta “DENEME MAKİNE”, dosyada "
            "“ÖZGÜR IŞIK TEKSTİL”") in out  # fmt: skip
    assert "--allow-title-change" in out
    assert "DENEME MAKİNE" in firms(ctx.db)
    assert cli_main([*argv, "--skip-invalid"]) == 0  # the same firm written another way
    out = capsys.readouterr().out
    assert "GÜNCELLENECEK satır 4: Firma unvanı: ÇAĞRI MOBİLYA A.Ş. → Çağrı Mobilya" in out
    got = firms(ctx.db)
    assert "DENEME MAKİNE" in got and "Çağrı Mobilya Sanayi ve Ticaret Anonim Şirketi" in got
    assert cli_main([*argv, "--allow-title-change"]) == 0
    out = capsys.readouterr().out
    assert "UNVAN DEĞİŞECEK satır 3: Vergi numarası başka bir firmaya ait" in out
    assert "Sektör: Metal ve Makine → Tekstil ve Hazır Giyim" in out
    got = firms(ctx.db)
    assert "DENEME MAKİNE" not in got and got["ÖZGÜR IŞIK TEKSTİL"][0] == "tekstil"


def test_the_wizard_holds_a_renaming_row_until_confirmed_and_updates_can_be_unticked(
    qtbot, ctx, tmp_path, message_boxes
):
    seed(ctx, tmp_path)
    wizard = open_wizard(qtbot, ctx, renaming_list(tmp_path))
    assert wizard.currentPage() is wizard.preview_page
    assert "Onay bekleyen: 1" in wizard.counts_label.text()
    table = wizard.preview_table
    held, update = table.item(0, 0), table.item(1, 0)
    assert table.item(0, 1).text() == "Onay bekliyor"
    assert held.checkState() == Qt.CheckState.Unchecked
    text = table.item(0, 4).text()
    assert text.startswith("Vergi numarası başka bir firmaya ait: kayıtta “DENEME MAKİNE”")
    assert "Sektör: Metal ve Makine → Tekstil ve Hazır Giyim" in text
    assert "İhracat ülkeleri: — → Almanya, Irak" in text
    assert "İhracat (USD): — → 2.500.000" in text
    assert table.item(1, 1).text() == "Güncellenecek"
    assert "Çalışan sayısı: 12 → 15" in table.item(1, 4).text()
    assert update.checkState() == Qt.CheckState.Checked
    update.setCheckState(Qt.CheckState.Unchecked)  # the person leaves this one out
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert "2 satır işaretlenmediği için aktarılmadı" in message_boxes.texts()[-1]
    assert firms(ctx.db).keys() == {"DENEME MAKİNE", "ÇAĞRI MOBİLYA A.Ş."}

    again = open_wizard(qtbot, ctx, renaming_list(tmp_path))
    again.findChild(type(again.confirm_all), "importConfirmAll").click()
    assert again.preview_table.item(0, 0).checkState() == Qt.CheckState.Checked
    again.button(QWizard.WizardButton.FinishButton).click()
    assert "2 firma güncellendi" in message_boxes.texts()[-1]
    got = firms(ctx.db)
    assert got.keys() == {"ÖZGÜR IŞIK TEKSTİL", "Çağrı Mobilya Sanayi ve Ticaret Anonim Şirketi"}


@pytest.mark.parametrize(
    ("old", "new", "differ"),
    [
        ("DENEME MAKİNE", "ÖZGÜR IŞIK TEKSTİL", True),
        ("ÇAĞRI MOBİLYA A.Ş.", "Çağrı Mobilya San. ve Tic. Ltd. Şti.", False),
        ("Kayseri Metal", "KAYSERİ METAL SANAYİ", False),
        ("Erciyes Gıda", "Erciyes Tekstil", True),
    ],
)
def test_titles_that_name_another_firm(old, new, differ):
    assert fi.titles_differ(old, new) is differ


def test_a_ministry_list_with_only_a_nace_column_gets_its_sectors_from_the_codes(
    ctx, tmp_path, capsys
):
    headers = ["Unvan", "VKN", "NACE Kodu"]
    rows = [["Döküm A.Ş.", vkn(1), "24.51"], ["Halı A.Ş.", vkn(2), "C.13.93"],
            ["Dokuma A.Ş.", vkn(3), "13"], ["Yazılım A.Ş.", vkn(4), "62.01"]]  # fmt: skip
    path = build(tmp_path / "bakanlik.xlsx", rows, headers)
    argv = ["import", "firms", str(path), "--db", str(ctx.db.path)]
    assert cli_main(argv) == 1  # NACE 13 (two clusters) and 62 (none) are asked
    out = capsys.readouterr().out
    assert "Sektör “13”, 1 satır: Sektör “13” birden çok seçeneğe uyuyor" in out
    assert "Sektör “62.01” (NACE 62.01: tabloda bu kodun kümesi yok) hiçbir seçeneğe" in out
    assert cli_main([*argv, "--skip-invalid"]) == 0
    with ctx.db.read() as s:
        got = {f.title: (f.sector, f.nace_code) for f in s.scalars(select(m.Firm))}
    assert got == {"Döküm A.Ş.": ("metal", "24.51"), "Halı A.Ş.": ("ev_tekstili", "C.13.93")}


def test_a_realistic_list_in_other_peoples_words_needs_no_retyping(ctx, tmp_path):
    """240 rows as the chamber's, TİM's and the OSBs' lists name sectors: before, about
    half were refused; now only the words that fit two clusters are asked, once each."""
    words = [
        "Makine", "Metal Eşya", "Mobilya İmalatı", "MAKİNE VE AKSAMLARI", "Hazır Giyim",
        "Tekstil ve Hammaddeleri", "Halı", "Gıda Ürünleri", "Kimyevi Maddeler ve Mamulleri",
        "Otomotiv Yan Sanayi", "Elektrik Elektronik", "İnşaat Malzemesi", "Ambalaj", "Mermer",
        "Savunma Sanayi", "Tarım", "28", "C.31", "25.11", "Demir ve Demir Dışı Metaller",
        "Mobilya, Kağıt ve Orman Ürünleri", "İklimlendirme Sanayii", "Mobilya", "Gıda",
    ]  # fmt: skip
    osbs = ["1. OSB", "Mimarsinan OSB", "Kayseri OSB", "İncesu OSB", None, "Serbest Bölge"]
    rows = [[f"FİRMA {i} A.Ş.", vkn(i), words[i % len(words)], osbs[i % len(osbs)], None]
            for i in range(240)]  # fmt: skip
    plan = plan_for(ctx.db, build(tmp_path / "liste.xlsx", rows))
    assert [(q.value, q.rows) for q in plan.questions] == [
        ("Mobilya, Kağıt ve Orman Ürünleri", 10),
        ("İklimlendirme Sanayii", 10),
    ]
    assert plan.counts()[fi.NEW] == 220 and plan.counts()[fi.REFUSED] == 20


def test_map_files_that_cannot_be_used_are_refused_by_name(ctx, tmp_path, capsys):
    path = build(tmp_path / "liste.xlsx", unknown_rows())
    argv = ["import", "firms", str(path), "--db", str(ctx.db.path)]
    assert cli_main([*argv, "--write-map", str(tmp_path / "m.json")]) == 2
    assert "--write-map yalnızca --dry-run ile kullanılır" in capsys.readouterr().err
    broken = tmp_path / "bozuk.json"
    broken.write_text("{ sektör: Makine", encoding="utf-8")
    assert cli_main([*argv, "--map", str(broken)]) == 2
    assert "Eşleme dosyası JSON değil" in capsys.readouterr().err
    assert cli_main([*argv, "--map", str(tmp_path / "yok.json")]) == 2
    assert "Eşleme dosyası okunamadı" in capsys.readouterr().err
    # a bare answer, with the field's Turkish name as its section, is read too
    short = tmp_path / "kisa.json"
    short.write_text(json.dumps({"Sektör": {"Talaşlı İmalat": "Metal ve Makine",
                                            "Mobilya, Kağıt ve Orman Ürünleri": "Mobilya"},
                                 "osb": {"2. OSB": "reddet"}}, ensure_ascii=False),
                     encoding="utf-8")  # fmt: skip
    assert cli_main([*argv, "--map", str(short), "--skip-invalid"]) == 0
    got = firms(ctx.db)
    assert got["Talaş Bir"][0] == "metal" and "İkinci OSB" not in got
