"""Small helpers shared by the views of every app."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, by field when it can."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = 25) -> Page:  # type: ignore[type-arg]
    return Paginator(queryset, per_page).get_page(request.GET.get("trang"))
