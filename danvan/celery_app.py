"""The Celery application. Workers start with:

    celery -A danvan.celery_app worker -l info

and read their settings (CELERY_*) from Django's settings.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")

app = Celery("danvan")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
