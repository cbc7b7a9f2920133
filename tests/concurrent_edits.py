"""Two staff editing the same record: shared by the SQLite and PostgreSQL tests and the bench.

Each trial: both clients load the record (remember its version), both change a
different field, both save at the same moment from two threads. Exactly one save
must win; the other is refused with ConcurrentEditError and then re-applied on
top of the winner. A lost update is a trial whose final record lacks either change.
"""

from __future__ import annotations

import threading

from kayseri_desktop.data import models as m
from kayseri_desktop.services.concurrency import ConcurrentEditError, apply_edit, reapply


def one_trial(db_a, db_b, ident: int, n: int) -> tuple[int, int]:
    """(lost updates, refusals) for one simultaneous pair of saves."""
    with db_a.read() as s:
        version_a = s.get(m.Firm, ident).version
    with db_b.read() as s:
        version_b = s.get(m.Firm, ident).version
    edits = [(db_a, version_a, {"employees": 1000 + n}), (db_b, version_b, {"phone": f"0352 {n}"})]
    refused: list[tuple] = []
    start = threading.Barrier(2)

    def save(db, version, changes):
        start.wait()
        try:
            apply_edit(db, m.Firm, ident, version, changes)
        except ConcurrentEditError as exc:
            assert "başka bir kullanıcı" in str(exc)
            refused.append((db, changes))

    threads = [threading.Thread(target=save, args=e) for e in edits]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for db, changes in refused:  # the person reloads and re-applies
        reapply(db, m.Firm, ident, changes)
    with db_a.read() as s:
        firm = s.get(m.Firm, ident)
        lost = int(firm.employees != 1000 + n) + int(firm.phone != f"0352 {n}")
    return lost, len(refused)
