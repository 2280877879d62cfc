"""Importing occupations from the O*NET database text release.

The release is a folder of tab-separated UTF-8 files with one header row and no quoting
(https://www.onetcenter.org/database.html). This module reads four of them:

- ``Occupation Data.txt`` (required): code, title and description of each occupation;
- ``Interests.txt`` (required): for each occupation the six occupational interest levels
  (scale ``OI``, 1-7) and up to three interest high points (scale ``IH``, 1-6 for R-C in
  hexagon order, 0 for none);
- ``Alternate Titles.txt`` (optional): other titles the occupation is advertised under;
- ``Job Zones.txt`` (optional): how much preparation the work needs, 1-5.

An interest level v on O*NET's 1-7 scale becomes CareerFit's 0-100 scale (percent of the
strongest possible interest, the scale of quiz scores) by

    level = round((v - 1) / 6 x 100),

computed exactly in decimal and rounded half up: 7.00 -> 100, 4.00 -> 50, 1.50 -> 8
(8.33), 1.03 -> 1 (exactly 0.5). The Holland code is O*NET's high points, First, Second,
Third, stopping at the first 0; when that leaves fewer than two letters, repeats a letter,
or contradicts the rescaled profile (`riasec.code_disagreement`, which rounding can cause),
the code is the profile's own three highest letters (`riasec.holland_code`) instead.

The import reads and validates every file completely before it writes anything; any bad
value raises `OnetFormatError` naming the file, the physical line (the header is line 1),
the column and the value. It then compares the wanted state of every occupation with the
database and, in one transaction, writes only what differs. Professions written by editors
(origin "editorial") are never changed unless a `Link` names them.
"""

import csv
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Protocol, TypeVar

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from professions.models import PROFILE_FIELDS, JobTitle, Profession
from quiz import riasec

OCCUPATIONS_FILE = "Occupation Data.txt"
INTERESTS_FILE = "Interests.txt"
TITLES_FILE = "Alternate Titles.txt"
ZONES_FILE = "Job Zones.txt"
REQUIRED_FILES = (OCCUPATIONS_FILE, INTERESTS_FILE)

CODE = "O*NET-SOC Code"
TITLE = "Title"
DESCRIPTION = "Description"
ELEMENT = "Element Name"
SCALE = "Scale ID"
VALUE = "Data Value"
ALTERNATE_TITLE = "Alternate Title"
JOB_ZONE = "Job Zone"

LEVEL_SCALE = "OI"  # occupational interest levels, 1-7
HIGH_POINT_SCALE = "IH"  # interest high points, 0-6
LEVEL_ELEMENTS = {name: letter for letter, name in riasec.NAMES.items()}
HIGH_POINT_ELEMENTS = {
    "First Interest High-Point": 1,
    "Second Interest High-Point": 2,
    "Third Interest High-Point": 3,
}

DEFAULT_MAX_TITLES = 10
BATCH_SIZE = 500
PROGRESS_EVERY = 1000  # rows between progress reports
LINK_FIELDS = ("description", "profile", "job_zone", "titles", "attribution")
_CODE_PATTERN = re.compile(r"\d{2}-\d{4}\.\d{2}")
_RELEASE_FOLDER = re.compile(r"db_(\d+)_(\d+)_text")
_NAME_MAX = Profession._meta.get_field("name").max_length
_SLUG_MAX = Profession._meta.get_field("slug").max_length
_JOB_TITLE_MAX = JobTitle._meta.get_field("title").max_length

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
WHOLE_RANGE = (
    '{file}, line {line}, column "{column}": "{value}" is not a whole number from {low} to {high}.'
)
UNKNOWN_SCALE = '{file}, line {line}, column "{column}": "{value}" is not a known scale (OI or IH).'
UNKNOWN_ELEMENT = (
    '{file}, line {line}, column "{column}": "{value}" is not an element of scale {scale}.'
)
LEVEL_MISSING = (
    '{file}, line {line}, column "{column}": "{value}" has no OI value for {element} '
    "in Interests.txt."
)

