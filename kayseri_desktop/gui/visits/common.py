"""What the calendar views share: status colours, day/month names, the data they draw."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor

from kayseri_desktop.core import calendar_tr as cal
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.services.visits import VisitBlock

# Fill and border per status: planned blue, done green, postponed amber, cancelled grey.
STATUS_COLORS: dict[str, tuple[QColor, QColor]] = {
    "planned": (QColor("#d6e6fa"), QColor("#3b78c4")),
    "done": (QColor("#d3efd9"), QColor("#2f8a47")),
    "postponed": (QColor("#fbe7c2"), QColor("#c98a12")),
    "cancelled": (QColor("#e6e7ea"), QColor("#8a8f98")),
}
WEEKEND = QColor("#eef0f3")
HOLIDAY = QColor("#fbe3e4")
CLOSED = QColor("#f6e9d9")
OFF_HOURS = QColor("#f6f7f9")
TODAY = QColor("#fff6d6")
GRID = QColor("#dfe2e7")
TEXT = QColor("#1d2127")
MUTED = QColor("#7a808a")
ACCENT = QColor("#b3202a")


def locale() -> QLocale:
    if current_language() == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey)


def day_abbr(day: dt.date) -> str:
    """ "Pzt" / "Mon" (the interface language's short day name)."""
    if current_language() != "en":
        return cal.DAY_ABBR[day.weekday()]
    return locale().dayName(day.weekday() + 1, QLocale.FormatType.ShortFormat)


def month_title(day: dt.date) -> str:
    if current_language() != "en":
        return cal.month_title(day)
    return f"{locale().standaloneMonthName(day.month)} {day.year}"


def week_title(monday: dt.date) -> str:
    if current_language() != "en":
        return cal.week_title(monday)
    sunday = monday + dt.timedelta(days=6)
    return f"{monday:%d.%m.%Y} – {sunday:%d.%m.%Y}"


@dataclass
class CalendarData:
    """Everything a view draws for its range: visits, holidays, closed days, today."""

    first: dt.date
    days: int
    blocks: list[VisitBlock] = field(default_factory=list)
    holidays: dict[dt.date, cal.Holiday] = field(default_factory=dict)
    closed: dict[dt.date, str] = field(default_factory=dict)
    today: dt.date | None = None

    @property
    def last(self) -> dt.date:
        return self.first + dt.timedelta(days=self.days - 1)

    def by_day(self) -> dict[dt.date, list[VisitBlock]]:
        out: dict[dt.date, list[VisitBlock]] = {}
        for b in self.blocks:
            out.setdefault(b.starts_at.date(), []).append(b)
        return out

    def day_note(self, day: dt.date) -> str:
        """Holiday name or closed-day reason shown in the day's header."""
        h = self.holidays.get(day)
        if h is not None:
            return h.name
        return self.closed.get(day, "")

    def day_shade(self, day: dt.date) -> QColor | None:
        h = self.holidays.get(day)
        if h is not None and not h.half_day:
            return HOLIDAY
        if day in self.closed:
            return CLOSED
        if cal.is_weekend(day):
            return WEEKEND
        return None
