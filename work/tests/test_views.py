from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from work.models import Award, Conference, Field, Indicator, IndicatorValue, Initiative
from work.services import conferences, initiatives

D = dt.date


def make_initiatives(world, khoi, count: int) -> None:
    field = Field.objects.get(code="kinh-te")
    for i in range(count):
        initiatives.initiative_register(
            data=initiatives.InitiativeData(
                unit=world.commune,
                name=f"Mô hình tự quản số {i}",
                field=field,
                registered_on=D(2023, 1, 1) + dt.timedelta(days=i),
                holder_body=khoi,
            )
        )


def test_initiative_list_query_count_does_not_grow(world, client_as, khoi):
    client = client_as(world.province_officer)
    make_initiatives(world, khoi, 3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("work:initiative_list")).status_code == 200
    make_initiatives(world, khoi, 40)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("work:initiative_list"))
    assert len(many) == len(few) <= 10


def test_initiative_search_ignores_diacritics_and_tone_placement(
    world, client_as, khoi
):
    make_initiatives(world, khoi, 2)
    initiatives.initiative_register(
        data=initiatives.InitiativeData(
            unit=world.commune,
            name="Dân vận khéo trong hòa giải",
            registered_on=D(2023, 2, 2),
            field=Field.objects.get(code="van-hoa-xa-hoi"),
            holder_body=khoi,
        )
    )
    client = client_as(world.commune_viewer)
    for query in ["hoa giai", "HOÀ GIẢI", "hòa giải"]:
        text = client.get(
            reverse("work:initiative_list"), {"q": query}
        ).content.decode()
        assert "Dân vận khéo trong hòa giải" in text, query
        assert "Mô hình tự quản số 0" not in text
    field = Field.objects.get(code="kinh-te")
    by_field = client.get(reverse("work:initiative_list"), {"field": field.pk}).content
    assert "hòa giải" not in by_field.decode()


def test_an_initiatives_number_finds_it_in_every_list_search(world, client_as, khoi):
    make_initiatives(world, khoi, 3)
    wanted = initiatives.initiative_register(
        data=initiatives.InitiativeData(
            unit=world.commune,
            name="Tổ hòa giải ở cơ sở",
            registered_on=D(2023, 2, 2),
            field=Field.objects.get(code="van-hoa-xa-hoi"),
            holder_body=khoi,
        )
    )
    client = client_as(world.commune_viewer)
    text = client.get(
        reverse("work:initiative_list"), {"q": str(wanted.pk)}
    ).content.decode()
    assert "Tổ hòa giải ở cơ sở" in text
    assert "Mô hình tự quản số 0" not in text
    # With other words, every word must still match.
    text = client.get(
        reverse("work:initiative_list"), {"q": f"{wanted.pk} camera"}
    ).content.decode()
    assert "Tổ hòa giải ở cơ sở" not in text


