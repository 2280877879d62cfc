"""The O*NET importer and editorial professions: left alone, or linked with --link."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from professions.models import Profession
from tests.professions.onet_sample import (
    ATTRIBUTION_29_1,
    OCCUPATIONS,
    run,
    sample,
    set_value,
    snapshot,
    write_release,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", verbosity=0)


# --- Editorial professions and links ---------------------------------------------------------


def test_editorial_professions_are_untouched_even_with_the_same_name(shipped, folder):
    files = sample()
    set_value(files, OCCUPATIONS, 4, "Title", "Producer")
    write_release(folder, files)
    editorial = snapshot()

    run(folder)

    for model, rows in editorial.items():
        assert set(rows) <= set(snapshot()[model])
    imported = Profession.objects.get(onet_code="27-2012.00")
    assert (imported.name, imported.slug, imported.origin) == (
        "Producer",
        "producer-27-2012-00",
        "onet",
    )
    assert Profession.objects.get(slug="producer").onet_code is None


def test_a_link_stores_the_code_only_and_prevents_a_duplicate(shipped, folder):
    producer = Profession.objects.get(slug="producer")
    titles = set(producer.job_titles.values_list("title", flat=True))

    output = run(folder, "--link", "producer=27-2012.00")

    linked = Profession.objects.get(slug="producer")
    assert linked.onet_code == "27-2012.00"
    assert linked.origin == "editorial"
    fields = [
        "name",
        "description",
        "summary",
        "holland_code",
        "enterprising",
        "job_zone",
        "attribution",
        "annual_salary",
    ]
    assert [getattr(linked, f) for f in fields] == [getattr(producer, f) for f in fields]
    assert set(linked.job_titles.values_list("title", flat=True)) == titles
    assert not Profession.objects.filter(name="Producers and Directors").exists()
    assert "4 new, 1 updated, 0 unchanged" in output

    # Later imports without --link leave the linked profession alone and add no duplicate.
    before = snapshot()
    assert "0 new, 0 updated, 5 unchanged" in run(folder)
    assert snapshot() == before


def test_a_link_with_fields_updates_only_those(shipped, folder):
    producer = Profession.objects.get(slug="producer")
    editors_titles = set(producer.job_titles.values_list("title", flat=True))

    run(folder, "--link", "producer=27-2012.00:job_zone,titles")

    linked = Profession.objects.get(slug="producer")
    assert linked.job_zone == 4
    # The release's titles join the editors' own, which no import removes.
    assert set(linked.job_titles.values_list("title", flat=True)) == {
        *editors_titles,
        "Film Producer",
        "Stage Director",
    }
    assert (linked.description, linked.holland_code, linked.artistic, linked.attribution) == (
        producer.description,
        "EA",
        72,
        "",
    )


def test_a_link_with_profile_description_and_attribution(shipped, folder):
    producer = Profession.objects.get(slug="producer")

    run(folder, "--link", "producer=27-2012.00:profile,description,attribution")

    linked = Profession.objects.get(slug="producer")
    assert linked.profile == {"R": 8.33, "I": 25, "A": 83.33, "S": 50, "E": 100, "C": 33.33}
    assert linked.holland_code == "EA"
    assert linked.description == "Produce or direct stage, film, or TV."
    assert linked.summary == producer.summary  # the editors' plain-words paragraph stays
    assert linked.attribution == ATTRIBUTION_29_1
    assert linked.job_zone == producer.job_zone  # not named: the editors' value stays


def test_a_link_may_repeat_an_existing_link(shipped, folder):
    run(folder, "--link", "producer=27-2012.00")
    before = snapshot()

    output = run(folder, "--link", "producer=27-2012.00")

    assert snapshot() == before
    assert "No changes" in output


def test_relinking_frees_the_old_code_for_its_own_profession(shipped, folder):
    run(folder, "--link", "producer=27-2012.00")

    output = run(folder, "--link", "producer=11-9199.00")

    assert Profession.objects.get(slug="producer").onet_code == "11-9199.00"
    imported = Profession.objects.get(onet_code="27-2012.00")
    assert (imported.name, imported.origin) == ("Producers and Directors", "onet")
    assert "Imported O*NET 29.1 Database: 1 new, 1 updated, 4 unchanged;" in output


@pytest.mark.parametrize(
    ("links", "message"),
    [
        (
            ["producer"],
            '--link "producer": write SLUG=CODE or SLUG=CODE:FIELDS, e.g. '
            "producer=27-2012.00:job_zone,titles.",
        ),
        (
            ["producer=27-2012.00:"],
            '--link "producer=27-2012.00:": write SLUG=CODE or '
            "SLUG=CODE:FIELDS, e.g. producer=27-2012.00:job_zone,titles.",
        ),
        (
            ["producer=27-2012"],
            '--link "producer=27-2012": "27-2012" is not an O*NET-SOC code (NN-NNNN.NN).',
        ),
        (
            ["producer=27-2012.00:job_zone,salary"],
            '--link "producer=27-2012.00:job_zone,salary": '
            'unknown field "salary"; choose from description, profile, job_zone, titles, '
            "attribution.",
        ),
        (["nobody=27-2012.00"], '--link "nobody=27-2012.00": no profession has the slug "nobody".'),
        (
            ["producer=99-9999.00"],
            '--link "producer=99-9999.00": 99-9999.00 is not in Occupation Data.txt.',
        ),
        (
            ["producer=11-9199.00:profile"],
            '--link "producer=11-9199.00:profile": field '
            '"profile" needs interest data, and Interests.txt has none for 11-9199.00.',
        ),
        (
            ["producer=27-2012.00", "product-manager=27-2012.00"],
            '--link "product-manager=27-2012.00": the code 27-2012.00 is already linked by '
            "another --link.",
        ),
        (
            ["producer=27-2012.00", "producer=13-2011.00"],
            '--link "producer=13-2011.00": the profession "producer" is already linked by '
            "another --link.",
        ),
    ],
)
def test_bad_links_are_refused_before_anything_is_written(make_profession, folder, links, message):
    make_profession(slug="producer", holland_code="RIC")
    make_profession(slug="product-manager")
    before = snapshot()
    arguments = [part for link in links for part in ("--link", link)]

    with pytest.raises(CommandError) as error:
        run(folder, *arguments)

    assert str(error.value) == message
    assert snapshot() == before


def test_links_to_imported_professions_or_taken_codes_are_refused(shipped, folder):
    run(folder)
    before = snapshot()

    with pytest.raises(CommandError) as imported:
        run(folder, "--link", "software-developers=27-2012.00")
    with pytest.raises(CommandError) as taken:
        run(folder, "--link", "producer=27-2012.00")

    assert str(imported.value) == (
        '--link "software-developers=27-2012.00": "software-developers" was imported from '
        "O*NET; only editorial professions are linked."
    )
    assert str(taken.value) == (
        '--link "producer=27-2012.00": 27-2012.00 already belongs to the profession '
        '"producers-and-directors".'
    )
    assert snapshot() == before
