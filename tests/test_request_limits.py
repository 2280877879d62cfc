"""How much form data a request may send: a page of answers for the public, whole profiles
for staff in the admin, and a clear page in the admin when even that is exceeded."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from professions.models import Profession

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", "questions", verbosity=0)


@pytest.fixture
def editor_client():
    editor = User.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    return client


def fields(count: int) -> dict[str, str]:
    return {f"field{n}": "1" for n in range(count)}


def test_public_pages_refuse_more_fields_than_a_page_of_answers(shipped):
    client = Client(raise_request_exception=False)
    client.post("/quiz/", {"form": "quick"})
    limit = settings.CAREERFIT_PUBLIC_MAX_FIELDS

    within = client.post("/quiz/page/1/", fields(limit - 1))
    flood = client.post("/quiz/page/1/", fields(limit + 1))
    query_flood = client.get("/professions/", fields(limit + 1))

    assert within.status_code != 400
    assert flood.status_code == 400
    assert query_flood.status_code == 400


def test_public_pages_refuse_large_bodies_before_reading_them(shipped):
    client = Client(raise_request_exception=False)
    body = "a=" + "x" * settings.CAREERFIT_PUBLIC_MAX_BYTES

    response = client.post("/quiz/", body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400


def test_the_admin_login_page_keeps_the_public_limits(shipped):
    """Only signed-in staff get the admin's larger limits, not whoever reaches the login."""
    response = Client(raise_request_exception=False).post(
        reverse("admin:login"), fields(settings.CAREERFIT_PUBLIC_MAX_FIELDS + 1)
    )

    assert response.status_code == 400


def test_staff_may_post_more_fields_in_the_admin(shipped, editor_client):
    producer = Profession.objects.get(slug="producer")
    url = reverse("admin:professions_profession_change", args=[producer.pk])

    response = editor_client.post(url, fields(settings.CAREERFIT_PUBLIC_MAX_FIELDS * 3))

    # Parsed and handed to the admin, which finds the form incomplete and says so.
    assert response.status_code == 200
    assert "Please correct the errors below." in response.content.decode()


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(fields(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1), id="too many fields"),
        pytest.param({"summary": "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE}, id="too many bytes"),
    ],
)
def test_a_too_large_admin_post_gets_a_page_in_the_admin_and_saves_nothing(
    shipped, editor_client, body
):
    producer = Profession.objects.get(slug="producer")
    url = reverse("admin:professions_profession_change", args=[producer.pk])

    response = editor_client.post(url, body)

    page = response.content.decode()
    assert response.status_code == 413
    assert "Nothing was saved" in page
    assert "CareerFit admin" in page  # in the admin's own frame, with its navigation
    assert Profession.objects.get(slug="producer").summary == producer.summary
