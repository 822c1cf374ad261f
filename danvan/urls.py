from django.urls import include, path

from danvan import views

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
]
