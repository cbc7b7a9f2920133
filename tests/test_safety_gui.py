"""The safety screens driven as a person would: message boxes answered by a fake exec."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import add_sample_rows, make_firm
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QMessageBox

from kayseri_desktop.data.rotation import list_backups
from kayseri_desktop.gui.main_window import MainWindow
from kayseri_desktop.gui.safety import startup
from kayseri_desktop.gui.safety.conflict import offer_reload
from kayseri_desktop.gui.safety.settings import (
    BackupSettingsDialog,
    backup_policy,
)
from kayseri_desktop.services.backups import BackupPolicy, take_backup
from kayseri_desktop.services.concurrency import ConcurrentEditError
from kayseri_desktop.services.context import open_context


class Answers:
    """Records every box; answers choice boxes with the queued button labels."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.queue: list[str] = []

    def exec(self, box: QMessageBox) -> int:
        self.shown.append((box.objectName(), box.windowTitle(), box.text()))
        labels = [b.text() for b in box.buttons()]
        if self.queue and self.queue[0] in labels:
            wanted = self.queue.pop(0)
            next(b for b in box.buttons() if b.text() == wanted).click()
        return 0

    def titles(self) -> list[str]:
        return [title for _, title, _ in self.shown]


@pytest.fixture
def answers(monkeypatch) -> Answers:
    log = Answers()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: log.exec(box))
    return log


