"""Field findings analysed (Saha bulguları): where the province is weak, what firms
need, and who could export.

Which scores speak for a firm (``SCORE_SOURCE``): its latest field evaluation (made on
a visit) when it has one, else its latest desk evaluation. A firm is *visited* when it
has a field evaluation, *desk-evaluated* when it has only desk ones. Soft-deleted firms
are left out everywhere.

Every figure carries the firm ids behind it, so a view can open exactly those firms;
a cell averaged over fewer than ``MIN_FIRMS`` firms is flagged ``too_few`` and must not
be shown as if it were certain.

Pure reading: no Qt, no writes. ``load(db)`` reads the database once; the functions
below work on what it returns, so a view can recompute after a filter without reading
again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from kayseri_desktop.core.catalogues import (
    DISTRICTS,
    EVALUATION_THEMES,
    NEEDS,
    OSBS,
    SECTORS,
    SIZE_CLASSES,
)
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database

MIN_FIRMS = 5
"""A cell, theme or need figure resting on fewer firms than this is flagged too_few."""

SCORE_SOURCE = "son saha değerlendirmesi; yoksa son masa başı değerlendirmesi"

# The potential-exporter rule (HAZIR_IHRACATCI_ADAYI): no exports, or the latest year's
# below SMALL_EXPORT_USD, while the firm's average over all scored themes is at least
# READY_AVERAGE and its export-readiness score ("ihracat") at least READY_EXPORT_SCORE.
SMALL_EXPORT_USD = 100_000
READY_AVERAGE = 3.0
READY_EXPORT_SCORE = 4
POTENTIAL_EXPORTER_RULE = (
    "İhracat kaydı yok ya da son yılın ihracatı 100.000 USD'nin altında; tema puanlarının "
    "ortalaması en az 3 ve İhracata Hazırlık puanı en az 4."
)

UNSET = ""  # the key of firms whose sector/district/size is not recorded
NO_OSB = ""  # ... and of firms outside every OSB

DIMENSIONS = ("sector", "district", "osb", "size")
DIMENSION_LABELS = {
    "sector": "Sektör",
    "district": "İlçe",
    "osb": "OSB",
    "size": "Ölçek",
}


@dataclass(frozen=True)
class FirmScores:
    """One evaluated firm as the analysis sees it."""

    firm_id: int
    title: str
    sector: str
    district: str
    osb: str
    size: str
    visited: bool
    evaluated_on: dt.date
    scores: dict[str, int]
    export_usd: int | None  # the latest year's exports; None when none recorded
    export_year: int | None

    def key(self, dimension: str) -> str:
        value: str = getattr(self, dimension)
        return value

    @property
    def average(self) -> float:
        return sum(self.scores.values()) / len(self.scores)


@dataclass(frozen=True)
class Cell:
    """The average of one theme over a group of firms."""

    theme: str
    key: str
    mean: float | None
    firm_ids: tuple[int, ...]

    @property
    def n(self) -> int:
        return len(self.firm_ids)

    @property
    def too_few(self) -> bool:
        return self.n < MIN_FIRMS


@dataclass(frozen=True)
class HeatMap:
    """Themes (rows) x the values of one dimension (columns)."""

    dimension: str
    themes: tuple[str, ...]
    keys: tuple[str, ...]  # columns, in catalogue order; UNSET last
    cells: dict[tuple[str, str], Cell]
    firms: dict[str, tuple[int, ...]]  # every firm of a column (scored on any theme)

    def cell(self, theme: str, key: str) -> Cell:
        return self.cells.get((theme, key)) or Cell(theme, key, None, ())

    def label(self, key: str) -> str:
        return key_label(self.dimension, key)


@dataclass(frozen=True)
class ThemeScore:
    theme: str
    mean: float
    firm_ids: tuple[int, ...]

    @property
    def n(self) -> int:
        return len(self.firm_ids)

    @property
    def too_few(self) -> bool:
        return self.n < MIN_FIRMS

    @property
    def label(self) -> str:
        return EVALUATION_THEMES.label(self.theme)


@dataclass(frozen=True)
class NeedCount:
    need: str
    firm_ids: tuple[int, ...]  # visited firms reporting it
    urgent: int  # of which with priority 1

    @property
    def firms(self) -> int:
        return len(self.firm_ids)

    @property
    def label(self) -> str:
        return NEEDS.label(self.need)


@dataclass(frozen=True)
class Comparison:
    """A theme's average among visited firms against desk-evaluated-only ones."""

    theme: str
    visited: ThemeScore | None
    desk: ThemeScore | None

    @property
    def difference(self) -> float | None:
        if self.visited is None or self.desk is None:
            return None
        return self.visited.mean - self.desk.mean


