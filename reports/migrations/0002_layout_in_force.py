"""The layout profile every installation starts with.

Sizes in points and margins in millimetres as the guidance on the layout of
Party documents sets them (A4, Times New Roman; "ĐẢNG CỘNG SẢN VIỆT NAM" 15 pt
bold; issuing body 14 pt bold; date line 14 pt italic; document type 16 pt
bold; body 14 pt; "Nơi nhận" list 12 pt; margins top and bottom 20 mm, left
30 mm, right 15 mm). An administrator edits them on the "Thể thức văn bản" page
when the rules change.
"""

from django.db import migrations


def create(apps, schema_editor):
    DocumentLayout = apps.get_model("reports", "DocumentLayout")
    if not DocumentLayout.objects.filter(in_force=True).exists():
        DocumentLayout.objects.create(
            name="Thể thức văn bản của Đảng",
            regulation="Quy định 399-QĐ/TW (thay thế Quy định 66-QĐ/TW)",
            in_force=True,
        )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
