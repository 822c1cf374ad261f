"""An index for "the newest audit entry of these kinds of record".

``danvan.audit.data_version(apps=…)`` asks for the newest entry of each
content type; with this index each answer is one index probe, whatever the
size of the audit table."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("auditlog", "0017_add_actor_email")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX danvan_logentry_type_newest "
            "ON auditlog_logentry (content_type_id, id)",
            "DROP INDEX danvan_logentry_type_newest",
        )
    ]
