"""Fault injection for tests: how an office's bad day is made on purpose.

- small_disk(): a real, small file system (a tmpfs mount; needs root, as on CI) and
  fill_disk() to leave it with (almost) no room;
- read_only(): a folder where nothing can be written (a read-only bind mount as root,
  where file modes do not stop anyone; chmod otherwise), and remount_read_only() for a
  whole small_disk();
- hold_lock(): another process holding the app's one-writer lock on a database;
- kill_at(): a real process stopped dead (SIGKILL) at a chosen function, so the files
  it leaves are the ones a crash leaves.

Each skips the test (pytest.skip, saying why) where the machine cannot do it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True)


def _can_mount() -> str | None:
    """None when mounting works here, else the reason it does not."""
    if sys.platform != "linux":
        return "tmpfs-Bağlama yalnızca Linux'ta: küçük disk denemesi atlandı"
    if os.geteuid() != 0:
        return "mount için root gerekli (CI root olarak çalışır): küçük disk denemesi atlandı"
    return None


@contextlib.contextmanager
def small_disk(size_kb: int = 4096) -> Iterator[Path]:
    """A fresh tmpfs of size_kb mounted on a temporary folder; unmounted afterwards."""
    reason = _can_mount()
    if reason:
        pytest.skip(reason)
    point = Path(tempfile.mkdtemp(prefix="kucuk-disk-"))
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(point))
    if done.returncode != 0:
        point.rmdir()
        pytest.skip(f"tmpfs bağlanamadı ({done.stderr.strip()}): küçük disk denemesi atlandı")
    try:
        yield point
    finally:
        _run("umount", "-l", str(point))
        with contextlib.suppress(OSError):
            point.rmdir()


def fill_disk(folder: Path, leave: int = 0) -> Path:
    """Write a filler file in folder until the disk is full, then free `leave` bytes.

    Returns the filler; deleting it gives the room back.
    """
    filler = folder / "dolgu.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        chunk = b"\0" * 65536
        while True:
            try:
                os.write(fd, chunk)
            except OSError:
                if len(chunk) == 512:
                    break
                chunk = chunk[: len(chunk) // 2]
        if leave:
            size = os.fstat(fd).st_size
            os.ftruncate(fd, max(size - leave, 0))
    finally:
        os.close(fd)
    return filler


def remount_read_only(point: Path, *, read_only: bool = True) -> None:
    """Make a small_disk() read-only (or writable again), as a locked USB stick is."""
    option = "remount,ro" if read_only else "remount,rw"
    done = _run("mount", "-o", option, str(point))
    if done.returncode != 0:
        pytest.skip(f"yeniden bağlanamadı ({done.stderr.strip()})")


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """folder, and everything in it, read-only for this block.

    As root file modes stop nothing, so the folder is bind-mounted read-only over
    itself; otherwise its and its files' write bits are taken away.
    """
    if os.geteuid() == 0:
        reason = _can_mount()
        if reason:
            pytest.skip(reason)
        done = _run("mount", "--bind", str(folder), str(folder))
        if done.returncode != 0:
            pytest.skip(f"bağlanamadı ({done.stderr.strip()}): salt okunur deneme atlandı")
        done = _run("mount", "-o", "remount,bind,ro", str(folder))
        if done.returncode != 0:
            _run("umount", "-l", str(folder))
            pytest.skip(f"salt okunur yapılamadı ({done.stderr.strip()})")
        try:
            yield folder
        finally:
            _run("umount", "-l", str(folder))
        return
    modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
    for p, mode in modes.items():
        p.chmod(mode & ~0o222)
    try:
        yield folder
    finally:
        for p, mode in sorted(modes.items(), key=lambda kv: len(kv[0].parts)):
            p.chmod(mode)


def _child(code: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def _wait_for_line(proc: subprocess.Popen, marker: str, timeout: float = 60) -> None:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip() == marker:
            return
        if not line and proc.poll() is not None:
            err = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"the child ended before {marker!r}: {err}")
    proc.kill()
    raise AssertionError(f"the child never reached {marker!r}")


@contextlib.contextmanager
def hold_lock(db_path: Path, user: str = "Başka Kullanıcı") -> Iterator[subprocess.Popen]:
    """Another process that has db_path open with the one-writer lock, as the window does."""
    proc = _child(
        textwrap.dedent(
            f"""
        import os, time
        os.environ["KAYSERI_USER"] = {user!r}
        from kayseri_desktop.services.context import open_context
        ctx = open_context({str(db_path)!r}, take_lock=True)
        print("kilitli", flush=True)
        time.sleep(600)
        """
        )
    )
    try:
        _wait_for_line(proc, "kilitli")
        yield proc
    finally:
        proc.kill()
        proc.wait()


def kill_at(target: str, code: str, *, call: int = 1) -> int:
    """Run code in a new process and SIGKILL it on the call-th call of target; its pid.

    target is "module:function" (looked up through the module at call time, so code
    that calls module.function or a name in that module's globals is caught). The
    process is killed just before that call runs, as a power cut or the task manager
    would; whatever it had written so far stays as it was.
    """
    module, name = target.split(":")
    proc = _child(
        textwrap.dedent(
            f"""
        import importlib, time
        _m = importlib.import_module({module!r})
        _orig = getattr(_m, {name!r})
        _calls = [0]
        def _stop(*a, **k):
            _calls[0] += 1
            if _calls[0] == {call}:
                print("durdu", flush=True)
                time.sleep(600)
            return _orig(*a, **k)
        setattr(_m, {name!r}, _stop)
        """
        )
        + textwrap.dedent(code)
    )
    try:
        _wait_for_line(proc, "durdu")
    finally:
        if sys.platform == "win32":  # pragma: no cover
            proc.kill()
        else:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    return proc.pid
