"""Opening a database from the window: network warning, damage recovery, backup, lock.

open_safely() is what app.py and Dosya > Veritabanı aç… call. In order:

1. a database on a network share gets a warning pointing to the PostgreSQL setup;
   temporary files that killed runs left beside it and its backups are removed;
2. a database that is not there while its folder is missing or its backups are
   there is not silently made anew: the person chooses (newest backup, empty, quit);
   a file that cannot be used where it lies (a full disk, a read-only place, an I/O
   error) is said to be just that, and nothing is renamed or created (a file in a
   read-only place may be opened read-only);
   only a file that could be read and failed its integrity check is damaged:
   a damaged SQLite file (quick_check) is offered the newest backup that passes
   integrity_check, with its date and what was lost since; the damaged file is kept
   aside under a new name, never deleted;
3. a verified backup before anything touches the file (then rotation);
4. the database is opened with the one-writer lock; if another copy has it, the
   person is told who and since when, and may open it read-only.
"""

from __future__ import annotations

import glob
import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from kayseri_desktop.data import recovery
from kayseri_desktop.data.backup import BackupError
from kayseri_desktop.data.engine import (
    default_db_path,
    make_engine,
    read_only_place,
    resolve_url,
    sqlite_path,
)
from kayseri_desktop.data.lock import DatabaseLocked, LockUnusable
from kayseri_desktop.data.migrations import SchemaError
from kayseri_desktop.data.netpath import is_network_path
from kayseri_desktop.gui import messages
from kayseri_desktop.gui.formatting import fill
from kayseri_desktop.gui.safety.choices import choose
from kayseri_desktop.gui.safety.settings import backup_policy
from kayseri_desktop.services.backups import BackupPolicy, restore, startup_backup
from kayseri_desktop.services.context import AppContext, current_user, open_context

Role = QMessageBox.ButtonRole


class ServerUnavailable(SchemaError):
    """The PostgreSQL server did not answer; str() is Turkish and has no password."""


def check_server(url: str) -> None:
    engine = make_engine(url, pooled=False)
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise ServerUnavailable(
            fill(
                QCoreApplication.translate("SafetyStartup", "Sunucuya bağlanılamadı (%1): %2"),
                display_target(url),
                reason,
            )
        ) from exc
    finally:
        engine.dispose()


def display_target(target: str) -> str:
    """A path as is; a server address without its password."""
    if "://" not in target:
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except Exception:
        return target.split("@")[-1]


def warn_network(parent: QWidget | None, path) -> None:
    if is_network_path(path):
        messages.warning(
            parent,
            QCoreApplication.translate("SafetyStartup", "Ağ klasöründe veritabanı"),
            fill(
                QCoreApplication.translate(
                    "SafetyStartup",
                    "Veritabanı bir ağ klasöründe: %1\n\nSQLite dosyaları ağ paylaşımlarında "
                    "bozulabilir. Birkaç kişinin birlikte çalışması için ofis sunucusunda "
                    "PostgreSQL kullanın (README: Ofis sunucusu); tek kişi çalışıyorsa "
                    "dosyayı bu bilgisayarın diskine taşıyın.",
                ),
                os.fspath(path),
            ),
        )


def refuse_medium(parent: QWidget | None, path, problem: str, details: str = "") -> None:
    messages.critical(
        parent,
        QCoreApplication.translate("SafetyStartup", "Veritabanı kullanılamıyor"),
        fill(
            QCoreApplication.translate(
                "SafetyStartup",
                "%1 açılmadı; dosyaya dokunulmadı (veritabanı hasarlı değil).\n\n%2",
            ),
            str(path),
            problem,
        ),
        details=details,
    )


