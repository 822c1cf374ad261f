"""A news-article draft for a conference, written from its record.

The genre of the committees' news: a headline; a lead with the date and the
organizer; who attended (guests from above first, each with the position they
held that day); the results of the period reviewed (from the roll-up); what
was said, signed and assigned; the awards given. Staff edit it before
publishing; only recorded facts go in, nothing is made up.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from docx import Document
from docx.shared import Pt

from reports.figures import results_paragraph
from reports.periods import Period, PeriodKind
from vn.numbers import format_quantity
from work.models import Conference


@dataclass
class Article:
    headline: str
    lead: str
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join([self.headline, self.lead, *self.paragraphs])


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _person(name: str, position: str) -> str:
    return f"đồng chí {name} – {position}" if position else f"đồng chí {name}"


def _review_period(conference: Conference) -> Period | None:
    start, end = conference.review_start, conference.review_end
    if start is None or end is None:
        return None
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
        start.year == end.year
    ):
        return Period(PeriodKind.YEAR, start, end)
    if (start.month, start.day, end.month, end.day) == (1, 1, 6, 30):
        return Period(PeriodKind.HALF, start, end)
    return Period(PeriodKind.RANGE, start, end)


def _time_of_day(day: dt.date) -> str:
    return f"Ngày {day:%d/%m/%Y}"


def conference_article(conference: Conference) -> Article:
    organizer = conference.organizer.name
    title = conference.title.strip()
    headline = (
        title
        if organizer.lower() in title.lower()
        else f"{organizer} tổ chức {_lower_first(title)}"
    )
    place = f" tại {conference.place}" if conference.place else ""
    lead = (
        f"{_time_of_day(conference.date)}, {organizer} đã tổ chức "
        f"{_lower_first(title)}{place}."
    )
    article = Article(headline=headline, lead=lead)

    attendances = list(conference.attendances.order_by("-is_guest", "order", "pk"))
    guests = [a for a in attendances if a.is_guest]
    hosts = [a for a in attendances if not a.is_guest]
    sentences = []
    if guests:
        sentences.append(
            "Tham dự hội nghị, về phía cấp trên có "
            + "; ".join(_person(a.name, a.position) for a in guests)
            + "."
        )
    if hosts:
        opening = "Về phía" if guests else "Tham dự hội nghị, về phía"
        sentences.append(
            f"{opening} {conference.unit.name} có "
            + "; ".join(_person(a.name, a.position) for a in hosts)
            + "."
        )
    if sentences:
        article.paragraphs.append(" ".join(sentences))

    period = _review_period(conference)
    if period is not None:
        article.paragraphs.append(results_paragraph(conference.unit, period))
    if conference.conclusions.strip():
        article.paragraphs.append(conference.conclusions.strip())

    for attendance in attendances:
        if attendance.spoke and attendance.speech.strip():
            who = _person(attendance.name, attendance.position)
            said = _lower_first(attendance.speech.strip())
            article.paragraphs.append(f"Phát biểu tại hội nghị, {who} {said}")

    commitments = list(conference.commitments.select_related("body"))
    if commitments:
        article.paragraphs.append(
            "Tại hội nghị, "
            + "; ".join(
                f"{c.body.name if c.body else c.signer_name} ký cam kết "
                f"{_lower_first(c.content.strip().rstrip('.'))}"
                for c in commitments
            )
            + "."
        )
    tasks = list(conference.tasks.select_related("owner").order_by("deadline", "pk"))
    if tasks:
        article.paragraphs.append(
            "Hội nghị đã triển khai các nhiệm vụ: "
            + "; ".join(
                f"{_lower_first(t.content.strip().rstrip('.'))} ({t.owner.name}, "
                f"hoàn thành trước ngày {t.deadline:%d/%m/%Y})"
                for t in tasks
            )
            + "."
        )

    for award in conference.awards.select_related("issuer").order_by("pk"):
        recipients = []
        if award.collective_count:
            recipients.append(f"{format_quantity(award.collective_count)} tập thể")
        if award.individual_count:
            recipients.append(f"{format_quantity(award.individual_count)} cá nhân")
        named = [r.name for r in award.recipients.all()[:6]]
        reason = (
            f" {_lower_first(award.reason.strip())}" if award.reason.strip() else ""
        )
        sentence = (
            f"Dịp này, {award.issuer_label} đã tặng {award.form_label} cho "
            f"{' và '.join(recipients)}{reason}"
        )
        if named:
            sentence += " (" + ", ".join(named) + ")"
        article.paragraphs.append(sentence + ".")
    return article


def article_docx(article: Article) -> bytes:
    document = Document()
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
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