@dataclass(frozen=True)
class NeedReport:
    """A visited firm's needs: catalogue items (need, priority) and its free text."""

    firm_id: int
    sector: str
    items: tuple[tuple[str, int], ...]
    free_text: str


@dataclass
class Dataset:
    """What ``load`` reads: the evaluated firms and the visited firms' needs."""

    firms: list[FirmScores] = field(default_factory=list)
    needs: list[NeedReport] = field(default_factory=list)
    live_firms: int = 0
    exports_total: int = 0  # latest year's exports per live firm, summed

    def by_id(self) -> dict[int, FirmScores]:
        return {f.firm_id: f for f in self.firms}


@dataclass(frozen=True)
class Findings:
    """Everything the Saha bulguları view and the plan document show."""

    live_firms: int
    evaluated: int
    visited: int
    exports_usd: int  # the latest year's exports of every live firm, summed
    heat_maps: dict[str, HeatMap]
    weakest: tuple[ThemeScore, ...]  # weakest first
    weakest_by_sector: dict[str, tuple[ThemeScore, ...]]
    needs: tuple[NeedCount, ...]  # most frequent first
    needs_by_sector: dict[str, tuple[NeedCount, ...]]
    free_text_only: tuple[NeedReport, ...]  # visits whose needs are only free text
    potential_exporters: tuple[FirmScores, ...]  # best readiness first
    visited_vs_desk: tuple[Comparison, ...]


def key_label(dimension: str, key: str) -> str:
    if dimension == "osb":
        return OSBS.label(key) if key else "OSB dışında"
    if not key:
        return "Belirtilmemiş"
    catalogue = {"sector": SECTORS, "district": DISTRICTS, "size": SIZE_CLASSES}[dimension]
    return catalogue.label(key)


def _order(dimension: str) -> list[str]:
    catalogue = {"sector": SECTORS, "district": DISTRICTS, "osb": OSBS, "size": SIZE_CLASSES}
    return catalogue[dimension].codes()


# -- reading ----------------------------------------------------------------------------


