"""``column IN (thousands of values)`` as one statement with one bound parameter.

SQLAlchemy's ``in_(list)`` binds one parameter per value and renders them anew on every
execution (about a microsecond each in Python), and callers cut long lists into
chunks to stay under the backend's limit of bound values. Here the whole list goes
in as one value: a JSON array read by ``json_each`` on SQLite, an array compared
with ``= ANY`` on PostgreSQL. The statement stays the same whatever the list's length,
so it is compiled once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement


def one_of(
    column: ColumnElement[Any] | QueryableAttribute[Any], values: Iterable[object], dialect: str
) -> ColumnElement[bool]:
    """``column`` is one of ``values`` (str or int); false for an empty list."""
    values = list(values)
    if dialect == "sqlite":
        items = func.json_each(json.dumps(values, ensure_ascii=False)).table_valued("value")
        return column.in_(select(items.c.value))
    if dialect == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)
