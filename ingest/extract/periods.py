"""Dates and periods: the period reviewed, the period planned, the day held."""

from __future__ import annotations

import datetime as dt
import re

from ingest.extract.text import DAY_MONTH, WORDY_DATE, YEAR_WORD, Context, make_date


def _year_of(text: str) -> int | None:
    match = YEAR_WORD.search(text)
    return int(match.group(1)) if match else None


def _half(year: int, first: bool) -> dict[str, str]:
    if first:
        return {"start": f"{year}-01-01", "end": f"{year}-06-30"}
    return {"start": f"{year}-07-01", "end": f"{year}-12-31"}


def _whole(year: int) -> dict[str, str]:
    return {"start": f"{year}-01-01", "end": f"{year}-12-31"}


_RANGE = re.compile(
    r"từ\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?"
    r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?",
    re.I,
)


def periods(
    context: Context, lead: str | None, title: str | None, kind: str | None
) -> tuple[dict[str, str] | None, dict[str, str] | None]:
    source = " ".join(x for x in (lead, title) if x)
    lowered = source.lower()
    review = plan = None
    if kind == "year_end_review":
        match = re.search(r"tổng kết[^.;]*?năm\s+(\d{4})", lowered)
        if match:
            review = _whole(int(match.group(1)))
            plan_match = re.search(
                r"(?:triển khai|phương hướng|nhiệm vụ|kế hoạch)[^.;]*?năm\s+(\d{4})",
                lowered[match.end() :],
            )
            if plan_match and int(plan_match.group(1)) == int(match.group(1)) + 1:
                plan = _whole(int(plan_match.group(1)))
    elif kind == "midyear_review":
        years = [int(y) for y in re.findall(r"năm\s+(\d{4})", lowered)]
        dated = re.search(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(\d{4})", lead or "")
        year = years[0] if years else (int(dated.group(1)) if dated else None)
        if year is not None:
            if re.search(r"6 tháng đầu năm|sáu tháng đầu năm", lowered):
                review = _half(year, True)
            if re.search(r"6 tháng cuối năm|sáu tháng cuối năm", lowered):
                plan = _half(year, False)
        stage = re.search(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", lowered)
        if review is None and stage and int(stage.group(1)) < int(stage.group(2)):
            review = {
                "start": f"{stage.group(1)}-01-01",
                "end": f"{stage.group(2)}-12-31",
            }
    elif kind == "other":
        match = re.search(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", lowered)
        if match and int(match.group(1)) < int(match.group(2)):
            review = {
                "start": f"{match.group(1)}-01-01",
                "end": f"{match.group(2)}-12-31",
            }
    elif kind == "plan_launch":
        for paragraph in context.paragraphs:
            match = _RANGE.search(paragraph)
            if match:
                d1, m1, y1, d2, m2, y2 = match.groups()
                mentioned = _year_of(source)
                range_year = y2 or y1 or (str(mentioned) if mentioned else None)
                start = make_date(d1, m1, y1 or range_year)
                end = make_date(d2, m2, y2 or range_year)
                if start and end and start <= end:
                    plan = {"start": start.isoformat(), "end": end.isoformat()}
                break
        if plan is None:
            match = re.search(
                r"(?:kế hoạch|nhiệm vụ|phương hướng)[^.;]*?năm\s+(\d{4})", lowered
            )
            if match and "đợt" not in lowered:
                plan = _whole(int(match.group(1)))
    return review, plan


def event_date(
    lead: str | None,
    context: Context,
    review: dict[str, str] | None,
    plan: dict[str, str] | None,
    kind: str | None,
) -> dt.date | None:
    if lead is None:
        return None
    match = WORDY_DATE.search(lead) or DAY_MONTH.search(lead)
    if match is None:
        return None
    day, month, year = match.groups()
    if year:
        return make_date(day, month, year)
    month_number = int(month)
    if context.published is not None:
        guess = make_date(day, month, context.published.year)
        if guess and guess > context.published:
            guess = make_date(day, month, context.published.year - 1)
        return guess
    if kind == "year_end_review" and review:
        reviewed = int(review["start"][:4])
        return make_date(day, month, reviewed + 1 if month_number <= 6 else reviewed)
    if kind == "midyear_review" and review:
        return make_date(day, month, int(review["start"][:4]))
    if plan:
        return make_date(day, month, int(plan["start"][:4]))
    return None
