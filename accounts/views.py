from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import services
from accounts.forms import UserForm
from accounts.models import Role, User
from accounts.scope import Action, get_or_404, require, scoped
from danvan.web import add_service_errors, paginate
from org.models import Unit
from org.selectors import bodies_of_unit, history_of

login = auth_views.LoginView.as_view(
    template_name="accounts/login.html", redirect_authenticated_user=True
)
logout = auth_views.LogoutView.as_view()
password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html",
    success_url=reverse_lazy("accounts:password_change_done"),
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html"
)


@require_POST
def keepalive(request: HttpRequest) -> HttpResponse:
    """Renew the session now (pages renew it at most once a minute)."""
    request.session.modified = True
    return JsonResponse({"expires_in": request.session.get_expiry_age()})


def _own_unit(request: HttpRequest) -> Unit:
    assert isinstance(request.user, User) and request.user.unit is not None
    return request.user.unit


def user_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.ADMINISTER, _own_unit(request))
    users = scoped(request.user, User.objects.select_related("unit", "body")).order_by(
        "unit__path", "username"
    )
    return render(
        request, "accounts/user_list.html", {"page": paginate(request, users)}
    )


def _form(
    request: HttpRequest, *, creating: bool, initial: dict[str, object]
) -> UserForm:
    return UserForm(
        request.POST or None,
        initial=initial,
        units=scoped(request.user, Unit.objects.all()),
        # The body must belong to the chosen unit: offer only that unit's bodies.
        bodies=bodies_of_unit(
            request.user, str(request.POST.get("unit") or initial.get("unit") or "")
        ),
        creating=creating,
    )


@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.ADMINISTER, _own_unit(request))
    assert isinstance(request.user, User)
    form = _form(request, creating=True, initial={"unit": _own_unit(request).code})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_create(
                actor=request.user,
                username=data["username"],
                password=data["password"],
                full_name=data["full_name"],
                email=data["email"],
                unit=data["unit"],
                body=data["body"],
                role=Role(data["role"]),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("Đã tạo tài khoản %(name)s.") % {"name": user.username}
            )
            return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    target = get_or_404(request.user, User.objects.select_related("unit"), pk=user_id)
    assert target.unit is not None and isinstance(request.user, User)
    require(request.user, Action.ADMINISTER, target.unit)
    form = _form(
        request,
        creating=False,
        initial={
            "username": target.username,
            "full_name": target.full_name,
            "email": target.email,
            "unit": target.unit.code,
            "body": target.body_id,
            "role": target.role,
            "is_active": target.is_active,
            "version": target.version,
        },
    )
    form.fields["version"].required = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.user_update(
                actor=request.user,
                user=target,
                full_name=data["full_name"],
                email=data["email"],
                unit=data["unit"],
                body=data["body"],
                role=Role(data["role"]),
                is_active=data["is_active"],
                expected_version=data["version"],
            )
            if data["password"]:
                services.user_set_password(user=target, password=data["password"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("Đã lưu tài khoản %(name)s.") % {"name": target.username}
            )
            return redirect("accounts:user_list")
    return render(
        request,
        "accounts/user_form.html",
        {"form": form, "target": target, "history": history_of(target)[:50]},
    )


@require_http_methods(["GET", "POST"])
def login_locks(request: HttpRequest) -> HttpResponse:
    """Accounts of the administrator's scope locked out of signing in, with
    a button to unlock each."""
    require(request.user, Action.ADMINISTER, _own_unit(request))
    assert isinstance(request.user, User)
    if request.method == "POST":
        target = get_or_404(
            request.user, User.objects.all(), pk=request.POST.get("user")
        )
        lifted = services.login_unlock(actor=request.user, user=target)
        if lifted:
            messages.success(
                request,
                _("Đã mở khóa đăng nhập cho %(name)s.") % {"name": target.username},
            )
        else:
            messages.info(
                request,
                _("Tài khoản %(name)s không bị khóa đăng nhập.")
                % {"name": target.username},
            )
        return redirect("accounts:login_locks")
    return render(
        request,
        "accounts/login_locks.html",
        {"locked": services.locked_logins(request.user)},
    )
