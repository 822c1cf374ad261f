"""Vietnamese formats: Django's, with dates shown and typed as dd/mm/yyyy
(see danvan.formats.DATE_INPUT_FORMATS)."""

from django.conf.locale.vi.formats import *  # noqa: F403

from danvan.formats.dates import DATE_INPUT_FORMATS  # noqa: F401

# Pages write dates as 17/07/2025 (documents write theirs in words).
DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
