"""Campaigns, movements and plans, with quantified targets per unit."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from org.models import Body, Unit
from work.models.common import Versioned


class Campaign(Versioned):
    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    class Kind(models.TextChoices):
        MOVEMENT_CAMPAIGN = "campaign", _("Cuộc vận động")
        EMULATION = "emulation", _("Phong trào thi đua")
        PROJECT = "project", _("Đề án")
        PLAN = "plan", _("Kế hoạch")
        PHASE = "phase", _("Đợt")

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("đơn vị phát động"),
    )
    organizer = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaigns",
        verbose_name=_("cơ quan chủ trì"),
    )
    kind = models.CharField(_("hình thức"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("tên"), max_length=400)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    description = models.TextField(_("nội dung"), blank=True)
    participants = models.ManyToManyField(
        Unit,
        related_name="campaigns_joined",
        blank=True,
        verbose_name=_("đơn vị tham gia"),
    )
    conference = models.ForeignKey(
        "work.Conference",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="campaigns",
        verbose_name=_("phát động tại hội nghị"),
    )

    class Meta:
        ordering = ["-start", "name"]
        verbose_name = _("cuộc vận động, phong trào")
        verbose_name_plural = _("cuộc vận động, phong trào")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lte=F("end")),
                name="campaign_start_before_end",
                violation_error_message=_("Ngày bắt đầu phải trước ngày kết thúc."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def record_date(self) -> dt.date:
        return self.start


class Target(models.Model):
    """A quantity a unit is to reach in a campaign ("≥ 1 căn nhà mỗi phường")."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    class Comparison(models.TextChoices):
        AT_LEAST = "gte", _("ít nhất")
        EXACTLY = "eq", _("đúng")
        AT_MOST = "lte", _("nhiều nhất")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="targets"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="targets", verbose_name=_("đơn vị")
    )
    description = models.CharField(_("chỉ tiêu"), max_length=300)
    comparison = models.CharField(
        _("so sánh"),
        max_length=3,
        choices=Comparison.choices,
        default=Comparison.AT_LEAST,
    )
    quantity = models.DecimalField(_("số lượng"), max_digits=14, decimal_places=2)
    measure = models.CharField(_("đơn vị tính"), max_length=50)

    class Meta:
        ordering = ["campaign", "unit__path", "description"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=0),
                name="target_quantity_not_negative",
                violation_error_message=_("Số lượng chỉ tiêu không được âm."),
            )
        ]

    def __str__(self) -> str:
        comparison = self.get_comparison_display()
        return f"{self.description}: {comparison} {self.quantity} {self.measure}"

    @property
    def record_date(self) -> dt.date:
        return self.campaign.start


class TargetProgress(models.Model):
    """An amount achieved against a target, as of a date."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "target__unit__path"

    target = models.ForeignKey(
        Target, on_delete=models.CASCADE, related_name="progress"
    )
    date = models.DateField(_("ngày"))
    achieved = models.DecimalField(_("đạt được"), max_digits=14, decimal_places=2)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("kết quả thực hiện chỉ tiêu")
        verbose_name_plural = _("kết quả thực hiện chỉ tiêu")
        constraints = [
            models.CheckConstraint(
                condition=Q(achieved__gte=0),
                name="progress_not_negative",
                violation_error_message=_("Kết quả không được âm."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.achieved} ({self.date:%d/%m/%Y})"

    @property
    def record_date(self) -> dt.date:
        return self.date
