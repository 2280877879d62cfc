"""Nothing an editor does is irreversible, and the history says only what happened: one version
for each save that changed something, with its user and what changed; a comparison that marks
the changed words; reverts that restore a profile with its links, titles and skill texts.

Every test runs on the catalog `seed` builds, on an editorial profile and an imported
occupation: the history once broke on imported occupations only.
"""

import pytest
import reversion
from django.contrib.auth.models import Group, User
from reversion.models import Version

from professions.models import Profession, Skill
from quiz.models import Question, Result
from tests.admin_forms import add_row, admin_url, change_form, saved

pytestmark = pytest.mark.django_db

# An editorial profile from the fixtures, an O*NET occupation from the import.
EDITORIAL, IMPORTED = "producer", "chefs-and-head-cooks"
BOTH_KINDS = pytest.mark.parametrize("slug", [EDITORIAL, IMPORTED])


@pytest.fixture
def editor(seeded_catalog):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def versions(obj) -> int:
    return Version.objects.get_for_object(obj).count()


@BOTH_KINDS
def test_the_shipped_state_is_the_first_version(slug, django_app, editor):
    profession = Profession.objects.get(slug=slug)

    history = django_app.get(admin_url(Profession, "history", profession.pk), user=editor)

    assert versions(profession) == 1
    loaded = "Loaded from the fixtures" if slug == EDITORIAL else "Imported from O*NET 29.3"
    assert loaded in history.text


@BOTH_KINDS
def test_each_save_that_changes_something_adds_one_version_with_its_user_and_change(
    slug, django_app, editor
):
    profession = Profession.objects.get(slug=slug)

    for edit in range(3):
        form = change_form(django_app, editor, profession)
        form["summary"] = f"Summary, edit {edit}."
        saved(form.submit("_save"))

    assert versions(profession) == 1 + 3
    history = django_app.get(admin_url(Profession, "history", profession.pk), user=editor)
    rows = history.html.select("#change-history tbody tr")
    assert len(rows) == 4
    assert [row.select("td")[2].text for row in rows[:3]] == ["editor"] * 3
    assert all("Changed Summary" in row.text for row in rows[:3])


@BOTH_KINDS
def test_failed_and_unchanged_saves_add_nothing(slug, django_app, editor):
    profession = Profession.objects.get(slug=slug)

    unchanged = change_form(django_app, editor, profession).submit("_save")
    failing = change_form(django_app, editor, profession)
    failing["holland_code"] = "CIR"  # contradicts the profile
    failed = failing.submit("_save")
    empty_name = change_form(django_app, editor, profession)
    empty_name["name"] = ""
    refused = empty_name.submit("_save")

    saved(unchanged)
    assert failed.status_code == refused.status_code == 200
    assert "does not agree" in failed.text or "higher than" in failed.text
    assert versions(profession) == 1


@BOTH_KINDS
def test_comparing_two_versions_marks_the_words_that_changed(slug, django_app, editor):
    profession = Profession.objects.get(slug=slug)
    form = change_form(django_app, editor, profession)
    skill = Skill.objects.get(pk=form["essential_items-0-skill"].value)
    form["summary"] = "Plans and runs the work of a busy team."
    form["essential_items-0-description"] = f"{skill.description} Rewritten."
    saved(form.submit("_save"))
    form = change_form(django_app, editor, profession)
    form["summary"] = "Plans and leads the work of a busy team."
    saved(form.submit("_save"))
    history = django_app.get(admin_url(Profession, "history", profession.pk), user=editor)

    newest_two = history.forms[1].submit()  # the form starts on the latest two versions
    history.forms[1]["older"] = history.html.select("input[name=older]")[-1]["value"]
    first_to_last = history.forms[1].submit()

    assert "<del>runs</del>" in newest_two.text
    assert "<ins>leads</ins>" in newest_two.text
    assert skill.name not in newest_two.text  # unchanged between these two
    assert f"Skill: {skill.name}" in first_to_last.text
    assert "<ins>Rewritten.</ins>" in first_to_last.text


