"""Backup and restore of a whole installation: the database and the uploaded
files, in one archive with a manifest that restoring checks.

The archive (tar, gzip) holds:

- ``manifest.json``: format, date, database engine, the row count of every
  table (the audit log included) and the SHA-256 of every other member;
- ``database.sqlite3`` (SQLite's online backup API: a consistent copy while
  the platform runs) or ``database.pgdump`` (``pg_dump`` custom format);
- ``media/…``: every file under MEDIA_ROOT (uploads, attachments, templates,
  generated documents).

Restoring goes into a new, empty database (the dump creates the schema) and
an empty media folder, never over data; it writes rows as they were dumped,
so it adds no audit entries of its own, and it ends by comparing every
table's row count and every file's checksum with the manifest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.db import connection

FORMAT = 1
MANIFEST = "manifest.json"
DUMPS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """The backup or restore cannot be done; the message says why."""


@dataclass
class Summary:
    tables: int
    rows: int
    files: int
    archive: Path | None = None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(2**20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in DUMPS:
        raise BackupError(f"Không hỗ trợ cơ sở dữ liệu {vendor}.")
    return vendor


def table_counts() -> dict[str, int]:
    """Every table of the database and its number of rows."""
    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = int(cursor.fetchone()[0])
    return counts


def _pg_env() -> tuple[dict[str, str], str]:
    db: dict[str, Any] = dict(settings.DATABASES["default"])
    env = dict(os.environ)
    for key, name in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if db.get(key):
            env[name] = str(db[key])
    return env, str(db["NAME"])


def _dump_database(engine: str, target: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        source = connection.connection
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
        return
    env, name = _pg_env()
    done = subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={target}",
            name,
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise BackupError(f"pg_dump không chạy được: {done.stderr.strip()}")


def _media_files() -> list[tuple[str, Path]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return []
    return sorted(
        (path.relative_to(root).as_posix(), path)
        for path in root.rglob("*")
        if path.is_file()
    )


def backup(output: Path) -> Summary:
    """Write the archive to ``output``; the counts it holds."""
    engine = _engine()
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMPS[engine]
        # Counted in the same breath as the dump: the platform may be in use.
        counts = table_counts()
        _dump_database(engine, dump)
        files = _media_files()
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "engine": engine,
            "tables": counts,
            "database": {"name": DUMPS[engine], "sha256": _sha256(dump)},
            "files": {name: _sha256(path) for name, path in files},
        }
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=DUMPS[engine])
            for name, path in files:
                archive.add(path, arcname=f"media/{name}")
        partial.replace(output)
    return Summary(len(counts), sum(counts.values()), len(files), output)


def _safe_member(name: str) -> str:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts:
        raise BackupError(f"Tệp sao lưu có đường dẫn không hợp lệ: {name}")
    return path.as_posix()


def _database_is_empty() -> bool:
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def _restore_sqlite(dump: Path) -> None:
    target = Path(settings.DATABASES["default"]["NAME"])
    connection.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    staged = target.with_name(target.name + ".restoring")
    shutil.copyfile(dump, staged)
    staged.replace(target)


def _restore_postgresql(dump: Path) -> None:
    env, name = _pg_env()
    connection.close()
    done = subprocess.run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={name}",
            str(dump),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise BackupError(f"pg_restore không chạy được: {done.stderr.strip()}")


def restore(archive_path: Path) -> Summary:
    """Restore ``archive_path`` into the configured database, which must be
    empty, and MEDIA_ROOT, which must hold no files; then check both against
    the manifest. Raises BackupError, naming what is wrong."""
    engine = _engine()
    if not archive_path.is_file():
        raise BackupError(f"Không thấy tệp sao lưu {archive_path}.")
    if engine == "sqlite":
        # A new installation: the folder of its database file may not exist.
        Path(settings.DATABASES["default"]["NAME"]).parent.mkdir(
            parents=True, exist_ok=True
        )
    if not _database_is_empty():
        raise BackupError(
            "Cơ sở dữ liệu đích đã có bảng: chỉ khôi phục vào cơ sở dữ liệu mới, rỗng."
        )
    media = Path(settings.MEDIA_ROOT)
    if _media_files():
        raise BackupError(f"Thư mục tệp tải lên {media} đã có tệp: cần thư mục rỗng.")
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path) as archive:
        try:
            manifest = json.load(archive.extractfile(MANIFEST))  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError) as exc:
            raise BackupError("Tệp sao lưu không có bản kê (manifest.json).") from exc
        if manifest.get("format") != FORMAT:
            raise BackupError("Tệp sao lưu thuộc định dạng khác.")
        if manifest["engine"] != engine:
            raise BackupError(
                f"Bản sao lưu của {manifest['engine']} không khôi phục được vào "
                f"{engine}."
            )
        extracted: dict[str, Path] = {}
        for member in archive.getmembers():
            name = _safe_member(member.name)
            if not member.isfile() or name == MANIFEST:
                continue
            target = Path(work) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(member)
            assert source is not None
            with target.open("wb") as out:
                shutil.copyfileobj(source, out)
            extracted[name] = target
        database = manifest["database"]
        dump = extracted.get(database["name"])
        if dump is None or _sha256(dump) != database["sha256"]:
            raise BackupError("Bản sao cơ sở dữ liệu trong tệp sao lưu bị hỏng.")
        for name, digest in manifest["files"].items():
            path = extracted.get(f"media/{name}")
            if path is None or _sha256(path) != digest:
                raise BackupError(f"Tệp {name} trong bản sao lưu bị thiếu hoặc hỏng.")
        if engine == "sqlite":
            _restore_sqlite(dump)
        else:
            _restore_postgresql(dump)
        for name in manifest["files"]:
            target = media / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(extracted[f"media/{name}"], target)
    counts = table_counts()
    if counts != manifest["tables"]:
        differ = sorted(
            t
            for t in set(counts) | set(manifest["tables"])
            if counts.get(t) != manifest["tables"].get(t)
        )
        raise BackupError("Số dòng sau khôi phục không khớp ở: " + ", ".join(differ))
    restored = {name: _sha256(path) for name, path in _media_files()}
    if restored != manifest["files"]:
        raise BackupError("Tệp tải lên sau khôi phục không khớp bản kê.")
    return Summary(len(counts), sum(counts.values()), len(restored))
