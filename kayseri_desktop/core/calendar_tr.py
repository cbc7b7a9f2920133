"""The Turkish working calendar of the field study: weeks, working hours, public holidays.

Pure Python (no Qt, no SQLAlchemy). Public holidays come from the maintained
``holidays`` library with their Turkish names, Ramazan and Kurban Bayramı included
(their dates move with the lunar calendar, so no table is kept here). The eves of
the Bayrams and 28 October are half days: the office closes at 13:00. Days the
office closes on its own (ClosedDay rows) are passed in by the services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays

WORK_START = dt.time(9, 0)
WORK_END = dt.time(18, 0)
HALF_DAY_END = dt.time(13, 0)
"""On a half-day holiday (arife, 28 Ekim) the office works until 13:00."""

DAY_NAMES = ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar")
DAY_ABBR = ("Pzt", "Sal", "Çar", "Per", "Cum", "Cmt", "Paz")
MONTH_NAMES = (
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
)


@dataclass(frozen=True)
class Holiday:
    day: dt.date
    name: str
    half_day: bool = False


@lru_cache(maxsize=64)
def _year(year: int) -> dict[dt.date, Holiday]:
    full = holidays.country_holidays("TR", years=year, language="tr", categories=("public",))
    half = holidays.country_holidays("TR", years=year, language="tr", categories=("half_day",))
    out = {d: Holiday(d, str(name), True) for d, name in half.items()}
    out.update({d: Holiday(d, str(name), False) for d, name in full.items()})
    return out


def holiday(day: dt.date) -> Holiday | None:
    """The public holiday (or half-day holiday) on ``day``, with its Turkish name."""
    return _year(day.year).get(day)


def holidays_between(first: dt.date, last: dt.date) -> dict[dt.date, Holiday]:
    """Public and half-day holidays from ``first`` to ``last`` inclusive."""
    out: dict[dt.date, Holiday] = {}
    for year in range(first.year, last.year + 1):
        out.update({d: h for d, h in _year(year).items() if first <= d <= last})
    return out


def is_weekend(day: dt.date) -> bool:
    return day.weekday() >= 5


def is_working_day(day: dt.date, closed: set[dt.date] | frozenset[dt.date] = frozenset()) -> bool:
    """Monday to Friday, not a full public holiday, not a day the office closed."""
    h = holiday(day)
    return not is_weekend(day) and (h is None or h.half_day) and day not in closed


def day_end(day: dt.date) -> dt.time:
    """When the working day ends: 13:00 on a half-day holiday, otherwise WORK_END."""
    h = holiday(day)
    return HALF_DAY_END if h is not None and h.half_day else WORK_END


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week holding ``day`` (Turkish weeks start on Monday)."""
    return day - dt.timedelta(days=day.weekday())


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after (or before) the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_grid_start(day: dt.date) -> dt.date:
    """The Monday on or before the first of ``day``'s month: the month view's first cell."""
    return week_start(month_start(day))


def month_title(day: dt.date) -> str:
    """ "Kasım 2026"."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def long_date(day: dt.date) -> str:
    """ "25 Kasım 2026 Çarşamba"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year} {DAY_NAMES[day.weekday()]}"


def week_title(monday: dt.date) -> str:
    """ "23 – 29 Kasım 2026", or across months "30 Kasım – 6 Aralık 2026"."""
    sunday = monday + dt.timedelta(days=6)
    if monday.month == sunday.month:
        return f"{monday.day} – {sunday.day} {MONTH_NAMES[sunday.month - 1]} {sunday.year}"
    if monday.year == sunday.year:
        return (
            f"{monday.day} {MONTH_NAMES[monday.month - 1]} – "
            f"{sunday.day} {MONTH_NAMES[sunday.month - 1]} {sunday.year}"
        )
    return (
        f"{monday.day} {MONTH_NAMES[monday.month - 1]} {monday.year} – "
        f"{sunday.day} {MONTH_NAMES[sunday.month - 1]} {sunday.year}"
    )


def iso_week(day: dt.date) -> int:
    return day.isocalendar()[1]
