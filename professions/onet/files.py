"""Reading and validating an O*NET database text release; nothing here touches the database.

The release is a folder of tab-separated UTF-8 files with one header row and no quoting
(https://www.onetcenter.org/database.html). This module reads four of them:

- ``Occupation Data.txt`` (required): code, title and description of each occupation;
- ``Interests.txt`` (required): for each occupation the six occupational interest levels
  (scale ``OI``, 1-7) and up to three interest high points (scale ``IH``, 1-6 for R-C in
  hexagon order, 0 for none);
- ``Alternate Titles.txt`` (optional): other titles the occupation is advertised under,
  with the sources that report each; the ones most sources report become the profile's
  common job titles, and all of them are searched;
- ``Job Zones.txt`` (optional): how much preparation the work needs, 1-5;
- ``Education, Training, and Experience.txt`` (optional): its RL rows, the share of workers
  at each of twelve levels of education;
- ``Related Occupations.txt`` (optional): the closest related occupations;
- ``Knowledge.txt`` and ``Skills.txt`` (optional): the importance (scale ``IM``, 1-5) of
  each of O*NET's 33 knowledge areas and 35 skills for each occupation. An occupation's
  essential knowledge and skills are the ones rated at least IMPORTANCE_CUT, 3.0, which
  O*NET's scale calls "Important", most important first and at most MAX_ESSENTIAL = 7 of
  each kind; rows O*NET recommends suppressing are left out. CareerFit describes each of
  the 68 in its own words (`professions.onet.elements`).

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
anything; any bad value raises `OnetFormatError` naming the file, the physical line (the
header is line 1), the column and the value. The longest name and job title the database
stores are passed in (`release_read`'s `name_max` and `title_max`), so that nothing here
imports Django; `professions.onet.changes` writes what `release_read` returns.
"""

import csv
import re
import time
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Protocol

from professions.onet.elements import ELEMENTS
from quiz import riasec

OCCUPATIONS_FILE = "Occupation Data.txt"
INTERESTS_FILE = "Interests.txt"
TITLES_FILE = "Alternate Titles.txt"
ZONES_FILE = "Job Zones.txt"
EDUCATION_FILE = "Education, Training, and Experience.txt"
RELATED_FILE = "Related Occupations.txt"
KNOWLEDGE_FILE = "Knowledge.txt"
SKILLS_FILE = "Skills.txt"
ESSENTIALS_FILES = (KNOWLEDGE_FILE, SKILLS_FILE)
REQUIRED_FILES = (OCCUPATIONS_FILE, INTERESTS_FILE)

CODE = "O*NET-SOC Code"
TITLE = "Title"
DESCRIPTION = "Description"
ELEMENT = "Element Name"
SCALE = "Scale ID"
VALUE = "Data Value"
ALTERNATE_TITLE = "Alternate Title"
TITLE_SOURCES = "Source(s)"
JOB_ZONE = "Job Zone"
CATEGORY = "Category"
RELATED_CODE = "Related O*NET-SOC Code"
RELATED_TIER = "Relatedness Tier"
RELATED_INDEX = "Index"
ELEMENT_ID = "Element ID"
SUPPRESS = "Recommend Suppress"

LEVEL_SCALE = "OI"  # occupational interest levels, 1-7
HIGH_POINT_SCALE = "IH"  # interest high points, 0-6
EDUCATION_SCALE = "RL"  # required level of education: percent of workers in each category
EDUCATION_LEVELS = 12  # categories 1-12, from less than a high-school diploma to post-doctoral
CLOSEST_TIER = "Primary-Short"  # O*NET's closest related occupations, five for each
IMPORTANCE_SCALE = "IM"  # importance of a knowledge area or skill, 1-5
IMPORTANCE_CUT = Decimal("3.0")  # "Important" on O*NET's importance scale
MAX_ESSENTIAL = 7  # essential knowledge areas, and skills, shown per occupation
LEVEL_ELEMENTS = {name: letter for letter, name in riasec.NAMES.items()}
HIGH_POINT_ELEMENTS = {
    "First Interest High-Point": 1,
    "Second Interest High-Point": 2,
    "Third Interest High-Point": 3,
}

DEFAULT_MAX_TITLES = 10
PROGRESS_EVERY = 1000  # rows between progress reports
CODE_PATTERN = re.compile(r"\d{2}-\d{4}\.\d{2}")  # an O*NET-SOC code: 27-2012.00
_RELEASE_FOLDER = re.compile(r"db_(\d+)_(\d+)_text")

