from django.urls import path

from reports import api, setup_views, views

app_name = "reports"

urlpatterns = [
    path("tong-quan/", views.dashboard_home, name="dashboard_home"),
    path("don-vi/<int:unit_id>/tong-quan/", views.dashboard, name="dashboard"),
    path(
        "don-vi/<int:unit_id>/tong-quan/bieu-do/<slug:chart>.svg",
        views.dashboard_chart,
        name="dashboard_chart",
    ),
    path(
        "hoi-nghi/<int:conference_id>/ban-tin/",
        views.conference_news,
        name="conference_news",
    ),
    path("api/don-vi/<int:unit_id>/tong-hop/", api.rollup_json, name="rollup_json"),
    path("bao-cao/", views.report_list, name="report_list"),
    path("bao-cao/the-thuc/", views.layout_edit, name="layout"),
    path("bao-cao/de-cuong/", setup_views.outline_edit, name="outline"),
    path("bao-cao/mau-van-ban/", setup_views.template_list, name="templates"),
    path(
        "bao-cao/mau-van-ban/mau.docx",
        setup_views.template_start,
        name="template_start",
    ),
    path(
        "bao-cao/mau-van-ban/<int:template_id>/dung/",
        setup_views.template_use,
        name="template_use",
    ),
    path("bao-cao/<int:report_id>/", views.report_detail, name="report_detail"),
    path(
        "bao-cao/<int:report_id>/trinh/", views.report_submit_view, name="report_submit"
    ),
    path(
        "bao-cao/<int:report_id>/phe-duyet/",
        views.report_approve_view,
        name="report_approve",
    ),
    path(
        "bao-cao/<int:report_id>/tra-lai/",
        views.report_return_view,
        name="report_return",
    ),
    path(
        "bao-cao/<int:report_id>/tai/<slug:fmt>/",
        views.report_download,
        name="report_download",
    ),
    path(
        "bao-cao/<int:report_id>/bieu-do/<slug:chart>.svg",
        views.report_chart,
        name="report_chart",
    ),
]
