"""The demo-data generator: counts, validity, determinism, schedules and safety."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import holidays
import pytest
from sqlalchemy import func, insert, inspect, select, text

from kayseri_desktop.core import catalogues as cat
from kayseri_desktop.core.taxid import is_valid
from kayseri_desktop.core.turkish import collation_key, fold
from kayseri_desktop.data import models as m
from kayseri_desktop.services import demo
from kayseri_desktop.services.context import open_context

TODAY = dt.date(2026, 11, 25)
SMALL = 300


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """One 300-firm demo database shared (read-only) by the tests of this module."""
    ctx = open_context(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    counts = demo.generate(ctx.db, firms=SMALL, today=TODAY)
    yield ctx, counts
    ctx.close()


def rows(db, sql: str) -> list[tuple]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(text(sql))]


def dump(db) -> dict[str, list[tuple]]:
    """Every table's rows in a stable order."""
    out = {}
    with db.read() as s:
        names = inspect(s.connection()).get_table_names()
    for name in sorted(names):
        if name != "alembic_version":
            out[name] = sorted(rows(db, f"SELECT * FROM {name}"), key=repr)
    return out


def test_counts_match_the_database_and_the_brief(small):
    ctx, counts = small
    with ctx.db.read() as s:
        for model in m.Base.metadata.sorted_tables:
            n = s.scalar(select(func.count()).select_from(model))
            assert counts.get(model.name, 0) == n, model.name
        desk = s.scalar(select(func.count()).where(m.Evaluation.kind == "desk"))
        exporters = s.scalar(select(func.count(func.distinct(m.FirmExport.firm_id))))
    assert counts["firms"] == SMALL
    assert counts["staff"] == 14
    assert counts["institutions"] == 16
    assert counts["projects"] == 30
    assert counts["visits"] == int(SMALL * 0.19)
    assert desk == round(SMALL * 0.85)
    assert 0.6 * SMALL < exporters < 0.8 * SMALL
    assert counts["targets"] == 6 and counts["settings"] == 3
    assert set(counts) >= {"firm_exports", "firm_markets", "contacts", "evaluation_scores"}


def test_firms_are_valid_and_searchable(small):
    ctx, _ = small
    contacts = defaultdict(list)
    for firm_id, name in rows(ctx.db, "SELECT firm_id, name FROM contacts ORDER BY id"):
        contacts[firm_id].append(name)
    firms = rows(
        ctx.db,
        "SELECT id, title, short_name, tax_no, products, search_text, title_sort, district, "
        "osb, employees, size_class, sector, nace_code, phone, email FROM firms",
    )
    assert len({f[1] for f in firms}) == len(firms)
    assert len({f[3] for f in firms}) == len(firms)
    osb_firms = 0
    for fid, title, short, tax, products, search, sort, district, osb, emp, size, *rest in firms:
        sector, nace, phone, email = rest
        assert is_valid(tax), tax
        assert 1 <= len(contacts[fid]) <= 3
        assert search == fold(" ".join([title, short, tax, products, *contacts[fid]]))
        assert fold(title) in search
        assert sort == collation_key(title)
        assert size == cat.size_class(emp)
        assert district in cat.DISTRICTS.codes() and sector in cat.SECTORS.codes()
        assert re.fullmatch(r"\d{2}\.\d{2}", nace)
        assert re.fullmatch(r"\+90 352 \d{3} \d{2} \d{2}", phone)
        assert email.isascii() and email.endswith(".com.tr")
        if osb is not None:
            osb_firms += 1
            assert cat.OSB_DISTRICT[osb] == district
    assert 0.45 < osb_firms / len(firms) < 0.75
    assert any(len(f[3]) == 11 for f in firms)  # some sole proprietors (TCKN)
    assert any(set(f[1]) & set("ÇĞİIÖŞÜ") for f in firms)


def test_contacts_exports_and_markets(small):
    ctx, _ = small
    for consent, date in rows(ctx.db, "SELECT kvkk_consent, kvkk_consent_date FROM contacts"):
        assert (date is not None) if consent else (date is None)
        if date:
            assert dt.date.fromisoformat(date) <= TODAY
    years = {y for (y,) in rows(ctx.db, "SELECT DISTINCT year FROM firm_exports")}
    assert years == {2022, 2023, 2024, 2025}
    markets = Counter(f for (f,) in rows(ctx.db, "SELECT firm_id FROM firm_markets"))
    exporters = {f for (f,) in rows(ctx.db, "SELECT DISTINCT firm_id FROM firm_exports")}
    assert set(markets) == exporters
    assert all(1 <= n <= 12 for n in markets.values())
    tags = {t for (t,) in rows(ctx.db, "SELECT DISTINCT tag FROM firm_tags")}
    assert {"ihracatçı", "yeni ihracatçı", "kümelenme adayı"} <= tags


