"""The original bytes of each document move from a database column into
media storage (backed up with the other files, kept out of every query)."""

from django.core.files.base import ContentFile
from django.db import migrations, models

import ingest.models


def to_storage(apps, schema_editor):
    Document = apps.get_model("ingest", "Document")
    for document in Document.objects.only("pk", "unit_id", "sha256", "content"):
        document.original.save("original", ContentFile(bytes(document.content)), save=False)
        Document.objects.filter(pk=document.pk).update(original=document.original.name)


def to_column(apps, schema_editor):
    Document = apps.get_model("ingest", "Document")
    for document in Document.objects.only("pk", "original"):
        with document.original.open("rb") as original:
            data = original.read()
        Document.objects.filter(pk=document.pk).update(content=data)
        document.original.delete(save=False)


class Migration(migrations.Migration):
    dependencies = [("ingest", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="document",
            name="original",
            field=models.FileField(
                default="",
                editable=False,
                max_length=200,
                upload_to=ingest.models.original_path,
                verbose_name="tệp gốc",
            ),
            preserve_default=False,
        ),
        # A default, so that going back can add the column to existing rows.
        migrations.AlterField(
            model_name="document",
            name="content",
            field=models.BinaryField(
                default=b"", editable=False, verbose_name="nội dung gốc"
            ),
        ),
        migrations.RunPython(to_storage, to_column),
        migrations.RemoveField(model_name="document", name="content"),
    ]
