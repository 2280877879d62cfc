"""Every admin page saves real data, posted exactly as a browser posts it.

WebTest reads the form on the page the admin rendered (every field, inline management forms,
unchanged values) and submits it, as a person pressing Save would. Each test runs on the
catalog `seed` builds (925 professions), with the largest object of each model, such as the
skill 900 professions link to: a bug here once meant no editor could save a shipped
profession.
"""

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth.models import Group, User
from django.core import serializers
from django.db.models import Count
from django.urls import reverse

from professions.models import Comparison, JobTitle, Profession, ProfessionSkill, Skill
from quiz.models import Question, QuizLength, Result

pytestmark = pytest.mark.django_db

# The largest real form must fit this many times within the admin's field limit.
HEADROOM = 3
# The models whose rows the admin may change, and a field of each a test edits.
EDITED_FIELD = {
    Profession: "summary",
    Skill: "description",
    Comparison: "intro",
    Question: "text",
    User: "first_name",
    Group: "name",
}
# What the round trip must leave as it was.
SNAPSHOT_MODELS = [Profession, ProfessionSkill, JobTitle, Skill, Comparison, Question, Group]
# Changed by every save, whatever the form held.
STAMPS = {"updated", "last_login"}


def registered(predicate=lambda model_admin: True):
    return [
        pytest.param(model, id=model._meta.label_lower)
        for model, model_admin in admin.site._registry.items()
        if predicate(model_admin)
    ]


@pytest.fixture
def catalog(seeded_catalog):
    """The catalog `seed` builds, and a stored result that answered the quick form."""
    items = dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))
    Result.objects.score_and_create(
        length=QuizLength.QUICK, answers=dict.fromkeys(items, 3), scale_of=items
    )


@pytest.fixture
def editor():
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def superuser():
    return User.objects.create_superuser("root", password="x")


def largest(model):
    """The row whose change form is the biggest: the most inline rows, or the most choices."""
    if model is Profession:
        return Profession.objects.annotate(
            rows=Count("profession_skills", distinct=True) + Count("job_titles", distinct=True)
        ).latest("rows")
    if model is Skill:
        return Skill.objects.annotate(uses=Count("profession_skills")).latest("uses")
    if model is Group:
        return Group.objects.annotate(rights=Count("permissions")).latest("rights")
    return model._default_manager.order_by("pk").first()


def user_for(model, editor, superuser):
    """Editors edit content; only superusers edit users and groups."""
    may_edit = editor.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
    return editor if may_edit else superuser


def snapshot() -> dict:
    rows = {}
    for model in SNAPSHOT_MODELS:
        for row in serializers.serialize("python", model._default_manager.order_by("pk")):
            fields = {name: value for name, value in row["fields"].items() if name not in STAMPS}
            rows[(row["model"], row["pk"])] = fields
    return rows


def change_form(app, model, obj, user):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    page = app.get(url, user=user)
    form = page.forms[f"{model._meta.model_name}_form"]
    fields = len(form.submit_fields())
    assert fields * HEADROOM <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS, (
        f"{model.__name__} {obj}: {fields} fields leave less than {HEADROOM}x headroom"
    )
    return form


def errors_on(response) -> str:
    return " ".join(error.text for error in response.html.select(".errorlist, .errornote"))


@pytest.mark.parametrize("model", registered())
def test_every_admin_is_covered_or_read_only(rf, model, superuser):
    request = rf.get("/")
    request.user = superuser
    model_admin = admin.site._registry[model]
    shown = flatten_fieldsets(model_admin.get_fieldsets(request))
    editable = set(shown) - set(model_admin.get_readonly_fields(request))

    assert model in EDITED_FIELD or not (editable and model_admin.has_change_permission(request))


