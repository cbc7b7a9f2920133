"""Writing an import plan: one transaction of bulk statements, one bus announcement.

The plan comes from exchange/firms_import.preview(). New firms, their export figures,
markets, tags and contact, the changed fields of existing firms and an audit entry
for each go in as bulk INSERTs (exchange/bulk_insert; on SQLite many rows to a
statement, on a second thread while the next rows are made), so 10,000 rows take a
fraction of a second; nothing is written if anything fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import cast

from sqlalchemy import Connection, Table, func, insert, literal, select, update

from kayseri_desktop.core.catalogues import size_class
from kayseri_desktop.core.gc_pause import gc_paused
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data import models as m
from kayseri_desktop.data import planner_stats
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.value_lists import one_of
from kayseri_desktop.exchange import xlsx
from kayseri_desktop.exchange.bulk_insert import Inserts, Row, sql_date
from kayseri_desktop.exchange.firms_import import (
    HELD,
    NEW,
    REFUSED,
    SCALARS,
    UPDATE,
    ImportPlan,
    ImportRefused,
    RowPlan,
    _show,
)
from kayseri_desktop.exchange.xlsx_reader import column_letter
from kayseri_desktop.services.bus import ChangeBus
from kayseri_desktop.services.registry import search_text

# Written for every new firm after the mapped columns (the others stay NULL).
DERIVED_COLUMNS = ("size_class", "search_text", "title_sort", "version", "created_at", "updated_at")
AUDIT_COLUMNS = ("at", "user", "entity", "entity_id", "action", "field", "old_value", "new_value")
FIRMS_PER_BATCH = 500  # prepared, then handed to the inserts, at a time
Put = Callable[[Table, tuple[str, ...], Sequence[Row]], None]

BULK_ANALYZE_ROWS = 1000
"""An import of this many firms or more refreshes the planner's statistics after it."""


def _table(model: type[m.Base]) -> Table:
    """A model's Core table (``Model.__table__`` is typed as the wider FromClause)."""
    return m.Base.metadata.tables[model.__tablename__]


@gc_paused()
def apply(
    db: Database, bus: ChangeBus, plan: ImportPlan, *, user: str, skip_invalid: bool = False
) -> dict[str, int]:
    """Write the new and changed firms in one transaction; announce "firm" once.

    Without ``skip_invalid``, any refused row means nothing is written (ImportRefused).
    An update (or a HELD row: a tax number matching a firm of another title) is written
    only when selected; the rest are counted as "skipped".
    """
    counts = plan.counts()
    if counts[REFUSED] and not skip_invalid:
        raise ImportRefused(
            f"{counts[REFUSED]} satır reddedildi; hiçbir firma aktarılmadı. Hataları düzeltip "
            "yeniden deneyin ya da yalnızca geçerli satırları aktarmayı seçin."
        )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    new_rows = [r for r in plan.rows if r.status == NEW]
    updates = [r for r in plan.rows if r.status in (UPDATE, HELD) and r.selected]
    skipped = sum(r.status in (UPDATE, HELD) and not r.selected for r in plan.rows)
    audit: list[Row] = []  # in AUDIT_COLUMNS order

    def note(
        fid: int, action: str, fld: str | None = None, old: object = None, new: object = None
    ) -> None:
        audit.append(
            (stamp, user, "firm", fid, action, fld, None if old is None else str(old),
             None if new is None else str(new))
        )  # fmt: skip

    with db.write() as s:
        conn = s.connection()  # Core statements: no ORM unit of work for bulk rows
        # On SQLite the time goes in as the text SQLAlchemy's DateTime stores, made once.
        stamp = sql_date(now) if conn.dialect.name == "sqlite" else now
        new_ids = _insert_new(conn, plan, new_rows, stamp) if new_rows else []
        if new_ids:
            _audit_created(conn, new_ids, now, user)
        for r in updates:
            existing = r.fields["_existing"]
            assert isinstance(existing, dict) and r.firm_id is not None
            changed = {
                k: new for k, (_, new) in r.changes.items() if k in SCALARS or k == "size_class"
            }
            merged = {**existing, **changed}
            known = cast("list[str]", r.fields.get("_contacts") or [])
            contacts = [*known, *([r.contact] if r.contact else [])]
            changed.update(
                size_class=size_class(merged["employees"]) or merged.get("size_class"),
                search_text=search_text(merged, contacts),
                title_sort=collation_key(str(merged["title"])),
                updated_at=now,
                version=m.Firm.version + 1,
            )
            conn.execute(update(_table(m.Firm)).where(m.Firm.id == r.firm_id).values(**changed))
            for key, (old, new) in r.changes.items():
                note(r.firm_id, "update", key, old, new)
            if "exports" in r.changes:
                conn.execute(
                    _table(m.FirmExport)
                    .delete()
                    .where(m.FirmExport.firm_id == r.firm_id, m.FirmExport.year == plan.export_year)
                )
            if "markets" in r.changes:
                conn.execute(_table(m.FirmMarket).delete().where(m.FirmMarket.firm_id == r.firm_id))
        if updates:
            with Inserts(conn) as inserts:
                _children(inserts.put, plan.export_year, ((r.firm_id, r) for r in updates))
                inserts.put(_table(m.AuditEntry), AUDIT_COLUMNS, audit)
    if len(new_ids) + len(updates) >= BULK_ANALYZE_ROWS:
        planner_stats.after_bulk_write(db.engine)  # the planner must know the new rows
    updated_ids = [r.firm_id for r in updates if r.firm_id is not None]
    with bus.batch():
        if new_ids:
            bus.publish("firm", new_ids, "create")
        if updated_ids:
            bus.publish("firm", updated_ids, "update")
    return {"created": len(new_ids), "updated": len(updated_ids), "skipped": skipped, **counts}


