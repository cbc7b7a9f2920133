"""The Qt desktop interface: main window, tabs, item models, dialogs.

Only this package (and the app bootstrap, kayseri_desktop/app.py) imports QtWidgets.
"""

from kayseri_desktop.gui import refcount_guard  # noqa: F401  (PySide6 6.12 on Python 3.11)
