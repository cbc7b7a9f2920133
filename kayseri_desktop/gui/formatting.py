"""Turkish presentation of numbers and dates, whatever the interface language.

DESIGN.md: numbers, dates and money are shown the Turkish way (2.400; 25.11.2026).
Dates use a fixed dd.MM.yyyy pattern so they read the same on every machine.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QLocale

from kayseri_desktop.gui.i18n import current_language

TURKISH = QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey)


def number(value: int | float | None) -> str:
    """Whole number with Turkish digit grouping: 2400 → "2.400"; None → ""."""
    if value is None:
        return ""
    return TURKISH.toString(round(value))


def decimal(value: float | None, digits: int = 1) -> str:
    """Decimal with Turkish separators: 3751.5 → "3.751,5"."""
    if value is None:
        return ""
    return TURKISH.toString(float(value), "f", digits)


def percent(value: int | float | None, digits: int = 0) -> str:
    """Percentage: Turkish writes the sign first ("%45"), English after ("45%")."""
    if value is None:
        return ""
    text = decimal(value, digits) if digits else number(value)
    return f"{text}%" if current_language() == "en" else f"%{text}"


def date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def date_time(value: dt.datetime | None) -> str:
    return value.strftime("%d.%m.%Y %H:%M") if value else ""


_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, *args: object) -> str:
    """Qt-style placeholders in one pass: fill("%1 / %2", 3, 4) → "3 / 4".

    Translated strings keep %1, %2 so translators can reorder them; a value that
    itself contains "%2" is never substituted again (unlike chained replace()).
    """

    def sub(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(args[n - 1]) if 1 <= n <= len(args) else match.group(0)

    return _PLACEHOLDER.sub(sub, template)
