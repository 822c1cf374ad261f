from django.urls import path

from org import views

app_name = "org"

urlpatterns = [
    path("don-vi/", views.unit_search, name="unit_search"),
    path("don-vi/chon/", views.unit_picker, name="unit_picker"),
    path("don-vi/<int:unit_id>/", views.unit_detail, name="unit_detail"),
    path("don-vi/<int:unit_id>/co-quan/them/", views.body_create, name="body_create"),
    path("don-vi/<int:unit_id>/loai-co-quan/", views.body_kinds, name="body_kinds"),
    path(
        "don-vi/<int:unit_id>/can-bo/them/", views.person_create, name="person_create"
    ),
    path(
        "don-vi/<int:unit_id>/sap-xep/",
        views.reorganization_create,
        name="reorganization_create",
    ),
    path("co-quan/<int:body_id>/", views.body_detail, name="body_detail"),
    path("co-quan/<int:body_id>/sua/", views.body_edit, name="body_edit"),
    path("can-bo/<int:person_id>/", views.person_detail, name="person_detail"),
    path("can-bo/<int:person_id>/sua/", views.person_edit, name="person_edit"),
    path(
        "can-bo/<int:person_id>/chuc-vu/them/",
        views.position_create,
        name="position_create",
    ),
    path(
        "chuc-vu/<int:position_id>/ket-thuc/", views.position_end, name="position_end"
    ),
    path(
        "sap-xep/<int:reorg_id>/",
        views.reorganization_detail,
        name="reorganization_detail",
    ),
]
