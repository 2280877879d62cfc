"""Headers and cookies a security review expects, asserted on real responses."""

import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from quiz.models import QuizLength, Result
from quiz.progress import COOKIE_NAME
from tests.taker import remember_result

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(client):
    return client.get("/")


def test_content_security_policy_allows_no_inline_code(home):
    policy = home["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())

    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ],
)
def test_protective_headers(home, header, value):
    assert home[header] == value


def test_https_responses_carry_strict_transport_security(client):
    response = client.get("/", secure=True)

    assert response["Strict-Transport-Security"].startswith("max-age=")
    assert "includeSubDomains" in response["Strict-Transport-Security"]


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_to_https(client):
    response = client.get("/professions/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/professions/"


def test_quiz_and_csrf_cookies_are_secure_httponly_and_same_site(client):
    call_command("loaddata", "questions", verbosity=0)
    client.get("/quiz/")
    client.post("/quiz/", {"form": "full"})

    assert "sessionid" not in client.cookies  # takers need no server-side session
    for name in (COOKIE_NAME, "csrftoken"):
        cookie = client.cookies[name]
        assert cookie["secure"], name
        assert cookie["httponly"], name
        assert cookie["samesite"] == "Lax", name


def test_no_page_embeds_inline_script_or_style(client):
    call_command("loaddata", "professions", "questions", verbosity=0)
    client.post("/quiz/", {"form": "quick"})
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
    pages = ["/", "/quiz/", "/quiz/page/1/", "/professions/", "/professions/producer/"]
    pages += ["/professions/compare/producer/product-manager/", "/nowhere/"]

    for path in pages:
        page = client.get(path).content.decode()
        assert not inline_script.search(page), path
        assert "<style" not in page, path
        assert " style=" not in page, path
        assert not re.search(r" on[a-z]+=", page), path  # no inline event handlers


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/quiz/", {"form": "quick"}),
        ("/quiz/page/1/", {"R01": "5"}),
        ("/results/00000000-0000-4000-8000-000000000000/delete/", {}),
        ("/admin/login/", {"username": "a", "password": "b"}),
    ],
)
def test_every_post_without_the_csrf_token_is_refused(path, data):
    response = Client(enforce_csrf_checks=True).post(path, data)

    assert response.status_code == 403


def test_a_get_on_the_delete_address_only_asks_for_confirmation(client):
    call_command("loaddata", "questions", verbosity=0)
    items = {"R01": "R", "I01": "I", "A01": "A", "S01": "S", "E01": "E", "C01": "C"}
    result = Result.objects.score_and_create(
        length=QuizLength.QUICK, answers=dict.fromkeys(items, 3), scale_of=items
    )

    remember_result(client, str(result.uuid))

    response = client.get(f"{result.get_absolute_url()}delete/")

    assert response.status_code == 200
    assert Result.objects.filter(pk=result.pk).exists()


def test_get_forms_carry_no_csrf_token_and_post_forms_exactly_one(client):
    call_command("loaddata", "professions", "questions", verbosity=0)

    assert "csrfmiddlewaretoken" not in client.get("/professions/").content.decode()
    assert "csrfmiddlewaretoken" not in client.get("/professions/compare/").content.decode()
    assert client.get("/quiz/").content.decode().count("csrfmiddlewaretoken") == 1
    client.post("/quiz/", {"form": "quick"})
    assert client.get("/quiz/page/1/").content.decode().count("csrfmiddlewaretoken") == 1
