"""Data-safety figures: kills survived, lost updates, change-to-second-client time.

- crash_*: SIGKILL at random moments during a 10,000-row import, a backup of a
  10,000-firm database and a table-rebuilding migration (tests/crash_worker.py);
  "survived" means integrity_check passed and all or none of the change was there.
- concurrent_edit_*: two clients saving the same firm at the same moment
  (tests/concurrent_edits.py), on SQLite and, with KAYSERI_TEST_PG_URL, PostgreSQL.
- pg_change_to_second_client_ms: median time from the start of one copy's save (write,
  commit, NOTIFY) to the other copy's bus receiving it through LISTEN (needs
  KAYSERI_TEST_PG_URL). The window's bus bridge adds its 50 ms coalescing delay.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

import concurrent_edits  # noqa: E402
import crash_worker  # noqa: E402

from kayseri_desktop.core.taxid import vkn_with_check_digit  # noqa: E402
from kayseri_desktop.core.turkish import collation_key, fold  # noqa: E402
from kayseri_desktop.data import models as m  # noqa: E402
from kayseri_desktop.services.context import open_context  # noqa: E402

PG_ENV = "KAYSERI_TEST_PG_URL"


def crash_figures(trials: int) -> dict[str, float]:
    out: dict[str, float] = {}
    total = survived = mid_way = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for mode in crash_worker.MODES:
            window = crash_worker.measure(mode, root / f"{mode}-olcum")
            rng = random.Random(f"bench-{mode}")
            ok = landed = 0
            for i in range(trials):
                try:
                    _, killed_mid_way = crash_worker.kill_trial(
                        mode, root / f"{mode}-{i}", window * 1.3, rng
                    )
                except AssertionError:
                    continue
                ok += 1
                landed += killed_mid_way
            out[f"crash_{mode}_kills_survived_count"] = ok
            out[f"crash_{mode}_kills_mid_operation_count"] = landed
            total += trials
            survived += ok
            mid_way += landed
    out["crash_kills_total_count"] = total
    out["crash_kills_survived_count"] = survived
    return out


def new_firm(title: str, serial: int) -> m.Firm:
    return m.Firm(
        title=title,
        tax_no=vkn_with_check_digit(f"{serial:09d}"),
        title_sort=collation_key(title),
        search_text=fold(title),
    )


def edit_trials(a, b, trials: int) -> tuple[int, int, int]:
    """(trials, lost updates, saves refused and re-applied)."""
    with a.db.write() as s:
        firm = new_firm("Ortak Firma A.Ş.", 100000321)
        s.add(firm)
    lost = refused = 0
    for n in range(trials):
        trial_lost, trial_refused = concurrent_edits.one_trial(a.db, b.db, firm.id, n)
        lost += trial_lost
        refused += trial_refused
    return trials, lost, refused


def reset_pg(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def concurrency_figures(trials: int) -> dict[str, float]:
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        a = open_context(Path(tmp) / "ortak.sqlite")
        b = open_context(Path(tmp) / "ortak.sqlite")
        n, lost, refused = edit_trials(a, b, trials)
        a.close()
        b.close()
    out["concurrent_edit_sqlite_trials_count"] = n
    out["concurrent_edit_sqlite_lost_updates_count"] = lost
    out["concurrent_edit_sqlite_refused_saves_count"] = refused
    url = os.environ.get(PG_ENV)
    if url:
        reset_pg(url)
        a, b = open_context(url), open_context(url)
        n, lost, refused = edit_trials(a, b, trials)
        a.close()
        b.close()
        out["concurrent_edit_pg_trials_count"] = n
        out["concurrent_edit_pg_lost_updates_count"] = lost
        out["concurrent_edit_pg_refused_saves_count"] = refused
    return out


def pg_latency_ms(samples: int) -> float | None:
    url = os.environ.get(PG_ENV)
    if not url:
        return None
    reset_pg(url)
    a = open_context(url, listen=True)
    b = open_context(url, listen=True)
    try:
        b.live.listener.connected.wait(5)
        arrived = threading.Event()
        b.bus.subscribe(lambda c: arrived.set() if c.origin == "external" else None)
        with a.db.write() as s:
            firm = new_firm("Canlı Firma", 100000555)
            s.add(firm)
        arrived.wait(5)
        times = []
        for i in range(samples):
            arrived.clear()
            started = time.perf_counter()  # the save begins: write, commit, NOTIFY, LISTEN
            with a.db.write() as s:
                s.get(m.Firm, firm.id).employees = i
            if arrived.wait(5):
                times.append((time.perf_counter() - started) * 1000)
            time.sleep(0.05)
        return statistics.median(times) if times else float("nan")
    finally:
        a.close()
        b.close()


def figures(quick: bool) -> dict[str, float]:
    out = crash_figures(10 if quick else 40)
    out.update(concurrency_figures(20 if quick else 100))
    latency = pg_latency_ms(10 if quick else 30)
    if latency is not None:
        out["pg_change_to_second_client_ms"] = latency
    return out
