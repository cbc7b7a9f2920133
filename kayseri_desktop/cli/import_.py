"""kayseri import KIND FILE.xlsx --db PATH ...: one subcommand per kind of import.

Each kind lives in ``kayseri_desktop/cli/import_<kind>.py`` with ``register(sub)``;
add its name to IMPORT_KINDS. (The module is ``import_`` because ``import`` is a
Python keyword; the command people type is ``kayseri import``.)
"""

from __future__ import annotations

import importlib

from kayseri_desktop.cli.common import Subparsers

IMPORT_KINDS: tuple[str, ...] = ("firms",)


def register(sub: Subparsers) -> None:
    p = sub.add_parser("import", help="Excel'den içe aktar (firmalar)")
    kinds = p.add_subparsers(dest="kind", required=True, metavar="TÜR")
    for name in IMPORT_KINDS:
        importlib.import_module(f"kayseri_desktop.cli.import_{name}").register(kinds)
