"""Forms of the work records. They validate input; services decide the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from org.forms import DATE_WIDGET
from org.models import Body, Person, Unit
from work.listing import ListFilterForm
from work.models import (
    Award,
    Campaign,
    Conference,
    CoordinationProgram,
    Field,
    FollowUpTask,
    Indicator,
    Initiative,
    Target,
)

TEXTAREA = forms.Textarea(attrs={"rows": 3})


def _choices(choices: Any) -> list[tuple[str, str]]:
    return [("", _("Tất cả")), *choices]


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, required=False, **kwargs)


# --- initiatives -----------------------------------------------------------------


class InitiativeFilterForm(ListFilterForm):
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=Field.objects.all(),
        required=False,
        empty_label=_("Tất cả"),
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        choices=_choices(Initiative.Status.choices),
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Loại"), choices=_choices(Initiative.Kind.choices), required=False
    )
    origin = forms.ChoiceField(
        label=_("Mới hay nhân rộng"),
        choices=_choices(Initiative.Origin.choices),
        required=False,
    )


class InitiativeForm(forms.Form):
    name = forms.CharField(label=_("Tên mô hình, điển hình"), max_length=300)
    kind = forms.ChoiceField(label=_("Loại"), choices=Initiative.Kind.choices)
    field = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=Field.objects.none())
    holder_kind = forms.ChoiceField(
        label=_("Chủ thể"), choices=Initiative.Holder.choices
    )
    holder_body = forms.ModelChoiceField(
        label=_("Tập thể thực hiện"), queryset=Body.objects.none(), required=False
    )
    holder_person = forms.ModelChoiceField(
        label=_("Cá nhân thực hiện"), queryset=Person.objects.none(), required=False
    )
    holder_name = forms.CharField(
        label=_("Tên chủ thể (nếu chưa có trong danh mục)"),
        max_length=250,
        required=False,
    )
    registered_on = forms.DateField(label=_("Ngày đăng ký"), widget=DATE_WIDGET)
    period_end = forms.DateField(
        label=_("Thực hiện đến"), required=False, widget=DATE_WIDGET
    )
    origin = forms.ChoiceField(
        label=_("Mới hay nhân rộng"), choices=Initiative.Origin.choices
    )
    replicates = forms.IntegerField(
        label=_("Số hiệu mô hình gốc"),
        required=False,
        min_value=1,
        help_text=_("Khi nhân rộng: số hiệu ghi trên trang của mô hình gốc."),
    )
    description = forms.CharField(label=_("Mô tả"), required=False, widget=TEXTAREA)
    results = forms.CharField(label=_("Kết quả"), required=False, widget=TEXTAREA)
    version = VersionField()

    def __init__(
        self,
        *args: Any,
        fields: QuerySet[Field],
        bodies: QuerySet[Body],
        people: QuerySet[Person],
        initiatives: QuerySet[Initiative],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = fields  # type: ignore[attr-defined]
        self.fields["holder_body"].queryset = bodies  # type: ignore[attr-defined]
        self.fields["holder_person"].queryset = people  # type: ignore[attr-defined]
        self.initiatives = initiatives

    def clean_replicates(self) -> Initiative | None:
        number = self.cleaned_data.get("replicates")
        if number is None:
            return None
        source = self.initiatives.filter(pk=number).first()
        if source is None:
            raise forms.ValidationError(
                _("Không tìm thấy mô hình số %(n)s trong phạm vi của bạn."),
                params={"n": number},
            )
        return source


class StepForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Bước tiếp theo"), choices=Initiative.Status.choices
    )
    date = forms.DateField(label=_("Ngày"), widget=DATE_WIDGET)
    decided_by = forms.ModelChoiceField(
        label=_("Cơ quan quyết định"), queryset=Body.objects.none(), required=False
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)
    version = VersionField()

    def __init__(self, *args: Any, bodies: QuerySet[Body], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decided_by"].queryset = bodies  # type: ignore[attr-defined]


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Tiêu đề"), max_length=200, required=False)
    file = forms.FileField(
        label=_("Tệp (ảnh JPEG, PNG hoặc PDF, tối đa 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png,.pdf"}),
    )


# --- conferences -----------------------------------------------------------------


class ConferenceFilterForm(ListFilterForm):
    kind = forms.ChoiceField(
        label=_("Loại hội nghị"),
        choices=_choices(Conference.Kind.choices),
        required=False,
    )


class ConferenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại hội nghị"), choices=Conference.Kind.choices)
    title = forms.CharField(label=_("Tên hội nghị"), max_length=400)
    date = forms.DateField(label=_("Ngày tổ chức"), widget=DATE_WIDGET)
    start_time = forms.TimeField(
        label=_("Giờ bắt đầu"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Để bản tin viết “Sáng ngày …”, “Chiều ngày …”."),
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=250, required=False)
    organizer = forms.ModelChoiceField(
        label=_("Cơ quan tổ chức"), queryset=Body.objects.none()
    )
    review_start = forms.DateField(
        label=_("Kỳ đánh giá từ ngày"), required=False, widget=DATE_WIDGET
    )
    review_end = forms.DateField(
        label=_("Kỳ đánh giá đến ngày"), required=False, widget=DATE_WIDGET
    )
    plan_start = forms.DateField(
        label=_("Kỳ triển khai từ ngày"), required=False, widget=DATE_WIDGET
    )
    plan_end = forms.DateField(
        label=_("Kỳ triển khai đến ngày"), required=False, widget=DATE_WIDGET
    )
    conclusions = forms.CharField(label=_("Kết luận"), required=False, widget=TEXTAREA)
    article_title = forms.CharField(
        label=_("Tiêu đề bài viết đã đăng"), max_length=400, required=False
    )
    article_url = forms.URLField(
        label=_("Địa chỉ bài viết"),
        max_length=500,
        required=False,
        assume_scheme="https",
    )
    article_author = forms.CharField(
        label=_("Tác giả bài viết"), max_length=150, required=False
    )
    article_published_on = forms.DateField(
        label=_("Ngày đăng bài"), required=False, widget=DATE_WIDGET
    )
    version = VersionField()

    def __init__(self, *args: Any, bodies: QuerySet[Body], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organizer"].queryset = bodies  # type: ignore[attr-defined]


class AttendanceForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False)
    person = forms.ModelChoiceField(
        label=_("hoặc chọn cán bộ đã có"),
        queryset=Person.objects.none(),
        required=False,
    )
    position = forms.CharField(
        label=_("Chức vụ khi dự"), max_length=300, required=False
    )
    is_guest = forms.BooleanField(label=_("Khách cấp trên"), required=False)
    spoke = forms.BooleanField(label=_("Có phát biểu"), required=False)
    speech = forms.CharField(
        label=_("Nội dung phát biểu"), required=False, widget=TEXTAREA
    )

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("name") and not data.get("person"):
            self.add_error("name", _("Hãy nhập họ và tên hoặc chọn cán bộ."))
        return data


class TaskForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=_("Cơ quan chủ trì"), queryset=Body.objects.none()
    )
    content = forms.CharField(label=_("Nội dung nhiệm vụ"), widget=TEXTAREA)
    deadline = forms.DateField(label=_("Thời hạn"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, bodies: QuerySet[Body], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = bodies  # type: ignore[attr-defined]


class CommitmentForm(forms.Form):
    body = forms.ModelChoiceField(
        label=_("Cơ quan ký"), queryset=Body.objects.none(), required=False
    )
    signer_name = forms.CharField(
        label=_("hoặc tên đơn vị ký"), max_length=250, required=False
    )
    content = forms.CharField(label=_("Nội dung cam kết"), widget=TEXTAREA)

    def __init__(self, *args: Any, bodies: QuerySet[Body], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies  # type: ignore[attr-defined]


# --- awards ------------------------------------------------------------------------


class AwardFilterForm(ListFilterForm):
    form = forms.ChoiceField(
        label=_("Hình thức"), choices=_choices(Award.Form.choices), required=False
    )


class AwardForm(forms.Form):
    issuer = forms.ModelChoiceField(
        label=_("Cơ quan khen thưởng"), queryset=Body.objects.none(), required=False
    )
    issuer_name = forms.CharField(
        label=_("hoặc tên cơ quan khen thưởng"), max_length=250, required=False
    )
    form = forms.ChoiceField(label=_("Hình thức"), choices=Award.Form.choices)
    form_other = forms.CharField(
        label=_("Hình thức khác"), max_length=150, required=False
    )
    date = forms.DateField(label=_("Ngày khen thưởng"), widget=DATE_WIDGET)
    decision = forms.CharField(label=_("Số quyết định"), max_length=100, required=False)
    reason = forms.CharField(label=_("Lý do"), required=False, widget=TEXTAREA)
    collective_count = forms.IntegerField(
        label=_("Số tập thể"),
        min_value=0,
        required=False,
        help_text=_("Để trống: bằng số tập thể nêu tên bên dưới."),
    )
    individual_count = forms.IntegerField(
        label=_("Số cá nhân"),
        min_value=0,
        required=False,
        help_text=_("Để trống: bằng số cá nhân nêu tên bên dưới."),
    )
    collective_names = forms.CharField(
        label=_("Tên các tập thể (mỗi dòng một tên)"), required=False, widget=TEXTAREA
    )
    individual_names = forms.CharField(
        label=_("Tên các cá nhân (mỗi dòng một tên)"), required=False, widget=TEXTAREA
    )
    version = VersionField()

    def __init__(self, *args: Any, bodies: QuerySet[Body], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = bodies  # type: ignore[attr-defined]

    @staticmethod
    def names(raw: str) -> list[str]:
        return [line.strip() for line in raw.splitlines() if line.strip()]


# --- indicators ----------------------------------------------------------------------


class ValueFilterForm(ListFilterForm):
    indicator = forms.ModelChoiceField(
        label=_("Chỉ số"),
        queryset=Indicator.objects.all(),
        required=False,
        empty_label=_("Tất cả"),
    )


class ValueForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=_("Chỉ số"), queryset=Indicator.objects.none()
    )
    period_start = forms.DateField(label=_("Kỳ từ ngày"), widget=DATE_WIDGET)
    period_end = forms.DateField(label=_("Kỳ đến ngày"), widget=DATE_WIDGET)
    value = forms.DecimalField(
        label=_("Giá trị (tử số)"), max_digits=16, decimal_places=2
    )
    denominator = forms.DecimalField(
        label=_("Mẫu số (với chỉ số tỷ lệ)"),
        max_digits=16,
        decimal_places=2,
        required=False,
    )
    source = forms.CharField(label=_("Nguồn số liệu"), max_length=400)
    version = VersionField()

    def __init__(
        self, *args: Any, indicators: QuerySet[Indicator], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error(
                "period_end", _("Ngày kết thúc không được trước ngày bắt đầu.")
            )
        return data


# --- campaigns, programmes, dialogues ------------------------------------------------


class CampaignFilterForm(ListFilterForm):
    kind = forms.ChoiceField(
        label=_("Hình thức"), choices=_choices(Campaign.Kind.choices), required=False
    )


class CampaignForm(forms.Form):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=Campaign.Kind.choices)
    name = forms.CharField(
        label=_("Tên cuộc vận động, phong trào, kế hoạch"), max_length=400
    )
    organizer = forms.ModelChoiceField(
        label=_("Cơ quan chủ trì"), queryset=Body.objects.none(), required=False
    )
    start = forms.DateField(label=_("Từ ngày"), widget=DATE_WIDGET)
    end = forms.DateField(label=_("Đến ngày"), widget=DATE_WIDGET)
    participants = forms.ModelMultipleChoiceField(
        label=_("Đơn vị tham gia"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(label=_("Nội dung"), required=False, widget=TEXTAREA)
    version = VersionField()

    def __init__(
        self, *args: Any, bodies: QuerySet[Body], units: QuerySet[Unit], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organizer"].queryset = bodies  # type: ignore[attr-defined]
        self.fields["participants"].queryset = units  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("Ngày kết thúc không được trước ngày bắt đầu."))
        return data


class TargetForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    description = forms.CharField(label=_("Chỉ tiêu"), max_length=300)
    comparison = forms.ChoiceField(
        label=_("So sánh"), choices=Target.Comparison.choices
    )
    quantity = forms.DecimalField(label=_("Số lượng"), max_digits=14, decimal_places=2)
    measure = forms.CharField(label=_("Đơn vị tính"), max_length=50)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class ProgressForm(forms.Form):
    target = forms.ModelChoiceField(label=_("Chỉ tiêu"), queryset=Target.objects.none())
    date = forms.DateField(label=_("Ngày"), widget=DATE_WIDGET)
    achieved = forms.DecimalField(label=_("Đạt được"), max_digits=14, decimal_places=2)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def __init__(self, *args: Any, targets: QuerySet[Target], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets  # type: ignore[attr-defined]


class ProgramFilterForm(ListFilterForm):
    status = forms.ChoiceField(
        label=_("Tình trạng"),
        choices=_choices(CoordinationProgram.Status.choices),
        required=False,
    )


class ProgramForm(forms.Form):
    title = forms.CharField(label=_("Tên chương trình phối hợp"), max_length=400)
    parties = forms.ModelMultipleChoiceField(
        label=_("Các bên ký"),
        queryset=Body.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    signed_on = forms.DateField(label=_("Ngày ký"), widget=DATE_WIDGET)
    start = forms.DateField(label=_("Thực hiện từ"), widget=DATE_WIDGET)
    end = forms.DateField(label=_("Thực hiện đến"), required=False, widget=DATE_WIDGET)
    content = forms.CharField(
        label=_("Nội dung phối hợp"), required=False, widget=TEXTAREA
    )
    status = forms.ChoiceField(
        label=_("Tình trạng"),
        choices=CoordinationProgram.Status.choices,
        initial=CoordinationProgram.Status.ACTIVE,
        required=False,
    )
    version = VersionField()

    def __init__(self, *args: Any, bodies: QuerySet[Body], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = bodies  # type: ignore[attr-defined]


class DialogueForm(forms.Form):
    host = forms.ModelChoiceField(
        label=_("Cơ quan chủ trì"), queryset=Body.objects.none()
    )
    topic = forms.CharField(label=_("Chủ đề đối thoại"), max_length=400)
    date = forms.DateField(label=_("Ngày đối thoại"), widget=DATE_WIDGET)
    participants = forms.IntegerField(
        label=_("Số người tham dự"), min_value=0, required=False
    )
    issues_raised = forms.IntegerField(label=_("Số ý kiến, kiến nghị"), min_value=0)
    issues_resolved = forms.IntegerField(
        label=_("Số ý kiến đã giải quyết"), min_value=0, initial=0
    )
    version = VersionField()

    def __init__(self, *args: Any, bodies: QuerySet[Body], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = bodies  # type: ignore[attr-defined]


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Tình trạng"), choices=FollowUpTask.Status.choices
    )
    done_on = forms.DateField(
        label=_("Ngày hoàn thành"), required=False, widget=DATE_WIDGET
    )
    version = VersionField()
