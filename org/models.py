"""The administrative hierarchy, its reorganizations, bodies and people.

Units form a tree stored as a materialized path (django-treebeard). The tree is
the *lineage* tree: an active unit sits under its current parent; a unit that
ceased to exist in a reorganization sits under the unit it lives on in (its
primary successor). So "everything that today's unit U and its predecessors
recorded" is one prefix match on the path, for scope checks and roll-ups alike.
The historical truth (names and parents over time) is kept in UnitVersion.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from vn.text import fold


class Vocabulary:
    """A row of a built-in vocabulary (levels, kinds, fields).

    Its name is stored in Vietnamese and translated where the interface shows
    it (``label``, ``str()``): the catalogues hold the built-in names, so a name
    an administrator added stays as typed. Documents use ``name``.
    """

    name: str

    @property
    def label(self) -> str:
        return gettext(self.name) if self.name else ""

    def __str__(self) -> str:
        return self.label


class Level(Vocabulary, models.Model):
    """A tier of the hierarchy (trung ương, tỉnh, huyện, xã, thôn): data, not code."""

    code = models.SlugField(_("mã cấp"), max_length=30, unique=True)
    name = models.CharField(_("tên cấp"), max_length=100)
    rank = models.PositiveSmallIntegerField(_("thứ bậc"), unique=True)

    class Meta:
        ordering = ["rank"]
        verbose_name = _("cấp hành chính")
        verbose_name_plural = _("cấp hành chính")


class UnitKind(Vocabulary, models.Model):  # type: ignore[django-manager-missing]
    """Tỉnh, thành phố trực thuộc trung ương, huyện, quận, xã, phường, thôn, …"""

    code = models.SlugField(_("mã loại"), max_length=40, unique=True)
    name = models.CharField(_("loại đơn vị"), max_length=100)
    level = models.ForeignKey(
        Level, on_delete=models.PROTECT, related_name="kinds", verbose_name=_("cấp")
    )

    class Meta:
        ordering = ["level__rank", "name"]
        verbose_name = _("loại đơn vị hành chính")
        verbose_name_plural = _("loại đơn vị hành chính")


class Unit(MP_Node):  # type: ignore[misc]  # treebeard ships no types
    """An administrative unit, from the nation down to a village."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "path"

    code = models.CharField(_("mã đơn vị"), max_length=20, db_index=True)
    name = models.CharField(_("tên đầy đủ"), max_length=200)
    short_name = models.CharField(_("tên ngắn"), max_length=150)
    kind = models.ForeignKey(
        UnitKind, on_delete=models.PROTECT, related_name="units", verbose_name=_("loại")
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    search_key = models.CharField(max_length=400, db_index=True, editable=False)
    # Bumped by each reorganization of the unit; a form opened on an older
    # version cannot save (danvan.versioning).
    version = models.PositiveIntegerField(default=1, editable=False)

    steplen = 4
    node_order_by: list[str] = []

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(valid_to__isnull=True),
                name="unit_code_unique_among_active",
                violation_error_message=_(
                    "Mã đơn vị đã được một đơn vị đang hoạt động sử dụng."
                ),
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lte=F("valid_to")),
                name="unit_valid_from_before_valid_to",
                violation_error_message=_(
                    "Ngày bắt đầu hiệu lực phải trước ngày kết thúc."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.valid_to is None

    def exists_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def ref(self) -> str:
        """How forms and links name the unit: its code, and for a unit that has
        ended its last day too, since a later unit may reuse the code."""
        if self.valid_to is None:
            return self.code
        return f"{self.code} (đến {self.valid_to:%d/%m/%Y})"

    @staticmethod
    def make_search_key(*, code: str, name: str, short_name: str) -> str:
        return fold(f"{name} {short_name} {code}")


class UnitVersion(models.Model):
    """What a unit was called and where it belonged over an interval of time."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="versions")
    name = models.CharField(_("tên đầy đủ"), max_length=200)
    short_name = models.CharField(_("tên ngắn"), max_length=150)
    kind = models.ForeignKey(UnitKind, on_delete=models.PROTECT, related_name="+")
    parent = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="child_versions",
        verbose_name=_("trực thuộc"),
    )
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    reorganization = models.ForeignKey(
        "Reorganization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="versions",
    )

    class Meta:
        ordering = ["unit_id", "valid_from"]
        verbose_name = _("lịch sử đơn vị")
        verbose_name_plural = _("lịch sử đơn vị")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lte=F("valid_to")),
                name="unitversion_valid_from_before_valid_to",
                violation_error_message=_("Ngày bắt đầu phải trước ngày kết thúc."),
            ),
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(valid_to__isnull=True),
                name="unitversion_one_open_version",
                violation_error_message=_(
                    "Mỗi đơn vị chỉ có một tên gọi đang có hiệu lực."
                ),
            ),
        ]
        indexes = [models.Index(fields=["parent", "valid_from", "valid_to"])]

    def __str__(self) -> str:
        return self.name


class Reorganization(models.Model):
    """A dated change of the hierarchy: which units became which."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "links__successor__path"
    # Reached through a many-valued relation: listed once each.
    scope_distinct = True

    class Kind(models.TextChoices):
        MERGE = "merge", _("Sáp nhập")
        SPLIT = "split", _("Chia tách")
        RENAME = "rename", _("Đổi tên")
        REPARENT = "reparent", _("Điều chỉnh trực thuộc")
        DISSOLVE = "dissolve", _("Kết thúc hoạt động, chuyển về cấp trên")

    kind = models.CharField(_("hình thức"), max_length=20, choices=Kind.choices)
    effective_date = models.DateField(_("ngày hiệu lực"), db_index=True)
    decision = models.CharField(_("căn cứ quyết định"), max_length=300, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-effective_date", "-id"]
        verbose_name = _("sắp xếp đơn vị hành chính")
        verbose_name_plural = _("sắp xếp đơn vị hành chính")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.effective_date:%d/%m/%Y})"


