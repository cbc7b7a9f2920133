"""Visit planning services: conflicts, recording findings, progress, place, staff."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import make_firm
from sqlalchemy import func, select

from kayseri_desktop.core import calendar_tr as cal
from kayseri_desktop.data import models as m
from kayseri_desktop.services import visits as sv
from kayseri_desktop.services import visits_conflicts as vc
from kayseri_desktop.services import visits_place, visits_progress, visits_staff

TODAY = dt.date(2026, 11, 25)  # a Wednesday
MON = dt.date(2026, 11, 30)


@pytest.fixture
def office(ctx):
    """Four firms (two in Kayseri OSB), three staff (one retired)."""
    with ctx.db.write() as s:
        s.add_all(
            [
                make_firm("Çağrı Mobilya A.Ş.", 300000001, district="kocasinan", osb="kayseri_osb"),
                make_firm("Işık Metal Ltd.", 300000002, district="kocasinan", osb="kayseri_osb"),
                make_firm("Dede Gıda", 300000003, district="talas", address="Talas Cd. 5"),
                make_firm("İnci Halı", 300000004, district="melikgazi"),
            ]
        )
        s.add_all(
            [
                m.Staff(name="Ayşe Yılmaz", kind="kto"),
                m.Staff(name="Ömer Çelik", kind="uzman"),
                m.Staff(name="Eski Üye", kind="universite", active=False),
            ]
        )
    return ctx


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def kinds(conflicts) -> list[str]:
    return sorted(c.kind for c in conflicts)


def test_calendar_has_turkish_holidays_with_their_names():
    assert cal.holiday(dt.date(2026, 3, 20)).name == "Ramazan Bayramı"
    assert cal.holiday(dt.date(2026, 5, 27)).name == "Kurban Bayramı"
    arife = cal.holiday(dt.date(2026, 5, 26))
    assert arife.half_day and "Kurban" in arife.name
    assert cal.holiday(dt.date(2026, 11, 25)) is None
    assert not cal.is_working_day(dt.date(2026, 10, 29))
    assert cal.is_working_day(dt.date(2026, 10, 28))  # half day
    assert not cal.is_working_day(TODAY, {TODAY})
    assert cal.week_start(TODAY) == dt.date(2026, 11, 23)
    assert cal.month_grid_start(TODAY) == dt.date(2026, 10, 26)
    assert cal.add_months(dt.date(2026, 12, 15), 1) == dt.date(2027, 1, 1)
    assert cal.week_title(dt.date(2026, 11, 30)) == "30 Kasım – 6 Aralık 2026"
    assert cal.long_date(TODAY) == "25 Kasım 2026 Çarşamba"


def test_a_clean_plan_has_no_conflicts_and_is_saved_with_its_team(office):
    draft = sv.VisitDraft(1, at(MON, 10), 90, (1, 2), "Saha değerlendirmesi", "Not")
    assert vc.find_conflicts(office.db, draft) == []
    vid = sv.plan_visit(office.db, draft)
    detail = sv.visit_detail(office.db, vid)
    assert (detail.status, detail.staff_ids, detail.purpose) == ("planned", [1, 2], draft.purpose)
    assert detail.ends_at == at(MON, 11, 30)
    blocks = sv.visits_between(office.db, MON, MON)
    assert [(b.firm_title, b.team) for b in blocks] == [
        ("Çağrı Mobilya A.Ş.", "Ayşe Yılmaz, Ömer Çelik")
    ]
    assert sv.visits_between(office.db, MON, MON, staff_id=3) == []


def test_staff_double_booking_names_the_person_and_the_other_firm(office):
    sv.plan_visit(office.db, sv.VisitDraft(1, at(MON, 10), 120, (1,)))
    clash = vc.find_conflicts(office.db, sv.VisitDraft(2, at(MON, 11), 60, (1, 2)))
    assert kinds(clash) == ["staff"]
    assert "Ayşe Yılmaz" in clash[0].message and "Çağrı Mobilya" in clash[0].message
    # back to back is fine; a cancelled visit frees the time
    assert vc.find_conflicts(office.db, sv.VisitDraft(2, at(MON, 12), 60, (1,))) == []


def test_firm_with_an_open_visit_is_warned_but_not_when_editing_that_visit(office):
    vid = sv.plan_visit(office.db, sv.VisitDraft(3, at(MON, 10), 60, (1,)))
    draft = sv.VisitDraft(3, at(MON + dt.timedelta(days=1), 10), 60, (2,))
    clash = vc.find_conflicts(office.db, draft)
    assert kinds(clash) == ["firm"] and "açık bir ziyareti" in clash[0].message
    assert vc.find_conflicts(office.db, draft, ignore_visit_id=vid) == []


@pytest.mark.parametrize(
    ("start", "minutes", "kind", "words"),
    [
        (at(dt.date(2026, 11, 28), 10), 60, "weekend", "Cumartesi"),
        (at(MON, 8), 60, "hours", "09:00–18:00"),
        (at(MON, 17, 30), 60, "hours", "dışında"),
        (at(dt.date(2026, 10, 29), 10), 60, "holiday", "Cumhuriyet Bayramı"),
        (at(dt.date(2027, 3, 10), 10), 60, "holiday", "Ramazan Bayramı"),
        (at(dt.date(2026, 5, 26), 12), 120, "half_day", "13:00"),
    ],
)
def test_calendar_conflicts(office, start, minutes, kind, words):
    clash = vc.find_conflicts(office.db, sv.VisitDraft(1, start, minutes, (1,)))
    assert kind in kinds(clash)
    assert any(words in c.message for c in clash)


def test_office_closed_day_and_retired_staff(office):
    visits_progress.add_closed_day(office.db, MON, "Envanter sayımı")
    clash = vc.find_conflicts(office.db, sv.VisitDraft(1, at(MON, 10), 60, (3,)))
    assert kinds(clash) == ["closed", "retired"]
    assert any("Envanter sayımı" in c.message for c in clash)
    assert any("Eski Üye" in c.message for c in clash)
    with pytest.raises(sv.VisitError, match="hafta sonu"):
        visits_progress.add_closed_day(office.db, dt.date(2026, 11, 29), "Pazar")
    visits_progress.remove_closed_day(office.db, MON)
    assert visits_progress.list_closed_days(office.db) == []


@pytest.mark.parametrize(
    ("draft", "words"),
    [
        (sv.VisitDraft(0, at(MON, 10), 60, (1,)), "Firma seçilmedi"),
        (sv.VisitDraft(1, at(MON, 10), 0, (1,)), "Süre"),
        (sv.VisitDraft(1, at(MON, 23), 120, (1,)), "gece yarısını"),
        (sv.VisitDraft(1, at(MON, 10), 60, ()), "Saha ekibi"),
    ],
)
def test_invalid_drafts_are_refused_and_nothing_is_written(office, draft, words):
    with pytest.raises(sv.VisitError, match=words):
        sv.plan_visit(office.db, draft)
    with office.db.read() as s:
        assert s.scalar(select(func.count(m.Visit.id))) == 0


def test_move_keeps_the_length_and_replans_a_postponed_visit(office):
    vid = sv.plan_visit(office.db, sv.VisitDraft(1, at(MON, 10), 90, (1,)))
    sv.set_outcome(office.db, vid, "postponed", "Firma yetkilisi yurt dışında")
    assert sv.visit_detail(office.db, vid).status_reason == "Firma yetkilisi yurt dışında"
    sv.move_visit(office.db, vid, at(MON + dt.timedelta(days=2), 14))
    d = sv.visit_detail(office.db, vid)
    assert (d.status, d.starts_at, d.ends_at) == (
        "planned",
        at(dt.date(2026, 12, 2), 14),
        at(dt.date(2026, 12, 2), 15, 30),
    )


def test_recording_findings_makes_the_firms_latest_field_evaluation(office):
    vid = sv.plan_visit(office.db, sv.VisitDraft(2, at(MON, 10), 60, (2,)))
    findings = sv.Findings(
        scores={"dijital": 4, "ihracat": 2, "yesil": 0},
        needs="Dış ticaret eğitimi",
        notes="Üretim hattı gezildi",
        follow_ups=(sv.FollowUpDraft("Eğitim takvimi gönder", "KTO", dt.date(2026, 12, 15)),),
    )
    eid = sv.record_done(office.db, vid, findings, today=MON)
    with office.db.read() as s:
        ev = s.get(m.Evaluation, eid)
        assert (ev.kind, ev.visit_id, ev.firm_id, ev.evaluator) == ("field", vid, 2, "Ömer Çelik")
        assert ev.evaluated_on == MON
        assert {sc.theme: sc.score for sc in ev.scores} == {"dijital": 4, "ihracat": 2}
    # recording again updates the same evaluation
    again = sv.record_done(office.db, vid, sv.Findings(scores={"dijital": 5}), today=MON)
    assert again == eid
    d = sv.visit_detail(office.db, vid)
    assert d.status == "done" and d.scores == {"dijital": 5} and d.follow_ups == []
    with pytest.raises(sv.VisitError, match="ertelenemez"):
        sv.set_outcome(office.db, vid, "postponed", "x")


def test_record_refuses_bad_findings_without_writing(office):
    vid = sv.plan_visit(office.db, sv.VisitDraft(2, at(MON, 10), 60, (1,)))
    with pytest.raises(sv.VisitError, match="en az bir temaya"):
        sv.record_done(office.db, vid, sv.Findings(scores={}))
    with pytest.raises(sv.VisitError, match="satır 1"):
        sv.record_done(
            office.db, vid, sv.Findings(scores={"dijital": 3}, follow_ups=(sv.FollowUpDraft(" "),))
        )
    with pytest.raises(sv.VisitError, match="gerekçe"):
        sv.set_outcome(office.db, vid, "cancelled", "  ")
    assert sv.visit_detail(office.db, vid).status == "planned"


def test_a_visit_ahead_of_today_cannot_be_recorded_done(office):
    ahead = TODAY + dt.timedelta(days=6)
    vid = sv.plan_visit(office.db, sv.VisitDraft(2, at(ahead, 10), 60, (1,)))
    with pytest.raises(sv.VisitError) as refused:
        sv.record_done(office.db, vid, sv.Findings(scores={"dijital": 4}), today=TODAY)
    assert str(refused.value).startswith(
        "Bu ziyaretin tarihi 01.12.2026, bugün 25.11.2026: ziyaret tarihi gelmeden "
        "“Yapıldı” olarak kaydedilemez."
    )
    assert sv.visit_detail(office.db, vid).status == "planned"
    with office.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Evaluation)) == 0
    assert visits_progress.progress(office.db, TODAY).done == 0
    # on its day (any hour) it can
    sv.record_done(office.db, vid, sv.Findings(scores={"dijital": 4}), today=ahead)
    assert sv.visit_detail(office.db, vid).status == "done"


def test_a_done_visit_cannot_be_moved_ahead_of_today(office):
    vid = sv.plan_visit(office.db, sv.VisitDraft(2, at(TODAY, 10), 60, (1,)))
    sv.record_done(office.db, vid, sv.Findings(scores={"dijital": 4}), today=TODAY)
    later = at(TODAY + dt.timedelta(days=2), 10)
    message = "Yapılmış bir ziyaret ileri bir tarihe (27.11.2026) taşınamaz; bugün 25.11.2026."
    with pytest.raises(sv.VisitError, match=re.escape(message)):
        sv.moved_draft(office.db, vid, later, today=TODAY)
    draft = sv.VisitDraft(2, later, 60, (1,))
    with pytest.raises(sv.VisitError, match=re.escape(message)):
        sv.update_visit(office.db, vid, draft, today=TODAY)
    assert sv.visit_detail(office.db, vid).starts_at == at(TODAY, 10)
    sv.move_visit(office.db, vid, at(TODAY, 14))  # the same day or earlier is fine
    assert sv.visit_detail(office.db, vid).starts_at == at(TODAY, 14)


def test_progress_and_burnup_never_count_a_visit_marked_done_ahead_of_its_day(office):
    """An old record (made before the rule) stays in the table but not in the count."""
    from kayseri_desktop.services import dashboard_stats

    past = sv.plan_visit(office.db, sv.VisitDraft(1, at(TODAY, 9), 60, (1,)))
    sv.record_done(office.db, past, sv.Findings(scores={"arge": 3}), today=TODAY)
    ahead = sv.plan_visit(office.db, sv.VisitDraft(2, at(MON, 10), 60, (1,)))
    with office.db.write() as s:
        s.get(m.Visit, ahead).status = "done"
    assert visits_progress.progress(office.db, TODAY).done == 1
    burnup = dashboard_stats.visit_burnup(office.db, TODAY)
    assert burnup.done == ((TODAY, 1),) and burnup.done_total == 1
    assert visits_progress.progress(office.db, MON).done == 2


def test_every_write_is_announced_on_the_bus(office):
    seen = []
    office.bus.subscribe(lambda c: seen.append(c.entity))
    vid = sv.plan_visit(office.db, sv.VisitDraft(2, at(MON, 10), 60, (1,)))
    sv.record_done(office.db, vid, sv.Findings(scores={"arge": 3}), today=MON)
    assert "visit" in seen and "evaluation" in seen


def test_progress_needs_pace_to_the_field_study_end(office):
    visits_progress.set_setting_date(office.db, "field_study_start", dt.date(2026, 11, 2))
    visits_progress.set_setting_date(office.db, "field_study_end", dt.date(2026, 12, 29))
    done = sv.plan_visit(office.db, sv.VisitDraft(1, at(dt.date(2026, 11, 10), 10), 60, (1,)))
    sv.record_done(office.db, done, sv.Findings(scores={"arge": 3}))
    sv.plan_visit(office.db, sv.VisitDraft(2, at(dt.date(2026, 11, 20), 10), 60, (1,)))
    sv.plan_visit(office.db, sv.VisitDraft(3, at(MON, 10), 60, (1,)))
    p = visits_progress.progress(office.db, TODAY)
    assert (p.target, p.done, p.planned, p.overdue, p.remaining) == (450, 1, 1, 1, 449)
    assert p.unplanned == 447
    assert p.weeks_left == pytest.approx(35 / 7)
    assert p.required_per_week == pytest.approx(449 / 5)
    assert p.pace_per_week == pytest.approx(1 / (23 / 7))
    assert p.on_track is False


def test_unvisited_firms_grouped_by_district_and_osb_and_a_day_plan(office):
    sv.plan_visit(office.db, sv.VisitDraft(4, at(TODAY, 10), 60, (1,)))
    groups = visits_place.unvisited_firms(office.db)
    assert [g.label for g in groups] == ["Kocasinan — Kayseri OSB", "Talas — OSB dışı"]
    assert [f.title for f in groups[0].firms] == ["Çağrı Mobilya A.Ş.", "Işık Metal Ltd."]
    drafts = visits_place.day_plan([1, 2], MON, dt.time(9, 30), 60, 30, [1, 2])
    assert [d.starts_at.time() for d in drafts] == [dt.time(9, 30), dt.time(11, 0)]
    assert vc.batch_conflicts(office.db, drafts) == []
    overlapping = [*drafts, sv.VisitDraft(3, at(MON, 11, 30), 60, (2,))]
    assert kinds(vc.batch_conflicts(office.db, overlapping)) == ["batch"]
    sv.plan_visits(office.db, drafts)
    assert [g.label for g in visits_place.unvisited_firms(office.db)] == ["Talas — OSB dışı"]
    with pytest.raises(sv.VisitError, match="sığmıyor"):
        visits_place.day_plan([1, 2, 3], MON, dt.time(16), 180, 30, [1])


def test_staff_add_edit_retire_and_upcoming_counts(office):
    sid = visits_staff.add_staff(office.db, visits_staff.StaffDraft("  Zeynep  Şahin ", "kto"))
    sv.plan_visit(office.db, sv.VisitDraft(1, at(MON, 10), 60, (sid,)))
    rows = {r.name: r for r in visits_staff.list_staff(office.db, TODAY)}
    assert rows["Zeynep Şahin"].upcoming == 1 and rows["Ayşe Yılmaz"].upcoming == 0
    with pytest.raises(sv.VisitError, match="E-posta"):
        visits_staff.edit_staff(
            office.db, sid, visits_staff.StaffDraft("Zeynep", "kto", email="x@")
        )
    visits_staff.edit_staff(office.db, sid, visits_staff.StaffDraft("Zeynep Ş.", "uzman", "Dr."))
    visits_staff.set_active(office.db, sid, False)
    active = visits_staff.list_staff(office.db, TODAY, active_only=True)
    assert [r.name for r in active] == ["Ayşe Yılmaz", "Ömer Çelik"]
