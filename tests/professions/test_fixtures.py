"""The shipped fixtures hold the seed facts and can be loaded again without changing anything."""

import pytest
from django.core.management import call_command

from professions.models import JobTitle, Profession, ProfessionSkill, Skill

pytestmark = pytest.mark.django_db

PRODUCER_JOB_TITLES = {
    "Creative coordinator",
    "Technical lead, experience studios",
    "Production lead, scripted (originals), youtube",
    "Producer / project manager (video production)",
    "Associate producer, video production",
    "Creative producer - the studio",
    "Producer, branded & original content",
    "Video producer",
    "Associate producer, multi-platform content",
}


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", verbosity=0)


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every professions table, to compare before and after a reload."""
    return {
        model.__name__: sorted(model.objects.values_list(), key=repr)
        for model in (Profession, Skill, ProfessionSkill, JobTitle)
    }


def test_producer_has_the_seed_profile(shipped):
    producer = Profession.objects.with_details().get(slug="producer")
    groups = producer.skill_groups()

    assert [s.name for s in groups.essential_knowledge] == [
        "Copyright legislation",
        "Marketing principles",
        "Project management",
    ]
    assert len(groups.essential_skills) == 7
    assert len(groups.optional) == 43
    assert {t.title for t in producer.job_titles.all()} == PRODUCER_JOB_TITLES
    assert producer.annual_salary == 62193
    assert producer.salary_statistic == Profession.SalaryStatistic.AVERAGE
    assert producer.holland_code == "EA"


@pytest.mark.parametrize(
    ("skill", "description_start"),
    [
        ("Copyright legislation", "Legislation describing the protection of the rights"),
        ("Manage budgets", "Conduct cost estimates and budget planning."),
        ("Analyse a script", "Break down a script by analysing the dramaturgy"),
    ],
)
def test_essential_items_keep_the_seed_descriptions(shipped, skill, description_start):
    assert Skill.objects.get(name=skill).description.startswith(description_start)


@pytest.mark.parametrize(
    "optional_item",
    [
        "Types of audiovisual formats",
        "Carry out interviews to select artistic team members",
        "Work with video and motion picture production team",
        "Attend read-through",
    ],
)
def test_run_together_optional_items_are_split_into_separate_skills(shipped, optional_item):
    link = ProfessionSkill.objects.get(profession__slug="producer", skill__name=optional_item)

    assert not link.essential


def test_product_manager_profile_and_salary(shipped):
    manager = Profession.objects.get(slug="product-manager")

    assert manager.annual_salary == 98439
    assert manager.holland_code[:2] == "EC"
    assert manager.job_titles.count() >= 6
    assert "article" in manager.sources


@pytest.mark.parametrize("shared", ["Project management", "Marketing principles"])
def test_skills_both_roles_need_are_one_shared_skill(shipped, shared):
    skill = Skill.objects.get(name=shared)

    assert set(skill.professions.values_list("slug", flat=True)) == {"producer", "product-manager"}


def test_loading_the_fixtures_twice_changes_nothing(shipped):
    before = snapshot()

    call_command("loaddata", "professions", verbosity=0)

    assert snapshot() == before
    assert Profession.objects.count() == 2


def test_every_essential_item_has_a_description(shipped):
    essential = ProfessionSkill.objects.filter(essential=True).values_list(
        "profession__slug", "skill__slug", "skill__description"
    )
    undescribed = sorted(
        f"{profession}: {skill}"
        for profession, skill, description in essential
        if not description.strip()
    )

    assert essential.exists()
    assert not undescribed, f"Essential items without a description: {', '.join(undescribed)}"
