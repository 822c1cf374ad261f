"""Facts from the text of a news article or report on mass-mobilization work.

Rules written for the genre (a conference held by a committee, who attended,
what was counted, who was awarded), in the order a reader finds them: the
headline, the dateline, the lead sentence (when, where, who organized what),
the attendance paragraph, the results, the awards, the byline. Each rule
takes only what the text states; when in doubt it leaves the fact out
(``None`` / ``[]``), because an invented fact is worse than a missing one.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from ingest.cleaning import clean_text
from ingest.extract import (
    awards,
    counts,
    event,
    indicators,
    people,
    periods,
    report,
    source,
    tables,
)
from ingest.extract.text import Context, iso, make_date, split_paragraphs
from ingest.facts import empty_facts
from vn.text import mend_qu_tones, nfc

Facts = dict[str, Any]


def extract(
    raw: str,
    metadata: dict[str, Any] | None = None,
    tables_read: list[tables.Table] | None = None,
) -> Facts:
    """Facts of one article or report, in the contract's shape; ``tables_read``
    are the tables of a DOCX or PDF, as rows of cells."""
    raw = mend_qu_tones(nfc(raw))  # "qúy III" is read as "quý III"
    raw, marker, month = _marker(raw)
    text = clean_text(raw)
    context = Context(text=text, raw=raw, paragraphs=split_paragraphs(text))
    context.marker_date, context.marker_month = marker, month
    facts = empty_facts()
    metadata = metadata or {}

    title = source.headline(context, metadata)
    facts["source"]["title"] = title
    context.published = source.published_on(context, metadata)
    facts["source"]["published_on"] = iso(context.published)
    facts["source"]["author"] = source.byline(context, metadata, title)

    found = facts["event"]
    frame = report.frame(raw)
    if frame is not None:
        title = facts["source"]["title"] = frame.title
        _report_event(context, frame, found)
    else:
        lead = event.lead_sentence(context, title)
        _article_event(context, lead, title, found)

    facts["attendees"] = people.merge_people(
        people.attendees(context), people.people_in_text(context)
    )
    counts.initiative_counts(context, facts["initiatives"])
    facts["named_initiatives"] = counts.named_initiatives(context)
    facts["awards"] = awards.awards(context, title)
    facts["indicators"] = indicators.indicators(context)
    tables.merge(facts, tables_read or [])
    known = {
        v
        for v in (
            facts["initiatives"]["total"],
            facts["initiatives"]["new"],
            facts["initiatives"]["replicated"],
            facts["initiatives"]["recognized"],
            facts["initiatives"]["cumulative_total"],
            *facts["initiatives"]["by_field"].values(),
            *(row["value"] for row in facts["indicators"]),
            *(row["of"] for row in facts["indicators"]),
        )
        if v is not None
    }
    facts["indicators"] += indicators.counted_results(context, known, title)
    facts["targets"] = indicators.targets(context)
    facts["coordination_partners"] = event.partners(context)
    return facts


def _report_event(context: Context, frame: report.Frame, found: Facts) -> None:
    """An official report: its header names the issuer, place and date; its
    subject the kind and the periods ("Sơ kết … 6 tháng đầu năm 2026")."""
    kind = event.event_kind("", frame.subject)
    review, plan = periods.periods(
        context, None, frame.subject, kind or "year_end_review"
    )
    if kind is None and review is not None:
        # "Kết quả … năm 2024": the results of a year, of a half or quarter.
        start, end = review["start"], review["end"]
        whole = start[5:] == "01-01" and end[5:] == "12-31"
        kind = "year_end_review" if whole else "midyear_review"
    if kind is None:
        review = plan = None
    found["kind"] = kind
    found["review_period"], found["plan_period"] = review, plan
    found["date"] = iso(frame.date)
    found["organizer"] = frame.organizer
    found["locality"] = frame.locality


def _article_event(
    context: Context, lead: str | None, title: str | None, found: Facts
) -> None:
    if lead is not None:
        found["kind"] = event.event_kind(lead, title)
        if title and not event.has_date(lead):
            # An undated opening ("Qua 5 năm triển khai …") says less about
            # the event than a headline that names it ("… tổng kết 5 năm …").
            found["kind"] = event.event_kind("", title) or found["kind"]
        found["organizer"] = event.organizer_of(lead)
        if found["organizer"]:
            found["organizer"] = event.complete_from_text(found["organizer"], context)
        found["place"] = event.place_of(lead, found["kind"])
    elif title:
        found["kind"] = event.event_kind("", title)
    review, plan = periods.periods(context, lead, title, found["kind"])
    found["review_period"], found["plan_period"] = review, plan
    found["date"] = iso(periods.event_date(lead, context, review, plan, found["kind"]))
    found["locality"] = event.locality_of(context, found["organizer"], title, lead)
    if found["kind"] == "plan_launch":
        found["locality"] = event.campaign_locality(lead) or found["locality"]
    found["locality"], found["organizer"] = event.usual_spelling(
        context, found["locality"], found["organizer"]
    )
    visiting = event.is_delegation(found["organizer"])  # its visit is no home
    if found["organizer"] and found["locality"] and not visiting:
        found["organizer"] = event.complete_organizer(
            found["organizer"], found["locality"]
        )
    # Named by nothing above, the unit the text names most is the locality;
    # too weak a sign to complete the organizer's name with.
    found["locality"] = found["locality"] or event.most_named_unit(
        context, found["organizer"]
    )


_MARKER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?[ \t]*")


def _marker(raw: str) -> tuple[str, dt.date | None, tuple[int, int] | None]:
    """A search engine's excerpt may open with " date 2025-10-21": the date
    the page carries (a day only when all three parts are there), and its
    year and month."""
    match = _MARKER.match(raw)
    if match is None:
        return raw, None, None
    year, month, day = match.groups()
    found = make_date(day, month, year) if day else None
    return raw[match.end() :], found, (int(year), int(month))


def to_json_ready(facts: Facts) -> Facts:
    """Decimals as numbers for json.dumps."""

    def convert(value: Any) -> Any:
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value

    converted: Facts = convert(facts)
    return converted
