"""The compact copy of an O*NET release that CareerFit ships: the importer reads from it what
it reads from the release, less O*NET's descriptions."""

import dataclasses

from django.core.management import call_command

from professions.onet.files import release_read
from tests.professions.test_import_onet import sample, write_release

LIMITS = {"name_max": 120, "title_max": 200}


def test_the_copy_reads_as_the_release_less_its_descriptions(tmp_path):
    release = write_release(tmp_path / "db_29_3_text", sample())
    copy = tmp_path / "shipped" / "db_29_3_text"

    call_command("compact_onet", str(release), str(copy), "--max-titles", "3", verbosity=0)

    original = release_read(release, max_titles=3, **LIMITS)
    compact = release_read(copy, max_titles=3, **LIMITS)
    assert compact.records == {
        code: dataclasses.replace(record, description="")
        for code, record in original.records.items()
    }
    assert (compact.has_titles, compact.has_zones) == (True, True)
    assert sum(len(record.titles) for record in compact.records.values()) > 3
    size = {path.name: path.stat().st_size for path in copy.iterdir()}
    assert all(
        size[path.name] < path.stat().st_size for path in release.iterdir() if path.name in size
    )
