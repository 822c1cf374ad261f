from django.urls import path

from work.views import (
    awards,
    campaigns,
    catalogue,
    conferences,
    imports,
    indicators,
    initiatives,
    locks,
)

app_name = "work"

urlpatterns = [
    path("mo-hinh/", initiatives.initiative_list, name="initiative_list"),
    path(
        "don-vi/<int:unit_id>/mo-hinh/them/",
        initiatives.initiative_create,
        name="initiative_create",
    ),
    path(
        "mo-hinh/<int:initiative_id>/",
        initiatives.initiative_detail,
        name="initiative_detail",
    ),
    path(
        "mo-hinh/<int:initiative_id>/sua/",
        initiatives.initiative_edit,
        name="initiative_edit",
    ),
    path(
        "mo-hinh/<int:initiative_id>/buoc/",
        initiatives.initiative_advance,
        name="initiative_advance",
    ),
    path(
        "mo-hinh/<int:initiative_id>/tep/",
        initiatives.attachment_upload,
        name="attachment_upload",
    ),
    path(
        "tep/<int:attachment_id>/",
        initiatives.attachment_download,
        name="attachment_download",
    ),
    path("hoi-nghi/", conferences.conference_list, name="conference_list"),
    path(
        "don-vi/<int:unit_id>/hoi-nghi/them/",
        conferences.conference_create,
        name="conference_create",
    ),
    path(
        "hoi-nghi/<int:conference_id>/",
        conferences.conference_detail,
        name="conference_detail",
    ),
    path(
        "hoi-nghi/<int:conference_id>/sua/",
        conferences.conference_edit,
        name="conference_edit",
    ),
    path(
        "hoi-nghi/<int:conference_id>/dai-bieu/",
        conferences.attendance_add,
        name="attendance_add",
    ),
    path(
        "hoi-nghi/<int:conference_id>/nhiem-vu/", conferences.task_add, name="task_add"
    ),
    path(
        "hoi-nghi/<int:conference_id>/cam-ket/",
        conferences.commitment_add,
        name="commitment_add",
    ),
    path("nhiem-vu/<int:task_id>/", conferences.task_update, name="task_update"),
    path("khen-thuong/", awards.award_list, name="award_list"),
    path(
        "don-vi/<int:unit_id>/khen-thuong/them/",
        awards.award_create,
        name="award_create",
    ),
    path("khen-thuong/<int:award_id>/", awards.award_detail, name="award_detail"),
    path("khen-thuong/<int:award_id>/sua/", awards.award_edit, name="award_edit"),
    path("chi-so/", indicators.value_list, name="value_list"),
    path(
        "don-vi/<int:unit_id>/chi-so/them/",
        indicators.value_create,
        name="value_create",
    ),
    path("chi-so/<int:value_id>/sua/", indicators.value_edit, name="value_edit"),
    path("cuoc-van-dong/", campaigns.campaign_list, name="campaign_list"),
    path(
        "don-vi/<int:unit_id>/cuoc-van-dong/them/",
        campaigns.campaign_create,
        name="campaign_create",
    ),
    path(
        "cuoc-van-dong/<int:campaign_id>/",
        campaigns.campaign_detail,
        name="campaign_detail",
    ),
    path(
        "cuoc-van-dong/<int:campaign_id>/chi-tieu/",
        campaigns.target_add,
        name="target_add",
    ),
    path(
        "cuoc-van-dong/<int:campaign_id>/ket-qua/",
        campaigns.progress_add,
        name="progress_add",
    ),
    path("chuong-trinh/", campaigns.program_list, name="program_list"),
    path(
        "don-vi/<int:unit_id>/chuong-trinh/them/",
        campaigns.program_create,
        name="program_create",
    ),
    path(
        "chuong-trinh/<int:program_id>/",
        campaigns.program_detail,
        name="program_detail",
    ),
    path(
        "chuong-trinh/<int:program_id>/sua/",
        campaigns.program_edit,
        name="program_edit",
    ),
    path(
        "cuoc-van-dong/<int:campaign_id>/sua/",
        campaigns.campaign_edit,
        name="campaign_edit",
    ),
    path(
        "doi-thoai/<int:dialogue_id>/",
        campaigns.dialogue_detail,
        name="dialogue_detail",
    ),
    path(
        "doi-thoai/<int:dialogue_id>/sua/",
        campaigns.dialogue_edit,
        name="dialogue_edit",
    ),
    path("doi-thoai/", campaigns.dialogue_list, name="dialogue_list"),
    path(
        "don-vi/<int:unit_id>/doi-thoai/them/",
        campaigns.dialogue_create,
        name="dialogue_create",
    ),
    path("don-vi/<int:unit_id>/danh-muc/", catalogue.catalogue, name="catalogue"),
    path("khoa-ky/", locks.lock_list, name="lock_list"),
    path("khoa-ky/<int:lock_id>/mo-lai/", locks.lock_reopen, name="lock_reopen"),
    path("nhap/<slug:kind>/", imports.import_page, name="import"),
    path("nhap/<slug:kind>/mau/", imports.import_template, name="import_template"),
]
