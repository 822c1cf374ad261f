from django.urls import path

from jobs import views

app_name = "jobs"

urlpatterns = [
    path("viec-nen/<int:job_id>/", views.job_detail, name="job_detail"),
    path("viec-nen/<int:job_id>/tai/", views.job_download, name="job_download"),
]
