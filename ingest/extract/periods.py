"""Dates and periods: the period reviewed, the period planned, the day held.

The lead and the headline name periods in a handful of shapes ("năm 2024",
"6 tháng đầu năm 2019", "quý II", "quý IV.2022", "giai đoạn 2016 – 2020",
"giai đoạn tiếp theo (2015 – 2020)"). Each mention is read with the word
that governs it: after "tổng kết", "sơ kết", "giao ban" it is the period
reviewed; after "triển khai", "phương hướng", "nhiệm vụ", "kế hoạch" it is
the period planned (LABELING.md of the real corpus).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ingest.extract.text import (
    DATE_IN_LINE,
    DAY_PAIR,
    LEAD_DATE,
    WORDY_DATE,
    YEAR_WORD,
    Context,
    make_date,
)

Period = dict[str, str]

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MENTION = re.compile(
    r"(?P<phase>(?:giai đoạn|nhiệm kỳ)(?:\s+tiếp theo)?\s*\(?\s*(?P<p1>\d{4})\s*[-–—]\s*(?P<p2>\d{4})\)?)"
    # "6 tháng đầu năm", "9 tháng năm 2026", "3 tháng cuối năm 2026"
    r"|(?P<half>(?P<months>3|6|9|ba|sáu|chín)\s+tháng\s+(?:(?P<which>đầu|cuối)\s+)?năm"
    r"(?:\s+(?P<hy>\d{4}))?)"
    r"|(?P<quarter>quý\s+(?P<q>iv|i{1,3}|[1-4])\b(?:\s*(?:năm\s+|[./-]\s*)(?P<qy>\d{4}))?)"
    r"|(?P<year>năm\s+(?P<y>\d{4}))",
    re.I,
)
_PLAN_CUE = re.compile(
    r"triển khai|phương hướng|nhiệm vụ|kế hoạch|giai đoạn tiếp theo|phát động|đề ra|hướng dẫn"
    r"|ký kết|giải pháp",
    re.I,
)
_PLAN_AFTER = re.compile(r"[^.;\d]{0,40}?\b(?:phấn đấu|dự kiến|đặt mục tiêu)\b", re.I)
_REVIEW_CUE = re.compile(
    r"tổng kết|sơ kết|giao ban|kết quả|tuyên dương|biểu dương|đánh giá|trao giải"
    r"|(?<!mô hình, )(?<!mô hình và )điển hình|khen thưởng",
    re.I,
)


@dataclass
class _Mention:
    start: int
    period: Period | None  # None: a quarter whose year is not yet known
    quarter: int | None = None
    plan: bool = False


def _whole(year: int) -> Period:
    return {"start": f"{year}-01-01", "end": f"{year}-12-31"}


def _span(first: int, last: int) -> Period:
    return {"start": f"{first}-01-01", "end": f"{last}-12-31"}


_MONTHS = {"3": 3, "6": 6, "9": 9, "ba": 3, "sáu": 6, "chín": 9}


def _months(year: int, months: int, first: bool) -> Period:
    """The first or the last ``months`` months of ``year``."""
    if first:
        end = dt.date(year, months + 1, 1) - dt.timedelta(days=1)  # months < 12
        return {"start": f"{year}-01-01", "end": end.isoformat()}
    return {"start": f"{year}-{13 - months:02d}-01", "end": f"{year}-12-31"}


def _quarter(year: int, quarter: int) -> Period:
    start = dt.date(year, 3 * quarter - 2, 1)
    end = (
        dt.date(year, 12, 31)
        if quarter == 4
        else dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)
    )
    return {"start": start.isoformat(), "end": end.isoformat()}


def _mentions(text: str, whole_text: str = "") -> list[_Mention]:
    """The periods ``text`` names; a quarter it names without a year takes
    the year of the nearest dated period in it, else the year ``whole_text``
    gives the same quarter ("quý III" in a caption, "Quý III/2019" below)."""
    found: list[_Mention] = []
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)]
    for match in _MENTION.finditer(text):
        if match.group("phase"):
            first, last = int(match.group("p1")), int(match.group("p2"))
            if not first < last <= first + 20:
                continue  # "20021-2025" and other slips
            period: Period | None = _span(first, last)
            found.append(_Mention(match.start(), period))
        elif match.group("half"):
            year = match.group("hy") or (years[0] if years else None)
            if year is None:
                continue
            months = _MONTHS[match.group("months").lower()]
            found.append(
                _Mention(
                    match.start(),
                    _months(int(year), months, match.group("which") != "cuối"),
                )
            )
        elif match.group("quarter"):
            quarter = _ROMAN[match.group("q").lower()]
            year = match.group("qy") or _year_of_quarter(whole_text, quarter)
            found.append(
                _Mention(
                    match.start(),
                    _quarter(int(year), quarter) if year else None,
                    quarter=quarter,
                )
            )
        else:
            found.append(_Mention(match.start(), _whole(int(match.group("y")))))
    # A quarter without a year takes the year of the nearest quarter or year.
    for mention in found:
        if mention.period is None and mention.quarter:
            dated = [m for m in found if m.period is not None]
            if dated:
                nearest = min(dated, key=lambda m: abs(m.start - mention.start))
                mention.period = _quarter(
                    int(nearest.period["start"][:4]),  # type: ignore[index]
                    mention.quarter,
                )
    for mention in found:
        before = text[: mention.start]
        plan_cue = max((m.end() for m in _PLAN_CUE.finditer(before)), default=-1)
        review_cue = max((m.end() for m in _REVIEW_CUE.finditer(before)), default=-1)
        mention.plan = plan_cue > review_cue
        if not mention.plan:
            # "năm 2027, Đảng ủy phấn đấu …": the plan's word may follow
            named = _MENTION.match(text, mention.start)
            mention.plan = bool(named and _PLAN_AFTER.match(text, named.end()))
    return [m for m in found if m.period is not None]


def _year_of_quarter(text: str, quarter: int) -> str | None:
    """The year written with the same quarter elsewhere, when only one is."""
    years = {
        match.group("qy")
        for match in _MENTION.finditer(text)
        if match.group("quarter")
        and match.group("qy")
        and _ROMAN[match.group("q").lower()] == quarter
    }
    return years.pop() if len(years) == 1 else None


def _next_quarter(period: Period) -> Period:
    start = dt.date.fromisoformat(period["end"]) + dt.timedelta(days=1)
    return _quarter(start.year, (start.month - 1) // 3 + 1)


def _is_quarter(period: Period) -> bool:
    start = dt.date.fromisoformat(period["start"])
    end = dt.date.fromisoformat(period["end"])
    return start.day == 1 and start.month in (1, 4, 7, 10) and (end - start).days < 93


def periods(
    context: Context, lead: str | None, title: str | None, kind: str | None
) -> tuple[Period | None, Period | None]:
    """(review_period, plan_period) as the lead, else the headline, states them."""
    review = plan = None
    for source in (lead, title):
        if not source or kind is None:
            continue
        # The day held ("ngày 15 tháng 01 năm 2025") is not a period.
        source = WORDY_DATE.sub(" ", source)
        mentions = _mentions(source, context.text)
        if not mentions:
            continue
        # a signing's phase, and the term a congress opens ("Đại hội … nhiệm
        # kỳ 2025 – 2030"), are planned
        signing = bool(re.search(r"(?i:ký kết|đại hội)", source)) and kind == "other"
        for mention in mentions:
            if kind == "other" and not signing and not mention.plan:
                cue = _REVIEW_CUE.search(source[: mention.start])
                if cue is None:
                    continue  # "đối thoại … năm 2025": no period reviewed
            if kind == "plan_launch" and not mention.plan:
                continue  # "ra quân … năm 2022": the campaign's days, not the year
            as_plan = mention.plan or kind == "plan_launch" or signing
            if (
                signing
                and not mention.plan
                and review is None
                and re.search(r"(?i:tổng kết|sơ kết)", source[: mention.start])
            ):
                as_plan = False
            if as_plan:
                plan = plan or mention.period
            else:
                review = review or mention.period
        if review or plan:
            break
    if kind == "midyear_review" and review and plan is None and _is_quarter(review):
        plan = _next_quarter(review)  # a quarterly giao ban plans the next quarter
    if kind in ("year_end_review", "midyear_review") and review and plan is None:
        plan = _following_planned(context.text, review)
    if kind == "other" and plan and review is None:
        review = _preceding_reviewed(context.text, plan)
    if kind == "plan_launch" and plan and review is None:
        review = _last_years_results(context.text, plan)
    if kind == "plan_launch":
        named = _year_of(" ".join(x for x in (lead, title) if x))
        dated = LEAD_DATE.search(lead or "")
        if named is None and dated and dated.group(3):
            named = int(dated.group(3))  # "Sáng 5/11/2026, … ra quân …"
        year = int(plan["start"][:4]) if plan else named
        plan = _campaign_days(context, year) or plan
    return review, plan


def _following(period: Period) -> Period:
    """The period of the same length that follows ``period`` (the year after
    a year, the half after a half, the quarter after a quarter)."""
    start = dt.date.fromisoformat(period["start"])
    end = dt.date.fromisoformat(period["end"])
    if _is_quarter(period):
        return _next_quarter(period)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        years = end.year - start.year + 1
        return _span(end.year + 1, end.year + years)
    if (start.month, end.month) in ((1, 6), (7, 12)):
        return _months(end.year + (start.month == 7), 6, start.month == 7)
    if (start.month, end.month) == (1, 9):  # nine months: the last three follow
        return _months(end.year, 3, False)
    return {}


def _following_planned(text: str, review: Period) -> Period | None:
    """A review conference's plan period when the lead does not name it: the
    period right after the one reviewed, if the article names it after a
    word of planning ("phương hướng, nhiệm vụ năm 2021" in the body)."""
    following = _following(review)
    if not following:
        return None
    for mention in _mentions(WORDY_DATE.sub(" ", text)):
        if mention.plan and mention.period == following:
            return following
    return None


def _last_years_results(text: str, plan: Period) -> Period | None:
    """A meeting launching a year's plan that opens its body with the year
    before's results ("Năm 2021, công tác Dân vận … đạt nhiều kết quả")."""
    start, end = plan["start"], plan["end"]
    if start[5:] != "01-01" or end[5:] != "12-31" or start[:4] != end[:4]:
        return None
    before = int(start[:4]) - 1
    if re.search(
        rf"(?m)(?:^|\.\s)(?:Trong\s+)?[Nn]ăm\s+{before}\s*,[^.]*kết quả", text
    ):
        return _whole(before)
    return None


