"""Alembic environment for the Kayseri desk.

The app runs migrations itself (kayseri_desktop/data/migrations.py) and hands
its own connection in ``config.attributes["connection"]``, already inside one
transaction: a failing migration rolls back completely, DDL included. Developers
can still use the alembic command with ``alembic -x db=PATH revision --autogenerate``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from kayseri_desktop.data.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        transactional_ddl=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    # Developer use from the alembic command line.
    from kayseri_desktop.data.engine import make_engine, resolve_url

    url = resolve_url(context.get_x_argument(as_dictionary=True).get("db"))
    engine = make_engine(url) if "://" in url else create_engine(url)
    with engine.begin() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():  # pragma: no cover - offline SQL is not used
    raise SystemExit("Offline migrations are not supported; run the app or `kayseri check`.")
run_migrations_online()