def test_every_evaluation_has_seven_scores(small):
    ctx, _ = small
    themes = set(cat.EVALUATION_THEMES.codes())
    per_eval = defaultdict(set)
    for eid, theme, score in rows(ctx.db, "SELECT * FROM evaluation_scores"):
        assert 1 <= score <= 5
        per_eval[eid].add(theme)
    evaluations = rows(ctx.db, "SELECT id, evaluated_on FROM evaluations")
    assert all(per_eval[eid] == themes for eid, _ in evaluations)
    for _, day in evaluations:
        assert demo.FIELD_START <= dt.date.fromisoformat(day) <= min(TODAY, demo.FIELD_END)


def test_visits_respect_calendar_and_team(small):
    ctx, _ = small
    public = holidays.country_holidays("TR", years=[2025, 2026])
    active = {i for (i,) in rows(ctx.db, "SELECT id FROM staff WHERE active")}
    visits = {
        vid: (firm, dt.datetime.fromisoformat(a), dt.datetime.fromisoformat(b), status, reason)
        for vid, firm, a, b, status, reason in rows(
            ctx.db, "SELECT id, firm_id, starts_at, ends_at, status, status_reason FROM visits"
        )
    }
    firms = [v[0] for v in visits.values()]
    assert len(firms) == len(set(firms))  # one visit (so at most one open) per firm
    statuses = Counter(v[3] for v in visits.values())
    assert statuses["done"] > statuses["postponed"] + statuses["cancelled"] > 0
    assert statuses["planned"] > 0
    for _, start, end, status, reason in visits.values():
        assert start.weekday() < 5 and start.date() not in public
        assert dt.time(9) <= start.time() and end.time() <= dt.time(17) and start < end
        assert start.date() == end.date()
        assert demo.FIELD_START <= start.date() <= demo.FIELD_END
        assert (status == "planned") == (start.date() >= TODAY)
        assert (reason is not None) == (status in ("postponed", "cancelled"))
    booked = defaultdict(list)
    for vid, sid in rows(ctx.db, "SELECT visit_id, staff_id FROM visit_staff"):
        assert sid in active
        booked[sid].append(visits[vid][1:3])
    for spans in booked.values():
        spans.sort()
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, "a staff member is in two visits at once"
    team_sizes = Counter(
        vid for vid, _ in rows(ctx.db, "SELECT visit_id, staff_id FROM visit_staff")
    )
    assert set(team_sizes) == set(visits) and set(team_sizes.values()) <= {1, 2, 3}


def test_done_visits_have_findings(small):
    ctx, _ = small
    done = rows(ctx.db, "SELECT id, firm_id, done_at, needs FROM visits WHERE status = 'done'")
    field = {
        visit: (firm, n)
        for visit, firm, n in rows(
            ctx.db,
            "SELECT e.visit_id, e.firm_id, count(s.theme) FROM evaluations e "
            "JOIN evaluation_scores s ON s.evaluation_id = e.id WHERE e.kind = 'field' "
            "GROUP BY e.id",
        )
    }
    assert done and len(field) == len(done)
    for vid, firm, done_at, needs in done:
        assert done_at and needs
        assert field[vid] == (firm, 7)
    for due, done_on in rows(ctx.db, "SELECT due_date, done_on FROM follow_ups"):
        assert due and (done_on is None or dt.date.fromisoformat(done_on) <= TODAY)


def test_projects_are_consistent(small):
    ctx, _ = small
    projects = rows(
        ctx.db,
        "SELECT id, code, theme, roadmap_year, lead_institution_id, status, start_date, "
        "end_date, budget_try, spent_try, progress FROM projects",
    )
    partners = defaultdict(list)
    for pid, iid, role in rows(ctx.db, "SELECT * FROM project_partners"):
        partners[pid].append((iid, role))
    milestones = defaultdict(list)
    for pid, due, done_on in rows(ctx.db, "SELECT project_id, due_date, done_on FROM milestones"):
        milestones[pid].append((dt.date.fromisoformat(due), done_on))
    targets = Counter(p for (p,) in rows(ctx.db, "SELECT project_id FROM project_firms"))
    assert {p[2] for p in projects} == set(cat.ACTION_THEMES.codes())
    assert {p[3] for p in projects} == {1, 2, 3}
    late_milestones = 0
    for pid, code, _, year, lead, status, start, end, budget, spent, progress in projects:
        start, end = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        assert re.fullmatch(rf"KID-{2024 + year}-\d\d", code)
        assert start >= demo.YEAR_STARTS[year] and end >= start
        assert 1 <= len(partners[pid]) <= 4 and lead not in [i for i, _ in partners[pid]]
        assert 2 <= len(milestones[pid]) <= 6 and 5 <= targets[pid] <= 40
        assert spent <= (budget or 0)
        if status in ("idea", "planned"):
            assert start > TODAY and progress == 0 and spent == 0
        elif status == "done":
            assert end < TODAY and progress == 100
        else:
            assert start <= TODAY and 0 < progress < 100
        for due, done_on in milestones[pid]:
            assert done_on is None or dt.date.fromisoformat(done_on) <= TODAY
            late_milestones += due < TODAY and done_on is None and status == "running"
    assert late_milestones > 0
    assert {p[5] for p in projects} >= {"idea", "planned", "running", "done"}


