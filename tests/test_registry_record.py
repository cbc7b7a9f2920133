"""registry.load() gives the form every field it edits, typed as FirmRecord."""

from __future__ import annotations

import datetime as dt

from kayseri_desktop.core.taxid import vkn_with_check_digit
from kayseri_desktop.services import registry


def test_a_loaded_firm_round_trips_through_the_form_fields(ctx):
    raw = {
        "title": "Erciyes Yay Sanayi A.Ş.",
        "tax_no": vkn_with_check_digit("000000042"),
        "sector": "metal",
        "employees": "45",
        "founded_year": "1998",
        "markets": "Irak, Almanya",
        "tags": "ihracatçı",
        "exports": [(2024, "250.000")],
        "contacts": [
            {"name": "Ayşe Kaya", "kvkk_consent": True, "kvkk_consent_date": "01.03.2025"}
        ],
    }
    firm_id = registry.save(ctx.db, registry.validate(raw, today=dt.date(2025, 6, 1)))

    record = registry.load(ctx.db, firm_id)

    assert set(registry.FIRM_FIELDS) <= set(record)
    assert set(record) == set(registry.FirmRecord.__annotations__)
    # What load gives, validate takes back unchanged: the form saves what it showed.
    again = registry.validate(dict(record), today=dt.date(2025, 6, 1))
    assert {k: again.fields[k] for k in registry.FIRM_FIELDS} == {
        k: record[k] for k in registry.FIRM_FIELDS
    }
    assert record["exports"] == [(2024, 250_000)]
    assert record["markets"] == ["DE", "IQ"]
    assert [c["name"] for c in record["contacts"]] == ["Ayşe Kaya"]
    assert record["contacts"][0]["kvkk_consent_date"] == dt.date(2025, 3, 1)
