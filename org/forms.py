from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from org.models import Body, BodyKind, Person, Reorganization, Unit

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class UnitSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm đơn vị"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "autocomplete": "off",
                "placeholder": _("Ví dụ: dien ban"),
            }
        ),
    )


class UnitCodeField(forms.CharField):
    """A unit chosen by its official code, among the units a queryset allows."""

    def __init__(self, *, units: QuerySet[Unit] | None = None, **kwargs: Any) -> None:
        super().__init__(max_length=20, **kwargs)
        self.units = units

    def clean(self, value: Any) -> Unit | None:
        code = super().clean(value)
        if not code:
            return None
        assert self.units is not None
        unit = self.units.filter(code=code.strip(), valid_to__isnull=True).first()
        if unit is None:
            raise forms.ValidationError(
                _(
                    "Không tìm thấy đơn vị đang hoạt động có mã %(code)s "
                    "trong phạm vi của bạn."
                ),
                params={"code": code},
            )
        return unit


class BodyForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Body
        fields = ["kind", "name", "short_name", "valid_from", "valid_to"]
        widgets = {"valid_from": DATE_WIDGET, "valid_to": DATE_WIDGET}

    def __init__(self, *args: Any, kinds: QuerySet[BodyKind], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = kinds  # type: ignore[attr-defined]


class PersonForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Person
        fields = ["full_name", "gender", "birth_year", "phone", "email"]


class PositionForm(forms.Form):
    body = forms.ModelChoiceField(queryset=Body.objects.none(), label=_("Cơ quan"))
    title = forms.CharField(label=_("Chức vụ"), max_length=150)
    start_date = forms.DateField(
        label=_("Ngày bổ nhiệm"), required=False, widget=DATE_WIDGET
    )
    end_date = forms.DateField(
        label=_("Ngày kết thúc"), required=False, widget=DATE_WIDGET
    )
    decision = forms.CharField(label=_("Quyết định"), max_length=200, required=False)

    def __init__(self, *args: Any, bodies: QuerySet[Body], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error(
                "end_date", _("Ngày kết thúc không được trước ngày bổ nhiệm.")
            )
        return data


class EndPositionForm(forms.Form):
    end_date = forms.DateField(label=_("Ngày kết thúc"), widget=DATE_WIDGET)


class ReorganizationForm(forms.Form):
    """Rename, change of parent, merge into another unit, or dissolution."""

    KINDS = [
        (Reorganization.Kind.RENAME, _("Đổi tên")),
        (Reorganization.Kind.REPARENT, _("Điều chỉnh trực thuộc đơn vị khác")),
        (Reorganization.Kind.MERGE, _("Sáp nhập vào đơn vị khác")),
        (Reorganization.Kind.DISSOLVE, _("Kết thúc hoạt động, chuyển về đơn vị khác")),
    ]
    kind = forms.ChoiceField(label=_("Hình thức"), choices=KINDS)
    effective_date = forms.DateField(label=_("Ngày hiệu lực"), widget=DATE_WIDGET)
    new_name = forms.CharField(
        label=_("Tên mới (đầy đủ)"), max_length=200, required=False
    )
    new_short_name = forms.CharField(
        label=_("Tên ngắn mới"), max_length=150, required=False
    )
    target = UnitCodeField(
        label=_("Mã đơn vị liên quan"),
        required=False,
        help_text=_("Đơn vị cấp trên mới, đơn vị tiếp nhận sáp nhập hoặc tiếp nhận."),
    )
    decision = forms.CharField(
        label=_("Căn cứ quyết định"), max_length=300, required=False
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        target = self.fields["target"]
        assert isinstance(target, UnitCodeField)
        target.units = units

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind == Reorganization.Kind.RENAME:
            if not data.get("new_name"):
                self.add_error("new_name", _("Hãy nhập tên mới."))
            if not data.get("new_short_name"):
                self.add_error("new_short_name", _("Hãy nhập tên ngắn mới."))
        elif kind and not data.get("target") and "target" not in self.errors:
            self.add_error("target", _("Hãy chọn đơn vị liên quan."))
        return data
