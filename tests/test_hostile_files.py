"""Hostile files are refused with a reason, within 1 GB of memory (issue 15).

Each file (tests/hostile_files.py) is opened by the import's reader in a child process
whose address space is capped at 1 GB (resource.setrlimit RLIMIT_AS): a reader that
inflated the file first would fail there (MemoryError, or calamine's Rust allocation
failure aborting the process) instead of refusing it.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import hostile_files as hf
import openpyxl
import pytest

from kayseri_desktop.exchange.xlsx_reader import FileRefused, XlsxFile

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 1024**3
CHILD = f"""
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT}))
from kayseri_desktop.exchange.xlsx_reader import FileRefused, XlsxFile
try:
    with XlsxFile(sys.argv[1]) as book:
        book.read()
    print("OKUNDU")
except FileRefused as exc:
    print("REDDEDİLDİ", exc)
"""
MB = 1024 * 1024


def open_capped(path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


@pytest.mark.parametrize(
    ("build", "reason"),
    [
        (
            lambda d: hf.shared_string_cells(d / "ss.xlsx", MB, 2_000),
            "en az 100.000 karakterlik metin var; Excel bir hücrede en çok 32.767 karakter tutar",
        ),
        (
            lambda d: hf.shared_string_cells(d / "ss2.xlsx", 50_000, 5_000),
            "açıldığında 250.080.000 karakteri buluyor",
        ),
        (
            lambda d: hf.lying_size(d / "lying.xlsx", 1200 * MB),
            "“xl/worksheets/sheet1.xml” parçası bildirdiği boyutu (5.120 bayt)",
        ),
        (lambda d: hf.long_cell(d / "cell.xlsx", 150 * MB), "karakterlik metin var"),
        (lambda d: hf.ods_repeats(d / "rep.ods", 1_000_000, 1), "200.000 satırdan çok"),
        (
            lambda d: hf.ods_repeats(d / "text.ods", 100_000, 100),
            "açıldığında 120.000.000 karakteri buluyor",
        ),
        (lambda d: hf.ods_repeats(d / "wide.ods", 10, 100_000), "300 sütundan çok"),
        (lambda d: hf.ods_spaces(d / "spaces.ods", 500_000_000), "karakterlik metin var"),
        (
            lambda d: hf.xls_shared_string(d / "ss.xls", 30_000, 5_000),
            "açıldığında 100.020.000 karakteri buluyor",
        ),
        (
            lambda d: hf.csv_long_field(d / "long.csv", 200_000),
            "(2. satır) en az 100.000 karakterlik",
        ),
        (
            lambda d: hf.xlsb(d / "far.xlsb", [(0, [1.0]), (1_048_000, [1.0])]),
            "200.000 satırdan çok satır var",
        ),
        (
            lambda d: hf.xlsb(d / "ss.xlsb", [(r, [0, 0]) for r in range(2_500)], ["A" * 50_000]),
            "açıldığında 100.050.000 karakteri buluyor",  # counting stops past the limit,
        ),
        (
            lambda d: hf.many_cells(d / "many.xlsx", 120_000, 60),  # 185 MB of honest XML
            "120.000 satır × 60 sütunluk bir alana yayılıyor (7.200.000 hücre; en çok 5 milyon)",
        ),
    ],
    ids=[
        "1MB-string-x2000",
        "50k-string-x5000",
        "lying-size",
        "150MB-cell",
        "ods-rows",
        "ods-text",
        "ods-columns",
        "ods-spaces",
        "xls-strings",
        "csv-field",
        "xlsb-rows",
        "xlsb-strings",
        "185MB-of-cells",
    ],
)
def test_hostile_files_are_refused_within_1_gb(tmp_path, build, reason):
    said = open_capped(build(tmp_path))
    assert said.startswith("REDDEDİLDİ") and reason in said, said


def test_an_ordinary_list_is_read_within_the_same_cap(tmp_path):
    """The cap itself leaves room for an ordinary list (the refusals above are the
    checks', not the cap's)."""
    wb = openpyxl.Workbook()
    for i in range(5_000):
        wb.active.append([f"Firma {i}", f"{i:010d}", "Talas", "Mobilya", i])
    wb.save(tmp_path / "iyi.xlsx")
    assert open_capped(tmp_path / "iyi.xlsx") == "OKUNDU"


def test_a_cell_split_into_many_runs_is_measured_whole(tmp_path):
    """Rich text splits one cell's text into runs, each short: the cell is still one."""
    runs = b"".join(b"<r><t>" + b"A" * 1_000 + b"</t></r>" for _ in range(150))
    parts = hf._base(tmp_path / "base.xlsx")
    parts["xl/worksheets/sheet1.xml"] = (
        hf.HEAD + b'<row r="1"><c r="C1" t="inlineStr"><is>' + runs + b"</is></c></row>" + hf.TAIL
    )
    with pytest.raises(FileRefused, match=r"bir hücrede \(C1\) en az 150.000 karakterlik"):
        XlsxFile(hf._write(tmp_path / "runs.xlsx", parts))


def test_formula_cells_without_a_value_are_named_not_read_as_empty(tmp_path):
    """A script writing "=A2*2" with openpyxl leaves no cached value: calamine would read
    an empty cell, so the cells are named instead."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Firmalar"
    ws.append(["Firma Unvanı", "Vergi No", "Çalışan Sayısı"])
    for i in range(2, 10):
        ws.append([f"Firma {i}", f"{i:010d}", f"=A{i}*2"])
    wb.save(tmp_path / "formul.xlsx")
    with XlsxFile(tmp_path / "formul.xlsx") as book, pytest.raises(FileRefused) as refused:
        book.read()
    assert "“Firmalar” sayfasında formülün hesaplanmış değeri olmayan hücreler var: C2, C3, " \
        "C4, C5, C6 ve 3 hücre daha" in str(refused.value)  # fmt: skip
    # The same file once Excel has computed and saved it: read, values and all.
    with zipfile.ZipFile(tmp_path / "formul.xlsx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    for empty in (b"<v />", b"<v/>", b"<v></v>"):  # as openpyxl writes it, lxml or not
        sheet = sheet.replace(empty, b"<v>4</v>")
    parts["xl/worksheets/sheet1.xml"] = sheet
    with XlsxFile(hf._write(tmp_path / "hesaplanmis.xlsx", parts)) as book:
        assert book.read().rows[1] == (2, ["Firma 2", "0000000002", 4])
    # Excel's own empty text result (=IF(A2="","",A2)) is a value: an empty cell.
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        b'<c r="C2"><f>A2*2</f><v>4</v></c>', b'<c r="C2" t="str"><f>IF(A2="","",A2)</f><v></v></c>'
    )
    assert b'IF(A2=""' in parts["xl/worksheets/sheet1.xml"]
    with XlsxFile(hf._write(tmp_path / "bos-metin.xlsx", parts)) as book:
        assert book.read().rows[1] == (2, ["Firma 2", "0000000002"])


def test_an_ods_formula_without_a_value_is_named(tmp_path):
    path = hf.ods(
        tmp_path / "formul.ods",
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Firma</text:p>'
        '</table:table-cell><table:table-cell table:formula="of:=[.A1]*2"/></table:table-row>',
    )
    with XlsxFile(path) as book, pytest.raises(FileRefused, match="hücreler var: B1"):
        book.read()
