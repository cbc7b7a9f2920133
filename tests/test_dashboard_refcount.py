"""gui/refcount_guard.py: PySide6 6.12 on CPython 3.11 must not exhaust None or the bools.

The charts make hundreds of void Qt calls per repaint; each one (on that pairing)
drops a reference to None it never took. Run a child interpreter that makes far more
such calls than None has references and check it lives to say so.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CHILD = """
import kayseri_desktop.gui  # installs the guard
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
calls = 200_000  # a fresh interpreter holds about 5,000 references to None
for _ in range(calls):
    widget.resize(10, 10)      # returns None
    widget.setVisible(False)   # returns None
import gc
gc.collect()
print("sağ", calls)
"""


def test_void_qt_calls_do_not_kill_the_interpreter():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("sağ")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_guard_gives_the_singletons_headroom():
    from kayseri_desktop.gui import refcount_guard

    assert refcount_guard.immortalized
    assert sys.getrefcount(None) > refcount_guard.HEADROOM // 2
    assert sys.getrefcount(True) > refcount_guard.HEADROOM // 2
    assert refcount_guard.immortalize_singletons() is False  # only once
