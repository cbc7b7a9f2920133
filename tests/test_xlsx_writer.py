import datetime as dt

import pytest
from openpyxl import load_workbook

from kayseri_desktop.exchange import xlsx


def _write(path, rows):
    wb = xlsx.new_workbook()
    cols = [xlsx.Column("Unvan"), xlsx.Column("Çalışan"), xlsx.Column("Tarih"), xlsx.Column("USD")]
    xlsx.write_sheet(wb, "Firmalar", cols, rows)
    return xlsx.save_atomic(wb, path)


def test_sheet_has_frozen_bold_filtered_header_and_real_types(tmp_path):
    path = _write(tmp_path / "out.xlsx", [["ÇAĞRI A.Ş.", 120, dt.date(2026, 1, 31), 1250000.5]])
    ws = load_workbook(path)["Firmalar"]
    assert [c.value for c in ws[1]] == ["Unvan", "Çalışan", "Tarih", "USD"]
    assert ws["A1"].font.bold and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:D2"
    assert ws["B2"].value == 120 and ws["B2"].number_format == xlsx.FMT_INT
    assert ws["C2"].value == dt.datetime(2026, 1, 31) and ws["C2"].number_format == xlsx.FMT_DATE
    assert ws["D2"].value == 1250000.5


@pytest.mark.parametrize("text", ["=1+1", "+90 352 000 00 00", "-2", "@SUM(A1)", "\tx", "\n=x"])
def test_formula_like_text_is_kept_verbatim_as_inert_text(tmp_path, text):
    ws = load_workbook(_write(tmp_path / "f.xlsx", [[text, None, None, None]]))["Firmalar"]
    cell = ws["A2"]
    assert cell.value == text and cell.data_type == "s" and cell.quotePrefix


def test_failed_save_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "keep.xlsx"
    target.write_bytes(b"previous")

    class Boom:
        def save(self, _path):
            raise OSError("disk full")

    with pytest.raises(OSError):
        xlsx.save_atomic(Boom(), target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.xlsx"]


def test_streamed_rows_beyond_the_width_sample_keep_their_values_and_formats(tmp_path):
    """Rows past the width sample are streamed; reused styled cells must not leak values,
    formats or formula protection from one row into the next."""
    n = xlsx.WIDTH_SAMPLE + 250
    rows = []
    for i in range(n):
        if i % 3 == 0:
            rows.append((f"=HACK({i})", i, dt.date(2026, 1, 1 + i % 28), float(i) + 0.5))
        elif i % 3 == 1:
            rows.append((f"Firma {i}", None, dt.datetime(2026, 2, 1, 9, i % 60), i))
        else:
            rows.append((f"Firma {i}", str(i), None, True))
    path = _write(tmp_path / "many.xlsx", iter(rows))  # a generator: never held whole
    ws = load_workbook(path)["Firmalar"]
    assert ws.auto_filter.ref == f"A1:D{n + 1}"
    got = list(ws.iter_rows(min_row=2))
    assert len(got) == n
    for i, (a, b, c, d) in enumerate(got):
        if i % 3 == 0:
            assert a.value == f"=HACK({i})" and a.quotePrefix and a.data_type == "s"
            assert b.value == i and b.number_format == xlsx.FMT_INT
            assert c.value == dt.datetime(2026, 1, 1 + i % 28) and c.number_format == xlsx.FMT_DATE
            assert d.value == float(i) + 0.5 and d.number_format == xlsx.FMT_MONEY
        elif i % 3 == 1:
            assert a.value == f"Firma {i}" and not a.quotePrefix
            assert b.value is None
            assert c.value == dt.datetime(2026, 2, 1, 9, i % 60)
            assert c.number_format == xlsx.FMT_DATETIME
            assert d.value == i and d.number_format == xlsx.FMT_INT
        else:
            assert b.value == str(i) and b.number_format == "General"
            assert c.value is None and d.value == "Evet"


def test_a_target_open_elsewhere_is_reported_in_plain_turkish_and_kept(tmp_path, monkeypatch):
    """On Windows a workbook open in Excel cannot be replaced: the message says so."""
    import os

    from kayseri_desktop.exchange import atomic

    target = tmp_path / "firmalar.xlsx"
    target.write_bytes(b"previous")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    wb = xlsx.new_workbook()
    xlsx.write_sheet(wb, "Firmalar", [xlsx.Column("Unvan")], [["A"]])
    with pytest.raises(atomic.TargetLocked) as caught:
        xlsx.save_atomic(wb, target)
    assert str(caught.value).startswith("“firmalar.xlsx” yazılamadı: dosya başka bir programda")
    assert isinstance(caught.value, OSError)  # the windows' existing handlers show it
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["firmalar.xlsx"]


def test_carriage_returns_and_escape_like_text_read_back_as_written(tmp_path):
    """A raw "\\r" in the sheet's XML reads back as "\\n" (XML normalises line ends):
    it is written as Excel writes it, "_x000D_", and a text that itself looks like such
    an escape keeps its underscore."""
    from kayseri_desktop.exchange.xlsx_reader import XlsxFile

    texts = ["Satır 1\r\nSatır 2", "tek\rCR", "_x000D_ yazısı", "a_x0041_b", "\r", "=1\r2"]
    path = _write(tmp_path / "cr.xlsx", [[t, None, None, None] for t in texts])
    with XlsxFile(path) as book:
        assert [values[0] for _, values in book.read().rows[1:]] == texts
