"""The O*NET importer creating and updating professions from a small sample release."""

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from professions.models import JobTitle, Profession
from tests.professions.onet_sample import (
    ATTRIBUTION_29_1,
    IMPORTED,
    INTERESTS,
    OCCUPATIONS,
    TITLES,
    ZONES,
    changed,
    interest_rows,
    run,
    sample,
    set_value,
    snapshot,
    write_release,
    writes,
)

pytestmark = pytest.mark.django_db

# --- Creating professions ------------------------------------------------------------------


def test_creates_a_profession_per_occupation_with_interest_data(folder):
    output = run(folder)

    assert dict(Profession.objects.values_list("onet_code", "name")) == IMPORTED
    assert set(Profession.objects.values_list("origin", flat=True)) == {"onet"}
    assert output.splitlines()[-1] == (
        "Imported O*NET 29.1 Database: 5 new, 0 updated, 0 unchanged; 2 codes taken from the "
        "profile. Skipped 1 occupation without interest data."
    )


@pytest.mark.parametrize(
    ("code", "profile"),
    [
        # OI 7.00 -> (7 - 1) / 6 x 100 = 100; 4.00 -> 50; 2.50 -> 25; 5.50 -> 75; 1.00 -> 0.
        ("15-1252.00", {"R": 50, "I": 100, "A": 25, "S": 0, "E": 25, "C": 75}),
        # Two decimals, halves up: 1.50 -> 8.333.. = 8.33; 6.00 -> 83.33; 3.00 -> 33.33.
        ("27-2012.00", {"R": 8.33, "I": 25, "A": 83.33, "S": 50, "E": 100, "C": 33.33}),
        # 5.00 -> 66.666.. = 66.67; 2.00 -> 16.67; 1.03 -> 0.5 exactly.
        ("51-3011.00", {"R": 83.33, "I": 16.67, "A": 66.67, "S": 0.5, "E": 33.33, "C": 50}),
    ],
)
def test_interest_levels_become_the_0_to_100_profile(folder, code, profile):
    run(folder)

    assert Profession.objects.get(onet_code=code).profile == profile


@pytest.mark.parametrize(
    ("code", "holland_code"),
    [
        ("13-2011.00", "CEI"),  # three high points
        ("15-1252.00", "ICR"),
        ("27-2012.00", "EA"),  # the third high point is 0: two letters
        ("35-1011.00", "RAE"),  # no high points: the profile's three highest
        ("51-3011.00", "RAC"),  # high points R C A disagree with A 67 > C 50: from the profile
    ],
)
def test_holland_code_from_the_high_points_or_else_the_profile(folder, code, holland_code):
    run(folder)

    assert Profession.objects.get(onet_code=code).holland_code == holland_code


def test_slugs_job_zones_attribution_and_empty_salary(folder):
    run(folder)

    patissiers = Profession.objects.get(onet_code="51-3011.00")
    assert patissiers.slug == "patissiers"
    assert patissiers.description == "Mix and bake pastries, tartes and crème brûlée."
    assert patissiers.summary == patissiers.description
    assert dict(Profession.objects.values_list("onet_code", "job_zone")) == {
        "13-2011.00": 4,
        "15-1252.00": 4,
        "27-2012.00": 4,
        "35-1011.00": 2,
        "51-3011.00": 1,
    }
    assert set(Profession.objects.values_list("attribution", flat=True)) == {ATTRIBUTION_29_1}
    assert set(Profession.objects.values_list("annual_salary", flat=True)) == {None}


def test_job_titles_are_capped_and_deduplicated_ignoring_case(folder):
    run(folder)

    accountants = Profession.objects.get(onet_code="13-2011.00")
    assert set(accountants.job_titles.values_list("title", flat=True)) == {
        "Auditor",
        "Accountant",
        "Certified Public Accountant (CPA)",
        "Tax Accountant",
        "Cost Accountant",
        "Staff Accountant",
        "Internal Auditor",
        "Revenue Agent",
        "Financial Auditor",
        "Accounting Manager",
    }
    assert list(
        Profession.objects.get(onet_code="51-3011.00").job_titles.values_list("title", flat=True)
    ) == ["Chef pâtissier"]


