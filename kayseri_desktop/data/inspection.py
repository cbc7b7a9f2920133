"""Read-only facts about a database: integrity, schema version, rows per table."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from kayseri_desktop.data import migrations
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.models import Base


@dataclass
class CheckReport:
    integrity: str
    schema: str | None
    head: str
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.schema == self.head


def check(db: Database) -> CheckReport:
    with db.read() as s:
        if db.backend == "sqlite":
            rows = s.connection().exec_driver_sql("PRAGMA integrity_check").fetchall()
            integrity = "; ".join(r[0] for r in rows[:5])
        else:
            integrity = "ok"  # server databases check themselves
        counts = {
            name: s.scalar(select(func.count()).select_from(table)) or 0
            for name, table in sorted(Base.metadata.tables.items())
        }
    return CheckReport(
        integrity=integrity,
        schema=migrations.current_revision(db.engine),
        head=migrations.head_revision(),
        counts=counts,
    )
