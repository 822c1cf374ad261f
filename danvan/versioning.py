"""Stale saves are refused, for every record edited through a form.

A form carries the ``version`` of the record it was opened on. Saving bumps
the version in the same statement that checks it (``UPDATE … WHERE version =
expected``), so of two people saving edits of the same record, or two requests
at the same moment, the second is refused with a message and the first's
changes stay. The check holds under parallel requests on both databases: the
conditional UPDATE takes the row lock (PostgreSQL) or the write lock (SQLite).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


class StaleEditError(ValidationError):
    """Someone else saved the record after this edit began."""


def stale_message() -> str:
    return _(
        "Bản ghi này vừa được người khác cập nhật sau khi bạn mở nó. "
        "Hãy tải lại trang để xem thay đổi mới nhất rồi nhập lại."
    )


def claim_version(obj: models.Model, expected_version: int | None) -> None:
    """Move ``obj`` (saved) from ``expected_version`` to the next version, or
    raise StaleEditError when it is no longer at that version. Call inside the
    transaction that saves the edit; ``obj.version`` is set to the new one.

    ``None`` is an edit the platform makes itself (the demo, a command): it
    checks nothing but still moves the version, so a form opened before it
    cannot overwrite it."""
    if expected_version is None:
        obj.version += 1  # type: ignore[attr-defined]
        return
    model = type(obj)
    bumped = model._default_manager.filter(pk=obj.pk, version=expected_version).update(
        version=expected_version + 1
    )
    if bumped != 1:
        raise StaleEditError(stale_message())
    obj.version = expected_version + 1  # type: ignore[attr-defined]


class VersionedModelForm(forms.ModelForm):  # type: ignore[type-arg]
    """A ModelForm that, editing a saved record, carries the version it was
    opened on as a hidden field (``cleaned_data["version"]``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["version"] = forms.IntegerField(
                widget=forms.HiddenInput,
                min_value=1,
                initial=self.instance.version,
            )
