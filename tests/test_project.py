"""Project-wide guarantees: migrations are complete and settings refuse unsafe starts."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from tests.servers import ROOT


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def run_check(**env_overrides: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_check(DJANGO_DEBUG="0")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_mode_starts_without_a_secret_key():
    result = run_check(DJANGO_DEBUG="1")

    assert result.returncode == 0, result.stderr


def test_a_mistyped_boolean_is_a_clear_error_not_a_silent_default():
    result = run_check(DJANGO_DEBUG="maybe", DJANGO_SECRET_KEY="x" * 60)

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be a boolean" in result.stderr
