"""Schema migrations, run by the app itself (Alembic, scripts in db/).

On SQLite the whole upgrade runs in one transaction (the engine emits BEGIN
IMMEDIATE and sqlite3's implicit transaction handling is off), with foreign keys
switched off for the batch table rebuilds and checked with ``foreign_key_check``
before commit. A failing migration therefore leaves tables and version exactly
as they were. An existing database is backed up (verified) before it is touched,
and one written by a newer version of the app is refused, not modified.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError

from kayseri_desktop import project_root
from kayseri_desktop.data.backup import (
    backup_file,
    backup_name,
    default_backup_dir,
    explain,
    file_size,
    is_damage,
)
from kayseri_desktop.data.engine import make_engine, sqlite_path
from kayseri_desktop.data.schema_head import is_current

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported inside the functions that need it: a file already at the head
# revision (nearly every start) is recognised without it (data/schema_head.py).


class SchemaError(RuntimeError):
    """The database's schema cannot be used; str() is a Turkish explanation."""


class SchemaTooNewError(SchemaError):
    pass


class MigrationFailed(SchemaError):
    pass


def scripts_dir() -> Path:
    return project_root() / "db"


def alembic_config(script_location: Path | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or scripts_dir()))
    return cfg


def head_revision(script_location: Path | None = None) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()
    assert head is not None, "db/versions holds no migration"
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(set(inspect(conn).get_table_names()) - {"alembic_version"})


def check_known(engine: Engine, script_location: Path | None = None) -> str | None:
    """Return the current revision, or raise SchemaTooNewError if this app does not know it."""
    current = current_revision(engine)
    if current is None:
        if has_tables(engine):
            raise SchemaError(
                "Bu dosya bu uygulamanın veritabanı değil (sürüm bilgisi yok); açılmadı."
            )
        return None
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(script_location))
    try:
        script.get_revision(current)
    except Exception:
        raise SchemaTooNewError(
            f"Veritabanı bu uygulamadan daha yeni bir sürümle oluşturulmuş (şema {current}). "
            "Uygulamayı güncelleyin; veritabanına dokunulmadı."
        ) from None
    return current


def _run(
    url: str,
    action: Callable[[Config, str], None],
    target: str,
    script_location: Path | None,
) -> None:
    engine = make_engine(url, pooled=False)
    try:
        with engine.connect() as conn:
            is_sqlite = conn.dialect.name == "sqlite"
            if is_sqlite:
                # Must be set outside a transaction; the connection is not pooled.
                dbapi = conn.connection.dbapi_connection
                assert dbapi is not None, "a connection just made has its DB-API connection"
                dbapi.execute("PRAGMA foreign_keys=OFF")
            with conn.begin():
                cfg = alembic_config(script_location)
                cfg.attributes["connection"] = conn
                action(cfg, target)
                if is_sqlite:
                    bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if bad:
                        raise MigrationFailed(
                            f"Geçiş sonrası yabancı anahtar hatası ({bad[0]}); geri alındı."
                        )
    finally:
        engine.dispose()


def upgrade(
    url: str,
    target: str = "head",
    *,
    backup_dir: Path | None = None,
    script_location: Path | None = None,
) -> Path | None:
    """Bring the database to target; returns the backup taken first, if any."""
    engine = make_engine(url, pooled=False)
    try:
        try:
            if target == "head" and script_location is None and is_current(engine):
                return None  # already at the head revision: Alembic is not even imported
            current = check_known(engine, script_location)
        except DatabaseError as exc:
            path = sqlite_path(url)
            cause = exc.orig if exc.orig is not None else exc
            if path is not None and not is_damage(cause):  # a full disk is not damage
                reason = explain(cause, path, file_size(path))
                raise SchemaError(f"Dosya açılamadı; dosyaya dokunulmadı. {reason}") from exc
            raise SchemaError(
                "Dosya açılamadı: bir SQLite veritabanı değil ya da hasarlı "
                f"({exc.orig}). Dosyaya dokunulmadı."
            ) from exc
        head = head_revision(script_location) if target == "head" else target
        if current == head:
            return None
        existing = current is not None
    finally:
        engine.dispose()
    backup = None
    path = sqlite_path(url)
    if existing and path is not None:
        folder = backup_dir or default_backup_dir(path)
        backup = backup_file(path, folder / backup_name(path, f"gecis-oncesi-{current}"))
    from alembic import command

    try:
        _run(url, command.upgrade, target, script_location)
    except SchemaError:
        raise
    except Exception as exc:
        raise MigrationFailed(
            f"Veritabanı şeması güncellenemedi ({type(exc).__name__}: {exc}). "
            "Hiçbir değişiklik yapılmadı"
            + (f"; geçiş öncesi yedek: {backup}" if backup else "")
            + "."
        ) from exc
    return backup


def downgrade(url: str, target: str, *, script_location: Path | None = None) -> None:
    from alembic import command

    _run(url, command.downgrade, target, script_location)
