"""Reporting periods as data, the layout profile of Party documents, and reports."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from org.models import Body, Unit
from reports.periods import Period, PeriodKind
from work.models import PeriodLock, Versioned

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class ReportPeriod(models.Model):
    """Kỳ báo cáo: a year, half-year, quarter, month or explicit range (a đợt)."""

    class Kind(models.TextChoices):
        YEAR = PeriodKind.YEAR.value, _("Năm")
        HALF = PeriodKind.HALF.value, _("6 tháng")
        QUARTER = PeriodKind.QUARTER.value, _("Quý")
        MONTH = PeriodKind.MONTH.value, _("Tháng")
        RANGE = PeriodKind.RANGE.value, _("Đợt (khoảng ngày)")

    kind = models.CharField(_("loại kỳ"), max_length=8, choices=Kind.choices)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))

    class Meta:
        ordering = ["-start", "kind"]
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "start", "end"], name="reportperiod_unique"
            ),
            models.CheckConstraint(
                condition=Q(start__lte=F("end")),
                name="reportperiod_start_before_end",
                violation_error_message=_("Ngày bắt đầu phải trước ngày kết thúc."),
            ),
        ]

    def __str__(self) -> str:
        # Read inside a sentence ("Báo cáo tổng kết năm 2023"), in the
        # interface's language.
        display = self.value.display
        return display[:1].lower() + display[1:]

    @property
    def value(self) -> Period:
        return Period(PeriodKind(self.kind), self.start, self.end)

    @classmethod
    def of(cls, period: Period) -> ReportPeriod:
        stored, _created = cls.objects.get_or_create(
            kind=period.kind.value, start=period.start, end=period.end
        )
        return stored


def _size(label: StrOrPromise, default: str) -> models.DecimalField:  # type: ignore[type-arg]
    return models.DecimalField(
        label,
        max_digits=4,
        decimal_places=1,
        default=Decimal(default),
        validators=[MinValueValidator(Decimal(6)), MaxValueValidator(Decimal(28))],
    )


def _margin(label: StrOrPromise, default: int) -> models.PositiveSmallIntegerField:  # type: ignore[type-arg]
    return models.PositiveSmallIntegerField(
        label, default=default, validators=[MinValueValidator(5), MaxValueValidator(60)]
    )


def _user(label: StrOrPromise) -> models.ForeignKey:  # type: ignore[type-arg]
    """Who did something to a record (kept if the account is later disabled)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=label,
    )