def test_meetings_decisions_targets_settings(small):
    ctx, _ = small
    meetings = rows(ctx.db, "SELECT id, held_on FROM meetings ORDER BY held_on")
    assert len(meetings) >= 4
    for _, held_on in meetings:
        day = dt.date.fromisoformat(held_on)
        assert day.weekday() == 3 and day.month in (1, 4, 7, 10)
    per_meeting = Counter(mid for (mid,) in rows(ctx.db, "SELECT meeting_id FROM decisions"))
    for mid, held_on in meetings:
        if dt.date.fromisoformat(held_on) <= TODAY:
            assert 3 <= per_meeting[mid] <= 6
        else:
            assert per_meeting[mid] == 0
    late = rows(ctx.db, f"SELECT id FROM decisions WHERE status = 'open' AND due_date < '{TODAY}'")
    assert late
    assert rows(ctx.db, "SELECT 1 FROM decisions WHERE project_id IS NOT NULL")
    assert rows(ctx.db, "SELECT 1 FROM agenda_items WHERE carried_decision_id IS NOT NULL")
    kinds = {k for (k,) in rows(ctx.db, "SELECT kind FROM institutions")}
    assert kinds <= set(cat.INSTITUTION_KINDS.codes())
    targets = {(k, y): v for k, y, v in rows(ctx.db, "SELECT key, year, value FROM targets")}
    assert targets[("firms_evaluated", None)] == 2000
    assert targets[("visits_done", None)] == 450
    assert targets[("exports_baseline_usd", 2024)] == 3_751_000_000
    assert targets[("exports_usd", 2025)] < targets[("exports_usd", 2027)]
    settings = dict(rows(ctx.db, "SELECT key, value FROM settings"))
    assert settings == {
        "field_study_start": "2025-10-01",
        "field_study_end": "2026-12-31",
        "programme_start": "2025-10-01",
    }


def test_same_seed_gives_identical_data(tmp_path):
    first = open_context(tmp_path / "a.sqlite")
    second = open_context(tmp_path / "b.sqlite")
    try:
        demo.generate(first.db, firms=120, seed=7, today=TODAY)
        demo.generate(second.db, firms=120, seed=7, today=TODAY)
        assert dump(first.db) == dump(second.db)
        third = tmp_path / "c.sqlite"
        # Another process with another hash seed: no set or dict order may leak in.
        script = (
            "import datetime, sys\n"
            "from kayseri_desktop.services import demo\n"
            "from kayseri_desktop.services.context import open_context\n"
            "ctx = open_context(sys.argv[1])\n"
            "demo.generate(ctx.db, firms=120, seed=7, today=datetime.date(2026, 11, 25))\n"
            "ctx.close()\n"
        )
        env = {**os.environ, "PYTHONHASHSEED": "12345"}
        subprocess.run([sys.executable, "-c", script, str(third)], check=True, env=env)
        other = open_context(third)
        try:
            assert dump(other.db) == dump(first.db)
        finally:
            other.close()
    finally:
        first.close()
        second.close()


def test_other_seed_or_day_changes_what_it_should(tmp_path):
    a, b, c = (open_context(tmp_path / f"{k}.sqlite") for k in "abc")
    try:
        demo.generate(a.db, firms=80, seed=1, today=TODAY)
        demo.generate(b.db, firms=80, seed=2, today=TODAY)
        demo.generate(c.db, firms=80, seed=1, today=dt.date(2026, 3, 2))
        firms = "SELECT * FROM firms ORDER BY id"
        assert rows(a.db, firms) != rows(b.db, firms)
        assert rows(a.db, firms) == rows(c.db, firms)  # the registry does not depend on today
        exports = "SELECT * FROM firm_exports ORDER BY firm_id, year"
        assert rows(a.db, exports) == rows(c.db, exports)
        assert rows(a.db, "SELECT * FROM visits") != rows(c.db, "SELECT * FROM visits")
    finally:
        for ctx in (a, b, c):
            ctx.close()


