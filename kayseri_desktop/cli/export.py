"""kayseri export KIND OUT.xlsx --db PATH ...: one subcommand per kind of export.

Each kind lives in ``kayseri_desktop/cli/export_<kind>.py`` with ``register(sub)``
like the top-level commands; add its name to EXPORT_KINDS.
"""

from __future__ import annotations

import importlib

from kayseri_desktop.cli.common import Subparsers

EXPORT_KINDS: tuple[str, ...] = ("firms", "visits", "projects", "all")


def register(sub: Subparsers) -> None:
    p = sub.add_parser("export", help="Excel'e aktar (firmalar, ziyaretler, projeler, tümü)")
    kinds = p.add_subparsers(dest="kind", required=True, metavar="TÜR")
    for name in EXPORT_KINDS:
        importlib.import_module(f"kayseri_desktop.cli.export_{name}").register(kinds)
