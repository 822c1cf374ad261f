"""Backup and restore round trip: the demo and some uploaded files, backed up
from the test database and restored (by the command, in a new process) into
a new, empty database and media folder. Every table's row count (the audit
log included) and every file's checksum must be equal afterwards."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from danvan.backup import table_counts
from danvan.demo import build_demo
from ingest.services import document_read

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ROOT = Path(__file__).resolve().parents[2]


def _checksums(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(
            path.read_bytes()
        ).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _restore(
    archive: Path, database_url: str, var_dir: Path
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "MEDIA_ROOT", "DANVAN_VAR_DIR"}
    }
    env.update(DATABASE_URL=database_url, DANVAN_VAR_DIR=str(var_dir))
    return subprocess.run(
        [sys.executable, "-m", "danvan.manage", "restore", str(archive)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _count_rows(db: Any, list_tables: str) -> dict[str, int]:
    """Every table ``list_tables`` names, with its row count, read through
    the connection ``db`` (sqlite3 or psycopg: both have execute)."""
    counts = {}
    for (table,) in db.execute(list_tables).fetchall():
        row = db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()
        assert row is not None
        counts[table] = int(row[0])
    return counts


def _counts_sqlite(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return _count_rows(
            db,
            "SELECT name FROM sqlite_master WHERE type='table' "
            "AND name NOT LIKE 'sqlite_%'",
        )


def _connect(dbname: str) -> Any:
    import psycopg

    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=dbname,
        autocommit=True,
    )


def _counts_postgresql(name: str) -> dict[str, int]:
    with _connect(name) as db:
        return _count_rows(
            db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        )


def _admin(sql: str) -> None:
    with _connect("postgres") as db:
        db.execute(sql)


def test_the_demo_round_trips_through_backup_and_restore(tmp_path, settings, world):
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    build_demo(national=False, say=lambda _text: None)
    document_read(
        unit=world.commune,
        name="bai.txt",
        data="Sáng ngày 12/01/2024, Khối dân vận xã An Phú tổ chức hội nghị.".encode(),
        by=world.commune_officer,
    )
    before = table_counts()
    files = _checksums(media)
    assert before["auditlog_logentry"] > 1000 and files

    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", output=archive)
    restored_var = tmp_path / "restored"
    if connection.vendor == "sqlite":
        restored_db = restored_var / "danvan.sqlite3"
        url = f"sqlite:///{restored_db}"
        done = _restore(archive, url, restored_var)
        after = lambda: _counts_sqlite(restored_db)  # noqa: E731
    else:
        name = f"{connection.settings_dict['NAME']}_restored"
        _admin(f'DROP DATABASE IF EXISTS "{name}"')
        _admin(f'CREATE DATABASE "{name}"')
        s = connection.settings_dict
        host = f"{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
        url = f"postgres://{s['USER']}@{host}/{name}"
        done = _restore(archive, url, restored_var)
        after = lambda: _counts_postgresql(name)  # noqa: E731
    try:
        assert done.returncode == 0, done.stderr
        print(done.stdout.strip().splitlines()[-1])
        assert "khớp với bản kê" in done.stdout
        assert after() == before  # every table, the audit log included
        assert _checksums(restored_var / "media") == files
        # A second restore over the restored data is refused and changes nothing.
        again = _restore(archive, url, restored_var)
        assert again.returncode != 0
        assert "chỉ khôi phục vào cơ sở dữ liệu mới, rỗng" in again.stderr
        assert after() == before
    finally:
        if connection.vendor != "sqlite":
            _admin(f'DROP DATABASE IF EXISTS "{name}"')
