"""The catalog `seed` builds, as it comes out: the O*NET occupations with their facts and
knowledge, the editorial profiles beside them, and their pages. Built once for the module
(`seeded_catalog`); each test's writes roll back."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Count

from professions.models import Profession, ProfessionSkill, Skill
from tests.professions.test_page_layout import between, page_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _catalog(seeded_catalog):
    """Every test here reads the shipped catalog."""


def onet_codes_with_interests() -> set[str]:
    interests = settings.BASE_DIR / "fixtures" / "onet" / "db_29_3_text" / "Interests.txt"
    rows = interests.read_text(encoding="utf-8").splitlines()[1:]
    return {row.split("\t")[0] for row in rows if row}


def test_seed_loads_the_fixtures_and_the_whole_onet_catalog():
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


def test_seed_again_leaves_edited_data_alone():
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


def test_an_onet_occupation_names_its_release_licence_and_own_page(client):
    page = page_of(client, "/professions/producers-and-directors/")
    sources = between(page, 'id="sources-heading"', "</section>")

    assert "O*NET 29.3 Database</a>" in sources
    assert "this occupation, 27-2012.00" in sources
    assert "used under the CC BY 4.0 license" in sources  # the licence notice, verbatim
    assert "Where each fact comes from" not in sources  # no editor's provenance to fold


def test_an_onet_occupation_page_explains_its_code_profile_and_preparation(client):
    page = client.get("/professions/registered-nurses/").content.decode()

    assert "Interests: SIC" in page
    # The three letters in order, each with what it means, and all six levels in a table.
    social, investigative, conventional = (
        page.index(f"</span> {name}</dt>") for name in ("Social", "Investigative", "Conventional")
    )
    assert social < investigative < conventional
    assert "Helping, teaching, caring for" in page
    assert page.count('<th scope="row">') >= 6
    assert "Job zone 4" in page
    assert "bachelor&#x27;s degree" in page
    assert "<dt>Most common education</dt>" in page
    assert "<dd><strong>Bachelor&#x27;s degree</strong>, for 56 % of the people in the job" in page
    assert "https://www.onetonline.org/link/summary/29-1141.00" in page
    assert "CareerFit has no description of this occupation" in page
    related = page[page.index("Related occupations") :]
    # O*NET's closest five, in its order: Nurse Practitioners second, after a specialty.
    assert related.index("Nurse Practitioners") < related.index("Acute Care Nurses")
    assert 'href="/professions/nurse-practitioners/"' in related