def offer_missing(parent: QWidget | None, path, policy: BackupPolicy) -> bool:
    """A database file that is not there: True when a new one may be made at path.

    Only a first start (no folder's worth of history) makes a new database without
    asking. When the folder itself is missing (a disk not plugged in) or the
    database's backups or set-aside damaged copies are there, the person is told and
    chooses: bring back the newest backup, start an empty database, or quit.
    """
    if path.exists():
        return True
    title = QCoreApplication.translate("SafetyStartup", "Veritabanı bulunamadı")
    empty = QCoreApplication.translate("SafetyStartup", "Boş veritabanı oluştur")
    quit_ = QCoreApplication.translate("SafetyStartup", "Çık")
    if not path.parent.is_dir():
        if path == default_db_path():
            return True  # the first start on this computer
        answer = choose(
            parent,
            QMessageBox.Icon.Warning,
            title,
            fill(
                QCoreApplication.translate(
                    "SafetyStartup",
                    "%1 klasörü yok: disk takılı olmayabilir ya da klasör taşınmış olabilir. "
                    "Yeni bir veritabanı oluşturulmadı.",
                ),
                str(path.parent),
            ),
            [(quit_, Role.RejectRole), (empty, Role.AcceptRole)],
            name="missingBox",
        )
        return answer == 1
    best = recovery.best_backup(policy.folder_for(path), path.stem)
    aside = sorted(path.parent.glob(glob.escape(path.name) + ".hasarli-*"))
    if best is None and not aside:
        return True  # a new database where none has been
    if best is None:
        text = fill(
            QCoreApplication.translate(
                "SafetyStartup",
                "%1 bulunamadı; yanında kenara alınmış hasarlı bir kopyası var (%2) ama "
                "sağlam bir yedeği yok. Yeni bir veritabanı oluşturulmadı.",
            ),
            str(path),
            aside[-1].name,
        )
        answer = choose(
            parent,
            QMessageBox.Icon.Warning,
            title,
            text,
            [(quit_, Role.RejectRole), (empty, Role.AcceptRole)],
            name="missingBox",
        )
        return answer == 1
    when = best.taken_at.strftime("%d.%m.%Y %H:%M")
    answer = choose(
        parent,
        QMessageBox.Icon.Warning,
        title,
        fill(
            QCoreApplication.translate(
                "SafetyStartup",
                "%1 bulunamadı; taşınmış ya da silinmiş olabilir. Bu veritabanının "
                "yedekleri var, en yenisi %2 tarihli. Yeni bir veritabanı oluşturulmadı.",
            ),
            str(path),
            when,
        ),
        [
            (
                QCoreApplication.translate("SafetyStartup", "En yeni yedeği geri yükle"),
                Role.AcceptRole,
            ),
            (quit_, Role.RejectRole),
            (empty, Role.DestructiveRole),
        ],
        name="missingBox",
    )
    if answer == 2:
        return True
    if answer != 0:
        return False
    try:
        restore(path, best.path, policy, user=current_user())
    except (BackupError, SchemaError, OSError) as exc:
        messages.critical(parent, title, str(exc))
        return False
    messages.information(
        parent,
        QCoreApplication.translate("SafetyStartup", "Yedek geri yüklendi"),
        fill(
            QCoreApplication.translate("SafetyStartup", "%1 tarihli yedek geri yüklendi: %2"),
            when,
            str(path),
        ),
    )
    return True


def offer_read_only(parent: QWidget | None, url: str, path) -> AppContext | None:
    """A database where nothing can be written: say so; open it read-only if asked."""
    answer = choose(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("SafetyStartup", "Salt okunur konum"),
        fill(
            QCoreApplication.translate(
                "SafetyStartup",
                "%1 salt okunur bir yerde (yazma izni yok): değişiklik kaydedilemez, "
                "yedek alınamaz. Veritabanı hasarlı değil; dosyaya dokunulmadı.\n\n"
                "Salt okunur açarsanız bakabilir ve dışa aktarabilirsiniz. Çalışmak için "
                "dosyayı yazılabilir bir klasöre kopyalayın.",
            ),
            str(path),
        ),
        [
            (QCoreApplication.translate("SafetyStartup", "Salt okunur aç"), Role.AcceptRole),
            (QCoreApplication.translate("SafetyStartup", "Çık"), Role.RejectRole),
        ],
        name="readOnlyPlaceBox",
    )
    if answer != 0:
        return None
    return open_context(url, readonly=True, listen=True)


