"""Compile resources/translations/*.ts into .qm files with PySide6's lrelease.

    python scripts/build_translations.py [--out DIR]

The .qm files are build output (git-ignored): run this before starting the app in
English and before packaging. Tests call build() with a temporary output folder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"


class BuildError(RuntimeError):
    pass


def find_tool(name: str = "lrelease") -> Path:
    """pyside6-<name> next to the running Python (the venv), else PySide6's own binary."""
    exe = ".exe" if sys.platform == "win32" else ""
    candidates = [Path(sys.executable).parent / f"pyside6-{name}{exe}"]
    try:
        import PySide6

        package = Path(PySide6.__file__).parent
        candidates += [package / f"{name}{exe}", package / "Qt" / "bin" / f"{name}{exe}"]
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    found = shutil.which(f"pyside6-{name}")
    if found:
        return Path(found)
    raise BuildError(f"pyside6-{name} not found; install PySide6 in this environment")


def build(source_dir: Path = TRANSLATIONS, out_dir: Path | None = None) -> list[Path]:
    """Compile every .ts in source_dir; the .qm files go to out_dir (default: beside them)."""
    out_dir = out_dir or source_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    lrelease = find_tool("lrelease")
    built = []
    for ts in sorted(source_dir.glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        result = subprocess.run(
            [str(lrelease), str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not qm.is_file():
            raise BuildError(f"lrelease failed for {ts.name}:\n{result.stdout}{result.stderr}")
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="output folder (default: beside the .ts files)")
    args = parser.parse_args(argv)
    try:
        for qm in build(out_dir=args.out):
            print(qm)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
