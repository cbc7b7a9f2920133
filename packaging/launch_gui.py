"""Entry script of the bundle's windowed executable (KayseriIhracatMasasi[.exe]).

``--cli ARGS`` runs the ``kayseri`` command line instead of the window: the bundle's
small console program ``kayseri[.exe]`` (launch_cli.py) calls it so.

A windowed Windows executable starts with ``sys.stdout``/``sys.stderr`` set to None,
so ``--self-test`` and ``--help`` would print nothing even when the caller
redirected the output to a file or a pipe (as the Windows build workflow does).
When the process did inherit standard handles, they are reopened here as UTF-8
text streams (Turkish text does not fit the ANSI code page); otherwise the
streams stay None and the app runs as a plain window.
"""

from __future__ import annotations

import sys


def _reopen_inherited_streams() -> None:
    if sys.platform != "win32":
        return
    import ctypes
    import io
    import msvcrt

    kernel32 = ctypes.windll.kernel32
    kernel32.GetStdHandle.restype = ctypes.c_void_p
    invalid = {None, 0, ctypes.c_void_p(-1).value}
    for name, handle_id in (("stdout", -11), ("stderr", -12)):
        if getattr(sys, name) is not None:
            continue
        handle = kernel32.GetStdHandle(handle_id)
        if handle in invalid:
            continue
        try:
            fd = msvcrt.open_osfhandle(handle, 0)
            raw = io.FileIO(fd, "w", closefd=False)
            stream = io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8", line_buffering=True)
        except OSError:
            continue
        setattr(sys, name, stream)


_reopen_inherited_streams()


def _command_line(argv: list[str]) -> int:
    """``--cli ARGS``: the ``kayseri`` command line, run for launch_cli.py's small
    console program. Every error ends as text on stderr and exit code 1, never as the
    windowed bootloader's traceback dialog (nobody may be there to close it)."""
    import os
    import traceback

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # started without handles: output goes nowhere
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    try:
        from kayseri_desktop.cli import main as cli_main

        return cli_main(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        traceback.print_exc()
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


if sys.argv[1:2] == ["--cli"]:
    sys.exit(_command_line(sys.argv[2:]))

import startup_probe  # noqa: E402  (packaging/startup_probe.py; idle unless asked for)

startup_probe.install()

from kayseri_desktop.app import main  # noqa: E402  (after the streams exist)

sys.exit(main())
