"""Remembered words: what a list's own word for a sector, OSB or size class means here.

A person maps a word once (the import wizard, `kayseri import firms --map`, or the
synonyms dialog); the choice is kept in ``value_synonyms``, shared by everyone on the
database, and used by every later import. Each write is audited (entity "synonym":
who, when, the word, old -> new meaning) and announced on the bus after it commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kayseri_desktop.core.vocabulary import FIELDS, key
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.services.bus import ChangeBus

ENTITY = "synonym"
EMPTY = ""  # shown for a word that means "leave the field empty"


@dataclass(frozen=True)
class Synonym:
    id: int
    field: str
    value: str
    key: str
    code: str | None  # None: leave the field empty
    created_by: str
    created_at: dt.datetime


class SynonymRefused(ValueError):
    """Nothing was saved; str() says why in Turkish."""


def _synonym(row: m.ValueSynonym) -> Synonym:
    return Synonym(row.id, row.field, row.value, row.key, row.code, row.created_by, row.created_at)


def all_synonyms(db: Database) -> list[Synonym]:
    with db.read() as s:
        rows = s.scalars(select(m.ValueSynonym).order_by(m.ValueSynonym.field, m.ValueSynonym.key))
        return [_synonym(r) for r in rows]


def lookup(db: Database) -> dict[tuple[str, str], Synonym]:
    """(field, key) -> synonym, for an import."""
    return {(s.field, s.key): s for s in all_synonyms(db)}


def _check(field: str, value: str, code: str | None) -> str:
    if field not in FIELDS:
        raise SynonymRefused(f"Bilinmeyen alan: {field}.")
    k = key(value)
    if not k:
        raise SynonymRefused("Eş anlamlı kelime boş olamaz.")
    if len(value) > 200:
        raise SynonymRefused("Eş anlamlı kelime en çok 200 karakter olabilir.")
    if code is not None and FIELDS[field].get(code) is None:
        raise SynonymRefused(f"“{code}” bu alanın seçeneklerinden biri değil.")
    return k


def _audit(session: Session, at: dt.datetime, user: str, ident: int, action: str,
           old: str | None, new: str | None, word: str) -> None:  # fmt: skip
    session.add(
        m.AuditEntry(
            at=at, user=user, entity=ENTITY, entity_id=ident, action=action,
            field=word[:60], old_value=old, new_value=new,
        )
    )  # fmt: skip


def _meaning(code: str | None) -> str:
    return EMPTY if code is None else code


def save(
    db: Database, bus: ChangeBus, items: Iterable[tuple[str, str, str | None]], *, user: str
) -> list[Synonym]:
    """Remember (field, word, code) choices; a word already known gets the new meaning.

    code None: the word means "leave the field empty". All or nothing."""
    wanted = [(field, value.strip(), code, _check(field, value.strip(), code))
              for field, value, code in items]  # fmt: skip
    if not wanted:
        return []
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    saved: list[Synonym] = []
    actions: dict[int, str] = {}
    with db.write() as s:
        for field, value, code, k in wanted:
            row = s.scalars(
                select(m.ValueSynonym).where(m.ValueSynonym.field == field, m.ValueSynonym.key == k)
            ).first()
            if row is None:
                row = m.ValueSynonym(
                    field=field, value=value, key=k, code=code, created_by=user, created_at=now
                )
                s.add(row)
                s.flush()
                _audit(s, now, user, row.id, "create", None, _meaning(code), f"{field}:{value}")
                actions[row.id] = "create"
            elif row.code != code:
                old = row.code
                row.code, row.value, row.created_by, row.created_at = code, value, user, now
                _audit(s, now, user, row.id, "update", _meaning(old), _meaning(code),
                       f"{field}:{value}")  # fmt: skip
                actions.setdefault(row.id, "update")
            saved.append(_synonym(row))
    if actions:
        with bus.batch():
            for ident, action in actions.items():
                bus.publish(ENTITY, [ident], action)
    return saved


def delete(db: Database, bus: ChangeBus, ids: Iterable[int], *, user: str) -> int:
    """Forget synonyms; the next import asks for those words again."""
    wanted = list(ids)
    if not wanted:
        return 0
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    gone: list[int] = []
    with db.write() as s:
        for row in s.scalars(select(m.ValueSynonym).where(m.ValueSynonym.id.in_(wanted))):
            _audit(s, now, user, row.id, "purge", _meaning(row.code), None,
                   f"{row.field}:{row.value}")  # fmt: skip
            gone.append(row.id)
            s.delete(row)
    if gone:
        bus.publish(ENTITY, gone, "purge")
    return len(gone)
