import pytest

from danvan.env import ConfigError, env_bool, env_int, env_list


def test_env_helpers_read_values(monkeypatch):
    monkeypatch.setenv("X_BOOL", "off")
    monkeypatch.setenv("X_INT", "42")
    monkeypatch.setenv("X_LIST", "a.vn, b.vn,")
    assert env_bool("X_BOOL", True) is False
    assert env_int("X_INT", 1) == 42
    assert env_list("X_LIST", []) == ["a.vn", "b.vn"]
    assert env_int("X_MISSING", 7) == 7


@pytest.mark.parametrize(("reader", "value"), [(env_bool, "maybe"), (env_int, "ba")])
def test_env_helpers_fail_loudly_on_bad_values(monkeypatch, reader, value):
    monkeypatch.setenv("X_BAD", value)
    with pytest.raises(ConfigError, match="X_BAD"):
        reader("X_BAD", 0)


def test_production_settings_refuse_to_start_without_a_secret(monkeypatch):
    import subprocess
    import sys

    env = {"DEBUG": "false", "PATH": "/usr/bin:/bin"}
    code = (
        "import django, os; "
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'danvan.settings'; django.setup()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_english_is_available_through_the_language_switch(world, client):
    client.force_login(world.commune_officer)
    client.post("/i18n/setlang/", {"language": "en", "next": "/don-vi/"})
    text = client.get("/don-vi/").content.decode()
    assert 'lang="en"' in text
    assert "Find an administrative unit" in text
    assert "Skip to main content" in text


def test_vietnamese_is_the_default_whatever_the_browser_says(world, client):
    client.force_login(world.commune_officer)
    text = client.get(
        "/don-vi/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    ).content.decode()
    assert "Tìm đơn vị hành chính" in text


def test_djangos_own_messages_read_correctly_in_vietnamese():
    import pytest
    from django.core.exceptions import ValidationError
    from django.core.validators import MaxValueValidator, MinValueValidator
    from django.utils import translation

    with translation.override("vi"):
        for validator, value, expected in (
            (MinValueValidator(1), 0, "Giá trị phải lớn hơn hoặc bằng 1."),
            (MaxValueValidator(9), 10, "Giá trị phải nhỏ hơn hoặc bằng 9."),
        ):
            with pytest.raises(ValidationError) as error:
                validator(value)
            assert error.value.messages == [expected]  # no space before the stop
