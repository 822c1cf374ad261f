from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "org"
    verbose_name = _("Tổ chức hành chính")

    def ready(self) -> None:
        from danvan.audit import register
        from org import models

        for model in (
            models.Unit,
            models.UnitVersion,
            models.Reorganization,
            models.ReorganizationLink,
            models.BodyKind,
            models.Body,
            models.Person,
            models.Position,
        ):
            register(model)
