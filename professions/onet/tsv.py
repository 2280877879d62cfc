"""The files of an O*NET text release as rows: their names and columns, the exact texts of
every error, and a reader that checks each row's shape and values as it streams them.

The release is a folder of tab-separated UTF-8 files with one header row and no quoting
(https://www.onetcenter.org/database.html). Columns are found by header name. Any bad value
raises `OnetFormatError` naming the file, the physical line (the header is line 1), the
column and the value. Plain Python: nothing here imports Django.
"""

import csv
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Protocol

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

PROGRESS_EVERY = 1000  # rows between progress reports
CODE_PATTERN = re.compile(r"\d{2}-\d{4}\.\d{2}")  # an O*NET-SOC code: 27-2012.00

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


def row_code(row: Row, known: Mapping[str, object] | None = None) -> str:
    """The row's O*NET-SOC code, checked for form and, given `known`, for existence."""
    code = row[CODE]
    if not CODE_PATTERN.fullmatch(code):
        raise row.error(BAD_CODE, CODE)
    if known is not None and code not in known:
        raise row.error(UNKNOWN_CODE, CODE)
    return code


def row_text(row: Row, column: str, limit: int | None = None) -> str:
    value = row[column]
    if not value:
        raise row.error(EMPTY_VALUE, column)
    if limit is not None and len(value) > limit:
        raise row.error(TOO_LONG, column, limit=limit)
    return value


def row_number(row: Row, column: str) -> Decimal:
    try:
        number = Decimal(row[column])
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise row.error(NOT_A_NUMBER, column)
    return number


def row_whole_number(row: Row, column: str, low: int, high: int) -> int:
    number = row_number(row, column)
    if number != number.to_integral_value() or not low <= number <= high:
        raise row.error(WHOLE_RANGE, column, low=low, high=high)
    return int(number)
