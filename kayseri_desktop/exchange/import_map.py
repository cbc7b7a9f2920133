"""The answers to an import's questions as a file, so an import can be scripted.

    kayseri import firms LIST.xlsx --db DB --dry-run --write-map map.json   # the questions
    (fill in each "secim")
    kayseri import firms LIST.xlsx --db DB --map map.json                   # the import

The file is JSON, one section per field, one entry per word of the list:

    {"sector": {"Talaşlı İmalat": {"secim": "Metal ve Makine", "satir_sayisi": 4,
                                   "oneriler": ["Metal ve Makine", "Mobilya"]}}}

"secim" is a catalogue name or code, "boş bırak" or "bu satırları reddet"; an empty one
is still open (its rows are refused). A bare string ("Talaşlı İmalat": "Metal ve
Makine") is read the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from kayseri_desktop.core.turkish import fold
from kayseri_desktop.core.vocabulary import FIELD_NAMES, FIELDS, key
from kayseri_desktop.exchange.atomic import atomic_target
from kayseri_desktop.exchange.firms_import import (
    CHOICE_TEXT,
    LEAVE_EMPTY,
    REFUSE,
    ImportPlan,
    ImportRefused,
)

HELP = (
    "Her değerin “secim” alanına bir seçenek adı (ya da kodu), “boş bırak” ya da “bu "
    "satırları reddet” yazın; boş bırakılan “secim” açık kalır ve o satırlar reddedilir."
)
_FIELD_WORDS = {fold(w): f for f, name in FIELD_NAMES.items() for w in (f, name)}
_SPECIAL = {fold(text): choice for choice, text in CHOICE_TEXT.items()} | {
    "reddet": REFUSE,
    "bos": LEAVE_EMPTY,
}

Choices = dict[tuple[str, str], str]


def choice_for(field: str, text: str) -> str | None:
    """A written answer as a choice (a code, LEAVE_EMPTY, REFUSE); None when unknown."""
    folded = fold(text)
    if folded in _SPECIAL:
        return _SPECIAL[folded]
    entry = FIELDS[field].find(text)
    return entry.code if entry else None


def read_map(path: str | Path) -> tuple[Choices, dict[tuple[str, str], str]]:
    """(field, key) -> choice, and (field, key) -> the word as written; ImportRefused
    (in Turkish, naming the entry) for a file that cannot be read or an unknown answer."""
    target = Path(path)
    try:
        data = json.loads(target.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ImportRefused(f"Eşleme dosyası okunamadı: {target} ({exc.strerror}).") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportRefused(f"Eşleme dosyası JSON değil: {target} ({exc}).") from None
    if not isinstance(data, dict):
        raise ImportRefused(f"Eşleme dosyası bir JSON nesnesi olmalı: {target}.")
    choices: Choices = {}
    words: dict[tuple[str, str], str] = {}
    for section, entries in data.items():
        field = _FIELD_WORDS.get(fold(str(section)))
        if field is None:
            continue  # "aciklama" and other notes
        if not isinstance(entries, dict):
            raise ImportRefused(f"Eşleme dosyası: “{section}” bölümü bir nesne olmalı.")
        for word, entry in entries.items():
            answer = entry.get("secim") if isinstance(entry, dict) else entry
            if answer is None or str(answer).strip() == "":
                continue  # still open
            choice = choice_for(field, str(answer))
            if choice is None:
                names = ", ".join(e.tr for e in FIELDS[field])
                raise ImportRefused(
                    f"Eşleme dosyası: {FIELD_NAMES[field]} “{word}” için seçim “{answer}” "
                    f"tanınmadı; şunlardan biri olmalı: {names}, boş bırak, bu satırları reddet."
                )
            choices[(field, key(word))] = choice
            words[(field, key(word))] = str(word)
    return choices, words


def write_map(
    plan: ImportPlan,
    path: str | Path,
    answered: Mapping[tuple[str, str], str] | None = None,
    words: Mapping[tuple[str, str], str] | None = None,
) -> Path:
    """The plan's open questions (and the answers already given) as a map file."""
    data: dict[str, object] = {"aciklama": HELP}
    sections: dict[str, dict[str, object]] = {f: {} for f in FIELDS}
    for (field, k), choice in (answered or {}).items():
        text = CHOICE_TEXT.get(choice) or FIELDS[field].label(choice)
        sections[field][(words or {}).get((field, k), k)] = {"secim": text}
    for q in plan.questions:
        sections[q.field][q.value] = {
            "secim": "",
            "satir_sayisi": q.rows,
            "neden": q.reason(),
            "oneriler": [FIELDS[q.field].label(c) for c in q.suggestions],
        }
    data.update({f: entries for f, entries in sections.items() if entries})
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    target = Path(path)
    with atomic_target(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return target