ATTRIBUTION = (
    "Contains information from O*NET {release} by the U.S. Department of Labor, Employment "
    "and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. CareerFit has "
    "modified the data (interest levels rescaled to 0\N{EN DASH}100); USDOL/ETA has not approved, "
    "endorsed, or tested these modifications. O*NET® is a trademark of USDOL/ETA."
)

# --- Messages: exact texts, so that operators and tests can rely on them -------------------

NO_FOLDER = "{directory}: no such folder."
FILE_MISSING = "{file}: no such file in {directory}."
NOT_UTF8 = "{file}: the file is not valid UTF-8 text."
EMPTY_FILE = "{file}: the file is empty; it needs a header row."
CSV_ERROR = "{file}, line {line}: {error}."
COLUMN_MISSING = '{file}, line 1: column "{column}" is missing.'
ROW_WIDTH = "{file}, line {line}: {count} columns, but the header has {expected}."
EMPTY_VALUE = '{file}, line {line}, column "{column}": the value is empty.'
TOO_LONG = '{file}, line {line}, column "{column}": "{value}" is longer than {limit} characters.'
BAD_CODE = (
    '{file}, line {line}, column "{column}": "{value}" is not an O*NET-SOC code (NN-NNNN.NN).'
)
UNKNOWN_CODE = '{file}, line {line}, column "{column}": "{value}" is not in Occupation Data.txt.'
DUPLICATE = '{file}, line {line}, column "{column}": "{value}" repeats line {first}.'
DUPLICATE_INTEREST = (
    '{file}, line {line}, column "{column}": "{value}" on scale {scale} for {code} '
    "repeats line {first}."
)
NOT_A_NUMBER = '{file}, line {line}, column "{column}": "{value}" is not a number.'
LEVEL_RANGE = '{file}, line {line}, column "{column}": "{value}" is not between 1 and 7.'
PERCENT_RANGE = '{file}, line {line}, column "{column}": "{value}" is not a percent (0 to 100).'
WHOLE_RANGE = (
    '{file}, line {line}, column "{column}": "{value}" is not a whole number from {low} to {high}.'
)
UNKNOWN_SCALE = '{file}, line {line}, column "{column}": "{value}" is not a known scale (OI or IH).'
UNKNOWN_ELEMENT = (
    '{file}, line {line}, column "{column}": "{value}" is not an element of scale {scale}.'
)
UNKNOWN_KNOWLEDGE_OR_SKILL = (
    '{file}, line {line}, column "{column}": "{value}" is not one of the knowledge areas and '
    "skills CareerFit describes; add it to professions/onet/elements.py."
)
IMPORTANCE_RANGE = '{file}, line {line}, column "{column}": "{value}" is not between 1 and 5.'
LEVEL_MISSING = (
    '{file}, line {line}, column "{column}": "{value}" has no OI value for {element} '
    "in Interests.txt."
)


class OnetImportError(Exception):
    """The import cannot go ahead; the message says why, and nothing was written."""


class OnetFormatError(OnetImportError):
    """A file of the release is missing or holds a bad value."""


class Progress(Protocol):
    """Receives progress while the files are read: `seconds` since the file was opened,
    `fraction` of its bytes read so far."""

    def rows(self, file: str, count: int, seconds: float, fraction: float) -> None: ...

    def done(self, file: str, count: int, seconds: float) -> None: ...


class SilentProgress:
    def rows(self, file: str, count: int, seconds: float, fraction: float) -> None:
        pass

    def done(self, file: str, count: int, seconds: float) -> None:
        pass


# --- Reading ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: the wanted columns' values (stripped) and where the row is."""

    file: str
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def error(self, template: str, column: str, **details: object) -> OnetFormatError:
        """An `OnetFormatError` about this row's value in `column`."""
        return OnetFormatError(
            template.format(
                file=self.file, line=self.line, column=column, value=self[column], **details
            )
        )


