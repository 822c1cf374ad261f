"""The site's navigation, grouped the way the work is, with the current
place marked: built once per page for the signed-in user."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse as django_reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from danvan.workcontext import PERIOD, WorkContext


@functools.lru_cache(maxsize=4096)
def reverse(name: str, args: tuple[int, ...] = ()) -> str:
    """A menu address, reversed once per process (the menu is built on every
    page; reversing is most of its cost)."""
    return django_reverse(name, args=list(args))


@dataclass
class Item:
    label: str | Promise
    path: str
    query: str = ""
    current: bool = False

    @property
    def url(self) -> str:
        return f"{self.path}{self.query}"


@dataclass
class Group:
    # None: a group of one link, shown without a heading.
    label: str | Promise | None
    items: list[Item] = field(default_factory=list)

    @property
    def current(self) -> bool:
        return any(item.current for item in self.items)


def groups_for(user: Any, path: str, context: WorkContext | None = None) -> list[Group]:
    """The menu of ``user``; the item whose address is the longest start of
    ``path`` is the current one (a record's page marks its list). With a
    chosen work ``context`` (unit and period), the lists and the dashboard
    open on it."""
    unit_id = getattr(user, "unit_id", None)
    query = f"?{context.query()}" if context is not None and context.chosen else ""
    board_unit = (
        context.unit.pk
        if context is not None and context.chosen and context.unit is not None
        else unit_id
    )
    board_query = (
        f"?{PERIOD}={context.period.code}"
        if context is not None and context.chosen
        else ""
    )
    administrator = getattr(user, "role", "") == "administrator"
    mine: list[Item] = []
    if unit_id is not None:
        mine.append(Item(_("Đơn vị của tôi"), reverse("org:unit_detail", (unit_id,))))
    mine.append(Item(_("Tìm đơn vị"), reverse("org:unit_search")))
    records = Group(
        _("Sổ theo dõi"),
        [
            Item(_("Mô hình, điển hình"), reverse("work:initiative_list"), query),
            Item(_("Hội nghị"), reverse("work:conference_list"), query),
            Item(_("Chương trình phối hợp"), reverse("work:program_list"), query),
            Item(_("Đối thoại"), reverse("work:dialogue_list"), query),
            Item(_("Cuộc vận động"), reverse("work:campaign_list"), query),
            Item(_("Chỉ số"), reverse("work:value_list"), query),
            Item(_("Khen thưởng"), reverse("work:award_list"), query),
        ],
    )
    reports = Group(_("Báo cáo"))
    if board_unit is not None:
        reports.items.append(
            Item(
                _("Tổng quan"),
                reverse("reports:dashboard", (board_unit,)),
                board_query,
            )
        )
    reports.items += [
        Item(_("Báo cáo"), reverse("reports:report_list"), query),
        Item(_("Kỳ đã khóa"), reverse("work:lock_list")),
    ]
    reading = Group(None, [Item(_("Đọc bài viết"), reverse("ingest:document_list"))])
    admin = Group(_("Quản trị"), mine)
    if administrator:
        admin.items += [
            Item(_("Người dùng"), reverse("accounts:user_list")),
            Item(_("Khóa đăng nhập"), reverse("accounts:login_locks")),
            Item(_("Đề cương báo cáo"), reverse("reports:outline")),
            Item(_("Mẫu văn bản"), reverse("reports:templates")),
        ]
    admin.items.append(Item(_("Thể thức văn bản"), reverse("reports:layout")))
    groups = [records, reports, reading, admin]
    items = [item for group in groups for item in group.items]
    matches = [item for item in items if path.startswith(item.path)]
    if matches:
        max(matches, key=lambda item: len(item.path)).current = True
    return groups
