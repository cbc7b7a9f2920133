"""KVKK: the one rule for firm contacts' personal data leaving the app.

A firm's contact person (name, title, phone, e-mail) is personal data. It leaves the
app — in any export, document or file, whichever box is ticked — only when the
contact's consent is recorded: ``kvkk_consent`` set *and* a consent date. Every
writer that could carry contacts asks this module and nothing else:

* ``release(rows)`` keeps the contacts that may leave and counts the ones left out;
  each writer reads contacts with ``CONSENT`` among its columns and passes the rows
  (or ORM ``Contact`` objects) through it. ``Release.note`` says in Turkish how many
  were left out and why.
* ``Withheld`` masks a non-consenting contact's e-mail address or phone number that
  a user typed into free text (visit needs, notes, decisions) before a document
  carries that text out; ``masked_note`` says how many were masked and why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar, overload

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kayseri_desktop.core.turkish import thousands
from kayseri_desktop.data import models as m

T = TypeVar("T")


class HasConsent(Protocol):
    """A contact as release() judges it: an ORM Contact or a row that selected CONSENT."""

    @property
    def kvkk_consent(self) -> object: ...

    @property
    def kvkk_consent_date(self) -> object: ...


C = TypeVar("C", bound=HasConsent)

# Columns every contact query selects so that release() can judge each row.
CONSENT = (m.Contact.kvkk_consent, m.Contact.kvkk_consent_date)
WHY = "KVKK onayı olmayan"
MASK = "[KVKK: gizlendi]"


def may_leave(consent: object, consent_date: object) -> bool:
    """The rule: consent given and dated. Anything else (no, unknown, undated) stays."""
    given = consent is True or (type(consent) is int and consent == 1)
    return given and isinstance(consent_date, dt.date)


@dataclass(frozen=True)
class Release(Generic[T]):
    """The contacts that may leave (in the given order) and how many were left out."""

    kept: list[T]
    left_out: int

    @property
    def note(self) -> str:
        """Turkish: how many were left out and why."""
        return left_out_note(self.left_out)


def left_out_note(n: int) -> str:
    """Turkish: how many contacts an export left out and why."""
    if not n:
        return "Tüm yetkililerin KVKK onayı kayıtlı; dışarıda bırakılan yetkili yok."
    return (
        f"{WHY} {thousands(n)} yetkili dışarıda bırakıldı "
        "(kişisel veri, kayıtlı açık rıza olmadan uygulamadan çıkmaz)."
    )


def release(rows: Iterable[C]) -> Release[C]:
    """Keep the rows whose ``kvkk_consent``/``kvkk_consent_date`` pass ``may_leave``.

    Works on ORM ``Contact`` objects and on result rows that selected ``CONSENT``.
    """
    kept: list[C] = []
    left_out = 0
    for row in rows:
        if may_leave(row.kvkk_consent, row.kvkk_consent_date):
            kept.append(row)
        else:
            left_out += 1
    return Release(kept, left_out)


def count_withheld(s: Session) -> int:
    """Contacts of live firms that no export may carry (for a dialog's advance notice)."""
    rows = s.execute(
        select(*CONSENT, func.count())
        .select_from(m.Contact)
        .join(m.Firm, m.Firm.id == m.Contact.firm_id)
        .where(m.Firm.deleted_at.is_(None))
        .group_by(*CONSENT)
    ).all()
    return sum(n for consent, day, n in rows if not may_leave(consent, day))


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"[\d(+][\d ()./+-]{8,}\d")


def _phone_key(text: str) -> str | None:
    digits = re.sub(r"\D", "", text)
    return digits[-10:] if len(digits) >= 10 else None


@dataclass
class Withheld:
    """E-mail addresses and phone numbers of contacts without recorded consent.

    ``scrub`` replaces them in free text with ``MASK``; ``masked`` counts the
    replacements so a writer can say so. Phones match on their last ten digits,
    whatever spacing or prefix (0, +90) the user typed; a run of digits holding a
    withheld number is masked whole.
    """

    emails: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()
    masked: int = field(default=0)

    @classmethod
    def load(cls, s: Session) -> Withheld:
        emails: set[str] = set()
        phones: set[str] = set()
        q = select(m.Contact.email, m.Contact.phone, *CONSENT)
        for email, phone, consent, day in s.execute(q):
            if may_leave(consent, day):
                continue
            if email and email.strip():
                emails.add(email.strip().casefold())
            key = _phone_key(phone or "")
            if key:
                phones.add(key)
        return cls(frozenset(emails), frozenset(phones))

    @overload
    def scrub(self, value: str) -> str: ...

    @overload
    def scrub(self, value: T) -> T: ...

    def scrub(self, value: object) -> object:
        """``value`` with withheld e-mails and phones masked (non-text returned as is)."""
        if not isinstance(value, str) or not (self.emails or self.phones):
            return value
        text = value
        if self.emails and "@" in text:
            text = _EMAIL.sub(self._email, text)
        if self.phones:
            text = _PHONE.sub(self._phone, text)
        return text

    def _email(self, match: re.Match[str]) -> str:
        if match.group(0).casefold() in self.emails:
            self.masked += 1
            return MASK
        return match.group(0)

    def _phone(self, match: re.Match[str]) -> str:
        # Any ten consecutive digits: numbers typed one after another match as one run.
        digits = re.sub(r"\D", "", match.group(0))
        if any(digits[i : i + 10] in self.phones for i in range(len(digits) - 9)):
            self.masked += 1
            return MASK
        return match.group(0)

    def __bool__(self) -> bool:
        """Whether anything is withheld at all (else scrubbing is skipped)."""
        return bool(self.emails or self.phones)


def masked_note(n: int) -> str:
    """Turkish: how many withheld e-mails/phones were masked in free text, and why."""
    return (
        f"Serbest metinde geçen {thousands(n)} e-posta/telefon, {WHY} yetkililere ait "
        f"olduğu için “{MASK}” ile değiştirildi."
    )
