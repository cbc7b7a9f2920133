"""PostgreSQL test support: KAYSERI_TEST_PG_URL names a throwaway database.

Unset (a developer machine without a server) the PostgreSQL tests are skipped;
.ci/run starts a server and sets it. Each test starts from an empty public schema.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text

ENV = "KAYSERI_TEST_PG_URL"

requires_pg = pytest.mark.skipif(not os.environ.get(ENV), reason=f"{ENV} is not set")


def reset_schema(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


def fresh_url(monkeypatch) -> str:
    """The test server's URL with an empty schema (skips the test without a server)."""
    url = os.environ.get(ENV)
    if not url:
        pytest.skip(f"{ENV} is not set")
    monkeypatch.setenv("KAYSERI_USER", "ayse@masa-1")
    reset_schema(url)
    return url
