from django.urls import path

from api import views

app_name = "api"

urlpatterns = [
    path("tai-khoan/ma-api/", views.token_list, name="tokens"),
    path(
        "tai-khoan/ma-api/<int:token_id>/thu-hoi/",
        views.token_revoke,
        name="token_revoke",
    ),
]
