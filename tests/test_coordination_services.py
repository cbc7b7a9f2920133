"""Institutions, projects and milestones through services/coordination.py (no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY, make_firm
from sqlalchemy import func, select

from kayseri_desktop.data import models as m
from kayseri_desktop.services import coordination as co
from kayseri_desktop.services import coordination_institutions as insts_mod
from kayseri_desktop.services import coordination_lists as lists


def add_institution(db, name, short=None, kind="oda") -> int:
    return co.save_institution(db, co.InstitutionData(name, kind, short))


@pytest.fixture
def insts(ctx):
    return {
        "kto": add_institution(ctx.db, "Kayseri Ticaret Odası", "KTO"),
        "erü": add_institution(ctx.db, "Erciyes Üniversitesi", "ERÜ", "universite"),
        "ito": add_institution(ctx.db, "İncesu Ticaret Borsası", None, "borsa"),
    }


def project(lead, **values) -> co.ProjectData:
    base = dict(
        code="P-10",
        title="Dijital Dönüşüm Kampı",
        theme="dijital",
        roadmap_year=1,
        lead_id=lead,
        start_date=dt.date(2026, 1, 1),
        end_date=dt.date(2026, 12, 31),
        budget_try=1_000_000.0,
        spent_try=250_000.0,
        progress=30,
    )
    base.update(values)
    return co.ProjectData(**base)


def test_institution_names_are_unique_whatever_the_case(ctx, insts):
    with pytest.raises(co.ValidationError) as err:
        add_institution(ctx.db, "KAYSERİ TİCARET ODASI")
    assert "zaten var" in str(err.value)
    with pytest.raises(co.ValidationError) as err:
        co.save_institution(ctx.db, co.InstitutionData("  ", "yok"))
    assert err.value.errors == ["Kurum adı boş olamaz.", "Kurum türü geçersiz: 'yok'."]
    # Renaming keeps the Turkish sort key in step.
    renamed = co.InstitutionData("Çukurova Kalkınma Ajansı", "kamu")
    co.save_institution(ctx.db, renamed, insts["ito"])
    names = [r.name for r in insts_mod.institutions(ctx.db, TODAY)]
    assert names == ["Çukurova Kalkınma Ajansı", "Erciyes Üniversitesi", "Kayseri Ticaret Odası"]


def test_project_validation_names_every_problem_and_writes_nothing(ctx, insts):
    bad = project(
        insts["kto"],
        code="",
        end_date=dt.date(2025, 12, 1),
        spent_try=2_000_000.0,
        progress=120,
        partners=[(insts["kto"], "partner"), (insts["erü"], "boss"), (insts["erü"], "funder")],
        milestones=[co.MilestoneData("", None)],
    )
    with pytest.raises(co.ValidationError) as err:
        co.save_project(ctx.db, bad)
    assert err.value.errors == [
        "Proje kodu boş olamaz.",
        "Bitiş tarihi (01.12.2025) başlangıçtan (01.01.2026) önce olamaz.",
        "Harcama (2.000.000,00 TL) bütçeyi (1.000.000,00 TL) aşamaz.",
        "İlerleme %0 ile %100 arasında olmalı.",
        "Ortak 1: yürütücü kurum aynı projede ortak olarak da yer alamaz.",
        "Ortak 2: rol geçersiz ('boss').",
        "Ortak 3: bu kurum listede birden çok kez var.",
        "Kilometre taşı 1, Başlık: boş olamaz.",
        "Kilometre taşı 1, Son tarih: girilmeli.",
    ]
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Project)) == 0


def test_a_joint_project_with_partners_firms_and_milestones(ctx, insts):
    with ctx.db.write() as s:
        firms = [make_firm("Çağrı Mobilya", 100000001), make_firm("Işık Metal", 100000002)]
        s.add_all(firms)
    seen = []
    ctx.bus.subscribe(lambda ch: seen.append(ch.entity))
    data = project(
        insts["kto"],
        partners=[(insts["erü"], "partner"), (insts["ito"], "funder")],
        firm_ids=[firms[0].id, firms[1].id],
        milestones=[
            co.MilestoneData("Eğitim programı", dt.date(2026, 3, 1), insts["erü"]),
            co.MilestoneData("Kapanış", dt.date(2026, 12, 1), insts["kto"]),
        ],
    )
    pid = co.save_project(ctx.db, data)
    assert "project" in seen and "milestone" in seen
    (row,) = lists.projects(ctx.db, TODAY)
    assert (row.lead, row.partners, row.firms) == ("KTO", "ERÜ, İncesu Ticaret Borsası", 2)
    assert (row.milestones_open, row.milestones_late, row.late, row.behind) == (2, 1, False, True)
    # Each institution's page sees it from its side.
    page = insts_mod.institution_page(ctx.db, insts["erü"], TODAY)
    assert [(p.code, role) for p, role in page.partnered] == [("P-10", "partner")]
    assert [ms.title for ms in page.milestones] == ["Eğitim programı"]
    assert page.late_milestones == 1
    kto = insts_mod.institution_page(ctx.db, insts["kto"], TODAY)
    assert [p.code for p in kto.led] == ["P-10"] and kto.late_milestones == 0
    # The firm's side.
    assert [p.code for p in co.projects_for_firm(ctx.db, firms[0].id)] == ["P-10"]
    # Marking the late milestone done clears it.
    ms_id = next(ms.id for ms in lists.milestones(ctx.db, TODAY) if ms.late)
    co.set_milestone_done(ctx.db, ms_id, TODAY)
    assert lists.projects(ctx.db, TODAY)[0].milestones_late == 0
    # Editing round-trips: drop a partner and a firm, change a role.
    loaded = co.load_project(ctx.db, pid)
    loaded.partners = [(insts["erü"], "supporter")]
    loaded.firm_ids = [firms[1].id]
    co.save_project(ctx.db, loaded, pid)
    again = co.load_project(ctx.db, pid)
    assert again.partners == [(insts["erü"], "supporter")]
    assert again.firm_ids == [firms[1].id]
    assert [ms.done_on for ms in again.milestones] == [TODAY, None]


def test_codes_are_unique_and_lead_partner_rule_applies_on_edit(ctx, insts):
    co.save_project(ctx.db, project(insts["kto"]))
    with pytest.raises(co.ValidationError, match="'P-10' kodlu bir proje zaten var"):
        co.save_project(ctx.db, project(insts["erü"]))


def test_filters_and_late_projects(ctx, insts):
    co.save_project(ctx.db, project(insts["kto"], end_date=dt.date(2026, 10, 1), status="running"))
    co.save_project(
        ctx.db,
        project(
            insts["erü"],
            code="P-11",
            theme="yesil",
            roadmap_year=2,
            status="idea",
            partners=[(insts["kto"], "supporter")],
        ),
    )
    codes = lambda **f: [p.code for p in lists.projects(ctx.db, TODAY, lists.ProjectFilter(**f))]  # noqa: E731
    assert codes() == ["P-10", "P-11"]
    assert codes(institution_id=insts["kto"]) == ["P-10", "P-11"]
    assert codes(institution_id=insts["erü"]) == ["P-11"]
    assert codes(theme="yesil") == ["P-11"]
    assert codes(roadmap_year=1) == ["P-10"]
    assert codes(status="idea") == ["P-11"]
    assert codes(late_only=True) == ["P-10"]
    row = next(r for r in insts_mod.institutions(ctx.db, TODAY) if r.id == insts["kto"])
    assert (row.projects_led, row.projects_partnered, row.late) == (1, 1, 1)


def test_roadmap_bands_follow_the_programme_start(ctx):
    with ctx.db.write() as s:
        s.add(m.Setting(key="programme_start", value="2025-10-01"))
    bands = lists.roadmap_bands(ctx.db)
    assert bands[0] == (1, dt.date(2025, 10, 1), dt.date(2026, 10, 1))
    assert bands[2] == (3, dt.date(2027, 10, 1), dt.date(2028, 10, 1))


def test_a_stale_edit_is_refused_and_changes_nothing(ctx, insts):
    pid = co.save_project(ctx.db, project(insts["kto"]))
    mine = co.load_project(ctx.db, pid)
    theirs = co.load_project(ctx.db, pid)
    theirs.milestones = [co.MilestoneData("Onların", dt.date(2026, 6, 1))]
    co.save_project(ctx.db, theirs, pid)  # only a child row changed: the version moves
    mine.title = "Benim başlığım"
    with pytest.raises(co.ValidationError, match="başka biri tarafından değiştirildi"):
        co.save_project(ctx.db, mine, pid)
    again = co.load_project(ctx.db, pid)
    assert again.title == "Dijital Dönüşüm Kampı"
    assert [ms.title for ms in again.milestones] == ["Onların"]
    # Marking a milestone done also makes an open edit stale.
    fresh = co.load_project(ctx.db, pid)
    co.set_milestone_done(ctx.db, again.milestones[0].id, TODAY)
    with pytest.raises(co.ValidationError):
        co.save_project(ctx.db, fresh, pid)


def test_a_read_only_database_refuses_with_a_turkish_message(ctx, insts):
    from kayseri_desktop.services.context import open_context

    ro = open_context(ctx.db.path, readonly=True)
    try:
        with pytest.raises(co.ValidationError, match="salt okunur"):
            co.save_institution(ro.db, co.InstitutionData("Yeni Kurum", "oda"))
    finally:
        ro.close()


def test_firm_picker_finds_by_folded_title_or_tax_number(ctx):
    with ctx.db.write() as s:
        s.add_all([make_firm("ÇAĞRI Mobilya", 100000001), make_firm("%100 Gıda", 100000002)])
        s.add(make_firm("Silinen Ltd.", 100000003, deleted_at=dt.datetime(2026, 1, 1)))
    assert [c.label for c in co.find_firms(ctx.db, "cagri")] == ["ÇAĞRI Mobilya"]
    assert [c.label for c in co.find_firms(ctx.db, "%")] == ["%100 Gıda"]
    tax_no = make_firm("x", 100000001).tax_no
    assert [c.label for c in co.find_firms(ctx.db, tax_no)] == ["ÇAĞRI Mobilya"]
    assert [c.label for c in co.find_firms(ctx.db, "")] == ["%100 Gıda", "ÇAĞRI Mobilya"]


def test_firm_labels_come_in_turkish_order_however_many_are_asked(ctx):
    """A project's target firms (hundreds of them) are listed in one Turkish order."""
    words = ["Zeytin", "Çağrı", "Işık", "İnci", "Cam", "Şeker", "Dede", "Ördek"]
    titles = [f"{words[i % len(words)]} {i:04d}" for i in range(700)]
    with ctx.db.write() as s:
        firms = [make_firm(t, 5000 + i) for i, t in enumerate(titles)]
        s.add_all(firms)
        s.flush()
        ids = [f.id for f in firms]
    labels = co.firm_labels(ctx.db, reversed(ids))
    order = ["Cam", "Çağrı", "Dede", "Işık", "İnci", "Ördek", "Şeker", "Zeytin"]
    expected = sorted(titles, key=lambda t: (order.index(t.split()[0]), t.split()[1]))
    assert [c.label for c in labels] == expected
    assert co.firm_labels(ctx.db, []) == []
