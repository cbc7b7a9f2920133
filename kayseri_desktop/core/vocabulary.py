"""The words firm lists use for sectors, OSBs and size classes, and what they mean here.

Lists from the chamber, the Ministry of Trade, TİM's unions and the OSB directorates
name a firm's sector by its NACE Rev.2 code or name ("28", "C.28", "28.22", "Makine ve
ekipman imalatı"), by TİM's export-statistics sector ("Makine ve Aksamları") or by a
short form ("Makine", "Metal Eşya"). The shipped tables in resources/vocabulary (each
names its sources) say which of the app's catalogue codes each word means:

    found = vocabulary("sector").find("Mobilya İmalatı")   # Found(("mobilya",), ...)
    found.code                                           # "mobilya"; None if not one

A word that fits several codes (TİM's "Mobilya, Kağıt ve Orman Ürünleri") or none
(NACE 46, wholesale) is Found with those codes but no ``code``: the import asks the
person, never files it silently. ``suggest`` ranks the catalogue's codes for a word
nobody knows yet (rapidfuzz), for the person to choose from.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from kayseri_desktop import project_root
from kayseri_desktop.core.catalogues import OSBS, SECTORS, SIZE_CLASSES, Catalogue
from kayseri_desktop.core.turkish import fold

FIELDS: dict[str, Catalogue] = {"sector": SECTORS, "osb": OSBS, "size_class": SIZE_CLASSES}
FIELD_NAMES = {"sector": "Sektör", "osb": "OSB", "size_class": "Ölçek"}
FILES = {"sector": "sectors.csv", "osb": "osbs.csv", "size_class": "sizes.csv"}
# Words a name may end with that say nothing of what it is ("Mobilya İmalatı").
_TAIL = frozenset(
    {"imalati", "imalat", "uretimi", "sanayi", "sanayii", "sektoru", "sektor", "urunleri",
     "mamulleri", "endustrisi", "mudurlugu", "ve"}
)  # fmt: skip
_PUNCT = re.compile(r"[.,;:/\\()\[\]'\"’‘“”_\-–—*]+")
_OSB = (("organize sanayi bolgesi", "osb"), ("org san bol", "osb"), ("o s b", "osb"))
# A NACE code: optional section letter, two-digit division, then group and class digits.
_NACE = re.compile(r"^(?:[a-u]\s*[.\-]?\s*)?(\d{2})(?:[.,](\d)(\d)?(?:[.,]\d{1,2})?)?$")
SUGGESTIONS = 3
SUGGEST_CUTOFF = 60.0


def key(text: object) -> str:
    """The comparison key of a word: folded, punctuation gone, "&" as "ve", OSB spelled
    one way, and generic trailing words ("imalatı", "sanayii", "ürünleri") dropped."""
    folded = fold(str(text or "")).replace("&", " ve ").replace("+", " ve ")
    words = " ".join(_PUNCT.sub(" ", folded).split())
    for long, short in _OSB:
        words = words.replace(long, short)
    parts = words.split()
    while len(parts) > 1 and parts[-1] in _TAIL:
        parts.pop()
    return " ".join(parts)


@dataclass(frozen=True)
class Found:
    """What a word means: the codes it fits, and where that comes from (for the preview)."""

    codes: tuple[str, ...]
    source: str

    @property
    def code(self) -> str | None:
        """The one code the word means; None when it fits several or none (asked)."""
        return self.codes[0] if len(self.codes) == 1 else None


@dataclass(frozen=True)
class Term:
    """One row of a shipped table."""

    kind: str  # nace, tim, kisa (sectors); ad (OSBs, size classes)
    code: str  # the NACE code of a nace row, else ""
    name: str
    codes: tuple[str, ...]

    def source(self) -> str:
        if self.kind == "nace":
            return f"NACE {self.code} — {self.name}"
        if self.kind == "tim":
            return f"TİM sektörü “{self.name}”"
        return f"yaygın ad “{self.name}”"


class VocabularyError(ValueError):
    """A shipped table is malformed (a test and the start-up catch it)."""


def read_table(path: Path, field: str) -> list[Term]:
    """The rows of a vocabulary file; lines starting with '#' are its header comment."""
    catalogue = FIELDS[field]
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    terms: list[Term] = []
    for number, row in enumerate(rows, start=2):
        codes = tuple(c for c in (row.get("clusters") or row.get("codes") or "").split("|") if c)
        unknown = [c for c in codes if catalogue.get(c) is None]
        name = (row.get("name") or "").strip()
        if unknown or not name or None in row.values():
            raise VocabularyError(f"{path.name}: satır {number} bozuk: {row}")
        terms.append(Term(row.get("kind") or "ad", (row.get("code") or "").strip(), name, codes))
    return terms


class Vocabulary:
    """The words of one field (sector, osb, size_class): catalogue names, then the table."""

    def __init__(self, field: str, terms: Iterable[Term]) -> None:
        self.field = field
        self.catalogue = FIELDS[field]
        self.terms = list(terms)
        self.nace: dict[str, Found] = {}
        index: dict[str, Found] = {}
        for term in self.terms:
            if term.kind == "nace":
                self.nace[term.code] = Found(term.codes, term.source())
            k = key(term.name)
            before = index.get(k)
            if before is not None and before.codes != term.codes:
                # Two rows, one key, different meanings: the word fits both (asked).
                merged = tuple(dict.fromkeys(before.codes + term.codes))
                index[k] = Found(merged, f"{before.source}; {term.source()}")
            else:
                index[k] = Found(term.codes, term.source())
        for e in self.catalogue:  # the app's own names and codes win over any table row
            for word in (e.code, e.tr, e.en):
                index[key(word)] = Found((e.code,), "katalogdaki ad")
        self.index = index

    def find(self, raw: object) -> Found | None:
        """What the cell means, or None when neither the catalogue nor the table knows it."""
        if raw is None or isinstance(raw, bool):
            return None
        text = str(raw).strip()
        if not text:
            return None
        if self.field == "sector":
            found = self.find_nace(text)
            if found is not None:
                return found
        return self.index.get(key(text))

    def ambiguous(self, raw: object) -> bool:
        """Whether the shipped table says the word fits several values: an answer for one
        list is not remembered for the next (its firms may be of either kind)."""
        found = self.find(raw)
        return found is not None and len(found.codes) > 1

    def find_nace(self, text: str) -> Found | None:
        """A NACE code ("28", "C.28", "C28", "28.22", "28.22.01"): the longest code in the
        table; a code the table does not list is known as NACE but fits no cluster."""
        match = _NACE.match(fold(text).replace(" ", ""))
        if match is None:
            return None
        division, group, klass = match.groups()
        tried = [division]
        if group:
            tried.insert(0, f"{division}.{group}")
            if klass:
                tried.insert(0, f"{division}.{group}{klass}")
        for code in tried:
            if code in self.nace:
                found = self.nace[code]
                if code == tried[0]:
                    return found
                return Found(found.codes, f"NACE {tried[0]}: {found.source}")
        return Found((), f"NACE {tried[0]}: tabloda bu kodun kümesi yok")

    def suggest(self, raw: object, extra: Mapping[str, str | None] = {}) -> list[str]:
        """Codes ranked by how close the word is to a known word (at most SUGGESTIONS).

        ``extra``: more known words (remembered synonyms) by key, to code (None: none)."""
        text = key(raw)
        found = self.find(raw)
        ranked: list[str] = list(found.codes) if found else []
        known: dict[str, tuple[str, ...]] = {k: f.codes for k, f in self.index.items()}
        known.update({k: (c,) for k, c in extra.items() if c})
        if text:
            for word, _score, _index in process.extract(
                text,
                list(known),
                scorer=fuzz.token_set_ratio,
                limit=12,
                score_cutoff=SUGGEST_CUTOFF,
            ):
                ranked += known[word]
        return list(dict.fromkeys(ranked))[: max(SUGGESTIONS, len(found.codes) if found else 0)]


@cache
def vocabulary(field: str) -> Vocabulary:
    """The shipped vocabulary of a field, read once."""
    folder = project_root() / "resources" / "vocabulary"
    return Vocabulary(field, read_table(folder / FILES[field], field))
