"""Hostile spreadsheets made on the spot, for tests and benchmarks/bench_hostile_files.py.

Each builder writes one file that costs a reader far more memory than its size and
returns its path. ``scale`` shrinks the inflated figures for quick tests (1.0 is the
size the issue reports).
"""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from pathlib import Path

from openpyxl import Workbook

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEAD = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>'.encode()
TAIL = b"</sheetData></worksheet>"


def _base(path: Path) -> dict[str, bytes]:
    """The parts of a small, ordinary workbook from openpyxl."""
    wb = Workbook()
    wb.active.append(["Unvan", "Vergi No"])
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _write(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def shared_string_cells(path: Path, chars: int, cells: int) -> Path:
    """One shared string of ``chars`` characters used by ``cells`` cells (77 KB for a
    1 MB string in 2,000 cells: 2 GB once each cell has its copy)."""
    parts = _base(path)
    rows = b"".join(b'<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (i, i)
                    for i in range(1, cells + 1))  # fmt: skip
    parts["xl/worksheets/sheet1.xml"] = HEAD + rows + TAIL
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{NS}" count="{cells}" uniqueCount="1"><si><t>'.encode()
        + b"A" * chars
        + b"</t></si></sst>"
    )
    types = parts["[Content_Types].xml"]
    if b"sharedStrings" not in types:
        parts["[Content_Types].xml"] = types.replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )
        rels = parts["xl/_rels/workbook.xml.rels"]
        parts["xl/_rels/workbook.xml.rels"] = rels.replace(
            b"</Relationships>",
            b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        )
    return _write(path, parts)


def long_cell(path: Path, chars: int) -> Path:
    """One inline text cell of ``chars`` characters (380 MB from a 19 MB file: text that
    compresses about 20 to 1, within what an ordinary workbook does)."""
    parts = _base(path)
    block = 4 * 1024 * 1024
    noise = bytes.maketrans(bytes(range(256)), b"B" * 13 + b"A" * 243)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                z.writestr(name, data)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>')
            left = chars
            while left > 0:
                fh.write(os.urandom(min(left, block)).translate(noise))
                left -= block
            fh.write(b"</t></is></c></row>" + TAIL)
    return path


def lying_size(path: Path, inflated: int, declared: int = 5 * 1024) -> Path:
    """A sheet part whose headers say ``declared`` bytes while it inflates to
    ``inflated`` bytes (spaces: about 1 MB compressed per GB)."""
    parts = _base(path)
    sheet_name = "xl/worksheets/sheet1.xml"
    del parts[sheet_name]
    _write(path, parts)
    # After a full flush deflate forgets what came before: every block of spaces then
    # compresses to the same bytes, made once and repeated.
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b" " * (1024 * 1024)
    first = squeeze.compress(HEAD) + squeeze.flush(zlib.Z_FULL_FLUSH)
    again = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    blocks = max(1, (inflated - len(HEAD)) // len(block))
    crc = zlib.crc32(HEAD)
    for _ in range(blocks):
        crc = zlib.crc32(block, crc)
    compressed = first + again * blocks + squeeze.flush()
    name = sheet_name.encode()
    with path.open("r+b") as fh:
        data = fh.read()
        cd_at = data.index(b"PK\x01\x02")
        head = data[:cd_at]
        central = data[cd_at : data.index(b"PK\x05\x06")]
        end = bytearray(data[data.index(b"PK\x05\x06") :])
        offset = len(head)
        local = struct.pack(
            "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc & 0xFFFFFFFF,
            len(compressed), declared, len(name), 0,
        ) + name  # fmt: skip
        entry = struct.pack(
            "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc & 0xFFFFFFFF,
            len(compressed), declared, len(name), 0, 0, 0, 0, 0, offset,
        ) + name  # fmt: skip
        central += entry
        count = struct.unpack_from("<H", end, 10)[0] + 1
        struct.pack_into("<HHII", end, 8, count, count, len(central),
                         offset + len(local) + len(compressed))  # fmt: skip
        fh.seek(0)
        fh.write(head + local + compressed + central + bytes(end))
        fh.truncate()
    return path


def ods(path: Path, body: str) -> Path:
    head = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Firmalar">'
    )
    tail = "</table:table></office:spreadsheet></office:body></office:document-content>"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", head + body + tail, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
            'manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
        )
    return path


def ods_repeats(path: Path, rows: int, columns: int) -> Path:
    """One text cell repeated ``columns`` times in a row repeated ``rows`` times."""
    return ods(
        path,
        f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell '
        f'table:number-columns-repeated="{columns}" office:value-type="string">'
        "<text:p>Firma Unvanı</text:p></table:table-cell></table:table-row>",
    )


def ods_spaces(path: Path, spaces: int) -> Path:
    """One cell holding ``<text:s text:c="N"/>``: N spaces once read."""
    return ods(
        path,
        '<table:table-row><table:table-cell office:value-type="string"><text:p>a'
        f'<text:s text:c="{spaces}"/>b</text:p></table:table-cell></table:table-row>',
    )


