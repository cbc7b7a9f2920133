"""Linux bundle: ICU's data library cut down to what a Turkish/English Qt Widgets app reads.

PySide6's Linux wheels ship ICU (libicuuc, libicui18n and libicudata, 31 MB of the
37), which libQt6Core links to. The data library is one symbol, ``icudt<N>_dat``, holding
ICU's common data package: collation, locale display names, currencies, units, time
zone names and number spell-out rules for 800 locales, word-break dictionaries for
Chinese, Japanese, Thai, Khmer, Lao and Burmese, 190 legacy character-set tables and
transliterators. The app reads none of it directly (it formats with QLocale's own
CLDR tables and sorts with core/turkish.py); what Qt may ask ICU for (QCollator,
QLocale::toUpper, QTimeZone names) it asks in Turkish or English.

This keeps root, Turkish and English of every part, the core tables (normalisation,
string-prep, time zones, plural rules, ...), the break rules and a few Western and
Turkish code pages, and builds a new libicudata with ICU's ``icupkg`` and the C compiler.
Windows' PySide6 has no ICU (Qt uses the system's), so this is Linux only; without
icupkg or a compiler the build keeps the full library and says so.

    python packaging/trim_icu.py LIBICUDATA OUT_DIR   # prints the new library's path
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

KEEP_LANGUAGES = ("tr", "en")
# Legacy code pages kept (ICU converts UTF-8/16/32, ASCII and Latin-1 without tables):
# Windows-1252, Windows-1254 (Turkish), ISO-8859-9 (Turkish), ISO-8859-15.
KEEP_CONVERTERS = (
    "ibm-5348_P100-1997.cnv",
    "ibm-5350_P100-1998.cnv",
    "ibm-920_P100-1995.cnv",
    "ibm-923_P100-1998.cnv",
)
LOCALE_RES = re.compile(r"^(?P<lang>[a-z]{2,3})(_[A-Za-z0-9]*)*\.res$")
# Per-tree files that are not locales although they look like one.
NOT_LOCALES = {"res_index.res", "pool.res", "root.res"}


def is_icu_data_library(path: str) -> bool:
    return re.fullmatch(r"libicudata\.so\.\d+", path.replace("\\", "/").split("/")[-1]) is not None


def removed(item: str) -> bool:
    """Whether the data item (a path inside the package, e.g. "coll/de.res") goes."""
    parts = item.split("/")
    name = parts[-1]
    if parts[0] == "translit" or name.endswith(".dict"):
        return True
    if name.endswith(".cnv"):
        return name not in KEEP_CONVERTERS
    match = LOCALE_RES.match(name)
    if match and name not in NOT_LOCALES:
        return match["lang"] not in KEEP_LANGUAGES
    return False


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def _data_blob(lib: Path) -> tuple[str, bytes]:
    """The data symbol's name and bytes, read through the ELF section that holds it."""
    symbols = _run("nm", "-D", "-S", "--defined-only", str(lib)).split()
    # "<value> <size> R icudt73_dat"
    name = next((s for s in symbols if re.fullmatch(r"icudt\d+_dat", s)), None)
    if name is None:
        raise RuntimeError(f"{lib}: no icudt<N>_dat symbol")
    index = symbols.index(name)
    value, size = int(symbols[index - 3], 16), int(symbols[index - 2], 16)
    for line in _run("readelf", "-SW", str(lib)).splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            address, offset = int(fields[3], 16), int(fields[4], 16)
            break
    else:
        raise RuntimeError(f"{lib}: no .rodata section")
    with lib.open("rb") as fh:
        fh.seek(value - address + offset)
        blob = fh.read(size)
    if len(blob) != size or blob[2:4] != b"\xda\x27":  # ICU data header magic
        raise RuntimeError(f"{lib}: {name} is not ICU common data")
    return name, blob


def trim(lib: Path, out_dir: Path) -> Path:
    """Write out_dir/<lib's name>, a libicudata holding the trimmed data; return it."""
    icupkg = shutil.which("icupkg")
    cc = shutil.which("cc") or shutil.which("gcc")
    if not icupkg or not cc:
        raise FileNotFoundError("icupkg (icu-devtools) and a C compiler are needed")
    out_dir.mkdir(parents=True, exist_ok=True)
    symbol, blob = _data_blob(lib)
    package = symbol[: -len("_dat")] + "l"  # icudt73l: the items' prefix in the package
    work = out_dir / "icu-work"
    shutil.rmtree(work, ignore_errors=True)
    (work / "in").mkdir(parents=True)
    full = work / "in" / f"{package}.dat"
    full.write_bytes(blob)
    items = _run(icupkg, "-l", str(full)).split()
    gone = [item for item in items if removed(item)]
    (work / "removed.txt").write_text("\n".join(gone) + "\n", encoding="utf-8")
    trimmed = work / f"{package}.dat"  # icupkg names the items after the output file
    # brkitr/root.res names the word-break dictionaries; ICU breaks Chinese, Japanese,
    # Thai, ... text without them (rules only) when they are missing.
    _run(icupkg, "--ignore-deps", "-r", str(work / "removed.txt"), str(full), str(trimmed))
    asm = work / "icudata.S"
    asm.write_text(
        f"""    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{trimmed}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",@progbits
""",
        encoding="utf-8",
    )
    target = out_dir / lib.name
    _run(cc, "-shared", "-nostdlib", f"-Wl,-soname,{lib.name}", "-o", str(target), str(asm))
    shutil.rmtree(work / "in")
    return target


if __name__ == "__main__":
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))
