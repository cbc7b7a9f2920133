#!/usr/bin/env python3
"""The one entry point for performance figures. Prints a table, or JSON with --json.

    .venv/bin/python benchmarks/run.py            # all figures
    .venv/bin/python benchmarks/run.py --quick    # skip the 100,000-firm figures
    .venv/bin/python benchmarks/run.py --json

Each bench_*.py module beside this file has ``figures(quick: bool) -> dict[str, float]``;
figure names carry their unit (``_s``, ``_ms``, ``_ratio``, ``_mb``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true", help="one JSON object of name: number")
    ap.add_argument("--quick", action="store_true", help="skip the 100,000-firm figures")
    ap.add_argument("-k", default="", help="only modules whose name contains this")
    args = ap.parse_args()
    results: dict[str, float] = {}
    for module_path in sorted(HERE.glob("bench_*.py")):
        if args.k and args.k not in module_path.stem:
            continue
        module = importlib.import_module(module_path.stem)
        figures = module.figures(args.quick)
        results.update(figures)
        if not args.json:
            for name, value in figures.items():
                print(f"{name:<40} {value:>14.3f}", flush=True)
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