LINK_SYNTAX = (
    '--link "{link}": write SLUG=CODE or SLUG=CODE:FIELDS, '
    "e.g. producer=27-2012.00:job_zone,titles."
)
LINK_BAD_CODE = '--link "{link}": "{code}" is not an O*NET-SOC code (NN-NNNN.NN).'
LINK_UNKNOWN_FIELD = (
    '--link "{link}": unknown field "{field}"; choose from description, profile, job_zone, '
    "titles, attribution."
)
LINK_SLUG_TWICE = '--link "{link}": the profession "{slug}" is already linked by another --link.'
LINK_CODE_TWICE = '--link "{link}": the code {code} is already linked by another --link.'
LINK_UNKNOWN_SLUG = '--link "{link}": no profession has the slug "{slug}".'
LINK_UNKNOWN_CODE = '--link "{link}": {code} is not in Occupation Data.txt.'
LINK_NOT_EDITORIAL = (
    '--link "{link}": "{slug}" was imported from O*NET; only editorial professions are linked.'
)
LINK_CODE_TAKEN = '--link "{link}": {code} already belongs to the profession "{other}".'
LINK_NO_INTERESTS = (
    '--link "{link}": field "profile" needs interest data, and Interests.txt has none for {code}.'
)
LINK_NO_FILE = '--link "{link}": field "{field}" needs {file}, which is not in the folder.'


class OnetImportError(Exception):
    """The import cannot go ahead; the message says why, and nothing was written."""


class OnetFormatError(OnetImportError):
    """A file of the release is missing or holds a bad value."""


class OnetLinkError(OnetImportError):
    """A --link argument is malformed or names something that does not exist."""


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
    if not _CODE_PATTERN.fullmatch(code):
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


def occupations_read(path: Path, progress: Progress | None = None) -> dict[str, Occupation]:
    """Occupation Data.txt as occupations by code, in file order."""
    occupations: dict[str, Occupation] = {}
    for row in tsv_rows(path, (CODE, TITLE, DESCRIPTION), progress):
        code = _code(row)
        if code in occupations:
            raise row.error(DUPLICATE, CODE, first=occupations[code].line)
        occupations[code] = Occupation(
            code, _text(row, TITLE, _NAME_MAX), row[DESCRIPTION], row.line
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


def alternate_titles_read(
    path: Path,
    occupations: Mapping[str, Occupation],
    max_titles: int,
    progress: Progress | None = None,
) -> dict[str, list[str]]:
    """Alternate Titles.txt as up to `max_titles` titles by code.

    Titles equal but for case count once; the first ones in file order are kept. Only the
    kept titles stay in memory, so the file streams through whatever its size.
    """
    titles: dict[str, list[str]] = defaultdict(list)
    seen: dict[str, set[str]] = defaultdict(set)
    for row in tsv_rows(path, (CODE, ALTERNATE_TITLE), progress):
        code = _code(row, occupations)
        title = _text(row, ALTERNATE_TITLE, _JOB_TITLE_MAX)
        kept = titles[code]
        if len(kept) >= max_titles:
            continue
        key = title.casefold()
        if key not in seen[code]:
            seen[code].add(key)
            kept.append(title)
            if len(kept) == max_titles:
                del seen[code]  # full: no further title can be kept
    return dict(titles)


# --- Building one record per occupation ----------------------------------------------------


def level_to_percent(value: Decimal) -> int:
    """An O*NET interest level (1-7) on CareerFit's 0-100 scale: round((v - 1) / 6 x 100),
    halves rounded up."""
    return int(((value - 1) * 100 / 6).quantize(Decimal(1), rounding=ROUND_HALF_UP))


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
    high_points: Mapping[int, int], profile: Mapping[str, int]
) -> tuple[str, bool]:
    """The occupation's Holland code and whether it had to come from the profile."""
    code = high_point_code(high_points)
    if (
        len(code) >= 2
        and len(set(code)) == len(code)
        and not riasec.code_disagreement(code, profile)
    ):
        return code, False
    return riasec.holland_code(profile, 3), True


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
    profile: dict[str, int] | None
    holland_code: str | None
    code_from_profile: bool
    job_zone: int | None
    titles: tuple[str, ...]


def occupation_record(
    occupation: Occupation,
    interests: Interests | None,
    job_zone: int | None,
    titles: Sequence[str],
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
        titles=tuple(titles),
    )


@dataclass(frozen=True, slots=True)
class Release:
    """A whole release, read and validated: one record per occupation, in file order."""

    records: dict[str, OccupationRecord]
    has_titles: bool  # Alternate Titles.txt was there; otherwise titles are left alone
    has_zones: bool  # Job Zones.txt was there; otherwise job zones are left alone


