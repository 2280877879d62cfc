"""A compact copy of an O*NET text release: what the importer reads, and nothing else.

CareerFit ships the catalog it loads on a new database (`manage.py seed`) as such a copy in
fixtures/onet/, built by `manage.py compact_onet` from O*NET's own release. The copy keeps
O*NET's file names, column names and row order, so the importer reads it as it reads a full
release, with the same result: the occupations' codes and titles (their descriptions are
O*NET's prose and stay out, as in the release this project is given), the interest levels
and high points, the job zones, and the alternate titles the importer would keep. Facts only,
about 0.8 MB instead of 24.
"""

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from professions.onet.files import (
    ALTERNATE_TITLE,
    CODE,
    DESCRIPTION,
    ELEMENT,
    INTERESTS_FILE,
    JOB_ZONE,
    OCCUPATIONS_FILE,
    SCALE,
    TITLE,
    TITLES_FILE,
    VALUE,
    ZONES_FILE,
    tsv_rows,
)

# Each file the importer reads, and the columns it reads from it.
COLUMNS = {
    OCCUPATIONS_FILE: (CODE, TITLE, DESCRIPTION),
    INTERESTS_FILE: (CODE, ELEMENT, SCALE, VALUE),
    ZONES_FILE: (CODE, JOB_ZONE),
    TITLES_FILE: (CODE, ALTERNATE_TITLE),
}


def compact_release(source: Path, target: Path, max_titles: int) -> dict[str, int]:
    """Write the compact copy of the release in `source` to `target`; returns the rows
    written per file. Titles beyond the first `max_titles` of an occupation that differ
    other than by case are left out, as the importer would leave them."""
    target.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, columns in COLUMNS.items():
        rows = ([row[column] for column in columns] for row in tsv_rows(source / name, columns))
        if name == OCCUPATIONS_FILE:
            rows = ([code, title, ""] for code, title, _description in rows)
        elif name == TITLES_FILE:
            rows = first_titles(rows, max_titles)
        written[name] = write_tsv(target / name, columns, rows)
    return written


def first_titles(rows: Iterable[list[str]], max_titles: int) -> Iterable[list[str]]:
    kept: dict[str, set[str]] = {}
    for code, title in rows:
        seen = kept.setdefault(code, set())
        if len(seen) < max_titles and title.casefold() not in seen:
            seen.add(title.casefold())
            yield [code, title]


def write_tsv(path: Path, columns: Sequence[str], rows: Iterable[list[str]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_NONE)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count
