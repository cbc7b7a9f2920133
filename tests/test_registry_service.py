"""services/registry.py and services/firm_index.py: save, concurrency, soft delete, search."""

from __future__ import annotations

import pytest

from kayseri_desktop.core.taxid import tckn_with_check_digits, vkn_with_check_digit
from kayseri_desktop.data import models as m
from kayseri_desktop.services import firm_history, registry
from kayseri_desktop.services.firm_index import Filters, FirmIndex


def vkn(serial: int) -> str:
    return vkn_with_check_digit(f"{serial:09d}")


def add(db, title: str, serial: int, **extra) -> int:
    raw = {"title": title, "tax_no": vkn(serial), **extra}
    return registry.save(db, registry.validate(raw))


@pytest.fixture
def firms(ctx):
    ids = {
        "cagri": add(
            ctx.db,
            "ÇAĞRI MOBİLYA A.Ş.",
            1,
            sector="mobilya",
            district="melikgazi",
            employees="120",
            markets="Almanya, Irak",
            tags="ihracatçı",
            products="Koltuk, yatak",
            exports=[(2025, "1.250.000")],
        ),
        "isik": add(
            ctx.db,
            "Işık Metal Ltd. Şti.",
            2,
            sector="metal",
            district="kocasinan",
            employees="8",
            contacts=[{"name": "Ömer Çelik"}],
        ),
        "kayseri": add(ctx.db, "KAYSERİ GIDA SAN.", 3, sector="gida", district="talas"),
        "cam": add(ctx.db, "Cam Ambalaj", 4, sector="ambalaj", employees="300"),
    }
    return ids


def test_validation_names_every_bad_field():
    with pytest.raises(registry.ValidationFailed) as err:
        registry.validate(
            {"title": " ", "tax_no": "123", "email": "x@", "phone": "12", "founded_year": "1700"}
        )
    assert set(err.value.errors) == {"title", "tax_no", "email", "phone", "founded_year"}
    assert err.value.errors["title"] == "Unvan boş olamaz."


def test_contacts_need_a_consent_date_when_consent_is_ticked():
    raw = {"title": "A", "tax_no": vkn(9), "contacts": [{"name": "Ali", "kvkk_consent": True}]}
    with pytest.raises(registry.ValidationFailed) as err:
        registry.validate(raw)
    assert "Yetkili satırı 1" in err.value.errors["contacts"]


def test_a_tax_number_already_used_names_the_firm(ctx, firms):
    with pytest.raises(registry.ValidationFailed) as err:
        add(ctx.db, "Başka A.Ş.", 1)
    assert (
        err.value.errors["tax_no"]
        == "Bu vergi numarası zaten “ÇAĞRI MOBİLYA A.Ş.” firmasına kayıtlı."
    )


def test_sole_proprietor_with_tckn(ctx):
    fid = add(ctx.db, "Ahmet Usta", 0, tax_no=tckn_with_check_digits("123456789"))
    assert registry.load(ctx.db, fid)["tax_no"] == tckn_with_check_digits("123456789")


def test_save_keeps_keys_size_class_and_children(ctx, firms):
    data = registry.load(ctx.db, firms["cagri"])
    assert data["size_class"] == "orta"
    assert data["markets"] == ["DE", "IQ"]
    assert data["exports"] == [(2025, 1_250_000)]
    with ctx.db.read() as s:
        firm = s.get(m.Firm, firms["isik"])
        assert "omer celik" in firm.search_text  # contact names are searchable
        assert firm.title_sort < s.get(m.Firm, firms["kayseri"]).title_sort


def test_an_edit_of_a_stale_form_is_refused_not_overwritten(ctx, firms):
    opened = registry.load(ctx.db, firms["cam"])  # the form opens on version 1
    other = registry.load(ctx.db, firms["cam"])
    other["employees"] = "310"
    registry.save(ctx.db, registry.validate(other), firms["cam"])  # someone else saves
    opened["title"] = "Cam Ambalaj Yeni"
    with pytest.raises(registry.ConcurrentEditError, match="başka bir kullanıcı"):
        registry.save(ctx.db, registry.validate(opened), firms["cam"])
    assert registry.load(ctx.db, firms["cam"])["title"] == "Cam Ambalaj"
    fresh = registry.load(ctx.db, firms["cam"])  # reload, then the save goes through
    fresh["title"] = "Cam Ambalaj Yeni"
    registry.save(ctx.db, registry.validate(fresh), firms["cam"])
    assert registry.load(ctx.db, firms["cam"])["employees"] == 310


