"""Visits as an iCalendar (.ics) file for Outlook and phones, written with ``icalendar``.

One VEVENT per visit: the firm's title as summary, its address as location, the field
team as attendees, Europe/Istanbul local time (with its VTIMEZONE). The UID is made
from the visit's id and the database, so importing the file again updates the events
instead of duplicating them; SEQUENCE follows the visit's version.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vText
from sqlalchemy import select

from kayseri_desktop import __version__
from kayseri_desktop.core.catalogues import VISIT_STATUSES
from kayseri_desktop.core.turkish import fold
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.exchange.atomic import atomic_target
from kayseri_desktop.exchange.visits_xlsx import ScheduleRow, schedule

TZ = ZoneInfo("Europe/Istanbul")
UID_DOMAIN = "ziyaret.kayseri-ihracat.kto.org.tr"
ICS_STATUS = {"planned": "CONFIRMED", "done": "CONFIRMED", "postponed": "TENTATIVE"}


class StaffNotFound(LookupError):
    """The --staff name matches nobody, or more than one person (message in Turkish)."""


def find_staff(db: Database, name: str) -> tuple[int, str]:
    """The one staff member whose name holds ``name`` (Turkish-folded, any case)."""
    key = fold(name)
    with db.read() as s:
        people = [(i, n) for i, n in s.execute(select(m.Staff.id, m.Staff.name))]
    exact = [p for p in people if fold(p[1]) == key]
    found = exact or [p for p in people if key and key in fold(p[1])]
    if not found:
        raise StaffNotFound(f"Saha ekibinde “{name}” adında kimse yok.")
    if len(found) > 1:
        names = ", ".join(n for _, n in found)
        raise StaffNotFound(f"“{name}” birden çok kişiye uyuyor: {names}.")
    return found[0]


def uid(visit_id: int) -> str:
    return f"visit-{visit_id}@{UID_DOMAIN}"


def location(row: ScheduleRow) -> str:
    """The firm's address, with its district and Kayseri added when the address lacks them."""
    parts = [row.address] if row.address else []
    for extra in (row.district, "Kayseri"):
        if extra and fold(extra) not in fold(", ".join(parts)):
            parts.append(extra)
    return ", ".join(parts)


def event_for(row: ScheduleRow, stamp: dt.datetime) -> Event:
    ev = Event()
    ev.add("uid", uid(row.id))
    ev.add("dtstamp", stamp)
    ev.add("sequence", max(0, row.version - 1))
    ev.add("dtstart", row.starts_at.replace(tzinfo=TZ))
    ev.add("dtend", row.ends_at.replace(tzinfo=TZ))
    summary = row.firm_title
    if row.status in ("postponed", "cancelled"):
        summary = f"[{VISIT_STATUSES.label(row.status)}] {summary}"
    ev.add("summary", summary)
    ev.add("location", location(row))
    lines = [f"Durum: {VISIT_STATUSES.label(row.status)}"]
    if row.purpose:
        lines.append(f"Amaç: {row.purpose}")
    if row.team:
        lines.append(f"Saha ekibi: {', '.join(row.team)}")
    if row.reason:
        lines.append(f"Gerekçe: {row.reason}")
    if row.findings:
        lines.append(f"Bulgular: {row.findings}")
    ev.add("description", "\n".join(lines))
    ev.add("status", ICS_STATUS.get(row.status, "CANCELLED"))
    ev.add("categories", ["Saha ziyareti"])
    for name, email in row.team_emails:
        address = vCalAddress(f"mailto:{email}" if email else f"urn:kto:saha-ekibi:{fold(name)}")
        address.params["cn"] = vText(name)
        address.params["role"] = vText("REQ-PARTICIPANT")
        address.params["cutype"] = vText("INDIVIDUAL")
        ev.add("attendee", address, encode=False)
    return ev


def build_calendar(rows: list[ScheduleRow], name: str = "Saha ziyaretleri") -> Calendar:
    cal = Calendar()
    cal.add("prodid", f"-//KTO//Kayseri Ihracat Koordinasyon Masasi {__version__}//TR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Istanbul")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for row in rows:
        cal.add_component(event_for(row, stamp))
    if rows:  # the zone's rules for the years the visits span, not since 1970
        first = min(r.starts_at for r in rows).date()
        last = max(r.ends_at for r in rows).date()
        cal.add_missing_timezones(first_date=first, last_date=last + dt.timedelta(days=366))
    return cal


def export_ics(
    db: Database,
    target: Path,
    first: dt.date | None = None,
    last: dt.date | None = None,
    *,
    staff: str | None = None,
    staff_id: int | None = None,
) -> int:
    """Write the visits of the range (one person's with ``staff`` name or ``staff_id``);
    returns the count."""
    name = ""
    if staff:
        staff_id, name = find_staff(db, staff)
    elif staff_id is not None:
        with db.read() as s:
            person = s.get(m.Staff, staff_id)
            name = person.name if person is not None else ""
    rows = schedule(db, first, last, staff_id=staff_id)
    title = f"Saha ziyaretleri — {name}" if name else "Saha ziyaretleri"
    data = build_calendar(rows, title).to_ical()
    with atomic_target(target) as tmp:  # complete or not at all, never over a non-file
        tmp.write_bytes(data)
    return len(rows)
