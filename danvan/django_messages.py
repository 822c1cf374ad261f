"""Django's own messages whose Vietnamese translation reads wrongly (a space
before the full stop, "là nhỏ hơn"); listed here so that makemessages puts
them in this project's catalogue, whose translation takes precedence
(LOCALE_PATHS comes before Django's own)."""

from django.utils.translation import gettext_noop

MESSAGES = [
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Please correct the duplicate data for %(field)s."),
]
