"""Backup settings kept in QSettings (per desk): folder and how many to keep."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kayseri_desktop.data.rotation import DEFAULT_KEEP_DAILY, DEFAULT_KEEP_WEEKLY
from kayseri_desktop.services.backups import BackupPolicy

FOLDER_KEY = "backup/folder"
DAILY_KEY = "backup/keep_daily"
WEEKLY_KEY = "backup/keep_weekly"


def backup_policy() -> BackupPolicy:
    s = QSettings()
    folder = str(s.value(FOLDER_KEY) or "")
    return BackupPolicy(
        Path(folder) if folder else None,
        int(str(s.value(DAILY_KEY, DEFAULT_KEEP_DAILY))),  # an int, or its text from the file
        int(str(s.value(WEEKLY_KEY, DEFAULT_KEEP_WEEKLY))),
    )


def save_policy(policy: BackupPolicy) -> None:
    s = QSettings()
    s.setValue(FOLDER_KEY, str(policy.folder) if policy.folder else "")
    s.setValue(DAILY_KEY, policy.keep_daily)
    s.setValue(WEEKLY_KEY, policy.keep_weekly)


class BackupSettingsDialog(QDialog):
    """Dosya > Yedekleme ayarları…: where backups go and how many are kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupSettingsDialog")
        self.setWindowTitle(self.tr("Yedekleme ayarları"))
        policy = backup_policy()
        self.folder_edit = QLineEdit(str(policy.folder or ""), self)
        self.folder_edit.setObjectName("folderEdit")
        self.folder_edit.setMinimumWidth(380)
        self.folder_edit.setPlaceholderText(self.tr("Veritabanının yanındaki “yedekler” klasörü"))
        browse = QPushButton(self.tr("Seç…"), self)
        browse.setObjectName("browseButton")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.daily = QSpinBox(self)
        self.daily.setObjectName("dailySpin")
        self.daily.setRange(1, 90)
        self.daily.setValue(policy.keep_daily)
        self.weekly = QSpinBox(self)
        self.weekly.setObjectName("weeklySpin")
        self.weekly.setRange(0, 104)
        self.weekly.setValue(policy.keep_weekly)
        form = QFormLayout(self)
        form.addRow(self.tr("Yedek klasörü:"), row)
        form.addRow(self.tr("Saklanacak günlük yedek:"), self.daily)
        form.addRow(self.tr("Saklanacak haftalık yedek:"), self.weekly)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Yedek klasörü"), self.folder_edit.text() or str(Path.home())
        )
        if folder:
            self.folder_edit.setText(folder)

    def policy(self) -> BackupPolicy:
        text = self.folder_edit.text().strip()
        return BackupPolicy(Path(text) if text else None, self.daily.value(), self.weekly.value())

    def accept(self) -> None:
        save_policy(self.policy())
        super().accept()
