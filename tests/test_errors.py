"""With DEBUG off, errors get styled pages without tracebacks; a database outage gets a 503."""

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client

from professions.views import HomeView
from quiz.models import Result
from tests.quiz.test_flow import answer_page, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiet_client():
    return Client(raise_request_exception=False)


def test_an_unexpected_error_shows_a_styled_500_without_details(quiet_client, monkeypatch):
    def broken(self, **kwargs):
        raise ValueError("secret internals")

    monkeypatch.setattr(HomeView, "get_context_data", broken)

    response = quiet_client.get("/")
    page = response.content.decode()

    assert response.status_code == 500
    assert "Something went wrong" in page
    assert "secret internals" not in page
    assert "Traceback" not in page
    assert "SECRET_KEY" not in page


def test_a_database_outage_shows_a_friendly_503(quiet_client, monkeypatch):
    def unreachable(self, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(HomeView, "get_context_data", unreachable)

    response = quiet_client.get("/")

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "Back in a moment" in response.content.decode()
    assert "connection refused" not in response.content.decode()


def test_an_outage_while_finishing_stores_nothing_and_the_retry_succeeds(monkeypatch):
    call_command("loaddata", "questions", verbosity=0)
    client = Client(raise_request_exception=False)
    start(client)
    for page in (1, 2):
        answer_page(client, page, lambda code: 4)
    save = Result.save

    def outage(self, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(Result, "save", outage)
    failed = answer_page(client, 3, lambda code: 4)
    monkeypatch.setattr(Result, "save", save)

    assert failed.status_code == 503
    assert Result.objects.count() == 0
    retried = answer_page(client, 3, lambda code: 4)
    assert retried.status_code == 302
    assert Result.objects.count() == 1
