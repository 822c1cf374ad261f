from django.urls import include, path

from api import v1
from danvan import views

handler404 = "danvan.views.not_found"
handler500 = "danvan.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("tim-kiem/", views.search, name="search"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("tai-khoan/", include("accounts.urls")),
    path("", include("org.urls")),
    path("", include("work.urls")),
    path("", include("reports.urls")),
    path("", include("jobs.urls")),
    path("", include("ingest.urls")),
    path("", include("api.urls")),
    path("api/v1/", v1.urls()),
]