def load(db: Database) -> Dataset:
    """Read evaluated live firms (scores by SCORE_SOURCE, latest exports) and the needs
    of their done visits."""
    out = Dataset()
    with db.read() as s:
        firms = {
            r.id: r
            for r in s.execute(
                select(
                    m.Firm.id,
                    m.Firm.title,
                    m.Firm.sector,
                    m.Firm.district,
                    m.Firm.osb,
                    m.Firm.size_class,
                ).where(m.Firm.deleted_at.is_(None))
            )
        }
        out.live_firms = len(firms)
        chosen: dict[int, tuple[bool, dt.date, int]] = {}  # firm -> (field, day, eval id)
        evals = select(
            m.Evaluation.firm_id, m.Evaluation.kind, m.Evaluation.evaluated_on, m.Evaluation.id
        )
        for fid, kind, day, eid in s.execute(evals):
            if fid not in firms:
                continue
            candidate = (kind == "field", day, eid)
            if fid not in chosen or candidate > chosen[fid]:
                chosen[fid] = candidate
        wanted = {eid: fid for fid, (_, _, eid) in chosen.items()}
        scores: dict[int, dict[str, int]] = defaultdict(dict)
        for eid, theme, score in s.execute(
            select(
                m.EvaluationScore.evaluation_id, m.EvaluationScore.theme, m.EvaluationScore.score
            )
        ):
            if eid in wanted:
                scores[wanted[eid]][theme] = score
        exports: dict[int, tuple[int, int]] = {}
        for fid, year, usd in s.execute(
            select(m.FirmExport.firm_id, m.FirmExport.year, m.FirmExport.usd)
        ):
            if fid not in exports or year > exports[fid][0]:
                exports[fid] = (year, usd)
        for fid, (is_field, day, _eid) in sorted(chosen.items()):
            if not scores.get(fid):
                continue
            f = firms[fid]
            latest = exports.get(fid)
            out.firms.append(
                FirmScores(
                    firm_id=fid,
                    title=f.title,
                    sector=f.sector or UNSET,
                    district=f.district or UNSET,
                    osb=f.osb or NO_OSB,
                    size=f.size_class or UNSET,
                    visited=is_field,
                    evaluated_on=day,
                    scores=dict(scores[fid]),
                    export_usd=latest[1] if latest else None,
                    export_year=latest[0] if latest else None,
                )
            )
        out.exports_total = sum(usd for fid, (_y, usd) in exports.items() if fid in firms)
        out.needs = _needs(s, firms)
    return out


def _needs(s: Session, firms: Container[int]) -> list[NeedReport]:
    done = s.execute(
        select(m.Visit.id, m.Visit.firm_id, m.Visit.needs)
        .where(m.Visit.status == "done")
        .order_by(m.Visit.firm_id, m.Visit.starts_at, m.Visit.id)
    ).all()
    items: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for vid, need, priority in s.execute(
        select(m.VisitNeed.visit_id, m.VisitNeed.need, m.VisitNeed.priority).order_by(
            m.VisitNeed.visit_id, m.VisitNeed.priority, m.VisitNeed.need
        )
    ):
        items[vid].append((need, priority))
    sectors = {
        fid: sector or UNSET
        for fid, sector in s.execute(
            select(m.Firm.id, m.Firm.sector).where(m.Firm.deleted_at.is_(None))
        )
    }
    return [
        NeedReport(fid, sectors.get(fid, UNSET), tuple(items.get(vid, ())), text or "")
        for vid, fid, text in done
        if fid in firms
    ]


# -- analysis ---------------------------------------------------------------------------


def _mean(values: Sequence[int]) -> float:
    return sum(values) / len(values)


def heat_map(firms: Iterable[FirmScores], dimension: str) -> HeatMap:
    """Average score per theme and per value of ``dimension``, with the firms behind it."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"Bilinmeyen boyut: {dimension}")
    groups: dict[tuple[str, str], list[FirmScores]] = defaultdict(list)
    members: dict[str, list[int]] = defaultdict(list)
    for f in firms:
        key = f.key(dimension)
        members[key].append(f.firm_id)
        for theme in f.scores:
            groups[(theme, key)].append(f)
    order = _order(dimension)
    keys = [k for k in order if k in members] + sorted(k for k in members if k not in order)
    themes = tuple(EVALUATION_THEMES.codes())
    cells = {
        (theme, key): Cell(
            theme,
            key,
            _mean([f.scores[theme] for f in group]),
            tuple(sorted(f.firm_id for f in group)),
        )
        for (theme, key), group in groups.items()
    }
    return HeatMap(
        dimension,
        themes,
        tuple(keys),
        cells,
        {k: tuple(sorted(v)) for k, v in members.items()},
    )


def theme_scores(firms: Iterable[FirmScores]) -> tuple[ThemeScore, ...]:
    """Each theme's average over the firms, weakest first (ties in catalogue order)."""
    per: dict[str, list[FirmScores]] = defaultdict(list)
    for f in firms:
        for theme in f.scores:
            per[theme].append(f)
    order = EVALUATION_THEMES.codes()
    rows = [
        ThemeScore(
            t,
            _mean([f.scores[t] for f in per[t]]),
            tuple(sorted(f.firm_id for f in per[t])),
        )
        for t in order
        if per.get(t)
    ]
    return tuple(sorted(rows, key=lambda r: (round(r.mean, 9), order.index(r.theme))))