def firm_titles(path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {row[0] for row in con.execute("SELECT title FROM firms")}
    finally:
        con.close()


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "masa.sqlite"
    ctx = open_context(path)
    add_sample_rows(ctx.db)
    ctx.close()
    return path


def damage(path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        for page in range(2, size // 4096):
            fh.seek(page * 4096 + 8)
            fh.write(b"\xa5" * 600)


def test_damaged_database_is_set_aside_and_the_backup_offered(qapp, office, answers):
    policy = BackupPolicy(office.parent / "yedekler")
    backup = take_backup(office, policy)
    ctx = open_context(office)
    with ctx.db.write() as s:
        s.add(make_firm("Kayıp Firma", 500000001))
    ctx.close()
    damage(office)
    answers.queue = ["Yedeği geri yükle"]
    ctx = startup.open_safely(None, office, policy=policy)
    assert ctx is not None
    try:
        assert not ctx.db.readonly and ctx.lock is not None
    finally:
        ctx.close()
    names = [name for name, _, _ in answers.shown]
    assert names[0] == "recoveryBox"
    date = backup.name.split("-")[1]
    assert f"{date[6:8]}.{date[4:6]}.{date[:4]}" in answers.shown[0][2]
    assert "Yedek geri yüklendi" in answers.titles()
    assert "kaybol" in answers.shown[1][2]
    assert "Kayıp Firma" not in firm_titles(office) and "Çağrı" in firm_titles(office)
    aside = office.parent.glob("masa.sqlite.hasarli-*")
    aside = [p for p in aside if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1
    # the start-up backup after recovery exists and verifies
    assert any(b.reason == "acilis" for b in list_backups(policy.folder, "masa"))


def test_damaged_database_without_backup_is_left_untouched(qapp, office, answers):
    damage(office)
    before = office.read_bytes()
    assert startup.open_safely(None, office, policy=BackupPolicy(office.parent / "yok")) is None
    assert answers.titles() == ["Veritabanı hasarlı"]
    assert office.read_bytes() == before


def test_second_copy_is_told_who_and_may_open_read_only(qapp, office, answers):
    first = startup.open_safely(None, office)
    try:
        answers.queue = ["Vazgeç"]
        assert startup.open_safely(None, office) is None
        answers.queue = ["Salt okunur aç"]
        second = startup.open_safely(None, office)
        assert second is not None and second.db.readonly
        second.close()
        name, title, text = answers.shown[-1]
        assert name == "lockedBox" and title == "Veritabanı kullanımda"
        assert first.user.split("@")[0] in text and "salt okunur" in text.lower()
    finally:
        first.close()


def test_network_folder_gets_a_warning(qapp, office, answers, monkeypatch):
    monkeypatch.setattr(startup, "is_network_path", lambda path: True)
    ctx = startup.open_safely(None, office)
    ctx.close()
    assert answers.titles()[0] == "Ağ klasöründe veritabanı"
    assert "PostgreSQL" in answers.shown[0][2]


def test_menu_backup_restore_and_backup_on_close(qtbot, office, answers, tmp_path):
    QSettings().setValue("backup/folder", str(tmp_path / "ydk"))
    ctx = startup.open_safely(None, office)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        made = window.safety.backup_now()
        assert made is not None and made.parent == tmp_path / "ydk"
        assert answers.titles()[-1] == "Yedek alındı"
        with window.ctx.db.write() as s:
            s.add(make_firm("Sonra Eklenen", 500000002))
        answers.queue = ["Geri yükle"]
        assert window.safety.restore_from(made)
        assert answers.titles()[-1] == "Geri yüklendi"
        assert "Sonra Eklenen" not in firm_titles(office)
        assert window.ctx is not ctx and window.ctx.lock is not None
        reasons = [b.reason for b in list_backups(tmp_path / "ydk", "masa")]
        assert "geri-yukleme-oncesi" in reasons
        with window.ctx.db.write() as s:
            s.add(make_firm("Kapanmadan Önce", 500000003))
        window.close()
        closing = [b for b in list_backups(tmp_path / "ydk", "masa") if b.reason == "kapanis"]
        assert len(closing) == 1 and "Kapanmadan Önce" in firm_titles(closing[0].path)
    finally:
        ctx.close()


def test_menu_actions_exist_and_restore_can_be_cancelled(qtbot, office, answers, tmp_path):
    ctx = startup.open_safely(None, office)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        file_menu = window.findChild(QMenu, "fileMenu")
        names = {a.objectName() for a in file_menu.actions()}
        assert {"backupAction", "restoreAction", "backupSettingsAction"} <= names
        made = window.safety.backup_now()
        answers.queue = ["Vazgeç"]
        assert not window.safety.restore_from(made)
        assert window.ctx is ctx
        window.close()
        assert not any(
            b.reason == "kapanis" for b in list_backups(office.parent / "yedekler", "masa")
        )
    finally:
        ctx.close()


def test_menu_restore_shows_what_each_holds_and_refuses_a_foreign_file(
    qtbot, office, answers, tmp_path
):
    ctx = startup.open_safely(None, office)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        made = window.safety.backup_now()
        blank = tmp_path / "bos.sqlite"
        con = sqlite3.connect(blank)
        con.execute("CREATE TABLE t (x)")
        con.execute("DROP TABLE t")
        con.close()
        before = firm_titles(office)
        answers.queue = ["Geri yükle"]  # what the old window asked, and then did
        assert not window.safety.restore_from(blank)
        name, title, text = answers.shown[-1]
        assert title == "Geri yüklenemedi"
        assert text == (
            "bos.sqlite boş bir SQLite dosyası; içinde bu uygulamanın verisi yok, geri yüklenmedi."
        )
        assert window.ctx is ctx and firm_titles(office) == before  # the window kept its file

        answers.queue = ["Vazgeç"]
        assert not window.safety.restore_from(made)
        name, title, text = answers.shown[-1]
        assert name == "restoreBox"
        assert f"Yedek ({made.name}): 5 firma, son değişiklik" in text
        assert "Yerine konacak veritabanı (masa.sqlite): 5 firma, son değişiklik" in text
        window.close()
    finally:
        ctx.close()


def test_backup_settings_dialog_saves_the_policy(qtbot, tmp_path):
    dialog = BackupSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "baska"))
    dialog.daily.setValue(3)
    dialog.weekly.setValue(5)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert backup_policy() == BackupPolicy(tmp_path / "baska", 3, 5)
    dialog.grab().save(str(tmp_path / "settings.png"))


def test_conflict_offer_reload(qapp, answers):
    err = ConcurrentEditError("firma", 7, {"employees": 55})
    answers.queue = ["Yeniden yükle ve değişikliğimi uygula"]
    assert offer_reload(None, err)
    assert "başka bir kullanıcı" in answers.shown[-1][2]
    answers.queue = ["Değişikliğimden vazgeç"]
    assert not offer_reload(None, err)
    assert not offer_reload(None, ConcurrentEditError("firma", 7, deleted=True))


def test_opening_another_database_releases_the_first_ones_lock(qtbot, office, answers, tmp_path):
    from kayseri_desktop.data.lock import lock_path

    other = tmp_path / "baska.sqlite"
    open_context(other).close()
    ctx = startup.open_safely(None, office)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        assert lock_path(office).exists()
        assert window.open_database(str(other))
        assert lock_path(other).exists() and not lock_path(office).exists()
        window.close()
        assert not lock_path(other).exists()
    finally:
        ctx.close()


def test_connect_to_server_checks_the_address(qtbot, office, answers, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from kayseri_desktop.gui.safety.startup import display_target

    ctx = startup.open_safely(None, office)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        assert window.open_database(str(office))  # already open here: nothing asked
        assert answers.shown == [] and window.ctx is ctx
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("/tmp/x.sqlite", True))
        assert not window.safety.connect_server()
        assert answers.shown[-1][2] == "Adres postgresql+psycopg:// ile başlamalı."
        monkeypatch.setattr(
            QInputDialog,
            "getText",
            lambda *a, **k: ("postgresql+psycopg://ayse:gizli@127.0.0.1:1/kayseri", True),
        )
        assert not window.safety.connect_server()  # nobody listens on port 1
        assert answers.shown[-1][1] == "Veritabanı açılamadı"
        assert "gizli" not in answers.shown[-1][2] and "ayse" in answers.shown[-1][2]
        assert window.ctx is ctx
    finally:
        window.close()
        ctx.close()
    assert display_target("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:***@h/db"


def test_start_up_and_menu_backups_of_a_path_with_a_hash_hold_the_data(qtbot, tmp_path, answers):
    path = tmp_path / "Proje #3" / "Masa #2.sqlite"
    path.parent.mkdir()
    ctx = open_context(path)
    add_sample_rows(ctx.db)
    ctx.close()
    titles = firm_titles(path)
    ctx = startup.open_safely(None, path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        made = window.safety.backup_now()
        saved = list_backups(path.parent / "yedekler", "Masa #2")
        (start,) = [b for b in saved if b.reason == "acilis"]
        assert firm_titles(start.path) == titles and firm_titles(made) == titles
        assert sorted(p.name for p in path.parent.iterdir() if p.is_file())[0] == "Masa #2.sqlite"
        window.close()
    finally:
        ctx.close()
