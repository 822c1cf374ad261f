from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IngestConfig(AppConfig):
    name = "ingest"
    verbose_name = _("Đọc bài viết, báo cáo")

    def ready(self) -> None:
        from danvan.audit import register
        from ingest import jobs  # noqa: F401  (registers the batch job)
        from ingest.models import Document

        register(Document, exclude=["text", "cleaned"])
