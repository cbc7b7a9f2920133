"""Excel import of firm lists: preview (new / update / unchanged / refused), then all or nothing.

    book = XlsxFile(path)                       # refuses non-spreadsheets, bombs, entity tricks
    sheet = book.read(name)
    header = detect_header(sheet.rows)
    plan = preview(db, sheet, header, auto_mapping(headers))
    counts = firms_import_write.apply(db, bus, plan, user=ctx.user)  # all or nothing

A row is matched to an existing firm by its tax number. Only the mapped columns
are written; an update changes the fields that differ, adds export figures, markets,
tags and the contact person the row names. Every refused row keeps its reasons
(row number, column, value, reason) and can be saved as an .xlsx to fix and re-import.

Sectors, OSBs and size classes are read in the list's own words (core/vocabulary: NACE
codes and names, TİM's sectors, short forms; then the synonyms people chose before,
services/synonyms). A word nobody knows yet, or one that fits several values, becomes
one Question per distinct word (with how many rows carry it and ranked suggestions);
``choices`` answer them: a code, LEAVE_EMPTY or REFUSE. Every translated word is listed
in ``plan.translations`` for the preview.

A row whose tax number belongs to a firm of a clearly different title is HELD: it is
written only once a person confirms it (``RowPlan.selected``); any update can be left
out the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from rapidfuzz import fuzz
from sqlalchemy import select

from kayseri_desktop.core import firm_validation as fv
from kayseri_desktop.core.catalogues import DISTRICTS
from kayseri_desktop.core.gc_pause import gc_paused
from kayseri_desktop.core.turkish import fold, thousands
from kayseri_desktop.core.vocabulary import FIELD_NAMES, vocabulary
from kayseri_desktop.core.vocabulary import FIELDS as VOCABULARY_FIELDS
from kayseri_desktop.core.vocabulary import key as vocabulary_key
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.value_lists import one_of
from kayseri_desktop.exchange.firms_mapping import FIELDS, header_year
from kayseri_desktop.exchange.xlsx_reader import SheetRows, column_letter
from kayseri_desktop.services.registry import PARSERS, TEXT_FIELDS
from kayseri_desktop.services.synonyms import Synonym, lookup

NEW, UPDATE, UNCHANGED, REFUSED = "new", "update", "unchanged", "refused"
HELD = "held"  # the tax number belongs to a firm of another title: written only if confirmed
STATUS_TEXT = {
    NEW: "Yeni",
    UPDATE: "Güncellenecek",
    HELD: "Onay bekliyor",
    UNCHANGED: "Değişmeyecek",
    REFUSED: "Reddedildi",
}
# Answers to a Question besides a catalogue code.
LEAVE_EMPTY, REFUSE = "<boş bırak>", "<bu satırları reddet>"
CHOICE_TEXT = {LEAVE_EMPTY: "boş bırak", REFUSE: "bu satırları reddet"}
TITLE_HELD = "Vergi numarası başka bir firmaya ait"
TITLE_SIMILAR = 75  # rapidfuzz token_sort_ratio of two titles below which they differ
# Words of a firm's title that say what kind of company it is, not which one.
_LEGAL = frozenset(
    {"as", "a", "s", "ltd", "sti", "limited", "sirketi", "anonim", "san", "sanayi", "ve",
     "tic", "ticaret", "ith", "ihr", "ithalat", "ihracat", "paz", "pazarlama", "koll",
     "kollektif", "ins", "insaat", "a.s", "ltd.sti", "vb", "org", "urt", "uretim"}
)  # fmt: skip
_TITLE_PUNCT = re.compile(r"[^\w\s]+")
SCALARS = (
    "title", "short_name", "tax_no", "sector", "district", "osb", "address", "phone", "email",
    "web", "employees", "founded_year", "products", "nace_code", "trade_registry_no",
    "kto_member_no", "notes",
)  # fmt: skip
# Columns whose values repeat down a list: parsed once per distinct value.
MEMOISED = frozenset({"sector", "district", "osb", "employees", "founded_year",
                      "markets", "tags"})  # fmt: skip
SHOWN_MAX = 80  # characters of a refused cell quoted in its problem
# Fields kept beside the firm's own columns (its children and contact), not in RowPlan.fields.
PLAIN_FIELDS = frozenset({"exports", "markets", "tags", "contact"})


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


@dataclass(slots=True)
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
    held: str | None = None  # why a HELD row waits for a person's confirmation
    selected: bool = True  # an update (or a confirmed HELD row) is written only when True


@dataclass
class Question:
    """A word of the list that needs a person: unknown, or fitting several values."""

    field: str  # sector, osb, size_class
    value: str  # as the list first writes it
    key: str  # core/vocabulary.key(value): the same word however written
    rows: int  # how many rows carry it
    candidates: tuple[str, ...]  # codes it fits (several: ambiguous; none: unknown)
    source: str  # what is known of it ("TİM sektörü …"), or ""
    suggestions: list[str]  # codes ranked (candidates first)

    def reason(self) -> str:
        name = f"{FIELD_NAMES[self.field]} “{self.value}”"
        catalogue = VOCABULARY_FIELDS[self.field]
        if len(self.candidates) > 1:
            labels = ", ".join(catalogue.label(c) for c in self.candidates)
            return f"{name} birden çok seçeneğe uyuyor ({labels}); hangisi olduğunu seçin."
        if self.source:
            return f"{name} ({self.source}) hiçbir seçeneğe denk gelmiyor; seçin ya da boş bırakın."
        hint = ", ".join(catalogue.label(c) for c in self.suggestions)
        hint = f" (öneriler: {hint})" if hint else ""
        return f"{name} tanınmadı{hint}; ne olduğunu seçin."


@dataclass(frozen=True)
class Translation:
    """A word of the list read as a catalogue value, shown in the preview."""

    field: str
    value: str
    code: str | None  # None: left empty by a choice or a synonym
    source: str
    rows: int


@dataclass
class ImportPlan:
    sheet: str
    headers: list[object]
    header_row: int
    mapping: dict[int, str]
    export_year: int
    rows: list[RowPlan]
    questions: list[Question] = field(default_factory=list)
    translations: list[Translation] = field(default_factory=list)
    derived: set[str] = field(default_factory=set)  # fields read from another column

    def counts(self) -> dict[str, int]:
        out = {NEW: 0, UPDATE: 0, HELD: 0, UNCHANGED: 0, REFUSED: 0}
        for r in self.rows:
            out[r.status] += 1
        return out

    def held(self) -> list[RowPlan]:
        return [r for r in self.rows if r.status == HELD]

    def confirm_held(self, confirmed: bool = True) -> None:
        """Confirm (or withdraw) every HELD row at once."""
        for r in self.held():
            r.selected = confirmed

    def refuse_held(self) -> None:
        """HELD rows become refused rows (the command line without --allow-title-change)."""
        for r in self.held():
            col = _col_name(self, "tax_no")
            r.problems.append(Problem(r.row, col, str(r.fields.get("tax_no") or ""), r.held or ""))
            r.status, r.selected = REFUSED, False

    def refused(self) -> list[RowPlan]:
        return [r for r in self.rows if r.status == REFUSED]

    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]


class _Failed:
    """A parser's refusal, kept in a column's memo like a value."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _parse_once(parse: Callable[[object], object], raw: object) -> object:
    try:
        return parse(raw)
    except fv.FieldError as exc:
        return _Failed(str(exc))