def release_read(
    directory: Path, *, max_titles: int = DEFAULT_MAX_TITLES, progress: Progress | None = None
) -> Release:
    """Read and validate every file of the release; raises OnetFormatError at the first
    bad value. Nothing touches the database."""
    if not directory.is_dir():
        raise OnetFormatError(NO_FOLDER.format(directory=directory))
    for name in REQUIRED_FILES:
        if not (directory / name).is_file():
            raise OnetFormatError(FILE_MISSING.format(file=name, directory=directory))
    occupations = occupations_read(directory / OCCUPATIONS_FILE, progress)
    interests = interests_read(directory / INTERESTS_FILE, occupations, progress)
    zones_path, titles_path = directory / ZONES_FILE, directory / TITLES_FILE
    zones = job_zones_read(zones_path, occupations, progress) if zones_path.is_file() else {}
    titles = (
        alternate_titles_read(titles_path, occupations, max_titles, progress)
        if titles_path.is_file()
        else {}
    )
    records = {
        code: occupation_record(
            occupation, interests.get(code), zones.get(code), titles.get(code, ())
        )
        for code, occupation in occupations.items()
    }
    return Release(records, has_titles=titles_path.is_file(), has_zones=zones_path.is_file())


def release_name(directory: Path) -> str:
    """The release named by a folder like db_29_1_text ("29.1 Database"), else "Database"."""
    match = _RELEASE_FOLDER.fullmatch(directory.resolve().name)
    return f"{match[1]}.{match[2]} Database" if match else "Database"


# --- Links between editorial professions and O*NET occupations ----------------------------


@dataclass(frozen=True, slots=True)
class Link:
    """--link SLUG=CODE[:FIELDS]: an editorial profession stands for an O*NET occupation,
    and the listed fields (only those) are taken from the release."""

    slug: str
    code: str
    fields: frozenset[str]
    text: str  # as the operator wrote it, for messages


def link_parse(text: str) -> Link:
    """Parse one --link argument; raises OnetLinkError."""
    slug, equals, rest = text.partition("=")
    code, colon, names = rest.partition(":")
    slug, code = slug.strip(), code.strip()
    fields = [name.strip() for name in names.split(",")] if colon else []
    if not equals or not slug or not code or (colon and not any(fields)):
        raise OnetLinkError(LINK_SYNTAX.format(link=text))
    if not _CODE_PATTERN.fullmatch(code):
        raise OnetLinkError(LINK_BAD_CODE.format(link=text, code=code))
    for name in fields:
        if name not in LINK_FIELDS:
            raise OnetLinkError(LINK_UNKNOWN_FIELD.format(link=text, field=name))
    return Link(slug, code, frozenset(fields), text)


def links_check(
    links: Sequence[Link],
    release: Release,
    owners: Mapping[str, Profession],
    by_slug: Mapping[str, Profession],
) -> dict[str, Link]:
    """Check the links against the release and the database; returns them by code.

    `owners` maps each code already in the database to its profession.
    """
    by_code: dict[str, Link] = {}
    slugs: set[str] = set()
    for link in links:
        if link.slug in slugs:
            raise OnetLinkError(LINK_SLUG_TWICE.format(link=link.text, slug=link.slug))
        if link.code in by_code:
            raise OnetLinkError(LINK_CODE_TWICE.format(link=link.text, code=link.code))
        profession = by_slug.get(link.slug)
        if profession is None:
            raise OnetLinkError(LINK_UNKNOWN_SLUG.format(link=link.text, slug=link.slug))
        if profession.origin != Profession.Origin.EDITORIAL:
            raise OnetLinkError(LINK_NOT_EDITORIAL.format(link=link.text, slug=link.slug))
        record = release.records.get(link.code)
        if record is None:
            raise OnetLinkError(LINK_UNKNOWN_CODE.format(link=link.text, code=link.code))
        owner = owners.get(link.code)
        if owner is not None and owner.pk != profession.pk:
            raise OnetLinkError(
                LINK_CODE_TAKEN.format(link=link.text, code=link.code, other=owner.slug)
            )
        if "profile" in link.fields and record.profile is None:
            raise OnetLinkError(LINK_NO_INTERESTS.format(link=link.text, code=link.code))
        for name, file, present in (
            ("titles", TITLES_FILE, release.has_titles),
            ("job_zone", ZONES_FILE, release.has_zones),
        ):
            if name in link.fields and not present:
                raise OnetLinkError(LINK_NO_FILE.format(link=link.text, field=name, file=file))
        slugs.add(link.slug)
        by_code[link.code] = link
    return by_code


