"""Progress of the field study toward its visit target, and the office's closed days."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import func, select

from kayseri_desktop.core import calendar_tr as cal
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.services.statistics import programme_targets
from kayseri_desktop.services.visits import VisitError

FIELD_START_KEY = "field_study_start"
FIELD_END_KEY = "field_study_end"


@dataclass(frozen=True)
class Progress:
    target: int
    done: int
    planned: int
    """Planned visits still ahead (from today on)."""
    overdue: int
    """Planned visits whose day has passed without being recorded."""
    remaining: int
    """Target minus done (never below zero)."""
    unplanned: int
    """Remaining visits that have no planned date yet."""
    start: dt.date | None
    end: dt.date | None
    weeks_left: float | None
    required_per_week: float | None
    """Visits per week needed from today to reach the target by the end date."""
    pace_per_week: float | None
    """Done visits per week since the field study started."""

    @property
    def on_track(self) -> bool | None:
        if self.required_per_week is None or self.pace_per_week is None:
            return None
        return self.pace_per_week >= self.required_per_week


def setting_date(db: Database, key: str) -> dt.date | None:
    with db.read() as s:
        value = s.get(m.Setting, key)
        text = value.value if value is not None else None
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def set_setting_date(db: Database, key: str, day: dt.date) -> None:
    with db.write() as s:
        row = s.get(m.Setting, key)
        if row is None:
            s.add(m.Setting(key=key, value=day.isoformat()))
        elif row.value != day.isoformat():
            row.value = day.isoformat()


def progress(db: Database, today: dt.date) -> Progress:
    target = int(programme_targets(db).get("visits_done", 450))
    midnight = dt.datetime.combine(today, dt.time.min)
    tomorrow = midnight + dt.timedelta(days=1)
    # A visit is done only on or after its day: one marked done ahead of it (an old
    # record, an import) does not count toward the target or the pace.
    done_so_far = (m.Visit.status == "done") & (m.Visit.starts_at < tomorrow)
    with db.read() as s:
        stmt = select(m.Visit.status, func.count()).group_by(m.Visit.status)
        counts: dict[str, int] = {status: n for status, n in s.execute(stmt)}
        counts["done"] = s.scalar(select(func.count()).where(done_so_far)) or 0
        ahead = s.scalar(
            select(func.count()).where(m.Visit.status == "planned", m.Visit.starts_at >= midnight)
        )
        first = s.scalar(select(func.min(m.Visit.starts_at)).where(done_so_far))
    start = setting_date(db, FIELD_START_KEY) or (first.date() if first else None)
    end = setting_date(db, FIELD_END_KEY)
    done = int(counts.get("done", 0))
    planned = int(ahead or 0)
    overdue = int(counts.get("planned", 0)) - planned
    remaining = max(0, target - done)
    weeks_left = required = pace = None
    if end is not None:
        weeks_left = max(0.0, ((end - today).days + 1) / 7)
        if remaining == 0:
            required = 0.0
        elif weeks_left > 0:
            required = remaining / max(weeks_left, 1 / 7)
        else:
            required = math.inf
    if start is not None and today > start:
        pace = done / max(1.0, (today - start).days / 7)
    return Progress(
        target=target,
        done=done,
        planned=planned,
        overdue=overdue,
        remaining=remaining,
        unplanned=max(0, remaining - planned - overdue),
        start=start,
        end=end,
        weeks_left=weeks_left,
        required_per_week=required,
        pace_per_week=pace,
    )


# -- the office's closed days -------------------------------------------------------------


def list_closed_days(db: Database) -> list[tuple[dt.date, str]]:
    with db.read() as s:
        stmt = select(m.ClosedDay.day, m.ClosedDay.reason).order_by(m.ClosedDay.day)
        return [(d, r) for d, r in s.execute(stmt)]


def add_closed_day(db: Database, day: dt.date, reason: str) -> None:
    reason = reason.strip()
    if not reason:
        raise VisitError("Gerekçe: kapalı gün için bir gerekçe yazın.")
    if cal.is_weekend(day):
        raise VisitError(f"{day:%d.%m.%Y} zaten hafta sonu.")
    with db.write() as s:
        row = s.get(m.ClosedDay, day)
        if row is None:
            s.add(m.ClosedDay(day=day, reason=reason[:200]))
        else:
            row.reason = reason[:200]


def remove_closed_day(db: Database, day: dt.date) -> None:
    with db.write() as s:
        row = s.get(m.ClosedDay, day)
        if row is not None:
            s.delete(row)
