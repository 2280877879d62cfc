"""One reader per file of an O*NET release, each turning its rows into plain data by
occupation code, with every value checked (see professions/onet/tsv.py for the errors).

- ``Occupation Data.txt``: code, title and description of each occupation;
- ``Interests.txt``: the six occupational interest levels (scale ``OI``, 1-7) and up to
  three interest high points (scale ``IH``, 1-6 for R-C in hexagon order, 0 for none);
- ``Job Zones.txt``: how much preparation the work needs, 1-5;
- ``Education, Training, and Experience.txt``: its RL rows, the share of workers at each of
  twelve levels of education;
- ``Related Occupations.txt``: the closest related occupations;
- ``Knowledge.txt`` and ``Skills.txt``: the importance (scale ``IM``, 1-5) of each of O*NET's
  33 knowledge areas and 35 skills for each occupation. An occupation's essential knowledge
  and skills are the ones rated at least IMPORTANCE_CUT, 3.0, which O*NET's scale calls
  "Important", most important first and at most MAX_ESSENTIAL = 7 of each kind; rows O*NET
  recommends suppressing are left out. CareerFit describes each of the 68 in its own words
  (`professions.onet.elements`);
- ``Alternate Titles.txt``: other titles the occupation is advertised under, with the
  sources that report each; the ones most sources report become the profile's common job
  titles, and all of them are searched.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from professions import riasec
from professions.onet.elements import ELEMENTS
from professions.onet.tsv import (
    ALTERNATE_TITLE,
    BAD_CODE,
    CATEGORY,
    CODE,
    CODE_PATTERN,
    DESCRIPTION,
    DUPLICATE,
    DUPLICATE_INTEREST,
    ELEMENT,
    ELEMENT_ID,
    IMPORTANCE_RANGE,
    JOB_ZONE,
    LEVEL_RANGE,
    PERCENT_RANGE,
    RELATED_CODE,
    RELATED_INDEX,
    RELATED_TIER,
    SCALE,
    SUPPRESS,
    TITLE,
    TITLE_SOURCES,
    UNKNOWN_ELEMENT,
    UNKNOWN_KNOWLEDGE_OR_SKILL,
    UNKNOWN_SCALE,
    VALUE,
    Progress,
    row_code,
    row_number,
    row_text,
    row_whole_number,
    tsv_rows,
)

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

# The columns read from each file.
OCCUPATION_COLUMNS = (CODE, TITLE, DESCRIPTION)
INTEREST_COLUMNS = (CODE, ELEMENT, SCALE, VALUE)
ZONE_COLUMNS = (CODE, JOB_ZONE)
EDUCATION_COLUMNS = (CODE, SCALE, CATEGORY, VALUE)
RELATED_COLUMNS = (CODE, RELATED_CODE, RELATED_TIER, RELATED_INDEX)
ESSENTIAL_COLUMNS = (CODE, ELEMENT_ID, SCALE, VALUE, SUPPRESS)
TITLE_COLUMNS = (CODE, ALTERNATE_TITLE, TITLE_SOURCES)

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
    for row in tsv_rows(path, OCCUPATION_COLUMNS, progress):
        code = row_code(row)
        if code in occupations:
            raise row.error(DUPLICATE, CODE, first=occupations[code].line)
        occupations[code] = Occupation(
            code, row_text(row, TITLE, name_max), row[DESCRIPTION], row.line
        )
    return occupations


def interests_read(
    path: Path, occupations: Mapping[str, Occupation], progress: Progress | None = None
) -> dict[str, Interests]:
    """Interests.txt as each occupation's levels and high points, by code."""
    interests: dict[str, Interests] = {}
    first_lines: dict[tuple[str, str, str], int] = {}
    for row in tsv_rows(path, INTEREST_COLUMNS, progress):
        code = row_code(row, occupations)
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
            level = row_number(row, VALUE)
            if not 1 <= level <= 7:
                raise row.error(LEVEL_RANGE, VALUE)
            entry.levels[LEVEL_ELEMENTS[element]] = level
        else:
            entry.high_points[HIGH_POINT_ELEMENTS[element]] = row_whole_number(row, VALUE, 0, 6)
    return interests


def job_zones_read(
    path: Path, occupations: Mapping[str, Occupation], progress: Progress | None = None
) -> dict[str, int]:
    """Job Zones.txt as the job zone (1-5) by code."""
    zones: dict[str, int] = {}
    first_lines: dict[str, int] = {}
    for row in tsv_rows(path, ZONE_COLUMNS, progress):
        code = row_code(row, occupations)
        if code in first_lines:
            raise row.error(DUPLICATE, CODE, first=first_lines[code])
        first_lines[code] = row.line
        zones[code] = row_whole_number(row, JOB_ZONE, 1, 5)
    return zones


def education_read(
    path: Path, occupations: Mapping[str, Occupation], progress: Progress | None = None
) -> dict[str, tuple[int, int]]:
    """The RL rows of Education, Training, and Experience.txt as each occupation's most
    common level of education (category 1-12) and the percent of workers who have it,
    rounded. Of equal shares the lower level counts; other scales' rows are skipped."""
    shares: dict[str, dict[int, Decimal]] = defaultdict(dict)
    for row in tsv_rows(path, EDUCATION_COLUMNS, progress):
        if row[SCALE] != EDUCATION_SCALE:
            continue
        code = row_code(row, occupations)
        level = row_whole_number(row, CATEGORY, 1, EDUCATION_LEVELS)
        share = row_number(row, VALUE)
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
    for row in tsv_rows(path, RELATED_COLUMNS, progress):
        if row[RELATED_TIER] != CLOSEST_TIER:
            continue
        code = row_code(row, occupations)
        other = row[RELATED_CODE]
        if not CODE_PATTERN.fullmatch(other):
            raise row.error(BAD_CODE, RELATED_CODE)
        related[code].append((row_whole_number(row, RELATED_INDEX, 1, 999), other))
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
    for row in tsv_rows(path, ESSENTIAL_COLUMNS, progress):
        if row[SCALE] != IMPORTANCE_SCALE:
            continue
        code = row_code(row, occupations)
        element = row[ELEMENT_ID]
        if element not in ELEMENTS:
            raise row.error(UNKNOWN_KNOWLEDGE_OR_SKILL, ELEMENT_ID)
        importance = row_number(row, VALUE)
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
    for row in tsv_rows(path, TITLE_COLUMNS, progress):
        code = row_code(row, occupations)
        title = row_text(row, ALTERNATE_TITLE, title_max)
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
