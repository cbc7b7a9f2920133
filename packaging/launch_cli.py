"""Entry script of the bundle's console executable ``kayseri[.exe]``.

The same ``kayseri`` command line as in a developer install (demo, check, export,
...), shipped beside the window so that IT can create the demo database, check a
database or export without Python on the machine.
"""

from __future__ import annotations

import sys

from kayseri_desktop.cli import main

sys.exit(main())
