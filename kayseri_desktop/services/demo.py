"""Deterministic demo data: a realistic Kayseri programme database to try the app on.

``generate(db, firms=2400)`` fills an empty, migrated database with firms (exports,
markets, tags, contacts), the field team, member institutions, action-plan projects,
desk and field evaluations, visits, committee meetings, targets and settings.

The same seed, firm count and ``today`` give byte-identical data: only a private
``random.Random`` is used, the clock is read only for the ``today`` default, and no
set or hash order ever reaches the output. Rows go in with bulk Core inserts and
explicit primary keys, all in one write transaction (an error leaves nothing), so
100,000 firms take seconds rather than minutes.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import TypeVar

import holidays
from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from kayseri_desktop.core import catalogues as cat
from kayseri_desktop.core.taxid import tckn_with_check_digits, vkn_with_check_digit
from kayseri_desktop.core.turkish import collation_key, fold, tr_lower, tr_title, tr_upper
from kayseri_desktop.data import models as m
from kayseri_desktop.data import planner_stats
from kayseri_desktop.data.engine import Database
from kayseri_desktop.services import demo_pools as pools
from kayseri_desktop.services import support_instruments

FIELD_START = dt.date(2025, 10, 1)
FIELD_END = dt.date(2026, 12, 31)
PROGRAMME_END = dt.date(2028, 9, 30)
YEAR_STARTS = {1: dt.date(2025, 10, 1), 2: dt.date(2026, 10, 1), 3: dt.date(2027, 10, 1)}
EXPORT_YEARS = (2022, 2023, 2024, 2025)
CONSENT_FROM = dt.date(2024, 1, 1)
IMPORTED_AT = dt.datetime(2025, 9, 15, 9, 0)  # when the registry was loaded (created_at)
CHUNK = 5000

# USD per employee**0.9 of a median exporter, calibrated so that 2,400 firms export
# about USD 3.75 bn in 2024 (the seed's 3,751 M).
EXPORT_SCALE = 57_000.0
EXPORT_SIGMA = 1.0  # spread of firms of the same size (lognormal)
EXPORT_CAP = 400_000_000.0
EXPORT_SHARE = (0.5, 0.76, 0.9, 0.98)  # by size rank: mikro, küçük, orta, büyük
SIZE_RANK = {"mikro": 0, "kucuk": 1, "orta": 2, "buyuk": 3}
THEME_BIAS = {"yesil": -0.4, "arge": -0.3, "isbirligi": -0.2, "verimlilik": 0.2, "ihracat": 0.2}
CLUSTER_SECTORS = ("mobilya", "metal", "ev_tekstili", "gida")

TARGETS = (
    ("firms_evaluated", None, cat.DEFAULT_TARGETS["firms_evaluated"]),
    ("visits_done", None, cat.DEFAULT_TARGETS["visits_done"]),
    ("exports_baseline_usd", 2024, cat.DEFAULT_TARGETS["exports_baseline_usd"]),
    ("exports_usd", 2025, 4_000_000_000),
    ("exports_usd", 2026, 4_400_000_000),
    ("exports_usd", 2027, 5_000_000_000),
)
SETTINGS = (
    ("field_study_start", FIELD_START.isoformat()),
    ("field_study_end", FIELD_END.isoformat()),
    ("programme_start", YEAR_STARTS[1].isoformat()),
)

FIRM_TABLES = (m.Firm, m.FirmExport, m.FirmMarket, m.FirmTag, m.Contact)
# Tables that must be empty first (targets and settings are merged instead).
_MUST_BE_EMPTY = (
    m.Firm,
    m.Staff,
    m.Institution,
    m.Project,
    m.Visit,
    m.Evaluation,
    m.Meeting,
    m.Action,
)

Progress = Callable[[int, int], None]
_Row = tuple[object, ...]  # one row for a bulk INSERT, in pools.COLUMNS order
_Ordered = TypeVar("_Ordered", float, dt.date)


def generate(
    db: Database,
    *,
    firms: int = 2400,
    seed: int = 20250919,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Fill an empty, migrated database with demo data; return rows created per table.

    ``today`` decides what is past (visits done, projects running or done, decisions
    late) and what is still planned. Raises ValueError (in Turkish) when the database
    already holds firms or other programme records; nothing is written then.
    """
    if firms < 1:
        raise ValueError("Örnek veri için firma sayısı en az 1 olmalı.")
    gen = _Generator(random.Random(seed), firms, today or dt.date.today(), progress)
    # The action plan and structured needs draw from their own stream, so adding them
    # changed nothing else the same seed makes.
    gen.plan_rng = random.Random(seed * 19 + 19)
    with db.write() as s:
        for model in _MUST_BE_EMPTY:
            if s.scalar(select(model.id).limit(1)) is not None:
                what = "firma kaydı" if model is m.Firm else f"“{model.__tablename__}” kaydı"
                raise ValueError(
                    f"Veritabanında zaten {what} var; örnek veri yalnızca boş bir "
                    "veritabanına yüklenebilir."
                )
        gen.run(s)
    planner_stats.after_bulk_write(db.engine)  # thousands of rows: the planner must know
    return dict(gen.counts)


