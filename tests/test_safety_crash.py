"""SIGKILL at random moments during an import, a backup and a migration.

Every kill must leave a database that passes integrity_check and holds all of the
change or none of it (tests/crash_worker.py checks both). benchmarks/bench_safety.py
runs many more trials for the figures.
"""

from __future__ import annotations

import random
import sys

import crash_worker
import pytest

TRIALS = 10

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


@pytest.mark.parametrize("mode", crash_worker.MODES)
def test_kills_at_random_moments_leave_all_or_nothing(mode, tmp_path):
    window = crash_worker.measure(mode, tmp_path / "olcum")
    rng = random.Random(f"kayseri-{mode}")
    outcomes, mid_way = [], 0
    for i in range(TRIALS):
        # spread the kills over the whole operation, a few just after it starts
        result, killed_mid_way = crash_worker.kill_trial(
            mode, tmp_path / f"deneme-{i}", window * (0.3 if i % 3 == 0 else 1.1), rng
        )
        outcomes.append(result)
        mid_way += killed_mid_way
    assert mid_way >= TRIALS // 2, f"only {mid_way} kills landed during the operation"
    assert "none" in outcomes, "no kill landed before the commit: the window is wrong"
