"""No stored text can break an export: characters XML cannot hold are
removed from every text field of the platform's own records when they are
saved (forms, imports, the article reader, the API alike)."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

from vn.cells import XML_UNSAFE

PROJECT_APPS = {"org", "accounts", "work", "reports", "jobs", "ingest"}
M = TypeVar("M", bound=models.Model)


def text_fields(model: type[models.Model]) -> list[str]:
    return [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    ]


def strip_unsafe_characters(
    sender: type[models.Model], instance: Any, **_: Any
) -> None:
    if sender._meta.app_label not in PROJECT_APPS:
        return
    for name in text_fields(sender):
        value = getattr(instance, name)
        if isinstance(value, str) and XML_UNSAFE.search(value):
            setattr(instance, name, XML_UNSAFE.sub("", value))


def xml_safe_all(instances: list[M]) -> list[M]:
    """The same cleaning for rows written by bulk_create (imports), which
    sends no pre_save signal."""
    for instance in instances:
        strip_unsafe_characters(type(instance), instance)
    return instances
