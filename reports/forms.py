from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.versioning import VersionedModelForm
from org.forms import DATE_WIDGET, UnitCodeField
from reports.headers import Signature
from reports.models import DocumentLayout, Report, ReportSection
from reports.periods import Period, PeriodError, parse_period
from reports.services import HEADER_FIELDS

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
    """The header, the signature and every section of a report.

    The sections are fields named ``section_<key>``; a section still empty
    shows what belongs there. Choosing a way of signing fills the authority
    line, the title and the name of the one who signs."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    signature = forms.ChoiceField(
        label=_("Người ký"),
        required=False,
        help_text=_(
            "Theo loại cơ quan ban hành và người giữ chức vụ vào ngày báo cáo."
        ),
    )

    class Meta:
        model = Report
        fields = list(HEADER_FIELDS)
        widgets = {
            "issued_on": DATE_WIDGET,
            "recipients": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(
        self,
        *args: Any,
        sections: list[ReportSection],
        signatures: list[Signature],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.signatures = {s.key: s for s in signatures}
        choice = self.fields["signature"]
        assert isinstance(choice, forms.ChoiceField)
        choice.choices = [("", _("— như đã nhập bên dưới —"))] + [
            (s.key, s.label) for s in signatures
        ]
        # What is typed here is the document's Vietnamese text, whatever the
        # interface language: browsers spell-check it as Vietnamese.
        for name in ("signature", *HEADER_FIELDS):
            self.fields[name].widget.attrs["lang"] = "vi"
        self.sections = sections
        for section in sections:
            self.fields[f"section_{section.key}"] = forms.CharField(
                label=section.heading,
                required=False,
                initial=section.text,
                help_text=section.prompt,
                widget=forms.Textarea(
                    attrs={
                        "rows": 7 if section.depth else 4,
                        "placeholder": section.prompt,
                        "lang": "vi",
                        "class": "section-text" + ("" if section.text else " empty"),
                    }
                ),
            )

    def section_fields(self) -> list[forms.BoundField]:
        return [self[f"section_{s.key}"] for s in self.sections]

    def header_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("signature", *HEADER_FIELDS)]

    def changes(self) -> dict[str, Any]:
        """What the service saves: header fields, and the sections' texts."""
        data = {k: v for k, v in self.cleaned_data.items() if k in HEADER_FIELDS}
        chosen = self.signatures.get(self.cleaned_data.get("signature") or "")
        if chosen is not None:
            data.update(
                signer_authority=chosen.authority,
                signer_title=chosen.title,
                signer_name=chosen.name,
            )
        data["sections"] = {
            s.key: self.cleaned_data.get(f"section_{s.key}", "") for s in self.sections
        }
        return data


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Ý kiến"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LayoutForm(VersionedModelForm):
    class Meta:
        model = DocumentLayout
        fields = [
            f.name
            for f in DocumentLayout._meta.concrete_fields
            if f.name not in {"id", "in_force", "updated_at", "version"}
        ]
