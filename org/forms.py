from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from danvan.versioning import VersionedModelForm
from org.lineage import parse_unit_ref
from org.models import Body, BodyKind, Person, Reorganization, Unit, UnitKind
from org.services import NewUnit


class DayInput(forms.DateInput):
    """A date typed as dd/mm/yyyy, whatever the browser's language (a native
    date input follows the browser: mm/dd/yyyy in an English one)."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            {
                "placeholder": "dd/mm/yyyy",
                "inputmode": "numeric",
                "autocomplete": "off",
                "size": 12,
                **(attrs or {}),
            },
            format="%d/%m/%Y",
        )


DATE_WIDGET = DayInput()


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


class UnitPickerWidget(forms.TextInput):
    """A unit-code input with a search box beside it that fills the code in.

    The search asks ``org:unit_picker`` (htmx) for units in the user's scope;
    picking one writes its reference (``Unit.ref``) into the input. Without
    JavaScript the code can still be typed. When the field accepts former
    units, the search offers them too, with their dates and successors, and
    ``date_field`` names the form's date input: units that existed on the date
    entered come first, and the others are marked.
    """

    template_name = "org/widgets/unit_picker.html"

    def __init__(
        self, attrs: dict[str, Any] | None = None, *, date_field: str = ""
    ) -> None:
        super().__init__(
            {"autocomplete": "off", "spellcheck": "false", **(attrs or {})}
        )
        self.former = False
        self.date_field = date_field
        # The search box's label (a page with two pickers names them apart).
        self.search_label: str = ""

    def get_context(
        self, name: str, value: Any, attrs: dict[str, Any] | None
    ) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["former"] = self.former
        context["widget"]["date_field"] = self.date_field
        context["widget"]["search_label"] = self.search_label
        return context


class UnitCodeField(forms.CharField):
    """A unit chosen by its official code, among the units a queryset allows.

    With ``active_only=False`` former units are accepted too. A code that a
    later unit reused names the current unit; a former one is named with its
    last day, as the picker writes it ("731 (đến 30/06/2025)").
    """

    widget = UnitPickerWidget

    def __init__(
        self,
        *,
        units: QuerySet[Unit] | None = None,
        active_only: bool = True,
        date_field: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(max_length=40, **kwargs)
        self.units = units
        self.active_only = active_only
        assert isinstance(self.widget, UnitPickerWidget)
        self.widget.former = not active_only
        self.widget.date_field = date_field

    def prepare_value(self, value: Any) -> Any:
        return value.ref if isinstance(value, Unit) else value

    def clean(self, value: Any) -> Unit | None:
        text = super().clean(value)
        if not text:
            return None
        assert self.units is not None
        try:
            code, last_day = parse_unit_ref(text)
        except ValueError as exc:
            raise forms.ValidationError(
                _("“%(value)s” không phải là mã đơn vị."), params={"value": text}
            ) from exc
        units = self.units.filter(code=code)
        if self.active_only:
            units = units.filter(valid_to__isnull=True)
        if last_day is not None:
            units = units.filter(valid_to=last_day)
        found = list(units.order_by(F("valid_to").desc(nulls_first=True), "name")[:5])
        current = [u for u in found if u.valid_to is None]
        if current:
            return current[0]
        if len(found) == 1:
            return found[0]
        if found:
            raise forms.ValidationError(
                _(
                    "Mã %(code)s là của nhiều đơn vị đã kết thúc hoạt động "
                    "(%(names)s); hãy chọn đơn vị trong ô tìm kiếm."
                ),
                params={
                    "code": code,
                    "names": "; ".join(f"{u.name}, {u.ref}" for u in found),
                },
            )
        if not self.active_only:
            raise forms.ValidationError(
                _("Không tìm thấy đơn vị có mã %(code)s trong phạm vi của bạn."),
                params={"code": text.strip()},
            )
        raise forms.ValidationError(
            _(
                "Không tìm thấy đơn vị đang hoạt động có mã %(code)s "
                "trong phạm vi của bạn."
            ),
            params={"code": code},
        )


class BodyForm(VersionedModelForm):
    class Meta:
        model = Body
        fields = ["kind", "name", "short_name", "valid_from", "valid_to"]
        widgets = {"valid_from": DATE_WIDGET, "valid_to": DATE_WIDGET}

    def __init__(self, *args: Any, kinds: QuerySet[BodyKind], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = kinds  # type: ignore[attr-defined]


class BodyKindForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = BodyKind
        fields = ["code", "name", "abbreviation", "category"]
        help_texts = {"code": _("Chữ thường không dấu, nối bằng gạch ngang.")}


class PersonForm(VersionedModelForm):
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
    # The position's version when the page was opened (danvan.versioning).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


MERGE_NEW = "merge_new"


class ReorganizationForm(forms.Form):
    """Any reorganization of one unit: rename, change of parent, merge, split,
    dissolution. Which fields are needed depends on the kind chosen."""

    KINDS = [
        (Reorganization.Kind.RENAME, _("Đổi tên")),
        (Reorganization.Kind.REPARENT, _("Điều chỉnh trực thuộc đơn vị khác")),
        (Reorganization.Kind.MERGE, _("Sáp nhập vào đơn vị khác")),
        (MERGE_NEW, _("Sáp nhập cùng các đơn vị khác thành đơn vị mới")),
        (Reorganization.Kind.SPLIT, _("Chia tách thành các đơn vị mới")),
        (Reorganization.Kind.DISSOLVE, _("Kết thúc hoạt động, chuyển về đơn vị khác")),
    ]
    kind = forms.ChoiceField(label=_("Hình thức"), choices=KINDS)
    effective_date = forms.DateField(label=_("Ngày hiệu lực"), widget=DATE_WIDGET)
    new_name = forms.CharField(
        label=_("Tên mới (đầy đủ)"),
        max_length=200,
        required=False,
        help_text=_("Khi đổi tên."),
    )
    new_short_name = forms.CharField(
        label=_("Tên ngắn mới"),
        max_length=150,
        required=False,
        help_text=_("Khi đổi tên."),
    )
    target = UnitCodeField(
        label=_("Mã đơn vị liên quan"),
        required=False,
        help_text=_(
            "Đơn vị cấp trên mới; đơn vị tiếp nhận khi sáp nhập hoặc kết thúc hoạt "
            "động; đơn vị cấp trên của các đơn vị mới khi sáp nhập thành đơn vị mới "
            "hoặc chia tách."
        ),
    )
    others = forms.CharField(
        label=_("Mã các đơn vị cùng sáp nhập"),
        required=False,
        max_length=500,
        help_text=_("Khi sáp nhập thành đơn vị mới: các mã cách nhau bởi dấu phẩy."),
    )
    new_units = forms.CharField(
        label=_("Đơn vị mới"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Mỗi dòng một đơn vị: mã; tên đầy đủ; tên ngắn. Khi chia tách, đơn vị "
            "ở dòng đầu là đơn vị kế thừa chính."
        ),
    )
    new_kind = forms.ModelChoiceField(
        label=_("Loại của đơn vị mới"),
        queryset=UnitKind.objects.select_related("level"),
        required=False,
    )
    decision = forms.CharField(
        label=_("Căn cứ quyết định"), max_length=300, required=False
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    # The unit's version when the form was opened (danvan.versioning).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        target = self.fields["target"]
        assert isinstance(target, UnitCodeField)
        target.units = units
        self.units = units

    def _others(self, raw: str) -> list[Unit]:
        codes = [c.strip() for c in raw.replace(";", ",").split(",") if c.strip()]
        found = {
            u.code: u for u in self.units.filter(code__in=codes, valid_to__isnull=True)
        }
        missing = [c for c in codes if c not in found]
        if missing:
            self.add_error(
                "others",
                _(
                    "Không tìm thấy đơn vị đang hoạt động có mã %(codes)s "
                    "trong phạm vi của bạn."
                )
                % {"codes": ", ".join(missing)},
            )
        if not codes:
            self.add_error("others", _("Hãy nhập mã các đơn vị cùng sáp nhập."))
        return [found[c] for c in codes if c in found]

    def _new_units(
        self, raw: str, kind: UnitKind | None, parent: Unit | None
    ) -> list[NewUnit]:
        specs: list[NewUnit] = []
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(";")]
            if len(parts) != 3 or not all(parts):
                self.add_error(
                    "new_units",
                    _("Dòng %(n)s cần đủ ba phần: mã; tên đầy đủ; tên ngắn.")
                    % {"n": number},
                )
                continue
            if kind is not None:
                specs.append(NewUnit(parts[0], parts[1], parts[2], kind, parent))
        if kind is None:
            self.add_error("new_kind", _("Hãy chọn loại của đơn vị mới."))
        return specs

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind == Reorganization.Kind.RENAME:
            if not data.get("new_name"):
                self.add_error("new_name", _("Hãy nhập tên mới."))
            if not data.get("new_short_name"):
                self.add_error("new_short_name", _("Hãy nhập tên ngắn mới."))
            return data
        if kind and not data.get("target") and "target" not in self.errors:
            self.add_error("target", _("Hãy chọn đơn vị liên quan."))
        if kind in {MERGE_NEW, Reorganization.Kind.SPLIT}:
            specs = self._new_units(
                data.get("new_units", ""), data.get("new_kind"), data.get("target")
            )
            wanted = 1 if kind == MERGE_NEW else 2
            if kind == MERGE_NEW:
                data["others"] = self._others(data.get("others", ""))
                if len(specs) != 1 and "new_units" not in self.errors:
                    self.add_error(
                        "new_units", _("Sáp nhập tạo ra đúng một đơn vị mới.")
                    )
            elif len(specs) < wanted and "new_units" not in self.errors:
                self.add_error("new_units", _("Chia tách cần ít nhất hai đơn vị mới."))
            data["new_units"] = specs
        return data
