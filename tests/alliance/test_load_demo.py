import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command


def row_counts():
    # The content, not its history: loading the demo again records that it saved the members.
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"alliance", "members", "declarations", "news"}
        and not model.__name__.startswith("Historical")
    }


@pytest.mark.django_db
def test_load_demo_twice_leaves_the_same_rows():
    call_command("load_demo")
    first = row_counts()
    call_command("load_demo")

    assert row_counts() == first
    assert first["news.Article"] >= 1
    assert first["declarations.Declaration"] == 1


@pytest.mark.django_db
def test_load_demo_creates_no_user_unless_asked(monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    call_command("load_demo")

    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_load_demo_creates_the_superuser_with_the_given_password(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a demo password 42")
    call_command("load_demo")

    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff
    assert user.check_password("a demo password 42")


@pytest.mark.django_db
def test_demo_loads_the_cahrom_statement_in_both_languages(client):
    call_command("load_demo")

    english = client.get("/en/news/john-warmisham-at-cahrom/").content.decode()
    french = client.get("/fr/news/john-warmisham-at-cahrom/").content.decode()

    assert "held in Athens on 24 May 2018" in english
    assert "tenue à Athènes le 24 mai 2018" in french