# --- Planning and applying the changes -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did, or with dry_run would do; names in the release's order."""

    release: str
    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    codes_from_profile: int  # occupations whose Holland code came from the profile
    skipped: tuple[str, ...]  # codes without interest data and without a profession
    not_in_release: tuple[str, ...]  # codes of imported professions the release lacks
    dry_run: bool

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


@dataclass
class ImportPlan:
    """The writes that bring the database to the release's state."""

    created: list[Profession] = field(default_factory=list)
    updates: dict[tuple[str, ...], list[Profession]] = field(default_factory=dict)
    titles_removed: list[int] = field(default_factory=list)  # JobTitle pks
    titles_added: list[JobTitle] = field(default_factory=list)
    updated_names: list[str] = field(default_factory=list)
    unchanged_names: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    not_in_release: list[str] = field(default_factory=list)


def first_sentence(text: str) -> str:
    """The summary a card shows: O*NET descriptions are one paragraph, its first sentence
    says what the job is, and the profile page shows the whole paragraph below it."""
    return re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]


def _wanted_fields(
    record: OccupationRecord, names: Iterable[str], attribution: str, has_zones: bool
) -> dict[str, object]:
    """Model field values for the named groups: "name", "summary", "description",
    "profile" (six levels and the code) "job_zone" and "attribution". A group the release
    has no data for (a profile without interests, job zones without Job Zones.txt) is left
    out, so the profession keeps what it has."""
    values: dict[str, object] = {}
    for name in names:
        if name == "name":
            values["name"] = record.name
        elif name == "summary":
            values["summary"] = first_sentence(record.description)
        elif name == "description":
            values["description"] = record.description
        elif name == "profile" and record.profile is not None:
            values.update(
                {PROFILE_FIELDS[letter]: level for letter, level in record.profile.items()}
            )
            values["holland_code"] = record.holland_code
        elif name == "job_zone" and has_zones:
            values["job_zone"] = record.job_zone
        elif name == "attribution":
            values["attribution"] = attribution
    return values


# An imported profession follows the release in everything but slug and published.
_IMPORTED_FIELDS = ("name", "summary", "description", "profile", "job_zone", "attribution")


def slug_choose(name: str, code: str, taken: set[str]) -> str:
    """slugify(name), or with the code appended when another profession has that slug."""
    base = slugify(name)[:_SLUG_MAX].strip("-")
    if base and base not in taken:
        return base
    suffix = slugify(code.replace(".", "-"))  # 27-2012.00 -> 27-2012-00
    stem = base[: _SLUG_MAX - len(suffix) - 1].strip("-")
    candidate = f"{stem}-{suffix}" if stem else suffix
    number = 2
    while candidate in taken:  # only if an editor chose exactly such a slug
        candidate = f"{stem[: _SLUG_MAX - len(suffix) - 4].strip('-')}-{suffix}-{number}"
        number += 1
    return candidate


