"""Finding and rotating the verified backups in a backup folder.

Backups are named ``<stem>-<YYYYmmdd-HHMMSS>-<reason>.sqlite`` (data/backup.py
backup_name()). Rotation applies to the routine backups (on start, on close): per database, it keeps
the newest of each of the last ``keep_daily`` days that have one and the newest of
each of the last ``keep_weekly`` ISO weeks, plus always the newest of all; the other
routine backups of that database are removed. Backups someone asked for or that
guard a step (by hand, before a restore, before a migration) are never rotated away,
nor is anything that does not follow the naming (a user's own copy, a set-aside
damaged database).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite$")

DEFAULT_KEEP_DAILY = 7
DEFAULT_KEEP_WEEKLY = 8
ROTATED_REASONS = frozenset({"acilis", "kapanis"})


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    stem: str
    taken_at: dt.datetime
    reason: str


def parse(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        when = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return BackupInfo(path, match["stem"], when, match["reason"])


def list_backups(folder: Path, stem: str | None = None) -> list[BackupInfo]:
    """The backups in folder (of the database named stem, if given), newest first."""
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if p.is_file() and (info := parse(p)) is not None]
    if stem is not None:
        found = [b for b in found if b.stem == stem]
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def to_keep(backups: list[BackupInfo], keep_daily: int, keep_weekly: int) -> set[Path]:
    """Which backups rotation keeps (backups of one database, any order)."""
    ordered = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    keep: set[Path] = set()
    if ordered:
        keep.add(ordered[0].path)
    days: list[dt.date] = []
    weeks: list[tuple[int, int]] = []
    for b in ordered:  # newest first: the first seen of each day/week is that day's newest
        day = b.taken_at.date()
        if day not in days and len(days) < keep_daily:
            days.append(day)
            keep.add(b.path)
        iso = b.taken_at.isocalendar()
        week = (iso.year, iso.week)
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.append(week)
            keep.add(b.path)
    return keep


def rotate(
    folder: Path,
    stem: str,
    *,
    keep_daily: int = DEFAULT_KEEP_DAILY,
    keep_weekly: int = DEFAULT_KEEP_WEEKLY,
    protect: frozenset[Path] = frozenset(),
) -> list[Path]:
    """Delete the backups of `stem` in folder that rotation does not keep; returns them.

    Paths in `protect` (the backup a restore is reading) are kept whatever their age.
    """
    backups = [b for b in list_backups(folder, stem) if b.reason in ROTATED_REASONS]
    keep = to_keep(backups, max(keep_daily, 0), max(keep_weekly, 0))
    keep |= {p.resolve() for p in protect} & {b.path.resolve() for b in backups}
    keep |= {b.path for b in backups if b.path.resolve() in keep}
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed
