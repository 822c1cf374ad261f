"""What each kind of job does. Apps register their handlers at start-up.

A handler receives the job and a ``progress(percent, message, args)`` callback
(``message`` a Vietnamese msgid, marked with ``gettext_noop``, with
``%(name)s`` placeholders filled from ``args`` when shown, so each reader sees
it in their own language) and
returns the result file as ``(content, file name, content type)``, or None.
A handler raising JobError fails the job with the error's message (for the
user, in Vietnamese); any other exception fails it with a generic message
and is logged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from jobs.models import Job


class Progress(Protocol):
    def __call__(
        self, percent: int, message: str, args: Mapping[str, int | str] | None = ...
    ) -> None: ...


Result = tuple[bytes, str, str] | None
Handler = Callable[["Job", Progress], Result]

HANDLERS: dict[str, Handler] = {}


class JobError(RuntimeError):
    """A job cannot finish; the message is shown to the user."""


def handler(kind: str) -> Callable[[Handler], Handler]:
    def register(function: Handler) -> Handler:
        HANDLERS[kind] = function
        return function

    return register
