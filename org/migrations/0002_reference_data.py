from django.db import migrations

from org.reference import ensure_reference_data


def load(apps, schema_editor):
    ensure_reference_data(
        apps.get_model("org", "Level"),
        apps.get_model("org", "UnitKind"),
        apps.get_model("org", "BodyKind"),
    )


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