def _text_parser(key: str) -> Callable[[object], object]:
    limit, name = TEXT_FIELDS[key]
    return lambda raw: fv.clean_text(raw, limit, name)


def _parsers(today: dt.date) -> dict[str, Callable[[object], object]]:
    parsers: dict[str, Callable[[object], object]] = {k: _text_parser(k) for k in TEXT_FIELDS}
    parsers.update(PARSERS)  # the form's own: tax number, sector, district, ..., e-mail
    parsers.update(
        {
            "founded_year": lambda raw: fv.parse_year(raw, today),
            "exports": fv.parse_usd,
            "markets": lambda raw: tuple(fv.parse_countries(raw)),
            "tags": lambda raw: tuple(fv.parse_tags(raw)),
            "contact": lambda raw: fv.clean_text(raw, 200, "Yetkili adı"),
        }
    )
    return parsers


def _show(value: object) -> str:
    """A cell as a Turkish spreadsheet shows it (DOĞRU, 12,5, 15.06.1990), cut to
    SHOWN_MAX characters: a refusal quotes the cell, not a 40,000-character text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "DOĞRU" if value else "YANLIŞ"
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d.%m.%Y")
    text = str(value).replace(".", ",") if isinstance(value, float) else str(value)
    return text if len(text) <= SHOWN_MAX else text[: SHOWN_MAX - 1] + "…"


@gc_paused()
def preview(
    db: Database,
    sheet: SheetRows,
    header_index: int,
    mapping: dict[int, str],
    *,
    export_year: int | None = None,
    today: dt.date | None = None,
    choices: Mapping[tuple[str, str], str] | None = None,
    synonyms: Mapping[tuple[str, str], Synonym] | None = None,
) -> ImportPlan:
    """Validate every data row and classify it; writes nothing.

    ``choices``: (field, vocabulary key) -> code, LEAVE_EMPTY or REFUSE, for this import;
    ``synonyms``: the remembered ones (read from the database when None)."""
    today = today or dt.date.today()
    if synonyms is None:
        synonyms = lookup(db)
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
    # Column by column: each column's cells parsed in one pass (a column whose values
    # repeat, such as districts, sectors, head counts, dates and countries, once per
    # distinct value), then handed to the rows. A row's problems still come in column
    # order, as the mapping lists them.
    data = sheet.rows[header_index + 1 :]
    plan.rows = plans = [RowPlan(number, values) for number, values in data]
    for col, key in mapping.items():
        cells = [values[col] if col < len(values) else None for _, values in data]
        if key in VOCABULARY_FIELDS:
            parsed, refused = _resolve_column(plan, key, cells, choices or {}, synonyms)
        else:
            parsed, refused = _parse_column(parsers[key], cells, key in MEMOISED)
        if refused:
            for rp, raw, value in zip(plans, cells, parsed, strict=True):
                if value.__class__ is _Failed:
                    rp.problems.append(Problem(rp.row, names[col], _show(raw), value.reason))
        _hand_out(plans, key, parsed)
    if "nace_code" in mapping.values() and "sector" not in mapping.values():
        # A list with NACE codes but no sector column (the Ministry's lists): the sector
        # is read from the code, asked like a sector cell when the code does not say.
        col = next(c for c, k in mapping.items() if k == "nace_code")
        cells = [values[col] if col < len(values) else None for _, values in data]
        parsed, _any = _resolve_column(plan, "sector", cells, choices or {}, synonyms)
        for rp, raw, value in zip(plans, cells, parsed, strict=True):
            if value.__class__ is _Failed:
                rp.problems.append(Problem(rp.row, names[col], _show(raw), value.reason))
        _hand_out(plans, "sector", parsed)
        plan.derived.add("sector")
    seen: dict[str, RowPlan] = {}
    for rp in plans:
        number, fields = rp.row, rp.fields
        tax = fields.get("tax_no")
        if tax is None:
            if not any(p.column == tax_name for p in rp.problems):
                rp.problems.append(Problem(number, tax_name, "", "Vergi numarası boş."))
        else:
            first = seen.get(str(tax))
            if first is not None:
                reason = f"Aynı vergi numarası dosyada iki kez var: satır {first.row} ve {number}."
                rp.problems.append(Problem(number, tax_name, str(tax), reason))
                if not any("iki kez" in p.reason for p in first.problems):
                    first.problems.append(Problem(first.row, tax_name, str(tax), reason))
                    first.status = REFUSED
            else:
                seen[str(tax)] = rp
        if rp.problems:
            rp.status = REFUSED
    _classify(db, plan, names, tax_col_name=tax_name)
    return plan


_NUMBERS = frozenset({int, float, bool})


def _parse_column(
    parse: Callable[[object], object], cells: list[object], memoised: bool
) -> tuple[list[object], bool]:
    """Every cell's parsed value (a refused cell's is a _Failed), and whether any was
    refused. Repeating columns: one parse per distinct value, keyed with its type, so
    1, 1.0 and True differ."""
    if memoised:
        keys: list[object]
        if len(_NUMBERS.intersection(map(type, cells))) <= 1:
            keys = cells  # nothing like 1 == 1.0 == True to tell apart: values are the keys
        else:
            keys = [raw if raw.__class__ is str else (raw.__class__, raw) for raw in cells]
        distinct = dict(zip(keys, cells, strict=True))  # key -> a cell with that key
        done = {key: _parse_once(parse, raw) for key, raw in distinct.items()}
        refused = any(v.__class__ is _Failed for v in done.values())
        return list(map(done.__getitem__, keys)), refused
    try:
        return list(map(parse, cells)), False  # the usual column: no refusal at all
    except fv.FieldError:
        return [_parse_once(parse, raw) for raw in cells], True


def _cell_text(raw: object) -> str:
    """A vocabulary cell as text: a whole number without ".0" (a NACE code cell 28.0)."""
    if raw is None or isinstance(raw, bool):
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return " ".join(str(raw).split())


def _resolve_column(
    plan: ImportPlan,
    field_key: str,
    cells: list[object],
    choices: Mapping[tuple[str, str], str],
    synonyms: Mapping[tuple[str, str], Synonym],
) -> tuple[list[object], bool]:
    """A sector / OSB / size-class column: each distinct word resolved once, by this
    import's choices, the catalogue, the remembered synonyms and the shipped table, in
    that order. A word still open becomes a Question and its rows are refused."""
    vocab = vocabulary(field_key)
    catalogue = VOCABULARY_FIELDS[field_key]
    # Once per distinct cell (keyed with its type: 28 and "28" and 28.0 each once).
    raw_keys = [raw if raw.__class__ is str else (raw.__class__, raw) for raw in cells]
    per_raw = Counter(raw_keys)
    texts = {rk: _cell_text(raw) for rk, raw in zip(raw_keys, cells, strict=True)}
    keys = {rk: vocabulary_key(t) for rk, t in texts.items() if t}
    counts: Counter[str] = Counter()
    for rk, n in per_raw.items():
        if rk in keys:
            counts[keys[rk]] += n
    outcome: dict[str, object] = {}
    known = {k: syn.code for (f, k), syn in synonyms.items() if f == field_key}
    for rk, k in keys.items():  # in the order the list first writes them
        text = texts[rk]
        if k in outcome:
            continue
        found = vocab.find(text)
        exact = found is not None and found.source == "katalogdaki ad"
        exact = exact and catalogue.find(text) is not None
        choice = choices.get((field_key, k))
        synonym = synonyms.get((field_key, k))
        if choice is not None:
            source = "bu aktarımda seçildi"
            if choice == REFUSE:
                name = FIELD_NAMES[field_key]
                outcome[k] = _Failed(f"{name} “{text}” için “bu satırları reddet” seçildi.")
                continue
            code = None if choice == LEAVE_EMPTY else choice
        elif exact and found is not None:
            outcome[k] = found.code
            continue
        elif synonym is not None:
            code = synonym.code
            source = f"kayıtlı eş anlamlı ({synonym.created_by}, {synonym.created_at:%d.%m.%Y})"
        elif found is not None and found.code is not None:
            code, source = found.code, found.source
        else:
            question = Question(
                field_key, text, k, counts[k], found.codes if found else (),
                found.source if found and not found.codes else "",
                vocab.suggest(text, known),
            )  # fmt: skip
            plan.questions.append(question)
            outcome[k] = _Failed(question.reason())
            continue
        outcome[k] = code
        plan.translations.append(Translation(field_key, text, code, source, counts[k]))
    by_raw = {rk: outcome[k] for rk, k in keys.items()}
    parsed = [by_raw.get(rk) for rk in raw_keys]
    return parsed, any(v.__class__ is _Failed for v in outcome.values())


def _hand_out(plans: list[RowPlan], key: str, parsed: list[object]) -> None:
    """Parsed values to their rows (a refused cell, a _Failed, to none)."""
    if key not in PLAIN_FIELDS:
        for rp, value in zip(plans, parsed, strict=True):
            if value is not None and value.__class__ is not _Failed:
                rp.fields[key] = value
        return
    for rp, value in zip(plans, parsed, strict=True):
        if value.__class__ is _Failed:
            continue
        if key == "exports":
            rp.exports = cast("int | None", value)
        elif key == "markets":
            rp.markets = list(cast("tuple[str, ...]", value))
        elif key == "tags":
            rp.tags = list(cast("tuple[str, ...]", value))
        else:
            rp.contact = cast("str | None", value)


def _classify(db: Database, plan: ImportPlan, names: dict[int, str], tax_col_name: str) -> None:
    """Match rows to existing firms by tax number; decide new / update / unchanged."""
    candidates = [r for r in plan.rows if r.status != REFUSED]
    taxes = [str(r.fields["tax_no"]) for r in candidates]
    existing: dict[str, dict[str, Any]] = {}
    cols = [m.Firm.id, m.Firm.deleted_at, m.Firm.version, m.Firm.size_class,
            *(getattr(m.Firm, k) for k in SCALARS)]  # fmt: skip
    with db.read() as s:
        for row in s.execute(select(*cols).where(one_of(m.Firm.tax_no, taxes, db.backend))):
            existing[row.tax_no] = row._asdict()
        ids = [e["id"] for e in existing.values()]
        children: dict[int, dict[str, set[str]]] = {
            i: {"m": set(), "t": set(), "c": set()} for i in ids
        }
        usd_before: dict[int, int] = {}  # the export figure of plan.export_year, per firm
        if ids:
            for slot, firm_id, column in (
                ("m", m.FirmMarket.firm_id, m.FirmMarket.country),
                ("t", m.FirmTag.firm_id, m.FirmTag.tag),
                ("c", m.Contact.firm_id, m.Contact.name),
            ):
                for fid, item in s.execute(
                    select(firm_id, column).where(one_of(firm_id, ids, db.backend))
                ):
                    children[fid][slot].add(item)
            for fid, usd in s.execute(
                select(m.FirmExport.firm_id, m.FirmExport.usd).where(
                    one_of(m.FirmExport.firm_id, ids, db.backend),
                    m.FirmExport.year == plan.export_year,
                )
            ):
                usd_before[fid] = usd
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
        rp.fields.setdefault("_existing", found)
        kids = children[found["id"]]
        for key, value in rp.fields.items():
            if key in SCALARS and found[key] != value:
                rp.changes[key] = (found[key], value)
        if "size_class" in rp.fields:
            # A head count (the row's or the firm's) decides the class; the column only
            # stands in for a firm without one.
            if rp.fields.get("employees") is not None or found["employees"] is not None:
                del rp.fields["size_class"]
            elif found["size_class"] != rp.fields["size_class"]:
                rp.changes["size_class"] = (found["size_class"], rp.fields["size_class"])
        if rp.exports is not None and usd_before.get(found["id"]) != rp.exports:
            rp.changes["exports"] = (usd_before.get(found["id"]), rp.exports)
        if rp.markets and set(rp.markets) != kids["m"]:
            rp.changes["markets"] = (",".join(sorted(kids["m"])), ",".join(sorted(rp.markets)))
        if set(rp.tags) - kids["t"]:
            rp.changes["tags"] = (None, ",".join(sorted(set(rp.tags) - kids["t"])))
        if rp.contact and fold(rp.contact) not in {fold(c) for c in kids["c"]}:
            rp.changes["contact"] = (None, rp.contact)
        rp.fields["_contacts"] = sorted(kids["c"])
        # What an update inserts: only the children that changed or are new.
        rp.exports = rp.exports if "exports" in rp.changes else None
        rp.markets = rp.markets if "markets" in rp.changes else []
        rp.tags = [t for t in rp.tags if t not in kids["t"]]
        rp.contact = rp.contact if "contact" in rp.changes else None
        rp.status = UPDATE if rp.changes else UNCHANGED
        if "title" in rp.changes and titles_differ(found["title"], str(rp.fields["title"])):
            rp.status, rp.selected = HELD, False
            rp.held = (
                f"{TITLE_HELD}: kayıtta “{found['title']}”, dosyada "
                f"“{rp.fields['title']}”. Onaylarsanız firmanın unvanı ve bilgileri değişir."
            )


def _title_words(title: str) -> list[str]:
    words = _TITLE_PUNCT.sub(" ", fold(title)).split()
    return [w for w in words if w not in _LEGAL] or words


def titles_differ(old: str, new: str) -> bool:
    """Whether two titles name clearly different firms ("DENEME MAKİNE" and "ÖZGÜR IŞIK
    TEKSTİL", "Erciyes Gıda" and "Erciyes Tekstil"), not one firm written two ways
    ("Çağrı Mobilya A.Ş." and "ÇAĞRI MOBİLYA SANAYİ VE TİCARET ANONİM ŞİRKETİ", a typo):
    legal words aside, one title's words within the other's, or rapidfuzz's sorted-word
    ratio at least TITLE_SIMILAR, is the same firm."""
    a, b = _title_words(old), _title_words(new)
    if set(a) <= set(b) or set(b) <= set(a):
        return False
    return fuzz.token_sort_ratio(" ".join(a), " ".join(b)) < TITLE_SIMILAR


def value_text(key: str, value: object) -> str:
    """A field's value as a person reads it: names, not codes; Turkish digit grouping."""
    if value is None or value == "":
        return "—"
    if key in VOCABULARY_FIELDS:
        return VOCABULARY_FIELDS[key].label(str(value))
    if key == "district":
        return DISTRICTS.label(str(value))
    if key == "markets":
        return ", ".join(fv.country_name(c) for c in str(value).split(",") if c)
    if key in ("exports", "employees") and isinstance(value, int | float):
        return thousands(int(value))
    return str(value)


def change_text(key: str, old: object, new: object) -> str:
    """“Sektör: Metal ve Makine → Tekstil ve Hazır Giyim”."""
    return f"{FIELDS.get(key, key)}: {value_text(key, old)} → {value_text(key, new)}"


def _col_name(plan: ImportPlan, key: str) -> str:
    for col, f in plan.mapping.items():
        if f == key:
            header = plan.headers[col] if col < len(plan.headers) else None
            return f"{column_letter(col)} ({_show(header) if header is not None else FIELDS[f]})"
    return FIELDS[key]


def _col(names: dict[int, str], plan: ImportPlan, key: str) -> str:
    for col, f in plan.mapping.items():
        if f == key:
            return names[col]
    return FIELDS[key]
