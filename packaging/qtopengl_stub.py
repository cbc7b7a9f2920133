"""Stand-in for PySide6.QtOpenGL inside the PyInstaller bundle (packaging/kayseri.spec).

pyqtgraph imports PySide6.QtOpenGL when it is imported (PlotCurveItem, PColorMeshItem,
OpenGLHelpers, RawImageWidget) but uses it only to draw with OpenGL, which this app
never turns on: pyqtgraph's ``useOpenGL`` option stays False and no GraphicsView is
made with ``useOpenGL=True`` (tests/test_packaging_parts.py checks both). The real
module is an 8 MB binding, so the bundle carries this module under its name instead.
Any use of a QtOpenGL class fails with a plain AttributeError naming the class, and a
``hasattr`` check answers False.
"""

from __future__ import annotations

BUNDLE_STUB = True


def __getattr__(name: str):
    if name.startswith("__"):
        raise AttributeError(name)
    raise AttributeError(
        f"PySide6.QtOpenGL.{name}: OpenGL drawing is not part of this build"
        " (packaging/qtopengl_stub.py)"
    )
