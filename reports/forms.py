from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from org.forms import DATE_WIDGET, UnitCodeField
from reports.models import DocumentLayout, Report
from reports.periods import Period, PeriodError, parse_period
from reports.services import HEADER_FIELDS, NARRATIVE_FIELDS

PERIOD_HELP = _(
    "Năm (2023), 6 tháng (2023H1, 2023H2), quý (2023Q3), tháng (2023-07) "
    "hoặc khoảng ngày (2023-07-17..2023-07-31)."
)


class PeriodField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Kỳ báo cáo"))
        kwargs.setdefault("help_text", PERIOD_HELP)
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Period:
        text = super().clean(value)
        try:
            return parse_period(text)
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from exc


class ReportCreateForm(forms.Form):
    unit = UnitCodeField(label=_("Mã đơn vị"), active_only=False)
    period = PeriodField()
    kind = forms.ChoiceField(
        label=_("Loại báo cáo"),
        required=False,
        choices=[
            ("", _("Theo kỳ (năm: tổng kết; 6 tháng: sơ kết)")),
            *Report.Kind.choices,
        ],
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, UnitCodeField)
        field.units = units


class ReportEditForm(forms.ModelForm):  # type: ignore[type-arg]
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Report
        fields = [*HEADER_FIELDS, *NARRATIVE_FIELDS]
        widgets = {
            "issued_on": DATE_WIDGET,
            "recipients": forms.Textarea(attrs={"rows": 4}),
            **{name: forms.Textarea(attrs={"rows": 6}) for name in NARRATIVE_FIELDS},
        }


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Ý kiến"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LayoutForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = DocumentLayout
        fields = [
            f.name
            for f in DocumentLayout._meta.concrete_fields
            if f.name not in {"id", "in_force", "updated_at"}
        ]
