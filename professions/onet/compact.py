"""A compact copy of an O*NET text release: what the importer reads, and nothing else.

CareerFit ships the catalog it loads on a new database (`manage.py seed`) as such a copy in
fixtures/onet/, built by `manage.py compact_onet` from O*NET's own release. The copy keeps
O*NET's file names, column names and row order, so the importer reads it as it reads a full
release, with the same result: the occupations' codes and titles (their descriptions are
O*NET's prose and stay out, as in the release this project is given), the interest levels
and high points, the job zones, the alternate titles and their sources, the shares
of workers at each level of education, the closest related occupations and the importance
ratings of knowledge areas and skills that reach the importer's cut. Facts only, about 3 MB
instead of 24.
"""

import csv
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from professions.onet.readers import INTEREST_COLUMNS, OCCUPATION_COLUMNS
from professions.onet.release import OPTIONAL_FILES
from professions.onet.tsv import CODE, INTERESTS_FILE, OCCUPATIONS_FILE, TITLE, tsv_rows


def compact_release(source: Path, target: Path) -> dict[str, int]:
    """Write the compact copy of the release in `source` to `target`; returns the rows
    written per file. Optional files the release lacks are left out of the copy too."""
    target.mkdir(parents=True, exist_ok=True)
    written = {
        OCCUPATIONS_FILE: write_tsv(
            target / OCCUPATIONS_FILE,
            OCCUPATION_COLUMNS,
            # O*NET's descriptions are its prose: the copy keeps codes and titles only.
            (
                [row[CODE], row[TITLE], ""]
                for row in tsv_rows(source / OCCUPATIONS_FILE, OCCUPATION_COLUMNS)
            ),
        ),
        INTERESTS_FILE: copy_rows(source, target, INTERESTS_FILE, INTEREST_COLUMNS),
    }
    for optional in OPTIONAL_FILES:
        if (source / optional.name).is_file():  # the importer reads it only when it is there
            written[optional.name] = copy_rows(
                source, target, optional.name, optional.columns, optional.keeps
            )
    return written


def copy_rows(
    source: Path,
    target: Path,
    name: str,
    columns: Sequence[str],
    keeps: Callable[[Mapping[str, str]], bool] = lambda row: True,
) -> int:
    """Copy the `columns` of the rows of file `name` that `keeps` accepts."""
    rows = (
        [row.values[column] for column in columns]
        for row in tsv_rows(source / name, columns)
        if keeps(row.values)
    )
    return write_tsv(target / name, columns, rows)


def write_tsv(path: Path, columns: Sequence[str], rows: Iterable[list[str]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_NONE)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count
