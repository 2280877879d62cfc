"""An O*NET text release read whole into one record per occupation; nothing here touches the
database.

The release is a folder of tab-separated files (professions/onet/tsv.py), two required and the
rest optional, each read by its reader (professions/onet/readers.py). OPTIONAL_FILES is the
one table of the optional files: the columns read, the rows the compact copy keeps, the reader
and the group of an occupation's data each gives.

An interest level v on O*NET's 1-7 scale becomes CareerFit's 0-100 scale (percent of the
strongest possible interest, the scale of quiz scores) by

    level = (v - 1) / 6 x 100, to two decimals,

computed exactly in decimal and rounded half up: 7.00 -> 100.00, 4.00 -> 50.00, 1.50 ->
8.33, 4.86 -> 64.33. Nothing is lost: O*NET's levels have two decimals, one step of 0.01
is 0.1667 here, and v = 1 + level x 6 / 100 rounded to two decimals gives the level back,
so equal levels stay equal and unequal ones keep their order. The Holland code is O*NET's
high points, First, Second, Third, stopping at the first 0: one, two or three letters, as
O*NET gives them, never padded. Only when there is no high point, a letter repeats or the
code contradicts the profile (`riasec.code_disagreement`) is the code the profile's own
three highest letters (`riasec.holland_code`) instead.

`release_read` reads and validates every file completely, before the import writes
anything. The longest name and job title the database stores are passed in (`name_max` and
`title_max`), so that nothing here imports Django; `professions.onet.changes` writes what
`release_read` returns.
"""

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from professions import riasec
from professions.onet.readers import (
    CLOSEST_TIER,
    EDUCATION_COLUMNS,
    EDUCATION_SCALE,
    ESSENTIAL_COLUMNS,
    HIGH_POINT_ELEMENTS,
    IMPORTANCE_CUT,
    IMPORTANCE_SCALE,
    RELATED_COLUMNS,
    TITLE_COLUMNS,
    ZONE_COLUMNS,
    Interests,
    Occupation,
    Titles,
    alternate_titles_read,
    education_read,
    essentials_read,
    interests_read,
    job_zones_read,
    occupations_read,
    related_read,
)
from professions.onet.tsv import (
    CODE,
    EDUCATION_FILE,
    FILE_MISSING,
    INTERESTS_FILE,
    KNOWLEDGE_FILE,
    LEVEL_MISSING,
    NO_FOLDER,
    OCCUPATIONS_FILE,
    RELATED_FILE,
    RELATED_TIER,
    REQUIRED_FILES,
    SCALE,
    SKILLS_FILE,
    SUPPRESS,
    TITLES_FILE,
    VALUE,
    ZONES_FILE,
    OnetFormatError,
    Progress,
)

DEFAULT_MAX_TITLES = 10
_RELEASE_FOLDER = re.compile(r"db_(\d+)_(\d+)_text")

ATTRIBUTION = (
    "Contains information from O*NET {release} by the U.S. Department of Labor, Employment "
    "and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. CareerFit has "
    "modified the data (interest levels rescaled to 0\N{EN DASH}100); USDOL/ETA has not approved, "
    "endorsed, or tested these modifications. O*NET® is a trademark of USDOL/ETA."
)


# The columns read from each file.
# --- Building one record per occupation ----------------------------------------------------


HUNDREDTH = Decimal("0.01")


def level_to_percent(value: Decimal) -> Decimal:
    """An O*NET interest level (1-7) on CareerFit's 0-100 scale: (v - 1) / 6 x 100 to two
    decimals, halves rounded up."""
    return ((value - 1) * 100 / 6).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def high_point_code(high_points: Mapping[int, int]) -> str:
    """The letters of the First, Second and Third high points, up to the first 0 (none)."""
    letters = []
    for place in sorted(HIGH_POINT_ELEMENTS.values()):
        value = high_points.get(place, 0)
        if value == 0:
            break
        letters.append(riasec.LETTERS[value - 1])
    return "".join(letters)


