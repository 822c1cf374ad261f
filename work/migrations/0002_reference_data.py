from django.db import migrations

from work.reference import ensure_reference_data


def load(apps, schema_editor):
    ensure_reference_data(apps.get_model("work", "Field"), apps.get_model("work", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("work", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
