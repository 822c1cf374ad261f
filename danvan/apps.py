from __future__ import annotations

from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import pre_save


class DanvanConfig(AppConfig):
    name = "danvan"
    verbose_name = "Nền tảng công tác dân vận"

    def ready(self) -> None:
        from danvan.middleware import mark_touched_at_login
        from danvan.textsafety import strip_unsafe_characters

        pre_save.connect(strip_unsafe_characters, dispatch_uid="danvan-xml-safe")
        user_logged_in.connect(mark_touched_at_login, dispatch_uid="danvan-touched")
