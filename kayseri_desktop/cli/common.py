"""Helpers shared by the subcommands: opening the database for reading or writing,
the one-writer lock, refusals, and argparse in Turkish.

Every command that writes to the database goes through ``open_for_writing`` (or,
when a service takes the lock itself, ``writer_lock``): it takes the same lock
file the window takes (data/lock.py) before anything is touched, so that a
command never writes to a database someone has open in the window. Every
command that only reads goes through ``open_for_reading``: the database is
opened read-only and never migrated; a database on an older schema is left
exactly as it is and the command says so.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from kayseri_desktop.core.turkish import thousands

if TYPE_CHECKING:
    from kayseri_desktop.data.lock import DatabaseLocked
    from kayseri_desktop.services.context import AppContext

    # What register(sub) is given: the subparsers of the parser above it.
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = argparse._SubParsersAction

__all__ = [
    "Refused",
    "Subparsers",
    "TurkishArgumentParser",
    "add_db_argument",
    "open_for_reading",
    "open_for_writing",
    "print_counts",
    "thousands",
    "turkish_argparse",
    "writer_lock",
]

OLDER_SCHEMA = (
    "veritabanının şeması eski ({current}; bu sürüm {head} kullanıyor). Bu komut "
    "veritabanını değiştirmez: şema eski; uygulama bir sonraki açılışta (ya da veri "
    "yazan bir komut) güncelleyecek. Dosyaya dokunulmadı."
)


class Refused(Exception):
    """The command stops here with a one-line Turkish reason (printed after "Hata: ")."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def add_db_argument(parser: argparse.ArgumentParser, *, may_create: bool = False) -> None:
    """--db PATH or URL. Unless the command may create it (demo, import), a SQLite file
    that does not exist is a usage error: a mistyped path must not leave a new, empty
    database behind and report on it."""
    parser.add_argument(
        "--db",
        required=True,
        type=str if may_create else _existing_database,
        help="SQLite dosyası ya da SQLAlchemy URL'si",
    )


def _existing_database(text: str) -> str:
    from kayseri_desktop.data.engine import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(text))
    if path is not None and not path.is_file():
        raise argparse.ArgumentTypeError(f"veritabanı bulunamadı: {path}")
    return text


def db_path(db: str) -> Path | None:
    """The SQLite file behind --db; None for a server database."""
    from kayseri_desktop.data.engine import resolve_url, sqlite_path

    return sqlite_path(resolve_url(db))


def locked_message(exc: DatabaseLocked) -> str:
    """One line: who holds the database, and that nothing was written."""
    from kayseri_desktop.data.lock import LockUnusable

    if isinstance(exc, LockUnusable):
        return str(exc)
    return (
        f"veritabanı şu anda {exc.holder.describe()} tarafından yazmak için açık; aynı "
        "dosyaya aynı anda yalnızca bir kişi yazabilir. Hiçbir şey yazılmadı; o kişi "
        "programı kapattıktan sonra yeniden deneyin."
    )


@contextlib.contextmanager
def writer_lock(db: str) -> Iterator[None]:
    """Hold the window's one-writer lock on db's SQLite file for the block.

    When someone else holds it, Refused names them and nothing is written. A lock
    left behind by a program that no longer runs (or one that cannot be read) is
    taken over, and the command says so on stderr. On a database server there is
    no lock file: the server keeps writers apart.
    """
    from kayseri_desktop.data.lock import DatabaseLocked, LockFile
    from kayseri_desktop.services.context import current_user

    path = db_path(db)
    if path is None:
        yield
        return
    if not path.parent.is_dir():
        raise Refused(f"klasör yok: {path.parent}; hiçbir şey yazılmadı.")
    for where in (path, path.parent):  # SQLite also writes its journal beside the file
        if where.exists() and not os.access(where, os.W_OK):
            raise Refused(
                f"{where} yazmaya kapalı (salt okunur, değiştirilemez olarak işaretli ya da "
                "izin yok); hiçbir şey yazılmadı."
            )
    try:
        lock = LockFile(path, current_user()).acquire()
    except DatabaseLocked as exc:
        raise Refused(locked_message(exc)) from None
    if lock.took_over_reason:
        print(
            f"Uyarı: eski yazma kilidi devralındı ({lock.took_over_reason}).",
            file=sys.stderr,
        )
    try:
        yield
    finally:
        lock.release()


@contextlib.contextmanager
def open_for_writing(db: str, *, may_create: bool = False) -> Iterator[AppContext]:
    """The database, migrated and writable, while this command holds the writer lock.

    A new SQLite file is made only when may_create and its folder exists (a mistyped
    --db creates no folders).
    """
    from kayseri_desktop.services.context import open_context

    path = db_path(db)
    if path is not None and not path.exists() and not may_create:
        raise Refused(f"veritabanı bulunamadı: {path}")
    if path is not None and not path.exists() and not path.parent.is_dir():
        raise Refused(
            f"klasör yok: {path.parent}. Yeni veritabanı yalnızca var olan bir klasörde "
            "oluşturulur; yazım hatası olabilir. Hiçbir şey oluşturulmadı."
        )
    with writer_lock(db):
        ctx = open_context(db)
        try:
            yield ctx
        finally:
            ctx.close()


