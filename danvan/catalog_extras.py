"""Messages of Django whose Vietnamese translation Django itself lacks.

Listed here so that ``makemessages`` keeps them in the project's catalogue,
where locale/vi/LC_MESSAGES/django.po translates them.
"""

from django.utils.translation import ngettext


def _password_too_short(length: int) -> str:
    return ngettext(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        length,
    )
