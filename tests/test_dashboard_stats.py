"""services/dashboard_stats.py and services/external_changes.py: no Qt involved."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from conftest import TODAY, add_sample_rows, make_firm
from sqlalchemy import func, select

from kayseri_desktop.core.catalogues import DISTRICTS, SECTORS
from kayseri_desktop.data import models as m
from kayseri_desktop.services import dashboard_stats as stats
from kayseri_desktop.services.context import open_context
from kayseri_desktop.services.external_changes import EVERY_ENTITY, ExternalChangeWatcher


def as_dict(rows) -> dict:
    return {r.code: r.value for r in rows if r.value}


def test_firms_by_sector_and_district_count_live_firms_in_catalogue_order(sample_ctx):
    sectors = stats.firms_by_sector(sample_ctx.db)
    assert [r.code for r in sectors] == SECTORS.codes()  # the deleted firm has no sector
    assert as_dict(sectors) == {"mobilya": 5}
    districts = stats.firms_by_district(sample_ctx.db)
    assert [r.code for r in districts] == DISTRICTS.codes()
    assert as_dict(districts) == {"melikgazi": 5}


def test_firms_without_a_sector_get_their_own_bar(ctx):
    with ctx.db.write() as s:
        s.add_all([make_firm("Adsız", 500000001), make_firm("Ahşap", 500000002, sector="mobilya")])
    rows = stats.firms_by_sector(ctx.db)
    assert rows[-1] == stats.Count(None, 1.0)
    assert as_dict(rows) == {"mobilya": 1, None: 1}


def test_exports_by_sector_sum_the_year_and_leave_deleted_firms_out(sample_ctx):
    db = sample_ctx.db
    with db.write() as s:
        gone = s.scalar(select(m.Firm).where(m.Firm.deleted_at.is_not(None)))
        gone.sector = "gida"
        gone.exports.append(m.FirmExport(year=2024, usd=9_000_000))
    assert stats.export_years(db) == [2024]
    assert as_dict(stats.exports_by_sector(db, 2024)) == {"mobilya": 3_750_000}
    assert as_dict(stats.exports_by_sector(db, 2023)) == {}


def evaluate(db, firm_id: int, day: dt.date, score: int, kind: str = "desk") -> None:
    with db.write() as s:
        ev = m.Evaluation(firm_id=firm_id, evaluated_on=day, kind=kind)
        ev.scores = [m.EvaluationScore(theme="dijital", score=score)]
        if score < 5:
            ev.scores.append(m.EvaluationScore(theme="yesil", score=score + 1))
        s.add(ev)


def test_theme_scores_average_each_firms_latest_evaluation(ctx):
    with ctx.db.write() as s:
        s.add_all(
            [
                make_firm("Ahşap", 600000001, sector="mobilya"),
                make_firm("Un", 600000002, sector="gida"),
            ]
        )
    wood, flour = 1, 2
    evaluate(ctx.db, wood, dt.date(2026, 1, 10), 1)
    evaluate(ctx.db, wood, dt.date(2026, 6, 1), 4, "field")  # replaces the desk estimate
    evaluate(ctx.db, flour, dt.date(2026, 3, 1), 2)
    everyone = {t.theme: (t.average, t.firms) for t in stats.theme_scores(ctx.db)}
    assert everyone["dijital"] == (3.0, 2)
    assert everyone["yesil"] == (4.0, 2)
    assert everyone["arge"] == (None, 0)
    furniture = {t.theme: (t.average, t.firms) for t in stats.theme_scores(ctx.db, "mobilya")}
    assert furniture["dijital"] == (4.0, 1)
    assert [t.theme for t in stats.theme_scores(ctx.db, "metal") if t.average] == []


def test_visit_burnup_counts_done_so_far_and_planned_from_today(sample_ctx):
    db = sample_ctx.db
    with db.write() as s:
        s.add_all(
            [
                m.Setting(key="field_study_start", value="2025-10-01"),
                m.Setting(key="field_study_end", value="2026-12-31"),
            ]
        )
    data = stats.visit_burnup(db, TODAY)
    assert (data.start, data.end, data.target) == (dt.date(2025, 10, 1), dt.date(2026, 12, 31), 450)
    assert data.done == ((TODAY - dt.timedelta(days=10), 1),)
    # The planned visit three days ago is overdue, not future; the postponed one is neither.
    assert data.planned == ((TODAY + dt.timedelta(days=2), 1),)
    assert (data.done_total, data.planned_total) == (1, 1)


def test_visit_burnup_without_field_dates_spans_the_visits(sample_ctx):
    data = stats.visit_burnup(sample_ctx.db, TODAY)
    assert data.start == TODAY - dt.timedelta(days=10)
    assert data.end == TODAY + dt.timedelta(days=5)


def test_visit_burnup_of_an_empty_database(ctx):
    data = stats.visit_burnup(ctx.db, TODAY)
    assert (data.done, data.planned, data.start) == ((), (), TODAY)
    assert data.end > data.start


def test_projects_by_institution_tell_lead_and_partner_apart(sample_ctx):
    db = sample_ctx.db
    with db.write() as s:
        kto = s.scalar(select(m.Institution).where(m.Institution.short_name == "KTO"))
        done = s.scalar(select(m.Project).where(m.Project.code == "P-02"))
        done.partners.append(m.ProjectPartner(institution_id=kto.id, role="funder"))
        s.add(m.Institution(name="Boşta Kurum", kind="kamu"))
    rows = stats.projects_by_institution(db)
    assert [(r.name, r.lead, r.partner) for r in rows] == [
        ("KTO", {"running": 1}, {"done": 1}),
        ("ERÜ", {"done": 1}, {}),
    ]
    assert rows[0].total == 2


def test_targets_default_to_the_seed_and_save_audited(ctx):
    assert stats.load_targets(ctx.db) == {
        "firms_evaluated": 2000,
        "visits_done": 450,
        "exports_baseline_usd": 3_751_000_000,
    }
    heard = []
    ctx.bus.subscribe(heard.append)
    stats.save_targets(ctx.db, {"visits_done": 500, "firms_evaluated": 2000})
    assert stats.load_targets(ctx.db)["visits_done"] == 500
    assert [c.entity for c in heard] == ["target"]
    stats.save_targets(ctx.db, {"visits_done": 520})
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Target)) == 2
        fields = s.execute(
            select(m.AuditEntry.action, m.AuditEntry.old_value, m.AuditEntry.new_value).where(
                m.AuditEntry.entity == "target", m.AuditEntry.field == "value"
            )
        ).all()
    assert [(action, float(old), float(new)) for action, old, new in fields] == [
        ("update", 500, 520)
    ]


@pytest.mark.parametrize(
    "values, message",
    [({"visits_done": 0}, "sıfırdan büyük"), ({"imports": 5}, "Bilinmeyen hedef")],
)
def test_bad_targets_are_refused_and_nothing_is_written(ctx, values, message):
    with pytest.raises(ValueError, match=message):
        stats.save_targets(ctx.db, {"firms_evaluated": 2100, **values})
    assert stats.load_targets(ctx.db)["firms_evaluated"] == 2000


# -- the external change watcher ---------------------------------------------------------


@pytest.fixture
def watched(ctx):
    heard = []
    ctx.bus.subscribe(heard.append)
    watcher = ExternalChangeWatcher(ctx.db, ctx.bus)
    yield watcher, heard
    watcher.close()


def test_nothing_new_means_nothing_announced(watched):
    watcher, heard = watched
    assert watcher.poll() == set()
    assert heard == []


def test_own_writes_are_not_reported_as_external(ctx, watched):
    watcher, heard = watched
    add_sample_rows(ctx.db)
    assert watcher.poll() == set()
    assert {c.origin for c in heard} == {"local"}


def test_another_apps_audited_write_is_announced_by_kind(ctx, tmp_path, watched):
    watcher, heard = watched
    other = open_context(tmp_path / "t.sqlite")  # a second copy of the app, same file
    try:
        with other.db.write() as s:
            s.add(make_firm("Uzak Mobilya", 700000001, sector="mobilya"))
    finally:
        other.close()
    assert watcher.poll() == {"firm"}
    external = [c for c in heard if c.origin == "external"]
    assert [(c.entity, c.ids) for c in external] == [("firm", frozenset({1}))]
    assert watcher.poll() == set()  # reported once


def test_a_raw_commit_from_another_connection_reloads_every_kind(ctx, watched):
    watcher, heard = watched
    with sqlite3.connect(ctx.db.path) as conn:
        conn.execute("UPDATE firms SET notes = 'x'")  # no rows, but a commit all the same
        conn.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')")
    assert watcher.poll() == set(EVERY_ENTITY)
    assert {c.entity for c in heard} == set(EVERY_ENTITY)
    assert {c.origin for c in heard} == {"external"}


def test_mixed_local_and_external_writes_report_only_the_external_ones(ctx, tmp_path, watched):
    watcher, heard = watched
    with ctx.db.write() as s:
        s.add(make_firm("Yerel", 700000002))
    other = open_context(tmp_path / "t.sqlite")
    try:
        with other.db.write() as s:
            s.add(m.Staff(name="Uzak Personel", kind="kto"))
            s.add(make_firm("Uzak", 700000003))
    finally:
        other.close()
    assert watcher.poll() == {"staff", "firm"}
    external = {c.entity: c.ids for c in heard if c.origin == "external"}
    assert external == {"staff": frozenset({1}), "firm": frozenset({2})}


@pytest.mark.parametrize("outside_first", [False, True])
def test_an_unaudited_outside_commit_beside_our_own_write_is_not_missed(
    ctx, watched, outside_first
):
    watcher, heard = watched

    def outside() -> None:
        with sqlite3.connect(ctx.db.path) as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES ('dış', 'v')")

    serials = iter(range(700000010, 700000020))

    def ours() -> None:
        with ctx.db.write() as s:
            s.add(make_firm("Yerel", next(serials)))

    for step in (outside, ours) if outside_first else (ours, outside):
        step()
    assert watcher.poll() == set(EVERY_ENTITY)
    assert {c.origin for c in heard if c.entity == "setting"} == {"external"}
    ours()  # and our next write alone is ours again
    assert watcher.poll() == set()


def test_closed_watcher_stays_quiet(ctx, watched):
    watcher, heard = watched
    watcher.close()
    with sqlite3.connect(ctx.db.path) as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')")
    assert watcher.poll() == set()
    assert heard == []
