"""Start-up to a shown main window: the app on the demo database, a bare window, the bundle.

Every figure is the median wall time from starting a fresh process to the first
paint of its main window (packaging/startup_probe.py prints a marker then and
quits), measured in subprocesses in the same run so the ratio cancels out the
machine's speed:

    startup_first_paint_ms     the app from the source tree (packaging/launch_gui.py,
                               the bundle's own entry script) on a 2,400-firm demo
                               database: the window with the Pano's tiles painted
    startup_full_dashboard_ms  the same start (same process) until every Pano chart
                               is drawn (the charts follow the first paint)
    startup_app_ms             = startup_first_paint_ms (its earlier name)
    startup_bare_ms            python + PySide6 + an empty QMainWindow
    startup_ratio              startup_first_paint_ms / startup_bare_ms
    startup_bundle_ms          the built bundle on the same database, when one exists
    bundle_first_paint_ms      (dist/KayseriIhracatMasasi, or $KAYSERI_BUNDLE)

    .venv/bin/python benchmarks/run.py -k startup
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import startup_probe  # noqa: E402

APP_NAME = "KayseriIhracatMasasi"
EXE = ".exe" if sys.platform == "win32" else ""
TIMEOUT_S = 120

BARE = f"""
import sys
sys.path.insert(0, {str(PACKAGING)!r})
import startup_probe
from PySide6.QtWidgets import QApplication, QMainWindow
startup_probe.install()
window = QMainWindow()
window.resize(1280, 760)
window.show()
sys.exit(QApplication.instance().exec())
"""


FULL_MARKER = "KAYSERI_DASHBOARD_FULL"

# The app as launch_gui.py starts it, with a probe printing one marker at the first
# paint of the main window and another once the Pano's charts are drawn.
FULL = f"""
import runpy, sys
sys.path.insert(0, {str(PACKAGING)!r})
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

app = QApplication(sys.argv[:1])


class Probe(QObject):
    painted = False

    def eventFilter(self, obj, event):
        if (
            not self.painted
            and event.type() == QEvent.Type.Paint
            and isinstance(obj, QWidget)
            and isinstance(obj.window(), QMainWindow)
        ):
            self.painted = True
            print({startup_probe.MARKER!r}, flush=True)
            self.timer.start(1)
        return False

    def poll(self):
        for window in QApplication.topLevelWidgets():
            for tab in getattr(window, "built_tabs", ()):
                if getattr(tab, "charts_filled", False):
                    self.timer.stop()
                    print({FULL_MARKER!r}, flush=True)
                    QTimer.singleShot(0, QApplication.quit)
                    return


probe = Probe()
probe.timer = QTimer()
probe.timer.timeout.connect(probe.poll)
app.installEventFilter(probe)
sys.argv = [{str(PACKAGING / "launch_gui.py")!r}, *sys.argv[1:]]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def bundle_executable() -> Path | None:
    folder = Path(os.environ.get("KAYSERI_BUNDLE") or ROOT / "dist" / APP_NAME)
    exe = folder / f"{APP_NAME}{EXE}"
    return exe if exe.is_file() else None


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KAYSERI_", "XDG_"))}
    env.update(
        {
            startup_probe.ENV: "1",
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
        }
    )
    return env


def time_to_markers(cmd: list[str], home: Path, markers: tuple[str, ...]) -> list[float]:
    """Milliseconds from spawning cmd to each marker line, in order; raises if one never
    shows."""
    started = time.perf_counter()
    env = _env(home)
    if len(markers) > 1:
        env.pop(startup_probe.ENV)  # the full probe quits by itself, after the charts
    proc = subprocess.Popen(
        cmd,
        cwd=home,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    watchdog = threading.Timer(TIMEOUT_S, proc.kill)  # a window that never shows
    watchdog.start()
    found: list[float] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == markers[len(found)]:
                found.append((time.perf_counter() - started) * 1000)
                if len(found) == len(markers):
                    break
        else:
            raise RuntimeError(f"{cmd[0]} exited before {markers[len(found)]}")
        proc.wait(timeout=TIMEOUT_S)
        return found
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def time_to_window(cmd: list[str], home: Path) -> float:
    """Milliseconds from spawning cmd to its marker line; raises if it never shows one."""
    return time_to_markers(cmd, home, (startup_probe.MARKER,))[0]


def median_ms(cmd: list[str], home: Path, runs: int) -> float:
    time_to_window(cmd, home)  # warm-up: file cache, font cache, .pyc files
    return statistics.median(time_to_window(cmd, home) for _ in range(runs))


def make_demo_db(path: Path, firms: int) -> None:
    from kayseri_desktop.services import demo
    from kayseri_desktop.services.context import open_context

    ctx = open_context(path)
    try:
        demo.generate(ctx.db, firms=firms, today=dt.date(2026, 11, 25))
    finally:
        ctx.close()


def figures(quick: bool) -> dict[str, float]:
    runs = 3 if quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        db = home / "demo.sqlite"
        make_demo_db(db, 2400)
        full_cmd = [sys.executable, "-c", FULL, "--db", str(db)]
        bare_cmd = [sys.executable, "-c", BARE]
        markers = (startup_probe.MARKER, FULL_MARKER)
        time_to_markers(full_cmd, home, markers)  # warm-up: file cache, fonts, .pyc files
        runs_ms = [time_to_markers(full_cmd, home, markers) for _ in range(runs)]
        first_ms = statistics.median(r[0] for r in runs_ms)
        full_ms = statistics.median(r[1] for r in runs_ms)
        bare_ms = median_ms(bare_cmd, home, runs)
        out = {
            "startup_first_paint_ms": first_ms,
            "startup_full_dashboard_ms": full_ms,
            "startup_app_ms": first_ms,
            "startup_bare_ms": bare_ms,
            "startup_ratio": first_ms / bare_ms,
        }
        exe = bundle_executable()
        if exe is not None:
            try:
                bundle_ms = median_ms([str(exe), "--db", str(db)], home, runs)
                out["startup_bundle_ms"] = out["bundle_first_paint_ms"] = bundle_ms
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                print(f"bundle start-up not measured: {exc}", file=sys.stderr)
    return out


if __name__ == "__main__":
    for name, value in figures(quick="--quick" in sys.argv).items():
        print(f"{name:<24} {value:>10.1f}")
