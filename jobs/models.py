"""Background jobs: long work (PDF conversion, large exports, national
roll-ups, batch imports) with its progress, run by Celery workers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from org.models import Unit


class Job(models.Model):
    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang chạy")
        DONE = "done", _("Hoàn thành")
        FAILED = "failed", _("Không thành công")

    kind = models.SlugField(_("loại việc"), max_length=40)
    title = models.CharField(_("việc"), max_length=300)
    params = models.JSONField(_("tham số"), default=dict)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="jobs", verbose_name=_("đơn vị")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người yêu cầu"),
    )
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    message = models.CharField(_("thông báo"), max_length=500, blank=True)
    # Values for the message's %(name)s placeholders: the message is kept as
    # its Vietnamese msgid and translated when shown (``shown_message``).
    message_args = models.JSONField(default=dict, blank=True)
    result = models.FileField(_("kết quả"), upload_to="jobs/%Y/%m/", blank=True)
    result_name = models.CharField(_("tên tệp"), max_length=200, blank=True)
    result_type = models.CharField(max_length=120, blank=True)
    # The page the job was started from: the progress page leads back to it.
    return_url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("việc chạy nền")
        verbose_name_plural = _("việc chạy nền")

    def __str__(self) -> str:
        return self.title

    @property
    def shown_message(self) -> str:
        """The message in the reader's language, its placeholders filled."""
        text = gettext(self.message) if self.message else ""
        if self.message_args:
            try:
                return str(text % self.message_args)
            except (KeyError, TypeError, ValueError):
                return gettext(self.message)
        return text

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