def holland_code_choose(
    high_points: Mapping[int, int], profile: Mapping[str, Decimal]
) -> tuple[str, bool]:
    """The occupation's Holland code and whether it had to come from the profile."""
    code = high_point_code(high_points)
    levels = {letter: float(level) for letter, level in profile.items()}  # exact: 2 decimals
    if riasec.is_code(code) and not riasec.code_disagreement(code, levels):
        return code, False
    return riasec.holland_code(levels, 3), True


@dataclass(frozen=True, slots=True)
class OccupationRecord:
    """Everything the release says about one occupation, in CareerFit's terms.

    `profile` and `holland_code` are None when Interests.txt has no row for the occupation
    (O*NET rates the interests of most occupations, not all); such an occupation cannot be
    matched and is not created, though a profession already holding its code is updated.
    """

    code: str
    name: str
    description: str
    line: int
    profile: dict[str, Decimal] | None
    holland_code: str | None
    code_from_profile: bool
    job_zone: int | None
    titles: tuple[str, ...]  # the common job titles to show
    other_titles: tuple[str, ...] = ()  # every other alternate title, for search
    # Every alternate title with the sources that report it: how commonly a word names the job.
    title_sources: tuple[tuple[str, frozenset[str]], ...] = ()
    education: tuple[int, int] | None = None  # the most common level (1-12) and its percent
    related: tuple[str, ...] = ()  # codes of the closest related occupations
    essentials: tuple[str, ...] = ()  # element IDs: essential knowledge, then skills


def occupation_record(
    occupation: Occupation,
    interests: Interests | None,
    *,
    job_zone: int | None = None,
    titles: Titles | None = None,
    education: tuple[int, int] | None = None,
    related: Sequence[str] | None = None,
    essentials: Sequence[str] | None = None,
) -> OccupationRecord:
    """Combine one occupation's rows; raises OnetFormatError when an OI level is missing."""
    profile = code = None
    from_profile = False
    if interests is not None:
        for letter in riasec.LETTERS:
            if letter not in interests.levels:
                raise OnetFormatError(
                    LEVEL_MISSING.format(
                        file=OCCUPATIONS_FILE,
                        line=occupation.line,
                        column=CODE,
                        value=occupation.code,
                        element=riasec.NAMES[letter],
                    )
                )
        profile = {letter: level_to_percent(interests.levels[letter]) for letter in riasec.LETTERS}
        code, from_profile = holland_code_choose(interests.high_points, profile)
    return OccupationRecord(
        code=occupation.code,
        name=occupation.title,
        description=occupation.description,
        line=occupation.line,
        profile=profile,
        holland_code=code,
        code_from_profile=from_profile,
        job_zone=job_zone,
        titles=titles.shown if titles else (),
        other_titles=titles.others if titles else (),
        title_sources=titles.sources if titles else (),
        education=education,
        related=tuple(related or ()),
        essentials=tuple(essentials or ()),
    )


# --- The optional files, and the whole release --------------------------------------------


@dataclass(frozen=True, slots=True)
class Reading:
    """What the readers of the optional files need besides the path."""

    occupations: Mapping[str, Occupation]
    max_titles: int
    title_max: int
    progress: Progress | None


@dataclass(frozen=True, slots=True)
class OptionalFile:
    """An optional file of the release: the columns CareerFit reads from it, which rows the
    compact copy keeps (professions/onet/compact.py), how it is read into a value per
    occupation code, and the group of an occupation's data it gives. Without the file, an
    import leaves that group as it is in the database."""

    name: str
    columns: tuple[str, ...]
    group: str
    read: Callable[[Reading, Path], Mapping[str, object]]
    keeps: Callable[[Mapping[str, str]], bool] = lambda row: True