def _slug(value: str) -> str:
    """ASCII letters and digits of the folded text ("Çağrı Öz" -> "cagrioz")."""
    return "".join(ch for ch in fold(value) if ch.isascii() and ch.isalnum())


def _plural(word: str) -> str:
    """Turkish plural suffix by vowel harmony, upper case ("YILMAZ" -> "LAR")."""
    for ch in reversed(tr_lower(word)):
        if ch in "aıou":
            return "LAR"
        if ch in "eiöü":
            return "LER"
    return "LER"


def _clip(value: _Ordered, low: _Ordered, high: _Ordered) -> _Ordered:
    return max(low, min(high, value))


def _cap_first(value: str) -> str:
    return tr_upper(value[:1]) + value[1:]


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


class _Generator:
    def __init__(
        self, rng: random.Random, firms: int, today: dt.date, progress: Progress | None
    ) -> None:
        self.rng = rng
        self.n = firms
        self.today = today
        self.progress = progress
        self.counts: dict[str, int] = {}
        self.n_desk = max(1, round(firms * 0.85))
        self.n_visits = min(450, int(firms * 0.19))
        self.total = firms + self.n_desk + self.n_visits + 1
        self.done = 0
        self.holidays = holidays.country_holidays(
            "TR", years=range(2025, 2029), categories=("public", "half_day")
        )
        # What later steps need to know about each firm (index: firm id - 1).
        self.rank: list[int] = []
        self.exporter: list[bool] = []
        self.by_sector: dict[str, list[int]] = {code: [] for code in pools.SECTORS}
        self.desk_scores: dict[int, tuple[int, ...]] = {}
        self.themes = cat.EVALUATION_THEMES.codes()
        self.plan_rng = random.Random(0)
        self.done_visits: list[tuple[int, int, tuple[str, ...]]] = []  # id, firm, phrases
        self.project_info: list[tuple[int, str, int, str]] = []  # id, theme, year, lead

    # -- helpers -------------------------------------------------------------------
    def insert(self, s: Session, model: type[m.Base], rows: Sequence[_Row]) -> None:
        name: str = model.__tablename__
        names = pools.COLUMNS[name].split()
        table = m.Base.metadata.tables[name]
        for i in range(0, len(rows), 2 * CHUNK):
            batch = [dict(zip(names, row, strict=True)) for row in rows[i : i + 2 * CHUNK]]
            s.execute(insert(table), batch)
        self.counts[name] = self.counts.get(name, 0) + len(rows)

    def tick(self, amount: int) -> None:
        self.done += amount
        if self.progress is not None:
            self.progress(self.done, self.total)

    def day(self, first: dt.date, last: dt.date) -> dt.date:
        """A random date in [first, last]; ``last`` when the range is empty.

        Always draws exactly one number, so that a different ``today`` does not shift
        the random stream (the firm registry is the same whatever the date).
        """
        share = self.rng.random()
        if last <= first:
            return last
        return first + _days(int(share * ((last - first).days + 1)))

    def person(self) -> tuple[str, str]:
        return self.rng.choice(pools.FIRST_NAMES), self.rng.choice(pools.SURNAMES)

    def phone(self, area: str = "352") -> str:
        """A landline ("+90 352 231 45 67"), or a mobile number for area "5"."""
        r = self.rng
        head = f"5{r.randint(30, 55)}" if area == "5" else area
        return f"+90 {head} {r.randint(200, 699)} {r.randint(10, 99)} {r.randint(10, 99)}"

    # -- steps ---------------------------------------------------------------------
    def run(self, s: Session) -> None:
        steps = (self.institutions, self.staff, self.firms, self.evaluations, self.visits)
        after = (self.projects, self.meetings, self.targets_and_settings, self.plan)
        for step in (*steps, *after):
            step(s)
        if s.get_bind().dialect.name == "postgresql":
            self.reset_sequences(s)
        self.tick(1)

    def institutions(self, s: Session) -> None:
        rows = []
        self.inst_ids: dict[str, int] = {}
        for iid, (name, short, kind, domain) in enumerate(pools.INSTITUTIONS, 1):
            first, last = self.person()
            email = f"{_slug(first)}.{_slug(last)}@{domain}"
            phone = self.phone("312" if kind == "bakanlik" else "352")
            contact = f"{first} {last}"
            rows.append((iid, name, short, kind, contact, email, phone, collation_key(name)))
            self.inst_ids[short] = iid
        self.insert(s, m.Institution, rows)

    def staff(self, s: Session) -> None:
        rows = []
        self.staff_names: list[str] = []
        self.active_staff: list[int] = []
        for sid, (name, kind, title, domain, active) in enumerate(pools.STAFF, 1):
            first, last = name.split()[-2:]
            email = f"{_slug(first)}.{_slug(last)}@{domain}"
            rows.append((sid, name, kind, title, email, self.phone("5"), active == "1"))
            self.staff_names.append(name)
            if active == "1":
                self.active_staff.append(sid)
        self.insert(s, m.Staff, rows)

    def firms(self, s: Session) -> None:
        rng, n = self.rng, self.n
        self.sectors = list(pools.SECTORS)
        self.sector_cum = list(accumulate(pools.SECTORS[c][0] for c in self.sectors))
        self.districts = list(pools.DISTRICT_WEIGHTS)
        self.district_cum = list(accumulate(pools.DISTRICT_WEIGHTS.values()))
        osbs = cat.OSBS.codes()
        self.zones = {d: [z for z in osbs if cat.OSB_DISTRICT[z] == d] for d in self.districts}
        zoned = sum(w for d, w in pools.DISTRICT_WEIGHTS.items() if self.zones[d])
        # About 60% of all firms sit in an OSB (or the free zone).
        self.p_zone = min(0.95, 0.6 * self.district_cum[-1] / zoned)
        self.market_codes = [c for c, _ in pools.MARKETS]
        self.market_cum = list(accumulate(w for _, w in pools.MARKETS))
        self.registry = rng.sample(range(10_000, 10_000 + 5 * n), n)
        self.members = rng.sample(range(1_000, 1_000 + 5 * n), n)
        self.titles: set[str] = set()
        self.taxes: set[str] = set()
        self.slugs: dict[str, int] = {}
        self.next_contact = 1
        for start in range(0, n, CHUNK):
            out: dict[str, list[_Row]] = {k: [] for k in ("f", "e", "m", "t", "c")}
            for i in range(start, min(n, start + CHUNK)):
                self.firm(i, out)
            for model, key in zip(FIRM_TABLES, out, strict=True):
                self.insert(s, model, out[key])
            self.tick(len(out["f"]))

    def title(self, i: int, sector: str, owner: tuple[str, str] | None) -> tuple[str, str]:
        """A unique legal title and a short name ("YILMAZLAR MOBİLYA SAN. VE TİC. A.Ş.")."""
        rng = self.rng
        words = pools.SECTORS[sector][1]
        for attempt in range(1000):
            word = rng.choice(words)
            number = f" {i + 1}" if attempt >= 20 else ""  # crowded: the firm number is unique
            if owner is not None:  # sole proprietor: "AHMET YILMAZ - YILMAZ MOBİLYA İMALATI"
                first, last = owner
                suffix = rng.choice(("İMALATI", "SANAYİ", "TİCARET", "ÜRETİMİ"))
                upper = tr_upper(last)
                title = f"{tr_upper(first)} {upper} - {upper}{number} {word} {suffix}"
                short = f"{last} {tr_title(tr_lower(word))}"
            else:
                surname, r = rng.choice(pools.SURNAMES), rng.random()
                if r < 0.45:
                    prefix = tr_upper(surname)
                elif r < 0.57:
                    prefix = tr_upper(surname) + _plural(surname)
                elif r < 0.65:
                    prefix = tr_upper(surname) + " KARDEŞLER"
                elif r < 0.9:
                    prefix = rng.choice(pools.TRADE_WORDS)
                else:
                    prefix = "".join(rng.choice(pools.INITIAL_LETTERS) for _ in range(3))
                extra = ""
                if rng.random() < 0.15:
                    extra = " " + rng.choice([w for w in words if w != word])
                activity = rng.choices(pools.ACTIVITIES, [w for _, w in pools.ACTIVITIES])[0][0]
                legal = rng.choices(pools.LEGAL_FORMS, [w for _, w in pools.LEGAL_FORMS])[0][0]
                title = f"{prefix}{number} {word}{extra} {activity} {legal}"
                head = prefix if r >= 0.9 else tr_title(tr_lower(prefix))
                short = f"{head} {tr_title(tr_lower(word))}"
            if title not in self.titles:
                self.titles.add(title)
                return title, short
        raise RuntimeError("unique title not found")  # pragma: no cover - see `number`

    def tax_no(self, sole: bool) -> str:
        while True:
            first9 = str(self.rng.randrange(100_000_000, 1_000_000_000))
            tax = tckn_with_check_digits(first9) if sole else vkn_with_check_digit(first9)
            if tax not in self.taxes:
                self.taxes.add(tax)
                return tax

    def firm(self, i: int, out: dict[str, list[_Row]]) -> None:
        rng, fid = self.rng, i + 1
        # The first firms take one sector and one district each, so every one appears.
        if i < len(self.sectors):
            sector = self.sectors[i]
        else:
            sector = rng.choices(self.sectors, cum_weights=self.sector_cum)[0]
        if i < len(self.districts):
            district = self.districts[i]
        else:
            district = rng.choices(self.districts, cum_weights=self.district_cum)[0]
        zones, osb = self.zones[district], None
        if zones and rng.random() < self.p_zone:
            weights = [pools.OSB_WEIGHTS.get(z, 1.0) for z in zones]
            osb = rng.choices(zones, weights)[0]
        employees = int(_clip(rng.lognormvariate(math.log(15), 1.3), 1, 6000))
        size = cat.size_class(employees) or "mikro"
        rank = SIZE_RANK[size]
        owner = self.person() if rank == 0 and rng.random() < 0.15 else None
        title, short = self.title(i, sector, owner)
        tax = self.tax_no(owner is not None)
        _, _, naces, products = pools.SECTORS[sector]
        product_text = _cap_first(", ".join(rng.sample(products, rng.randint(1, 3))))
        factor = (0.4, 0.8, 1.2, 1.5)[rank]
        certs = [c for c, p in pools.CERTIFICATES if rng.random() < p * factor]
        extra = pools.SECTOR_CERTIFICATES.get(sector, ())
        certs += [c for c in extra if rng.random() < 0.3 * factor]
        if osb:
            street = f"{cat.OSBS.label(osb)} {rng.randint(1, 30)}. Cadde No: {rng.randint(1, 80)}"
        else:
            street = f"{rng.choice(pools.STREETS)} No: {rng.randint(1, 250)}"
        address = f"{street} {cat.DISTRICTS.label(district)}/Kayseri"
        base = _slug(short)
        self.slugs[base] = seen = self.slugs.get(base, 0) + 1
        slug = base if seen == 1 else f"{base}{seen}"
        email = f"{rng.choice(('info', 'info', 'ihracat', 'satis'))}@{slug}.com.tr"
        web = f"www.{slug}.com.tr" if rng.random() < (0.5, 0.8, 0.9, 0.98)[rank] else None
        founded = int(_clip(2024 - rng.expovariate(1 / (10 + 6 * rank)), 1950, 2024))

        peak, tags = 0.0, []
        if rng.random() < EXPORT_SHARE[rank]:
            peak, new = self.exports(fid, employees, out)
            tags.append("ihracatçı")
            if new:
                tags.append("yeni ihracatçı")
        elif rank > 0 and rng.random() < 0.3:
            tags.append("ihracat potansiyeli")
        if rng.random() < (0.15 if sector in CLUSTER_SECTORS else 0.04):
            tags.append("kümelenme adayı")
        if peak and rng.random() < 0.06:
            tags.append("UR-GE")
        tags += [t for t, p in (("e-ihracat", 0.1), ("yeşil dönüşüm", 0.08)) if rng.random() < p]
        if peak > 20_000_000 and rng.random() < 0.5:
            tags.append("Turquality adayı")
        out["t"].extend((fid, t) for t in tags)

        names = []
        for j in range(rng.choices((1, 2, 3), (45, 35, 20))[0]):
            if j == 0 and owner is not None:
                (first, last), role = owner, "Firma Sahibi"
            else:
                (first, last), role = self.person(), rng.choice(pools.CONTACT_TITLES)
            names.append(f"{first} {last}")
            mail = f"{_slug(first)}.{_slug(last)}@{slug}.com.tr"
            consent = rng.random() < 0.85
            when = self.day(CONSENT_FROM, self.today) if consent else None
            cid, self.next_contact = self.next_contact, self.next_contact + 1
            out["c"].append((cid, fid, names[-1], role, self.phone("5"), mail, consent, when))

        search = fold(" ".join([title, short, tax, product_text, *names]))
        created = IMPORTED_AT + dt.timedelta(seconds=i)
        head = (fid, title, short, tax, str(self.registry[i]), str(self.members[i]))
        where = (rng.choice(naces), sector, district, osb, address, self.phone(), email, web)
        what = (founded, employees, size, product_text, ", ".join(certs) or None, search)
        out["f"].append((*head, *where, *what, collation_key(title), 1, created, created))
        self.rank.append(rank)
        self.exporter.append(peak > 0)
        self.by_sector[sector].append(fid)

    def exports(self, fid: int, employees: int, out: dict[str, list[_Row]]) -> tuple[float, bool]:
        """Add yearly exports and markets; return the best year's USD and "new exporter"."""
        rng = self.rng
        first_year = rng.choices(EXPORT_YEARS, (80, 7, 7, 6))[0]
        new = first_year >= 2024
        noise = rng.lognormvariate(0, EXPORT_SIGMA) * (0.25 if new else 1.0)
        base = min(EXPORT_CAP, EXPORT_SCALE * employees**0.9 * noise)
        y2023 = base / _clip(rng.gauss(1.06, 0.15), 0.6, 1.6)
        y2022 = y2023 / _clip(rng.gauss(1.05, 0.15), 0.6, 1.6)
        y2025 = base * _clip(rng.gauss(1.07, 0.15), 0.6, 1.6)
        amounts = dict(zip(EXPORT_YEARS, (y2022, y2023, base, y2025), strict=True))
        for year in EXPORT_YEARS[EXPORT_YEARS.index(first_year) :]:
            out["e"].append((fid, year, max(1000, int(round(amounts[year], -2)))))
        peak = max(amounts[y] for y in EXPORT_YEARS if y >= first_year)
        k = int(_clip(rng.gauss(1 + 1.8 * math.log10(max(peak, 1e4) / 1e4), 1.2), 1, 12))
        chosen: list[str] = []
        while len(chosen) < k:
            code = rng.choices(self.market_codes, cum_weights=self.market_cum)[0]
            if code not in chosen:
                chosen.append(code)
        out["m"].extend((fid, c) for c in chosen)
        return peak, new

    def scores(self, fid: int) -> tuple[int, ...]:
        rng, i = self.rng, fid - 1
        level = 1.6 + 0.45 * self.rank[i] + 0.5 * self.exporter[i] + rng.gauss(0, 0.45)
        return tuple(
            int(_clip(round(level + THEME_BIAS.get(t, 0.0) + rng.gauss(0, 0.7)), 1, 5))
            for t in self.themes
        )

    def evaluations(self, s: Session) -> None:
        """Desk evaluations of ~85% of the firms, dated in the field study up to today."""
        rng = self.rng
        last = _clip(self.today, FIELD_START, FIELD_END)
        picked = rng.sample(range(1, self.n + 1), self.n_desk)
        dated = sorted((self.day(FIELD_START, last), fid) for fid in picked)
        evals: list[_Row] = []
        scores: list[_Row] = []
        for eid, (day, fid) in enumerate(dated, 1):
            marks = self.desk_scores[fid] = self.scores(fid)
            evals.append((eid, fid, None, day, rng.choice(self.staff_names), "desk", None))
            scores.extend((eid, t, v) for t, v in zip(self.themes, marks, strict=True))
        self.insert(s, m.Evaluation, evals)
        self.insert(s, m.EvaluationScore, scores)
        self.next_eval = len(evals) + 1
        self.tick(self.n_desk)

    def visits(self, s: Session) -> None:
        """One visit per firm on working days 09:00-17:00; nobody in two places at once."""
        rng, today = self.rng, self.today
        firm_ids = rng.sample(sorted(self.desk_scores), self.n_visits)
        span = range((FIELD_END - FIELD_START).days + 1)
        closed = set(s.scalars(select(m.ClosedDay.day)))  # days the office has closed
        workdays = [
            d
            for d in (FIELD_START + _days(k) for k in span)
            if d.weekday() < 5 and d not in self.holidays and d not in closed
        ]
        if firm_ids and not workdays:
            raise ValueError("Saha çalışması döneminde ziyarete açık iş günü kalmamış.")
        starts = [dt.time(h, mm) for h in range(9, 16) for mm in (0, 30)]
        days = sorted(rng.choice(workdays) for _ in firm_ids)
        busy: dict[tuple[int, dt.date], list[tuple[dt.datetime, dt.datetime]]] = {}
        visits: list[_Row] = []
        teams: list[_Row] = []
        follow_ups: list[_Row] = []
        evals: list[_Row] = []
        scores: list[_Row] = []
        for vid, (day, fid) in enumerate(zip(days, firm_ids, strict=True), 1):
            for attempt in range(100):
                d = day if attempt < 50 else rng.choice(workdays)
                begin = dt.datetime.combine(d, rng.choice(starts))
                left = 17 * 60 - begin.hour * 60 - begin.minute
                end = begin + dt.timedelta(
                    minutes=rng.choice([x for x in (60, 90, 120) if x <= left])
                )
                size = rng.choices((1, 2, 3), (25, 50, 25))[0]
                free = [
                    sid
                    for sid in self.active_staff
                    if not any(a < end and begin < b for a, b in busy.get((sid, d), ()))
                ]
                if len(free) >= size:
                    team = sorted(rng.sample(free, size))
                    break
            else:  # pragma: no cover - a dozen people never run out of free hours
                raise RuntimeError("no free field team found")
            for sid in team:
                busy.setdefault((sid, d), []).append((begin, end))
                teams.append((vid, sid))
            status, notes, needs, reason, done_at = "planned", None, None, None, None
            purpose = rng.choice(pools.VISIT_PURPOSES)
            planned_on = min(d - _days(rng.randint(5, 40)), today)
            created = dt.datetime.combine(
                planned_on, dt.time(rng.randint(9, 16), rng.randint(0, 59))
            )
            r = rng.random() if d < today else None
            if r is not None and r >= 0.86:
                status = "postponed" if r < 0.93 else "cancelled"
                reason = rng.choice(pools.POSTPONE_REASONS if r < 0.93 else pools.CANCEL_REASONS)
            elif r is not None:
                status, notes = "done", rng.choice(pools.VISIT_NOTES)
                k = rng.randint(1, 3)
                phrases = tuple(rng.sample(pools.VISIT_NEEDS, k))
                needs = _cap_first("; ".join(phrases))
                self.done_visits.append((vid, fid, phrases))
                done_at = end + dt.timedelta(minutes=rng.randint(10, 300))
                for action in rng.sample(pools.FOLLOW_UPS, rng.choices((0, 1, 2), (30, 45, 25))[0]):
                    due, done_on = d + _days(rng.randint(14, 90)), None
                    if due <= today and rng.random() < 0.65:
                        done_on = self.day(d + _days(3), min(due, today))
                    owner = rng.choice(pools.FOLLOW_UP_OWNERS)
                    follow_ups.append((len(follow_ups) + 1, vid, action, owner, due, done_on))
                eid = self.next_eval + len(evals)
                evals.append((eid, fid, vid, d, self.staff_names[team[0] - 1], "field", notes))
                for t, v in zip(self.themes, self.desk_scores[fid], strict=True):
                    scores.append((eid, t, int(_clip(v + rng.choice((-1, 0, 0, 1)), 1, 5))))
            visits.append(
                (vid, fid, begin, end, status, purpose, notes, needs, reason, done_at, 1, created)
            )
        self.insert(s, m.Visit, visits)
        self.insert(s, m.VisitStaff, teams)
        self.insert(s, m.FollowUp, follow_ups)
        self.insert(s, m.Evaluation, evals)
        self.insert(s, m.EvaluationScore, scores)
        self.tick(self.n_visits)

    def project_status(self, start: dt.date, end: dt.date) -> tuple[str, int]:
        """Status and progress that fit the project's dates as seen on ``today``."""
        rng, today = self.rng, self.today
        if start > today:
            far = (start - today).days > 270
            return ("idea" if far and rng.random() < 0.6 else "planned"), 0
        if end < today:
            r = rng.random()
            if r < 0.78:
                return "done", 100
            return (
                ("running", rng.randint(70, 95)) if r < 0.92 else ("cancelled", rng.randint(5, 45))
            )
        if rng.random() < 0.05:
            return "cancelled", rng.randint(5, 45)
        elapsed = (today - start).days / max(1, (end - start).days)
        return "running", int(_clip(round(100 * elapsed + rng.gauss(0, 10)), 3, 95))

    def projects(self, s: Session) -> None:
        rng, today = self.rng, self.today
        drafts = []
        for theme, year_text, lead, sector, title, description in pools.PROJECTS:
            start = YEAR_STARTS[int(year_text)] + _days(rng.randint(0, 200))
            end = start + _days(rng.randint(120, 540))
            drafts.append((int(year_text), start, title, theme, lead, sector, description, end))
        drafts.sort()
        inst_ids = list(self.inst_ids.values())
        projects: list[_Row] = []
        partners: list[_Row] = []
        milestones: list[_Row] = []
        targets: list[_Row] = []
        numbers: dict[int, int] = {}
        for pid, (year, start, title, theme, lead, sector, about, end) in enumerate(drafts, 1):
            numbers[year] = numbers.get(year, 0) + 1
            code = f"KID-{YEAR_STARTS[year].year}-{numbers[year]:02d}"
            status, progress = self.project_status(start, end)
            budget: float | None = round(
                _clip(rng.lognormvariate(math.log(1.5e6), 0.9), 150e3, 25e6), -3
            )
            if status == "idea" and rng.random() < 0.5:
                budget = None
            spent = 0.0
            if budget and status == "done":
                spent = budget * rng.uniform(0.82, 1.0)
            elif budget and status in ("running", "cancelled"):
                spent = budget * min(1.0, progress / 100 * rng.uniform(0.75, 1.15))
            spent = round(min(spent, budget or 0.0), 2)
            late = status == "running" and end < today
            note = "Takvimin gerisinde; süre uzatımı istendi." if late else None
            lead_id = self.inst_ids[lead]
            mode = "joint" if rng.random() < 0.7 else "separate"
            head = (pid, code, title, about, theme, year, lead_id, mode, status, start, end)
            self.project_info.append((pid, theme, year, lead))
            projects.append((*head, budget, spent, progress, note, 1))
            chosen = sorted(rng.sample([i for i in inst_ids if i != lead_id], rng.randint(1, 4)))
            for iid in chosen:
                role = rng.choices(("partner", "funder", "supporter"), (6, 2, 3))[0]
                partners.append((pid, iid, role))
            count = rng.randint(2, 6)
            for j, k in enumerate(sorted(rng.sample(range(len(pools.MILESTONES)), count))):
                due = start + _days((end - start).days * (j + 1) // count)
                due = max(start, due - _days(rng.randint(0, 10)))
                done_on = None
                if status == "done" or (
                    status in ("running", "cancelled") and due < today and rng.random() < 0.75
                ):
                    done_on = self.day(due - _days(7), due + _days(14))
                    done_on = max(start, min(today, done_on))
                who = lead_id if rng.random() < 0.6 else rng.choice(chosen)
                mid = len(milestones) + 1
                milestones.append((mid, pid, pools.MILESTONES[k], due, who, done_on))
            k = rng.randint(5, 40)
            pool: Sequence[int] = self.by_sector.get(sector, [])
            if len(pool) < k:
                pool = range(1, self.n + 1)
            targets.extend((pid, f) for f in sorted(rng.sample(pool, min(k, len(pool)))))
        self.insert(s, m.Project, projects)
        self.insert(s, m.ProjectPartner, partners)
        self.insert(s, m.Milestone, milestones)
        self.insert(s, m.ProjectFirm, targets)
        self.project_ids = list(range(1, len(projects) + 1))  # pid counts from 1 above

    def meeting_dates(self) -> list[dt.date]:
        """Quarterly committee meetings from October 2025: those held and the next one."""
        dates: list[dt.date] = []
        year, month = 2025, 10
        while True:
            d = dt.date(year, month, 15)
            while d.weekday() != 3 or d in self.holidays:  # a working Thursday
                d += _days(1)
            if d > PROGRAMME_END:
                return dates
            dates.append(d)
            if d > self.today:
                return dates
            year, month = (year + 1, month - 9) if month > 9 else (year, month + 3)

    def meetings(self, s: Session) -> None:
        rng, today = self.rng, self.today
        core = [self.inst_ids[k] for k in ("KTO", "Valilik", "Ticaret İl Müdürlüğü")]
        everyone = list(self.inst_ids.values())
        others = [i for i in everyone if i not in core]
        meetings: list[_Row] = []
        attendees: list[_Row] = []
        decisions: list[_Row] = []
        agenda: list[_Row] = []
        # Decisions: id, meeting, text, owner, due, status, closed on, project.
        previous: list[tuple[int, int, str, int, dt.date, str, dt.date | None, int | None]] = []
        for mid, held_on in enumerate(self.meeting_dates(), 1):
            held = held_on <= today
            place = rng.choices(pools.MEETING_PLACES, (3, 1))[0]
            note = f"İl İhracatı Geliştirme Üst Kurulu {mid}. toplantısı"
            meetings.append((mid, held_on, place, note if held else f"{note} (gündem taslağı)"))
            for iid in core + sorted(rng.sample(others, rng.randint(5, 10))):
                attendees.append((len(attendees) + 1, mid, iid, None))
            person = f"{self.staff_names[1]} (raportör)"
            attendees.append((len(attendees) + 1, mid, None, person))
            # Decisions of the last meeting that were still open on this one's day.
            carried = [
                (f"Karar takibi: {row[2]}", row[0])
                for row in previous
                if row[5] == "open" or (row[6] is not None and row[6] >= held_on)
            ]
            items = [(pools.AGENDA[0], None), *carried, *((t, None) for t in pools.AGENDA[1:])]
            for position, (item, decision_id) in enumerate(items, 1):
                agenda.append((len(agenda) + 1, mid, position, item, decision_id))
            previous = []
            if not held:
                continue
            for phrase in rng.sample(pools.DECISIONS, rng.randint(3, 6)):
                due, r = held_on + _days(rng.randint(30, 150)), rng.random()
                if due < today:
                    status = "done" if r < 0.65 else "open" if r < 0.9 else "cancelled"
                else:
                    status = "done" if r < 0.2 else "open"
                closed = None
                if status != "open":
                    closed = self.day(held_on + _days(7), min(due, today))
                owner = rng.choice(everyone)
                project = rng.choice(self.project_ids) if rng.random() < 0.5 else None
                text_ = f"{phrase} karar verildi."
                row = (len(decisions) + 1, mid, text_, owner, due, status, closed, project)
                decisions.append(row)
                previous.append(row)
        self.insert(s, m.Meeting, meetings)
        self.insert(s, m.MeetingAttendee, attendees)
        self.insert(s, m.Decision, decisions)
        self.insert(s, m.AgendaItem, agenda)

    def targets_and_settings(self, s: Session) -> None:
        """Add the programme's targets and settings, keeping any already there."""
        have_targets = {tuple(r) for r in s.execute(select(m.Target.key, m.Target.year))}
        have_settings = set(s.scalars(select(m.Setting.key)))
        targets = [(k, y, float(v)) for k, y, v in TARGETS if (k, y) not in have_targets]
        self.insert(s, m.Target, targets)
        self.insert(s, m.Setting, [(k, v) for k, v in SETTINGS if k not in have_settings])

    def plan(self, s: Session) -> None:
        """Structured needs of the done visits, the Strategy Action Plan's actions linked
        to the projects, and the shipped support-instrument catalogue."""
        rng = self.plan_rng
        sector_of = {fid: code for code, fids in self.by_sector.items() for fid in fids}
        needs: list[_Row] = []
        for vid, fid, phrases in self.done_visits:
            codes = list(dict.fromkeys(pools.VISIT_NEED_CODES[p] for p in phrases))
            favoured = pools.SECTOR_NEEDS.get(sector_of.get(fid, ""), ())
            if favoured and rng.random() < 0.6:
                extra = rng.choice(favoured)
                if extra not in codes:
                    codes.append(extra)
            for i, code in enumerate(codes):
                priority = 1 if i == 0 else rng.choices((1, 2, 3), (2, 5, 3))[0]
                needs.append((vid, code, priority, None))
        self.insert(s, m.VisitNeed, needs)
        actions: list[_Row] = []
        action_needs: list[_Row] = []
        partners: list[_Row] = []
        links: list[_Row] = []
        numbers: dict[int, int] = {}
        ordered = sorted(
            pools.ACTIONS, key=lambda a: (int(a[1]), cat.ACTION_THEMES.codes().index(a[0]))
        )
        for aid, row in enumerate(ordered, 1):
            theme, year_text, lead, helpers, codes_text, title, kpi, unit, base, target = row
            year = int(year_text)
            numbers[year] = numbers.get(year, 0) + 1
            code = f"E{year}.{numbers[year]:02d}"
            baseline, goal = float(base), float(target)
            current: float | None = None
            measured: dt.date | None = None
            started = YEAR_STARTS[year] + _days(90)
            if started <= self.today:
                share = _clip((self.today - YEAR_STARTS[year]).days / 730, 0.05, 1.0)
                current = round(baseline + (goal - baseline) * share * rng.uniform(0.5, 1.1))
                measured = min(self.today, started + _days(rng.randint(30, 200)))
            budget = round(_clip(rng.lognormvariate(math.log(2.5e6), 0.8), 2e5, 4e7), -4)
            actions.append(
                (
                    aid,
                    code,
                    title,
                    None,
                    theme,
                    year,
                    self.inst_ids[lead],
                    kpi,
                    unit,
                    baseline,
                    goal,
                    current,
                    measured,
                    budget,
                    None,
                    1,
                )
            )
            action_needs.extend((aid, c) for c in sorted(set(codes_text.split("+"))))
            for short in sorted({h.strip() for h in helpers.split(",")}):
                if self.inst_ids[short] != self.inst_ids[lead]:
                    partners.append((aid, self.inst_ids[short]))
            same = [p for p in self.project_info if p[1] == theme and p[2] == year]
            chosen = [p[0] for p in same if p[3] == lead]
            if not chosen and year < 3:  # year 3 is still being planned: some wait
                chosen = [p[0] for p in same[:1]]
            if year < 3 and rng.random() < 0.3:  # some projects serve two actions
                other = [p[0] for p in self.project_info if p[1] == theme and p[0] not in chosen]
                chosen += rng.sample(other, min(1, len(other)))
            links.extend((aid, pid) for pid in sorted(set(chosen)))
        self.insert(s, m.Action, actions)
        self.insert(s, m.ActionNeed, action_needs)
        self.insert(s, m.ActionPartner, partners)
        self.insert(s, m.ActionProject, links)
        self.counts.update(support_instruments.seed(s))

    def reset_sequences(self, s: Session) -> None:
        """Explicit ids do not move PostgreSQL's sequences: move them past the rows."""
        for name in (n for n, cols in pools.COLUMNS.items() if cols.startswith("id ")):
            top = f"(SELECT MAX(id) FROM {name})"
            sequence = f"pg_get_serial_sequence('{name}', 'id')"
            s.execute(text(f"SELECT setval({sequence}, COALESCE({top}, 1), {top} IS NOT NULL)"))
