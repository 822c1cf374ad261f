"""Awards: who gave what form of recognition to which collectives and individuals."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from org.models import Body, Person, Unit
from work.models.common import Versioned


class Award(Versioned):
    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    class Form(models.TextChoices):
        MEDAL = "medal", _("Kỷ niệm chương “Vì sự nghiệp Dân vận”")
        CERTIFICATE_OF_MERIT = "merit", _("Bằng khen")
        CERTIFICATE = "certificate", _("Giấy khen")
        OTHER = "other", _("Hình thức khác")

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="awards",
        verbose_name=_("đơn vị ghi nhận"),
    )
    issuer = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards_given",
        verbose_name=_("cơ quan khen thưởng"),
    )
    issuer_name = models.CharField(
        _("tên cơ quan khen thưởng"),
        max_length=250,
        blank=True,
        help_text=_(
            "Khi cơ quan khen thưởng chưa có trong danh mục (ví dụ cấp Trung ương); "
            "để trống nếu nguồn không nêu."
        ),
    )
    form = models.CharField(_("hình thức"), max_length=12, choices=Form.choices)
    form_other = models.CharField(_("hình thức khác"), max_length=150, blank=True)
    date = models.DateField(_("ngày khen thưởng"))
    decision = models.CharField(_("số quyết định"), max_length=100, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    collective_count = models.PositiveIntegerField(_("số tập thể"), default=0)
    individual_count = models.PositiveIntegerField(_("số cá nhân"), default=0)
    conference = models.ForeignKey(
        "work.Conference",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("trao tại hội nghị"),
    )
    initiative = models.ForeignKey(
        "work.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("mô hình được khen"),
    )

    class Meta:
        ordering = ["-date", "form"]
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        indexes = [models.Index(fields=["unit", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(collective_count__gt=0) | Q(individual_count__gt=0),
                name="award_has_recipients",
                violation_error_message=_(
                    "Khen thưởng phải có ít nhất một tập thể hoặc cá nhân."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.form_label} – {self.issuer_label}"

    @property
    def form_label(self) -> str:
        return (
            self.form_other if self.form == self.Form.OTHER else self.get_form_display()
        )

    @property
    def issuer_label(self) -> str:
        return str(self.issuer or self.issuer_name or _("không rõ cơ quan khen thưởng"))

    @property
    def record_date(self) -> dt.date:
        return self.date


class AwardRecipient(models.Model):
    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "award__unit__path"

    class Kind(models.TextChoices):
        COLLECTIVE = "collective", _("Tập thể")
        INDIVIDUAL = "individual", _("Cá nhân")

    award = models.ForeignKey(
        Award, on_delete=models.CASCADE, related_name="recipients"
    )
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards_received",
        verbose_name=_("tập thể"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards_received",
        verbose_name=_("cá nhân"),
    )
    name = models.CharField(_("tên"), max_length=250)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("người, tập thể được khen")
        verbose_name_plural = _("người, tập thể được khen")

    def __str__(self) -> str:
        return self.name
