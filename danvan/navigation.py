"""The site's navigation, grouped the way the work is, with the current
place marked: built once per page for the signed-in user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass
class Item:
    label: str | Promise
    url: str
    current: bool = False


@dataclass
class Group:
    # None: a group of one link, shown without a heading.
    label: str | Promise | None
    items: list[Item] = field(default_factory=list)

    @property
    def current(self) -> bool:
        return any(item.current for item in self.items)


def groups_for(user: Any, path: str) -> list[Group]:
    """The menu of ``user``; the item whose address is the longest start of
    ``path`` is the current one (a record's page marks its list)."""
    unit_id = getattr(user, "unit_id", None)
    administrator = getattr(user, "role", "") == "administrator"
    mine: list[Item] = []
    if unit_id is not None:
        mine.append(
            Item(_("Đơn vị của tôi"), reverse("org:unit_detail", args=[unit_id]))
        )
    mine.append(Item(_("Tìm đơn vị"), reverse("org:unit_search")))
    records = Group(
        _("Sổ theo dõi"),
        [
            Item(_("Mô hình, điển hình"), reverse("work:initiative_list")),
            Item(_("Hội nghị"), reverse("work:conference_list")),
            Item(_("Chương trình phối hợp"), reverse("work:program_list")),
            Item(_("Đối thoại"), reverse("work:dialogue_list")),
            Item(_("Cuộc vận động"), reverse("work:campaign_list")),
            Item(_("Chỉ số"), reverse("work:value_list")),
            Item(_("Khen thưởng"), reverse("work:award_list")),
        ],
    )
    reports = Group(_("Báo cáo"))
    if unit_id is not None:
        reports.items.append(
            Item(_("Tổng quan"), reverse("reports:dashboard", args=[unit_id]))
        )
    reports.items += [
        Item(_("Báo cáo"), reverse("reports:report_list")),
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
    matches = [item for item in items if path.startswith(item.url)]
    if matches:
        max(matches, key=lambda item: len(item.url)).current = True
    return groups
