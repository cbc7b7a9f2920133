"""one_of: a long list of values as one bound parameter, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from conftest import make_firm
from pg_support import fresh_url
from sqlalchemy import select

from kayseri_desktop.data import models as m
from kayseri_desktop.data.value_lists import one_of
from kayseri_desktop.services.context import open_context


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path, monkeypatch):
    url = tmp_path / "t.sqlite" if request.param == "sqlite" else fresh_url(monkeypatch)
    ctx = open_context(url)
    yield ctx.db
    ctx.close()


def test_strings_and_ints_match_exactly_and_an_empty_list_matches_nothing(db):
    titles = ["Çağrı", 'O\'Neil "Tır"', "İnci", "Işık"]
    with db.write() as s:
        firms = [make_firm(t, 100 + i) for i, t in enumerate(titles)]
        s.add_all(firms)
        s.flush()
        ids = [f.id for f in firms]
        taxes = [f.tax_no for f in firms]

    def titles_where(condition) -> list[str]:
        with db.read() as s:
            return sorted(s.scalars(select(m.Firm.title).where(condition)))

    wanted = [*titles[1:3], "İnci", "Inci", "yok"]  # repeats and near misses
    assert titles_where(one_of(m.Firm.title, wanted, db.backend)) == sorted(titles[1:3])
    many = [*(f"9{i:09d}" for i in range(5000)), taxes[0], taxes[3]]
    assert titles_where(one_of(m.Firm.tax_no, many, db.backend)) == sorted([titles[0], titles[3]])
    assert titles_where(one_of(m.Firm.id, [ids[1], 10**9], db.backend)) == [titles[1]]
    assert titles_where(one_of(m.Firm.id, [], db.backend)) == []