@BOTH_KINDS
def test_reverting_restores_the_profile_its_links_titles_and_skill_texts_on_the_public_page(
    slug, django_app, client, editor
):
    profession = Profession.objects.get(slug=slug)
    links_before = set(profession.profession_skills.values_list("skill__slug", "essential"))
    titles_before = set(profession.job_titles.values_list("title", flat=True))
    form = change_form(django_app, editor, profession)
    skill = Skill.objects.get(pk=form["essential_items-0-skill"].value)
    old_text = skill.description
    form["summary"] = "Edited summary."
    form["essential_items-0-description"] = "A description typed by an editor."
    form["essential_items-1-DELETE"] = True
    add_row(form, "job_titles", title="Kitchen lead")
    saved(form.submit("_save"))
    page = client.get(profession.get_absolute_url()).content.decode()
    assert "A description typed by an editor." in page
    assert "Kitchen lead" in page or profession.job_titles.filter(title="Kitchen lead").exists()
    first = Version.objects.get_for_object(profession).order_by("pk").first()

    revert = django_app.get(admin_url(Profession, "revision", profession.pk, first.pk), user=editor)
    saved(revert.forms["profession_form"].submit("_save"))

    profession.refresh_from_db()
    assert profession.summary != "Edited summary."
    assert set(profession.profession_skills.values_list("skill__slug", "essential")) == links_before
    assert set(profession.job_titles.values_list("title", flat=True)) == titles_before
    page = client.get(profession.get_absolute_url()).content.decode()
    assert "Edited summary." not in page
    assert "A description typed by an editor." not in page
    assert old_text in page
    assert Skill.objects.get(pk=skill.pk).description == old_text
    assert versions(profession) == 3  # shipped, edited, reverted
    assert (
        "Reverted to previous version"
        in Version.objects.get_for_object(profession).first().revision.get_comment()
    )


def test_a_skills_history_lists_only_the_saves_that_changed_it(django_app, editor):
    producer = Profession.objects.get(slug=EDITORIAL)
    form = change_form(django_app, editor, producer)
    skill = Skill.objects.get(pk=form["essential_items-0-skill"].value)
    form["summary"] = "Only the summary changes."
    saved(form.submit("_save"))
    form = change_form(django_app, editor, producer)
    form["essential_items-0-description"] = "A new description."
    saved(form.submit("_save"))

    history = django_app.get(admin_url(Skill, "history", skill.pk), user=editor)

    rows = history.html.select("#change-history tbody tr")
    assert len(rows) == 2  # as loaded, and the description's change
    assert "Changed description" in rows[0].text


def test_a_deleted_profession_comes_back_with_its_links_and_titles(django_app, editor):
    profession = Profession.objects.get(slug=IMPORTED)
    links = set(profession.profession_skills.values_list("skill__slug", "essential"))
    titles = set(profession.job_titles.values_list("title", flat=True))
    django_app.get(admin_url(Profession, "delete", profession.pk), user=editor).forms[1].submit()
    assert not Profession.objects.filter(slug=IMPORTED).exists()

    recover_list = django_app.get(admin_url(Profession, "recoverlist"), user=editor)
    recover_form = recover_list.click(href="recover/").forms["profession_form"]
    saved(recover_form.submit("_save"))

    profession = Profession.objects.get(slug=IMPORTED)
    assert set(profession.profession_skills.values_list("skill__slug", "essential")) == links
    assert set(profession.job_titles.values_list("title", flat=True)) == titles


def test_a_deleted_question_can_be_recovered(django_app, editor):
    question = Question.objects.get(code="R01")
    django_app.get(admin_url(Question, "delete", question.pk), user=editor).forms[1].submit()

    recover_list = django_app.get(admin_url(Question, "recoverlist"), user=editor)
    recover_list.click(href="recover/").forms["question_form"].submit("_save")

    assert Question.objects.get(code="R01").text == question.text


def test_list_edits_and_actions_each_add_one_version_saying_what_changed(django_app, editor):
    page = django_app.get(admin_url(Question, "changelist"), user=editor)
    form = page.forms["changelist-form"]
    first = Question.objects.get(pk=form["form-0-id"].value)
    form["form-0-position"] = "99"
    form.submit("_save")
    profession = Profession.objects.get(slug=IMPORTED)
    actions = django_app.get(
        admin_url(Profession, "changelist"), {"q": profession.name}, user=editor
    ).forms["changelist-form"]
    for checkbox in actions.fields["_selected_action"]:
        checkbox.checked = checkbox._value == str(profession.pk)
    actions["action"] = "unpublish"
    actions.submit("index")

    positions = [
        v.field_dict["position"] for v in Version.objects.get_for_object(first).order_by("pk")
    ]
    published = Version.objects.get_for_object(profession).order_by("pk")
    assert positions == [first.position, 99]
    assert [v.field_dict["published"] for v in published] == [True, False]
    assert published.last().revision.get_comment() == "Unpublished."
    assert published.last().revision.user.username == "editor"


def test_results_are_not_versioned():
    assert not reversion.is_registered(Result)