def xls_shared_string(path: Path, chars: int, cells: int) -> Path:
    """An .xls (xlwt) whose one long shared string fills ``cells`` cells."""
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("Firmalar")
    text = "A" * chars
    for i in range(cells):
        ws.write(i % 60_000, i // 60_000, text)
    wb.save(str(path))
    return path


def csv_long_field(path: Path, chars: int) -> Path:
    path.write_bytes(b"Unvan;Vergi No\n" + b"A" * chars + b";0123456789\n")
    return path


def build_all(folder: Path, scale: float = 1.0) -> dict[str, Path]:
    """Every hostile file, by the name the benchmark prints."""
    mb = 1024 * 1024
    return {
        "1 MB paylaşılan metin × 2.000 hücre (.xlsx)": shared_string_cells(
            folder / "ss_1mb.xlsx", int(mb * scale), 2_000
        ),
        "50.000 karakter × 5.000 hücre (.xlsx)": shared_string_cells(
            folder / "ss_amplified.xlsx", 50_000, 5_000
        ),
        "başlığı 5 KB diyen 2,1 GB parça (.xlsx)": lying_size(
            folder / "lying.xlsx", int(2100 * mb * scale)
        ),
        "380 MB tek hücre (.xlsx)": long_cell(folder / "long_cell.xlsx", int(380 * mb * scale)),
        "100.000 × 1.000 tekrarlanan hücre (.ods)": ods_repeats(
            folder / "repeats.ods", 100_000, 1_000
        ),
        "500 milyon boşluk tek hücrede (.ods)": ods_spaces(folder / "spaces.ods", 500_000_000),
        "30.000 karakter × 5.000 hücre (.xls)": xls_shared_string(folder / "ss.xls", 30_000, 5_000),
        "200.000 karakterlik alan (.csv)": csv_long_field(folder / "long.csv", 200_000),
        "186 MB XML, 120.000 × 60 hücre (.xlsx)": many_cells(
            folder / "many.xlsx", int(120_000 * scale), 60
        ),
        "bir milyon satır arayla iki hücre (.xlsb)": xlsb(
            folder / "far.xlsb", [(0, [1.0]), (1_048_000, [1.0])]
        ),
        "50.000 karakter × 5.000 hücre (.xlsb)": xlsb(
            folder / "ss.xlsb", [(r, [0, 0]) for r in range(2_500)], ["A" * 50_000]
        ),
    }


# -- .xlsb: no Python library writes one; these are the few records calamine needs -------


def _record(kind: int, body: bytes = b"") -> bytes:
    out = bytearray()
    for number in (kind, len(body)):  # type and size, 7 bits a byte
        while True:
            low, number = number & 0x7F, number >> 7
            out.append(low | (0x80 if number else 0))
            if not number:
                break
    return bytes(out) + body


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def xlsb(path: Path, rows: list[tuple[int, list[object]]], strings: list[str] = ()) -> Path:
    """A binary workbook: rows as (0-based row, values); an int value is an index into
    ``strings`` (a shared string), a float a number, a str an inline string."""
    workbook = (
        _record(131) + _record(143)  # begin book, begin sheets
        + _record(156, struct.pack("<II", 0, 1) + _wide("rId1") + _wide("Firmalar"))
        + _record(144) + _record(132)
    )  # fmt: skip
    last_row = max((r for r, _ in rows), default=0)
    last_col = max((len(v) for _, v in rows), default=1) - 1
    sheet = _record(129) + _record(148, struct.pack("<IIII", 0, last_row, 0, last_col))
    sheet += _record(145)
    for row, values in rows:
        sheet += _record(0, struct.pack("<IIHBBBI", row, 0, 300, 0, 0, 0, 0))
        for col, value in enumerate(values):
            head = struct.pack("<I", col) + b"\x00" * 4
            if isinstance(value, int):
                sheet += _record(7, head + struct.pack("<I", value))
            elif isinstance(value, float):
                sheet += _record(5, head + struct.pack("<d", value))
            elif value is not None:
                sheet += _record(6, head + _wide(str(value)))
    sheet += _record(146) + _record(130)
    sst = _record(159, struct.pack("<II", len(strings), len(strings)))
    sst += b"".join(_record(19, b"\x00" + _wide(s)) for s in strings) + _record(160)
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="bin" ContentType="application'
            '/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.bin"/>'
            "</Relationships>"
        ),
        "xl/_rels/workbook.bin.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.bin"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.bin"/>'
            "</Relationships>"
        ),
        "xl/workbook.bin": workbook,
        "xl/worksheets/sheet1.bin": sheet,
        "xl/sharedStrings.bin": sst,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def many_cells(path: Path, rows: int, columns: int) -> Path:
    """An honest sheet, just too big: ``rows`` x ``columns`` number cells, streamed
    into the zip (about 25 bytes of XML a cell)."""
    from openpyxl.utils.cell import get_column_letter

    parts = _base(path)
    letters = [get_column_letter(c + 1).encode() for c in range(columns)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                z.writestr(name, data)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(HEAD)
            for r in range(1, rows + 1):
                number = b"%d" % r
                cells = b"".join(b'<c r="' + c + number + b'"><v>1</v></c>' for c in letters)
                fh.write(b'<row r="' + number + b'">' + cells + b"</row>")
            fh.write(TAIL)
    return path