class DocumentLayout(models.Model):
    """Thể thức văn bản: the one place the layout of Party documents is set.

    The rules change (Quy định 399-QĐ/TW of 2026 replaced 66-QĐ/TW), so font,
    sizes and margins are data an administrator edits, not constants in code.
    Exactly one profile is in force at a time.
    """

    name = models.CharField(_("tên thể thức"), max_length=150)
    regulation = models.CharField(_("căn cứ quy định"), max_length=200)
    in_force = models.BooleanField(_("đang áp dụng"), default=False)
    font_name = models.CharField(
        _("phông chữ"), max_length=60, default="Times New Roman"
    )
    margin_top_mm = _margin(_("lề trên (mm)"), 20)
    margin_bottom_mm = _margin(_("lề dưới (mm)"), 20)
    margin_left_mm = _margin(_("lề trái (mm)"), 30)
    margin_right_mm = _margin(_("lề phải (mm)"), 15)
    party_header_pt = _size(_("cỡ chữ “ĐẢNG CỘNG SẢN VIỆT NAM” (pt)"), "15")
    superior_pt = _size(_("cỡ chữ tên cơ quan cấp trên (pt)"), "14")
    issuer_pt = _size(_("cỡ chữ tên cơ quan ban hành (pt)"), "14")
    number_pt = _size(_("cỡ chữ số, ký hiệu (pt)"), "14")
    date_line_pt = _size(_("cỡ chữ địa danh, ngày tháng (pt)"), "14")
    doc_type_pt = _size(_("cỡ chữ tên loại văn bản (pt)"), "16")
    subject_pt = _size(_("cỡ chữ trích yếu (pt)"), "14")
    body_pt = _size(_("cỡ chữ nội dung (pt)"), "14")
    table_pt = _size(_("cỡ chữ trong bảng (pt)"), "12")
    signature_pt = _size(_("cỡ chữ khối chữ ký (pt)"), "14")
    recipients_heading_pt = _size(_("cỡ chữ “Nơi nhận:” (pt)"), "14")
    recipients_pt = _size(_("cỡ chữ danh sách nơi nhận (pt)"), "12")
    first_line_indent_mm = _margin(_("thụt đầu dòng (mm)"), 10)
    line_spacing = models.DecimalField(
        _("giãn dòng (lần)"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("1.15"),
        validators=[MinValueValidator(Decimal(1)), MaxValueValidator(Decimal(3))],
    )
    paragraph_after_pt = _size(_("khoảng cách sau đoạn (pt)"), "6")
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped by each edit; a form opened on an older version cannot save.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-in_force", "name"]
        verbose_name = _("thể thức văn bản")
        verbose_name_plural = _("thể thức văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["in_force"],
                condition=Q(in_force=True),
                name="one_layout_in_force",
                violation_error_message=_(
                    "Chỉ một thể thức được áp dụng tại một thời điểm."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> DocumentLayout:
        layout = cls.objects.filter(in_force=True).first()
        return layout if layout is not None else cls(name="", regulation="")


class Report(Versioned):
    """Báo cáo sơ kết / tổng kết of a unit for a period: drafted from the
    roll-up, its narrative edited by staff, submitted, approved by the unit
    above; approval locks the period's data of the unit's subtree."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    class Kind(models.TextChoices):
        MIDYEAR = "so-ket", _("Báo cáo sơ kết")
        YEAR_END = "tong-ket", _("Báo cáo tổng kết")
        PERIODIC = "dinh-ky", _("Báo cáo định kỳ")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SUBMITTED = "submitted", _("Đã trình")
        APPROVED = "approved", _("Đã phê duyệt")
        RETURNED = "returned", _("Trả lại để sửa")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="reports", verbose_name=_("đơn vị")
    )
    period = models.ForeignKey(
        ReportPeriod,
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("kỳ báo cáo"),
    )
    kind = models.CharField(_("loại báo cáo"), max_length=10, choices=Kind.choices)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    issuer = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("cơ quan ban hành"),
    )
    superior_name = models.CharField(
        _("tên cơ quan cấp trên"),
        max_length=200,
        blank=True,
        help_text=_("Dòng trên tên cơ quan ban hành, ví dụ “HUYỆN ỦY GIA VIỄN”."),
    )
    issuer_name = models.CharField(
        _("tên cơ quan ban hành"), max_length=200, help_text=_("Ví dụ “BAN DÂN VẬN”.")
    )
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    symbol = models.CharField(
        _("ký hiệu"), max_length=40, help_text=_("Ví dụ “BC/BDVTU”.")
    )
    place = models.CharField(_("địa danh"), max_length=100)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    subject = models.CharField(_("trích yếu"), max_length=300)
    signer_authority = models.CharField(
        _("thẩm quyền ký"),
        max_length=100,
        blank=True,
        help_text=_("Ví dụ “T/M BAN THƯỜNG VỤ”; để trống khi thủ trưởng ký."),
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100)
    signer_name = models.CharField(_("họ tên người ký"), max_length=100, blank=True)
    recipients = models.TextField(
        _("nơi nhận"), blank=True, help_text=_("Mỗi nơi nhận một dòng.")
    )
    created_by = _user(_("người lập"))
    submitted_at = models.DateTimeField(_("trình lúc"), null=True, blank=True)
    submitted_by = _user(_("người trình"))
    decided_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    decided_by = _user(_("người phê duyệt"))
    decision_note = models.TextField(_("ý kiến xử lý"), blank=True)
    lock = models.ForeignKey(
        PeriodLock,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("khóa kỳ"),
    )

    class Meta:
        ordering = ["-period__start", "unit__path"]
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period", "kind"],
                name="report_unique_per_unit_period_kind",
                violation_error_message=_("Đơn vị đã có báo cáo loại này cho kỳ này."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period} – {self.unit}"

    @property
    def number_line(self) -> str:
        """ "Số 12-BC/BDVTU"; the number is left blank until it is assigned."""
        number = str(self.number) if self.number else "\u00a0" * 6
        return f"Số {number}-{self.symbol}"

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class OutlineSection(models.Model):
    """A part (I, II, …) or a section (1, 2, …) of the outline of a báo cáo
    sơ kết/tổng kết công tác dân vận. The sections with no level make the
    default outline; a level (tỉnh, huyện, xã) may have an outline of its own.

    ``key`` names what is drafted into the section from the records (see
    ``reports.drafting``); a section whose key drafts nothing carries only its
    prompt, for the writer. Titles may contain "{ky}" (the period) and
    "{ky_toi}" (the next one).
    """

    level = models.ForeignKey(
        "org.Level",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cấp"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("thuộc phần"),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    key = models.SlugField(_("mã"), max_length=40)
    title = models.CharField(_("tiêu đề"), max_length=300)
    prompt = models.TextField(
        _("gợi ý cho người viết"),
        blank=True,
        help_text=_("Hiện ở phần chưa có nội dung: những gì cần viết vào đây."),
    )
    required = models.BooleanField(
        _("bắt buộc trước khi trình"),
        default=False,
    )

    class Meta:
        ordering = ["level_id", "order"]
        verbose_name = _("mục của đề cương báo cáo")
        verbose_name_plural = _("đề cương báo cáo")
        constraints = [
            models.UniqueConstraint(
                fields=["level", "key"],
                name="outline_key_unique_per_level",
                violation_error_message=_("Mã mục đã có trong đề cương này."),
            ),
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(level__isnull=True),
                name="outline_key_unique_in_default",
                violation_error_message=_("Mã mục đã có trong đề cương chung."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ReportSection(models.Model):
    """One part or section of a report, with its text (paragraphs, lines
    starting with "- " as bullets, **bold**)."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveSmallIntegerField()
    depth = models.PositiveSmallIntegerField(
        default=1, help_text="0: a part (I, II, …); 1: a section of it."
    )
    number = models.CharField(max_length=10)
    key = models.SlugField(max_length=40)
    title = models.CharField(_("tiêu đề"), max_length=300)
    prompt = models.TextField(blank=True)
    required = models.BooleanField(default=False)
    text = models.TextField(_("nội dung"), blank=True)

    class Meta:
        ordering = ["report_id", "order"]
        verbose_name = _("phần của báo cáo")
        verbose_name_plural = _("phần của báo cáo")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "key"], name="reportsection_key_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"


class ReportTemplate(models.Model):
    """A province's own DOCX layout of reports (docxtpl placeholders),
    used for the reports of every unit below it instead of the built-in one."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "owner__path"

    owner = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="report_templates",
        verbose_name=_("đơn vị"),
    )
    name = models.CharField(_("tên mẫu"), max_length=200)
    file = models.FileField(_("tệp mẫu DOCX"), upload_to="report-templates/")
    in_use = models.BooleanField(_("đang dùng"), default=True)
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    uploaded_by = _user(_("người tải lên"))
    # Bumped by each change of use; a page opened on an older version cannot
    # change it (someone else decided in between).
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("mẫu văn bản báo cáo")
        verbose_name_plural = _("mẫu văn bản báo cáo")

    def __str__(self) -> str:
        return self.name
