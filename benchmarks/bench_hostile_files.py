"""Peak memory of opening each hostile file (tests/hostile_files.py), and its refusal.

Each file is opened by the import's reader (XlsxFile) in a child process of its own;
the child's peak resident size comes from resource.getrusage(RUSAGE_CHILDREN) in a
process that starts only that child (so each figure is that file's alone). The
baseline is the same child opening an ordinary two-row workbook. Issue 15's goal:
under 1 GB for every refused file.

    python benchmarks/bench_hostile_files.py [--quick]
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

OPEN = """
import sys
from kayseri_desktop.exchange.xlsx_reader import FileRefused, XlsxFile
try:
    with XlsxFile(sys.argv[1]) as book:
        book.read()
    print("okundu")
except FileRefused as exc:
    print(exc)
"""


def _one(path: str) -> None:
    """Run in a process of its own: start the child, print its peak RSS and output."""
    done = subprocess.run(
        [sys.executable, "-c", OPEN, path], capture_output=True, text=True, check=False
    )
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    answer = done.stdout.strip() or done.stderr.strip().splitlines()[-1:] or ["?"]
    text = answer if isinstance(answer, str) else answer[0]
    print(json.dumps({"peak_mb": peak_kb / 1024, "exit": done.returncode, "said": text}))


def measure(path: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--one", str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result: dict[str, object] = json.loads(out.stdout)
    return result


def figures(quick: bool) -> dict[str, float]:
    from hostile_files import _base, _write, build_all

    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plain = _write(folder / "plain.xlsx", _base(folder / "plain.xlsx"))
        base = measure(plain)
        print(f"{'olağan iki satırlık .xlsx (taban)':<46} {base['peak_mb']:>8.0f} MB  okundu")
        out["hostile_baseline_peak_mb"] = float(base["peak_mb"])  # type: ignore[arg-type]
        for name, path in build_all(folder, 0.1 if quick else 1.0).items():
            size = path.stat().st_size
            result = measure(path)
            said = str(result["said"])
            refused = "okunamadı" in said
            print(
                f"{name:<46} {result['peak_mb']:>8.0f} MB  "
                f"{size / 1024:>9.0f} KB dosya  {'REDDEDİLDİ' if refused else 'OKUNDU!'}"
            )
            print(f"    {said[:150]}")
            key = "hostile_" + "".join(c if c.isalnum() else "_" for c in path.stem)
            out[f"{key}_peak_mb"] = float(result["peak_mb"])  # type: ignore[arg-type]
            out[f"{key}_refused"] = 1.0 if refused else 0.0
    return out


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:2] == ["--one"]:
        _one(sys.argv[2])
    else:
        figures("--quick" in sys.argv)
