"""Coordination programmes between bodies, and dialogues with the people."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from org.models import Body, Unit
from work.models.common import Versioned


class CoordinationProgram(Versioned):
    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang thực hiện")
        COMPLETED = "completed", _("Đã kết thúc")
        CANCELLED = "cancelled", _("Hủy bỏ")

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="programs",
        verbose_name=_("đơn vị"),
    )
    title = models.CharField(_("tên chương trình"), max_length=400)
    parties = models.ManyToManyField(
        Body, related_name="programs", verbose_name=_("các bên ký")
    )
    signed_on = models.DateField(_("ngày ký"))
    start = models.DateField(_("thực hiện từ"))
    end = models.DateField(_("thực hiện đến"), null=True, blank=True)
    content = models.TextField(_("nội dung phối hợp"), blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("chương trình phối hợp")
        verbose_name_plural = _("chương trình phối hợp")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__lte=F("end")),
                name="program_start_before_end",
                violation_error_message=_("Ngày bắt đầu phải trước ngày kết thúc."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def record_date(self) -> dt.date:
        return self.signed_on


class Dialogue(Versioned):
    """A dialogue between leaders and the people: issues raised and resolved."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="dialogues",
        verbose_name=_("đơn vị"),
    )
    conference = models.OneToOneField(
        "work.Conference",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dialogue",
        verbose_name=_("hội nghị"),
    )
    host = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        related_name="dialogues",
        verbose_name=_("cơ quan chủ trì"),
    )
    topic = models.CharField(_("chủ đề"), max_length=400)
    date = models.DateField(_("ngày đối thoại"))
    participants = models.PositiveIntegerField(
        _("số người tham dự"), null=True, blank=True
    )
    issues_raised = models.PositiveIntegerField(_("số ý kiến, kiến nghị"))
    issues_resolved = models.PositiveIntegerField(
        _("số ý kiến đã giải quyết"), default=0
    )

    class Meta:
        ordering = ["-date"]
        verbose_name = _("đối thoại")
        verbose_name_plural = _("đối thoại")
        constraints = [
            models.CheckConstraint(
                condition=Q(issues_resolved__lte=F("issues_raised")),
                name="dialogue_resolved_within_raised",
                violation_error_message=_(
                    "Số ý kiến đã giải quyết không được lớn hơn số ý kiến, kiến nghị."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.topic

    @property
    def record_date(self) -> dt.date:
        return self.date
