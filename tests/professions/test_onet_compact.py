"""The compact copy of an O*NET release that CareerFit ships: the importer reads from it what
it reads from the release, less O*NET's descriptions."""

import dataclasses

import pytest
from django.core.management import call_command

from professions.onet import OnetImportError
from professions.onet.release import release_read
from tests.professions.onet_sample import sample, write_release

LIMITS = {"name_max": 120, "title_max": 200}


def test_the_copy_reads_as_the_release_less_its_descriptions(tmp_path):
    release = write_release(tmp_path / "db_29_3_text", sample())
    copy = tmp_path / "shipped" / "db_29_3_text"

    call_command("compact_onet", str(release), str(copy), verbosity=0)

    original = release_read(release, max_titles=3, **LIMITS)
    compact = release_read(copy, max_titles=3, **LIMITS)
    assert compact.records == {
        code: dataclasses.replace(record, description="")
        for code, record in original.records.items()
    }
    assert compact.groups == original.groups >= {"titles", "job_zone"}
    assert sum(len(record.titles) for record in compact.records.values()) > 3
    size = {path.name: path.stat().st_size for path in copy.iterdir()}
    assert all(
        size[path.name] < path.stat().st_size for path in release.iterdir() if path.name in size
    )


def test_the_most_common_education_level_and_its_share(tmp_path):
    files = sample()
    rl = ["O*NET-SOC Code", "Scale ID", "Category", "Data Value"]
    files["Education, Training, and Experience.txt"] = [
        rl,
        ["13-2011.00", "RL", "5", "30.4"],
        ["13-2011.00", "RL", "6", "60.5"],
        ["13-2011.00", "RW", "6", "99"],  # another scale: not education levels
        ["15-1252.00", "RL", "6", "45"],
        ["15-1252.00", "RL", "8", "45"],  # a tie: the lower level counts
    ]
    release = write_release(tmp_path / "db_29_3_text", files)

    records = release_read(release, **LIMITS).records

    assert records["13-2011.00"].education == (6, 61)
    assert records["15-1252.00"].education == (6, 45)
    assert records["27-2012.00"].education is None


def test_a_share_that_is_not_a_percent_names_the_row(tmp_path):
    files = sample()
    files["Education, Training, and Experience.txt"] = [
        ["O*NET-SOC Code", "Scale ID", "Category", "Data Value"],
        ["13-2011.00", "RL", "6", "160"],
    ]
    release = write_release(tmp_path / "db_29_3_text", files)

    with pytest.raises(OnetImportError) as refused:
        release_read(release, **LIMITS)

    assert str(refused.value) == (
        'Education, Training, and Experience.txt, line 2, column "Data Value": '
        '"160" is not a percent (0 to 100).'
    )


def test_the_closest_related_occupations_in_onet_order(tmp_path):
    files = sample()
    header = ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"]
    files["Related Occupations.txt"] = [
        header,
        ["13-2011.00", "15-1252.00", "Primary-Short", "2"],
        ["13-2011.00", "11-9199.00", "Primary-Short", "1"],
        ["13-2011.00", "27-2012.00", "Supplemental", "11"],  # not among the closest
    ]
    release = write_release(tmp_path / "db_29_3_text", files)

    records = release_read(release, **LIMITS).records

    assert records["13-2011.00"].related == ("11-9199.00", "15-1252.00")
    assert records["15-1252.00"].related == ()