class ReorganizationLink(models.Model):
    """One predecessor → successor edge of a reorganization.

    A rename or change of parent links a unit to itself. When a unit is split,
    exactly one successor is primary: the predecessor's records roll up there.
    """

    reorganization = models.ForeignKey(
        Reorganization, on_delete=models.CASCADE, related_name="links"
    )
    predecessor = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="successor_links"
    )
    successor = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="predecessor_links"
    )
    is_primary = models.BooleanField(_("đơn vị kế thừa chính"), default=True)

    class Meta:
        verbose_name = _("liên kết sắp xếp")
        verbose_name_plural = _("liên kết sắp xếp")
        constraints = [
            models.UniqueConstraint(
                fields=["reorganization", "predecessor", "successor"],
                name="reorglink_unique_edge",
                violation_error_message=_("Liên kết này đã có trong lần sắp xếp."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class BodyKind(Vocabulary, models.Model):
    """Ban Dân vận, Khối dân vận, Ban Chỉ đạo, UBND, …; a province may add its own."""

    class Category(models.TextChoices):
        PARTY = "party", _("Cơ quan Đảng")
        STATE = "state", _("Chính quyền")
        FRONT = "front", _("Mặt trận, đoàn thể")
        SECURITY = "security", _("Công an, quân sự")
        STEERING = "steering", _("Ban chỉ đạo")
        OTHER = "other", _("Khác")

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên loại cơ quan"), max_length=150)
    abbreviation = models.CharField(_("viết tắt"), max_length=30, blank=True)
    category = models.CharField(
        _("nhóm"), max_length=20, choices=Category.choices, default=Category.OTHER
    )
    owner = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="own_body_kinds",
        verbose_name=_("đơn vị bổ sung"),
        help_text=_("Để trống với loại dùng chung toàn quốc."),
    )

    class Meta:
        ordering = ["category", "name"]
        verbose_name = _("loại cơ quan")
        verbose_name_plural = _("loại cơ quan")


class Body(models.Model):
    """A body (cơ quan, tổ chức) at a unit: Ban Dân vận Thị ủy Điện Bàn, …"""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="bodies", verbose_name=_("đơn vị")
    )
    kind = models.ForeignKey(
        BodyKind,
        on_delete=models.PROTECT,
        related_name="bodies",
        verbose_name=_("loại"),
    )
    name = models.CharField(_("tên cơ quan"), max_length=250)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    valid_from = models.DateField(_("thành lập"), null=True, blank=True)
    valid_to = models.DateField(_("kết thúc"), null=True, blank=True)
    search_key = models.CharField(max_length=400, db_index=True, editable=False)
    # Bumped by each edit; a form opened on an older version cannot save.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["kind__category", "name"]
        verbose_name = _("cơ quan, tổ chức")
        verbose_name_plural = _("cơ quan, tổ chức")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lte=F("valid_to")),
                name="body_valid_from_before_valid_to",
                violation_error_message=_("Ngày thành lập phải trước ngày kết thúc."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def make_search_key(*, name: str, short_name: str) -> str:
        return fold(f"{name} {short_name}")


class Person(models.Model):
    """A person who holds positions (cán bộ, đồng chí)."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "home_unit__path"

    class Gender(models.TextChoices):
        MALE = "m", _("Nam")
        FEMALE = "f", _("Nữ")
        UNKNOWN = "", _("Không rõ")

    full_name = models.CharField(_("họ và tên"), max_length=150)
    gender = models.CharField(
        _("giới tính"), max_length=1, choices=Gender.choices, blank=True
    )
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    home_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("đơn vị quản lý hồ sơ"),
    )
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    search_key = models.CharField(max_length=200, db_index=True, editable=False)
    # Bumped by each edit; a form opened on an older version cannot save.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        constraints = [
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True)
                | Q(birth_year__gte=1900, birth_year__lte=2100),
                name="person_birth_year_plausible",
                violation_error_message=_("Năm sinh phải trong khoảng 1900–2100."),
            )
        ]

    def __str__(self) -> str:
        return self.full_name


class Position(models.Model):
    """A title held in a body over time, including steering-committee membership."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "body__unit__path"

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="positions",
        verbose_name=_("cán bộ"),
    )
    body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        related_name="positions",
        verbose_name=_("cơ quan"),
    )
    title = models.CharField(_("chức vụ"), max_length=150)
    start_date = models.DateField(_("ngày bổ nhiệm"), null=True, blank=True)
    end_date = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    decision = models.CharField(_("quyết định"), max_length=200, blank=True)
    # Bumped by each edit; a form opened on an older version cannot save.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-end_date", "start_date"]
        verbose_name = _("chức vụ")
        verbose_name_plural = _("chức vụ")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=F("end_date")),
                name="position_start_before_end",
                violation_error_message=_(
                    "Ngày kết thúc không được trước ngày bổ nhiệm."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.body}"
