"""A news-article draft for a conference, written from its record.

The genre of the committees' news (../shared/seeds): a headline; a lead with
the time of day when it is recorded ("Sáng ngày 10/01/2024"), the organizer
and the full name of the conference; the guests from the level above first,
then the unit's leaders, each "đồng chí <name>, <position>"; the results of
the period reviewed in a few sentences; what the speakers said; commitments
signed; tasks set; awards by issuer, form and counts; a closing sentence; the
byline. Only what was recorded goes in, and no sentence is built on an empty
field. Staff edit it before publishing.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from accounts.models import User
from danvan.i18n import in_vietnamese
from reports.documents.writer import set_language
from reports.drafting import dan_van_kheo
from reports.facts import report_facts
from reports.periods import Period, PeriodKind, next_label
from vn.numbers import format_quantity
from vn.prose import (
    capitalize,
    join,
    lower_first,
    tidy_position,
    unit_in_sentence,
    without_doubled_words,
)
from work.models import Attendance, Conference


@dataclass
class Article:
    headline: str
    lead: str
    paragraphs: list[str] = field(default_factory=list)
    byline: str = ""

    @property
    def text(self) -> str:
        parts = [self.headline, self.lead, *self.paragraphs]
        if self.byline:
            parts.append(self.byline)
        return "\n\n".join(parts)


def _period(start: dt.date | None, end: dt.date | None) -> Period | None:
    if start is None or end is None:
        return None
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
        start.year == end.year
    ):
        return Period(PeriodKind.YEAR, start, end)
    if (
        start.year == end.year
        and (start.month, start.day) in {(1, 1), (7, 1)}
        and (
            (end.month, end.day) in {(6, 30), (12, 31)} and end.month - start.month == 5
        )
    ):
        return Period(PeriodKind.HALF, start, end)
    return Period(PeriodKind.RANGE, start, end)


def _time_of_day(conference: Conference) -> str:
    """ "Sáng ngày 10/01/2024" when the start time is recorded."""
    day = f"ngày {conference.date:%d/%m/%Y}"
    start = conference.start_time
    if start is None:
        return capitalize(day)
    if start.hour < 11:
        part = "Sáng"
    elif start.hour < 13:
        part = "Trưa"
    elif start.hour < 18:
        part = "Chiều"
    else:
        part = "Tối"
    return f"{part} {day}"


def full_title(conference: Conference) -> str:
    """The conference's name, with the planning half when it reviewed one
    period and set out the next ("…, triển khai phương hướng, nhiệm vụ năm
    2024"), without the unit's name repeated at its end."""
    title = conference.title.strip().rstrip(".")
    title = re.sub(r"\s+[–-]\s+" + re.escape(conference.unit.name) + r"$", "", title)
    plan = _period(conference.plan_start, conference.plan_end)
    if plan is not None and "triển khai" not in title.lower():
        title += f", triển khai phương hướng, nhiệm vụ {plan.label}"
    return title


def _person(attendance: Attendance) -> str:
    position = tidy_position(attendance.position)
    return (
        f"đồng chí {attendance.name}, {position}"
        if position
        else f"đồng chí {attendance.name}"
    )


@in_vietnamese
def conference_article(conference: Conference, *, by: User | None = None) -> Article:
    organizer = conference.organizer.name
    title = full_title(conference)
    place = unit_in_sentence(conference.unit.name)
    short = title.removeprefix("Hội nghị ").strip()
    headline = f"{capitalize(place)}: {capitalize(short)}"
    where = f" tại {conference.place}" if conference.place else ""
    lead = f"{_time_of_day(conference)}, {organizer} tổ chức {title}{where}."
    article = Article(headline=headline, lead=lead)

    attendances = list(
        conference.attendances.select_related("person").order_by(
            "-is_guest", "order", "pk"
        )
    )
    guests = [a for a in attendances if a.is_guest]
    hosts = [a for a in attendances if not a.is_guest]
    sentences = []
    if guests:
        sentences.append(f"Về dự hội nghị có {'; '.join(_person(a) for a in guests)}.")
    if hosts:
        opening = f"Về phía {place} có" if guests else "Dự hội nghị có"
        sentences.append(f"{opening} {'; '.join(_person(a) for a in hosts[:6])}.")
    if sentences:
        article.paragraphs.append(" ".join(sentences))

    review = _period(conference.review_start, conference.review_end)
    if review is not None:
        results = dan_van_kheo(report_facts(conference.unit, review))
        if results:
            article.paragraphs.append(results.replace("\n", " "))

    for attendance in attendances:
        speech = attendance.speech.strip().rstrip(".")
        if attendance.spoke and speech:
            article.paragraphs.append(
                f"Phát biểu tại hội nghị, {_person(attendance)}, {lower_first(speech)}."
            )
    conclusions = conference.conclusions.strip().rstrip(".")
    if conclusions:
        article.paragraphs.append(f"Hội nghị thống nhất: {lower_first(conclusions)}.")

    commitments = list(conference.commitments.select_related("body"))
    for commitment in commitments:
        who = commitment.body.name if commitment.body else commitment.signer_name
        what = re.sub(
            r"^(?:ký\s+)?(?:kết\s+)?(?:cam\s+kết|giao\s+ước)\s+",
            "",
            commitment.content.strip().rstrip("."),
            flags=re.IGNORECASE,
        )
        article.paragraphs.append(
            f"Tại hội nghị, {who} đã ký cam kết {lower_first(what)}."
        )

    for task in conference.tasks.select_related("owner").order_by("deadline", "pk")[:4]:
        content = lower_first(task.content.strip().rstrip("."))
        article.paragraphs.append(
            f"Hội nghị giao {task.owner.name} {content}, hoàn thành trước ngày "
            f"{task.deadline:%d/%m/%Y}."
        )

    for award in (
        conference.awards.select_related("issuer")
        .prefetch_related("recipients")
        .order_by("pk")
    ):
        whom = join(
            [
                f"{format_quantity(award.collective_count)} tập thể"
                if award.collective_count
                else "",
                f"{format_quantity(award.individual_count)} cá nhân"
                if award.individual_count
                else "",
            ]
        )
        if not whom:
            continue
        reason = award.reason.strip().rstrip(".")
        sentence = (
            f"Dịp này, {award.issuer_label} tặng {award.form_label} cho {whom}"
            + (f" {lower_first(reason)}" if reason else " có thành tích xuất sắc")
        )
        named = [r.name for r in award.recipients.all() if r.kind == "individual"][:6]
        if named:
            comrades = "các đồng chí" if len(named) > 1 else "đồng chí"
            sentence += f", trong đó có {comrades} {join(named)}"
        article.paragraphs.append(sentence + ".")

    plan = _period(conference.plan_start, conference.plan_end)
    if plan is not None:
        following = plan.label
    elif review is not None:
        following = next_label(review)
    else:
        following = "trong thời gian tới"
    article.paragraphs.append(
        "Hội nghị kết thúc với quyết tâm thực hiện thắng lợi nhiệm vụ công tác "
        f"dân vận {following}."
    )
    article.lead = without_doubled_words(article.lead)
    article.paragraphs = [without_doubled_words(p) for p in article.paragraphs]
    if by is not None:
        author = by.full_name or by.username
        body = getattr(by, "body", None)
        article.byline = f"{author} ({body.name})" if body is not None else author
    return article


@in_vietnamese
def article_docx(article: Article) -> bytes:
    document = Document()
    set_language(document)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    heading = document.add_paragraph()
    run = heading.add_run(article.headline)
    run.bold, run.font.size = True, Pt(16)
    lead = document.add_paragraph()
    lead.add_run(article.lead).bold = True
    for text in article.paragraphs:
        document.add_paragraph(text)
    if article.byline:
        byline = document.add_paragraph()
        byline.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        byline.add_run(article.byline).bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
