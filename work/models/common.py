"""Pieces every record of the work shares: fields of work, versions, period locks."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from org.models import Unit, Vocabulary


class Field(Vocabulary, models.Model):
    """Lĩnh vực: the four standard fields of "Dân vận khéo".

    A province may add fields of its own.
    """

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("lĩnh vực"), max_length=150)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    owner = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="own_fields",
        verbose_name=_("đơn vị bổ sung"),
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")

    def __str__(self) -> str:
        return self.label


class Versioned(models.Model):
    """A record edited through forms: ``version`` refuses saves based on stale data."""

    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    search_key = models.CharField(max_length=500, db_index=True, editable=False)

    class Meta:
        abstract = True


class PeriodLock(models.Model):
    """An approved period of a unit: its subtree's records in it cannot change.

    The reports issue creates locks when a report is approved; an approver may
    reopen one, and the reopening stays on record.
    """

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="period_locks",
        verbose_name=_("đơn vị"),
    )
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    reason = models.CharField(_("căn cứ"), max_length=300)
    locked_at = models.DateTimeField(_("khóa lúc"), auto_now_add=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người khóa"),
    )
    reopened_at = models.DateTimeField(_("mở lại lúc"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người mở lại"),
    )
    reopen_reason = models.TextField(_("lý do mở lại"), blank=True)

    class Meta:
        ordering = ["-start"]
        verbose_name = _("khóa kỳ báo cáo")
        verbose_name_plural = _("khóa kỳ báo cáo")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lte=F("end")),
                name="periodlock_start_before_end",
                violation_error_message=_("Ngày bắt đầu phải trước ngày kết thúc."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"

    @property
    def is_active(self) -> bool:
        return self.reopened_at is None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end
