"""What editors do in the admin: add and fix professions, publish them, merge skills."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from professions.models import Profession, ProfessionSkill, Skill
from quiz.models import Question, QuizLength, Result
from tests.taker import shown_rows

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:professions_profession_changelist")
ADD = reverse("admin:professions_profession_add")


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", "questions", verbosity=0)


def profession_form(**overrides) -> dict:
    """A complete add form for a new profession with two skills and a job title."""
    mechanic = Skill.objects.create(slug="engine-repair", name="Engine repair", kind="skill")
    data = {
        "name": "Aircraft mechanic",
        "slug": "aircraft-mechanic",
        "summary": "Keeps aircraft safe to fly.",
        "published": "on",
        "realistic": 90,
        "investigative": 60,
        "artistic": 10,
        "social": 20,
        "enterprising": 25,
        "conventional": 55,
        "holland_code": "RIC",
        "salary_currency": "USD",
        "salary_statistic": "median",
        "origin": "editorial",
        "annual_salary": 70000,
        "description": "Inspects, repairs and maintains aircraft.",
        "essential_items-TOTAL_FORMS": 1,
        "essential_items-INITIAL_FORMS": 0,
        "essential_items-0-skill": mechanic.pk,
        "essential_items-0-essential": "on",
        "essential_items-0-description": "Finding and fixing faults in aircraft engines.",
        "optional_items-TOTAL_FORMS": 1,
        "optional_items-INITIAL_FORMS": 0,
        "optional_items-0-skill": Skill.objects.get(slug="project-management").pk,
        "job_titles-TOTAL_FORMS": 1,
        "job_titles-INITIAL_FORMS": 0,
        "job_titles-0-title": "Aviation maintenance technician",
    }
    return {**data, **overrides}


def test_an_editor_adds_a_profession_that_appears_on_the_site_and_in_matches(
    client, django_user_model, shipped
):
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    editor_client = Client()
    editor_client.force_login(editor)

    response = editor_client.post(ADD, profession_form())

    assert response.status_code == 302, response.context["adminform"].form.errors
    page = client.get("/professions/aircraft-mechanic/").content.decode()
    assert "Engine repair" in page
    assert "Project management" in page
    assert "Aviation maintenance technician" in page
    items = dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))
    answers = {code: 5 if scale in "RI" else 1 for code, scale in items.items()}
    result = Result.objects.score_and_create(
        length=QuizLength.QUICK, answers=answers, scale_of=items
    )
    rows = shown_rows(client.get(result.get_absolute_url()))
    assert rows[0].match.profession.name == "Aircraft mechanic"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"holland_code": "CIR"},
            "holland_code",
            "Realistic (90) is higher than Conventional (55)",
        ),
        (
            {"holland_code": "RE"},
            "holland_code",
            "Investigative (60) is higher than Enterprising (25)",
        ),
        ({"social": 130}, "social", "less than or equal to 100"),
        ({"holland_code": "RXZ"}, "holland_code", "Use one to three of the letters"),
    ],
)
def test_validation_errors_say_which_score_is_wrong(
    admin_client, shipped, overrides, field, message
):
    response = admin_client.post(ADD, profession_form(**overrides))

    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors[field])
    assert not Profession.objects.filter(slug="aircraft-mechanic").exists()


def test_changelist_shows_counts_and_filters_by_first_letter(admin_client, shipped):
    page = admin_client.get(CHANGELIST).content.decode()
    conventional_first = admin_client.get(CHANGELIST, {"letter": "C"})
    enterprising_first = admin_client.get(CHANGELIST, {"letter": "E"})

    assert '<td class="field-essential_count">10</td>' in page  # producer: 3 + 7
    assert '<td class="field-optional_count">43</td>' in page
    assert enterprising_first.context["cl"].result_count == 2
    assert conventional_first.context["cl"].result_count == 0


def test_changelist_queries_do_not_grow_with_professions(
    admin_client, shipped, make_profession, django_assert_max_num_queries
):
    for n in range(30):
        make_profession(slug=f"pilot-{n}")

    with django_assert_max_num_queries(12):
        admin_client.get(CHANGELIST)


def test_change_page_shows_the_implied_code_and_view_on_site(admin_client, shipped):
    producer = Profession.objects.get(slug="producer")

    page = admin_client.get(
        reverse("admin:professions_profession_change", args=[producer.pk])
    ).content.decode()

    assert "code the profile implies" in page.lower()
    assert "EAS" in page
    assert "View on site" in page
    assert "collapse" in page  # the sources fieldset starts collapsed


def test_publish_and_unpublish_actions(admin_client, client, shipped):
    producer = Profession.objects.get(slug="producer")

    admin_client.post(CHANGELIST, {"action": "unpublish", "_selected_action": [producer.pk]})
    assert client.get("/professions/producer/").status_code == 404
    admin_client.post(CHANGELIST, {"action": "publish", "_selected_action": [producer.pk]})
    assert client.get("/professions/producer/").status_code == 200


def test_merging_duplicate_skills_keeps_every_profession_link(admin_client, make_profession):
    pilot, sailor, diver = (make_profession(slug=slug) for slug in ("pilot", "sailor", "diver"))
    keep = Skill.objects.create(slug="navigation", name="Navigation", kind="skill")
    duplicate = Skill.objects.create(slug="navigating", name="Navigating", kind="skill")
    ProfessionSkill.objects.create(profession=pilot, skill=keep, essential=False)
    ProfessionSkill.objects.create(profession=pilot, skill=duplicate, essential=True)
    ProfessionSkill.objects.create(profession=sailor, skill=duplicate, essential=False)
    ProfessionSkill.objects.create(profession=diver, skill=keep, essential=True)
    changelist = reverse("admin:professions_skill_changelist")
    selected = {"action": "merge", "_selected_action": [keep.pk, duplicate.pk]}

    confirm = admin_client.post(changelist, selected)
    admin_client.post(changelist, {**selected, "keep": keep.pk})

    assert "Which skill should remain?" in confirm.content.decode()
    assert not Skill.objects.filter(pk=duplicate.pk).exists()
    links = {
        (link.profession.slug, link.essential)
        for link in ProfessionSkill.objects.filter(skill=keep).select_related("profession")
    }
    assert links == {("pilot", True), ("sailor", False), ("diver", True)}


def test_skill_page_lists_the_professions_that_use_it(admin_client, shipped):
    skill = Skill.objects.get(slug="project-management")

    page = admin_client.get(reverse("admin:professions_skill_change", args=[skill.pk]))

    assert "Producer (essential), Product manager (essential)" in page.content.decode()


def test_merging_needs_the_right_to_delete_skills(client, make_profession):
    from django.contrib.auth.models import Permission, User

    editor = User.objects.create_user("limited", password="x", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(codename__in=["view_skill", "change_skill"])
    )
    client.force_login(editor)
    first = Skill.objects.create(slug="a", name="A", kind="skill")
    second = Skill.objects.create(slug="b", name="B", kind="skill")

    client.post(
        reverse("admin:professions_skill_changelist"),
        {"action": "merge", "_selected_action": [first.pk, second.pk], "keep": first.pk},
    )

    assert Skill.objects.count() == 2


def test_line_breaks_typed_in_a_browser_are_stored_as_in_the_fixtures(admin_client, shipped):
    """Browsers send a textarea's line breaks as CRLF; fixtures hold LF. Without the two
    agreeing, saving a page unchanged rewrote every paragraph and filled the history."""
    response = admin_client.post(
        ADD, profession_form(description="First paragraph.\r\n\r\nSecond paragraph.")
    )

    assert response.status_code == 302
    stored = Profession.objects.get(slug="aircraft-mechanic").description
    assert stored == "First paragraph.\n\nSecond paragraph."
