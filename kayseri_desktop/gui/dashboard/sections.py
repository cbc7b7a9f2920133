"""The parts of the Pano, what each is drawn from, and how its figures are counted.

``compute()`` is pure (services calls only, no widgets) so the SectionLoader can run
it on a worker thread; the tab applies each result on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kayseri_desktop.data.engine import Database
from kayseri_desktop.services import dashboard_stats as stats
from kayseri_desktop.services import meetings, statistics

UPCOMING_DAYS = 7
ANY = "*"

# What each part of the Pano is drawn from (bus entity kinds).
SECTIONS: dict[str, frozenset[str]] = {
    "figures": frozenset(
        {"firm", "visit", "evaluation", "project", "decision", "meeting", "milestone", "target"}
    ),
    "burnup": frozenset({"firm", "visit", "setting", "target"}),
    "sectors": frozenset({"firm"}),
    "districts": frozenset({"firm"}),
    "exports": frozenset({"firm"}),
    "themes": frozenset({"firm", "evaluation"}),
    "projects": frozenset({"project", "institution"}),
    "agenda": frozenset({"firm", "visit", "staff", "decision", "meeting", "institution"}),
}


ORDER = ("sectors", "districts", "burnup", "projects", "agenda", "figures", "exports", "themes")
"""Cheapest first (the theme averages, kept current from the audit log, are cheap after
their first count, which on 100,000 firms takes longest)."""
APART = frozenset({"figures", "themes"})
"""Counted on a second worker thread, so the charts do not wait for them: together
they take about as long as all the others on 100,000 firms."""
ALWAYS_LIVE = frozenset({"figures"})  # kept current even while another tab is showing


@dataclass(frozen=True)
class Params:
    """What a section's figures depend on besides the data (read on the GUI thread)."""

    db: Database
    today: dt.date
    export_year: int | None
    now: dt.datetime | None = None

    @property
    def since(self) -> dt.datetime:
        """Where "upcoming" starts: now, or the start of ``today`` when the clock's day
        is another (a fixed day with no hour)."""
        if self.now is not None and self.now.date() == self.today:
            return self.now
        return dt.datetime.combine(self.today, dt.time.min)


def compute(section: str, p: Params):
    """One section's figures: aggregate queries only, safe to run on a worker thread."""
    db = p.db
    if section == "figures":
        return (
            statistics.programme_targets(db),
            statistics.headline(db, today=p.today),
            stats.pack_outlook(db, p.today),
        )
    if section == "burnup":
        return stats.visit_burnup(db, p.today)
    if section == "sectors":
        return stats.firms_by_sector(db)
    if section == "districts":
        return stats.firms_by_district(db)
    if section == "exports":
        years = stats.export_years(db)
        year = p.export_year if p.export_year in years else (years[0] if years else None)
        return years, year, stats.exports_by_sector(db, year) if year else []
    if section == "themes":
        return stats.current_theme_totals(db)  # kept current from the audit log
    if section == "projects":
        return stats.projects_by_institution(db)
    if section == "agenda":
        week = stats.upcoming_visits(db, p.since, UPCOMING_DAYS)
        return week, [d for d in meetings.open_action_items(db, p.today) if d.late]
    raise ValueError(section)


def sections_for(entities: set[str]) -> set[str]:
    """The parts of the Pano to redraw after changes of these kinds ("*": all)."""
    if ANY in entities:
        return set(SECTIONS)
    return {name for name, deps in SECTIONS.items() if deps & entities}