def schema_state(db: str) -> tuple[str | None, str]:
    """(current, head) revisions, read without writing; Refused when it is no database."""
    from sqlalchemy.exc import DatabaseError

    from kayseri_desktop.data import migrations
    from kayseri_desktop.data.engine import make_engine, resolve_url

    probe = make_engine(resolve_url(db), readonly=True, pooled=False)
    try:
        current = migrations.check_known(probe)
    except DatabaseError as exc:
        raise Refused(_unopenable(db_path(db), exc.orig or exc)) from None
    finally:
        probe.dispose()
    return current, migrations.head_revision()


def _unopenable(path: Path | None, exc: BaseException) -> str:
    """Why a database could not be opened for reading: not every failure is damage."""
    from kayseri_desktop.core import os_errors

    is_sqlite = True  # a server, or a file we cannot read: say what SQLite said
    if path is not None:
        with contextlib.suppress(OSError), open(path, "rb") as fh:
            is_sqlite = fh.read(16) == b"SQLite format 3\0"
    if not is_sqlite:
        return "dosya açılamadı: bir SQLite veritabanı değil. Dosyaya dokunulmadı."
    text = f"veritabanı açılamadı: {os_errors.sqlite_reason(exc)}"
    if path is not None and not os.access(path.parent, os.W_OK):
        text += (
            f" ({path.parent} yazmaya kapalı; SQLite okurken de yanına geçici dosyalar "
            "açar: veritabanını yazılabilir bir klasöre kopyalayıp orada açın)"
        )
    return text + ". Dosyaya dokunulmadı."


def open_for_reading(db: str, *, allow_older: bool = False) -> AppContext:
    """The database opened read-only, never migrated and never locked.

    On an older schema, Refused says so (the app migrates it at its next start),
    unless allow_older (``check``, which reads only what every schema has).
    """
    from kayseri_desktop.data.engine import Database, make_engine, resolve_url
    from kayseri_desktop.services.context import AppContext, open_context

    current, head = schema_state(db)
    if current != head:
        if not allow_older:
            raise Refused(OLDER_SCHEMA.format(current=current or "boş", head=head))
        url = resolve_url(db)
        return AppContext(Database(url, make_engine(url, readonly=True), readonly=True))
    return open_context(db, readonly=True)


def print_counts(counts: dict[str, int]) -> None:
    for name, n in counts.items():
        print(f"  {name:<20} {thousands(n):>9}")


# --- argparse in Turkish -------------------------------------------------------------

# argparse looks its messages up with gettext's _() and ngettext(); these are their
# Turkish forms (Python 3.11 wording). Anything not listed stays as argparse wrote it.
_MESSAGES = {
    "usage: ": "kullanım: ",
    "positional arguments": "konumsal bağımsız değişkenler",
    "options": "seçenekler",
    "optional arguments": "seçenekler",
    "show this help message and exit": "bu yardımı göster ve çık",
    "show program's version number and exit": "program sürümünü göster ve çık",
    "%(prog)s: error: %(message)s\n": "%(prog)s: hata: %(message)s\n",
    "unrecognized arguments: %s": "tanınmayan bağımsız değişkenler: %s",
    "the following arguments are required: %s": "şu bağımsız değişkenler gerekli: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "geçersiz seçim: %(value)r (şunlardan biri olmalı: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "geçersiz %(type)s değeri: %(value)r",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "bir değer bekleniyordu",
    "expected at most one argument": "en çok bir değer bekleniyordu",
    "expected at least one argument": "en az bir değer bekleniyordu",
    "not allowed with argument %s": "%s ile birlikte kullanılamaz",
    "one of the arguments %s is required": "şu bağımsız değişkenlerden biri gerekli: %s",
    "ignored explicit argument %r": "verilen değer yok sayıldı: %r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "belirsiz seçenek: %(option)s şunlardan biri olabilir: %(matches)s"
    ),
    "unexpected option string: %s": "beklenmeyen seçenek: %s",
    "%r is not callable": "%r çağrılabilir değil",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "bilinmeyen komut %(parser_name)r (şunlardan biri olmalı: %(choices)s)"
    ),
    "cannot merge actions - two groups are named %r": "iki grup aynı adı taşıyor: %r",
    "invalid conflict_resolution value: %r": "geçersiz conflict_resolution değeri: %r",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' açılamadı: %(error)s",
}
_PLURALS = {
    "expected %s argument": ("%s değer bekleniyordu", "%s değer bekleniyordu"),
    "conflicting option string: %s": ("çakışan seçenek: %s", "çakışan seçenekler: %s"),
}
# The type named in "invalid <type> value" is the converter's __name__.
_TYPE_NAMES = {"int": "tam sayı", "float": "sayı", "fromisoformat": "tarih (YYYY-AA-GG)"}


def _gettext(message: str) -> str:
    return _MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    forms = _PLURALS.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


@contextlib.contextmanager
def turkish_argparse() -> Iterator[None]:
    """argparse's own words (usage, headings, errors) in Turkish for the block."""
    # argparse looks its words up through its module-level "_" and "ngettext" (imported
    # from gettext); they are private, so typeshed does not list them: set by name.
    saved = getattr(argparse, "_"), getattr(argparse, "ngettext")  # noqa: B009
    setattr(argparse, "_", _gettext)  # noqa: B010
    setattr(argparse, "ngettext", _ngettext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


class TurkishArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose messages are Turkish (with turkish_argparse() active) and
    whose "invalid int value" names the type in Turkish."""

    def error(self, message: str) -> NoReturn:
        for name, turkish in _TYPE_NAMES.items():
            message = message.replace(f"geçersiz {name} değeri", f"geçersiz {turkish} değeri")
        with turkish_argparse():
            super().error(message)