def _preceding_reviewed(text: str, plan: Period) -> Period | None:
    """A signing of a programme for a phase, when the body says the phase
    before was reviewed ("đã đánh giá kết quả Chương trình phối hợp … giai
    đoạn 2011-2016" before signing the one of 2016-2021); a congress, when a
    sentence opens with the term before ("Nhiệm kỳ 2019 – 2024, …")."""
    start = int(plan["start"][:4])
    for sentence in re.split(r"[.;]\s", WORDY_DATE.sub(" ", text)):
        # "Nhiệm kỳ 2019 – 2024, Mặt trận … đã …": the term before, reported
        if not (
            _REVIEW_CUE.search(sentence) or re.match(r"\s*(?i:nhiệm kỳ)", sentence)
        ):
            continue
        for mention in _mentions(sentence):
            period = mention.period or {}
            first, last = int(period["start"][:4]), int(period["end"][:4])
            if not mention.plan and last > first and last in (start, start - 1):
                return period
    return None


_RANGE = re.compile(
    r"từ\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?"
    r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?",
    re.I,
)
_DAYS = re.compile(r"(?i:trong\s+(?:vòng\s+)?(\d{1,3})\s+ngày)")
_STARTS = re.compile(r"(?i:ra quân|xuất quân|bắt đầu|khởi động)")


