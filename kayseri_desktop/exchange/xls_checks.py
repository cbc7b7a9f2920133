"""An Excel 97-2003 (.xls) file checked before calamine reads it.

An .xls is an OLE compound file holding a "Workbook" stream of BIFF8 records. The
checks walk those records (olefile reads the container) and refuse, with a Turkish
reason (workbook_checks.Refusal):
- a password-protected workbook (an encrypted .xlsx is an OLE file with an
  "EncryptedPackage" stream; an encrypted .xls has a FILEPASS record);
- a damaged container or stream;
- a sheet whose cells span more rows, columns or cells than the limits (calamine
  allocates the rectangle the cells span);
- shared strings whose uses would inflate far beyond the file (a long string used by
  many cells: each cell gets its own copy), and cells longer than any Excel holds.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field

import olefile  # type: ignore[import-untyped]  # olefile ships neither stubs nor a py.typed marker

from kayseri_desktop.exchange.workbook_checks import (
    MAX_CELL_CHARS,
    MAX_TEXT_CHARS,
    Refusal,
    cell_too_long,
    too_much_text,
)

PASSWORD = (
    "dosya parola korumalı. Excel'de açıp “Dosya > Bilgi > Çalışma Kitabını Koru”dan "
    "parolayı kaldırın, kaydedip yeniden deneyin."
)
_BOF, _EOF, _FILEPASS, _SST, _CONTINUE = 0x0809, 0x000A, 0x002F, 0x00FC, 0x003C
_LABELSST, _LABEL, _RSTRING, _MULRK, _MULBLANK = 0x00FD, 0x0204, 0x00D6, 0x00BD, 0x00BE
# Records that are one cell, with its row and column first.
_CELLS = frozenset({0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6, 0x0006})


@dataclass
class XlsSheet:
    rows: int = 0
    columns: int = 0


@dataclass
class XlsFacts:
    sheets: list[XlsSheet] = field(default_factory=list)
    text: int = 0


def _stream(data: bytes) -> bytes:
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, struct.error, IndexError) as exc:
        raise Refusal(f"Excel 97-2003 (.xls) dosyası bozuk ({exc}).") from None
    try:
        if ole.exists("EncryptedPackage"):
            raise Refusal(PASSWORD)
        for name in ("Workbook", "Book"):
            if ole.exists(name):
                stream: bytes = ole.openstream(name).read()
                return stream
    except (OSError, ValueError, struct.error, IndexError) as exc:
        raise Refusal(f"Excel 97-2003 (.xls) dosyası bozuk ({exc}).") from None
    finally:
        ole.close()
    raise Refusal(
        "bu bir Excel 97-2003 (.xls) dosyası değil (içinde çalışma kitabı yok); Word ya da "
        "başka bir programın dosyası olabilir."
    )


def check_xls(data: bytes, limit_rows: int, limit_columns: int) -> XlsFacts:
    """Walk the BIFF records; stops counting a sheet once a limit is passed."""
    stream = _stream(data)
    facts = XlsFacts()
    sst: list[bytes] = []  # the SST record's body and its CONTINUE records
    in_sst = False
    strings: list[int] = []
    longest = 0
    sheet: XlsSheet | None = None
    pos, end = 0, len(stream)
    while pos + 4 <= end:
        kind, size = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4 : pos + 4 + size]
        pos += 4 + size
        if kind == _CONTINUE and in_sst:
            sst.append(body)
            continue
        if in_sst:
            in_sst = False
            strings = _sst_lengths(sst)
            longest = max(strings, default=0)
        if kind == _FILEPASS:
            raise Refusal(PASSWORD)
        if kind == _BOF:
            sheet = XlsSheet()
            facts.sheets.append(sheet)
        elif kind == _SST:
            in_sst, sst = True, [body]
        elif sheet is not None and (kind in _CELLS or kind in (_MULRK, _MULBLANK)):
            if len(body) < 6:
                raise Refusal("Excel 97-2003 (.xls) dosyası bozuk (yarım hücre kaydı).")
            row, column = struct.unpack_from("<HH", body)
            if kind in (_MULRK, _MULBLANK):
                column = struct.unpack_from("<H", body, len(body) - 2)[0]
            sheet.rows, sheet.columns = max(sheet.rows, row + 1), max(sheet.columns, column + 1)
            if kind == _LABELSST and len(body) >= 10:
                i = struct.unpack_from("<I", body, 6)[0]
                facts.text += strings[i] if i < len(strings) else longest
            elif kind in (_LABEL, _RSTRING) and len(body) >= 8:
                facts.text += struct.unpack_from("<H", body, 6)[0]
            if facts.text > MAX_TEXT_CHARS:
                raise too_much_text(facts.text)
            if sheet.rows > limit_rows or sheet.columns > limit_columns:
                return facts
    return facts


def _sst_lengths(records: list[bytes]) -> list[int]:
    """Each shared string's length in characters. A string's characters may continue in
    the next CONTINUE record, which then starts with a new option byte."""
    lengths: list[int] = []
    if len(records[0]) < 8:
        return lengths
    unique = struct.unpack_from("<I", records[0], 4)[0]
    rec, data, pos = 0, records[0], 8

    def need(n: int) -> None:
        nonlocal rec, data, pos
        if pos + n > len(data):
            if pos < len(data) or rec + 1 >= len(records):
                raise Refusal("Excel 97-2003 (.xls) dosyası bozuk (paylaşılan metinler yarım).")
            rec, data, pos = rec + 1, records[rec + 1], 0

    while len(lengths) < unique:
        if pos >= len(data) and rec + 1 >= len(records):
            break  # fewer strings than announced: calamine reads what is there
        need(3)
        chars, flags = struct.unpack_from("<HB", data, pos)
        pos += 3
        runs = extra = 0
        if flags & 0x08:
            need(2)
            runs = struct.unpack_from("<H", data, pos)[0]
            pos += 2
        if flags & 0x04:
            need(4)
            extra = struct.unpack_from("<I", data, pos)[0]
            pos += 4
        wide = flags & 0x01
        left = chars
        while left:
            if pos >= len(data):
                if rec + 1 >= len(records):
                    raise Refusal("Excel 97-2003 (.xls) dosyası bozuk (paylaşılan metin yarım).")
                rec, data = rec + 1, records[rec + 1]
                wide, pos = data[0] & 0x01 if data else 0, 1
                continue
            width = 2 if wide else 1
            take = min(left, (len(data) - pos) // width)
            if take == 0:
                raise Refusal("Excel 97-2003 (.xls) dosyası bozuk (paylaşılan metin yarım).")
            pos += take * width
            left -= take
        skip = runs * 4 + extra
        while skip:
            if pos >= len(data):
                if rec + 1 >= len(records):
                    break
                rec, data, pos = rec + 1, records[rec + 1], 0
            step = min(skip, len(data) - pos)
            pos += step
            skip -= step
        if chars > MAX_CELL_CHARS:
            raise cell_too_long(chars, "paylaşılan metin")
        lengths.append(chars)
    return lengths
