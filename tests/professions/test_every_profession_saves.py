"""Every profession the shipped catalog holds saves in the admin, as an editor saves it.

Twice a release shipped in which editors could save none of the shipped professions, with
every test green: the tests saved objects they had built themselves. These drive the admin's
own change form with WebTest, as a user of the Editors group, posting what a browser would
post from the page the admin rendered, over each of the 925
professions `seed` builds (2 editorial profiles and 923 O*NET occupations): saved unchanged,
then after a typical edit (the summary, a job title added, unpublished). The catalog is cut
into shards so that parallel workers share it.
"""

import pytest
from django.contrib.auth.models import Group, User
from django.template.base import Template
from django.test.utils import _TestState
from reversion.models import Version

from professions.models import Profession
from tests.admin_forms import admin_url, submitted_values

pytestmark = pytest.mark.django_db

SHARDS = 8
ADDED_TITLE = "A title an editor added"


@pytest.fixture(scope="module")
def catalog(seeded_catalog, django_db_blocker) -> list[int]:
    with django_db_blocker.unblock():
        return list(Profession.objects.order_by("pk").values_list("pk", flat=True))


@pytest.fixture
def editor():
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_the_catalog_is_the_shipped_one(catalog):
    origins = list(Profession.objects.values_list("origin", flat=True))
    assert len(catalog) == 925
    assert (origins.count("editorial"), origins.count("onet")) == (2, 923)
    assert Profession.objects.filter(description="").count() == 923  # no O*NET prose shipped


@pytest.fixture
def uninstrumented_templates(monkeypatch):
    """Templates rendered as in production: the test runner's instrumentation records every
    template and a copy of its context on every render, a third of the time of an admin
    page, for `response.context`, which these tests do not read."""
    monkeypatch.setattr(Template, "_render", _TestState.saved_data.template_render)


def typical_edit(values: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The form's values after an editor's typical edit: the summary extended, unpublished,
    a job title added."""
    rows = int(dict(values)["job_titles-TOTAL_FORMS"])
    edited = []
    for name, value in values:
        if name == "summary":
            value = f"{value} Edited.".strip()
        elif name == "job_titles-TOTAL_FORMS":
            value = str(rows + 1)
        elif name == "published":
            continue  # unticked: a browser sends nothing
        edited.append((name, value))
    return [*edited, (f"job_titles-{rows}-title", ADDED_TITLE)]


def save_problems(app, editor, profession: Profession) -> str:
    """What went wrong saving `profession` unchanged and then edited; "" if nothing did."""
    versions = Version.objects.get_for_object(profession).count()
    url = admin_url(Profession, "change", profession.pk)
    values = submitted_values(app.get(url, user=editor), "profession_form")
    for step, posted in (("unchanged", values), ("edited", typical_edit(values))):
        response = app.post(url, [*posted, ("_save", "Save")], user=editor, expect_errors=True)
        if response.status_code != 302:
            errors = response.html.select(".errorlist li, .errornote")
            return f"saved {step}: {response.status_code} {[e.text for e in errors]}"
    profession.refresh_from_db()
    if not profession.summary.endswith("Edited.") or profession.published:
        return "the edit was not stored"
    if not profession.job_titles.filter(title=ADDED_TITLE, origin="editorial").exists():
        return "the job title was not added"
    if Version.objects.get_for_object(profession).count() != versions + 1:
        return "not exactly one new version"
    return ""


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_profession_saves_unchanged_and_after_a_typical_edit(
    shard, catalog, django_app, editor, uninstrumented_templates
):
    problems = {}
    for profession in Profession.objects.filter(pk__in=catalog[shard::SHARDS]):
        if problem := save_problems(django_app, editor, profession):
            problems[profession.slug] = problem

    assert problems == {}


def test_an_occupation_without_a_description_says_so_to_editors_and_readers(
    catalog, django_app, editor, client
):
    profession = Profession.objects.get(slug="chefs-and-head-cooks")
    changelist = admin_url(Profession, "changelist")

    change_page = django_app.get(admin_url(Profession, "change", profession.pk), user=editor)
    to_write = django_app.get(changelist, {"description": "missing"}, user=editor)
    written = django_app.get(changelist, {"description": "written"}, user=editor)
    public = client.get(profession.get_absolute_url()).content.decode()

    assert "No description yet." in change_page.html.text
    assert "An O*NET import never overwrites what you write here." in change_page.html.text
    assert to_write.context["cl"].result_count == 923
    assert written.context["cl"].result_count == 2
    assert "CareerFit has no description of this occupation of its own yet." in public
    assert "https://www.onetonline.org/link/summary/35-1011.00" in public


@pytest.mark.parametrize("slug", ["producer", "product-manager", "chefs-and-head-cooks", "actors"])
def test_the_sweep_posts_what_webtest_would_post(catalog, django_app, editor, slug):
    """The sweep reads the form with lxml for speed; it must post exactly what WebTest's own
    form, a browser's, would."""
    page = django_app.get(
        admin_url(Profession, "change", Profession.objects.get(slug=slug).pk), user=editor
    )

    assert sorted(submitted_values(page, "profession_form")) == sorted(
        page.forms["profession_form"].submit_fields()
    )
