from django.urls import path

from ingest import views

app_name = "ingest"

urlpatterns = [
    path("doc-bai/", views.document_list, name="document_list"),
    path("doc-bai/<int:document_id>/", views.document_review, name="document_review"),
]
