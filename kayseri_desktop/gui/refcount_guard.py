"""Keep None, True and False alive under PySide6 6.12 on CPython 3.11.

PySide6/shiboken 6.12.0 returns None (and the bools) from wrapped C++ calls without
taking a new reference: every ``widget.resize()``, ``painter.setPen()``,
``label.setText()`` ... drops None's reference count by one. CPython 3.12 made these
singletons immortal, so there it is harmless; on 3.11 the count reaches zero after a
few tens of thousands of calls (a chart repaint makes hundreds) and the interpreter
aborts with "Fatal Python error: none_dealloc" / "bool_dealloc".

Measured (PySide6 6.12.0, Python 3.11.7): 250 calls of ``QWidget.resize`` lower
``sys.getrefcount(None)`` by 250.

The cure below is what CPython 3.12 does: give the three singletons a reference
count so large no program can exhaust it. It runs once, on first import of the gui
package, only on CPython older than 3.12.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40
immortalized = False


def immortalize_singletons() -> bool:
    """Raise the reference counts of None, True and False far out of reach; True if done."""
    global immortalized
    if immortalized or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object header.
        ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM
    immortalized = True
    return True


immortalize_singletons()