def _insert_new(
    conn: Connection, plan: ImportPlan, rows: list[RowPlan], stamp: object
) -> list[int]:
    """The new firms with their children; their ids in order. On SQLite batch k of the
    firms goes in (on the inserting thread) while batch k+1 is made."""
    mapped = set(plan.mapping.values()) | plan.derived
    present = tuple(k for k in SCALARS if k in mapped)  # a new row has no other columns
    columns = (*present, *DERIVED_COLUMNS)
    next_id = _next_firm_id(conn)
    new_ids: list[int] = []
    with Inserts(conn) as inserts:
        for start in range(0, len(rows), FIRMS_PER_BATCH):
            firms: list[Row] = [
                (*map(r.fields.get, present),
                 size_class(cast("int | None", r.fields.get("employees")))
                 or r.fields.get("size_class"),
                 search_text(r.fields, [r.contact] if r.contact else []),
                 collation_key(str(r.fields.get("title"))), 1, stamp, stamp)
                for r in rows[start : start + FIRMS_PER_BATCH]
            ]  # fmt: skip
            if next_id is None:
                new_ids += _insert_returning_ids(conn, columns, firms)
                continue
            ids = range(next_id + start, next_id + start + len(firms))
            firms = [(fid, *values) for fid, values in zip(ids, firms, strict=True)]
            inserts.put(_table(m.Firm), ("id", *columns), firms)
            new_ids += ids
        _children(inserts.put, plan.export_year, zip(new_ids, rows, strict=True))
    return new_ids


def _next_firm_id(conn: Connection) -> int | None:
    """SQLite: the first id of the new firms, handed out from max(id) (the write
    transaction holds the database lock, so nobody else inserts meanwhile), so the
    firms and their children go in without asking for ids back. Other backends: None,
    RETURNING gives them."""
    if conn.dialect.name != "sqlite":
        return None
    return int(conn.execute(select(func.max(m.Firm.id))).scalar() or 0) + 1


def _insert_returning_ids(
    conn: Connection, columns: tuple[str, ...], firms: Sequence[Row]
) -> list[int]:
    table = _table(m.Firm)
    result = conn.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True),
        [dict(zip(columns, values, strict=True)) for values in firms],
    )
    return [int(row[0]) for row in result]


def _audit_created(conn: Connection, ids: list[int], now: dt.datetime, user: str) -> None:
    """One 'create' audit entry per new firm, copied by the database from the firms just
    inserted (INSERT ... SELECT): no row of them passes through Python."""
    audit, firm = _table(m.AuditEntry), _table(m.Firm)
    values = select(
        literal(now, audit.c.at.type), literal(user, audit.c.user.type),
        literal("firm", audit.c.entity.type), firm.c.id, literal("create", audit.c.action.type),
    ).where(one_of(firm.c.id, ids, conn.dialect.name))  # fmt: skip
    conn.execute(insert(audit).from_select(AUDIT_COLUMNS[:5], values))


def _children(put: Put, year: int, pairs: Iterable[tuple[int | None, RowPlan]]) -> None:
    """The export figures, markets, tags and contact of (firm id, row) pairs, to put()."""
    exports: list[Row] = []
    markets: list[Row] = []
    tags: list[Row] = []
    contacts: list[Row] = []
    for fid, r in pairs:
        if r.exports is not None:
            exports.append((fid, year, r.exports))
        markets += [(fid, c) for c in r.markets]
        tags += [(fid, t) for t in r.tags]
        if r.contact:
            contacts.append((fid, r.contact, False))
    for table, cols, rows in (
        (m.FirmExport, ("firm_id", "year", "usd"), exports),
        (m.FirmMarket, ("firm_id", "country"), markets),
        (m.FirmTag, ("firm_id", "tag"), tags),
        (m.Contact, ("firm_id", "name", "kvkk_consent"), contacts),
    ):
        if rows:
            put(_table(table), cols, rows)


def save_refused(plan: ImportPlan, target: str | Path) -> Path:
    """The refused rows with their reasons, as an .xlsx to fix and import again."""
    width = max([len(plan.headers), *(len(r.values) for r in plan.refused())])
    headers = [_show(h) or column_letter(i) for i, h in enumerate(plan.headers)]
    headers += [column_letter(i) for i in range(len(headers), width)]
    columns = [xlsx.Column("Satır", 8), *(xlsx.Column(h) for h in headers), xlsx.Column("Hata", 60)]
    rows = [
        [
            r.row,
            *cast("list[xlsx.CellValue]", r.values),
            *([None] * (width - len(r.values))),
            "\n".join(p.text() for p in r.problems),
        ]
        for r in plan.refused()
    ]
    wb = xlsx.new_workbook()
    xlsx.write_sheet(wb, "Reddedilen satırlar", columns, rows)
    return xlsx.save_atomic(wb, Path(target))