def _campaign_days(context: Context, year: int | None) -> Period | None:
    """The days a campaign runs: "từ 16/7 đến 30/7", or "trong 15 ngày" from
    the day it sets out (days counted inclusively, LABELING.md)."""
    for paragraph in context.paragraphs:
        match = _RANGE.search(paragraph)
        if match:
            d1, m1, y1, d2, m2, y2 = match.groups()
            range_year = y2 or y1 or year
            start = make_date(d1, m1, y1 or range_year)
            end = make_date(d2, m2, y2 or range_year)
            if start and end and start <= end:
                return {"start": start.isoformat(), "end": end.isoformat()}
    days = _DAYS.search(context.text)
    if days is None or year is None:
        return None
    starts = []
    for paragraph in context.paragraphs:
        for sentence in re.split(r"(?<=[.;])\s+", paragraph):
            if _STARTS.search(sentence):
                date = LEAD_DATE.search(sentence)
                if date:
                    found = make_date(
                        date.group(1), date.group(2), date.group(3) or year
                    )
                    if found:
                        starts.append(found)
    if not starts:
        return None
    start = max(starts)  # the setting out comes after the meeting that plans it
    end = start + dt.timedelta(days=int(days.group(1)) - 1)
    return {"start": start.isoformat(), "end": end.isoformat()}