def test_refuses_a_database_that_is_not_empty(tmp_path):
    ctx = open_context(tmp_path / "d.sqlite")
    try:
        demo.generate(ctx.db, firms=40, today=TODAY)
        before = dump(ctx.db)
        with pytest.raises(ValueError, match="boş bir veritabanına"):
            demo.generate(ctx.db, firms=40, seed=99, today=TODAY)
        assert dump(ctx.db) == before
    finally:
        ctx.close()


def test_refuses_when_only_other_records_exist(tmp_path):
    ctx = open_context(tmp_path / "e.sqlite")
    try:
        with ctx.db.write() as s:
            s.add(m.Staff(name="Ayşe Yılmaz", kind="kto"))
        with pytest.raises(ValueError, match="staff"):
            demo.generate(ctx.db, firms=10, today=TODAY)
        assert rows(ctx.db, "SELECT count(*) FROM firms") == [(0,)]
        with pytest.raises(ValueError):
            demo.generate(ctx.db, firms=0, today=TODAY)
    finally:
        ctx.close()


def test_tiny_demo_and_progress(tmp_path):
    ctx = open_context(tmp_path / "f.sqlite")
    calls = []
    try:
        counts = demo.generate(
            ctx.db, firms=3, today=TODAY, progress=lambda d, t: calls.append((d, t))
        )
        assert counts["firms"] == 3 and counts["visits"] == 0
        assert calls and calls[-1][0] == calls[-1][1]
        assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    finally:
        ctx.close()


def test_keeps_existing_targets_settings_and_closed_days(tmp_path):
    ctx = open_context(tmp_path / "g.sqlite")
    try:
        with ctx.db.write() as s:  # Core, as an import would: no ORM audit hooks
            s.execute(insert(m.Target.__table__).values(key="visits_done", year=None, value=500))
            s.execute(insert(m.Setting.__table__).values(key="field_study_end", value="2027-03-31"))
            closed = [dt.date(2026, 1, 1) + dt.timedelta(days=k) for k in range(181)]
            s.execute(
                insert(m.ClosedDay.__table__), [{"day": d, "reason": "Kapalı"} for d in closed]
            )
        counts = demo.generate(ctx.db, firms=200, today=TODAY)
        assert counts["targets"] == 5 and counts["settings"] == 2
        assert rows(ctx.db, "SELECT value FROM targets WHERE key = 'visits_done'") == [(500,)]
        end = rows(ctx.db, "SELECT value FROM settings WHERE key = 'field_study_end'")
        assert end == [("2027-03-31",)]
        visit_days = [
            dt.date.fromisoformat(d) for (d,) in rows(ctx.db, "SELECT date(starts_at) FROM visits")
        ]
        assert len(visit_days) == 38
        assert not [d for d in visit_days if dt.date(2026, 1, 1) <= d <= dt.date(2026, 6, 30)]
    finally:
        ctx.close()


@pytest.mark.slow
def test_default_size_covers_kayseri(tmp_path):
    ctx = open_context(tmp_path / "full.sqlite")
    try:
        counts = demo.generate(ctx.db, today=TODAY)
        assert counts["firms"] == 2400 and counts["visits"] == 450
        assert {d for (d,) in rows(ctx.db, "SELECT DISTINCT district FROM firms")} == set(
            cat.DISTRICTS.codes()
        )
        assert {s for (s,) in rows(ctx.db, "SELECT DISTINCT sector FROM firms")} == set(
            cat.SECTORS.codes()
        )
        biggest = rows(
            ctx.db, "SELECT district FROM firms GROUP BY district ORDER BY count(*) DESC LIMIT 2"
        )
        assert {d for (d,) in biggest} == {"kocasinan", "melikgazi"}
        sectors = rows(
            ctx.db, "SELECT sector FROM firms GROUP BY sector ORDER BY count(*) DESC LIMIT 3"
        )
        assert {s for (s,) in sectors} == {"mobilya", "metal", "tekstil"}
        ((total,),) = rows(ctx.db, "SELECT sum(usd) FROM firm_exports WHERE year = 2024")
        assert 3.0e9 <= total <= 4.5e9
        ((evaluated,),) = rows(ctx.db, "SELECT count(DISTINCT firm_id) FROM evaluations")
        assert evaluated >= 2000
        taxes = [t for (t,) in rows(ctx.db, "SELECT tax_no FROM firms")]
        assert len(set(taxes)) == 2400 and all(is_valid(t) for t in taxes)
        bad = rows(ctx.db, "SELECT osb, district FROM firms WHERE osb IS NOT NULL")
        assert all(cat.OSB_DISTRICT[o] == d for o, d in bad)
    finally:
        ctx.close()


def test_uses_no_global_randomness_or_clock():
    source = Path(demo.__file__).read_text(encoding="utf-8")
    assert "now(" not in source and "random.seed" not in source
    assert not re.search(
        r"(?<![\w.])random\.(random|randint|choice|choices|sample|shuffle)\(", source
    )
