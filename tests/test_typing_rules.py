"""The type check's rules that mypy itself does not enforce (issue 17).

mypy runs in ``scripts/dev.py test`` (settings in pyproject.toml, [tool.mypy]). It
already refuses a ``# type: ignore`` that silences nothing (warn_unused_ignores);
this test refuses one that names no error code or gives no reason on its line, in
every module the check covers (those still listed as not yet typed are left out
until they leave that list).
"""

from __future__ import annotations

import io
import re
import tokenize
import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kayseri_desktop"
# "# type: ignore[code, code]  # why", the reason being some words after the codes.
JUSTIFIED = re.compile(r"#\s*type:\s*ignore\[[a-z0-9-]+(?:,\s*[a-z0-9-]+)*\]\s+#\s*\S.{8,}")


def _not_yet_typed() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns: list[str] = []
    for override in config["tool"]["mypy"]["overrides"]:
        if override.get("ignore_errors"):
            modules = override["module"]
            patterns.extend([modules] if isinstance(modules, str) else modules)
    return patterns


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _ignores(source: str) -> list[tuple[int, str]]:
    """(line, comment) of every comment that silences mypy."""
    found = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT and re.search(r"type:\s*ignore", tok.string):
            found.append((tok.start[0], tok.string))
    return found


def test_every_type_ignore_names_its_code_and_reason():
    skipped = _not_yet_typed()
    checked, bad = 0, []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module(path)
        if any(fnmatch(name, pattern) for pattern in skipped):
            continue
        checked += 1
        for line, comment in _ignores(path.read_text(encoding="utf-8")):
            if not JUSTIFIED.search(comment):
                bad.append(f"{path.relative_to(ROOT)}:{line}: {comment}")
    assert checked > 40, "the check should cover most of the package outside gui/"
    assert not bad, "type: ignore without [code] and a reason:\n" + "\n".join(bad)


def test_the_rule_tells_a_justified_ignore_from_a_bare_one():
    good = "x = f()  # type: ignore[attr-defined]  # stubs omit this slot\n"
    bare = "x = f()  # type: ignore\n"
    no_reason = "x = f()  # type: ignore[arg-type]\n"
    assert [bool(JUSTIFIED.search(c)) for _, c in _ignores(good + bare + no_reason)] == [
        True,
        False,
        False,
    ]
