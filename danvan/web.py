"""Small helpers shared by the views of every app."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, by field when it can."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


class KeysFirstPaginator(Paginator):  # type: ignore[type-arg]
    """Pages of a query in two steps: the page's keys first, by a narrow query
    that sorts and limits before anything is joined for display, then those
    rows with everything they show (``select_related``, annotations,
    prefetches). One wide query over every matching row joined, sorted and
    then cut to 25 costs several times more on a province's data."""

    def page(self, number: int | str) -> Page:  # type: ignore[type-arg]
        page = super().page(number)
        queryset = self.object_list
        if not isinstance(queryset, QuerySet) or not queryset.ordered:
            return page
        keys = list(page.object_list.values_list("pk", flat=True))  # type: ignore[attr-defined]
        rows = {row.pk: row for row in queryset.order_by().filter(pk__in=keys)}
        page.object_list = [rows[key] for key in keys if key in rows]
        return page


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = 25) -> Page:  # type: ignore[type-arg]
    return KeysFirstPaginator(queryset, per_page).get_page(request.GET.get("trang"))


View = TypeVar("View", bound=Callable[..., HttpResponse])


def rate_limited(
    kind: str, methods: tuple[str, ...] | None = None
) -> Callable[[View], View]:
    """Limit a costly view per user (per address before signing in) to
    ``settings.RATE_LIMITS[kind]``, counting requests of ``methods`` (all by
    default); over it, the request is refused with 429
    (danvan.views.rate_limited) and the view does not run."""

    def rate(_group: str, _request: HttpRequest) -> str:
        return str(settings.RATE_LIMITS[kind])

    decorator: Callable[[View], View] = ratelimit(
        group=f"danvan.{kind}",
        key="user_or_ip",
        rate=rate,
        method=ALL if methods is None else list(methods),
    )
    return decorator


def over_rate(request: HttpRequest, kind: str) -> None:
    """The same limit, counted from inside a view for one of its branches (a
    list's XLSX export); raises Ratelimited when over."""
    if is_ratelimited(
        request,
        group=f"danvan.{kind}",
        key="user_or_ip",
        rate=str(settings.RATE_LIMITS[kind]),
        method=ALL,
        increment=True,
    ):
        raise Ratelimited()
