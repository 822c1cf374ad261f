"""Units for the tests of this app, named as the reader will find them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from org import services as org_services
from org.models import UnitKind

SINCE = dt.date(2020, 1, 1)


def unit(parent: Any, code: str, name: str, kind: str) -> Any:
    """A unit existing since 2020, its short name its name without the kind
    ("Xã An Hòa" → "An Hòa")."""
    kind_row = UnitKind.objects.get(code=kind)
    short = (
        name.split(" ", 2)[-1] if name.startswith("Thị trấn") else name.split(" ", 1)[1]
    )
    return org_services.unit_create(
        parent=parent,
        code=code,
        name=name,
        short_name=short,
        kind=kind_row,
        valid_from=SINCE,
    )
