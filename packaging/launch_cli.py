"""Entry script of the bundle's console executable ``kayseri[.exe]``.

The same ``kayseri`` command line as in a developer install (demo, check, export,
...), shipped beside the window so that IT can create the demo database, check a
database or export without Python on the machine.

This program is small on purpose: it runs the window program's own copy of the
command line (``KayseriIhracatMasasi --cli ARGS``, see launch_gui.py) and passes its
output, errors and exit code through. PyInstaller gives every program its own
archive of Python modules, so a full second program would carry a second copy of
SQLAlchemy, Alembic, openpyxl, ... (about 11 MB); this one carries only what it
needs to start a process. Output arrives as UTF-8 and is written as text, so
Turkish letters show in a console whatever its code page.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading

APP = "KayseriIhracatMasasi"
STARTF_FORCEOFFFEEDBACK = 0x80  # Windows: no "app starting" cursor for the child


def _relay(source, target) -> None:
    for line in io.TextIOWrapper(source, encoding="utf-8", errors="replace", newline=""):
        target.write(line)
        target.flush()


def main(argv: list[str]) -> int:
    folder = os.path.dirname(os.path.abspath(sys.executable))
    program = os.path.join(folder, APP + (".exe" if sys.platform == "win32" else ""))
    options: dict = {}
    if sys.platform == "win32":
        info = subprocess.STARTUPINFO()
        info.dwFlags |= STARTF_FORCEOFFFEEDBACK
        options["startupinfo"] = info
    try:
        child = subprocess.Popen(
            [program, "--cli", *argv],
            stdin=subprocess.DEVNULL,  # no command reads input
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            **options,
        )
    except OSError as exc:
        print(f"kayseri: {program} çalıştırılamadı: {exc}", file=sys.stderr)
        return 2
    relays = [
        threading.Thread(target=_relay, args=(child.stdout, sys.stdout), daemon=True),
        threading.Thread(target=_relay, args=(child.stderr, sys.stderr), daemon=True),
    ]
    for relay in relays:
        relay.start()
    try:
        code = child.wait()
    except KeyboardInterrupt:
        child.terminate()
        child.wait()
        return 130
    for relay in relays:
        relay.join()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
