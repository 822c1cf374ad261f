import pytest
from django.urls import reverse

from accounts.models import Role, User
from conftest import PASSWORD


def test_login_page_and_login(world, client):
    page = client.get(reverse("accounts:login"))
    assert "Đăng nhập" in page.content.decode()
    response = client.post(
        reverse("accounts:login"), {"username": "can.bo.xa", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(response["Location"], follow=True).status_code == 200


def test_wrong_password_is_refused_in_vietnamese(world, client):
    response = client.post(
        reverse("accounts:login"), {"username": "can.bo.xa", "password": "sai"}
    )
    assert "mật khẩu chính xác" in response.content.decode()


def test_keepalive_renews_the_session(world, client_as):
    response = client_as(world.commune_officer).post(reverse("accounts:keepalive"))
    assert response.json()["expires_in"] > 0


def test_administrator_creates_a_user_in_their_subtree(world, client_as):
    client = client_as(world.province_officer)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "moi.xa",
            "full_name": "Người Mới",
            "unit": "X01",
            "role": "editor",
            "is_active": "on",
            "password": "mot-mat-khau-dai-2024",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="moi.xa")
    assert user.unit == world.commune and user.role == Role.EDITOR


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"unit": "T02"}, "Không tìm thấy đơn vị"),
        ({"password": ""}, "Hãy đặt mật khẩu"),
        ({"password": "123"}, "quá ngắn"),
        ({"username": "can.bo.xa"}, "đã được sử dụng"),
    ],
)
def test_user_form_errors(world, client_as, data, message):
    form = {
        "username": "moi.xa",
        "full_name": "Người Mới",
        "unit": "X01",
        "role": "editor",
        "password": "mot-mat-khau-dai-2024",
    } | data
    response = client_as(world.province_officer).post(
        reverse("accounts:user_create"), form
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(username="moi.xa").exists()


def test_administrator_cannot_give_a_higher_role(world, client_as):
    world.commune_officer.role = Role.APPROVER
    world.commune_officer.save()
    # An approver is not an administrator: the page is forbidden.
    assert (
        client_as(world.commune_officer).get(reverse("accounts:user_list")).status_code
        == 403
    )


def test_user_list_shows_only_the_subtree(world, client_as):
    text = (
        client_as(world.province_officer)
        .get(reverse("accounts:user_list"))
        .content.decode()
    )
    assert "can.bo.xa" in text and "can.bo.xa.ben" in text
    assert "ngoai.pham.vi" not in text


def test_edit_user_and_see_its_history(world, client_as):
    client = client_as(world.province_officer)
    url = reverse("accounts:user_edit", args=[world.commune_viewer.pk])
    response = client.post(
        url,
        {
            "full_name": "Người Xem",
            "unit": "X01",
            "role": "editor",
            "is_active": "on",
            "version": 1,
        },
    )
    assert response.status_code == 302
    world.commune_viewer.refresh_from_db()
    assert world.commune_viewer.role == Role.EDITOR
    page = client.get(url).content.decode()
    assert "can.bo.tinh" in page and "editor" in page


def test_administrator_cannot_lock_themselves(world, client_as):
    client = client_as(world.province_officer)
    response = client.post(
        reverse("accounts:user_edit", args=[world.province_officer.pk]),
        {"full_name": "x", "unit": "T01", "role": "administrator", "version": 1},
    )
    assert "không thể tự khóa" in response.content.decode()
    world.province_officer.refresh_from_db()
    assert world.province_officer.is_active


def test_user_form_offers_only_bodies_of_the_chosen_unit(world, client_as):
    from org import services
    from org.models import BodyKind

    kind = BodyKind.objects.get(code="khoi-dan-van")
    own = services.body_create(
        unit=world.commune, kind=kind, name="Khối dân vận An Phú"
    )
    other = services.body_create(
        unit=world.sibling, kind=kind, name="Khối dân vận Bình Minh"
    )
    client = client_as(world.province_officer)
    text = client.get(
        reverse("accounts:user_edit", args=[world.commune_viewer.pk])
    ).content.decode()
    assert own.name in text and other.name not in text
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "moi.xa",
            "full_name": "Người Mới",
            "unit": "X01",
            "role": "viewer",
            "body": other.pk,
            "password": "mot-mat-khau-dai-2024",
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="moi.xa").exists()


def test_pages_renew_the_session_at_most_once_a_minute(world, client_as, settings):
    from django.contrib.sessions.models import Session

    client = client_as(world.commune_officer)
    client.get(reverse("org:unit_detail", args=[world.commune.pk]))
    key = client.session.session_key
    saved = Session.objects.get(session_key=key).expire_date
    for _ in range(3):
        client.get(reverse("org:unit_detail", args=[world.commune.pk]))
    assert Session.objects.get(session_key=key).expire_date == saved
    settings.SESSION_TOUCH_SECONDS = 0
    client.get(reverse("org:unit_detail", args=[world.commune.pk]))
    assert Session.objects.get(session_key=key).expire_date > saved
