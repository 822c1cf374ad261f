from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import pre_save


class DanvanConfig(AppConfig):
    name = "danvan"
    verbose_name = "Nền tảng công tác dân vận"

    def ready(self) -> None:
        from danvan.textsafety import strip_unsafe_characters

        pre_save.connect(strip_unsafe_characters, dispatch_uid="danvan-xml-safe")
