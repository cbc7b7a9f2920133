"""The rectangle calamine would allocate is measured before it reads (hostile files)."""

from __future__ import annotations

import re
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_registry_import import _with_part, build

from kayseri_desktop.exchange import xlsx_extent as xe
from kayseri_desktop.exchange.xlsx_reader import FileRefused, XlsxFile

HEAD = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def sheet(body: bytes, dimension: bytes | None = None) -> bytes:
    dim = b'<dimension ref="' + dimension + b'"/>' if dimension else b""
    return HEAD + dim + b"<sheetData>" + body + b"</sheetData></worksheet>"


def rows(n: int, start: int = 1) -> bytes:
    return b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(start, n))


@given(st.text("0123456789", min_size=1, max_size=7), st.text("0123456789", min_size=1, max_size=7))
def test_above_matches_exactly_the_later_row_numbers(limit, other):
    pattern = re.compile(xe._above(limit.lstrip("0") or "0", xe._DIGITS))
    later = (len(other), other) > (len(limit.lstrip("0") or "0"), limit.lstrip("0") or "0")
    assert (pattern.fullmatch(other) is not None) == later


@given(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=3),
       st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=3))  # fmt: skip
def test_above_matches_exactly_the_later_columns(limit, other):
    later = xe.column_number(other) > xe.column_number(limit)
    assert (re.fullmatch(xe._above(limit, xe._LETTERS), other) is not None) == later


def test_usual_sheet_is_bounded_by_its_checked_dimension():
    assert xe.cell_extent(sheet(rows(50), b"A1:A49"), 200_000, 300) == (49, 1)
    # The same cells without a dimension, or with a dimension they break out of, are walked.
    assert xe.cell_extent(sheet(rows(50)), 200_000, 300) == (49, 1)
    lying = sheet(rows(50) + b'<row r="150000"><c r="KN150000"><v>1</v></c></row>', b"A1:B2")
    assert xe.cell_extent(lying, 200_000, 300) == (150_000, 300)
    assert xe.cell_extent(b"<styleSheet><fonts/></styleSheet>", 200_000, 300) == (0, 0)


def test_parts_without_cells_are_not_walked(monkeypatch):
    """Shared strings with rich text (<color>), styles and themes hold "<c" and ":c"
    but no cell: they must not cost an XML walk (a shared-strings part can be large)."""
    monkeypatch.setattr(xe, "_walk", lambda *a: pytest.fail("walked a part without cells"))
    rich = b'<sst><si><r><rPr><color rgb="FFFF0000"/><rFont val="Calibri"/></rPr><t>A</t></r>'
    rich += b"</si></sst>" * 1000
    theme = b'<a:theme xmlns:a="x"><a:clrScheme name="Office"><a:dk1/></a:clrScheme></a:theme>'
    styles = b'<styleSheet><cellXfs count="1"><xf/></cellXfs><colors/></styleSheet>'
    for part in (rich, theme, styles):
        assert xe.cell_extent(part, 200_000, 300) == (0, 0)


def test_cells_without_references_take_the_next_column_as_calamine_places_them():
    body = b'<row r="3"><c r="B3"><v>1</v></c><c><v>2</v></c><c t="n"><v>3</v></c></row><row>'
    body += b"<c><v>4</v></c></row>"
    assert xe.cell_extent(sheet(body, b"B3:D3"), 200_000, 300) == (4, 4)
    prefixed = body.replace(b"<c", b"<x:c").replace(b"</c>", b"</x:c>").replace(b"<row", b"<x:row")
    prefixed = prefixed.replace(b"</row>", b"</x:row>")
    assert xe.cell_extent(sheet(prefixed, b"B3:D3"), 200_000, 300) == (4, 4)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        # two cells at opposite corners of a 200,000 x 300 rectangle (a 300-byte file)
        (
            b'<row r="1"><c r="A1"><v>1</v></c></row>'
            b'<row r="199999"><c r="KN199999"><v>1</v></c></row>',
            "199.999 satır × 300 sütunluk bir alana yayılıyor (59.999.700 hücre; en çok 5 milyon)",
        ),
        # one row of 20,000 cells written without references, then 30,000 short rows
        (
            b'<row r="1">' + b"<c><v>1</v></c>" * 20_000 + b"</row>" + rows(30_000, 2),
            "sayfada 300 sütundan çok sütun var (en az 301)",
        ),
        # the same with the cells' namespace prefix spelled out
        (
            b'<x:row r="1">' + b"<x:c><x:v>1</x:v></x:c>" * 400 + b"</x:row>",
            "sayfada 300 sütundan çok sütun var",
        ),
        # 20,000 rows by 260 columns: under each limit, over the cell limit
        (
            rows(20_000) + b'<row r="20000"><c r="IZ20000"><v>1</v></c></row>',
            "20.000 satır × 260 sütunluk bir alana yayılıyor (5.200.000 hücre",
        ),
        # a row number beyond the sheet limit
        (rows(3) + b'<row r="250000"><c r="A250000"><v>1</v></c></row>', "200.000 satırdan çok"),
    ],
    ids=["corners", "unreferenced-row", "prefixed", "too-many-cells", "too-many-rows"],
)
def test_sheets_spanning_an_absurd_rectangle_are_refused_before_calamine_reads(
    tmp_path, body, reason
):
    good = build(tmp_path / "iyi.xlsx")
    hostile = _with_part(good, tmp_path / "kotu.xlsx", "xl/worksheets/sheet1.xml", sheet(body))
    with pytest.raises(FileRefused, match="yeni bir çalışma kitabına kopyalayarak") as refused:
        XlsxFile(hostile)
    assert reason in str(refused.value)


def test_unusual_but_small_sheets_are_still_read(tmp_path):
    good = build(tmp_path / "iyi.xlsx")
    body = '<row r="2"><c r="B2" t="inlineStr"><is><t>Çağrı</t></is></c><c><v>7</v></c></row>'
    body = body.encode()
    path = _with_part(good, tmp_path / "tuhaf.xlsx", "xl/worksheets/sheet1.xml", sheet(body))
    with XlsxFile(path) as book:
        assert book.read().rows == [(2, [None, "Çağrı", 7])]
    with zipfile.ZipFile(path) as z:
        assert b"<dimension" not in z.read("xl/worksheets/sheet1.xml")
