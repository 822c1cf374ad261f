from __future__ import annotations

import datetime as dt

import pytest

from org import services as org_services
from org.models import Body, BodyKind
from work.models import Field, Indicator


@pytest.fixture
def khoi(world) -> Body:
    return org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối dân vận xã An Phú",
    )


@pytest.fixture
def ban(world) -> Body:
    return org_services.body_create(
        unit=world.province,
        kind=BodyKind.objects.get(code="ban-dan-van"),
        name="Ban Dân vận Tỉnh ủy Thử Nghiệm",
    )


@pytest.fixture
def economy() -> Field:
    return Field.objects.get(code="kinh-te")


@pytest.fixture
def families() -> Indicator:
    return Indicator.objects.get(code="gia-dinh-van-hoa")


D = dt.date