def test_max_titles_sets_the_cap(folder):
    run(folder, "--max-titles", "3")

    accountants = Profession.objects.get(onet_code="13-2011.00")
    assert set(accountants.job_titles.values_list("title", flat=True)) == {
        "Auditor",
        "Accountant",
        "Certified Public Accountant (CPA)",
    }


def test_release_option_and_a_plain_folder_name(tmp_path):
    plain = write_release(tmp_path / "onet", sample())
    run(plain)
    assert (
        Profession.objects.filter(
            attribution__startswith="Contains information from O*NET Database by"
        ).count()
        == 5
    )

    output = run(plain, "--release", "30.0 Database")

    assert set(Profession.objects.values_list("attribution", flat=True)) == {
        ATTRIBUTION_29_1.replace("29.1", "30.0")
    }
    assert "Imported O*NET 30.0 Database: 0 new, 5 updated" in output


def test_created_professions_are_published_by_default(folder):
    run(folder)

    assert Profession.objects.published().count() == 5


def test_no_publish_creates_drafts_and_existing_ones_keep_the_editors_choice(folder):
    run(folder, "--no-publish")
    assert Profession.objects.published().count() == 0
    Profession.objects.filter(onet_code="15-1252.00").update(published=True)
    files = sample()
    set_value(files, OCCUPATIONS, 3, "Description", "New description.")
    set_value(files, OCCUPATIONS, 4, "Description", "New description.")
    write_release(folder, files)

    run(folder, "--publish")

    assert list(Profession.objects.published().values_list("onet_code", flat=True)) == [
        "15-1252.00"
    ]
    assert Profession.objects.filter(description="New description.").count() == 2


def test_a_taken_slug_gets_the_code_appended(folder, make_profession):
    make_profession(slug="producers-and-directors")

    run(folder)

    assert Profession.objects.get(onet_code="27-2012.00").slug == (
        "producers-and-directors-27-2012-00"
    )


# --- Running again ------------------------------------------------------------------------


def test_a_second_run_writes_nothing_and_says_so(folder):
    run(folder)
    before = snapshot()

    with CaptureQueriesContext(connection) as queries:
        output = run(folder)

    assert writes(queries.captured_queries) == []
    assert snapshot() == before  # including the `updated` timestamps
    assert output.splitlines()[-1] == (
        "No changes from O*NET 29.1 Database: 0 new, 0 updated, 5 unchanged; 2 codes taken "
        "from the profile. Skipped 1 occupation without interest data."
    )


def test_a_newer_release_updates_in_place(folder):
    run(folder)
    developers = Profession.objects.get(onet_code="15-1252.00")
    untouched = Profession.objects.get(onet_code="13-2011.00")
    files = sample()
    set_value(files, OCCUPATIONS, 3, "Title", "Software Developers and Engineers")
    set_value(files, OCCUPATIONS, 3, "Description", "Design and build software.")
    set_value(files, INTERESTS, 11, "Data Value", "4.60")  # R: 3.6 / 6 x 100 = 60
    write_release(folder, files)

    output = run(folder)

    developers_now = Profession.objects.get(onet_code="15-1252.00")
    assert (developers_now.pk, developers_now.slug) == (developers.pk, "software-developers")
    assert developers_now.name == "Software Developers and Engineers"
    assert developers_now.description == developers_now.summary == "Design and build software."
    assert developers_now.realistic == 60
    assert developers_now.holland_code == "ICR"
    assert developers_now.updated > developers.updated
    assert Profession.objects.get(onet_code="13-2011.00").updated == untouched.updated
    assert Profession.objects.count() == 5
    assert "Imported O*NET 29.1 Database: 0 new, 1 updated, 4 unchanged;" in output


