"""pyqtgraph axes that speak Turkish: 1.250.000 and 2,5 on value axes, months on dates.

pyqtgraph's own axes print "1.25M" (SI prefixes) and English month names; these
print the way the rest of the app does (gui/formatting.py), whatever the interface
language, except month abbreviations, which follow the interface language.
"""

from __future__ import annotations

import datetime as dt
import math

import pyqtgraph as pg
from PySide6.QtCore import QLocale

from kayseri_desktop.gui import formatting
from kayseri_desktop.gui.i18n import current_language


def number_text(value: float, spacing: float = 1.0) -> str:
    """A tick or tooltip value: whole numbers grouped (1.250), fractions with a comma (2,5)."""
    if spacing >= 1 or float(value).is_integer():
        return formatting.number(value)
    digits = min(3, max(1, -math.floor(math.log10(spacing))))
    return formatting.decimal(value, digits)


class NumberAxis(pg.AxisItem):
    """A value axis with Turkish digit grouping and decimal comma, no SI prefix."""

    def __init__(self, orientation: str, **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):
        return [number_text(v * scale, spacing * scale) for v in values]


class CategoryAxis(pg.AxisItem):
    """An axis labelling bar positions (0, 1, 2, ...) with category names."""

    def set_categories(self, labels: list[tuple[float, str]]) -> None:
        self.setTicks([labels, []])


def month_label(year: int, month: int) -> str:
    lang = QLocale.Language.English if current_language() == "en" else QLocale.Language.Turkish
    name = QLocale(lang).monthName(month, QLocale.FormatType.ShortFormat)
    return f"{name} {year}"


class DateAxis(pg.AxisItem):
    """A date axis over day ordinals (date.toordinal()), ticking at month starts."""

    STEPS = (1, 2, 3, 6, 12)

    def __init__(self, orientation: str = "bottom", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal, maxVal, size):
        if not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal:
            return []
        first = dt.date.fromordinal(max(1, int(minVal)))
        last = dt.date.fromordinal(max(1, int(maxVal)))
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        room = max(1, int(size // 80))  # about 80 px per label
        step = next((s for s in self.STEPS if months / s <= room), 12)
        ticks = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            if (month - 1) % step == 0:
                day = dt.date(year, month, 1).toordinal()
                if minVal <= day <= maxVal:
                    ticks.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return [(step * 30.0, ticks)]

    def tickStrings(self, values, scale, spacing):
        out = []
        for v in values:
            d = dt.date.fromordinal(int(v))
            out.append(month_label(d.year, d.month))
        return out