def tsv_rows(path: Path, columns: Sequence[str], progress: Progress | None = None) -> Iterator[Row]:
    """Stream the data rows of a TSV file with the given columns, found by header name.

    Blank lines are skipped; every other row must have as many fields as the header.
    A byte-order mark and Windows line endings are accepted.
    """
    progress = progress or SilentProgress()
    file = path.name
    started = time.perf_counter()
    size = path.stat().st_size if path.exists() else 0
    count = 0
    line = 1
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = [name.strip() for name in next(reader, [])]
            if not header:
                raise OnetFormatError(EMPTY_FILE.format(file=file))
            positions = {}
            for column in columns:
                if column not in header:
                    raise OnetFormatError(COLUMN_MISSING.format(file=file, column=column))
                positions[column] = header.index(column)
            for fields in reader:
                line = reader.line_num
                if not fields:
                    continue
                if len(fields) != len(header):
                    raise OnetFormatError(
                        ROW_WIDTH.format(
                            file=file, line=line, count=len(fields), expected=len(header)
                        )
                    )
                count += 1
                yield Row(
                    file, line, {column: fields[i].strip() for column, i in positions.items()}
                )
                if count % PROGRESS_EVERY == 0:
                    # The byte position of the buffer under the text: close enough for a bar.
                    fraction = min(1.0, handle.buffer.tell() / size) if size else 1.0
                    progress.rows(file, count, time.perf_counter() - started, fraction)
    except UnicodeDecodeError:
        raise OnetFormatError(NOT_UTF8.format(file=file)) from None
    except csv.Error as error:
        raise OnetFormatError(CSV_ERROR.format(file=file, line=line, error=error)) from None
    progress.done(file, count, time.perf_counter() - started)


def _code(row: Row, known: Mapping[str, object] | None = None) -> str:
    """The row's O*NET-SOC code, checked for form and, given `known`, for existence."""
    code = row[CODE]
    if not CODE_PATTERN.fullmatch(code):
        raise row.error(BAD_CODE, CODE)
    if known is not None and code not in known:
        raise row.error(UNKNOWN_CODE, CODE)
    return code


def _text(row: Row, column: str, limit: int | None = None) -> str:
    value = row[column]
    if not value:
        raise row.error(EMPTY_VALUE, column)
    if limit is not None and len(value) > limit:
        raise row.error(TOO_LONG, column, limit=limit)
    return value


def _number(row: Row, column: str) -> Decimal:
    try:
        number = Decimal(row[column])
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise row.error(NOT_A_NUMBER, column)
    return number


def _whole_number(row: Row, column: str, low: int, high: int) -> int:
    number = _number(row, column)
    if number != number.to_integral_value() or not low <= number <= high:
        raise row.error(WHOLE_RANGE, column, low=low, high=high)
    return int(number)


# --- Parsing each file into plain data -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Occupation:
    code: str
    title: str
    description: str
    line: int  # in Occupation Data.txt


@dataclass(slots=True)
class Interests:
    """One occupation's rows of Interests.txt: OI levels by letter, IH values by place."""

    levels: dict[str, Decimal] = field(default_factory=dict)
    high_points: dict[int, int] = field(default_factory=dict)


def occupations_read(
    path: Path, name_max: int, progress: Progress | None = None
) -> dict[str, Occupation]:
    """Occupation Data.txt as occupations by code, in file order; titles are names, of up
    to `name_max` characters."""
    occupations: dict[str, Occupation] = {}
    for row in tsv_rows(path, (CODE, TITLE, DESCRIPTION), progress):
        code = _code(row)
        if code in occupations:
            raise row.error(DUPLICATE, CODE, first=occupations[code].line)
        occupations[code] = Occupation(
            code, _text(row, TITLE, name_max), row[DESCRIPTION], row.line
        )
    return occupations


def interests_read(
    path: Path, occupations: Mapping[str, Occupation], progress: Progress | None = None
) -> dict[str, Interests]:
    """Interests.txt as each occupation's levels and high points, by code."""
    interests: dict[str, Interests] = {}
    first_lines: dict[tuple[str, str, str], int] = {}
    for row in tsv_rows(path, (CODE, ELEMENT, SCALE, VALUE), progress):
        code = _code(row, occupations)
        scale, element = row[SCALE], row[ELEMENT]
        if scale == LEVEL_SCALE:
            elements: Mapping[str, object] = LEVEL_ELEMENTS
        elif scale == HIGH_POINT_SCALE:
            elements = HIGH_POINT_ELEMENTS
        else:
            raise row.error(UNKNOWN_SCALE, SCALE)
        if element not in elements:
            raise row.error(UNKNOWN_ELEMENT, ELEMENT, scale=scale)
        key = (code, scale, element)
        if key in first_lines:
            raise row.error(
                DUPLICATE_INTEREST, ELEMENT, scale=scale, code=code, first=first_lines[key]
            )
        first_lines[key] = row.line
        entry = interests.setdefault(code, Interests())
        if scale == LEVEL_SCALE:
            level = _number(row, VALUE)
            if not 1 <= level <= 7:
                raise row.error(LEVEL_RANGE, VALUE)
            entry.levels[LEVEL_ELEMENTS[element]] = level
        else:
            entry.high_points[HIGH_POINT_ELEMENTS[element]] = _whole_number(row, VALUE, 0, 6)
    return interests


