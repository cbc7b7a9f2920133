"""The ``kayseri`` command line: the same services as the window, without it.

Each subcommand lives in its own module in this package and exposes
``register(subparsers)``, which adds its parser and sets ``handler`` (a function
taking the parsed arguments and returning an exit code). Adding a command is
adding a module to COMMANDS; nothing else here changes.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys

from kayseri_desktop import __version__
from kayseri_desktop.data import migrations
from kayseri_desktop.data.backup import BackupError

COMMANDS = ("demo", "check", "import_", "export", "meeting_pack", "visits", "backup", "restore")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kayseri", description="Kayseri İhracat Koordinasyon Masası — komut satırı"
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="KOMUT")
    for name in COMMANDS:
        importlib.import_module(f"kayseri_desktop.cli.{name}").register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except BrokenPipeError:  # whoever read the output stopped early (kayseri check | head)
        _quiet_stdout()
        return 1
    except (migrations.SchemaError, BackupError, OSError) as exc:  # a file it cannot write
        print(f"Hata: {exc}", file=sys.stderr)
        return 2


def _quiet_stdout() -> None:
    """Point stdout at the null device, so that flushing it at exit raises nothing more
    (as the Python documentation advises for SIGPIPE)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no file behind it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
