from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("Giao diện lập trình (API)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from api.models import ApiToken
        from danvan.audit import register

        register(ApiToken, exclude=["key_hash", "last_used_at"])