def import_plan(
    release: Release, *, links: Sequence[Link], attribution: str, publish: bool
) -> ImportPlan:
    """Compare the release with the database and list the writes; reads in two queries."""
    professions = list(Profession.objects.order_by("pk"))
    by_slug = {profession.slug: profession for profession in professions}
    owners = {
        profession.onet_code: profession for profession in professions if profession.onet_code
    }
    links_by_code = links_check(links, release, owners, by_slug)
    for code, link in links_by_code.items():  # a re-linked profession frees its old code
        profession = by_slug[link.slug]
        if profession.onet_code and profession.onet_code != code:
            del owners[profession.onet_code]
        owners[code] = profession
    titles_by_profession: dict[int, dict[str, int]] = defaultdict(dict)
    for pk, profession_id, title in JobTitle.objects.filter(
        Q(profession__onet_code__isnull=False)
        | Q(profession__slug__in=[link.slug for link in links])
    ).values_list("pk", "profession_id", "title"):
        titles_by_profession[profession_id][title] = pk

    plan = ImportPlan()
    plan.not_in_release = sorted(
        code
        for code, profession in owners.items()
        if profession.origin == Profession.Origin.ONET and code not in release.records
    )
    taken = set(by_slug)
    now = timezone.now()
    for code, record in release.records.items():
        link = links_by_code.get(code)
        profession = owners.get(code)
        if profession is None:
            if record.profile is None:
                plan.skipped.append(code)
                continue
            profession = _profession_new(record, attribution, publish, taken)
            plan.created.append(profession)
            plan.titles_added.extend(
                JobTitle(profession=profession, title=t) for t in record.titles
            )
            continue
        imported = profession.origin == Profession.Origin.ONET
        names = _IMPORTED_FIELDS if imported else (link.fields if link else ())
        changed = []
        for name, value in _wanted_fields(record, names, attribution, release.has_zones).items():
            if getattr(profession, name) != value:
                setattr(profession, name, value)
                changed.append(name)
        if profession.onet_code != code:
            profession.onet_code = code
            changed.append("onet_code")
        titles_changed = False
        if release.has_titles and (imported or "titles" in names):
            titles_changed = _titles_plan(plan, profession, record.titles, titles_by_profession)
        if changed or titles_changed:
            profession.updated = now
            plan.updates.setdefault((*changed, "updated"), []).append(profession)
            plan.updated_names.append(profession.name)
        else:
            plan.unchanged_names.append(profession.name)
    return plan


def _profession_new(
    record: OccupationRecord, attribution: str, publish: bool, taken: set[str]
) -> Profession:
    slug = slug_choose(record.name, record.code, taken)
    taken.add(slug)
    return Profession(
        slug=slug,
        origin=Profession.Origin.ONET,
        onet_code=record.code,
        published=publish,
        **_wanted_fields(record, _IMPORTED_FIELDS, attribution, has_zones=True),
    )


def _titles_plan(
    plan: ImportPlan,
    profession: Profession,
    wanted: Sequence[str],
    titles_by_profession: Mapping[int, Mapping[str, int]],
) -> bool:
    """Add the title changes of one existing profession to `plan`; whether there were any."""
    current = titles_by_profession.get(profession.pk, {})
    removed = [pk for title, pk in current.items() if title not in wanted]
    added = [title for title in wanted if title not in current]
    plan.titles_removed.extend(removed)
    plan.titles_added.extend(JobTitle(profession=profession, title=title) for title in added)
    return bool(removed or added)


T = TypeVar("T")


def _batches(items: Sequence[T], size: int = BATCH_SIZE) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def plan_apply(plan: ImportPlan) -> None:
    """Write the plan: updates first (a re-linked code is freed before it is reused), then
    new professions, then job titles. Call inside a transaction."""
    for fields, professions in plan.updates.items():
        Profession.objects.bulk_update(professions, fields, batch_size=BATCH_SIZE)
    Profession.objects.bulk_create(plan.created, batch_size=BATCH_SIZE)
    for pks in _batches(plan.titles_removed):
        JobTitle.objects.filter(pk__in=pks).delete()
    JobTitle.objects.bulk_create(plan.titles_added, batch_size=BATCH_SIZE)


def onet_import(
    *,
    directory: Path,
    release: str | None = None,
    links: Sequence[Link] = (),
    max_titles: int = DEFAULT_MAX_TITLES,
    publish: bool = True,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import an O*NET text release from `directory`; see the module docstring.

    Every file is read and validated first (OnetFormatError), the links are checked
    (OnetLinkError), and then all writes happen in one transaction, or none with dry_run.
    """
    release = release or release_name(directory)
    data = release_read(directory, max_titles=max_titles, progress=progress)
    with transaction.atomic():
        plan = import_plan(
            data, links=links, attribution=ATTRIBUTION.format(release=release), publish=publish
        )
        if not dry_run:
            plan_apply(plan)
    return ImportReport(
        release=release,
        created=tuple(profession.name for profession in plan.created),
        updated=tuple(plan.updated_names),
        unchanged=tuple(plan.unchanged_names),
        codes_from_profile=sum(record.code_from_profile for record in data.records.values()),
        skipped=tuple(plan.skipped),
        not_in_release=tuple(plan.not_in_release),
        dry_run=dry_run,
    )
