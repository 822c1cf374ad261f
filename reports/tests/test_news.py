"""The news-article draft of a conference says what was recorded, and only that."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document

from org import services as org_services
from org.models import BodyKind
from reports.news import article_docx, conference_article
from vn.prose import doubled_words
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
            start_time=dt.time(8, 0),
            plan_start=D(2024, 1, 1),
            plan_end=D(2024, 12, 31),
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
    conferences.commitment_add(
        conference=conference,
        body=committee,
        content="Ký cam kết thi đua thực hiện nhiệm vụ năm 2024",
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


def test_the_draft_follows_the_genre(world):
    article = conference_article(_conference(world), by=world.commune_officer)
    assert article.headline == (
        "Xã An Phú: Tổng kết công tác dân vận năm 2023, triển khai phương hướng, "
        "nhiệm vụ năm 2024"
    )
    # The lead: time of day, organizer, the conference's full name, place.
    assert article.lead == (
        "Sáng ngày 10/01/2024, Khối Dân vận xã An Phú tổ chức Hội nghị tổng kết "
        "công tác dân vận năm 2023, triển khai phương hướng, nhiệm vụ năm 2024 "
        "tại Hội trường UBND xã."
    )
    text = article.text
    # The guest from above first, then the unit's leaders.
    assert text.index("Về dự hội nghị có đồng chí Phạm Thị Hoa, Phó Trưởng ban") < (
        text.index("Về phía xã An Phú có đồng chí Lê Văn Bình, Bí thư Đảng ủy xã")
    )
    assert "toàn xã có 3 mô hình, điển hình “Dân vận khéo”" in text  # the figures
    assert "ủy xã, đề nghị xã tiếp tục nhân rộng" not in text
    assert "Phó Trưởng ban Dân vận Tỉnh ủy, đề nghị xã tiếp tục nhân rộng" in text
    assert "đã ký cam kết thi đua thực hiện nhiệm vụ năm 2024." in text
    assert "tặng Giấy khen cho 2 tập thể và 5 cá nhân" in text
    assert text.rstrip().endswith(article.byline)
    assert "Hội nghị kết thúc với quyết tâm thực hiện thắng lợi nhiệm vụ" in text
    assert article.byline == "can.bo.xa"
    assert doubled_words(text) == []
    assert "(" not in " ".join(article.paragraphs)  # no bracketed internals
    document = Document(io.BytesIO(article_docx(article)))
    assert document.paragraphs[0].text == article.headline
    assert document.paragraphs[-1].text == article.byline


def test_the_news_page_and_its_scope(world, client_as):
    conference = _conference(world)
    page = client_as(world.commune_viewer).get(f"/hoi-nghi/{conference.pk}/ban-tin/")
    assert "Phạm Thị Hoa" in page.content.decode()
    hidden = client_as(world.sibling_officer).get(f"/hoi-nghi/{conference.pk}/ban-tin/")
    assert hidden.status_code == 404


def test_named_recipients_are_called_comrade_or_comrades_by_their_number(world):
    conference = _conference(world)
    committee = conference.organizer
    awards.award_record(
        unit=world.commune,
        form="merit",
        date=D(2024, 1, 10),
        issuer=committee,
        individual_count=1,
        conference=conference,
        recipients=[awards.Recipient(kind="individual", name="Trần Thị Lan")],
    )
    text = conference_article(conference, by=world.commune_officer).text
    assert "trong đó có đồng chí Trần Thị Lan." in text
    assert "các đồng chí Trần Thị Lan" not in text
