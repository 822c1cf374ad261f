"""The rules of issue 3 that every write must obey."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from work.models import Dialogue, Indicator, IndicatorValue, Initiative
from work.services import campaigns, conferences, indicators, initiatives, programmes
from work.services.common import (
    LockedPeriodError,
    StaleEditError,
    period_lock,
    period_reopen,
)

D = dt.date


def register(world, khoi, field, name="Mô hình Camera an ninh", **extra):
    data = initiatives.InitiativeData(
        unit=world.commune,
        name=name,
        field=field,
        registered_on=D(2023, 3, 1),
        holder_body=khoi,
        **extra,
    )
    return initiatives.initiative_register(data=data)


# --- counts and ratios -------------------------------------------------------


def test_ratio_recomputes_from_numerator_and_denominator(world, families):
    value = indicators.value_record(
        indicator=families,
        unit=world.commune,
        period_start=D(2022, 1, 1),
        period_end=D(2022, 12, 31),
        value=Decimal(3270),
        denominator=Decimal(3374),
        source="Báo cáo tổng kết năm 2022",
    )
    assert value.denominator is not None
    # Recomputed from the two numbers: 96.92 %, although the article printed 96,99 %.
    assert round(value.value / value.denominator * 100, 2) == Decimal("96.92")


@pytest.mark.parametrize(
    ("value", "denominator", "message"),
    [
        (Decimal(3400), Decimal(3374), "không được lớn hơn mẫu số"),
        (Decimal(-1), Decimal(3374), "không được âm"),
        (Decimal("12.5"), Decimal(3374), "chỉ nhận số nguyên"),
        (Decimal(3270), None, "cần cả mẫu số"),
    ],
)
def test_bad_indicator_values_are_refused(world, families, value, denominator, message):
    with pytest.raises(ValidationError, match=message):
        indicators.value_record(
            indicator=families,
            unit=world.commune,
            period_start=D(2022, 1, 1),
            period_end=D(2022, 12, 31),
            value=value,
            denominator=denominator,
            source="Báo cáo",
        )
    assert not IndicatorValue.objects.exists()


def test_a_sum_has_no_denominator_and_an_indicator_may_allow_overflow(world):
    members = Indicator.objects.get(code="hoi-vien-moi")
    with pytest.raises(ValidationError, match="không có mẫu số"):
        indicators.value_record(
            indicator=members,
            unit=world.commune,
            period_start=D(2022, 1, 1),
            period_end=D(2022, 6, 30),
            value=Decimal(312),
            denominator=Decimal(400),
            source="Báo cáo",
        )
    over = indicators.indicator_define(
        code="vuot-ke-hoach",
        name="Quỹ vận động so với kế hoạch",
        measure="đồng",
        aggregation="ratio",
        denominator_label="kế hoạch",
        allows_over=True,
    )
    value = indicators.value_record(
        indicator=over,
        unit=world.commune,
        period_start=D(2022, 1, 1),
        period_end=D(2022, 12, 31),
        value=Decimal(120),
        denominator=Decimal(100),
        source="Báo cáo",
    )
    assert value.denominator is not None and value.value > value.denominator


def test_one_value_per_indicator_unit_and_period(world, families):
    kwargs = dict(
        indicator=families,
        unit=world.commune,
        period_start=D(2022, 1, 1),
        period_end=D(2022, 12, 31),
        value=Decimal(1),
        denominator=Decimal(2),
        source="x",
    )
    indicators.value_record(**kwargs)
    with pytest.raises(ValidationError, match="đã có giá trị"):
        indicators.value_record(**kwargs)


def test_dialogue_cannot_resolve_more_than_was_raised(world, khoi):
    with pytest.raises(ValidationError, match="không được lớn hơn"):
        programmes.dialogue_record(
            unit=world.commune,
            host=khoi,
            topic="Giải phóng mặt bằng",
            date=D(2023, 5, 5),
            issues_raised=12,
            issues_resolved=13,
        )
    assert not Dialogue.objects.exists()


# --- dates inside their period ----------------------------------------------


def test_progress_must_fall_inside_the_campaign(world, khoi):
    campaign = campaigns.campaign_create(
        unit=world.province,
        kind="phase",
        name="Đợt dân vận liên ngành đợt 1 năm 2023",
        start=D(2023, 7, 17),
        end=D(2023, 7, 31),
        participants=[world.commune, world.sibling],
    )
    target = campaigns.target_set(
        campaign=campaign,
        unit=world.commune,
        description="Xây tặng, sửa chữa nhà đại đoàn kết",
        quantity=Decimal(1),
        measure="căn",
    )
    campaigns.progress_record(target=target, date=D(2023, 7, 25), achieved=Decimal(2))
    with pytest.raises(ValidationError, match="trong thời gian"):
        campaigns.progress_record(
            target=target, date=D(2023, 8, 2), achieved=Decimal(3)
        )
    with pytest.raises(ValidationError, match="không tham gia"):
        campaigns.target_set(
            campaign=campaign,
            unit=world.other_province,
            description="x",
            quantity=Decimal(1),
            measure="căn",
        )
    with pytest.raises(ValidationError, match="không được âm"):
        campaigns.target_set(
            campaign=campaign,
            unit=world.sibling,
            description="x",
            quantity=Decimal(-1),
            measure="căn",
        )


def test_task_deadline_is_not_before_its_conference(world, khoi):
    conference = conferences.conference_create(
        data=conferences.ConferenceData(
            unit=world.commune,
            kind="year_end_review",
            title="Hội nghị tổng kết năm 2023",
            date=D(2024, 1, 10),
            organizer=khoi,
        )
    )
    with pytest.raises(ValidationError, match="không được trước ngày hội nghị"):
        conferences.task_create(
            conference=conference,
            owner=khoi,
            content="Rà soát mô hình",
            deadline=D(2024, 1, 9),
        )
    task = conferences.task_create(
        conference=conference,
        owner=khoi,
        content="Rà soát mô hình",
        deadline=D(2024, 3, 31),
    )
    assert task.status == "open"


def test_lifecycle_moves_forward_only_and_in_date_order(world, khoi, economy):
    initiative = register(world, khoi, economy)
    initiatives.initiative_advance(
        initiative=initiative, status="surveyed", date=D(2023, 6, 1), expected_version=1
    )
    with pytest.raises(ValidationError, match="Không thể chuyển"):
        initiatives.initiative_advance(
            initiative=initiative,
            status="registered",
            date=D(2023, 7, 1),
            expected_version=2,
        )
    with pytest.raises(ValidationError, match="không được trước bước trước"):
        initiatives.initiative_advance(
            initiative=initiative,
            status="recognized",
            date=D(2023, 5, 1),
            expected_version=2,
        )
    initiatives.initiative_advance(
        initiative=initiative,
        status="recognized",
        date=D(2023, 12, 1),
        decided_by=khoi,
        expected_version=2,
    )
    assert [s.status for s in initiative.steps.all()] == [
        "registered",
        "surveyed",
        "recognized",
    ]


def test_replication_cannot_form_a_cycle(world, khoi, economy):
    first = register(world, khoi, economy, name="Móc khóa an ninh")
    second = register(
        world,
        khoi,
        economy,
        name="Móc khóa an ninh thôn Một",
        origin="replicated",
        replicates=first,
    )
    data = initiatives.InitiativeData(
        unit=world.commune,
        name=first.name,
        field=economy,
        registered_on=D(2023, 3, 1),
        holder_body=khoi,
        origin="replicated",
        replicates=second,
    )
    with pytest.raises(ValidationError, match="Không thể nhân rộng"):
        initiatives.initiative_update(initiative=first, data=data, expected_version=1)
    first.refresh_from_db()
    assert first.replicates is None


def test_new_initiative_replicates_nothing_and_needs_a_holder(world, khoi, economy):
    with pytest.raises(ValidationError, match="Mô hình mới không nhân rộng"):
        register(
            world, khoi, economy, replicates=register(world, khoi, economy, name="Gốc")
        )
    with pytest.raises(ValidationError, match="tập thể hoặc cá nhân"):
        initiatives.initiative_register(
            data=initiatives.InitiativeData(
                unit=world.commune,
                name="Không chủ",
                field=economy,
                registered_on=D(2023, 1, 1),
            )
        )


# --- attachments ---------------------------------------------------------------


def test_attachments_accept_pdf_and_images_only(
    world, khoi, economy, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    initiative = register(world, khoi, economy)
    pdf = SimpleUploadedFile(
        "bao-cao.pdf", b"%PDF-1.4\n%...\n", content_type="application/pdf"
    )
    attachment = initiatives.attachment_add(
        initiative=initiative, upload=pdf, title="Báo cáo"
    )
    assert attachment.content_type == "application/pdf"
    assert attachment.file.name and attachment.file.storage.exists(attachment.file.name)
    fake = SimpleUploadedFile(
        "anh.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg"
    )
    with pytest.raises(ValidationError, match="Chỉ nhận"):
        initiatives.attachment_add(initiative=initiative, upload=fake, title="Ảnh")
    big = SimpleUploadedFile(
        "lon.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "application/pdf"
    )
    with pytest.raises(ValidationError, match="10 MB"):
        initiatives.attachment_add(initiative=initiative, upload=big, title="Lớn")
    assert initiative.attachments.count() == 1


# --- approved periods -----------------------------------------------------------


def test_an_approved_period_is_locked_for_the_whole_subtree(world, khoi, economy, ban):
    lock = period_lock(
        unit=world.province,
        start=D(2023, 1, 1),
        end=D(2023, 12, 31),
        reason="Báo cáo tổng kết năm 2023 đã được phê duyệt",
        by=world.province_officer,
    )
    with pytest.raises(LockedPeriodError, match="đã được phê duyệt"):
        register(world, khoi, economy)
    # Another province and another year are not affected.
    outside = initiatives.InitiativeData(
        unit=world.commune,
        name="Mô hình năm 2024",
        field=economy,
        registered_on=D(2024, 2, 1),
        holder_body=khoi,
    )
    initiatives.initiative_register(data=outside)
    assert Initiative.objects.count() == 1

    with pytest.raises(ValidationError, match="quyền phê duyệt"):
        period_reopen(lock=lock, by=world.commune_officer, reason="Bổ sung số liệu")
    approver = world.province_officer  # an administrator includes the approver role
    period_reopen(lock=lock, by=approver, reason="Bổ sung mô hình còn thiếu")
    register(world, khoi, economy)
    lock.refresh_from_db()
    assert (
        lock.reopened_by == approver
        and lock.reopen_reason == "Bổ sung mô hình còn thiếu"
    )
    assert (
        LogEntry.objects.get_for_object(lock)
        .filter(action=LogEntry.Action.UPDATE)
        .exists()
    )


def test_edits_of_a_record_in_a_locked_period_are_refused(world, khoi, economy):
    initiative = register(world, khoi, economy)
    period_lock(
        unit=world.commune,
        start=D(2023, 1, 1),
        end=D(2023, 12, 31),
        reason="x",
        by=None,
    )
    data = initiatives.InitiativeData(
        unit=world.commune,
        name="Tên mới",
        field=economy,
        registered_on=D(2024, 1, 5),
        holder_body=khoi,
    )
    with pytest.raises(LockedPeriodError):
        initiatives.initiative_update(
            initiative=initiative, data=data, expected_version=1
        )
    initiative.refresh_from_db()
    assert initiative.name == "Mô hình Camera an ninh"


# --- two people editing the same record -------------------------------------------


def test_the_second_save_of_a_stale_version_is_refused(world, khoi, economy):
    initiative = register(world, khoi, economy)
    first = Initiative.objects.get(pk=initiative.pk)
    second = Initiative.objects.get(pk=initiative.pk)

    def data(name: str) -> initiatives.InitiativeData:
        return initiatives.InitiativeData(
            unit=world.commune,
            name=name,
            field=economy,
            registered_on=D(2023, 3, 1),
            holder_body=khoi,
        )

    initiatives.initiative_update(
        initiative=first,
        data=data("Bản của người thứ nhất"),
        expected_version=first.version,
    )
    with pytest.raises(StaleEditError, match="vừa được người khác cập nhật"):
        initiatives.initiative_update(
            initiative=second,
            data=data("Bản của người thứ hai"),
            expected_version=second.version,
        )
    initiative.refresh_from_db()
    assert initiative.name == "Bản của người thứ nhất"
    assert initiative.version == 2
