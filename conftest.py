"""Test personas at fixed places in the hierarchy, built through the services.

Việt Nam
├── Tỉnh Thử Nghiệm            province_officer (administrator)
│   ├── Xã An Phú              commune_officer (editor), commune_viewer
│   │   └── Thôn Một
│   └── Xã Bình Minh           sibling_officer (editor)
└── Tỉnh Ngoài Phạm Vi         outsider (administrator)
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from typing import Any

import pytest

PASSWORD = "mat-khau-thu-nghiem-2024"


@dataclass
class World:
    root: Any
    province: Any
    commune: Any
    village: Any
    sibling: Any
    other_province: Any
    province_officer: Any
    commune_officer: Any
    commune_viewer: Any
    sibling_officer: Any
    outsider: Any


def _kind(code: str) -> Any:
    from org.models import UnitKind

    return UnitKind.objects.get(code=code)


def build_world() -> World:
    from accounts.models import Role
    from accounts.services import user_create
    from org.services import unit_create

    start = dt.date(2020, 1, 1)
    root = unit_create(
        parent=None,
        code="VN",
        name="Việt Nam",
        short_name="Việt Nam",
        kind=_kind("quoc-gia"),
    )
    province = unit_create(
        parent=root,
        code="T01",
        name="Tỉnh Thử Nghiệm",
        short_name="Thử Nghiệm",
        kind=_kind("tinh"),
        valid_from=start,
    )
    commune = unit_create(
        parent=province,
        code="X01",
        name="Xã An Phú",
        short_name="An Phú",
        kind=_kind("xa"),
        valid_from=start,
    )
    village = unit_create(
        parent=commune,
        code="X01-T1",
        name="Thôn Một",
        short_name="Thôn Một",
        kind=_kind("thon"),
        valid_from=start,
    )
    sibling = unit_create(
        parent=province,
        code="X02",
        name="Xã Bình Minh",
        short_name="Bình Minh",
        kind=_kind("xa"),
        valid_from=start,
    )
    other = unit_create(
        parent=root,
        code="T02",
        name="Tỉnh Ngoài Phạm Vi",
        short_name="Ngoài Phạm Vi",
        kind=_kind("tinh"),
        valid_from=start,
    )

    def user(name: str, unit: Any, role: Role) -> Any:
        return user_create(
            actor=None,
            username=name,
            password=PASSWORD,
            full_name=name,
            unit=unit,
            role=role,
        )

    return World(
        root=root,
        province=province,
        commune=commune,
        village=village,
        sibling=sibling,
        other_province=other,
        province_officer=user("can.bo.tinh", province, Role.ADMINISTRATOR),
        commune_officer=user("can.bo.xa", commune, Role.EDITOR),
        commune_viewer=user("xem.xa", commune, Role.VIEWER),
        sibling_officer=user("can.bo.xa.ben", sibling, Role.EDITOR),
        outsider=user("ngoai.pham.vi", other, Role.ADMINISTRATOR),
    )


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def reference_data(db: None) -> None:
    """Reference data the migrations load; transactional tests flush it."""
    from org.models import BodyKind, Level, UnitKind
    from org.reference import ensure_reference_data
    from reports.models import OutlineSection
    from reports.reference import ensure_outline
    from work.models import Field, Indicator
    from work.reference import ensure_reference_data as ensure_work_reference

    ensure_reference_data(Level, UnitKind, BodyKind)
    ensure_work_reference(Field, Indicator)
    ensure_outline(OutlineSection)


@pytest.fixture
def client_as(client: Any) -> Any:
    def login(user: Any) -> Any:
        client.force_login(user)
        return client

    return login


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any],
) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": shutil.which("chromium") or "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    if shutil.which("chromium") or os.path.exists("/usr/bin/chromium"):
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        return
    skip = pytest.mark.skip(
        reason="Chromium is not installed (apt-get install chromium)"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _jobs_as_the_request_commits(settings: Any) -> None:
    """Jobs run as their request commits (not in a thread) unless a test asks
    for the thread: a thread cannot see a test's uncommitted data."""
    settings.JOBS_IN_THREAD = False


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Tests create many accounts; the production hasher (PBKDF2, a million
    rounds) takes about a second per password on these machines. PBKDF2
    stays available for the test that hands a password to a real server."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


# What the test database held after its migrations (unit kinds, levels,
# fields…), as Django serialized it for tests marked serialized_rollback.
_SERIALIZED: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None) -> None:
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents is not None:
            _SERIALIZED[alias] = contents


@pytest.fixture(autouse=True)
def _serialized_contents_on_every_connection() -> None:
    """Django keeps the serialized data on the connection object; once
    Playwright's event loop has run, the connection handler hands out new
    connection objects (a new async context) that lack it, and a transactional
    test marked serialized_rollback would start from empty tables. Give the
    current connection what the first one had."""
    if not _SERIALIZED:
        return
    from django.db import connections

    for alias, contents in _SERIALIZED.items():
        connection = connections[alias]
        if not hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = contents  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix: None,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """On SQLite the tests use a database file, as the platform does (WAL, a
    busy timeout, immediate transactions), not a shared in-memory database,
    whose table locks fail at once where the file waits its turn: tests of
    concurrent use mean something only on the file."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        folder = tmp_path_factory.mktemp("database")
        database.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Each test starts with no request counted against the rate limits."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _interface_language_reset() -> Any:
    """A request in English leaves English active in the thread (Django's
    locale middleware does not switch back): each test starts in Vietnamese."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _figures_in_the_request(settings: Any) -> None:
    """Figures are computed in the request whatever they cost: a slow test
    machine must not send a dashboard to the background refresh (a thread
    outside the test's transaction). The test of that refresh lowers it."""
    settings.FIGURES_BACKGROUND_SECONDS = 3600
