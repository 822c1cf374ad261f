"""The default outline, and the narrative of existing reports moved from
their fixed fields into sections of that outline."""

from django.db import migrations

from reports.periods import Period, PeriodKind, next_label
from reports.reference import ensure_outline

# Old field → the section of the default outline that takes its text.
MOVED = {
    "results": "dan-van-kheo",
    "strengths": "uu-diem",
    "shortcomings": "han-che",
    "causes": "nguyen-nhan",
    "lessons": "bai-hoc",
    "next_tasks": "phuong-huong",
}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def forward(apps, schema_editor):
    outline = apps.get_model("reports", "OutlineSection")
    report_model = apps.get_model("reports", "Report")
    section_model = apps.get_model("reports", "ReportSection")
    ensure_outline(outline)
    items = list(outline.objects.filter(level__isnull=True).order_by("order"))
    for report in report_model.objects.select_related("period"):
        period = Period(
            PeriodKind(report.period.kind), report.period.start, report.period.end
        )
        labels = {"ky": period.label, "ky_toi": next_label(period)}
        texts = {MOVED[name]: getattr(report, name) for name in MOVED}
        part_number, child_number = 0, 0
        for item in items:
            if item.parent_id is None:
                part_number += 1
                child_number = 0
                number, depth = ROMAN[part_number - 1], 0
            else:
                child_number += 1
                number, depth = str(child_number), 1
            section_model.objects.create(
                report=report,
                order=item.order,
                depth=depth,
                number=number,
                key=item.key,
                title=item.title.format(**labels),
                prompt=item.prompt,
                required=item.required,
                text=texts.get(item.key, ""),
            )


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_outline_and_sections")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
