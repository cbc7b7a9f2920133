"""Field findings and the action plan on a small hand-made database: every figure
checked against values computed by hand (see the comments)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_firm

from kayseri_desktop.data import models as m
from kayseri_desktop.services import action_plan, findings, visit_needs
from kayseri_desktop.services.visit_needs import NeedError, NeedItem

TODAY = dt.date(2026, 6, 1)
DAY = dt.date(2026, 3, 2)


def _visit(s, firm, day, status="done", text=None, needs=()):
    start = dt.datetime.combine(day, dt.time(10))
    v = m.Visit(
        firm_id=firm.id,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        status=status,
        needs=text,
    )
    s.add(v)
    s.flush()
    for need, priority in needs:
        s.add(m.VisitNeed(visit_id=v.id, need=need, priority=priority))
    return v


def _eval(s, firm, kind, day, visit=None, **scores):
    e = m.Evaluation(firm_id=firm.id, kind=kind, evaluated_on=day, visit=visit)
    e.scores = [m.EvaluationScore(theme=t, score=v) for t, v in scores.items()]
    s.add(e)


@pytest.fixture
def hand(ctx):
    """Five evaluated firms, one unevaluated, one deleted (scores in the comments)."""
    ids = {}
    with ctx.db.write() as s:

        def firm(key, serial, **kw):
            f = make_firm(f"{key} A.Ş.", serial, **kw)
            s.add(f)
            s.flush()
            ids[key] = f.id
            return f

        f1 = firm(
            "F1",
            200000001,
            sector="mobilya",
            district="melikgazi",
            osb="mimarsinan_osb",
            size_class="kucuk",
        )
        f2 = firm("F2", 200000002, sector="mobilya", district="melikgazi", size_class="kucuk")
        f3 = firm(
            "F3",
            200000003,
            sector="mobilya",
            district="kocasinan",
            osb="kayseri_osb",
            size_class="orta",
        )
        f4 = firm(
            "F4",
            200000004,
            sector="metal",
            district="kocasinan",
            osb="kayseri_osb",
            size_class="orta",
        )
        f5 = firm("F5", 200000005, sector="metal", district="talas")
        firm("F7", 200000007, sector="mobilya")  # live, never evaluated
        f6 = firm("F6", 200000006, sector="mobilya", deleted_at=dt.datetime(2026, 1, 1))
        # F1: desk first, then a field evaluation on its visit (the field one counts).
        _eval(s, f1, "desk", DAY - dt.timedelta(days=30), dijital=2, yesil=1, ihracat=3)
        v1 = _visit(s, f1, DAY, text="E-ihracat", needs=[("e_ihracat", 1), ("fuar_heyet", 2)])
        _eval(s, f1, "field", DAY, visit=v1, dijital=3, yesil=2, ihracat=4)
        _visit(s, f1, DAY + dt.timedelta(days=20), needs=[("e_ihracat", 2)])  # F1 counts once
        _eval(s, f2, "desk", DAY, dijital=4, yesil=2, ihracat=5)
        f2.exports.append(m.FirmExport(year=2025, usd=50_000))
        _eval(s, f3, "desk", DAY, dijital=1, yesil=1, ihracat=2)
        _visit(s, f3, DAY, text="Fuar desteği istiyor")  # free text only, no catalogue item
        _eval(s, f4, "desk", DAY, dijital=3, yesil=3, ihracat=4)
        f4.exports.append(m.FirmExport(year=2023, usd=9_000_000))
        f4.exports.append(m.FirmExport(year=2024, usd=5_000_000))
        v5 = _visit(s, f5, DAY, needs=[("e_ihracat", 3), ("belgelendirme", 1)])
        _eval(s, f5, "field", DAY, visit=v5, dijital=5, yesil=4, ihracat=4)
        _visit(s, f4, DAY, status="planned", needs=[("lojistik", 1)])  # not done: ignored
        _eval(s, f6, "desk", DAY, dijital=1, yesil=1, ihracat=1)  # deleted: ignored
        v6 = _visit(s, f6, DAY, needs=[("lojistik", 1)])
        assert v6.id
    return ctx, ids


def test_heat_map_cells_match_hand_computed_averages(hand):
    ctx, ids = hand
    result = findings.findings(ctx.db)
    assert (result.live_firms, result.evaluated, result.visited) == (6, 5, 2)
    assert result.exports_usd == 50_000 + 5_000_000  # latest year per live firm
    sector = result.heat_maps["sector"]
    assert sector.keys == ("mobilya", "metal")
    cell = sector.cell("dijital", "mobilya")  # F1 3 (field), F2 4, F3 1
    assert cell.mean == pytest.approx(8 / 3)
    assert cell.firm_ids == (ids["F1"], ids["F2"], ids["F3"])
    assert cell.n == 3 and cell.too_few  # fewer than MIN_FIRMS = 5
    assert sector.cell("dijital", "metal").mean == pytest.approx(4.0)  # F4 3, F5 5
    assert sector.cell("arge", "metal").n == 0  # nobody scored on it
    district = result.heat_maps["district"]
    assert district.cell("yesil", "melikgazi").mean == pytest.approx(2.0)  # F1 2, F2 2
    osb = result.heat_maps["osb"]
    assert osb.keys == ("kayseri_osb", "mimarsinan_osb", findings.NO_OSB)
    assert osb.label(findings.NO_OSB) == "OSB dışında"
    assert osb.cell("ihracat", findings.NO_OSB).mean == pytest.approx(4.5)  # F2 5, F5 4
    size = result.heat_maps["size"]
    assert size.keys == ("kucuk", "orta", findings.UNSET)
    assert size.cell("yesil", findings.UNSET).firm_ids == (ids["F5"],)
    assert size.label(findings.UNSET) == "Belirtilmemiş"


def test_weakest_themes_needs_potential_exporters_and_comparison(hand):
    ctx, ids = hand
    result = findings.findings(ctx.db)
    # yesil 12/5, dijital 16/5, ihracat 19/5 over the five evaluated firms
    assert [(t.theme, round(t.mean, 3), t.n) for t in result.weakest] == [
        ("yesil", 2.4, 5),
        ("dijital", 3.2, 5),
        ("ihracat", 3.8, 5),
    ]
    assert not result.weakest[0].too_few  # exactly MIN_FIRMS
    mobilya = result.weakest_by_sector["mobilya"]
    assert [(t.theme, round(t.mean, 3)) for t in mobilya] == [
        ("yesil", round(5 / 3, 3)),
        ("dijital", round(8 / 3, 3)),
        ("ihracat", round(11 / 3, 3)),
    ]
    # e_ihracat: F1 (twice, counted once) and F5; ties in catalogue order
    assert [(n.need, n.firms, n.urgent) for n in result.needs] == [
        ("e_ihracat", 2, 1),
        ("belgelendirme", 1, 1),
        ("fuar_heyet", 1, 0),
    ]
    assert result.needs[0].firm_ids == (ids["F1"], ids["F5"])
    assert [n.need for n in result.needs_by_sector["mobilya"]] == ["e_ihracat", "fuar_heyet"]
    assert [n.need for n in result.needs_by_sector["metal"]] == ["e_ihracat", "belgelendirme"]
    assert [r.free_text for r in result.free_text_only] == ["Fuar desteği istiyor"]
    # F2: 50,000 USD, average 11/3, export readiness 5; F5: no exports, 13/3, 4.
    # F1 (field): no exports, average 3, readiness 4. F4 exports 5 M: not small.
    # Highest readiness first, then the higher average.
    assert [f.firm_id for f in result.potential_exporters] == [ids["F2"], ids["F5"], ids["F1"]]
    comparison = {c.theme: c for c in result.visited_vs_desk}
    dijital = comparison["dijital"]
    assert dijital.visited is not None and dijital.desk is not None
    assert (dijital.visited.mean, dijital.visited.n) == (4.0, 2)  # F1 3, F5 5
    assert dijital.desk.mean == pytest.approx(8 / 3)  # F2 4, F3 1, F4 3
    assert dijital.difference == pytest.approx(4 - 8 / 3)


def test_potential_exporter_rule_edges():
    def firm(usd, **scores):
        return findings.FirmScores(1, "X", "", "", "", "", False, DAY, scores, usd, 2025)

    assert findings.is_potential_exporter(firm(None, ihracat=4, dijital=2))  # average 3
    assert not findings.is_potential_exporter(firm(None, ihracat=4, dijital=1))  # 2.5
    assert not findings.is_potential_exporter(firm(None, ihracat=3, dijital=5))
    assert findings.is_potential_exporter(firm(99_999, ihracat=5))
    assert not findings.is_potential_exporter(firm(100_000, ihracat=5))


def _project(s, inst, code, status, progress=0, end=None, milestones=()):
    p = m.Project(
        code=code,
        title=f"Proje {code}",
        theme="dijital",
        roadmap_year=1,
        lead_institution_id=inst.id,
        status=status,
        progress=progress,
        start_date=dt.date(2026, 1, 1),
        end_date=end,
    )
    p.milestones = [m.Milestone(title=t, due_date=due, done_on=done) for t, due, done in milestones]
    s.add(p)
    return p


def test_action_status_progress_evidence_and_uncovered_needs(hand):
    ctx, _ids = hand
    future, past = dt.date(2026, 12, 31), dt.date(2026, 5, 1)
    with ctx.db.write() as s:
        kto = m.Institution(name="Kayseri Ticaret Odası", short_name="KTO", kind="oda")
        oran = m.Institution(name="Orta Anadolu Kalkınma Ajansı", short_name="ORAN", kind="kamu")
        s.add_all([kto, oran])
        s.flush()
        late_ms = _project(s, kto, "P1", "running", 40, future, [("Rapor", past, None)])
        done = _project(s, kto, "P2", "done", 100, past)
        cancelled = _project(s, kto, "P3", "cancelled", 20, future)
        idea = _project(s, kto, "P4", "idea", 0, future)
        running = _project(s, kto, "P5", "running", 30, future, [("Anket", past, past)])
        ended = _project(s, kto, "P6", "running", 90, past)

        def action(code, projects, needs=(), **kw):
            a = m.Action(
                code=code,
                title=f"Eylem {code}",
                theme="dijital",
                roadmap_year=1,
                lead_institution_id=kto.id,
                **kw,
            )
            a.needs = [m.ActionNeed(need=n) for n in needs]
            a.projects = list(projects)
            s.add(a)
            return a

        a1 = action(
            "E1.01",
            [late_ms, done],
            ["e_ihracat", "belgelendirme"],
            kpi_name="Mağaza",
            kpi_unit="firma",
            kpi_baseline=10,
            kpi_target=30,
            kpi_current=15,
        )
        a1.partners = [m.ActionPartner(institution_id=oran.id)]
        action("E1.02", [])
        action("E1.03", [cancelled])
        action("E1.04", [done])  # P2 serves two actions
        action("E1.05", [idea, cancelled])
        action("E1.06", [running])
        action("E1.07", [ended, done])
    plan = action_plan.plan(ctx.db, today=TODAY)
    by_code = {a.code: a for a in plan.actions}
    got = {c: (a.derived.status, a.derived.progress) for c, a in by_code.items()}
    assert got == {
        "E1.01": ("gecikmede", 70),  # P1 has a milestone past due; (40 + 100) / 2
        "E1.02": ("proje_yok", None),
        "E1.03": ("iptal", None),
        "E1.04": ("tamamlandi", 100),
        "E1.05": ("planlandi", 0),  # the cancelled project does not count
        "E1.06": ("yurutuluyor", 30),  # its only milestone is done on time
        "E1.07": ("gecikmede", 95),  # P6's end date has passed
    }
    a1 = by_code["E1.01"]
    assert a1.lead == "KTO" and a1.partners == ("ORAN",)
    assert a1.needs == ("e_ihracat", "belgelendirme")  # catalogue order
    assert a1.evidence == {"e_ihracat": 2, "belgelendirme": 1}
    assert a1.evidence_firms == 2  # F1 and F5 (the deleted F6 and planned visits not)
    assert a1.kpi.progress == pytest.approx(0.25)
    assert [p.code for p in a1.derived.late_projects] == ["P1"]
    assert a1.derived.late_projects[0].late_reason(TODAY) == "1 kilometre taşı gecikmede"
    assert [p.code for p in plan.late_projects] == ["P1", "P6"]
    assert plan.visited_firms == 3  # F1, F3, F5 (done visits of live firms)
    # fuar_heyet (F1) is reported but not answered; the rest of the catalogue follows.
    assert plan.uncovered[0] == action_plan.NeedGap("fuar_heyet", 1)
    assert "e_ihracat" not in {g.need for g in plan.uncovered}
    assert {g.need for g in plan.uncovered} >= {"lojistik", "finansman"}
    year1 = plan.by_year[0]
    assert (year1.key, year1.actions) == ("1", 7)
    assert year1.by_status["gecikmede"] == 2
    assert year1.progress == round((70 + 100 + 0 + 30 + 95) / 5)


def test_visit_needs_are_saved_replaced_and_refused_with_reasons(hand):
    ctx, _ids = hand
    with ctx.db.read() as s:
        vid = s.query(m.Visit.id).filter(m.Visit.needs == "Fuar desteği istiyor").scalar()
    visit_needs.set_needs(ctx.db, vid, [NeedItem("fuar_heyet", 1), NeedItem("lojistik", 3)])
    visit_needs.set_needs(ctx.db, vid, [NeedItem("lojistik", 2, "Navlun")])
    got = visit_needs.needs_of(ctx.db, vid)
    assert got.items == (NeedItem("lojistik", 2, "Navlun"),)
    assert got.free_text == "Fuar desteği istiyor"  # the old free text is kept
    with pytest.raises(NeedError, match=r"öncelik 1 \(yüksek\)"):
        visit_needs.set_needs(ctx.db, vid, [NeedItem("lojistik", 4)])
    with pytest.raises(NeedError, match="iki kez"):
        visit_needs.set_needs(ctx.db, vid, [NeedItem("lojistik", 1), NeedItem("lojistik", 2)])
    assert visit_needs.needs_of(ctx.db, vid).items == (NeedItem("lojistik", 2, "Navlun"),)
    with ctx.db.read() as s:
        audited = s.query(m.AuditEntry).filter(m.AuditEntry.entity == "visit").count()
    assert audited > 0


def test_free_text_needs_of_an_older_database_are_kept_and_shown(tmp_path):
    """A database made before structured needs (revision 0004) is migrated: each done
    visit's free text stays, the scorecard shows it and the findings list it."""
    import shutil
    from pathlib import Path

    from sqlalchemy import select

    from kayseri_desktop.services import scorecard
    from kayseri_desktop.services.context import open_context

    path = tmp_path / "old.sqlite"
    shutil.copyfile(Path(__file__).parent / "data" / "schema_0004.sqlite", path)
    ctx = open_context(path)  # migrates to head
    try:
        with ctx.db.read() as s:
            fid, text = s.execute(
                select(m.Visit.firm_id, m.Visit.needs)
                .where(m.Visit.status == "done", m.Visit.needs.is_not(None))
                .order_by(m.Visit.starts_at.desc())
                .limit(1)
            ).one()
            assert s.scalar(select(m.VisitNeed.need).limit(1)) is None
        card = scorecard.build(ctx.db, [fid])[0]
        assert card.needs == () and card.needs_text == text
        result = findings.findings(ctx.db)
        assert text in {r.free_text for r in result.free_text_only}
        assert result.needs == ()
    finally:
        ctx.close()