def test_changed_titles_are_replaced_for_that_occupation_only(folder):
    run(folder)
    accountant_title_ids = set(
        JobTitle.objects.filter(profession__onet_code="13-2011.00").values_list("pk", flat=True)
    )
    files = sample()
    files[TITLES][-1][2] = "Pastry Chef"  # instead of "Chef pâtissier"
    write_release(folder, files)

    run(folder)

    assert list(
        Profession.objects.get(onet_code="51-3011.00").job_titles.values_list("title", flat=True)
    ) == ["Pastry Chef"]
    assert accountant_title_ids == set(
        JobTitle.objects.filter(profession__onet_code="13-2011.00").values_list("pk", flat=True)
    )


def test_without_the_optional_files_titles_and_job_zones_are_left_alone(folder):
    run(folder)
    before = snapshot()
    files = sample()
    del files[TITLES], files[ZONES]
    write_release(folder, files)

    output = run(folder)

    assert snapshot() == before
    assert "0 new, 0 updated, 5 unchanged" in output


def test_dry_run_writes_nothing_and_reports_what_would_change(folder):
    output = run(folder, "--dry-run")

    assert Profession.objects.count() == 0
    assert output.splitlines()[-3:] == [
        "Dry run: nothing was written.",
        "New (5): Accountants and Auditors, Software Developers, Producers and Directors, "
        "Chefs and Head Cooks, Pâtissiers",
        "Would import O*NET 29.1 Database: 5 new, 0 updated, 0 unchanged; 2 codes taken from "
        "the profile. Skipped 1 occupation without interest data.",
    ]


def test_dry_run_after_an_import_lists_updated_and_unchanged(folder):
    run(folder)
    before = snapshot()
    files = sample()
    set_value(files, OCCUPATIONS, 2, "Description", "Changed.")
    write_release(folder, files)

    output = run(folder, "--dry-run")

    assert snapshot() == before
    assert "Updated (1): Accountants and Auditors\n" in output
    assert (
        "Unchanged (4): Software Developers, Producers and Directors, Chefs and Head Cooks, "
        "Pâtissiers\n"
    ) in output
    assert "Would import O*NET 29.1 Database: 0 new, 1 updated, 4 unchanged;" in output


# --- Bounded work -----------------------------------------------------------------------------


def bigger(extra: int) -> dict[str, list[list[str]]]:
    """The sample with `extra` more occupations, each with interests, a zone and titles."""
    files = sample()
    for n in range(extra):
        code = f"19-{1000 + n}.00"
        files[OCCUPATIONS].append([code, f"Scientist {n}", "Study things."])
        files[INTERESTS] += interest_rows(code, "2.00 7.00 3.00 2.00 2.00 4.00", "2 6 3")
        files[ZONES].append(["Analyst", "5", code, "", "08/2023"])
        files[TITLES] += [[code, "", f"Title {n}.{k}", "", "08"] for k in range(3)]
    return files


def import_queries(directory: Path, files) -> int:
    """How many queries an import makes; of them, the reads are a fixed few."""
    write_release(directory, files)
    with CaptureQueriesContext(connection) as queries:
        run(directory)
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    # The plan: professions, job titles, skill links. The history: the professions written,
    # with their links, skills and titles, and the content types (read once per process).
    assert len(reads) <= 8
    # Bulk INSERTs are split to fit SQLite's 999 parameters, so their number grows with the
    # rows, a batch per few hundred values, never a statement per row; content types are
    # read once per process.
    inserts = [q for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) <= 10
    return sum(
        not q["sql"].startswith(("INSERT", 'SELECT "django_content_type"'))
        for q in queries.captured_queries
    )


@pytest.mark.parametrize("run_", ["first import", "every occupation changed"])
def test_queries_do_not_grow_with_the_number_of_occupations(tmp_path, run_):
    counts = []
    for extra in (0, 25):
        Profession.objects.all().delete()
        if run_ == "first import":
            counts.append(import_queries(tmp_path / "release", bigger(extra)))
        else:
            import_queries(tmp_path / "release", bigger(extra))
            counts.append(import_queries(tmp_path / "release", changed(bigger(extra))))

    assert Profession.objects.count() == 30
    assert counts[0] == counts[1]