def need_counts(reports: Iterable[NeedReport]) -> tuple[NeedCount, ...]:
    """How many visited firms reported each need (a firm counts once per need, however
    many visits), most frequent first; ties in catalogue order."""
    firms: dict[str, set[int]] = defaultdict(set)
    urgent: dict[str, set[int]] = defaultdict(set)
    for r in reports:
        for need, priority in r.items:
            firms[need].add(r.firm_id)
            if priority == 1:
                urgent[need].add(r.firm_id)
    order = NEEDS.codes()
    rows = [NeedCount(n, tuple(sorted(ids)), len(urgent.get(n, ()))) for n, ids in firms.items()]

    def rank(c: NeedCount) -> tuple[int, int, str]:
        return (-c.firms, order.index(c.need) if c.need in order else len(order), c.need)

    return tuple(sorted(rows, key=rank))


def is_potential_exporter(f: FirmScores) -> bool:
    """The POTENTIAL_EXPORTER_RULE (see the module's constants)."""
    small = f.export_usd is None or f.export_usd < SMALL_EXPORT_USD
    ready = f.scores.get("ihracat", 0) >= READY_EXPORT_SCORE
    return small and ready and f.average >= READY_AVERAGE


def _by(
    items: Iterable[FirmScores], key: Callable[[FirmScores], str]
) -> dict[str, list[FirmScores]]:
    out: dict[str, list[FirmScores]] = defaultdict(list)
    for item in items:
        out[key(item)].append(item)
    return out


def analyse(data: Dataset) -> Findings:
    firms = data.firms
    visited = [f for f in firms if f.visited]
    desk = [f for f in firms if not f.visited]
    by_sector = _by(firms, lambda f: f.sector)
    needs_by_sector: dict[str, list[NeedReport]] = defaultdict(list)
    for r in data.needs:
        needs_by_sector[r.sector].append(r)
    v_scores = {t.theme: t for t in theme_scores(visited)}
    d_scores = {t.theme: t for t in theme_scores(desk)}
    potential = sorted(
        (f for f in firms if is_potential_exporter(f)),
        key=lambda f: (-f.scores.get("ihracat", 0), -f.average, f.title, f.firm_id),
    )
    order = SECTORS.codes()

    def sector_rank(code: str) -> tuple[int, str]:
        return (order.index(code) if code in order else len(order), code)

    return Findings(
        live_firms=data.live_firms,
        evaluated=len(firms),
        visited=len(visited),
        exports_usd=data.exports_total,
        heat_maps={d: heat_map(firms, d) for d in DIMENSIONS},
        weakest=theme_scores(firms),
        weakest_by_sector={
            k: theme_scores(by_sector[k]) for k in sorted(by_sector, key=sector_rank)
        },
        needs=need_counts(data.needs),
        needs_by_sector={
            k: need_counts(needs_by_sector[k]) for k in sorted(needs_by_sector, key=sector_rank)
        },
        free_text_only=tuple(r for r in data.needs if not r.items and r.free_text.strip()),
        potential_exporters=tuple(potential),
        visited_vs_desk=tuple(
            Comparison(t, v_scores.get(t), d_scores.get(t))
            for t in EVALUATION_THEMES.codes()
            if t in v_scores or t in d_scores
        ),
    )


def findings(db: Database) -> Findings:
    """Load and analyse in one call (the plan document, the CLI)."""
    return analyse(load(db))
