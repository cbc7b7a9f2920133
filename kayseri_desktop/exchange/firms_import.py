"""Excel import of firm lists: preview (new / update / unchanged / refused), then all or nothing.

    book = XlsxFile(path)                       # refuses non-spreadsheets, bombs, entity tricks
    sheet = book.read(name)
    header = detect_header(sheet.rows)
    plan = preview(db, sheet, header, auto_mapping(headers))
    counts = apply(db, bus, plan, user=ctx.user)  # one transaction, one bus announcement

A row is matched to an existing firm by its tax number. Only the mapped columns
are written; an update changes the fields that differ, adds export figures, markets,
tags and the contact person the row names. Every refused row keeps its reasons
(row number, column, value, reason) and can be saved as an .xlsx to fix and re-import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, insert, select, update

from kayseri_desktop.core import firm_validation as fv
from kayseri_desktop.core.catalogues import size_class
from kayseri_desktop.core.turkish import collation_key, fold
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.exchange import xlsx
from kayseri_desktop.exchange.firms_mapping import FIELDS, header_year
from kayseri_desktop.exchange.xlsx_reader import SheetRows, column_letter
from kayseri_desktop.services.bus import ChangeBus
from kayseri_desktop.services.registry import TEXT_FIELDS, search_text

NEW, UPDATE, UNCHANGED, REFUSED = "new", "update", "unchanged", "refused"
STATUS_TEXT = {
    NEW: "Yeni",
    UPDATE: "Güncellenecek",
    UNCHANGED: "Değişmeyecek",
    REFUSED: "Reddedildi",
}
SCALARS = (
    "title", "short_name", "tax_no", "sector", "district", "osb", "address", "phone", "email",
    "web", "employees", "founded_year", "products", "nace_code", "trade_registry_no",
    "kto_member_no", "notes",
)  # fmt: skip
CHUNK = 500


class ImportRefused(ValueError):
    """Nothing was imported; str() says why in Turkish."""


@dataclass(frozen=True)
class Problem:
    row: int
    column: str  # "C (Vergi No)"
    value: str
    reason: str

    def text(self) -> str:
        value = f" “{self.value}”" if self.value else ""
        return f"Satır {self.row}, sütun {self.column}{value}: {self.reason}"


@dataclass
class RowPlan:
    row: int
    values: list[object]
    status: str = NEW
    fields: dict[str, object] = field(default_factory=dict)
    exports: int | None = None
    markets: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    contact: str | None = None
    firm_id: int | None = None
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ImportPlan:
    sheet: str
    headers: list[object]
    header_row: int
    mapping: dict[int, str]
    export_year: int
    rows: list[RowPlan]

    def counts(self) -> dict[str, int]:
        out = {NEW: 0, UPDATE: 0, UNCHANGED: 0, REFUSED: 0}
        for r in self.rows:
            out[r.status] += 1
        return out

    def refused(self) -> list[RowPlan]:
        return [r for r in self.rows if r.status == REFUSED]

    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]


def _cached(fn: Callable[[object], object]) -> Callable[[object], object]:
    """Memoise a pure parser per cell value (lists repeat districts, sectors, countries)."""
    memo = lru_cache(maxsize=65536)(fn)

    def call(raw: object) -> object:
        try:
            return memo(raw)
        except TypeError:  # unhashable: never from our reader, but be safe
            return fn(raw)

    return call


def _text_parser(key: str) -> Callable[[object], object]:
    limit, name = TEXT_FIELDS[key]
    return lambda raw: fv.clean_text(raw, limit, name)


def _parsers(today: dt.date) -> dict[str, Callable[[object], object]]:
    parsers: dict[str, Callable[[object], object]] = {k: _text_parser(k) for k in TEXT_FIELDS}
    parsers.update(
        {
            "tax_no": fv.parse_tax_no,
            "sector": _cached(fv.parse_sector),
            "district": _cached(fv.parse_district),
            "osb": _cached(fv.parse_osb),
            "phone": _cached(fv.parse_phone),
            "email": fv.parse_email,
            "employees": _cached(fv.parse_employees),
            "founded_year": _cached(lambda raw: fv.parse_year(raw, today)),
            "exports": fv.parse_usd,
            "markets": _cached(lambda raw: tuple(fv.parse_countries(raw))),
            "tags": _cached(lambda raw: tuple(fv.parse_tags(raw))),
            "contact": lambda raw: fv.clean_text(raw, 200, "Yetkili adı"),
        }
    )
    return parsers


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def preview(
    db: Database,
    sheet: SheetRows,
    header_index: int,
    mapping: dict[int, str],
    *,
    export_year: int | None = None,
    today: dt.date | None = None,
) -> ImportPlan:
    """Validate every data row and classify it; writes nothing."""
    today = today or dt.date.today()
    header_row, headers = sheet.rows[header_index]
    if "tax_no" not in mapping.values():
        raise ImportRefused("Vergi numarası sütunu eşlenmedi: firmalar vergi numarasıyla eşleşir.")
    exports_col = next((i for i, f in mapping.items() if f == "exports"), None)
    year = export_year or (header_year(headers[exports_col]) if exports_col is not None else None)
    year = year or today.year - 1
    plan = ImportPlan(sheet.name, list(headers), header_row, dict(mapping), year, [])
    parsers = _parsers(today)
    names = {
        i: f"{column_letter(i)} ({_show(headers[i]) if i < len(headers) else FIELDS[f]})"
        for i, f in mapping.items()
    }
    tax_col = next(c for c, k in mapping.items() if k == "tax_no")
    tax_name = names[tax_col]
    # (column, field, parser, where the value goes) once, not per cell.
    plain_fields = {"exports", "markets", "tags", "contact"}
    steps = [(col, key, parsers[key], key not in plain_fields) for col, key in mapping.items()]
    seen: dict[str, RowPlan] = {}
    for number, values in sheet.rows[header_index + 1 :]:
        rp = RowPlan(number, values)
        fields = rp.fields
        width = len(values)
        for col, key, parse, is_field in steps:
            raw = values[col] if col < width else None
            try:
                value = parse(raw)
            except fv.FieldError as exc:
                rp.problems.append(Problem(number, names[col], _show(raw), str(exc)))
                continue
            if is_field:
                if value is not None:
                    fields[key] = value
            elif key == "exports":
                rp.exports = value  # type: ignore[assignment]
            elif key == "markets":
                rp.markets = list(value)  # type: ignore[arg-type]
            elif key == "tags":
                rp.tags = list(value)  # type: ignore[arg-type]
            else:
                rp.contact = value  # type: ignore[assignment]
        tax = fields.get("tax_no")
        if tax is None:
            if not any(p.column == tax_name for p in rp.problems):
                rp.problems.append(Problem(number, tax_name, "", "Vergi numarası boş."))
        else:
            first = seen.get(tax)  # type: ignore[call-overload]
            if first is not None:
                reason = f"Aynı vergi numarası dosyada iki kez var: satır {first.row} ve {number}."
                rp.problems.append(Problem(number, tax_name, str(tax), reason))
                if not any("iki kez" in p.reason for p in first.problems):
                    first.problems.append(Problem(first.row, tax_name, str(tax), reason))
                    first.status = REFUSED
            else:
                seen[tax] = rp  # type: ignore[index]
        if rp.problems:
            rp.status = REFUSED
        plan.rows.append(rp)
    _classify(db, plan, names, tax_col_name=tax_name)
    return plan


def _classify(db: Database, plan: ImportPlan, names: dict[int, str], tax_col_name: str) -> None:
    """Match rows to existing firms by tax number; decide new / update / unchanged."""
    candidates = [r for r in plan.rows if r.status != REFUSED]
    taxes = [str(r.fields["tax_no"]) for r in candidates]
    existing: dict[str, dict] = {}
    cols = [m.Firm.id, m.Firm.deleted_at, m.Firm.version, *(getattr(m.Firm, k) for k in SCALARS)]
    with db.read() as s:
        for start in range(0, len(taxes), CHUNK):
            chunk = taxes[start : start + CHUNK]
            for row in s.execute(select(*cols).where(m.Firm.tax_no.in_(chunk))):
                existing[row.tax_no] = row._asdict()
        ids = [e["id"] for e in existing.values()]
        children: dict[int, dict[str, set]] = {
            i: {"m": set(), "t": set(), "c": set(), "e": {}} for i in ids
        }
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            for fid, code in s.execute(
                select(m.FirmMarket.firm_id, m.FirmMarket.country).where(
                    m.FirmMarket.firm_id.in_(chunk)
                )
            ):
                children[fid]["m"].add(code)
            for fid, tag in s.execute(
                select(m.FirmTag.firm_id, m.FirmTag.tag).where(m.FirmTag.firm_id.in_(chunk))
            ):
                children[fid]["t"].add(tag)
            for fid, name in s.execute(
                select(m.Contact.firm_id, m.Contact.name).where(m.Contact.firm_id.in_(chunk))
            ):
                children[fid]["c"].add(name)
            for fid, usd in s.execute(
                select(m.FirmExport.firm_id, m.FirmExport.usd).where(
                    m.FirmExport.firm_id.in_(chunk), m.FirmExport.year == plan.export_year
                )
            ):
                children[fid]["e"][plan.export_year] = usd  # type: ignore[index]
    for rp in candidates:
        found = existing.get(str(rp.fields["tax_no"]))
        if found is None:
            if not rp.fields.get("title"):
                rp.problems.append(
                    Problem(rp.row, _col(names, plan, "title"), "", "Yeni firmanın unvanı boş.")
                )
                rp.status = REFUSED
            continue
        if found["deleted_at"] is not None:
            rp.problems.append(
                Problem(
                    rp.row,
                    tax_col_name,
                    str(rp.fields["tax_no"]),
                    f"Bu vergi numarası çöp kutusundaki “{found['title']}” firmasına ait; "
                    "önce çöp kutusundan geri alın.",
                )
            )
            rp.status = REFUSED
            continue
        rp.firm_id = found["id"]
        rp.fields.setdefault("_existing", found)  # type: ignore[arg-type]
        kids = children[found["id"]]
        for key, value in rp.fields.items():
            if key in SCALARS and found[key] != value:
                rp.changes[key] = (found[key], value)
        if rp.exports is not None and kids["e"].get(plan.export_year) != rp.exports:
            rp.changes["exports"] = (kids["e"].get(plan.export_year), rp.exports)
        if rp.markets and set(rp.markets) != kids["m"]:
            rp.changes["markets"] = (",".join(sorted(kids["m"])), ",".join(sorted(rp.markets)))
        if set(rp.tags) - kids["t"]:
            rp.changes["tags"] = (None, ",".join(sorted(set(rp.tags) - kids["t"])))
        if rp.contact and fold(rp.contact) not in {fold(c) for c in kids["c"]}:
            rp.changes["contact"] = (None, rp.contact)
        rp.fields["_contacts"] = sorted(kids["c"])  # type: ignore[assignment]
        # What an update inserts: only the children that changed or are new.
        rp.exports = rp.exports if "exports" in rp.changes else None
        rp.markets = rp.markets if "markets" in rp.changes else []
        rp.tags = [t for t in rp.tags if t not in kids["t"]]
        rp.contact = rp.contact if "contact" in rp.changes else None
        rp.status = UPDATE if rp.changes else UNCHANGED


def _col(names: dict[int, str], plan: ImportPlan, key: str) -> str:
    for col, f in plan.mapping.items():
        if f == key:
            return names[col]
    return FIELDS[key]


def apply(
    db: Database, bus: ChangeBus, plan: ImportPlan, *, user: str, skip_invalid: bool = False
) -> dict[str, int]:
    """Write the new and changed firms in one transaction; announce "firm" once.

    Without ``skip_invalid``, any refused row means nothing is written (ImportRefused).
    """
    counts = plan.counts()
    if counts[REFUSED] and not skip_invalid:
        raise ImportRefused(
            f"{counts[REFUSED]} satır reddedildi; hiçbir firma aktarılmadı. Hataları düzeltip "
            "yeniden deneyin ya da yalnızca geçerli satırları aktarmayı seçin."
        )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    new_rows = [r for r in plan.rows if r.status == NEW]
    updates = [r for r in plan.rows if r.status == UPDATE]
    audit: list[dict] = []

    def note(fid: int, action: str, fld=None, old=None, new=None) -> None:
        audit.append(
            {"at": now, "user": user, "entity": "firm", "entity_id": fid, "action": action,
             "field": fld, "old_value": None if old is None else str(old),
             "new_value": None if new is None else str(new)}
        )  # fmt: skip

    with db.write() as s:
        conn = s.connection()  # Core statements: no ORM unit of work for bulk rows
        new_ids: list[int] = []
        if new_rows:
            firms = []
            for r in new_rows:
                values = {k: r.fields.get(k) for k in SCALARS}
                values.update(
                    size_class=size_class(values["employees"]),  # type: ignore[arg-type]
                    search_text=search_text(values, [r.contact] if r.contact else []),
                    title_sort=collation_key(str(values["title"])),
                    version=1, created_at=now, updated_at=now, deleted_at=None,
                )  # fmt: skip
                firms.append(values)
            new_ids = _insert_firms(conn, firms)
            for fid in new_ids:
                note(fid, "create")
            _children(conn, plan.export_year, zip(new_ids, new_rows, strict=True))
        for r in updates:
            existing = r.fields["_existing"]
            assert isinstance(existing, dict) and r.firm_id is not None
            changed = {k: new for k, (_, new) in r.changes.items() if k in SCALARS}
            merged = {**existing, **changed}
            contacts = list(r.fields.get("_contacts") or []) + ([r.contact] if r.contact else [])
            changed.update(
                size_class=size_class(merged["employees"]),
                search_text=search_text(merged, contacts),
                title_sort=collation_key(str(merged["title"])),
                updated_at=now,
                version=m.Firm.version + 1,
            )
            conn.execute(update(m.Firm.__table__).where(m.Firm.id == r.firm_id).values(**changed))
            for key, (old, new) in r.changes.items():
                note(r.firm_id, "update", key, old, new)
            if "exports" in r.changes:
                conn.execute(
                    m.FirmExport.__table__.delete().where(
                        m.FirmExport.firm_id == r.firm_id, m.FirmExport.year == plan.export_year
                    )
                )
            if "markets" in r.changes:
                conn.execute(
                    m.FirmMarket.__table__.delete().where(m.FirmMarket.firm_id == r.firm_id)
                )
        _children(conn, plan.export_year, ((r.firm_id, r) for r in updates))
        if audit:
            _bulk(conn, m.AuditEntry.__table__, audit)
    updated_ids = [r.firm_id for r in updates if r.firm_id is not None]
    with bus.batch():
        if new_ids:
            bus.publish("firm", new_ids, "create")
        if updated_ids:
            bus.publish("firm", updated_ids, "update")
    return {"created": len(new_ids), "updated": len(updated_ids), **counts}


def _insert_firms(conn, firms: list[dict]) -> list[int]:
    """Insert firms in one executemany; return their ids in order.

    SQLite: ids handed out from max(id) (the write transaction holds the database
    lock, so nobody else inserts meanwhile), which keeps this one statement instead
    of a RETURNING round trip per row. Other backends use RETURNING.
    """
    table = m.Firm.__table__
    if conn.dialect.name == "sqlite":
        first = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        ids = list(range(first, first + len(firms)))
        for fid, values in zip(ids, firms, strict=True):
            values["id"] = fid
        _bulk(conn, table, firms)
        return ids
    result = conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), firms)
    return [row[0] for row in result]


def _bulk(conn, table, rows: list[dict]) -> None:
    """executemany of plain rows; on SQLite straight to the driver (no per-row compiling)."""
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    cols = list(rows[0])
    marks = ", ".join("?" for _ in cols)
    sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({marks})"

    # The text form SQLAlchemy's SQLite DateTime/Date types store and read back; only
    # the columns that hold dates are converted (the others go through untouched).
    sample = rows[0]
    dated = [i for i, c in enumerate(cols) if isinstance(sample[c], dt.date)]
    if not dated:
        params = [tuple(r[c] for c in cols) for r in rows]
    else:
        params = []
        for r in rows:
            values = [r[c] for c in cols]
            for i in dated:
                value = values[i]
                if isinstance(value, dt.datetime):
                    values[i] = value.strftime("%Y-%m-%d %H:%M:%S.%f")
                elif isinstance(value, dt.date):
                    values[i] = value.isoformat()
            params.append(tuple(values))
    conn.exec_driver_sql(sql, params)


def _children(s, year: int, pairs) -> None:
    exports, markets, tags, contacts = [], [], [], []
    for fid, r in pairs:
        if r.exports is not None:
            exports.append({"firm_id": fid, "year": year, "usd": r.exports})
        markets += [{"firm_id": fid, "country": c} for c in r.markets]
        tags += [{"firm_id": fid, "tag": t} for t in r.tags]
        if r.contact:
            contacts.append({"firm_id": fid, "name": r.contact, "kvkk_consent": False})
    for table, rows in (
        (m.FirmExport, exports), (m.FirmMarket, markets), (m.FirmTag, tags), (m.Contact, contacts)
    ):  # fmt: skip
        if rows:
            _bulk(s, table.__table__, rows)


def save_refused(plan: ImportPlan, target: str | Path) -> Path:
    """The refused rows with their reasons, as an .xlsx to fix and import again."""
    width = max([len(plan.headers), *(len(r.values) for r in plan.refused())])
    headers = [_show(h) or column_letter(i) for i, h in enumerate(plan.headers)]
    headers += [column_letter(i) for i in range(len(headers), width)]
    columns = [xlsx.Column("Satır", 8), *(xlsx.Column(h) for h in headers), xlsx.Column("Hata", 60)]
    rows = [
        [
            r.row,
            *r.values,
            *([None] * (width - len(r.values))),
            "\n".join(p.text() for p in r.problems),
        ]
        for r in plan.refused()
    ]
    wb = xlsx.new_workbook()
    xlsx.write_sheet(wb, "Reddedilen satırlar", columns, rows)
    return xlsx.save_atomic(wb, Path(target))
