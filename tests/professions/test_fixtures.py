"""The shipped fixtures hold the seed facts and can be loaded again without changing anything."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Count

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


def onet_codes_with_interests() -> set[str]:
    interests = settings.BASE_DIR / "fixtures" / "onet" / "db_29_3_text" / "Interests.txt"
    rows = interests.read_text(encoding="utf-8").splitlines()[1:]
    return {row.split("\t")[0] for row in rows if row}


def test_seed_loads_the_fixtures_and_the_whole_onet_catalog():
    call_command("seed", verbosity=0)

    codes = set(Profession.objects.exclude(onet_code=None).values_list("onet_code", flat=True))
    assert codes == onet_codes_with_interests()
    assert len(codes) == 923
    assert Profession.objects.published().count() == 2 + 923
    # Facts from the shipped rows: the high points (as many letters as O*NET gives, levels
    # with their two decimals, ties kept), the job zone, and the education level with the
    # largest share in the RL rows (Registered Nurses: category 6 at 55.92 %).
    for code, name, zone, holland_code, tie_code, education in [
        ("27-2012.00", "Producers and Directors", 4, "AE", "AE", (6, 57)),
        ("29-1141.00", "Registered Nurses", 4, "SIC", "SIC", (6, 56)),
        ("21-1015.00", "Rehabilitation Counselors", 4, "S", "S", None),
        ("13-1021.00", "Buyers and Purchasing Agents, Farm Products", 4, "ECR", "[EC]R", None),
        ("29-1214.00", "Emergency Medicine Physicians", 5, "ISC", "IS[RC]", None),
        ("35-2014.00", "Cooks, Restaurant", 2, None, None, None),
    ]:
        occupation = Profession.objects.get(onet_code=code)
        assert (occupation.name, occupation.job_zone) == (name, zone)
        assert occupation.published
        assert holland_code in (None, occupation.holland_code)
        assert tie_code in (None, occupation.code_with_ties)
        assert education in (None, (occupation.education_level, occupation.education_percent))
    # Producers and Directors: OI A 6.15, E 5.78 on O*NET's 1-7 scale.
    directors = Profession.objects.get(onet_code="27-2012.00")
    assert (directors.artistic, directors.enterprising) == (Decimal("85.83"), Decimal("79.67"))


def test_the_seed_professions_stand_beside_the_occupations_they_look_at_closely():
    call_command("seed", verbosity=0)

    for slug, code in [("producer", "27-2012.00"), ("product-manager", "11-2021.00")]:
        editorial = Profession.objects.get(slug=slug)
        occupation = Profession.objects.get(onet_code=code)
        assert editorial.origin == Profession.Origin.EDITORIAL
        assert editorial.tied_onet_code == code
        assert editorial.job_zone == occupation.job_zone == 4
        notes = Profession.objects.published().tie_notes()
        assert notes[slug] == editorial.tie_note
        assert editorial.name in notes[occupation.slug]
        # Its related occupations: the one it is tied to, then that one's closest five.
        related = Profession.objects.published().related_to(editorial)
        assert related[0] == occupation
        assert [other.onet_code for other in related[1:]] == occupation.related_onet_codes
        assert Profession.objects.published().tied_to(occupation) == [editorial]


def test_onet_occupations_get_their_essential_knowledge_and_skills():
    call_command("seed", verbosity=0)

    directors = Profession.objects.get(onet_code="27-2012.00")
    groups = directors.skill_groups()
    # Knowledge.txt's IM rows of at least 3.0 for 27-2012.00: six areas.
    assert {skill.name for skill in groups.essential_knowledge} == {
        "Communications and Media",
        "English Language",
        "Telecommunications",
        "Computers and Electronics",
        "Administration and Management",
        "Customer and Personal Service",
    }
    assert 1 <= len(groups.essential_skills) <= 7
    assert all(skill.description for skill in groups.essential_skills)
    # O*NET's Sales and Marketing is the seed's "Marketing principles": one skill, both sources.
    marketing = Skill.objects.get(slug="marketing-principles")
    sources = set(marketing.professions.values_list("origin", flat=True))
    assert sources == {Profession.Origin.EDITORIAL, Profession.Origin.ONET}
    # At most seven of each kind, on every imported profile.
    per_kind = (
        ProfessionSkill.objects.filter(profession__origin=Profession.Origin.ONET)
        .values("profession", "skill__kind")
        .annotate(n=Count("pk"))
    )
    assert max(row["n"] for row in per_kind) == 7


def test_seed_leaves_edited_data_alone():
    call_command("seed", verbosity=0)
    count = Profession.objects.count()
    producer = Profession.objects.get(slug="producer")
    producer.summary = "Edited by an editor."
    producer.save()
    nurse = Profession.objects.get(onet_code="29-1141.00")
    nurse.summary = "Edited too."
    nurse.save()

    call_command("seed", verbosity=0)

    assert Profession.objects.get(slug="producer").summary == "Edited by an editor."
    assert Profession.objects.get(onet_code="29-1141.00").summary == "Edited too."
    assert Profession.objects.count() == count


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