def job_zones_read(
    path: Path, occupations: Mapping[str, Occupation], progress: Progress | None = None
) -> dict[str, int]:
    """Job Zones.txt as the job zone (1-5) by code."""
    zones: dict[str, int] = {}
    first_lines: dict[str, int] = {}
    for row in tsv_rows(path, (CODE, JOB_ZONE), progress):
        code = _code(row, occupations)
        if code in first_lines:
            raise row.error(DUPLICATE, CODE, first=first_lines[code])
        first_lines[code] = row.line
        zones[code] = _whole_number(row, JOB_ZONE, 1, 5)
    return zones


def education_read(
    path: Path, occupations: Mapping[str, Occupation], progress: Progress | None = None
) -> dict[str, tuple[int, int]]:
    """The RL rows of Education, Training, and Experience.txt as each occupation's most
    common level of education (category 1-12) and the percent of workers who have it,
    rounded. Of equal shares the lower level counts; other scales' rows are skipped."""
    shares: dict[str, dict[int, Decimal]] = defaultdict(dict)
    for row in tsv_rows(path, (CODE, SCALE, CATEGORY, VALUE), progress):
        if row[SCALE] != EDUCATION_SCALE:
            continue
        code = _code(row, occupations)
        level = _whole_number(row, CATEGORY, 1, EDUCATION_LEVELS)
        share = _number(row, VALUE)
        if not 0 <= share <= 100:
            raise row.error(PERCENT_RANGE, VALUE)
        shares[code][level] = share
    education = {}
    for code, by_level in shares.items():
        level = max(sorted(by_level), key=lambda category: by_level[category])
        if by_level[level] > 0:
            percent = by_level[level].quantize(Decimal(1), rounding=ROUND_HALF_UP)
            education[code] = (level, int(percent))
    return education


def related_read(
    path: Path, occupations: Mapping[str, Occupation], progress: Progress | None = None
) -> dict[str, tuple[str, ...]]:
    """Related Occupations.txt as each occupation's closest related occupations (the
    Primary-Short tier), by code, in O*NET's order (its Index column)."""
    related: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in tsv_rows(path, (CODE, RELATED_CODE, RELATED_TIER, RELATED_INDEX), progress):
        if row[RELATED_TIER] != CLOSEST_TIER:
            continue
        code = _code(row, occupations)
        other = row[RELATED_CODE]
        if not CODE_PATTERN.fullmatch(other):
            raise row.error(BAD_CODE, RELATED_CODE)
        related[code].append((_whole_number(row, RELATED_INDEX, 1, 999), other))
    return {
        code: tuple(other for _index, other in sorted(pairs)) for code, pairs in related.items()
    }


def essentials_read(
    path: Path, occupations: Mapping[str, Occupation], progress: Progress | None = None
) -> dict[str, tuple[str, ...]]:
    """Knowledge.txt or Skills.txt as each occupation's essential element IDs: importance at
    least IMPORTANCE_CUT, not suppressed, most important first (equal ones in file order),
    at most MAX_ESSENTIAL."""
    rated: dict[str, list[tuple[Decimal, int, str]]] = defaultdict(list)
    for row in tsv_rows(path, (CODE, ELEMENT_ID, SCALE, VALUE, SUPPRESS), progress):
        if row[SCALE] != IMPORTANCE_SCALE:
            continue
        code = _code(row, occupations)
        element = row[ELEMENT_ID]
        if element not in ELEMENTS:
            raise row.error(UNKNOWN_KNOWLEDGE_OR_SKILL, ELEMENT_ID)
        importance = _number(row, VALUE)
        if not 1 <= importance <= 5:
            raise row.error(IMPORTANCE_RANGE, VALUE)
        if importance >= IMPORTANCE_CUT and row[SUPPRESS] != "Y":
            rated[code].append((-importance, row.line, element))
    return {
        code: tuple(element for *_order, element in sorted(elements)[:MAX_ESSENTIAL])
        for code, elements in rated.items()
    }


