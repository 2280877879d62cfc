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
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from professions.onet.files import (
    ALTERNATE_TITLE,
    CATEGORY,
    CLOSEST_TIER,
    CODE,
    DESCRIPTION,
    EDUCATION_FILE,
    EDUCATION_SCALE,
    ELEMENT,
    ELEMENT_ID,
    ESSENTIALS_FILES,
    IMPORTANCE_CUT,
    IMPORTANCE_SCALE,
    INTERESTS_FILE,
    JOB_ZONE,
    OCCUPATIONS_FILE,
    RELATED_CODE,
    RELATED_FILE,
    RELATED_INDEX,
    RELATED_TIER,
    REQUIRED_FILES,
    SCALE,
    SUPPRESS,
    TITLE,
    TITLE_SOURCES,
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
    TITLES_FILE: (CODE, ALTERNATE_TITLE, TITLE_SOURCES),
    EDUCATION_FILE: (CODE, SCALE, CATEGORY, VALUE),
    RELATED_FILE: (CODE, RELATED_CODE, RELATED_TIER, RELATED_INDEX),
    **dict.fromkeys(ESSENTIALS_FILES, (CODE, ELEMENT_ID, SCALE, VALUE, SUPPRESS)),
}


def compact_release(source: Path, target: Path) -> dict[str, int]:
    """Write the compact copy of the release in `source` to `target`; returns the rows
    written per file. Optional files the release lacks are left out of the copy too."""
    target.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, columns in COLUMNS.items():
        if name not in REQUIRED_FILES and not (source / name).is_file():
            continue  # the importer reads it only when it is there
        rows = ([row[column] for column in columns] for row in tsv_rows(source / name, columns))
        if name == OCCUPATIONS_FILE:
            rows = ([code, title, ""] for code, title, _description in rows)
        elif name == EDUCATION_FILE:  # the required level of education only
            rows = (row for row in rows if row[1] == EDUCATION_SCALE)
        elif name == RELATED_FILE:  # the closest tier only
            rows = (row for row in rows if row[2] == CLOSEST_TIER)
        elif name in ESSENTIALS_FILES:  # the importance ratings that can make one essential
            rows = (row for row in rows if essential_candidate(*row[2:]))
        written[name] = write_tsv(target / name, columns, rows)
    return written


def essential_candidate(scale: str, value: str, suppress: str) -> bool:
    """Whether a Knowledge.txt or Skills.txt row may make its element essential; the
    importer checks every value of the copy again."""
    return scale == IMPORTANCE_SCALE and suppress != "Y" and Decimal(value) >= IMPORTANCE_CUT


def write_tsv(path: Path, columns: Sequence[str], rows: Iterable[list[str]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_NONE)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count