def offer_recovery(parent: QWidget | None, path, policy: BackupPolicy) -> bool:
    """The damaged-file path; True when the file may be opened (sound, or recovered).

    A file that cannot be read or written where it lies is not damaged: the reason
    is shown, nothing is touched, and False is returned.
    """
    diagnosis = recovery.diagnose(path)
    if diagnosis.problem:
        refuse_medium(parent, path, diagnosis.problem, diagnosis.message)
        return False
    if not diagnosis.damaged:
        problem = recovery.start_problem(path)
        if problem is not None:
            refuse_medium(parent, path, problem)
            return False
        return True
    title = QCoreApplication.translate("SafetyStartup", "Veritabanı hasarlı")
    best = recovery.best_backup(policy.folder_for(path), path.stem)
    if best is None:
        messages.critical(
            parent,
            title,
            fill(
                QCoreApplication.translate(
                    "SafetyStartup",
                    "%1 hasarlı ve sağlam bir yedeği bulunamadı. Dosyaya dokunulmadı; "
                    "bilgi işlem birimine başvurun.",
                ),
                str(path),
            ),
            details=diagnosis.message,
        )
        return False
    when = best.taken_at.strftime("%d.%m.%Y %H:%M")
    answer = choose(
        parent,
        QMessageBox.Icon.Critical,
        title,
        fill(
            QCoreApplication.translate(
                "SafetyStartup",
                "%1 hasarlı (bütünlük denetimi başarısız).\n\nEn yeni sağlam yedek %2 "
                "tarihli. Geri yüklenirse o tarihten sonraki değişiklikler kaybolur. "
                "Hasarlı dosya silinmez, yeni bir adla kenara alınır.",
            ),
            str(path),
            when,
        ),
        [
            (QCoreApplication.translate("SafetyStartup", "Yedeği geri yükle"), Role.AcceptRole),
            (QCoreApplication.translate("SafetyStartup", "Çık"), Role.RejectRole),
        ],
        details=diagnosis.message,
        name="recoveryBox",
    )
    if answer != 0:
        return False
    try:
        result = recovery.recover(path, best)
    except (BackupError, OSError) as exc:
        messages.critical(parent, title, str(exc))
        return False
    messages.information(
        parent,
        QCoreApplication.translate("SafetyStartup", "Yedek geri yüklendi"),
        fill(
            QCoreApplication.translate(
                "SafetyStartup", "%1 tarihli yedek geri yüklendi. %2\n\nHasarlı dosya: %3"
            ),
            when,
            result.lost_text(),
            str(result.damaged_copy),
        ),
    )
    return True


def open_safely(
    parent: QWidget | None,
    target: str | os.PathLike | None = None,
    configured: str | None = None,
    *,
    policy: BackupPolicy | None = None,
) -> AppContext | None:
    """Open for the window; None when the person chose not to (or could not) open it.

    migrations.SchemaError still propagates for the caller's message.
    """
    url = resolve_url(target, configured)
    path = sqlite_path(url)
    policy = policy or backup_policy()
    if path is None:
        check_server(url)
    else:
        warn_network(parent, path)
        recovery.clean_start(path, policy.folder_for(path))
        if not offer_missing(parent, path, policy):
            return None
        if path.is_file() and read_only_place(path):
            return offer_read_only(parent, url, path)
        if not offer_recovery(parent, path, policy):
            return None
        try:
            startup_backup(path, policy)
        except (BackupError, OSError) as exc:
            messages.warning(
                parent,
                QCoreApplication.translate("SafetyStartup", "Yedek alınamadı"),
                fill(
                    QCoreApplication.translate("SafetyStartup", "Açılış yedeği alınamadı: %1"),
                    str(exc),
                ),
            )
    try:
        return open_context(url, take_lock=True, listen=True, backup_dir=policy.folder)
    except (SchemaError, SQLAlchemyError, OSError) as exc:
        problem = recovery.start_problem(path) if path is not None else None
        if problem is None:
            raise
        refuse_medium(parent, path, problem, str(exc))
        return None
    except DatabaseLocked as exc:
        holder = exc.holder
        answer = choose(
            parent,
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("SafetyStartup", "Veritabanı kullanımda"),
            str(exc)  # no holder to name: the lock file cannot be used (lock.py says why)
            if isinstance(exc, LockUnusable)
            else fill(
                QCoreApplication.translate(
                    "SafetyStartup",
                    "Bu veritabanı şu anda %1 tarafından %2 bilgisayarında %3 saatinden beri "
                    "açık. Aynı dosyaya aynı anda yalnızca bir kişi yazabilir.\n\n"
                    "Salt okunur açarsanız bakabilir ve dışa aktarabilirsiniz, "
                    "değişiklik yapamazsınız.",
                ),
                holder.person,
                holder.machine,
                holder.since_dt.strftime("%d.%m.%Y %H:%M"),
            ),
            [
                (QCoreApplication.translate("SafetyStartup", "Salt okunur aç"), Role.AcceptRole),
                (QCoreApplication.translate("SafetyStartup", "Vazgeç"), Role.RejectRole),
            ],
            name="lockedBox",
        )
        if answer != 0:
            return None
        return open_context(url, readonly=True, listen=True)
