"""The O*NET importer on bad input: a clear error naming the place, and nothing written."""

import pytest
from django.core.management.base import CommandError

from professions.models import JobTitle, Profession
from tests.professions.onet_sample import (
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
)

pytestmark = pytest.mark.django_db

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
