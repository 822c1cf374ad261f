"""The news-article draft of a conference says what was recorded, and only that."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document

from org import services as org_services
from org.models import BodyKind
from reports.news import article_docx, conference_article
from work.models import Field
from work.services import awards, conferences, initiatives

D = dt.date


def _conference(world):
    committee = org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="khoi-dan-van"),
        name="Khối Dân vận xã An Phú",
    )
    for i in range(3):
        initiatives.initiative_register(
            data=initiatives.InitiativeData(
                unit=world.village,
                name=f"Mô hình số {i}",
                field=Field.objects.get(code="kinh-te"),
                registered_on=D(2023, 4, 1 + i),
                holder_body=committee,
            )
        )
    conference = conferences.conference_create(
        data=conferences.ConferenceData(
            unit=world.commune,
            kind="year_end_review",
            title="Hội nghị tổng kết công tác dân vận năm 2023",
            date=D(2024, 1, 10),
            organizer=committee,
            place="Hội trường UBND xã",
            review_start=D(2023, 1, 1),
            review_end=D(2023, 12, 31),
        )
    )
    conferences.attendance_add(
        conference=conference,
        name="Phạm Thị Hoa",
        position="Phó Trưởng ban Dân vận Tỉnh ủy",
        is_guest=True,
        spoke=True,
        speech="Đề nghị xã tiếp tục nhân rộng các mô hình hiệu quả.",
    )
    conferences.attendance_add(
        conference=conference, name="Lê Văn Bình", position="Bí thư Đảng ủy xã"
    )
    awards.award_record(
        unit=world.commune,
        form="certificate",
        date=D(2024, 1, 10),
        issuer=committee,
        collective_count=2,
        individual_count=5,
        conference=conference,
        reason="Vì có thành tích trong phong trào thi đua “Dân vận khéo”",
    )
    return conference


def test_the_draft_reports_the_record(world):
    article = conference_article(_conference(world))
    assert article.headline == (
        "Khối Dân vận xã An Phú tổ chức hội nghị tổng kết công tác dân vận năm 2023"
    )
    assert article.lead.startswith("Ngày 10/01/2024, Khối Dân vận xã An Phú đã tổ chức")
    text = article.text
    assert (
        "về phía cấp trên có đồng chí Phạm Thị Hoa – Phó Trưởng ban Dân vận Tỉnh ủy"
        in text
    )
    assert "Về phía Xã An Phú có đồng chí Lê Văn Bình – Bí thư Đảng ủy xã" in text
    assert "có 3 mô hình" in text  # the results of the year reviewed
    assert "Giấy khen cho 2 tập thể và 5 cá nhân" in text
    assert "đề nghị xã tiếp tục nhân rộng" in text
    document = Document(io.BytesIO(article_docx(article)))
    assert document.paragraphs[0].text == article.headline


def test_the_news_page_and_its_scope(world, client_as):
    conference = _conference(world)
    page = client_as(world.commune_viewer).get(f"/hoi-nghi/{conference.pk}/ban-tin/")
    assert "Phạm Thị Hoa" in page.content.decode()
    hidden = client_as(world.sibling_officer).get(f"/hoi-nghi/{conference.pk}/ban-tin/")
    assert hidden.status_code == 404