@dataclass(frozen=True, slots=True)
class Titles:
    """One occupation's alternate titles: the ones to show, every other one, and for each
    title the sources that report it (O*NET's codes for job boards, surveys and the like)."""

    shown: tuple[str, ...]
    others: tuple[str, ...]
    sources: tuple[tuple[str, frozenset[str]], ...] = ()


def alternate_titles_read(
    path: Path,
    occupations: Mapping[str, Occupation],
    max_titles: int,
    title_max: int,
    progress: Progress | None = None,
) -> dict[str, Titles]:
    """Alternate Titles.txt as each occupation's titles, of up to `title_max` characters,
    by code: the `max_titles` reported by the most sources shown (equal ones in file order),
    the rest kept for search. Titles equal but for case count once."""
    found: dict[str, dict[str, tuple[int, int, str]]] = defaultdict(dict)
    reported: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
    for row in tsv_rows(path, (CODE, ALTERNATE_TITLE, TITLE_SOURCES), progress):
        code = _code(row, occupations)
        title = _text(row, ALTERNATE_TITLE, title_max)
        sources = frozenset(source.strip() for source in row[TITLE_SOURCES].split(","))
        sources -= {""}
        found[code].setdefault(title.casefold(), (-len(sources), row.line, title))
        reported[code][title] = reported[code].get(title, frozenset()) | sources
    titles = {}
    for code, by_key in found.items():
        ranked = sorted(by_key.values())
        shown = {line for _sources, line, _title in ranked[:max_titles]}
        in_file_order = sorted((line, title) for _sources, line, title in ranked)
        titles[code] = Titles(
            shown=tuple(title for *_order, title in ranked[:max_titles]),
            others=tuple(title for line, title in in_file_order if line not in shown),
            sources=tuple(reported[code].items()),
        )
    return titles


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
    job_zone: int | None,
    titles: Titles | None,
    education: tuple[int, int] | None = None,
    related: Sequence[str] = (),
    essentials: Sequence[str] = (),
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
        related=tuple(related),
        essentials=tuple(essentials),
    )


@dataclass(frozen=True, slots=True)
class Release:
    """A whole release, read and validated: one record per occupation, in file order."""

    records: dict[str, OccupationRecord]
    has_titles: bool  # Alternate Titles.txt was there; otherwise titles are left alone
    has_zones: bool  # Job Zones.txt was there; otherwise job zones are left alone
    has_education: bool = False  # the education file was there; otherwise left alone
    has_related: bool = False  # Related Occupations.txt was there; otherwise left alone
    has_essentials: bool = False  # Knowledge.txt or Skills.txt was there; else left alone


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
    zones_path, titles_path = directory / ZONES_FILE, directory / TITLES_FILE
    zones = job_zones_read(zones_path, occupations, progress) if zones_path.is_file() else {}
    education_path, related_path = directory / EDUCATION_FILE, directory / RELATED_FILE
    education = (
        education_read(education_path, occupations, progress) if education_path.is_file() else {}
    )
    related = related_read(related_path, occupations, progress) if related_path.is_file() else {}
    essentials: dict[str, list[str]] = defaultdict(list)
    for name in ESSENTIALS_FILES:  # knowledge first, as profile pages list it
        if (directory / name).is_file():
            for code, elements in essentials_read(directory / name, occupations, progress).items():
                essentials[code].extend(elements)
    titles = (
        alternate_titles_read(titles_path, occupations, max_titles, title_max, progress)
        if titles_path.is_file()
        else {}
    )
    records = {
        code: occupation_record(
            occupation,
            interests.get(code),
            zones.get(code),
            titles.get(code),
            education.get(code),
            related.get(code, ()),
            essentials.get(code, ()),
        )
        for code, occupation in occupations.items()
    }
    return Release(
        records,
        has_titles=titles_path.is_file(),
        has_zones=zones_path.is_file(),
        has_education=education_path.is_file(),
        has_related=related_path.is_file(),
        has_essentials=any((directory / name).is_file() for name in ESSENTIALS_FILES),
    )


def release_name(directory: Path) -> str:
    """The release named by a folder like db_29_1_text ("29.1 Database"), else "Database"."""
    match = _RELEASE_FOLDER.fullmatch(directory.resolve().name)
    return f"{match[1]}.{match[2]} Database" if match else "Database"
