"""Who may do what in the admin: the Editors and Analysts groups, staff and the public."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from quiz.models import QuizLength, Result

pytestmark = pytest.mark.django_db

PROFESSIONS = reverse("admin:professions_profession_changelist")
ADD_PROFESSION = reverse("admin:professions_profession_add")
QUESTIONS = reverse("admin:quiz_question_changelist")
RESULTS = reverse("admin:quiz_result_changelist")
ANALYTICS = reverse("admin:quiz_result_analytics")
EXPORT = reverse("admin:quiz_result_export")


def login_as(client, group: str | None, *, staff: bool = True):
    user = User.objects.create_user(username=f"user-{group}", password="x", is_staff=staff)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


def test_the_groups_exist_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Editors", "Analysts"}


@pytest.mark.parametrize("url", [PROFESSIONS, RESULTS, ANALYTICS, EXPORT])
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("url", [PROFESSIONS, RESULTS, ANALYTICS])
def test_signed_in_users_who_are_not_staff_get_no_access(client, url):
    response = login_as(client, "Editors", staff=False).get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    ("group", "url", "status"),
    [
        ("Editors", PROFESSIONS, 200),
        ("Editors", ADD_PROFESSION, 200),
        ("Editors", QUESTIONS, 200),
        ("Editors", RESULTS, 403),
        ("Editors", ANALYTICS, 403),
        ("Editors", EXPORT, 403),
        ("Analysts", RESULTS, 200),
        ("Analysts", ANALYTICS, 200),
        ("Analysts", EXPORT, 200),
        ("Analysts", PROFESSIONS, 403),
        ("Analysts", ADD_PROFESSION, 403),
        ("Analysts", QUESTIONS, 403),
        (None, PROFESSIONS, 403),
        (None, RESULTS, 403),
    ],
)
def test_permission_matrix(client, group, url, status):
    assert login_as(client, group).get(url).status_code == status


def test_analysts_cannot_delete_results(client):
    items = {"R01": "R", "I01": "I", "A01": "A", "S01": "S", "E01": "E", "C01": "C"}
    result = Result.objects.score_and_create(
        length=QuizLength.QUICK, answers=dict.fromkeys(items, 3), scale_of=items
    )

    response = login_as(client, "Analysts").get(
        reverse("admin:quiz_result_delete", args=[result.pk])
    )

    assert response.status_code == 403
