"""Meetings, decisions as action items and carry-over through services/meetings.py."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY

from kayseri_desktop.services import coordination as co
from kayseri_desktop.services import meetings as mt


@pytest.fixture
def owners(ctx):
    kto = co.save_institution(ctx.db, co.InstitutionData("Kayseri Ticaret Odası", "oda", "KTO"))
    erü = co.save_institution(ctx.db, co.InstitutionData("Erciyes Üniversitesi", "universite"))
    return kto, erü


def first_meeting(ctx, owners) -> int:
    kto, erü = owners
    return mt.save_meeting(
        ctx.db,
        mt.MeetingData(
            dt.date(2026, 9, 10),
            "KTO Meclis Salonu",
            attendees=[mt.AttendeeData(kto), mt.AttendeeData(None, "Ayşe Yılmaz (raportör)")],
            agenda=[mt.AgendaData("Açılış")],
            decisions=[
                mt.DecisionData("Fuar raporu hazırlansın", kto, dt.date(2026, 10, 1)),
                mt.DecisionData("Anket uygulansın", erü, dt.date(2027, 1, 15)),
                mt.DecisionData("Basın bülteni", kto, status="done"),
            ],
        ),
        today=TODAY,
    )


def test_open_decisions_are_carried_into_the_next_meeting(ctx, owners):
    first = first_meeting(ctx, owners)
    seen = []
    ctx.bus.subscribe(lambda ch: seen.append(ch.entity))
    second = mt.save_meeting(
        ctx.db, mt.MeetingData(dt.date(2026, 12, 10), agenda=[mt.AgendaData("Dilek ve temenniler")])
    )
    assert set(seen) >= {"meeting"}
    agenda = mt.meeting_agenda(ctx.db, second)
    assert [(a.text, a.carried) for a in agenda] == [
        ("Devreden karar: Fuar raporu hazırlansın (10.09.2026)", True),
        ("Devreden karar: Anket uygulansın (10.09.2026)", True),
        ("Dilek ve temenniler", False),
    ]
    # Saving again does not carry twice; the first meeting gets nothing of its own.
    mt.save_meeting(ctx.db, mt.load_meeting(ctx.db, second), second)
    assert len(mt.meeting_agenda(ctx.db, second)) == 3
    assert [a.carried for a in mt.meeting_agenda(ctx.db, first)] == [False]
    # A decision closed before the third meeting is not carried any more.
    done = mt.open_action_items(ctx.db, TODAY)[0]
    mt.set_decision_status(ctx.db, done.id, "done", TODAY)
    third = mt.save_meeting(ctx.db, mt.MeetingData(dt.date(2027, 3, 10)))
    assert [a.text for a in mt.meeting_agenda(ctx.db, third)] == [
        "Devreden karar: Anket uygulansın (10.09.2026)"
    ]
    rows = {r.id: r for r in mt.meetings(ctx.db)}
    assert (rows[second].carried, rows[third].carried, rows[first].attendees) == (2, 1, 2)


def test_open_action_items_by_owner_with_late_ones_marked(ctx, owners):
    _, erü = owners
    first_meeting(ctx, owners)
    items = mt.open_action_items(ctx.db, TODAY)
    assert [(i.text, i.owner, i.late) for i in items] == [
        ("Fuar raporu hazırlansın", "KTO", True),
        ("Anket uygulansın", "Erciyes Üniversitesi", False),
    ]
    assert [i.text for i in mt.open_action_items(ctx.db, TODAY, owner_id=erü)] == [
        "Anket uygulansın"
    ]
    # Closing sets the day; reopening clears it.
    item = items[0]
    mt.set_decision_status(ctx.db, item.id, "cancelled", TODAY)
    (row,) = [r for r in mt.meeting_decisions(ctx.db, item.meeting_id, TODAY) if r.id == item.id]
    assert (row.status, row.closed_on) == ("cancelled", TODAY)
    mt.set_decision_status(ctx.db, item.id, "open", TODAY)
    (row,) = [r for r in mt.meeting_decisions(ctx.db, item.meeting_id, TODAY) if r.id == item.id]
    assert (row.status, row.closed_on, row.late) == ("open", None, True)


def test_meeting_validation_names_the_row(ctx, owners):
    data = mt.MeetingData(
        dt.date(2026, 9, 10),
        attendees=[mt.AttendeeData(None, "  ")],
        decisions=[mt.DecisionData("Tamam"), mt.DecisionData("", due_date=dt.date(2026, 1, 1))],
    )
    with pytest.raises(co.ValidationError) as err:
        mt.save_meeting(ctx.db, data)
    assert err.value.errors == [
        "Katılımcı 1: kurum ya da kişi adı girilmeli.",
        "Karar 2, Karar metni: boş olamaz.",
        "Karar 2, Son tarih: toplantı tarihinden önce olamaz.",
    ]
    assert mt.meetings(ctx.db) == []
    with pytest.raises(co.ValidationError, match="Toplantı tarihi girilmeli"):
        mt.save_meeting(ctx.db, mt.MeetingData(None))


def test_editing_a_meeting_keeps_decision_ids(ctx, owners):
    first = first_meeting(ctx, owners)
    data = mt.load_meeting(ctx.db, first)
    ids = [d.id for d in data.decisions]
    data.decisions[0].text = "Fuar raporu 1 Ekim'e kadar hazırlansın"
    del data.decisions[2]
    mt.save_meeting(ctx.db, data, first)
    again = mt.load_meeting(ctx.db, first)
    assert [d.id for d in again.decisions] == ids[:2]
    assert again.decisions[0].text == "Fuar raporu 1 Ekim'e kadar hazırlansın"
