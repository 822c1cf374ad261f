from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from org.models import Body, Unit


class Role(models.TextChoices):
    """What a user may do inside their unit's subtree.

    Each role includes the ones before it.
    """

    VIEWER = "viewer", _("Xem")
    EDITOR = "editor", _("Cập nhật")
    APPROVER = "approver", _("Phê duyệt")
    ADMINISTRATOR = "administrator", _("Quản trị")


ROLE_RANK = {
    Role.VIEWER: 0,
    Role.EDITOR: 1,
    Role.APPROVER: 2,
    Role.ADMINISTRATOR: 3,
}


class User(AbstractUser):
    """A staff member of a body in a unit. Their unit bounds everything they see."""

    # The path to its unit: the scope rule (accounts.scope) follows it.
    scope_path = "unit__path"

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="users",
        null=True,
        verbose_name=_("đơn vị"),
    )
    body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        related_name="users",
        null=True,
        blank=True,
        verbose_name=_("cơ quan"),
    )
    role = models.CharField(
        _("vai trò"), max_length=20, choices=Role.choices, default=Role.VIEWER
    )
    # Bumped by each edit; a form opened on an older version cannot save.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            models.UniqueConstraint(
                Lower("username"),
                name="user_username_unique_any_case",
                violation_error_message=_(
                    "Tên đăng nhập này đã có (không phân biệt chữ hoa, chữ thường)."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    def has_role(self, role: Role) -> bool:
        return ROLE_RANK[Role(self.role)] >= ROLE_RANK[role]


class SubmittedForm(models.Model):
    """A form posted once: its one-time token (issued with the page) and where
    the first post led. A second post of the same page (a double click, a
    browser resending) finds the token taken and is sent where the first went,
    instead of creating the record again."""

    token = models.CharField(max_length=32, unique=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    location = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("biểu mẫu đã gửi")
        verbose_name_plural = _("biểu mẫu đã gửi")

    def __str__(self) -> str:
        return self.token