def test_soft_delete_restore_and_history(ctx, firms):
    assert registry.soft_delete(ctx.db, [firms["cam"]]) == [firms["cam"]]
    assert [r.title for r in registry.recycle_bin(ctx.db)] == ["Cam Ambalaj"]
    assert len(FirmIndex.load(ctx.db)) == 3
    assert registry.restore(ctx.db, [firms["cam"]]) == [firms["cam"]]
    assert registry.recycle_bin(ctx.db) == []
    data = registry.load(ctx.db, firms["cam"])
    data["employees"] = "305"
    registry.save(ctx.db, registry.validate(data), firms["cam"])
    actions = [
        (a.action, a.field, a.old, a.new) for a in firm_history.history(ctx.db, firms["cam"]).audit
    ]
    assert ("update", "employees", "300", "305") in actions
    assert ("delete", None, None, None) in actions and ("restore", None, None, None) in actions
    assert actions[-1][0] == "create"


def test_saving_announces_once_on_the_bus(ctx, firms):
    seen = []
    ctx.bus.subscribe(seen.append)
    data = registry.load(ctx.db, firms["isik"])
    data["tags"] = "yeni, UR-GE"
    registry.save(ctx.db, registry.validate(data), firms["isik"])
    assert [(c.entity, set(c.ids)) for c in seen] == [("firm", {firms["isik"]})]


# -- the in-memory index ---------------------------------------------------------------


def titles(index: FirmIndex, rows) -> list[str]:
    return [index.title[p] for p in rows]


def test_search_is_turkish_and_diacritic_insensitive(ctx, firms):
    index = FirmIndex.load(ctx.db, export_year=2025)
    assert titles(index, index.select("cagri")) == ["ÇAĞRI MOBİLYA A.Ş."]
    assert titles(index, index.select("ISIK")) == ["Işık Metal Ltd. Şti."]
    assert titles(index, index.select("kayseri")) == ["KAYSERİ GIDA SAN."]
    assert titles(index, index.select("omer")) == ["Işık Metal Ltd. Şti."]  # contact
    assert titles(index, index.select("yatak")) == ["ÇAĞRI MOBİLYA A.Ş."]  # products
    assert titles(index, index.select(vkn(4))) == ["Cam Ambalaj"]  # tax number
    assert titles(index, index.select("ihracatci")) == ["ÇAĞRI MOBİLYA A.Ş."]  # tags
    # typing on narrows the previous result; deleting a letter widens it again
    assert len(index.select("a")) == 4
    assert titles(index, index.select("am")) == ["Cam Ambalaj"]
    assert len(index.select("a")) == 4


def test_filters_combine_and_sorts_are_turkish(ctx, firms):
    index = FirmIndex.load(ctx.db, export_year=2025)
    assert titles(index, index.select()) == [
        "Cam Ambalaj", "ÇAĞRI MOBİLYA A.Ş.", "Işık Metal Ltd. Şti.", "KAYSERİ GIDA SAN."
    ]  # fmt: skip
    assert titles(index, index.select("", Filters(market="DE"))) == ["ÇAĞRI MOBİLYA A.Ş."]
    both = Filters(sizes=frozenset({"orta", "buyuk"}), districts=frozenset({"melikgazi"}))
    assert titles(index, index.select("", both)) == ["ÇAĞRI MOBİLYA A.Ş."]
    assert index.select("", Filters(evaluated=True)) == []
    assert len(index.select("", Filters(visited=False))) == 4
    assert titles(index, index.select("", Filters(tag="ihracatçı"))) == ["ÇAĞRI MOBİLYA A.Ş."]
    by_staff = index.select(sort_key="employees", descending=True)
    assert titles(index, by_staff) == [
        "Cam Ambalaj",
        "ÇAĞRI MOBİLYA A.Ş.",
        "Işık Metal Ltd. Şti.",
        "KAYSERİ GIDA SAN.",
    ]  # fmt: skip  (unknown employees last, whatever the direction)
    by_district = titles(index, index.select(sort_key="district"))
    assert by_district[:3] == ["Işık Metal Ltd. Şti.", "ÇAĞRI MOBİLYA A.Ş.", "KAYSERİ GIDA SAN."]
    assert index.text("markets", index.select("cagri")[0]) == "Almanya, Irak"
    assert index.exports[index.select("cagri")[0]] == 1_250_000
