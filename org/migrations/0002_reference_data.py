from django.db import migrations

from org.reference import BODY_KINDS, LEVELS, UNIT_KINDS


def load(apps, schema_editor):
    Level = apps.get_model("org", "Level")
    UnitKind = apps.get_model("org", "UnitKind")
    BodyKind = apps.get_model("org", "BodyKind")
    levels = {}
    for code, name, rank in LEVELS:
        levels[code], _ = Level.objects.update_or_create(
            code=code, defaults={"name": name, "rank": rank}
        )
    for code, name, level in UNIT_KINDS:
        UnitKind.objects.update_or_create(
            code=code, defaults={"name": name, "level": levels[level]}
        )
    for code, name, abbreviation, category in BODY_KINDS:
        BodyKind.objects.update_or_create(
            code=code,
            defaults={"name": name, "abbreviation": abbreviation, "category": category},
        )


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
