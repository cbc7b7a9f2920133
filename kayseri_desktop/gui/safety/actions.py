"""Dosya menu actions for backups and restores, the backup on close, the lock heartbeat.

SafetyActions is created once by the main window; it follows the window's current
context (context_changed) and takes the close-time backup (on_close).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
)

from kayseri_desktop.data.backup import BackupError
from kayseri_desktop.data.lock import HEARTBEAT_SECONDS, DatabaseLocked
from kayseri_desktop.data.migrations import SchemaError
from kayseri_desktop.gui import messages
from kayseri_desktop.gui.formatting import fill
from kayseri_desktop.gui.safety.choices import choose
from kayseri_desktop.gui.safety.settings import BackupSettingsDialog, backup_policy
from kayseri_desktop.services import backups
from kayseri_desktop.services.context import AppContext, open_context

if TYPE_CHECKING:  # the main window imports this module
    from kayseri_desktop.gui.main_window import MainWindow


class SafetyActions(QObject):
    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.backup_action = menu.addAction(self.tr("&Yedek al"))
        self.backup_action.setObjectName("backupAction")
        self.backup_action.triggered.connect(self.backup_now)
        self.restore_action = menu.addAction(self.tr("Yedekten &geri yükle…"))
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.triggered.connect(self.choose_restore)
        self.settings_action = menu.addAction(self.tr("Yedekleme a&yarları…"))
        self.settings_action.setObjectName("backupSettingsAction")
        self.settings_action.triggered.connect(self.edit_settings)
        self.server_action = menu.addAction(self.tr("&Sunucuya bağlan…"))
        self.server_action.setObjectName("connectServerAction")
        self.server_action.triggered.connect(self.connect_server)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_SECONDS * 1000)
        self.heartbeat.timeout.connect(self.beat)
        self.heartbeat.start()
        self.watch: backups.ChangeWatch | None = None
        self._lost_warned = False
        self._shown: AppContext | None = None
        self.context_changed(window.ctx)

    @property
    def ctx(self) -> AppContext:
        return self.window.ctx

    def context_changed(self, ctx: AppContext) -> None:
        previous, self._shown = self._shown, ctx
        if previous is not None and previous is not ctx and previous.lock is not None:
            previous.lock.release()  # the window no longer writes there: let others in
            previous.lock = None
        if self.watch is not None:
            self.watch.close()
        self.watch = backups.ChangeWatch(ctx.bus)
        self._lost_warned = False
        sqlite = ctx.db.path is not None
        self.backup_action.setEnabled(sqlite)
        self.restore_action.setEnabled(sqlite and not ctx.db.readonly)

    def is_current(self, target: str) -> bool:
        """Whether target (a path or URL) is the database the window shows."""
        current = self.ctx.db
        if current.path is not None and "://" not in target:
            return Path(target).expanduser().resolve() == current.path.resolve()
        return target == current.url

    def connect_server(self) -> bool:
        """Ask for a PostgreSQL address and open it (remembered like a file)."""
        url, ok = QInputDialog.getText(
            self.window,
            self.tr("Sunucuya bağlan"),
            self.tr(
                "PostgreSQL sunucusunun adresi (bilgi işlem biriminden):\n"
                "postgresql+psycopg://kullanıcı:parola@sunucu:5432/kayseri"
            ),
            QLineEdit.EchoMode.Normal,
            "postgresql+psycopg://",
        )
        url = url.strip()
        if not ok or not url:
            return False
        if not url.startswith(("postgresql://", "postgresql+psycopg://")):
            messages.warning(
                self.window,
                self.tr("Sunucuya bağlan"),
                self.tr("Adres postgresql+psycopg:// ile başlamalı."),
            )
            return False
        return self.window.open_database(url)

    def beat(self) -> None:
        """Renew the lock's heartbeat; say so once if another copy took the lock over."""
        lock = self.ctx.lock
        if lock is None or lock.refresh() or self._lost_warned:
            return
        self._lost_warned = True
        messages.warning(
            self.window,
            self.tr("Kilit kaybedildi"),
            self.tr(
                "Bu bilgisayar uzun süre yanıt vermediği için veritabanının kilidi başka bir "
                "kopyaya geçti. Çakışmayı önlemek için uygulamayı kapatıp yeniden açın."
            ),
        )

    def backup_now(self) -> Path | None:
        path = self.ctx.db.path
        if path is None:
            return None
        try:
            made = backups.take_backup(path, backup_policy(), backups.REASON_MANUAL)
        except (BackupError, OSError) as exc:
            messages.critical(self.window, self.tr("Yedek alınamadı"), str(exc))
            return None
        messages.information(
            self.window,
            self.tr("Yedek alındı"),
            fill(self.tr("Yedek alındı ve doğrulandı:\n%1"), str(made)),
        )
        return made

    def choose_restore(self) -> None:
        path = self.ctx.db.path
        if path is None:
            return
        source, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Geri yüklenecek yedek"),
            str(backup_policy().folder_for(path)),
            self.tr("SQLite veritabanları (*.sqlite *.db);;Tüm dosyalar (*)"),
        )
        if source:
            self.restore_from(Path(source))

    def restore_from(self, source: Path) -> bool:
        """Restore source over the open database, after saying what each holds.

        Only a database of this app is offered for the restore; anything else is
        refused with the reason before the window lets go of its database.
        """
        path = self.ctx.db.path
        if path is None:
            return False
        try:
            preview = backups.preview(path, source)
        except (BackupError, SchemaError, OSError) as exc:
            messages.critical(self.window, self.tr("Geri yüklenemedi"), str(exc))
            return False
        answer = choose(
            self.window,
            QMessageBox.Icon.Question,
            self.tr("Yedekten geri yükle"),
            fill(
                self.tr(
                    "%1 yedeği %2 veritabanının yerine konacak.\n\n%3\n\n"
                    "Veritabanının şimdiki hâlinin yedeği önce alınır; bu işlem onunla "
                    "geri alınabilir."
                ),
                source.name,
                path.name,
                preview.text(),
            ),
            [
                (self.tr("Geri yükle"), QMessageBox.ButtonRole.AcceptRole),
                (self.tr("Vazgeç"), QMessageBox.ButtonRole.RejectRole),
            ],
            name="restoreBox",
        )
        if answer != 0:
            return False
        self.ctx.close()  # release the engine and the lock; the restore takes its own
        error = ""
        before = None
        try:
            before = backups.restore(path, source, backup_policy(), user=self.ctx.user)
        except (BackupError, SchemaError, DatabaseLocked, OSError) as exc:
            error = str(exc)
        try:
            fresh = open_context(path, take_lock=True, listen=True)
        except Exception as exc:  # reopening failed: say so; the window keeps the old view
            messages.critical(
                self.window,
                self.tr("Veritabanı açılamadı"),
                fill(self.tr("%1 yeniden açılamadı."), str(path)),
                details=f"{type(exc).__name__}: {exc}",
            )
            return False
        self.window.set_context(fresh)
        if error:
            messages.critical(self.window, self.tr("Geri yüklenemedi"), error)
            return False
        messages.information(
            self.window,
            self.tr("Geri yüklendi"),
            fill(
                self.tr("%1 geri yüklendi. Önceki hâlinin yedeği:\n%2"),
                source.name,
                str(before or ""),
            ),
        )
        return True

    def edit_settings(self) -> None:
        dialog = BackupSettingsDialog(self.window)
        dialog.open()
        self.settings_dialog = dialog

    def on_close(self) -> Path | None:
        """The backup on close, only when this session changed something."""
        self.heartbeat.stop()
        if self.watch is None:
            return None
        try:
            return backups.backup_on_close(self.ctx.db, self.watch, backup_policy())
        except (BackupError, OSError) as exc:
            messages.warning(self.window, self.tr("Yedek alınamadı"), str(exc))
            return None
        finally:
            self.watch = None
