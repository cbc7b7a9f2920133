"""The catalogue of public supports (Ministry of Trade, KOSGEB, ORAN, Eximbank...) that a
firm's scorecard matches against its needs, size and export status.

It ships as dated data (resources/catalogues/support_instruments.csv, its date and
sources in the header) and is loaded once into the support_instruments table, where
staff edit it. Until it is loaded (a database that has never been seeded, opened
read-only by a command), ``catalogue()`` reads the shipped file instead.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kayseri_desktop import project_root
from kayseri_desktop.core.catalogues import NEEDS, SIZE_CLASSES
from kayseri_desktop.data import models as m

EXPORTER_RULES = ("hepsi", "ihracatci", "yeni")


class CatalogueError(ValueError):
    """The shipped file is not as described (a Turkish message naming the line)."""


@dataclass(frozen=True)
class Instrument:
    code: str
    name: str
    institution: str
    needs: tuple[str, ...]
    sizes: tuple[str, ...]  # empty: every size class
    exporters: str  # hepsi | ihracatci | yeni
    eligibility: str
    url: str
    as_of: dt.date | None
    source: str

    def fits(self, size: str | None, exports: bool) -> bool:
        """The instrument's eligibility rule for a firm of this size and export status.

        A firm whose size class is unknown is not refused on size (staff check it)."""
        if self.sizes and size is not None and size not in self.sizes:
            return False
        if self.exporters == "ihracatci" and not exports:
            return False
        return not (self.exporters == "yeni" and exports)


@dataclass(frozen=True)
class Shipped:
    as_of: dt.date | None
    source: str
    instruments: tuple[Instrument, ...]


def shipped_path() -> Path:
    return project_root() / "resources" / "catalogues" / "support_instruments.csv"


def parse(text: str) -> Shipped:
    """Read the shipped CSV: '#' header lines (as_of, source), then the table."""
    header: list[str] = []
    body: list[str] = []
    for line in text.splitlines():
        (header if line.startswith("#") and not body else body).append(line)
    as_of: dt.date | None = None
    source_lines: list[str] = []
    in_source = False
    for line in header:
        content = line.lstrip("#").strip()
        if content.startswith("as_of:"):
            as_of = dt.date.fromisoformat(content.split(":", 1)[1].strip())
            in_source = False
        elif content.startswith("source:"):
            source_lines = [content.split(":", 1)[1].strip()]
            in_source = True
        elif in_source and line.startswith("#   "):
            source_lines.append(content)
        else:
            in_source = False
    source = " ".join(source_lines)
    rows = list(csv.DictReader(io.StringIO("\n".join(body))))
    out: list[Instrument] = []
    first_line = len(header) + 2
    for n, row in enumerate(rows, first_line):
        needs = tuple(c for c in (row.get("needs") or "").split("|") if c)
        sizes = tuple(c for c in (row.get("sizes") or "").split("|") if c)
        bad = [c for c in needs if NEEDS.get(c) is None] + [
            c for c in sizes if SIZE_CLASSES.get(c) is None
        ]
        exporters = (row.get("exporters") or "hepsi").strip()
        if bad or exporters not in EXPORTER_RULES or not row.get("code") or not row.get("name"):
            what = f"bilinmeyen kod “{bad[0]}”" if bad else "eksik ya da geçersiz alan"
            raise CatalogueError(f"Destek kataloğu, satır {n}: {what}.")
        out.append(
            Instrument(
                code=row["code"].strip(),
                name=row["name"].strip(),
                institution=(row.get("institution") or "").strip(),
                needs=needs,
                sizes=sizes,
                exporters=exporters,
                eligibility=(row.get("eligibility") or "").strip(),
                url=(row.get("url") or "").strip(),
                as_of=as_of,
                source=source,
            )
        )
    return Shipped(as_of, source, tuple(out))


def shipped() -> Shipped:
    return parse(shipped_path().read_text(encoding="utf-8"))


def seed(s: Session, instruments: Iterable[Instrument] | None = None) -> dict[str, int]:
    """Load the shipped catalogue into an empty table (inside the caller's transaction);
    returns the rows added per table. A table that already holds entries (staff's
    edits) is kept as it is."""
    if s.scalar(select(m.SupportInstrument.id).limit(1)) is not None:
        return {}
    items = list(shipped().instruments if instruments is None else instruments)
    table = m.Base.metadata.tables[m.SupportInstrument.__tablename__]
    needs_table = m.Base.metadata.tables[m.SupportInstrumentNeed.__tablename__]
    rows: list[dict[str, object]] = []
    links: list[dict[str, object]] = []
    for iid, it in enumerate(items, 1):
        rows.append(
            {
                "id": iid,
                "code": it.code,
                "name": it.name,
                "institution": it.institution,
                "sizes": "|".join(it.sizes),
                "exporters": it.exporters,
                "eligibility": it.eligibility or None,
                "url": it.url or None,
                "source": it.source[:300] or None,
                "as_of": it.as_of,
                "active": True,
            }
        )
        links.extend({"instrument_id": iid, "need": need} for need in it.needs)
    if rows:
        s.execute(insert(table), rows)
    if links:
        s.execute(insert(needs_table), links)
    return {table.name: len(rows), needs_table.name: len(links)}


def catalogue(s: Session) -> list[Instrument]:
    """The active instruments of the database, or the shipped file when it has none."""
    records = s.scalars(select(m.SupportInstrument).order_by(m.SupportInstrument.id)).all()
    if not records:
        return list(shipped().instruments)
    needs: dict[int, list[str]] = {}
    for iid, need in s.execute(
        select(m.SupportInstrumentNeed.instrument_id, m.SupportInstrumentNeed.need).order_by(
            m.SupportInstrumentNeed.instrument_id, m.SupportInstrumentNeed.need
        )
    ):
        needs.setdefault(iid, []).append(need)
    return [
        Instrument(
            code=r.code,
            name=r.name,
            institution=r.institution,
            needs=tuple(needs.get(r.id, ())),
            sizes=tuple(c for c in r.sizes.split("|") if c),
            exporters=r.exporters,
            eligibility=r.eligibility or "",
            url=r.url or "",
            as_of=r.as_of,
            source=r.source or "",
        )
        for r in records
        if r.active
    ]


@dataclass(frozen=True)
class Match:
    instrument: Instrument
    needs: tuple[str, ...]  # the firm's needs it answers, most urgent first


def matching(
    instruments: Sequence[Instrument],
    needs: Sequence[str],
    *,
    size: str | None,
    exports: bool,
    limit: int = 8,
) -> list[Match]:
    """Instruments answering any of ``needs`` (ordered most urgent first) that the
    firm's size and export status allow; those answering more, and more urgent, needs
    come first."""
    rank = {need: i for i, need in enumerate(needs)}
    found: list[tuple[int, int, int, Match]] = []
    for order, it in enumerate(instruments):
        answered = tuple(sorted((n for n in it.needs if n in rank), key=rank.__getitem__))
        if answered and it.fits(size, exports):
            best = rank[answered[0]]
            found.append((best, -len(answered), order, Match(it, answered)))
    found.sort(key=lambda t: t[:3])
    return [t[3] for t in found[:limit]]