def test_initiative_export_has_every_matching_row(world, client_as, khoi):
    make_initiatives(world, khoi, 30)
    response = client_as(world.commune_viewer).get(
        reverse("work:initiative_list"), {"xuat": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1] == "Tên mô hình, điển hình"
    assert len(rows) == 31  # header and all rows, not only the first page


def test_initiative_create_edit_and_stale_edit(world, client_as, khoi):
    client = client_as(world.commune_officer)
    field = Field.objects.get(code="quoc-phong-an-ninh")
    form = {
        "name": "Camera an ninh",
        "kind": "model",
        "field": field.pk,
        "holder_kind": "collective",
        "holder_body": khoi.pk,
        "registered_on": "2023-03-01",
        "origin": "new",
    }
    response = client.post(
        reverse("work:initiative_create", args=[world.commune.pk]), form
    )
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    url = reverse("work:initiative_edit", args=[initiative.pk])
    first = client.post(url, form | {"name": "Camera an ninh khu dân cư", "version": 1})
    assert first.status_code == 302
    stale = client.post(url, form | {"name": "Bản cũ", "version": 1})
    assert "vừa được người khác cập nhật" in stale.content.decode()
    initiative.refresh_from_db()
    assert initiative.name == "Camera an ninh khu dân cư"


def test_initiative_form_errors(world, client_as, khoi):
    response = client_as(world.commune_officer).post(
        reverse("work:initiative_create", args=[world.commune.pk]),
        {
            "name": "",
            "kind": "model",
            "holder_kind": "collective",
            "origin": "replicated",
            "replicates": 999,
            "registered_on": "2023-13-01",
        },
    )
    text = response.content.decode()
    assert "Trường này là bắt buộc." in text
    assert "Không tìm thấy mô hình số 999" in text
    assert not Initiative.objects.exists()


def test_viewer_cannot_register(world, client_as):
    response = client_as(world.commune_viewer).get(
        reverse("work:initiative_create", args=[world.commune.pk])
    )
    assert response.status_code == 403


def test_lifecycle_step_from_the_page(world, client_as, khoi):
    make_initiatives(world, khoi, 1)
    initiative = Initiative.objects.get()
    client = client_as(world.commune_officer)
    client.post(
        reverse("work:initiative_advance", args=[initiative.pk]),
        {
            "status": "surveyed",
            "date": "2023-06-01",
            "decided_by": khoi.pk,
            "version": 1,
        },
    )
    page = client.get(
        reverse("work:initiative_detail", args=[initiative.pk])
    ).content.decode()
    assert "Đã khảo sát" in page
    wrong = client.post(
        reverse("work:initiative_advance", args=[initiative.pk]),
        {"status": "registered", "date": "2023-07-01", "version": 2},
        follow=True,
    )
    assert "Không thể chuyển" in wrong.content.decode()


def test_conference_with_attendees_tasks_and_awards(world, client_as, khoi):
    client = client_as(world.commune_officer)
    response = client.post(
        reverse("work:conference_create", args=[world.commune.pk]),
        {
            "kind": "year_end_review",
            "title": "Hội nghị tổng kết công tác dân vận năm 2023",
            "date": "2024-01-10",
            "organizer": khoi.pk,
            "review_start": "2023-01-01",
            "review_end": "2023-12-31",
        },
    )
    conference = Conference.objects.get()
    assert response.status_code == 302
    client.post(
        reverse("work:attendance_add", args=[conference.pk]),
        {
            "name": "Lê Văn Khách",
            "position": "Phó Trưởng ban Dân vận Tỉnh ủy",
            "is_guest": "on",
        },
    )
    bad = client.post(
        reverse("work:task_add", args=[conference.pk]),
        {"owner": khoi.pk, "content": "Rà soát", "deadline": "2024-01-01"},
        follow=True,
    )
    assert "không được trước ngày hội nghị" in bad.content.decode()
    client.post(
        reverse("work:award_create", args=[world.commune.pk])
        + f"?hoi_nghi={conference.pk}",
        {
            "issuer_name": "Ban Dân vận Tỉnh ủy",
            "form": "certificate",
            "date": "2024-01-10",
            "collective_count": 2,
            "individual_count": 2,
        },
    )
    page = client.get(
        reverse("work:conference_detail", args=[conference.pk])
    ).content.decode()
    for expected in [
        "Lê Văn Khách",
        "Phó Trưởng ban Dân vận Tỉnh ủy",
        "Giấy khen",
        "Ban Dân vận Tỉnh ủy",
    ]:
        assert expected in page
    assert Award.objects.get().conference == conference


def test_award_form_refuses_an_award_without_recipients(world, client_as):
    response = client_as(world.commune_officer).post(
        reverse("work:award_create", args=[world.commune.pk]),
        {
            "form": "merit",
            "date": "2024-01-10",
            "collective_count": 0,
            "individual_count": 0,
        },
    )
    assert "ít nhất một tập thể hoặc cá nhân" in response.content.decode()
    assert not Award.objects.exists()


@pytest.mark.parametrize(
    ("value", "denominator", "message"),
    [("3400", "3374", "không được lớn hơn mẫu số"), ("-3", "3374", "không được âm")],
)
def test_value_form_refuses_impossible_ratios(
    world, client_as, value, denominator, message
):
    families = Indicator.objects.get(code="gia-dinh-van-hoa")
    response = client_as(world.commune_officer).post(
        reverse("work:value_create", args=[world.commune.pk]),
        {
            "indicator": families.pk,
            "period_start": "2022-01-01",
            "period_end": "2022-12-31",
            "value": value,
            "denominator": denominator,
            "source": "Báo cáo",
        },
    )
    assert message in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_value_edit_keeps_the_period_and_checks_versions(world, client_as):
    client = client_as(world.commune_officer)
    families = Indicator.objects.get(code="gia-dinh-van-hoa")
    client.post(
        reverse("work:value_create", args=[world.commune.pk]),
        {
            "indicator": families.pk,
            "period_start": "2022-01-01",
            "period_end": "2022-12-31",
            "value": "3270",
            "denominator": "3374",
            "source": "Báo cáo tổng kết",
        },
    )
    record = IndicatorValue.objects.get()
    url = reverse("work:value_edit", args=[record.pk])
    client.post(
        url,
        {
            "value": "3271",
            "denominator": "3374",
            "source": "Sửa",
            "version": 1,
            "period_start": "2000-01-01",
        },
    )
    record.refresh_from_db()
    assert record.value == Decimal(3271)
    assert record.period_start == D(2022, 1, 1)


def test_conference_dates_are_checked(world, khoi):
    with pytest.raises(Exception, match="bắt đầu trước ngày hội nghị"):
        conferences.conference_create(
            data=conferences.ConferenceData(
                unit=world.commune,
                kind="midyear_review",
                title="Sơ kết",
                date=D(2023, 7, 7),
                organizer=khoi,
                review_start=D(2023, 8, 1),
                review_end=D(2023, 12, 31),
            )
        )


def test_campaign_with_targets_per_ward_and_progress(world, client_as, ban):
    client = client_as(world.province_officer)
    response = client.post(
        reverse("work:campaign_create", args=[world.province.pk]),
        {
            "kind": "phase",
            "name": "Đợt dân vận liên ngành đợt 1 năm 2023",
            "start": "2023-07-17",
            "end": "2023-07-31",
            "participants": [world.commune.pk, world.sibling.pk],
            "organizer": ban.pk,
        },
    )
    assert response.status_code == 302
    campaign = world.province.campaigns.get()
    for ward in (world.commune, world.sibling):
        client.post(
            reverse("work:target_add", args=[campaign.pk]),
            {
                "unit": ward.pk,
                "description": "Xây, sửa nhà đại đoàn kết",
                "comparison": "gte",
                "quantity": "1",
                "measure": "căn",
            },
        )
    target = campaign.targets.get(unit=world.commune)
    client.post(
        reverse("work:progress_add", args=[campaign.pk]),
        {"target": target.pk, "date": "2023-07-28", "achieved": "2"},
    )
    late = client.post(
        reverse("work:progress_add", args=[campaign.pk]),
        {"target": target.pk, "date": "2023-08-05", "achieved": "3"},
        follow=True,
    )
    assert "trong thời gian của cuộc vận động" in late.content.decode()
    page = client.get(
        reverse("work:campaign_detail", args=[campaign.pk])
    ).content.decode()
    assert "200%" in page and "Xã Bình Minh" in page


def test_campaign_form_errors_and_permission(world, client_as):
    bad = client_as(world.province_officer).post(
        reverse("work:campaign_create", args=[world.province.pk]),
        {"kind": "phase", "name": "Đợt", "start": "2023-07-31", "end": "2023-07-17"},
    )
    assert "không được trước ngày bắt đầu" in bad.content.decode()
    viewer = client_as(world.commune_viewer).get(
        reverse("work:campaign_create", args=[world.commune.pk])
    )
    assert viewer.status_code == 403


def test_programme_needs_two_parties(world, client_as, khoi):
    client = client_as(world.commune_officer)
    url = reverse("work:program_create", args=[world.commune.pk])
    one = client.post(
        url,
        {
            "title": "Phối hợp",
            "parties": [khoi.pk],
            "signed_on": "2023-03-01",
            "start": "2023-03-01",
        },
    )
    assert "ít nhất hai bên ký" in one.content.decode()
    from org import services as org_services
    from org.models import BodyKind

    police = org_services.body_create(
        unit=world.commune,
        kind=BodyKind.objects.get(code="cong-an"),
        name="Công an xã An Phú",
    )
    ok = client.post(
        url,
        {
            "title": "Phối hợp giữ gìn an ninh trật tự",
            "parties": [khoi.pk, police.pk],
            "signed_on": "2023-03-01",
            "start": "2023-03-01",
        },
    )
    assert ok.status_code == 302
    page = client.get(ok["Location"]).content.decode()
    assert "Công an xã An Phú" in page


def test_dialogue_resolved_cannot_exceed_raised_on_the_form(world, client_as, khoi):
    client = client_as(world.commune_officer)
    url = reverse("work:dialogue_create", args=[world.commune.pk])
    bad = client.post(
        url,
        {
            "host": khoi.pk,
            "topic": "Giải phóng mặt bằng",
            "date": "2023-05-05",
            "issues_raised": 5,
            "issues_resolved": 6,
        },
    )
    assert "không được lớn hơn" in bad.content.decode()
    ok = client.post(
        url,
        {
            "host": khoi.pk,
            "topic": "Giải phóng mặt bằng",
            "date": "2023-05-05",
            "issues_raised": 5,
            "issues_resolved": 4,
        },
    )
    assert ok.status_code == 302


def test_approver_locks_a_period_and_reopens_it_with_a_recorded_reason(
    world, client_as, khoi
):
    from auditlog.models import LogEntry

    from work.models import PeriodLock

    make_initiatives(world, khoi, 1)
    initiative = Initiative.objects.get()
    approver = client_as(world.province_officer)
    approver.post(
        reverse("work:lock_list"),
        {
            "unit": "T01",
            "start": "2023-01-01",
            "end": "2023-12-31",
            "reason": "Báo cáo năm 2023",
        },
    )
    lock = PeriodLock.objects.get()
    editor = client_as(world.commune_officer)
    form = {
        "name": "Đổi tên",
        "kind": "model",
        "field": initiative.field_id,
        "holder_kind": "collective",
        "holder_body": khoi.pk,
        "registered_on": "2023-01-01",
        "origin": "new",
        "version": 1,
    }
    refused = editor.post(reverse("work:initiative_edit", args=[initiative.pk]), form)
    assert "đã được phê duyệt và khóa" in refused.content.decode()
    # The province's lock is outside the commune's scope: it is not even found.
    reopen = editor.post(reverse("work:lock_reopen", args=[lock.pk]), {"reason": "x"})
    assert reopen.status_code == 404
    approver = client_as(world.province_officer)
    approver.post(
        reverse("work:lock_reopen", args=[lock.pk]),
        {"reason": "Bổ sung mô hình còn thiếu"},
    )
    lock.refresh_from_db()
    assert lock.reopened_by == world.province_officer
    page = approver.get(reverse("work:lock_list")).content.decode()
    assert "Bổ sung mô hình còn thiếu" in page
    assert LogEntry.objects.get_for_object(lock).count() == 2  # locked, then reopened
    allowed = client_as(world.commune_officer).post(
        reverse("work:initiative_edit", args=[initiative.pk]), form
    )
    assert allowed.status_code == 302


def test_campaign_launched_at_a_conference_links_both_ways(world, client_as, khoi):
    client = client_as(world.commune_officer)
    conference = conferences.conference_create(
        data=conferences.ConferenceData(
            unit=world.commune,
            kind="plan_launch",
            title="Hội nghị triển khai kế hoạch",
            date=D(2023, 7, 12),
            organizer=khoi,
            plan_start=D(2023, 7, 17),
            plan_end=D(2023, 7, 31),
        )
    )
    url = reverse("work:campaign_create", args=[world.commune.pk])
    form_page = client.get(url, {"hoi_nghi": conference.pk}).content.decode()
    assert 'value="17/07/2023"' in form_page
    response = client.post(
        f"{url}?hoi_nghi={conference.pk}",
        {
            "kind": "phase",
            "name": "Đợt dân vận liên ngành",
            "start": "2023-07-17",
            "end": "2023-07-31",
            "participants": [world.village.pk],
        },
    )
    assert response.status_code == 302
    page = client.get(
        reverse("work:conference_detail", args=[conference.pk])
    ).content.decode()
    assert "Đợt dân vận liên ngành" in page
    detail = client.get(response["Location"]).content.decode()
    assert "Hội nghị triển khai kế hoạch" in detail


def test_the_search_box_survives_the_unit_picker_in_the_filter_form(
    world, client_as, khoi
):
    make_initiatives(world, khoi, 2)
    # A browser submits the filter form with the picker's own (empty) search box.
    response = client_as(world.province_officer).get(
        reverse("work:initiative_list") + "?q=so+1&unit=&unit_q="
    )
    text = response.content.decode()
    assert "Mô hình tự quản số 1" in text
    # "1" also finds the record numbered 1 (a number finds its record).
    zero = Initiative.objects.get(name="Mô hình tự quản số 0")
    assert ("Mô hình tự quản số 0" in text) == (zero.pk == 1)


def test_edits_of_awards_programmes_dialogues_and_campaigns(world, client_as, khoi):
    from org import services as org_services
    from org.models import BodyKind
    from work.services import awards, campaigns, programmes

    client = client_as(world.commune_officer)
    award = awards.award_record(
        unit=world.commune,
        form="certificate",
        date=D(2024, 1, 10),
        issuer=khoi,
        collective_count=1,
        individual_count=2,
        recipients=[
            awards.Recipient(kind="individual", name="Trần Văn Một"),
            awards.Recipient(kind="individual", name="Lê Thị Hai"),
        ],
    )
    url = reverse("work:award_edit", args=[award.pk])
    base = {
        "form": "certificate",
        "date": "2024-01-10",
        "issuer": khoi.pk,
        "collective_count": 1,
        "version": 1,
    }
    fewer = client.post(url, base | {"individual_count": 1})
    assert (
        "Danh sách nêu tên 2 cá nhân nhưng số cá nhân được khen chỉ là 1"
        in fewer.content.decode()
    )
    assert client.post(url, base | {"individual_count": 3}).status_code == 302
    stale = client.post(url, base | {"individual_count": 4})
    assert "vừa được người khác cập nhật" in stale.content.decode()
    award.refresh_from_db()
    assert award.individual_count == 3

    police = org_services.body_create(
        unit=world.commune, kind=BodyKind.objects.get(code="cong-an"), name="Công an xã"
    )
    program = programmes.program_create(
        unit=world.commune,
        title="Phối hợp",
        parties=[khoi, police],
        signed_on=D(2023, 3, 1),
        start=D(2023, 3, 1),
    )
    response = client.post(
        reverse("work:program_edit", args=[program.pk]),
        {
            "title": "Phối hợp bảo đảm an ninh trật tự",
            "parties": [khoi.pk, police.pk],
            "signed_on": "2023-03-01",
            "start": "2023-03-01",
            "end": "2023-12-31",
            "status": "completed",
            "version": 1,
        },
    )
    assert response.status_code == 302
    program.refresh_from_db()
    assert program.status == "completed"

    dialogue = programmes.dialogue_record(
        unit=world.commune,
        host=khoi,
        topic="Đất đai",
        date=D(2023, 5, 5),
        issues_raised=10,
    )
    url = reverse("work:dialogue_edit", args=[dialogue.pk])
    form = {
        "host": khoi.pk,
        "topic": "Đất đai",
        "date": "2023-05-05",
        "issues_raised": 10,
        "version": 1,
    }
    assert (
        "không được lớn hơn"
        in client.post(url, form | {"issues_resolved": 11}).content.decode()
    )
    assert client.post(url, form | {"issues_resolved": 8}).status_code == 302
    detail = client.get(
        reverse("work:dialogue_detail", args=[dialogue.pk])
    ).content.decode()
    assert ">8<" in detail

    campaign = campaigns.campaign_create(
        unit=world.commune,
        kind="emulation",
        name="Phong trào",
        start=D(2023, 1, 1),
        end=D(2023, 12, 31),
    )
    response = client.post(
        reverse("work:campaign_edit", args=[campaign.pk]),
        {
            "kind": "emulation",
            "name": "Phong trào thi đua Dân vận khéo",
            "start": "2023-01-01",
            "end": "2023-12-31",
            "version": 1,
        },
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.name == "Phong trào thi đua Dân vận khéo"


def test_task_status_and_initiative_results_from_the_pages(world, client_as, khoi):
    conference = conferences.conference_create(
        data=conferences.ConferenceData(
            unit=world.commune,
            kind="year_end_review",
            title="Tổng kết",
            date=D(2024, 1, 10),
            organizer=khoi,
        )
    )
    task = conferences.task_create(
        conference=conference, owner=khoi, content="Rà soát", deadline=D(2024, 3, 31)
    )
    client = client_as(world.commune_officer)
    url = reverse("work:task_update", args=[task.pk])
    missing = client.post(url, {"status": "done", "version": 1}, follow=True)
    assert "Hãy nhập ngày hoàn thành." in missing.content.decode()
    client.post(url, {"status": "done", "done_on": "2024-03-01", "version": 1})
    task.refresh_from_db()
    assert task.status == "done"

    make_initiatives(world, khoi, 1)
    initiative = Initiative.objects.get()
    members = Indicator.objects.get(code="hoi-vien-moi")
    response = client.post(
        reverse("work:value_create", args=[world.commune.pk])
        + f"?mo_hinh={initiative.pk}",
        {
            "indicator": members.pk,
            "period_start": "2023-01-01",
            "period_end": "2023-06-30",
            "value": "312",
            "source": "Báo cáo sơ kết",
        },
    )
    assert response["Location"] == reverse(
        "work:initiative_detail", args=[initiative.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Hội viên, đoàn viên phát triển mới: 312" in page


def test_a_province_adds_its_own_field_and_indicator(world, client_as, khoi):
    client = client_as(world.province_officer)
    url = reverse("work:catalogue", args=[world.province.pk])
    client.post(url, {"add_field": "1", "code": "du-lich", "name": "Du lịch cộng đồng"})
    client.post(
        url,
        {
            "add_indicator": "1",
            "code": "ho-lam-du-lich",
            "name": "Hộ làm du lịch cộng đồng",
            "measure": "hộ",
            "aggregation": "ratio",
            "whole_numbers": "on",
            "denominator_label": "hộ dân",
        },
    )
    missing = client.post(
        url,
        {
            "add_indicator": "1",
            "code": "ti-le-khac",
            "name": "Tỷ lệ khác",
            "measure": "hộ",
            "aggregation": "ratio",
        },
    )
    assert "Chỉ số tỷ lệ cần tên của mẫu số." in missing.content.decode()
    commune_page = (
        client_as(world.commune_officer)
        .get(reverse("work:catalogue", args=[world.commune.pk]))
        .content.decode()
    )
    assert (
        "Du lịch cộng đồng" in commune_page
        and "Hộ làm du lịch cộng đồng" in commune_page
    )
    outsider = (
        client_as(world.outsider)
        .get(reverse("work:catalogue", args=[world.other_province.pk]))
        .content.decode()
    )
    assert "Du lịch cộng đồng" not in outsider
    editor = client_as(world.commune_officer).post(
        reverse("work:catalogue", args=[world.commune.pk]),
        {"add_field": "1", "code": "x", "name": "X"},
    )
    assert editor.status_code == 403
    own = Field.objects.get(code="du-lich")
    initiatives.initiative_register(
        data=initiatives.InitiativeData(
            unit=world.commune,
            name="Homestay",
            field=own,
            registered_on=D(2024, 1, 1),
            holder_body=khoi,
        )
    )
    with pytest.raises(Exception, match="không dùng được ở đơn vị này"):
        initiatives.initiative_register(
            data=initiatives.InitiativeData(
                unit=world.other_province,
                name="Lạc chỗ",
                field=own,
                registered_on=D(2024, 1, 1),
                holder_name="Ai đó",
            )
        )
