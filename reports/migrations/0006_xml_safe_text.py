"""Remove the characters XML cannot hold from text already stored, so that
no existing row can break an export (new saves are cleaned by
danvan.textsafety)."""

from __future__ import annotations

import re

from django.db import migrations, models

APPS = ("org", "accounts", "work", "reports", "jobs", "ingest")
UNSAFE = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f]")
PATTERN = "[\x01-\x08\x0b\x0c\x0e-\x1f]"


def clean(apps, schema_editor):
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            fields = [
                f.attname
                for f in model._meta.concrete_fields
                if isinstance(f, models.CharField | models.TextField)
            ]
            for name in fields:
                dirty = model._default_manager.filter(**{f"{name}__regex": PATTERN})
                for pk, value in dirty.values_list("pk", name):
                    model._default_manager.filter(pk=pk).update(
                        **{name: UNSAFE.sub("", value)}
                    )


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0002_reference_data"),
        ("accounts", "0002_username_unique_any_case"),
        ("work", "0004_conference_start_time"),
        ("reports", "0005_report_templates"),
        ("jobs", "0002_job_return_url"),
        ("ingest", "0001_initial"),
    ]

    operations = [migrations.RunPython(clean, migrations.RunPython.noop)]
