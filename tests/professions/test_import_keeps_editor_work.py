"""No re-import undoes an editor's work: tried on the catalog `seed` builds, with edits made in
the admin as an editor makes them, re-importing the shipped O*NET release and a changed one."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils.text import slugify

from professions.models import Profession, ProfessionSkill, Skill
from professions.onet.elements import ELEMENTS
from tests.admin_forms import add_row, change_form, saved

pytestmark = pytest.mark.django_db

RELEASE = settings.BASE_DIR / "fixtures" / "onet" / "db_29_3_text"
CHEFS = "35-1011.00"  # Chefs and Head Cooks


@pytest.fixture
def chefs(seeded_catalog, django_app):
    """Chefs and Head Cooks after an editor added a job title and a link to an O*NET skill it
    lacks, and wrote a summary, in the admin."""
    editor = User.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    profession = Profession.objects.get(onet_code=CHEFS)
    element_slugs = {element.same_as or slugify(element.name) for element in ELEMENTS.values()}
    skill = (
        Skill.objects.filter(slug__in=element_slugs)
        .exclude(profession_skills__profession=profession)
        .order_by("name")
        .first()
    )
    form = change_form(django_app, editor, profession)
    form["summary"] = "Runs a kitchen: plans menus, leads the cooks, keeps food safe."
    add_row(form, "job_titles", title="Kitchen lead")
    add_row(form, "optional_items", skill=str(skill.pk))
    saved(form.submit("_save"))
    return profession, skill


def reimport(directory: Path, *args: str) -> str:
    out = StringIO()
    call_command("import_onet", str(directory), "--release", "29.3 Database", *args, stdout=out)
    return out.getvalue()


def editors_work(profession: Profession, skill: Skill) -> tuple:
    profession.refresh_from_db()
    return (
        profession.summary,
        profession.job_titles.filter(title="Kitchen lead", origin="editorial").exists(),
        ProfessionSkill.objects.filter(profession=profession, skill=skill).exists(),
    )


def changed_release(tmp_path: Path) -> Path:
    """The shipped release with Chefs and Head Cooks' alternate titles and knowledge and
    skill ratings taken out."""
    folder = tmp_path / "db_29_3_text"
    shutil.copytree(RELEASE, folder)
    for name in ("Alternate Titles.txt", "Knowledge.txt", "Skills.txt"):
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text(
            "".join(line for line in lines if not line.startswith(CHEFS)), encoding="utf-8"
        )
    return folder


def test_the_editors_edits_are_stored_as_theirs(chefs):
    profession, skill = chefs

    assert editors_work(profession, skill) == (
        "Runs a kitchen: plans menus, leads the cooks, keeps food safe.",
        True,
        True,
    )
    assert ProfessionSkill.objects.get(profession=profession, skill=skill).origin == "editorial"
    assert profession.edited_fields == ["summary"]


def test_reimporting_the_same_release_twice_keeps_everything(chefs):
    profession, skill = chefs
    before = editors_work(profession, skill)

    first, second = reimport(RELEASE), reimport(RELEASE)

    assert editors_work(profession, skill) == before
    for output in (first, second):
        assert "Chefs and Head Cooks: job title “Kitchen lead” (added by an editor)" in output
        assert f"Chefs and Head Cooks: link to “{skill.name}” (added by an editor)" in output
        assert "Chefs and Head Cooks: summary (changed by an editor)" in output
        assert "Removed" not in output


def test_a_changed_release_removes_only_the_imports_rows_and_the_dry_run_says_so(chefs, tmp_path):
    profession, skill = chefs
    before = editors_work(profession, skill)
    imported_titles = set(
        profession.job_titles.filter(origin="onet").values_list("title", flat=True)
    )
    imported_links = set(
        profession.profession_skills.filter(origin="onet").values_list("skill__name", flat=True)
    )
    release = changed_release(tmp_path)

    dry = reimport(release, "--dry-run", "--verbosity", "2")
    assert editors_work(profession, skill) == before
    assert profession.job_titles.filter(origin="onet").count() == len(imported_titles)
    real = reimport(release, "--verbosity", "2")

    assert editors_work(profession, skill) == before
    assert not profession.job_titles.filter(origin="onet").exists()
    assert not profession.profession_skills.filter(origin="onet").exists()
    for title in imported_titles:
        assert f"Chefs and Head Cooks: job title “{title}”" in dry
        assert f"Chefs and Head Cooks: job title “{title}”" in real
    for name in imported_links:
        assert f"Chefs and Head Cooks: link to “{name}”" in dry
    assert "Would keep, as editors made them" in dry
    assert "Would remove, as the release no longer has them" in dry
    assert "Kitchen lead" in dry.split("Would remove")[0]
    assert "Kitchen lead" not in dry.split("Would remove")[1]

    again = reimport(RELEASE)  # the shipped release brings the import's rows back

    assert editors_work(profession, skill) == before
    assert set(profession.job_titles.filter(origin="onet").values_list("title", flat=True)) == (
        imported_titles
    )
    assert "Removed" not in again
