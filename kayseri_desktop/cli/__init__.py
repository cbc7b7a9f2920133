"""The ``kayseri`` command line: the same services as the window, without it.

Each subcommand lives in its own module in this package and exposes
``register(subparsers)``, which adds its parser and sets ``handler`` (a function
taking the parsed arguments and returning an exit code). Adding a command is
adding a module to COMMANDS; nothing else here changes.

No Python traceback reaches the person at the terminal: known failures are
refused with a one-line Turkish reason by the commands themselves, and main()
turns anything that still escapes into one line ("Hata: …") and a non-zero exit
code, without the exception's text when it could hold data (SQL parameters).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from kayseri_desktop import __version__
from kayseri_desktop.cli.common import Refused, TurkishArgumentParser, turkish_argparse
from kayseri_desktop.core import os_errors

if TYPE_CHECKING:
    from sqlalchemy.exc import DBAPIError

COMMANDS = (
    "demo",
    "check",
    "import_",
    "export",
    "meeting_pack",
    "visits",
    "backup",
    "restore",
    "action_plan",
    "scorecard",
)


def build_parser() -> argparse.ArgumentParser:
    with turkish_argparse():  # the headings and -h's help are fixed when a parser is made
        p = TurkishArgumentParser(
            prog="kayseri", description="Kayseri İhracat Koordinasyon Masası — komut satırı"
        )
        p.add_argument(
            "--version",
            action="version",
            version=f"%(prog)s {__version__}",
            help="program sürümünü göster ve çık",
        )
        sub = p.add_subparsers(dest="command", required=True, metavar="KOMUT")
        for name in COMMANDS:
            importlib.import_module(f"kayseri_desktop.cli.{name}").register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    with turkish_argparse():
        args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler  # set by each register()
    try:
        return handler(args)
    except BrokenPipeError:  # whoever read the output stopped early (kayseri check | head)
        _quiet_stdout()
        return 1
    except BaseException as exc:
        if isinstance(exc, SystemExit):
            raise
        print(f"Hata: {reason(exc)}", file=sys.stderr)
        return exc.code if isinstance(exc, Refused) else _exit_code(exc)


def _dbapi_reason(exc: DBAPIError) -> str:
    """What the driver said, in Turkish; its class name when there is no driver error."""
    return type(exc).__name__ if exc.orig is None else os_errors.sqlite_reason(exc.orig)


def reason(exc: BaseException) -> str:
    """One Turkish line for an exception that ended a command."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    from kayseri_desktop.data.backup import BackupError
    from kayseri_desktop.data.lock import DatabaseLocked
    from kayseri_desktop.data.migrations import SchemaError

    if isinstance(exc, DatabaseLocked):
        from kayseri_desktop.cli.common import locked_message

        return locked_message(exc)
    if isinstance(exc, (Refused, SchemaError, BackupError)):
        return _one_line(str(exc))
    if isinstance(exc, KeyboardInterrupt):
        return "iptal edildi (Ctrl+C); yarım kalan yazma işlemi geri alındı."
    if isinstance(exc, MemoryError):
        return "bellek yetmedi; daha küçük bir işlemle yeniden deneyin. Hiçbir şey yazılmadı."
    if isinstance(exc, OSError):
        # Its own message when it wrote one in Turkish (atomic.py), else what errno means.
        if type(exc).__module__.startswith("kayseri_desktop"):
            return _one_line(str(exc))
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{os_errors.reason(exc)}. İşlem yapılamadı."
    if isinstance(exc, DBAPIError):  # never str(exc): it lists the SQL and its values
        return (
            f"veritabanı işlemi yapılamadı: {_dbapi_reason(exc)}. "
            "Yarım kalan işlem geri alındı; veritabanı önceki hâlinde."
        )
    if isinstance(exc, SQLAlchemyError):
        return f"veritabanı işlemi yapılamadı ({type(exc).__name__})."
    return f"beklenmeyen bir sorun oluştu ({type(exc).__name__}); işlem tamamlanamadı."


def _exit_code(exc: BaseException) -> int:
    return 130 if isinstance(exc, KeyboardInterrupt) else 2


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quiet_stdout() -> None:
    """Point stdout at the null device, so that flushing it at exit raises nothing more
    (as the Python documentation advises for SIGPIPE)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no file behind it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
