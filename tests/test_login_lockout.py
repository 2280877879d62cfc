"""Login protection: repeated wrong passwords block a username from one address for a while.

django-axes counts failures per username and client address together (careerfit/settings.py):
after five in a row that pair gets the lockout page, even with the right password, for 15
minutes after its last attempt. Other addresses and other names are not affected.
"""

import re
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db.models import F
from django.test import Client, override_settings
from django.urls import reverse

from careerfit.settings import axes_client_ip_behind_proxy

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "correct horse battery staple"
LIMIT = settings.AXES_FAILURE_LIMIT
WRONG_PASSWORD_ERROR = "Please enter the correct username and password"
BLOCKED = "Login blocked"
HOME = "203.0.113.7"
ELSEWHERE = "198.51.100.9"
PROXY = "10.0.0.2"


@pytest.fixture
def editor():
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def log_in(client, username="editor", password=PASSWORD, address=HOME, **headers):
    data = {"username": username, "password": password, "next": "/admin/"}
    return client.post(LOGIN, data, REMOTE_ADDR=address, **headers)


def fail(client, times, username="editor", address=HOME, **headers):
    """Post a wrong password `times` times; returns the last response."""
    for _ in range(times):
        response = log_in(client, username, "wrong password", address, **headers)
    return response


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def minutes_pass(minutes: int) -> None:
    """Move every recorded failure back in time, as if the minutes had gone by."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def assert_blocked(response, username="editor"):
    page = response.content.decode()
    assert response.status_code == 429
    assert BLOCKED in page
    assert f"as “{username}”" in page
    assert f"after {LIMIT} wrong passwords in a row" in page
    assert "blocked for 15 minutes" in page
    assert "Ask an administrator to unlock your account" in page


@pytest.mark.parametrize("username", ["editor", "nobody-by-this-name"])
def test_a_wrong_password_shows_the_ordinary_login_error(client, editor, username):
    response = log_in(client, username, "wrong password")

    assert response.status_code == 200
    assert WRONG_PASSWORD_ERROR in response.content.decode()
    assert BLOCKED not in response.content.decode()
    assert not is_logged_in(client)


def test_known_and_unknown_names_cost_the_same_password_hashing(client, editor):
    """Timing cannot tell which names exist: each wrong login hashes once, blocked ones never."""
    encode = mock.patch.object(
        MD5PasswordHasher, "encode", autospec=True, side_effect=MD5PasswordHasher.encode
    )

    def hashes(username: str) -> int:
        with encode as spy:
            log_in(client, username, "wrong password")
        return spy.call_count

    assert hashes("editor") == hashes("nobody-by-this-name") == 1
    fail(client, LIMIT, "editor")
    fail(client, LIMIT, "nobody-by-this-name")
    assert hashes("editor") == hashes("nobody-by-this-name") == 0


def test_after_five_failures_even_the_right_password_gets_the_lockout_page(client, editor):
    for _ in range(LIMIT - 1):
        response = fail(client, 1)
        assert response.status_code == 200
        assert WRONG_PASSWORD_ERROR in response.content.decode()

    assert_blocked(fail(client, 1))
    response = log_in(client)

    assert_blocked(response)
    assert not is_logged_in(client)
    page = response.content.decode()
    # The admin's own page, under the site's strict Content-Security-Policy.
    assert 'id="site-name"' in page
    assert "admin/css/base.css" in page
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert not re.search(r"<script(?![^>]*\ssrc=)", page)
    assert "<style" not in page
    assert " style=" not in page


def test_the_same_name_still_logs_in_from_another_address(client, editor):
    fail(client, LIMIT, address=HOME)

    response = log_in(Client(), address=ELSEWHERE)

    assert response.status_code == 302
    assert log_in(client, address=HOME).status_code == 429


def test_other_names_still_log_in_from_the_same_address(client, editor):
    User.objects.create_user("analyst", password=PASSWORD, is_staff=True)
    fail(client, LIMIT, "editor")

    response = log_in(client, "analyst")

    assert response.status_code == 302
    assert is_logged_in(client)


def test_failures_for_many_unknown_names_do_not_block_a_real_one(client, editor):
    for n in range(10):
        fail(client, LIMIT, f"guess-{n}")

    assert log_in(client).status_code == 302


def test_a_forged_forwarded_for_header_is_ignored_without_a_proxy(client, editor):
    for n in range(LIMIT):
        fail(client, 1, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")

    assert_blocked(log_in(client, HTTP_X_FORWARDED_FOR="192.0.2.99"))


@override_settings(AXES_CLIENT_IP_CALLABLE=axes_client_ip_behind_proxy)
def test_behind_a_proxy_the_address_the_proxy_saw_counts(client, editor):
    """DJANGO_BEHIND_PROXY=1: every request comes from the proxy; the client is the last entry
    of X-Forwarded-For, and entries the client sent before it cannot dodge the lockout."""
    for n in range(LIMIT):
        fail(client, 1, address=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, {HOME}")

    assert_blocked(log_in(client, address=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.99, {HOME}"))
    response = log_in(Client(), address=PROXY, HTTP_X_FORWARDED_FOR=ELSEWHERE)
    assert response.status_code == 302
    assert AccessAttempt.objects.get().ip_address == HOME


def test_the_block_ends_fifteen_minutes_after_the_last_attempt(client, editor):
    fail(client, LIMIT)

    minutes_pass(14)
    assert log_in(client).status_code == 429
    # That attempt started the 15 minutes again.
    minutes_pass(14)
    assert log_in(client).status_code == 429

    minutes_pass(16)
    response = log_in(client)

    assert response.status_code == 302
    assert is_logged_in(client)


@pytest.mark.parametrize(
    "command",
    [
        ["axes_reset_username", "editor"],
        ["axes_reset_ip_username", HOME, "editor"],
        ["axes_reset"],
    ],
)
def test_an_administrator_can_unlock_at_once(client, editor, command):
    fail(client, LIMIT)
    assert log_in(client).status_code == 429

    out = StringIO()
    call_command(*command, stdout=out)

    assert "attempts removed" in out.getvalue()
    assert log_in(client).status_code == 302
    assert is_logged_in(client)


def test_blocked_logins_are_listed_for_superusers_in_the_admin(admin_client, editor):
    fail(Client(), LIMIT)

    page = admin_client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()

    assert "editor" in page
    assert HOME in page


def test_a_successful_login_starts_the_count_again(client, editor):
    fail(client, LIMIT - 1)
    assert log_in(client).status_code == 302
    client.post(reverse("admin:logout"))

    response = fail(client, LIMIT - 1)

    assert response.status_code == 200
    assert WRONG_PASSWORD_ERROR in response.content.decode()
    assert log_in(client).status_code == 302


def test_logging_in_gives_a_new_session_key(client, editor):
    session = client.session
    session["before_login"] = True
    session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value

    assert log_in(client).status_code == 302

    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert is_logged_in(client)
