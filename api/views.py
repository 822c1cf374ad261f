"""The user's page of personal API tokens: make one (shown once), revoke."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import User
from api.models import ApiToken
from api.tokens import token_create
from api.tokens import token_revoke as revoke


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Tên gợi nhớ"),
        max_length=100,
        help_text=gettext_lazy("Hệ thống sẽ dùng mã, ví dụ “Ứng dụng hội viên”."),
    )
    days = forms.IntegerField(
        label=gettext_lazy("Hết hạn sau (ngày)"),
        required=False,
        min_value=1,
        max_value=3650,
        help_text=gettext_lazy(
            "Để trống: không hết hạn (có thể thu hồi bất cứ lúc nào)."
        ),
    )


def token_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = TokenForm(request.POST or None)
    shown = None
    if request.method == "POST" and form.is_valid():
        try:
            record, shown = token_create(
                user=user,
                name=form.cleaned_data["name"],
                days=form.cleaned_data["days"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Đã tạo mã “%(name)s”. Hãy sao chép ngay: mã chỉ hiện một lần.")
                % {"name": record.name},
            )
            form = TokenForm()
    tokens = ApiToken.objects.filter(user=user)
    response = render(
        request, "api/tokens.html", {"form": form, "tokens": tokens, "shown": shown}
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    """A user revokes their own tokens only (another's is not found)."""
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    revoke(token=token)
    messages.success(request, _("Đã thu hồi mã “%(name)s”.") % {"name": token.name})
    return redirect("api:tokens")
