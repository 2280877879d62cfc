"""What search engines and link previews see: titles, descriptions, Open Graph, sitemap, robots."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", verbosity=0)


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/professions/producer/", "Producer"),
        ("/professions/", "Professions · CareerFit"),
        ("/professions/compare/producer/product-manager/", "Producer vs. Product manager"),
    ],
)
def test_pages_have_a_title_description_and_open_graph_tags(client, shipped, url, title):
    page = client.get(url).content.decode()

    assert f"<title>{title.split(' · ')[0]}" in page
    assert '<meta name="description" content="' in page
    assert f'<meta property="og:title" content="{title}">' in page
    assert '<meta property="og:description" content="' in page
    assert f'<meta property="og:url" content="http://testserver{url}">' in page


def test_sitemap_lists_published_professions_only(client, shipped, make_profession):
    make_profession(slug="hidden", published=False)

    sitemap = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/professions/producer/</loc>" in sitemap
    assert "<loc>http://testserver/professions/product-manager/</loc>" in sitemap
    assert "<loc>http://testserver/quiz/</loc>" in sitemap
    assert "hidden" not in sitemap


def test_robots_txt_points_to_the_sitemap_and_keeps_results_private(client):
    response = client.get("/robots.txt")
    text = response.content.decode()

    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /results/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
