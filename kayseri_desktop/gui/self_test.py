"""`kayseri-desktop --self-test`: open the database, build every tab, report, exit.

IT runs it after installing (offscreen, no window appears) to see that the bundle
holds the Qt plugins, translations, forms and migrations it needs. One line per
check on stdout; the exit status is 0 when every check passed.
"""

from __future__ import annotations

import sys
from typing import TextIO

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kayseri_desktop import __version__
from kayseri_desktop.data import migrations
from kayseri_desktop.gui.data_table import DataTable
from kayseri_desktop.gui.formatting import fill, number
from kayseri_desktop.gui.forms import form_names, load_form
from kayseri_desktop.gui.i18n import TranslationStatus
from kayseri_desktop.services.context import open_context

EXIT_OK, EXIT_FAILED, EXIT_OPEN_ERROR = 0, 1, 2


translate = QCoreApplication.translate


def run_self_test(
    target: str | None,
    configured: str | None,
    translation: TranslationStatus,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        ctx = open_context(target, configured=configured)
    except migrations.SchemaError as exc:
        print(fill(translate("SelfTest", "Veritabanı açılamadı: %1"), exc), file=err)
        return EXIT_OPEN_ERROR
    except Exception as exc:
        print(
            fill(
                translate("SelfTest", "Veritabanı açılamadı: %1"),
                f"{type(exc).__name__}: {exc}",
            ),
            file=err,
        )
        return EXIT_OPEN_ERROR

    from kayseri_desktop.gui.main_window import MainWindow  # after the QApplication exists

    checks: list[tuple[bool, str]] = []
    try:
        checks.append((True, fill(translate("SelfTest", "Sürüm %1"), __version__)))
        schema = migrations.current_revision(ctx.db.engine)
        head = migrations.head_revision()
        checks.append(
            (
                schema == head,
                fill(
                    translate("SelfTest", "Veritabanı %1, şema %2 (beklenen %3)"),
                    ctx.db.display_name(),
                    schema,
                    head,
                ),
            )
        )
        if translation.language == "tr":
            checks.append(
                (
                    translation.qtbase_loaded,
                    translate("SelfTest", "Qt Türkçe çevirisi (qtbase_tr) yüklendi"),
                )
            )
        else:
            checks.append(
                (
                    translation.app_loaded,
                    translate("SelfTest", "İngilizce çeviri (kayseri_en) yüklendi"),
                )
            )
        if translation.requested != translation.language:
            checks.append(
                (
                    False,
                    fill(
                        translate("SelfTest", "İstenen dil yüklenemedi: %1"), translation.requested
                    ),
                )
            )
        for name in form_names():
            form = load_form(name)
            checks.append((form is not None, fill(translate("SelfTest", "Form %1 yüklendi"), name)))
            form.deleteLater()

        window = MainWindow(ctx)
        window.resize(1280, 760)
        window.show()
        QApplication.processEvents()
        for i, tab in enumerate(window.data_tabs):
            window.tabs.setCurrentIndex(i)
            QApplication.processEvents()
            tables = tab.findChildren(DataTable)
            rows = sum(t.model().rowCount() for t in tables)
            title = window.tabs.tabText(i)
            if tables:
                text = fill(
                    translate("SelfTest", "Sekme “%1” açıldı (%2 satır)"), title, number(rows)
                )
            else:
                text = fill(translate("SelfTest", "Sekme “%1” açıldı"), title)
            checks.append((tab.isVisible(), text))
        image = window.grab()
        checks.append((not image.isNull(), translate("SelfTest", "Pencere çizildi")))
        window.bridge.close()
        window.hide()  # not close(): a self-test must not overwrite the saved layout
        window.deleteLater()
        QApplication.processEvents()
    except Exception as exc:
        checks.append(
            (
                False,
                fill(translate("SelfTest", "Beklenmeyen hata: %1"), f"{type(exc).__name__}: {exc}"),
            )
        )
    finally:
        ctx.close()

    for ok, text in checks:
        mark = translate("SelfTest", "TAMAM") if ok else translate("SelfTest", "HATA")
        print(f"{mark:6}{text}", file=out)
    passed = all(ok for ok, _ in checks)
    print(
        translate("SelfTest", "Öz sınama başarılı.")
        if passed
        else translate("SelfTest", "Öz sınama BAŞARISIZ."),
        file=out if passed else err,
    )
    return EXIT_OK if passed else EXIT_FAILED
