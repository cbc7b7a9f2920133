"""The registry's in-memory index: search, filter and sort 100,000 firms in milliseconds.

One aggregate query loads, per live firm, the few columns the table shows (with the
latest evaluation's mean score, the latest visit's status, last year's exports, the
markets and tags) into compact columns: repeated values (catalogue codes, market and
tag lists, scores, head counts) shared rather than one object per firm, sort
permutations as arrays of 32-bit positions, no per-firm dict or object. On SQLite
each firm's values are looked up by index seeks; on PostgreSQL by grouped aggregates
joined to the firms (set-based, so a table filled a moment ago and not yet analysed
is read just as fast). Searching scans the pre-folded search keys (Firm.search_text:
title, short name, tax number, products, contact names); sorting uses pre-computed
keys (Firm.title_sort, catalogue ranks, numbers) and caches each column's
permutation. No Qt here: the table model, the Excel export and ``kayseri export
firms`` all ask the same index.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import Executable, case, func, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import aggregate_order_by

from kayseri_desktop.core.catalogues import (
    DISTRICTS,
    OSBS,
    SECTORS,
    SIZE_CLASSES,
    VISIT_STATUSES,
    Catalogue,
)
from kayseri_desktop.core.firm_validation import country_name, country_names
from kayseri_desktop.core.turkish import collation_key, fold
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.models import (
    Evaluation,
    EvaluationScore,
    Firm,
    FirmExport,
    FirmMarket,
    FirmTag,
    Visit,
)

SEP = "\x1f"

# Column keys, in the table's default order.
COLUMN_KEYS = (
    "title",
    "tax_no",
    "sector",
    "district",
    "osb",
    "size",
    "employees",
    "exports",
    "markets",
    "score",
    "visit",
    "tags",
)
NUMERIC = frozenset({"employees", "exports", "score"})
CODED: dict[str, Catalogue] = {
    "sector": SECTORS,
    "district": DISTRICTS,
    "osb": OSBS,
    "size": SIZE_CLASSES,
    "visit": VISIT_STATUSES,
}


def default_export_year(today: dt.date | None = None) -> int:
    """Last year: the latest whole year of export figures."""
    return (today or dt.date.today()).year - 1


@dataclass
class Filters:
    """What the filter panel asks for; empty sets / None mean "any"."""

    sectors: frozenset[str] = frozenset()
    districts: frozenset[str] = frozenset()
    osbs: frozenset[str] = frozenset()
    sizes: frozenset[str] = frozenset()
    evaluated: bool | None = None
    visited: bool | None = None
    market: str | None = None
    tag: str | None = None

    def active(self) -> bool:
        return self != Filters()


@dataclass
class FirmIndex:
    """Parallel lists, one entry per live firm, in Turkish title order."""

    export_year: int
    ids: list[int] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    tax_no: list[str] = field(default_factory=list)
    sector: list[str | None] = field(default_factory=list)
    district: list[str | None] = field(default_factory=list)
    osb: list[str | None] = field(default_factory=list)
    size: list[str | None] = field(default_factory=list)
    employees: list[int | None] = field(default_factory=list)
    exports: list[int | None] = field(default_factory=list)
    markets: list[str] = field(default_factory=list)  # ISO codes joined by SEP
    score: list[float | None] = field(default_factory=list)
    visit: list[str | None] = field(default_factory=list)
    visited: list[bool] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # joined by SEP
    keys: list[str] = field(default_factory=list)  # folded search keys
    _orders: dict[tuple[str, bool], array[int]] = field(default_factory=dict, repr=False)
    # The last select(): (filters, sort key, descending), its words, its rows.
    _last: tuple[tuple[Filters, str, bool], list[str], list[int]] | None = field(
        default=None, repr=False
    )

    def __len__(self) -> int:
        return len(self.ids)

    # -- loading ------------------------------------------------------------------

    @classmethod
    def load(
        cls, db: Database, *, export_year: int | None = None, limit: int | None = None
    ) -> FirmIndex:
        """Load live firms (all, or the first ``limit`` in title order) with one query."""
        year = export_year or default_export_year()
        index = cls(year)
        postgresql = db.backend == "postgresql"
        with db.read() as s:
            conn = s.connection()
            if postgresql:
                # Equi-joins over whole tables: hash joins whatever the statistics say (a
                # nested loop chosen on a wrong row estimate re-reads a subquery per firm).
                conn.exec_driver_sql("SET LOCAL enable_nestloop = off")
                conn.exec_driver_sql("SET LOCAL work_mem = '64MB'")
                # One process: workers would each build the same hash tables again.
                conn.exec_driver_sql("SET LOCAL max_parallel_workers_per_gather = 0")
                ids = None
                if limit is not None:  # the first screen: its firms first, then their values
                    ids = list(
                        conn.execute(
                            select(Firm.id)
                            .where(Firm.deleted_at.is_(None))
                            .order_by(Firm.title_sort.collate("C"), Firm.id)
                            .limit(limit)
                        ).scalars()
                    )
                stmt = _set_based_statement(year, ids)
            else:
                stmt = _seek_statement(year, limit)
            result = conn.execute(stmt)
            if limit is None and not postgresql:
                rows: Iterable[Sequence[Any]] = sorted(result, key=itemgetter(2, 0))
            else:
                rows = result  # already in title order (binary, as Python compares)
            index._fill(rows)
        return index

    def _fill(self, rows: Iterable[Sequence[Any]]) -> None:
        """Rows (id, title, title_sort, tax_no, sector, district, osb, size, employees,
        exports, markets, score, visit, visited, tags, search_text) into the columns."""
        shared: dict[object, object] = {None: None, "": ""}

        def one(value: Any) -> Any:  # a value many firms have: one object for all of them
            return shared.setdefault(value, value)

        ids = self.ids
        title, tax_no, keys = self.title, self.tax_no, self.keys
        sector, district, osb, size = self.sector, self.district, self.osb, self.size
        employees, exports, markets = self.employees, self.exports, self.markets
        score, visit, visited, tags = self.score, self.visit, self.visited, self.tags
        folded: dict[str, str] = {"": ""}  # few distinct tag sets: fold each once
        for row in rows:
            ids.append(row[0])
            title.append(row[1])
            tax_no.append(row[3])
            sector.append(one(row[4]))
            district.append(one(row[5]))
            osb.append(one(row[6]))
            size.append(one(row[7]))
            employees.append(one(row[8]))
            exports.append(row[9])
            markets.append(one(row[10] or ""))
            value = row[11]
            score.append(None if value is None else one(float(value)))
            visit.append(one(row[12]))
            visited.append(bool(row[13]))
            tag_text = one(row[14] or "")
            tags.append(tag_text)
            tag_key = folded.get(tag_text)
            if tag_key is None:
                tag_key = folded[tag_text] = " " + fold(tag_text.replace(SEP, " "))
            # Tags are searchable too; search_text already holds the rest, pre-folded.
            keys.append(row[15] + tag_key if tag_key else row[15])

    @staticmethod
    def count(db: Database) -> int:
        with db.read() as s:
            return s.scalar(select(func.count()).where(Firm.deleted_at.is_(None))) or 0

    # -- presentation ---------------------------------------------------------------

    def market_codes(self, pos: int) -> list[str]:
        raw = self.markets[pos]
        if not raw:
            return []
        return sorted(raw.split(SEP), key=_country_sort_key)

    def tag_list(self, pos: int) -> list[str]:
        raw = self.tags[pos]
        return sorted(raw.split(SEP), key=collation_key) if raw else []

    def value(self, key: str, pos: int) -> object:
        """The raw value of a column (codes, numbers) for one row."""
        if key == "markets":
            return self.market_codes(pos)
        if key == "tags":
            return self.tag_list(pos)
        return getattr(self, key)[pos]

    def text(self, key: str, pos: int, lang: str = "tr") -> str:
        """A column's cell as text (numbers left to the caller's formatting)."""
        if key in CODED:
            return CODED[key].label(getattr(self, key)[pos], lang)
        if key == "markets":
            return ", ".join(country_name(c, lang) for c in self.market_codes(pos))
        if key == "tags":
            return ", ".join(self.tag_list(pos))
        value = getattr(self, key)[pos]
        return "" if value is None else str(value)

    def all_tags(self) -> list[str]:
        seen: set[str] = set()
        for raw in self.tags:
            if raw:
                seen.update(raw.split(SEP))
        return sorted(seen, key=collation_key)

    def all_markets(self) -> list[str]:
        seen: set[str] = set()
        for raw in self.markets:
            if raw:
                seen.update(raw.split(SEP))
        return sorted(seen, key=_country_sort_key)

    # -- sorting --------------------------------------------------------------------

    def order(self, key: str = "title", descending: bool = False) -> list[int]:
        """Row positions sorted by a column (Turkish order for text); empty values last."""
        return list(self._order(key, descending))

    def _order(self, key: str, descending: bool) -> array[int]:
        cached = self._orders.get((key, descending))
        if cached is not None:
            return cached
        n = len(self.ids)
        if key == "title":  # the rows are in Turkish title order already
            ascending = array("i", range(n))
            self._orders[(key, False)] = ascending
            self._orders[(key, True)] = array("i", reversed(ascending))
            return self._orders[(key, descending)]
        sort_key = self._sort_values(key)
        base = range(n)  # ties stay alphabetical
        if None not in sort_key:  # a C-level scan; the common case sorts in one go
            present = sorted(base, key=sort_key.__getitem__)
            missing: list[int] = []
        else:
            present = [i for i in base if sort_key[i] is not None]
            missing = [i for i in base if sort_key[i] is None]
            present.sort(key=sort_key.__getitem__)
        self._orders[(key, False)] = array("i", present + missing)
        self._orders[(key, True)] = array("i", _groups_reversed(present, sort_key) + missing)
        return self._orders[(key, descending)]

    def prepare_orders(self) -> None:
        """Sort every column both ways now (a worker thread does this after loading), so
        a click on any header later only swaps in a ready permutation."""
        for key in COLUMN_KEYS:
            self._order(key, False)

    def _sort_values(self, key: str) -> Sequence[Any]:
        """One column's sort values, one per row: all str, all int or all float; None when
        empty (sorted last)."""
        if key in CODED:
            catalogue = CODED[key]
            rank = {
                code: i
                for i, code in enumerate(sorted(catalogue.codes(), key=_label_key(catalogue)))
            }
            return [rank.get(c, len(rank)) if c else None for c in getattr(self, key)]
        if key == "markets":
            keys: dict[str, str | None] = {"": None}  # many firms share a market list
            out = []
            for raw in self.markets:
                k = keys.get(raw)
                if k is None and raw not in keys:
                    k = keys[raw] = SEP.join(sorted(_country_sort_key(c) for c in raw.split(SEP)))
                out.append(k)
            return out
        if key == "tags":
            return [
                SEP.join(sorted(_tag_key(t) for t in raw.split(SEP))) if raw else None
                for raw in self.tags
            ]
        values: Sequence[Any] = getattr(self, key)
        return values

    # -- searching and filtering -------------------------------------------------------

    def select(
        self,
        query: str = "",
        filters: Filters | None = None,
        *,
        sort_key: str = "title",
        descending: bool = False,
    ) -> list[int]:
        """Positions of the rows matching every word of ``query`` and every filter, sorted.

        Typing one more letter narrows the previous result instead of scanning again.
        """
        filters = filters or Filters()
        words = fold(query).split()
        state = (filters, sort_key, descending)
        last = self._last
        if last is not None and last[0] == state and _narrows(last[1], words):
            rows = last[2]
        else:
            rows = self._filtered(list(self._order(sort_key, descending)), filters)
        keys = self.keys
        for word in words:
            rows = [i for i in rows if word in keys[i]]
        self._last = (state, words, rows)
        return rows

    def _filtered(self, rows: list[int], f: Filters) -> list[int]:
        for values, wanted in (
            (self.sector, f.sectors),
            (self.district, f.districts),
            (self.osb, f.osbs),
            (self.size, f.sizes),
        ):
            if wanted:
                rows = [i for i in rows if values[i] in wanted]
        if f.evaluated is not None:
            score, want = self.score, f.evaluated
            rows = [i for i in rows if (score[i] is not None) == want]
        if f.visited is not None:
            visited, want = self.visited, f.visited
            rows = [i for i in rows if visited[i] == want]
        if f.market:
            markets, code = self.markets, f.market
            rows = [i for i in rows if code in markets[i].split(SEP)]
        if f.tag:
            tags, tag = self.tags, f.tag
            rows = [i for i in rows if tag in tags[i].split(SEP)]
        return rows

    def position_of(self, firm_id: int) -> int | None:
        try:
            return self.ids.index(firm_id)
        except ValueError:
            return None


def _seek_statement(year: int, limit: int | None) -> Executable:
    """Per firm, correlated subqueries answered by index seeks (SQLite, and the first
    screen everywhere: a few dozen firms)."""
    latest_eval = (
        select(func.max(Evaluation.id))
        .where(Evaluation.firm_id == Firm.id)
        .correlate(Firm)
        .scalar_subquery()
    )
    score = (
        select(func.avg(EvaluationScore.score))
        .where(EvaluationScore.evaluation_id == latest_eval)
        .scalar_subquery()
    )
    visit = (
        select(Visit.status)
        .where(Visit.firm_id == Firm.id)
        .order_by(Visit.starts_at.desc())
        .limit(1)
        .correlate(Firm)
        .scalar_subquery()
    )
    # max() over the firm's visits, so SQLite looks them up by firm, not by status.
    visited = (
        select(func.max(case((Visit.status == "done", 1), else_=0)))
        .where(Visit.firm_id == Firm.id)
        .correlate(Firm)
        .scalar_subquery()
    )
    exports = (
        select(FirmExport.usd)
        .where(FirmExport.firm_id == Firm.id, FirmExport.year == year)
        .correlate(Firm)
        .scalar_subquery()
    )
    markets = (
        select(func.aggregate_strings(FirmMarket.country, SEP))
        .where(FirmMarket.firm_id == Firm.id)
        .correlate(Firm)
        .scalar_subquery()
    )
    tags = (
        select(func.aggregate_strings(FirmTag.tag, SEP))
        .where(FirmTag.firm_id == Firm.id)
        .correlate(Firm)
        .scalar_subquery()
    )
    stmt = select(
        Firm.id,
        Firm.title,
        Firm.title_sort,
        Firm.tax_no,
        Firm.sector,
        Firm.district,
        Firm.osb,
        Firm.size_class,
        Firm.employees,
        exports,
        markets,
        score,
        visit,
        visited,
        tags,
        Firm.search_text,
    ).where(Firm.deleted_at.is_(None))
    if limit is not None:
        # The first screen: walk the title index (not the deleted_at one) and stop early.
        stmt = (
            stmt.order_by(Firm.title_sort, Firm.id)
            .limit(limit)
            .with_hint(Firm, "INDEXED BY ix_firms_title_sort", "sqlite")
        )
    return stmt


def _set_based_statement(year: int, ids: list[int] | None = None) -> Executable:
    """Every firm's values from grouped aggregates joined to the firms (PostgreSQL): a
    few scans and hash joins whatever the planner knows about the tables, where
    per-firm subqueries on tables not yet analysed can take minutes. With ``ids``,
    those firms only (the first screen)."""

    def only(stmt: Any, column: Any) -> Any:
        return stmt if ids is None else stmt.where(column.in_(ids))

    latest = (
        only(
            select(Evaluation.firm_id, func.max(Evaluation.id).label("evaluation_id")),
            Evaluation.firm_id,
        )
        .group_by(Evaluation.firm_id)
        .subquery()
    )
    per_evaluation = (
        select(EvaluationScore.evaluation_id, func.avg(EvaluationScore.score).label("score"))
        .join(latest, latest.c.evaluation_id == EvaluationScore.evaluation_id)
        .group_by(EvaluationScore.evaluation_id)
        .subquery()
    )
    scores = (
        select(latest.c.firm_id, per_evaluation.c.score)
        .join(per_evaluation, per_evaluation.c.evaluation_id == latest.c.evaluation_id)
        .subquery()
    )
    by_time = aggregate_order_by(Visit.status, Visit.starts_at.desc())
    statuses = postgresql.array_agg(by_time)  # type: ignore[no-untyped-call]  # untyped in SQLAlchemy
    visits = (
        only(
            select(
                Visit.firm_id,
                # the status of the firm's latest visit, and whether any was made
                statuses[1].label("status"),
                func.max(case((Visit.status == "done", 1), else_=0)).label("visited"),
            ),
            Visit.firm_id,
        )
        .group_by(Visit.firm_id)
        .subquery()
    )
    markets = (
        only(
            select(FirmMarket.firm_id, func.string_agg(FirmMarket.country, SEP).label("markets")),
            FirmMarket.firm_id,
        )
        .group_by(FirmMarket.firm_id)
        .subquery()
    )
    tags = (
        only(
            select(FirmTag.firm_id, func.string_agg(FirmTag.tag, SEP).label("tags")),
            FirmTag.firm_id,
        )
        .group_by(FirmTag.firm_id)
        .subquery()
    )
    stmt = (
        select(
            Firm.id,
            Firm.title,
            Firm.title_sort,
            Firm.tax_no,
            Firm.sector,
            Firm.district,
            Firm.osb,
            Firm.size_class,
            Firm.employees,
            FirmExport.usd,
            markets.c.markets,
            scores.c.score,
            visits.c.status,
            visits.c.visited,
            tags.c.tags,
            Firm.search_text,
        )
        .select_from(Firm)
        .outerjoin(FirmExport, (FirmExport.firm_id == Firm.id) & (FirmExport.year == year))
        .outerjoin(markets, markets.c.firm_id == Firm.id)
        .outerjoin(scores, scores.c.firm_id == Firm.id)
        .outerjoin(visits, visits.c.firm_id == Firm.id)
        .outerjoin(tags, tags.c.firm_id == Firm.id)
        .where(Firm.deleted_at.is_(None))
        .order_by(Firm.title_sort.collate("C"), Firm.id)
    )
    executable: Executable = only(stmt, Firm.id)
    return executable


def _groups_reversed(ascending: list[int], keys: Sequence[Any]) -> list[int]:
    """The descending order from the ascending one: runs of equal keys in reverse
    order, each run kept in its own (title) order, as a stable descending sort gives."""
    out: list[int] = []
    end = len(ascending)
    while end > 0:
        start = end - 1
        value = keys[ascending[start]]
        while start > 0 and keys[ascending[start - 1]] == value:
            start -= 1
        out.extend(ascending[start:end])
        end = start
    return out


def _narrows(previous: list[str], words: list[str]) -> bool:
    """True when every row matching ``words`` also matched ``previous`` (more typed)."""
    if not previous or len(words) < len(previous):
        return False
    return all(old in new for old, new in zip(previous, words, strict=False))


_COUNTRY_KEYS: dict[str, str] = {}
_TAG_KEYS: dict[str, str] = {}


def _country_sort_key(code: str) -> str:
    key = _COUNTRY_KEYS.get(code)
    if key is None:
        key = _COUNTRY_KEYS[code] = collation_key(country_names().get(code, code))
    return key


def _tag_key(tag: str) -> str:
    key = _TAG_KEYS.get(tag)
    if key is None:
        key = _TAG_KEYS[tag] = collation_key(tag)
    return key


def _label_key(catalogue: Catalogue) -> Callable[[str], str]:
    return lambda code: collation_key(catalogue.label(code))