def _year_of(text: str) -> int | None:
    match = YEAR_WORD.search(text)
    return int(match.group(1)) if match else None


_CITED = re.compile(
    r"(?i:(?:kế hoạch|hướng dẫn|quyết định|nghị quyết|chỉ thị|công văn|thông báo|"
    r"kết luận|quy định|chương trình)\s+số\s+[\w./-]+\s+ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}"
    r"(?:\s*[/.-]\s*\d{4})?)"
)


# The Party's mass-mobilization tradition day, 15 October 1930: its Nth
# anniversary falls in 1930 + N.
_TRADITION_DAY = re.compile(
    r"(?i:kỷ niệm|kỉ niệm)\s+(\d{1,3})\s+năm\s+(?i:ngày)\s+(?i:truyền thống)"
    r"\s+(?i:công tác dân vận)"
)


_NEAR_DAYS = 7  # a meeting held for a day may fall a few days before it


def _days_apart(first: tuple[int, int], second: tuple[int, int]) -> int:
    """Days between two (day, month) of one (leap) year; 999 if not dates."""
    try:
        a, b = dt.date(2000, first[1], first[0]), dt.date(2000, second[1], second[0])
    except ValueError:
        return 999
    return abs((a - b).days)


def event_date(
    lead: str | None,
    context: Context,
    review: Period | None,
    plan: Period | None,
    kind: str | None,
) -> dt.date | None:
    """The day held. A date without its year takes the year of the
    publication, else of the period reviewed (a review is held at or after
    the period's end), else of the year the lead names; a phase alone does
    not settle the year of a commemoration or a signing."""
    if lead is None:
        return None
    # "Thực hiện Hướng dẫn số 13-HD/BTGDVTU ngày 06/8/2025 của …": the date of
    # a document the lead cites is not the day held.
    lead = _CITED.sub(" ", lead)
    match = WORDY_DATE.search(lead) or LEAD_DATE.search(lead) or DAY_PAIR.search(lead)
    if match is None:
        return None
    day, month, year = match.groups()
    if year:
        return make_date(day, month, year)
    if context.published is not None:
        guess = make_date(day, month, context.published.year)
        if guess and guess > context.published:
            guess = make_date(day, month, context.published.year - 1)
        return guess
    if context.marker_month is not None:  # the page's " date 2023-09"
        marked_year, marked_month = context.marker_month
        return make_date(day, month, marked_year - (int(month) > marked_month))
    # "Ngày 15-10, … kỷ niệm 83 năm Ngày truyền thống … (15/10/1930 - 15/10/2013)":
    # the same day, or one a few days off ("Chiều 14/10"), written in full in
    # the lead gives its year (the latest).
    same_day = [
        int(y)
        for d, m, y in DATE_IN_LINE.findall(lead)
        if _days_apart((int(d), int(m)), (int(day), int(month))) <= _NEAR_DAYS
    ]
    if same_day:
        return make_date(day, month, max(same_day))
    anniversary = _TRADITION_DAY.search(lead)
    if anniversary is not None and _days_apart((15, 10), (int(day), int(month))) <= (
        _NEAR_DAYS
    ):
        return make_date(day, month, 1930 + int(anniversary.group(1)))
    if kind in ("year_end_review", "midyear_review") and review:
        end = dt.date.fromisoformat(review["end"])
        guess = make_date(day, month, end.year)
        if guess and guess < dt.date.fromisoformat(review["start"]):
            guess = make_date(day, month, end.year + 1)
        short = (end - dt.date.fromisoformat(review["start"])).days < 370
        if guess and short and (guess - end).days < -200:
            guess = make_date(day, month, end.year + 1)
        return guess
    named = _year_of(lead)
    if named is not None:
        return make_date(day, month, named)
    if plan and kind == "plan_launch":
        return make_date(day, month, int(plan["start"][:4]))
    return None