OPTIONAL_FILES: tuple[OptionalFile, ...] = (
    OptionalFile(
        ZONES_FILE,
        ZONE_COLUMNS,
        "job_zone",
        lambda reading, path: job_zones_read(path, reading.occupations, reading.progress),
    ),
    OptionalFile(
        EDUCATION_FILE,
        EDUCATION_COLUMNS,
        "education",
        lambda reading, path: education_read(path, reading.occupations, reading.progress),
        keeps=lambda row: row[SCALE] == EDUCATION_SCALE,
    ),
    OptionalFile(
        RELATED_FILE,
        RELATED_COLUMNS,
        "related",
        lambda reading, path: related_read(path, reading.occupations, reading.progress),
        keeps=lambda row: row[RELATED_TIER] == CLOSEST_TIER,
    ),
    # Knowledge before skills, as profile pages list them.
    *(
        OptionalFile(
            name,
            ESSENTIAL_COLUMNS,
            "essentials",
            lambda reading, path: essentials_read(path, reading.occupations, reading.progress),
            keeps=lambda row: essential_candidate(row[SCALE], row[VALUE], row[SUPPRESS]),
        )
        for name in (KNOWLEDGE_FILE, SKILLS_FILE)
    ),
    OptionalFile(
        TITLES_FILE,
        TITLE_COLUMNS,
        "titles",
        lambda reading, path: alternate_titles_read(
            path, reading.occupations, reading.max_titles, reading.title_max, reading.progress
        ),
    ),
)
# The file each group comes from, for messages (the first, for a group of two).
GROUP_FILES = {optional.group: optional.name for optional in reversed(OPTIONAL_FILES)}


def essential_candidate(scale: str, value: str, suppress: str) -> bool:
    """Whether a Knowledge.txt or Skills.txt row may make its element essential; the
    importer checks every value again."""
    return scale == IMPORTANCE_SCALE and suppress != "Y" and Decimal(value) >= IMPORTANCE_CUT


@dataclass(frozen=True, slots=True)
class Release:
    """A whole release, read and validated: one record per occupation, in file order, and
    the groups of OPTIONAL_FILES it had files for; an import leaves the others alone."""

    records: dict[str, OccupationRecord]
    groups: frozenset[str]

    def has(self, group: str) -> bool:
        return group in self.groups


def release_read(
    directory: Path,
    *,
    name_max: int,
    title_max: int,
    max_titles: int = DEFAULT_MAX_TITLES,
    progress: Progress | None = None,
) -> Release:
    """Read and validate every file of the release; raises OnetFormatError at the first
    bad value. Nothing touches the database: `name_max` and `title_max` are the longest
    occupation title and alternate title it stores."""
    if not directory.is_dir():
        raise OnetFormatError(NO_FOLDER.format(directory=directory))
    for name in REQUIRED_FILES:
        if not (directory / name).is_file():
            raise OnetFormatError(FILE_MISSING.format(file=name, directory=directory))
    occupations = occupations_read(directory / OCCUPATIONS_FILE, name_max, progress)
    interests = interests_read(directory / INTERESTS_FILE, occupations, progress)
    reading = Reading(occupations, max_titles, title_max, progress)
    by_group: dict[str, dict[str, object]] = {}
    for optional in OPTIONAL_FILES:
        path = directory / optional.name
        if not path.is_file():
            continue
        values = by_group.setdefault(optional.group, {})
        for code, value in optional.read(reading, path).items():
            # Two files of one group (knowledge, skills) add up.
            values[code] = values[code] + value if code in values else value
    records = {
        code: occupation_record(
            occupation,
            interests.get(code),
            **{group: values.get(code) for group, values in by_group.items()},
        )
        for code, occupation in occupations.items()
    }
    return Release(records, frozenset(by_group))


def release_name(directory: Path) -> str:
    """The release named by a folder like db_29_1_text ("29.1 Database"), else "Database"."""
    match = _RELEASE_FOLDER.fullmatch(directory.resolve().name)
    return f"{match[1]}.{match[2]} Database" if match else "Database"
