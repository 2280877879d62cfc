"""What a reader notices on the profile and comparison pages: each fact once, the picker's
placeholders, optional items as one A-Z list, essentials with their descriptions, named sources."""

import html
import re

import pytest
from django.core.management import call_command

from professions.models import Comparison, Profession

pytestmark = pytest.mark.django_db

PRODUCER = "/professions/producer/"
COMPARE = "/professions/compare/producer/product-manager/"


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", verbosity=0)


def page_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def between(page: str, start: str, end: str) -> str:
    """The part of `page` from `start` up to the next `end`."""
    rest = page[page.index(start) :]
    return rest[: rest.index(end)]


def list_items(fragment: str) -> list[str]:
    return [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", fragment)]


# --- The comparison ---------------------------------------------------------------------


def test_each_salary_figure_and_the_gap_are_stated_once(client, shipped):
    page = page_of(client, COMPARE)

    assert page.count("$62,193") == 1
    assert page.count("$98,439") == 1
    assert page.count("a year higher than") == 1
    # The salary note's paragraph that retells the figures is left out; the rest is shown.
    assert "On average, producers earn" not in page
    assert "what you actually earn depends on the industry" in page
    # Same statistic, same source: said once for both, not in each column.
    assert page.count("Producer vs. Product Manager: What Are the Differences?") == 1


def test_an_editors_note_stands_in_for_the_two_texts_it_retells(client, shipped):
    page = page_of(client, COMPARE)
    notes = Comparison.objects.get()
    producer = Profession.objects.get(slug="producer")

    duties = between(page, 'id="duties-heading"', "</section>")
    assert notes.duties_note.split("\n")[0][:50] in html.unescape(duties)
    assert producer.duties[:50] not in html.unescape(page)
    assert producer.summary[:50] not in html.unescape(page)
    for heading in ("What each job is", "Job duties", "Job requirements", "Work environment"):
        assert page.count(f">{heading}</h2>") == 1


def test_without_a_note_the_two_texts_stand_side_by_side(client, shipped, make_profession):
    make_profession(slug="pilot", duties="Pilots fly aircraft.", annual_salary=90000)

    page = page_of(client, "/professions/compare/pilot/producer/")
    duties = between(page, 'id="duties-heading"', "</section>")

    assert "Pilots fly aircraft." in duties
    assert "A producer is in charge of a production" in duties
    assert "<h3>Pilot</h3>" in duties
    assert "<h3>Producer</h3>" in duties
    # Neither profile describes a work environment and no note covers it: no empty section.
    make_profession(slug="quiet", description="", duties="", requirements="")
    quiet = page_of(client, "/professions/compare/pilot/quiet/")
    assert "Work environment</h2>" not in quiet
    assert "Job requirements</h2>" not in quiet


def test_the_short_facts_are_one_table_with_a_column_per_profession(client, shipped):
    page = page_of(client, COMPARE)

    assert page.count("<table") == 1
    table = between(page, "<table", "</table>")
    assert "<caption>" in table
    assert '<th scope="col" class="side-a">Producer</th>' in table
    assert '<th scope="col" class="side-b">Product manager</th>' in table
    for fact in ("Holland code", "Salary", "Preparation", "Most common education"):
        assert f'<th scope="row">{fact}</th>' in table
    # Both need job zone 4: said once, across both columns.
    assert table.count("Considerable preparation needed") == 1
    assert "Both: job zone 4" in table
    assert page.count("<svg") == 1  # the hexagon, once, with both profiles
    assert 'style="' not in page  # strict CSP: no inline styles


def test_the_picker_shows_placeholders_and_still_validates(client, shipped):
    page = page_of(client, "/professions/compare/")
    half = client.get("/professions/compare/", {"a": "producer", "b": ""}).content.decode()

    assert page.count('<option value="" selected>Choose a profession</option>') == 2
    assert "---------" not in page
    assert "This field is required" in half


# --- The profile ------------------------------------------------------------------------


def test_optional_items_are_one_list_sorted_a_to_z(client, shipped):
    page = page_of(client, PRODUCER)
    optional = between(page, 'id="optional-heading"', "</section>")

    assert optional.count("<ul") == 1
    names = list_items(optional)
    assert len(names) == 43
    assert names == sorted(names, key=str.casefold)
    # Knowledge and skills interleave in one run, not two A-Z runs.
    assert names.index("Accounting techniques") < names.index("Attend read-through")
    assert names.index("Attend read-through") < names.index("Audiovisual equipment")
    assert "tag-list" not in page
    assert '<details class="optional-details">' in optional  # long: folded behind its count


def test_essential_items_are_shown_with_their_descriptions(client, shipped):
    page = html.unescape(page_of(client, PRODUCER))
    producer = Profession.objects.with_details().get(slug="producer")
    groups = producer.skill_groups()

    for skill in groups.essential_knowledge + groups.essential_skills:
        assert re.search(
            rf"<dt>{re.escape(skill.name)}</dt>\s*<dd>{re.escape(skill.description)}</dd>", page
        ), skill.name


def test_key_facts_come_first_and_long_texts_fold_after_their_first_paragraph(client, shipped):
    page = page_of(client, PRODUCER)
    facts = between(page, '<dl class="key-facts">', "</dl>")

    for fact in ("Personality type", "Average salary", "Preparation", "Most common education"):
        assert f"<dt>{fact}</dt>" in facts
    assert "$62,193" in facts
    assert page.index('class="key-facts"') < page.index("What the job involves")
    duties = between(page, 'id="duties-heading"', "</section>")
    assert "A producer is in charge of a production" in duties.split("<details")[0]
    assert "After the shoot, they take part in editing" in duties.split("<details")[1]
    assert 'style="' not in page


def test_sources_are_named_with_links_and_the_profiles_date(client, shipped):
    page = page_of(client, PRODUCER)
    sources = between(page, 'id="sources-heading"', "</section>")

    assert '<a href="https://www.onetcenter.org/database.html" rel="external">' in sources
    assert "O*NET 29.3 Database</a>" in sources
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in sources
    # The producer's job zone comes from the occupation it is tied to, linked on O*NET OnLine.
    assert "the closest occupation, 27-2012.00" in sources
    assert 'href="https://www.onetonline.org/link/summary/27-2012.00"' in sources
    assert "Salary: the article" in sources
    assert '<time datetime="2026-11-22">22 November 2026</time>' in sources
    # Each editor's line of provenance, one per item.
    assert len(list_items(sources)) == 5
