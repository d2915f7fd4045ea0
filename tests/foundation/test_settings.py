"""The settings fail closed: without an environment they are production's, and production wants a real key."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOAD_SETTINGS = "import django; django.setup(); from django.conf import settings; print('DEBUG', settings.DEBUG)"


def load_settings(**environment):
    """Import the settings in a fresh interpreter with nothing in the environment but what is given."""
    clean = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "taskforce.settings", **environment}
    return subprocess.run(
        [sys.executable, "-c", LOAD_SETTINGS], cwd=ROOT, env=clean, capture_output=True, text=True, check=False
    )


def test_without_an_environment_the_settings_refuse_to_start_without_a_key():
    result = load_settings()
    assert result.returncode != 0
    assert "set SECRET_KEY and ALLOWED_HOSTS in the environment" in result.stderr


@pytest.mark.parametrize("key", ["short", "insecure-development-key-never-used-in-production", "x" * 49])
def test_production_refuses_a_short_secret_key(key):
    result = load_settings(SECRET_KEY=key, ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert f"SECRET_KEY has {len(key)} characters; production needs at least 50" in result.stderr


def test_with_a_long_key_the_default_is_production():
    result = load_settings(SECRET_KEY="k" * 50, ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout


def test_debug_mode_is_only_what_the_environment_asks_for():
    result = load_settings(DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert "DEBUG True" in result.stdout


def manage(*arguments, **environment):
    clean = {"PATH": os.environ["PATH"], **environment}
    return subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=clean, capture_output=True, text=True, check=False
    )


def test_a_fresh_clone_runs_management_commands_without_an_environment():
    """manage.py on a machine without a production key is development: the migrations check runs bare."""
    result = manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_manage_py_with_a_production_key_is_production():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print('DEBUG', settings.DEBUG)",
        SECRET_KEY="k" * 50,
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout


LOAD_MAILER = (
    "import django; django.setup(); from django.conf import settings; m = settings.MAILERS['default']; "
    "print(m['BACKEND'], sorted((k, v) for k, v in m['OPTIONS'].items() if v is not None))"
)


def test_email_url_configures_the_smtp_mailer():
    clean = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "taskforce.settings",
        "SECRET_KEY": "k" * 50,
        "ALLOWED_HOSTS": "example.org",
        "EMAIL_URL": "smtp+tls://mailer:s3cret@smtp.example.org:587",
    }
    result = subprocess.run(
        [sys.executable, "-c", LOAD_MAILER], cwd=ROOT, env=clean, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "django.core.mail.backends.smtp.EmailBackend" in result.stdout
    for option in ("('host', 'smtp.example.org')", "('port', 587)", "('username', 'mailer')", "('use_tls', True)"):
        assert option in result.stdout
