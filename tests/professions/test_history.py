"""Nothing an editor does is irreversible: history, comparison, revert and recovery."""

import pytest
import reversion
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from professions.models import Profession, Skill
from quiz.models import Question, Result

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    call_command("loaddata", "professions", "questions", verbosity=0)
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def edit_producer(app, editor) -> Profession:
    """Change the summary, drop the first essential item and add a job title; save."""
    producer = Profession.objects.get(slug="producer")
    form = app.get(admin_url(Profession, "change", producer.pk), user=editor).forms[
        "profession_form"
    ]
    form["summary"] = "Edited summary."
    form["essential_items-0-DELETE"] = True
    form["job_titles-TOTAL_FORMS"] = int(form["job_titles-TOTAL_FORMS"].value) + 1
    response = form.submit("_save")
    assert response.status_code == 302
    return producer


def test_an_edit_is_recorded_with_the_state_before_it(django_app, editor):
    producer = edit_producer(django_app, editor)

    history = django_app.get(admin_url(Profession, "history", producer.pk), user=editor)

    versions = Version.objects.get_for_object(producer)
    assert versions.count() == 2
    assert "As it was before this change." in history.text
    assert "Changed Summary" in history.text
    assert "editor" in history.text


def test_comparing_two_versions_shows_fields_and_skill_links(django_app, editor):
    producer = Profession.objects.get(slug="producer")
    dropped = producer.profession_skills.filter(essential=True).order_by(
        "skill__kind", "skill__name"
    )[0]
    edit_producer(django_app, editor)
    history = django_app.get(admin_url(Profession, "history", producer.pk), user=editor)

    diff = history.forms[1].submit()

    assert "Summary" in diff.text
    assert "Edited summary." in diff.text
    assert producer.summary in diff.text
    assert f"Removed: {dropped}" in diff.text


def test_reverting_restores_the_profile_its_links_and_the_public_page(django_app, client, editor):
    producer = Profession.objects.get(slug="producer")
    links_before = set(producer.profession_skills.values_list("skill__slug", "essential"))
    titles_before = set(producer.job_titles.values_list("title", flat=True))
    edit_producer(django_app, editor)
    assert "Edited summary." in client.get("/professions/producer/").content.decode()
    baseline = Version.objects.get_for_object(producer).order_by("pk").first()

    revert_page = django_app.get(
        admin_url(Profession, "revision", producer.pk, baseline.pk), user=editor
    )
    revert_page.forms["profession_form"].submit("_save")

    producer.refresh_from_db()
    assert producer.summary != "Edited summary."
    assert set(producer.profession_skills.values_list("skill__slug", "essential")) == links_before
    assert set(producer.job_titles.values_list("title", flat=True)) == titles_before
    assert "Edited summary." not in client.get("/professions/producer/").content.decode()


def test_a_deleted_profession_comes_back_with_its_links_and_titles(django_app, editor):
    producer = Profession.objects.get(slug="producer")
    links = set(producer.profession_skills.values_list("skill__slug", "essential"))
    titles = set(producer.job_titles.values_list("title", flat=True))
    django_app.get(admin_url(Profession, "delete", producer.pk), user=editor).forms[1].submit()
    assert not Profession.objects.filter(slug="producer").exists()

    recover_list = django_app.get(admin_url(Profession, "recoverlist"), user=editor)
    recover_form = recover_list.click(href="recover/").forms["profession_form"]
    recover_form.submit("_save")

    producer = Profession.objects.get(slug="producer")
    assert set(producer.profession_skills.values_list("skill__slug", "essential")) == links
    assert set(producer.job_titles.values_list("title", flat=True)) == titles


def test_a_deleted_question_can_be_recovered(django_app, editor):
    question = Question.objects.get(code="R01")
    django_app.get(admin_url(Question, "delete", question.pk), user=editor).forms[1].submit()

    recover_list = django_app.get(admin_url(Question, "recoverlist"), user=editor)
    recover_list.click(href="recover/").forms["question_form"].submit("_save")

    assert Question.objects.get(code="R01").text == question.text


def test_list_edits_and_actions_are_recorded(django_app, editor):
    page = django_app.get(admin_url(Question, "changelist"), user=editor)
    form = page.forms["changelist-form"]
    first = Question.objects.get(pk=form["form-0-id"].value)
    form["form-0-position"] = "99"
    form.submit("_save")
    producer = Profession.objects.get(slug="producer")
    actions = django_app.get(admin_url(Profession, "changelist"), user=editor).forms[
        "changelist-form"
    ]
    for checkbox in actions.fields["_selected_action"]:
        checkbox.checked = checkbox._value == str(producer.pk)
    actions["action"] = "unpublish"
    actions.submit("index")

    positions = [
        v.field_dict["position"] for v in Version.objects.get_for_object(first).order_by("pk")
    ]
    published = [
        v.field_dict["published"] for v in Version.objects.get_for_object(producer).order_by("pk")
    ]
    assert positions == [first.position, 99]
    assert published == [True, False]


def test_skill_descriptions_edited_from_a_profile_are_recorded_on_the_skill(django_app, editor):
    producer = Profession.objects.get(slug="producer")
    form = django_app.get(admin_url(Profession, "change", producer.pk), user=editor).forms[
        "profession_form"
    ]
    skill = Skill.objects.get(pk=form["essential_items-0-skill"].value)
    form["essential_items-0-description"] = "A new description."
    form.submit("_save")

    versions = Version.objects.get_for_object(skill).order_by("pk")
    descriptions = [version.field_dict["description"] for version in versions]
    assert descriptions == [skill.description, "A new description."]


def test_results_are_not_versioned():
    assert not reversion.is_registered(Result)
