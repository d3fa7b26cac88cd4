import os
import subprocess
import sys

import pytest
from django.conf import settings


def run_manage(*args, **env):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is theirs only: check --deploy refuses it.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**inherited, "DJANGO_SETTINGS_MODULE": "alliance.settings", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-key-5vX2q9Lw8Zt1Rk3Mn7Bp4Jc6Hd0Gf2Sa9Qe",
    "ALLOWED_HOSTS": "alliance.example.org",
}


def test_production_settings_pass_check_deploy_with_zero_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("server", ["alliance.wsgi", "alliance.asgi"])
def test_production_refuses_to_start_without_a_secret_key(server):
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    result = subprocess.run(
        [sys.executable, "-c", f"import {server}"],
        env={
            **inherited,
            "DJANGO_SETTINGS_MODULE": "alliance.settings",
            **PRODUCTION,
            "SECRET_KEY": "",
        },
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_management_commands_that_sign_nothing_run_without_a_secret_key():
    environment = {**PRODUCTION, "SECRET_KEY": "", "DEBUG": ""}
    result = run_manage("makemigrations", "--check", "--dry-run", **environment)

    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_partner_logos_are_read_from_the_environment_as_json():
    logos = '[{"name": "Congress", "url": "https://www.coe.int/congress", "image": "/media/c.svg"}]'
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.PARTNER_LOGOS)",
        DEBUG="1",
        PARTNER_LOGOS=logos,
    )

    assert result.returncode == 0, result.stderr
    assert "'image': '/media/c.svg'" in result.stdout


@pytest.mark.parametrize("logos", ['{"name": "Congress"}', '[{"name": "no image"}]', "[not json"])
def test_partner_logos_that_are_not_a_list_of_named_images_stop_the_site(logos):
    result = run_manage("check", DEBUG="1", PARTNER_LOGOS=logos)

    assert result.returncode != 0
    assert "PARTNER_LOGOS must be a JSON list" in result.stderr
