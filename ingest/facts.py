"""The contract of extracted facts (../shared/ingest/SCHEMA.md): every key is
always present; what the text does not say is None (or [] for lists)."""

from __future__ import annotations

from typing import Any

FIELDS = ("economy", "culture_society", "defense_security", "political_system")
EVENT_KINDS = ("year_end_review", "midyear_review", "plan_launch", "other")


def empty_facts() -> dict[str, Any]:
    return {
        "source": {"title": None, "published_on": None, "author": None},
        "event": {
            "kind": None,
            "date": None,
            "place": None,
            "organizer": None,
            "locality": None,
            "review_period": None,
            "plan_period": None,
        },
        "attendees": [],
        "initiatives": {
            "total": None,
            "by_field": dict.fromkeys(FIELDS),
            "new": None,
            "replicated": None,
            "recognized": None,
            "cumulative_total": None,
            # Rows of a report's table by unit: {"unit", "total", and the
            # four fields}; [] for articles.
            "by_unit": [],
        },
        "named_initiatives": [],
        "awards": [],
        "indicators": [],
        "targets": [],
        "coordination_partners": [],
    }
