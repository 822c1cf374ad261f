from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self) -> None:
        from accounts.models import User
        from danvan.audit import register

        register(User, exclude=["password", "last_login"])
