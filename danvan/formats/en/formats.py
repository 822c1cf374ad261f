"""English formats for a Vietnamese system: the words are English, the dates
stay dd/mm/yyyy as in every Vietnamese document (03/04/2025 is 3 April)."""

from django.conf.locale.en.formats import *  # noqa: F403

from danvan.formats.dates import DATE_INPUT_FORMATS  # noqa: F401

# Pages write dates as 17/07/2025 (documents write theirs in words).
DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
