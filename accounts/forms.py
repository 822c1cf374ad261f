from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from org.forms import UnitCodeField
from org.models import Body, Unit


class UserForm(forms.Form):
    username = forms.RegexField(
        label=_("Tên đăng nhập"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Chỉ dùng chữ, số và các ký tự @ . + - _")},
    )
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    unit = UnitCodeField(label=_("Mã đơn vị"))
    body = forms.ModelChoiceField(
        label=_("Cơ quan"),
        queryset=Body.objects.none(),
        required=False,
        help_text=_(
            "Các cơ quan của đơn vị đang chọn. Đổi đơn vị thì lưu trước, "
            "rồi chọn cơ quan của đơn vị mới."
        ),
    )
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    is_active = forms.BooleanField(
        label=_("Đang hoạt động"), required=False, initial=True
    )
    # Editing: the version of the account the form was opened on.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    password = forms.CharField(
        label=_("Mật khẩu"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Bắt buộc khi tạo mới; để trống khi sửa nếu không đổi."),
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet[Unit],
        bodies: QuerySet[Body],
        creating: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        unit_field = self.fields["unit"]
        assert isinstance(unit_field, UnitCodeField)
        unit_field.units = units
        self.fields["body"].queryset = bodies  # type: ignore[attr-defined]
        self.creating = creating
        if not creating:
            self.fields["username"].disabled = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.creating and not data.get("password"):
            self.add_error("password", _("Hãy đặt mật khẩu cho tài khoản mới."))
        return data
