"""`kayseri-desktop`: the GUI entry point.

    kayseri-desktop [--db PATH_OR_URL] [--lang tr|en] [--self-test]

The database is --db, else the one remembered in the settings (Dosya > Veritabanı
aç…), else $KAYSERI_DB, else the default file in the user's data folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from kayseri_desktop import APP_AUTHOR, APP_NAME, __version__, project_root

DISPLAY_NAME = "Kayseri İhracat Koordinasyon Masası"
BASE_POINT_SIZE = 10


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kayseri-desktop", description=f"{DISPLAY_NAME} {__version__}"
    )
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", help="SQLite dosyası ya da SQLAlchemy adresi"
    )
    parser.add_argument("--lang", choices=("tr", "en"), help="arayüz dili (ayarı geçersiz kılar)")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="veritabanını açıp bütün sekmeleri ekransız kur, raporla ve çık",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def configure_application(app) -> None:
    """Identity (QSettings location), Fusion style, readable font, style sheet, icon."""
    from PySide6.QtGui import QFont, QIcon
    from PySide6.QtWidgets import QApplication

    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    QApplication.setStyle("Fusion")
    font = QFont(app.font())
    if font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)
        app.setFont(font)
    resources = project_root() / "resources"
    qss = resources / "style.qss"
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    icon = resources / "icons" / "app.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from kayseri_desktop.data.migrations import SchemaError
    from kayseri_desktop.gui import i18n, messages
    from kayseri_desktop.gui.main_window import DATABASE_KEY

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "kayseri-desktop"])
    assert isinstance(app, QApplication)
    configure_application(app)
    status = i18n.install_translators(args.lang or i18n.saved_language())
    configured = str(QSettings().value(DATABASE_KEY) or "") or None

    if args.self_test:
        from kayseri_desktop.gui.self_test import run_self_test

        try:
            return run_self_test(args.db, configured, status)
        finally:
            i18n.remove_translators()

    from kayseri_desktop.gui.main_window import MainWindow
    from kayseri_desktop.gui.safety.startup import open_safely

    title = QCoreApplication.translate("Application", "Veritabanı açılamadı")
    try:  # network warning, damage recovery, start backup, one-writer lock
        ctx = open_safely(None, args.db, configured)
        if ctx is None:
            return 2
    except SchemaError as exc:
        messages.critical(None, title, str(exc))
        return 2
    except Exception as exc:
        messages.critical(
            None,
            title,
            QCoreApplication.translate("Application", "Veritabanı açılırken beklenmeyen hata."),
            details=f"{type(exc).__name__}: {exc}",
        )
        return 2
    try:
        window = MainWindow(ctx)
        window.show()
        return app.exec()
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
