"""Mô hình and điển hình "Dân vận khéo" through their lifecycle."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from org.models import Body, Person, Unit
from work.models.common import Field, Versioned


class Initiative(Versioned):
    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    class Kind(models.TextChoices):
        MODEL = "model", _("Mô hình")
        EXEMPLAR = "exemplar", _("Điển hình")

    class Holder(models.TextChoices):
        COLLECTIVE = "collective", _("Tập thể")
        INDIVIDUAL = "individual", _("Cá nhân")

    class Origin(models.TextChoices):
        NEW = "new", _("Mới")
        REPLICATED = "replicated", _("Nhân rộng")

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Đăng ký")
        SURVEYED = "surveyed", _("Đã khảo sát")
        RECOGNIZED = "recognized", _("Được công nhận tiêu biểu")
        REPLICATED = "replicated", _("Đã nhân rộng")
        DISCONTINUED = "discontinued", _("Dừng thực hiện")

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="initiatives",
        verbose_name=_("đơn vị"),
    )
    name = models.CharField(_("tên mô hình, điển hình"), max_length=300)
    kind = models.CharField(
        _("loại"), max_length=10, choices=Kind.choices, default=Kind.MODEL
    )
    field = models.ForeignKey(
        Field,
        on_delete=models.PROTECT,
        related_name="initiatives",
        verbose_name=_("lĩnh vực"),
    )
    holder_kind = models.CharField(
        _("chủ thể"), max_length=12, choices=Holder.choices, default=Holder.COLLECTIVE
    )
    holder_body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("tập thể thực hiện"),
    )
    holder_person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("cá nhân thực hiện"),
    )
    holder_name = models.CharField(
        _("tên chủ thể"),
        max_length=250,
        blank=True,
        help_text=_("Khi chủ thể chưa có trong danh mục cơ quan, cán bộ."),
    )
    registered_on = models.DateField(_("ngày đăng ký"))
    period_end = models.DateField(_("thực hiện đến"), null=True, blank=True)
    origin = models.CharField(
        _("mới hay nhân rộng"),
        max_length=12,
        choices=Origin.choices,
        default=Origin.NEW,
    )
    replicates = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replicas",
        verbose_name=_("nhân rộng từ mô hình"),
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=14,
        choices=Status.choices,
        default=Status.REGISTERED,
    )
    description = models.TextField(_("mô tả"), blank=True)
    results = models.TextField(_("kết quả"), blank=True)

    class Meta:
        ordering = ["-registered_on", "name"]
        verbose_name = _("mô hình, điển hình")
        verbose_name_plural = _("mô hình, điển hình")
        constraints = [
            models.CheckConstraint(
                condition=Q(origin="new", replicates__isnull=True)
                | Q(origin="replicated"),
                name="initiative_new_replicates_nothing",
                violation_error_message=_(
                    "Mô hình mới không nhân rộng từ mô hình khác."
                ),
            ),
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_end__gte=models.F("registered_on")),
                name="initiative_period_end_after_registration",
                violation_error_message=_(
                    "Ngày kết thúc không được trước ngày đăng ký."
                ),
            ),
        ]
        indexes = [models.Index(fields=["unit", "registered_on"])]

    def __str__(self) -> str:
        return self.name

    @property
    def record_date(self) -> dt.date:
        return self.registered_on

    @property
    def holder_label(self) -> str:
        return str(self.holder_body or self.holder_person or self.holder_name or "")


class InitiativeStep(models.Model):
    """One step of an initiative's lifecycle, with its date and deciding body."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "initiative__unit__path"

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="steps"
    )
    status = models.CharField(
        _("bước"), max_length=14, choices=Initiative.Status.choices
    )
    date = models.DateField(_("ngày"))
    decided_by = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan quyết định"),
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("bước của mô hình")
        verbose_name_plural = _("các bước của mô hình")

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.date:%d/%m/%Y}"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"initiatives/{instance.initiative_id}/{filename}"


class Attachment(models.Model):
    """A photo or PDF of an initiative, kept through Django's storage API."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "initiative__unit__path"

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("tệp"), upload_to=attachment_path)
    title = models.CharField(_("tiêu đề"), max_length=200)
    content_type = models.CharField(max_length=60, editable=False)
    size = models.PositiveIntegerField(editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self) -> str:
        return self.title
