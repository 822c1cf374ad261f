"""Documents read by the platform and the facts found in them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from org.models import Unit
from work.models import Conference


def original_path(instance: Document, filename: str) -> str:
    return f"ingest/{instance.unit_id}/{instance.sha256}"


class Document(models.Model):
    """An article or report read from a file or pasted text.

    The same content (by SHA-256) is stored once per unit: reading it again
    finds this document instead of creating a second one. Its facts become
    records only when a person has reviewed and accepted them.
    """

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ đọc")
        READ = "read", _("Chờ duyệt")
        ACCEPTED = "accepted", _("Đã ghi nhận")
        FAILED = "failed", _("Không đọc được")

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("đơn vị"),
    )
    name = models.CharField(_("tên tệp"), max_length=255)
    sha256 = models.CharField(max_length=64, editable=False)
    # The file as it was sent, in media storage (backed up with the files).
    original = models.FileField(
        _("tệp gốc"), upload_to=original_path, editable=False, max_length=200
    )
    kind = models.CharField(_("định dạng"), max_length=10, blank=True)
    encoding = models.CharField(_("bảng mã"), max_length=20, blank=True)
    text = models.TextField(_("văn bản"), blank=True)
    cleaned = models.TextField(_("văn bản đã lọc"), blank=True)
    facts = models.JSONField(_("dữ kiện trích xuất"), default=dict, blank=True)
    accepted_facts = models.JSONField(_("dữ kiện đã duyệt"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    error = models.CharField(_("lỗi"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người tải lên"),
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người duyệt"),
    )
    accepted_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    conference = models.ForeignKey(
        Conference,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("hội nghị đã ghi nhận"),
    )

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("tài liệu đọc vào")
        verbose_name_plural = _("tài liệu đọc vào")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "sha256"], name="document_once_per_unit"
            )
        ]

    def __str__(self) -> str:
        title = (self.facts or {}).get("source", {}).get("title")
        return title or self.name
