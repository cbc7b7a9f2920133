"""Optimistic versioning: a second save of the same record is refused, never lost.

Firm, Visit and Project carry a version column (SQLAlchemy ``version_id_col``):
every UPDATE says ``WHERE id = ? AND version = ?`` and bumps it. A form remembers
the version it showed; apply_edit() refuses when the record moved on since (someone
else saved it), and the ORM refuses again if it moves on between the check and the
UPDATE (StaleDataError). Both become ConcurrentEditError, whose text is Turkish and
which says what the other person saved, so the window can offer to reload and
re-apply (reapply()).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database

KIND_NAMES: dict[type[m.Base], str] = {m.Firm: "firma", m.Visit: "ziyaret", m.Project: "proje"}
# The records that carry a version column.
_Versioned = TypeVar("_Versioned", m.Firm, m.Visit, m.Project)


class ConcurrentEditError(RuntimeError):
    """Someone else saved this record first; str() is Turkish."""

    def __init__(
        self,
        kind: str,
        ident: int | None,
        theirs: dict[str, Any] | None = None,
        *,
        deleted: bool = False,
    ) -> None:
        self.kind = kind
        self.ident = ident
        self.theirs = theirs or {}  # the other person's values of the fields you changed
        self.deleted = deleted
        what = f"{kind} kaydı" + (f" (no {ident})" if ident else "")
        if deleted:
            text = f"Bu {what} siz düzenlerken başka bir kullanıcı tarafından silindi. "
        else:
            text = (
                f"Bu {what} siz düzenlerken başka bir kullanıcı tarafından değiştirildi. "
                "Değişikliğiniz kaydedilmedi; hiçbir bilgi kaybolmadı. "
            )
        text += "Kaydı yeniden yükleyip değişikliğinizi tekrar uygulayabilirsiniz."
        super().__init__(text)


def _kind(cls: type[m.Base]) -> str:
    return KIND_NAMES.get(cls, cls.__name__.lower())


@contextmanager
def guarded_write(db: Database) -> Iterator[Session]:
    """db.write() that turns the ORM's StaleDataError into ConcurrentEditError."""
    try:
        with db.write() as session:
            yield session
    except StaleDataError as exc:
        raise ConcurrentEditError(_stale_kind(str(exc)), None) from exc


def _stale_kind(message: str) -> str:
    for cls, name in KIND_NAMES.items():
        if f"'{cls.__tablename__}'" in message:
            return name
    return "kayıt"


def apply_edit(
    db: Database,
    cls: type[_Versioned],
    ident: int,
    expected_version: int,
    changes: dict[str, Any],
) -> _Versioned:
    """Save `changes` on record `ident` if it is still at `expected_version`; returns it.

    Raises ConcurrentEditError (with the other person's values) when someone saved or
    deleted it since the form loaded it. All or nothing: nothing is written then.
    """
    with guarded_write(db) as s:
        obj = s.get(cls, ident)
        if obj is None:
            raise ConcurrentEditError(_kind(cls), ident, deleted=True)
        if obj.version != expected_version:
            theirs = {k: getattr(obj, k) for k in changes}
            raise ConcurrentEditError(_kind(cls), ident, theirs)
        for key, value in changes.items():
            setattr(obj, key, value)
        s.flush()
    return obj


def reapply(db: Database, cls: type[_Versioned], ident: int, changes: dict[str, Any]) -> _Versioned:
    """After a refusal: reload the current version and apply the same changes on top."""
    with db.read() as s:
        current = s.get(cls, ident)
        if current is None:
            raise ConcurrentEditError(_kind(cls), ident, deleted=True)
        version = current.version
    return apply_edit(db, cls, ident, version, changes)
