from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from accounts.models import User
from danvan import web
from danvan.celery_app import app as celery_app


@require_GET
@web.rate_limited("search")
def search(request: HttpRequest) -> HttpResponse:
    """The search box of every page: each kind of record, grouped."""
    from danvan.search import search_everything

    query = " ".join(request.GET.get("q", "").split())[:100]
    groups = search_everything(request.user, query)
    return render(
        request,
        "search.html",
        {
            "query": query,
            "site_query": query,
            "groups": groups,
            "total": sum(g.total for g in groups),
        },
    )


def home(request: HttpRequest) -> HttpResponse:
    """Start where the user works: their own unit."""
    user = request.user
    if isinstance(user, User) and user.unit_id is not None:
        return redirect("org:unit_detail", unit_id=user.unit_id)
    return redirect("org:unit_search")


@login_not_required
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer and the IT office: is the database there, is the
    job broker there. States only, no secrets, no data; 503 when one is down."""
    state: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        state["database"] = "ok"
    except DatabaseError:
        state["database"] = "error"
    if settings.CELERY_TASK_ALWAYS_EAGER:
        state["broker"] = "none (jobs run in the web process)"
    else:
        try:
            with celery_app.connection_for_write() as broker:
                broker.ensure_connection(max_retries=1, timeout=2)
            state["broker"] = "ok"
        except Exception:
            state["broker"] = "error"
    healthy = "error" not in state.values()
    return JsonResponse(
        {"status": "ok" if healthy else "error", **state},
        status=200 if healthy else 503,
        headers={"Cache-Control": "no-store"},
    )


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Too many costly requests in a minute (danvan.web.rate_limited)."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404: a problem document below /api/, the page elsewhere."""
    if request.path.startswith("/api/"):
        from api.problems import not_found as problem

        return problem(request)
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        from django.utils.translation import gettext as _

        from api.problems import problem

        return problem(500, _("Lỗi máy chủ; lỗi đã được ghi lại."))
    from django.views.defaults import server_error as page

    return page(request)
