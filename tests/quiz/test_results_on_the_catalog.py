"""Results matched against the whole catalog `seed` builds (925 professions), built once for
the module; each test's writes roll back."""

import re

import pytest

from professions.models import Profession
from tests.quiz.test_results import make_result
from tests.taker import remember_result, shown_rows

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _catalog(seeded_catalog):
    """Every test here matches against the shipped catalog."""


def test_the_preparation_step_filters_the_matches_and_stays_in_the_link(client):
    result = make_result({"R": 5, "I": 4, "A": 1, "S": 2, "E": 2, "C": 3})
    remember_result(client, str(result.uuid))  # this browser's latest: the catalog's too
    url = result.get_absolute_url()

    everything = client.get(url)
    zone_four = client.get(url, {"zone": "4"})
    page = zone_four.content.decode()

    assert 'name="zone"' in everything.content.decode()
    shown = {row.match.profession.slug for row in shown_rows(zone_four)}
    assert shown != {row.match.profession.slug for row in shown_rows(everything)}
    zones = dict(Profession.objects.values_list("slug", "job_zone"))
    assert {zones[slug] for slug in shown} == {4}
    assert re.findall(r'name="zone" value="(\d)"[^>]* checked', page) == ["4"]
    assert "/professions/?sort=fit&amp;zone=4" in page  # the catalog, within the same zone
    assert "?zone=4&amp;all#matches" in page


def test_matches_come_from_the_whole_catalog_and_tied_jobs_say_how_they_differ(client):
    # Artistic and Enterprising: the producers' side of the hexagon.
    result = make_result({"R": 1, "I": 2, "A": 5, "S": 3, "E": 5, "C": 2})

    response = client.get(f"{result.get_absolute_url()}?all")
    page = response.content.decode()

    names = [row.match.profession.name for row in shown_rows(response)]
    assert len(names) == 925
    best = [row.match.profession.name for row in response.context["bands"][0].rows]
    assert response.context["bands"][0].band.name == "Best fit"
    assert {"Producer", "Producers and Directors"} <= set(best)
    notes = {row.match.profession.name: row.tie_note for row in shown_rows(response)}
    assert notes["Producer"].startswith("This profile covers producers only")
    assert "CareerFit’s Producer profile looks closely" in notes["Producers and Directors"]
    assert "CareerFit’s Producer profile looks closely" in page
