from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    name = "work"
    verbose_name = _("Kết quả công tác dân vận")

    def ready(self) -> None:
        from django.apps import apps

        from danvan.audit import register

        for model in apps.get_app_config("work").get_models():
            register(model)