@pytest.mark.parametrize("model", EDITED_FIELD)
def test_saving_a_change_form_unchanged_changes_nothing(
    django_app, model, editor, superuser, catalog
):
    obj = largest(model)
    form = change_form(django_app, model, obj, user_for(model, editor, superuser))
    before = snapshot()

    response = form.submit("_save")

    assert response.status_code == 302, errors_on(response)
    assert snapshot() == before


@pytest.mark.parametrize("model", EDITED_FIELD)
def test_saving_a_change_form_with_one_field_changed_stores_it(
    django_app, model, editor, superuser, catalog
):
    obj = largest(model)
    name = EDITED_FIELD[model]
    form = change_form(django_app, model, obj, user_for(model, editor, superuser))
    edited = f"{form[name].value} (edited)".strip()  # Django strips what it stores
    new_value = edited[: model._meta.get_field(name).max_length or None]
    form[name] = new_value

    response = form.submit("_save")

    assert response.status_code == 302, errors_on(response)
    obj.refresh_from_db()
    assert getattr(obj, name) == new_value


@pytest.mark.parametrize("model", registered(lambda model_admin: bool(model_admin.list_editable)))
def test_changelists_with_editable_columns_save(django_app, model, editor, catalog):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    model_admin = admin.site._registry[model]
    page = django_app.get(url, user=editor)
    form = page.forms["changelist-form"]
    assert len(form.submit_fields()) * HEADROOM <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    before = snapshot()

    unchanged = form.submit("_save")

    assert unchanged.status_code == 302, errors_on(unchanged)
    assert snapshot() == before
    column = next(name for name in model_admin.list_editable if name == "position")
    first = page.forms["changelist-form"]
    first[f"form-0-{column}"] = "999"
    first.submit("_save")
    first_id = int(first["form-0-id"].value)
    assert getattr(model.objects.get(pk=first_id), column) == 999


def test_changelist_of_questions_posts_one_page_of_rows(django_app, editor, catalog):
    """The question list shows its whole bank on one page: 60 rows of editable columns."""
    page = django_app.get(reverse("admin:quiz_question_changelist"), user=editor)

    rows = page.forms["changelist-form"]["form-TOTAL_FORMS"].value

    assert int(rows) == Question.objects.count()


def test_merging_two_shipped_skills_in_the_admin(django_app, editor, catalog):
    keep = Skill.objects.get(slug="project-management")
    duplicate = Skill.objects.get(slug="project-management-principles")
    users = set(
        ProfessionSkill.objects.filter(skill__in=[keep, duplicate]).values_list(
            "profession__slug", flat=True
        )
    )
    page = django_app.get(
        reverse("admin:professions_skill_changelist"), {"q": "project management"}, user=editor
    )
    form = page.forms["changelist-form"]
    for checkbox in form.fields["_selected_action"]:
        checkbox.checked = checkbox._value in {str(keep.pk), str(duplicate.pk)}
    form["action"] = "merge"

    confirm = form.submit("index")
    confirm.forms[1]["keep"] = str(keep.pk)
    done = confirm.forms[1].submit().follow()

    assert "Merged 1 skill(s)" in done.text
    assert not Skill.objects.filter(pk=duplicate.pk).exists()
    linked = set(
        ProfessionSkill.objects.filter(skill=keep).values_list("profession__slug", flat=True)
    )
    assert linked == users


def deletable(model):
    """The largest row, or for questions one no stored result answered: the admin keeps an
    answered item (tests/quiz/test_admin.py)."""
    if model is Question:
        answered = set().union(*Result.objects.values_list("answers", flat=True))
        return Question.objects.exclude(code__in=answered).order_by("pk").first()
    return largest(model)


@pytest.mark.parametrize("model", [Profession, Skill, Comparison, Question])
def test_deleting_through_the_confirmation_page(django_app, model, editor, catalog):
    obj = deletable(model)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_delete", args=[obj.pk])

    confirm = django_app.get(url, user=editor)
    response = confirm.forms[1].submit()

    assert response.status_code == 302
    assert not model.objects.filter(pk=obj.pk).exists()
