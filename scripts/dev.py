#!/usr/bin/env python3
"""Developer entry point: one self-installing command to run the app or the tests.

    python3 scripts/dev.py run     # the app on its demo database (made on first run)
    python3 scripts/dev.py test    # ruff + mypy + the whole test suite, offscreen

On Windows use ``py scripts\\dev.py run`` / ``py scripts\\dev.py test``. The first
call creates .venv/ beside this repository and installs the project into it with
``pip install -e ".[test]"``; later calls reinstall only when pyproject.toml changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
DEMO_DB = ROOT / ".demo" / "demo.sqlite"
STAMP = VENV / ".kayseri-install-stamp"


def _bin(name: str) -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / f"{name}.exe"
    return VENV / "bin" / name


def _run(*cmd: object, env: dict | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True, env=env)


def ensure_venv() -> Path:
    """Create .venv and install the project with its test extras when needed."""
    if not _bin("python").exists():
        print(f"Sanal ortam oluşturuluyor: {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != want:
        py = _bin("python")
        _run(py, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        _run(py, "-m", "pip", "install", "--quiet", "-e", ".[test]")
        STAMP.write_text(want)
    _run(_bin("python"), ROOT / "scripts" / "build_translations.py")
    return _bin("python")


def cmd_run(args: list[str]) -> int:
    py = ensure_venv()
    if not any(a == "--db" or a.startswith("--db=") for a in args):
        if not DEMO_DB.exists():
            _run(py, "-m", "kayseri_desktop.cli", "demo", "--db", DEMO_DB)
        args = ["--db", str(DEMO_DB), *args]
    return subprocess.call([str(py), "-m", "kayseri_desktop.app", *args], cwd=ROOT)


def cmd_test(args: list[str]) -> int:
    py = ensure_venv()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    _run(py, "-m", "ruff", "check", ".")
    _run(py, "-m", "ruff", "format", "--check", ".")
    # Types: settings and the modules not yet typed are in pyproject.toml [tool.mypy];
    # the cache in .mypy_cache/ keeps a repeated run to a second or two.
    _run(py, "-m", "mypy")
    # Tests under coverage.py (branch coverage, [tool.coverage] in pyproject.toml), then
    # the figure per layer (scripts/coverage_layers.py); the exit code is pytest's.
    (ROOT / ".coverage").unlink(missing_ok=True)
    code = subprocess.call(
        [str(py), "-m", "coverage", "run", "-m", "pytest", *args], cwd=ROOT, env=env
    )
    subprocess.call([str(py), str(ROOT / "scripts" / "coverage_layers.py")], cwd=ROOT)
    return code


def main() -> int:
    commands = {"run": cmd_run, "test": cmd_test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    try:
        return commands[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as exc:
        return exc.returncode or 1


if __name__ == "__main__":
    sys.exit(main())
