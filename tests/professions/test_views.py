"""Public pages: the home page and each profession's profile."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", verbosity=0)


def test_home_page_introduces_the_six_types_and_links_professions(client, shipped):
    page = client.get("/").content.decode()

    for name in (
        "Realistic",
        "Investigative",
        "Artistic",
        "Social",
        "Enterprising",
        "Conventional",
    ):
        assert name in page
    assert 'href="/professions/producer/"' in page
    assert 'href="/professions/product-manager/"' in page


def test_producer_page_shows_every_seed_fact(client, shipped):
    response = client.get("/professions/producer/")
    page = response.content.decode()

    assert response.status_code == 200
    assert "<h1" in page
    assert "Producer</h1>" in page
    assert "Enterprising / Artistic" in page
    assert "Essential knowledge" in page
    assert "Copyright legislation" in page
    assert "Legislation describing the protection of the rights of original authors" in page
    assert "Consult with the director, producer and clients" in page
    assert "Optional knowledge and skills" in page
    assert "Negotiate exploitation rights" in page
    assert "Associate producer, multi-platform content" in page
    assert "$62,193" in page
    for heading in ("Job duties", "Job requirements", "Work environment", "Sources"):
        assert heading in page


def test_product_manager_page_shows_salary_and_type(client, shipped):
    page = client.get("/professions/product-manager/").content.decode()

    assert "$98,439" in page
    assert "Enterprising / Conventional" in page


def test_profile_page_query_count_does_not_grow_with_skills(
    client, shipped, django_assert_max_num_queries
):
    # The content version, the profession, its skills and titles; the occupation it is tied
    # to, that occupation's related ones, and the related professions.
    with django_assert_max_num_queries(7):
        client.get("/professions/producer/")


def test_unknown_profession_is_a_404_in_the_site_style(client, db):
    response = client.get("/professions/astronaut-chef/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "CareerFit" in response.content.decode()


def test_unpublished_profession_is_hidden(client, make_profession):
    make_profession(slug="secret", published=False)

    assert client.get("/professions/secret/").status_code == 404
    assert "/professions/secret/" not in client.get("/").content.decode()


def test_profile_shows_job_zone_and_attribution(client, make_profession):
    make_profession(slug="pilot", job_zone=4, attribution="Contains information from O*NET.")

    page = client.get("/professions/pilot/").content.decode()

    assert "Job zone 4 · Considerable preparation needed" in page
    assert "Contains information from O*NET." in page


def test_an_editorial_page_with_its_own_description_links_no_substitute(client, shipped):
    page = client.get("/professions/product-manager/").content.decode()

    assert "What the job involves" in page
    assert "CareerFit has no description" not in page
    described = page[page.index('id="description"') :]
    assert "onetonline.org" not in described[: described.index("</section>")]
    # O*NET OnLine is linked among the sources only: the occupation the job zone comes from.
    sources = page[page.index('id="sources-heading"') :]
    assert 'href="https://www.onetonline.org/link/summary/11-2021.00"' in sources
