"""The O*NET importer: `import_onet` over small sample releases written into tmp_path."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError, OutputWrapper
from django.db import connection
from django.test.utils import CaptureQueriesContext

from professions import riasec
from professions.models import JobTitle, Profession
from professions.onet import first_sentence
from quiz.models import Question, QuizLength, Result
from tests.taker import shown_rows

pytestmark = pytest.mark.django_db

OCCUPATIONS = "Occupation Data.txt"
INTERESTS = "Interests.txt"
TITLES = "Alternate Titles.txt"
ZONES = "Job Zones.txt"
ATTRIBUTION_29_1 = (
    "Contains information from O*NET 29.1 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. "
    "CareerFit has modified the data (interest levels rescaled to 0\N{EN DASH}100); USDOL/ETA "
    "has not approved, endorsed, or tested these modifications. O*NET® is a trademark of "
    "USDOL/ETA."
)

LEVEL_IDS = {letter: f"1.B.1.{letter.lower()}" for letter in "RIASEC"}
HIGH_POINTS = ["First", "Second", "Third"]


def interest_rows(code: str, levels: str, high_points: str) -> list[list[str]]:
    """Nine Interests.txt rows: OI levels in RIASEC order, then the three IH values."""
    rows = [
        [code, LEVEL_IDS[letter], riasec.NAMES[letter], "OI", value, "07/2024", "Machine Learning"]
        for letter, value in zip("RIASEC", levels.split(), strict=True)
    ]
    rows += [
        [
            code,
            f"1.B.3.{n}",
            f"{place} Interest High-Point",
            "IH",
            f"{int(value)}.00",
            "07/2024",
            "x",
        ]
        for n, (place, value) in enumerate(zip(HIGH_POINTS, high_points.split(), strict=True))
    ]
    return rows


ACCOUNTANT_TITLES = [
    "Auditor",
    "Accountant",
    "AUDITOR",  # the same as line 2 but for case: dropped
    "Certified Public Accountant (CPA)",
    "auditor",  # dropped
    "Tax Accountant",
    "Cost Accountant",
    "Staff Accountant",
    "Internal Auditor",
    "Revenue Agent",
    "Financial Auditor",
    "Accounting Manager",
    "Bookkeeper-Auditor",  # the eleventh distinct title: over the cap of 10
]

# Lines (header = line 1) of Occupation Data.txt: 2 accountants, 3 developers, 4 producers,
# 5 chefs, 6 pâtissiers, 7 managers (no interest data). Interests.txt has nine lines per
# occupation in that order: accountants 2-10, developers 11-19, producers 20-28, chefs 29-37,
# pâtissiers 38-46; within each, OI R I A S E C, then IH First, Second, Third.
SAMPLE: dict[str, list[list[str]]] = {
    OCCUPATIONS: [
        ["O*NET-SOC Code", "Title", "Description"],
        ["13-2011.00", "Accountants and Auditors", "Examine, analyze, and interpret records."],
        ["15-1252.00", "Software Developers", "Research, design, and develop software."],
        ["27-2012.00", "Producers and Directors", "Produce or direct stage, film, or TV."],
        ["35-1011.00", "Chefs and Head Cooks", "Direct and participate in preparing food."],
        ["51-3011.00", "Pâtissiers", "Mix and bake pastries, tartes and crème brûlée."],
        ["11-9199.00", "Managers, All Other", "All managers not listed separately."],
    ],
    INTERESTS: [
        [
            "O*NET-SOC Code",
            "Element ID",
            "Element Name",
            "Scale ID",
            "Data Value",
            "Date",
            "Domain Source",
        ],
        # C 100, E 75, I 50, S 25, R 8, A 0; high points C E I.
        *interest_rows("13-2011.00", "1.50 4.00 1.00 2.50 5.50 7.00", "6 5 2"),
        # R 50, I 100, A 25, S 0, E 25, C 75: scores a quiz taker can reach; I C R.
        *interest_rows("15-1252.00", "4.00 7.00 2.50 1.00 2.50 5.50", "2 6 1"),
        # E 100, A 83, S 50: two high points only, E A.
        *interest_rows("27-2012.00", "1.50 2.50 6.00 4.00 7.00 3.00", "5 3 0"),
        # No high points: the code comes from the profile, R 83, A 75, E 67.
        *interest_rows("35-1011.00", "6.00 2.00 5.50 3.00 5.00 3.00", "0 0 0"),
        # High points R C A, but A (67) beats C (50): the code comes from the profile, R A C.
        *interest_rows("51-3011.00", "6.00 2.00 5.00 1.03 3.00 4.00", "1 6 3"),
    ],
    TITLES: [
        ["O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"],
        *[["13-2011.00", "Accountants and Auditors", t, "", "08"] for t in ACCOUNTANT_TITLES],
        ["27-2012.00", "Producers and Directors", "Film Producer", "", "08"],
        ["27-2012.00", "Producers and Directors", "Stage Director", "", "08"],
        ["51-3011.00", "Pâtissiers", "Chef pâtissier", "", "08"],
    ],
    # Columns in another order, and one O*NET does not have: found by header name.
    ZONES: [
        ["Domain Source", "Job Zone", "O*NET-SOC Code", "Note", "Date"],
        ["Analyst", "4", "13-2011.00", "", "08/2023"],
        ["Analyst", "4", "15-1252.00", "", "08/2023"],
        ["Analyst", "4", "27-2012.00", "", "08/2023"],
        ["Analyst", "2", "35-1011.00", "", "08/2023"],
        ["Analyst", "1", "51-3011.00", "", "08/2023"],
    ],
}
IMPORTED = {
    "13-2011.00": "Accountants and Auditors",
    "15-1252.00": "Software Developers",
    "27-2012.00": "Producers and Directors",
    "35-1011.00": "Chefs and Head Cooks",
    "51-3011.00": "Pâtissiers",
}


def write_tsv(path: Path, rows: list[list[str]], *, newline: str = "\n", bom: bool = False) -> None:
    text = "".join("\t".join(row) + newline for row in rows)
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode())


def sample() -> dict[str, list[list[str]]]:
    """A fresh copy of SAMPLE to change."""
    return {name: [list(row) for row in rows] for name, rows in SAMPLE.items()}


def write_release(directory: Path, files: dict[str, list[list[str]]]) -> Path:
    """The files as O*NET ships them; Interests.txt with Windows line endings and
    Occupation Data.txt with a byte-order mark."""
    directory.mkdir(exist_ok=True)
    for stale in directory.iterdir():
        stale.unlink()
    for name, rows in files.items():
        write_tsv(
            directory / name,
            rows,
            newline="\r\n" if name == INTERESTS else "\n",
            bom=name == OCCUPATIONS,
        )
    return directory


def set_value(files, name: str, line: int, column: str, value: str) -> None:
    rows = files[name]
    rows[line - 1][rows[0].index(column)] = value


def run(directory: Path, *args: str) -> str:
    out = StringIO()
    call_command("import_onet", str(directory), *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, list[str]]:
    """Every row of professions and job titles, to compare before and after."""
    return {
        # As text: a row holds a list (its related occupations), which no set can hold.
        model.__name__: sorted(repr(row) for row in model.objects.values_list())
        for model in (Profession, JobTitle)
    }


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)]


@pytest.fixture
def folder(tmp_path) -> Path:
    return write_release(tmp_path / "db_29_1_text", sample())


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", verbosity=0)


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


# --- Bad input: nothing is written ----------------------------------------------------------


def remove(name):
    return lambda files: files.pop(name)


def change(name, line, column, value):
    return lambda files: set_value(files, name, line, column, value)


def append(name, row):
    return lambda files: files[name].append(row)


def delete_line(name, line):
    return lambda files: files[name].pop(line - 1)


BAD_INPUT = {
    "missing file": (
        remove(INTERESTS),
        "Interests.txt: no such file in {folder}.",
    ),
    "missing column": (
        change(INTERESTS, 1, "Data Value", "Value"),
        'Interests.txt, line 1: column "Data Value" is missing.',
    ),
    "missing column in an optional file": (
        change(TITLES, 1, "Alternate Title", "Alt Title"),
        'Alternate Titles.txt, line 1: column "Alternate Title" is missing.',
    ),
    "not a number": (
        change(INTERESTS, 7, "Data Value", "abc"),
        'Interests.txt, line 7, column "Data Value": "abc" is not a number.',
    ),
    "not a finite number": (
        change(INTERESTS, 7, "Data Value", "NaN"),
        'Interests.txt, line 7, column "Data Value": "NaN" is not a number.',
    ),
    "level above 7": (
        change(INTERESTS, 12, "Data Value", "7.01"),
        'Interests.txt, line 12, column "Data Value": "7.01" is not between 1 and 7.',
    ),
    "level below 1": (
        change(INTERESTS, 2, "Data Value", "0.99"),
        'Interests.txt, line 2, column "Data Value": "0.99" is not between 1 and 7.',
    ),
    "high point above 6": (
        change(INTERESTS, 8, "Data Value", "7.00"),
        'Interests.txt, line 8, column "Data Value": "7.00" is not a whole number from 0 to 6.',
    ),
    "high point not whole": (
        change(INTERESTS, 9, "Data Value", "2.50"),
        'Interests.txt, line 9, column "Data Value": "2.50" is not a whole number from 0 to 6.',
    ),
    "job zone above 5": (
        change(ZONES, 3, "Job Zone", "6"),
        'Job Zones.txt, line 3, column "Job Zone": "6" is not a whole number from 1 to 5.',
    ),
    "job zone not a number": (
        change(ZONES, 3, "Job Zone", "four"),
        'Job Zones.txt, line 3, column "Job Zone": "four" is not a number.',
    ),
    "unknown scale": (
        change(INTERESTS, 4, "Scale ID", "IM"),
        'Interests.txt, line 4, column "Scale ID": "IM" is not a known scale (OI or IH).',
    ),
    "unknown level element": (
        change(INTERESTS, 5, "Element Name", "Sociable"),
        'Interests.txt, line 5, column "Element Name": "Sociable" is not an element of scale OI.',
    ),
    "unknown high-point element": (
        change(INTERESTS, 10, "Element Name", "Fourth Interest High-Point"),
        'Interests.txt, line 10, column "Element Name": "Fourth Interest High-Point" is not an '
        "element of scale IH.",
    ),
    "duplicate occupation": (
        append(OCCUPATIONS, ["15-1252.00", "Programmers", "Write programs."]),
        'Occupation Data.txt, line 8, column "O*NET-SOC Code": "15-1252.00" repeats line 3.',
    ),
    "duplicate interest": (
        change(INTERESTS, 13, "Element Name", "Realistic"),  # developers' Social row
        'Interests.txt, line 13, column "Element Name": "Realistic" on scale OI for 15-1252.00 '
        "repeats line 11.",
    ),
    "duplicate job zone": (
        append(ZONES, ["Analyst", "3", "35-1011.00", "", "08/2023"]),
        'Job Zones.txt, line 7, column "O*NET-SOC Code": "35-1011.00" repeats line 5.',
    ),
    "interest of an unknown occupation": (
        append(INTERESTS, ["99-9999.00", "1.B.1.a", "Realistic", "OI", "3.00", "07/2024", "x"]),
        'Interests.txt, line 47, column "O*NET-SOC Code": "99-9999.00" is not in Occupation '
        "Data.txt.",
    ),
    "title of an unknown occupation": (
        append(TITLES, ["99-9999.00", "Nobody", "Ghost", "", "08"]),
        'Alternate Titles.txt, line 18, column "O*NET-SOC Code": "99-9999.00" is not in '
        "Occupation Data.txt.",
    ),
    "job zone of an unknown occupation": (
        append(ZONES, ["Analyst", "3", "99-9999.00", "", "08/2023"]),
        'Job Zones.txt, line 7, column "O*NET-SOC Code": "99-9999.00" is not in Occupation '
        "Data.txt.",
    ),
    "missing level": (
        delete_line(INTERESTS, 25),  # producers' Conventional row
        'Occupation Data.txt, line 4, column "O*NET-SOC Code": "27-2012.00" has no OI value for '
        "Conventional in Interests.txt.",
    ),
    "malformed code": (
        change(OCCUPATIONS, 5, "O*NET-SOC Code", "35-1011"),
        'Occupation Data.txt, line 5, column "O*NET-SOC Code": "35-1011" is not an O*NET-SOC '
        "code (NN-NNNN.NN).",
    ),
    "malformed code in interests": (
        change(INTERESTS, 2, "O*NET-SOC Code", "13.2011.00"),
        'Interests.txt, line 2, column "O*NET-SOC Code": "13.2011.00" is not an O*NET-SOC '
        "code (NN-NNNN.NN).",
    ),
    "empty title": (
        change(OCCUPATIONS, 6, "Title", ""),
        'Occupation Data.txt, line 6, column "Title": the value is empty.',
    ),
    "title too long": (
        change(OCCUPATIONS, 6, "Title", "P" * 121),
        f'Occupation Data.txt, line 6, column "Title": "{"P" * 121}" is longer than 120 '
        "characters.",
    ),
    "short row": (
        lambda files: files[INTERESTS][5].pop(),
        "Interests.txt, line 6: 6 columns, but the header has 7.",
    ),
}


@pytest.mark.parametrize(("mutate", "message"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_aborts_with_the_place_and_writes_nothing(
    make_profession, folder, mutate, message
):
    make_profession(slug="producer")  # an editorial profession, which must stay as it is
    run(folder)
    before = snapshot()
    files = sample()
    # Every occupation changes too, so a partial write would show.
    for row in files[OCCUPATIONS][1:]:
        row[2] = "Newer description."
    mutate(files)
    write_release(folder, files)

    with pytest.raises(CommandError) as error:
        run(folder)

    assert str(error.value) == message.format(folder=folder)
    assert snapshot() == before


def test_text_that_is_not_utf8_is_refused(folder):
    (folder / OCCUPATIONS).write_bytes(
        "O*NET-SOC Code\tTitle\tDescription\n13-2011.00\tP\xe2tissiers\tx\n".encode("latin-1")
    )

    with pytest.raises(CommandError, match=r"^Occupation Data\.txt: the file is not valid UTF-8"):
        run(folder)

    assert Profession.objects.count() == 0


def test_a_failed_write_rolls_back_everything(make_profession, folder, monkeypatch):
    make_profession(slug="producer")
    run(folder)
    files = changed(sample())
    files[OCCUPATIONS].append(["19-1000.00", "Scientists", "Study things."])
    files[INTERESTS] += interest_rows("19-1000.00", "2.00 7.00 3.00 2.00 2.00 4.00", "2 6 3")
    write_release(folder, files)
    before = snapshot()

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(JobTitle.objects, "bulk_create", fail)  # after the professions

    with pytest.raises(RuntimeError):
        run(folder)

    assert snapshot() == before


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


def changed(files):
    """Every occupation with a new description and new job titles."""
    for row in files[OCCUPATIONS][1:]:
        row[2] = "Changed."
    for row in files[TITLES][1:]:
        row[2] += " (new)"
    return files


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


# --- Matching imported occupations ------------------------------------------------------------


def test_the_quiz_ranks_an_imported_occupation_first_for_its_own_profile(client, folder):
    call_command("loaddata", "professions", "questions", verbosity=0)
    run(folder)
    developers = Profession.objects.get(onet_code="15-1252.00")

    matches = riasec.rank_professions(developers.profile, Profession.objects.published().profiles())

    assert matches[0].profession.name == "Software Developers"
    # A stored result with the same scores: answer a scores 100 x (a - 1) / 4 on each scale.
    answer = {"R": 3, "I": 5, "A": 2, "S": 1, "E": 2, "C": 4}
    items = dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))
    result = Result.objects.score_and_create(
        length=QuizLength.QUICK,
        answers={code: answer[scale] for code, scale in items.items()},
        scale_of=items,
    )
    assert result.scores == developers.profile
    response = client.get(result.get_absolute_url())
    page = response.content.decode()
    assert shown_rows(response)[0].match.profession.name == "Software Developers"
    assert (
        0
        < page.index("Software Developers")
        < min(page.index(name) for name in ("Producer", "Accountants and Auditors"))
    )


# --- Output -----------------------------------------------------------------------------------


def test_plain_output_logs_one_line_per_file(folder):
    lines = run(folder).splitlines()

    assert [re.sub(r"in \d+\.\d s", "in T s", line) for line in lines[:4]] == [
        "Read Occupation Data.txt: 6 rows in T s",
        "Read Interests.txt: 45 rows in T s",
        "Read Job Zones.txt: 5 rows in T s",
        "Read Alternate Titles.txt: 16 rows in T s",
    ]
    assert len(lines) == 5


class Terminal(StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_output_rewrites_a_progress_line_per_file(folder):
    out = Terminal()

    call_command("import_onet", str(folder), stdout=out)

    text = out.getvalue()
    assert re.search(r"\rRead Interests\.txt: 45 rows in \d+\.\d s \([\d,]+ rows/s\)\n", text)
    assert text.count("\r") == 4


def test_quiet_prints_nothing(folder):
    assert run(folder, "--quiet") == ""
    assert Profession.objects.count() == 5


def test_negative_max_titles_is_refused(folder):
    with pytest.raises(CommandError, match=r"^--max-titles must be 0 or more\.$"):
        run(folder, "--max-titles", "-1")


@pytest.mark.parametrize(
    ("description", "summary"),
    [
        ("Fly aircraft. Check the weather and the plane.", "Fly aircraft."),
        ("Repair engines! Test them.", "Repair engines!"),
        ("One sentence without a full stop", "One sentence without a full stop"),
    ],
)
def test_the_summary_on_cards_is_the_descriptions_first_sentence(description, summary):
    assert first_sentence(description) == summary


def test_terminal_progress_shows_a_bar_with_counts_and_rate():
    from professions.management.commands.import_onet import TerminalProgress, bar

    out = Terminal()
    progress = TerminalProgress(OutputWrapper(out))
    progress.rows("Alternate Titles.txt", 12_000, 2.0, 0.45)

    assert bar(0.45) == "[#########-----------]  45%"
    assert out.getvalue() == (
        "\rReading Alternate Titles.txt [#########-----------]  45% 12,000 rows (6,000 rows/s)"
    )
