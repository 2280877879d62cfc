"""Comparing two professions: computed rows, curated notes, canonical addresses, bad input."""

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from professions.compare import salary_gap, split_skills
from professions.models import Comparison, Profession, Skill

pytestmark = pytest.mark.django_db

URL = "/professions/compare/producer/product-manager/"


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", verbosity=0)


def test_shipped_pair_splits_essential_items_into_shared_and_distinct(client, shipped):
    context = client.get(URL).context

    knowledge, skills = context["knowledge"], context["skills"]
    assert [s.name for s in knowledge.shared] == ["Marketing principles", "Project management"]
    assert [s.name for s in knowledge.only_a] == ["Copyright legislation"]
    assert "Market research" in [s.name for s in knowledge.only_b]
    assert [s.name for s in skills.shared] == ["Apply strategic thinking"]
    assert "Manage budgets" in [s.name for s in skills.only_a]
    assert "Negotiate contracts" in [s.name for s in skills.only_b]


def test_salary_difference_in_money_and_percent(client, shipped):
    page = client.get(URL).content.decode()

    # 98,439 - 62,193 = 36,246; 36,246 / 62,193 = 58.3 %.
    assert "The product manager’s salary is $36,246 a year higher than the producer’s" in page
    assert "about 58% more" in page


def test_page_shows_every_topic_both_profiles_and_the_curated_notes(client, shipped):
    page = client.get(URL).content.decode()

    # The long texts and the skills have sections; the short facts are rows of one table.
    for heading in (
        "At a glance",
        "What each job is",
        "Job duties",
        "Job requirements",
        "Work environment",
        "Essential knowledge and skills",
    ):
        assert f">{heading}</h2>" in page
    for fact in ("Holland code", "Salary", "Preparation", "Common job titles"):
        assert f'<th scope="row">{fact}</th>' in page
    assert '<th scope="col" class="side-a">Producer</th>' in page
    assert '<th scope="col" class="side-b">Product manager</th>' in page
    assert 'class="hexagon-profile hexagon-profile-1"' in page
    assert 'class="hexagon-profile hexagon-profile-2"' in page
    assert "Video producer" in page
    assert "Product owner" in page
    notes = Comparison.objects.get()
    assert notes.skills_note.split("\n")[0][:60] in page
    assert "communicate" in notes.skills_note


def test_reversed_address_redirects_to_the_canonical_one(client, shipped):
    response = client.get("/professions/compare/product-manager/producer/")

    assert response.status_code == 301
    assert response["Location"] == URL


def test_pairs_without_notes_still_get_the_computed_comparison(client, shipped, make_profession):
    make_profession(slug="pilot", annual_salary=90000)

    response = client.get("/professions/compare/pilot/producer/")

    assert response.status_code == 200
    assert response.context["notes"] is None
    assert "$27,807 a year higher" in response.content.decode()  # 90,000 - 62,193


def test_the_same_profession_twice_is_refused_with_a_message(client, shipped):
    response = client.get("/professions/compare/producer/producer/", follow=True)

    assert response.redirect_chain[-1][0] == "/professions/compare/"
    assert "Choose two different professions" in response.content.decode()


@pytest.mark.parametrize("other", ["astronaut", "hidden"])
def test_unknown_or_unpublished_professions_are_a_404(client, shipped, make_profession, other):
    make_profession(slug="hidden", published=False)

    assert client.get(f"/professions/compare/{other}/producer/").status_code == 404


def test_picker_redirects_a_valid_choice_and_explains_an_invalid_one(client, shipped):
    valid = client.get("/professions/compare/", {"a": "product-manager", "b": "producer"})
    same = client.get("/professions/compare/", {"a": "producer", "b": "producer"})
    unknown = client.get("/professions/compare/", {"a": "producer", "b": "nobody"})

    assert valid["Location"] == URL
    assert "Choose two different professions" in same.content.decode()
    assert "Select a valid choice" in unknown.content.decode()


def test_profile_results_and_catalog_link_to_comparisons(client, shipped):
    profile = client.get("/professions/producer/").content.decode()
    catalog = client.get("/professions/").content.decode()

    assert 'href="/professions/compare/?a=producer"' in profile
    assert 'href="/professions/compare/"' in catalog
    picker = client.get("/professions/compare/", {"a": "producer"}).content.decode()
    assert '<option value="producer" selected>' in picker
    assert "This field is required" not in picker


def test_compare_page_queries_are_fixed(client, shipped, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(URL)


def test_a_pair_can_have_only_one_comparison_in_either_order(shipped):
    producer, manager = Profession.objects.order_by("slug")

    with pytest.raises(IntegrityError), transaction.atomic():
        Comparison.objects.create(profession_a=manager, profession_b=producer, intro="Again")
    with pytest.raises(IntegrityError), transaction.atomic():
        Comparison.objects.create(profession_a=producer, profession_b=producer, intro="Self")


def test_split_skills_and_salary_gap_by_hand(make_profession):
    def skill(slug):
        return Skill(slug=slug, name=slug.capitalize())

    split = split_skills([skill("b"), skill("a"), skill("c")], [skill("c"), skill("d")])
    cheap = make_profession(slug="cheap", annual_salary=40000)
    dear = make_profession(slug="dear", annual_salary=50000)
    euro = make_profession(slug="euro", annual_salary=50000, salary_currency="EUR")

    assert ([s.slug for s in split.shared], [s.slug for s in split.only_a]) == (["c"], ["a", "b"])
    assert [s.slug for s in split.only_b] == ["d"]
    gap = salary_gap(cheap, dear)
    assert (gap.higher, gap.amount, gap.percent) == (dear, 10000, 25.0)  # 10,000 / 40,000
    assert salary_gap(cheap, euro) is None
