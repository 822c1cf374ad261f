from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Báo cáo, tổng hợp")

    def ready(self) -> None:
        from danvan.audit import register
        from reports import jobs  # noqa: F401  (registers the job handlers)
        from reports.models import DocumentLayout, Report

        register(Report)
        register(DocumentLayout)
