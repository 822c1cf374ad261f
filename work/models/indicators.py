"""Indicators defined once, valued per unit and period, with their source."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from org.models import Unit, Vocabulary
from work.models.common import Versioned


class Indicator(Vocabulary, models.Model):
    """What is measured and how it adds up: a sum, or a ratio of two sums.

    A ratio is always recomputed from summed numerators and denominators, never
    averaged from percentages.
    """

    class Aggregation(models.TextChoices):
        SUM = "sum", _("Cộng dồn")
        RATIO = "ratio", _("Tỷ lệ (tổng tử số / tổng mẫu số)")

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên chỉ số"), max_length=250)
    measure = models.CharField(_("đơn vị tính"), max_length=50)
    aggregation = models.CharField(
        _("cách tổng hợp"),
        max_length=6,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
    )
    whole_numbers = models.BooleanField(_("chỉ nhận số nguyên"), default=True)
    denominator_label = models.CharField(_("mẫu số"), max_length=150, blank=True)
    allows_over = models.BooleanField(_("cho phép tử số lớn hơn mẫu số"), default=False)
    owner = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="own_indicators",
        verbose_name=_("đơn vị bổ sung"),
    )
    search_key = models.CharField(max_length=300, db_index=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("chỉ số")
        verbose_name_plural = _("chỉ số")

    def __str__(self) -> str:
        return self.label

    @property
    def measure_label(self) -> str:
        return gettext(self.measure) if self.measure else ""

    @property
    def denominator_text(self) -> str:
        return gettext(self.denominator_label) if self.denominator_label else ""

    @property
    def is_ratio(self) -> bool:
        return self.aggregation == self.Aggregation.RATIO


class IndicatorValue(Versioned):
    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        related_name="values",
        verbose_name=_("chỉ số"),
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="indicator_values",
        verbose_name=_("đơn vị"),
    )
    period_start = models.DateField(_("kỳ từ ngày"))
    period_end = models.DateField(_("kỳ đến ngày"))
    value = models.DecimalField(_("giá trị"), max_digits=16, decimal_places=2)
    denominator = models.DecimalField(
        _("mẫu số"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    source = models.CharField(_("nguồn số liệu"), max_length=400)
    initiative = models.ForeignKey(
        "work.Initiative",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicator_values",
        verbose_name=_("mô hình"),
    )
    conference = models.ForeignKey(
        "work.Conference",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicator_values",
        verbose_name=_("hội nghị"),
    )

    class Meta:
        ordering = ["-period_end", "indicator__name"]
        verbose_name = _("giá trị chỉ số")
        verbose_name_plural = _("giá trị chỉ số")
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0)
                & (Q(denominator__isnull=True) | Q(denominator__gte=0)),
                name="indicatorvalue_not_negative",
                violation_error_message=_("Giá trị chỉ số không được âm."),
            ),
            models.CheckConstraint(
                condition=Q(period_start__lte=F("period_end")),
                name="indicatorvalue_period_ordered",
                violation_error_message=_(
                    "Kỳ số liệu: ngày bắt đầu phải trước ngày kết thúc."
                ),
            ),
            models.UniqueConstraint(
                fields=["indicator", "unit", "period_start", "period_end"],
                condition=Q(initiative__isnull=True),
                name="indicatorvalue_one_per_period",
                violation_error_message=_(
                    "Đơn vị đã có giá trị của chỉ số này cho kỳ này."
                ),
            ),
            models.UniqueConstraint(
                fields=["indicator", "initiative", "period_start", "period_end"],
                condition=Q(initiative__isnull=False),
                name="indicatorvalue_one_per_initiative_period",
                violation_error_message=_(
                    "Mô hình đã có giá trị của chỉ số này cho kỳ này."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "unit", "period_end"]),
            # The list of values of a subtree and period, and its count.
            models.Index(fields=["unit", "period_end"]),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"

    @property
    def record_date(self) -> dt.date:
        return self.period_end
