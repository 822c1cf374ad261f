"""Conferences (hội nghị), their attendees, commitments, conclusions and tasks."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from org.models import Body, Person, Unit
from work.models.common import Versioned


class Conference(Versioned):
    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    class Kind(models.TextChoices):
        YEAR_END_REVIEW = "year_end_review", _("Hội nghị tổng kết")
        MIDYEAR_REVIEW = "midyear_review", _("Hội nghị sơ kết")
        PLAN_LAUNCH = "plan_launch", _("Hội nghị triển khai")
        BRIEFING = "briefing", _("Giao ban")
        THEMATIC = "thematic", _("Hội nghị chuyên đề")
        DIALOGUE = "dialogue", _("Đối thoại")

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="conferences",
        verbose_name=_("đơn vị được đánh giá"),
    )
    kind = models.CharField(_("loại hội nghị"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("tên hội nghị"), max_length=400)
    date = models.DateField(_("ngày tổ chức"))
    start_time = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    place = models.CharField(_("địa điểm"), max_length=250, blank=True)
    organizer = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        related_name="conferences",
        verbose_name=_("cơ quan tổ chức"),
    )
    review_start = models.DateField(_("kỳ đánh giá từ"), null=True, blank=True)
    review_end = models.DateField(_("kỳ đánh giá đến"), null=True, blank=True)
    plan_start = models.DateField(_("kỳ triển khai từ"), null=True, blank=True)
    plan_end = models.DateField(_("kỳ triển khai đến"), null=True, blank=True)
    conclusions = models.TextField(_("kết luận"), blank=True)
    article_title = models.CharField(_("tiêu đề bài viết"), max_length=400, blank=True)
    article_url = models.URLField(_("địa chỉ bài viết"), max_length=500, blank=True)
    article_author = models.CharField(_("tác giả bài viết"), max_length=150, blank=True)
    article_published_on = models.DateField(_("ngày đăng"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("hội nghị")
        verbose_name_plural = _("hội nghị")
        constraints = [
            models.CheckConstraint(
                condition=Q(review_start__isnull=True)
                | Q(review_end__isnull=True)
                | Q(review_start__lte=F("review_end")),
                name="conference_review_period_ordered",
                violation_error_message=_(
                    "Kỳ đánh giá: ngày bắt đầu phải trước ngày kết thúc."
                ),
            ),
            models.CheckConstraint(
                condition=Q(plan_start__isnull=True)
                | Q(plan_end__isnull=True)
                | Q(plan_start__lte=F("plan_end")),
                name="conference_plan_period_ordered",
                violation_error_message=_(
                    "Kỳ triển khai: ngày bắt đầu phải trước ngày kết thúc."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "date"]),
            # The list's order: its first page is read from this index
            # instead of sorting a province's conferences (36 ms to 9 ms on
            # the national benchmark data).
            models.Index(fields=["-date", "title"], name="conference_list_order"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def record_date(self) -> dt.date:
        return self.date


class Attendance(models.Model):
    """A person present, with the position they held that day, as stated."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "conference__unit__path"

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("cán bộ"),
    )
    name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức vụ khi dự"), max_length=300, blank=True)
    is_guest = models.BooleanField(_("khách cấp trên"), default=False)
    spoke = models.BooleanField(_("phát biểu"), default=False)
    speech = models.TextField(_("nội dung phát biểu"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("đại biểu dự")
        verbose_name_plural = _("đại biểu dự")

    def __str__(self) -> str:
        return f"{self.name} – {self.position}" if self.position else self.name


class Commitment(models.Model):
    """A competition pledge signed at a conference (ký cam kết thi đua)."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "conference__unit__path"

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="commitments"
    )
    body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan ký"),
    )
    signer_name = models.CharField(_("đơn vị ký"), max_length=250, blank=True)
    content = models.TextField(_("nội dung cam kết"))

    class Meta:
        verbose_name = _("cam kết thi đua")
        verbose_name_plural = _("cam kết thi đua")

    def __str__(self) -> str:
        return str(self.body or self.signer_name)


class FollowUpTask(Versioned):
    """A task a conference's conclusions set, with its owner and deadline."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "conference__unit__path"

    class Status(models.TextChoices):
        OPEN = "open", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")
        CANCELLED = "cancelled", _("Hủy bỏ")

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="tasks"
    )
    owner = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        related_name="tasks",
        verbose_name=_("cơ quan chủ trì"),
    )
    content = models.TextField(_("nội dung nhiệm vụ"))
    deadline = models.DateField(_("thời hạn"))
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("nhiệm vụ sau hội nghị")
        verbose_name_plural = _("nhiệm vụ sau hội nghị")

    def __str__(self) -> str:
        return self.content[:80]

    @property
    def record_date(self) -> dt.date:
        return self.conference.date
