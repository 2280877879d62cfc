"""A small O*NET text release to import in tests, written into a folder as O*NET ships its
files, and the helpers that run the importer over it."""

import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from professions import riasec
from professions.models import JobTitle, Profession

OCCUPATIONS = "Occupation Data.txt"
INTERESTS = "Interests.txt"
TITLES = "Alternate Titles.txt"
ZONES = "Job Zones.txt"
ATTRIBUTION_29_1 = (
    "Contains information from O*NET 29.1 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. "
    "CareerFit has modified the data (interest levels rescaled to 0\N{EN DASH}100); USDOL/ETA "
    "has not approved, endorsed, or tested these modifications. O*NET® is a trademark of "
    "USDOL/ETA."
)

LEVEL_IDS = {letter: f"1.B.1.{letter.lower()}" for letter in "RIASEC"}
HIGH_POINTS = ["First", "Second", "Third"]


def interest_rows(code: str, levels: str, high_points: str) -> list[list[str]]:
    """Nine Interests.txt rows: OI levels in RIASEC order, then the three IH values."""
    rows = [
        [code, LEVEL_IDS[letter], riasec.NAMES[letter], "OI", value, "07/2024", "Machine Learning"]
        for letter, value in zip("RIASEC", levels.split(), strict=True)
    ]
    rows += [
        [
            code,
            f"1.B.3.{n}",
            f"{place} Interest High-Point",
            "IH",
            f"{int(value)}.00",
            "07/2024",
            "x",
        ]
        for n, (place, value) in enumerate(zip(HIGH_POINTS, high_points.split(), strict=True))
    ]
    return rows


ACCOUNTANT_TITLES = [
    "Auditor",
    "Accountant",
    "AUDITOR",  # the same as line 2 but for case: dropped
    "Certified Public Accountant (CPA)",
    "auditor",  # dropped
    "Tax Accountant",
    "Cost Accountant",
    "Staff Accountant",
    "Internal Auditor",
    "Revenue Agent",
    "Financial Auditor",
    "Accounting Manager",
    "Bookkeeper-Auditor",  # the eleventh distinct title: over the cap of 10
]

# Lines (header = line 1) of Occupation Data.txt: 2 accountants, 3 developers, 4 producers,
# 5 chefs, 6 pâtissiers, 7 managers (no interest data). Interests.txt has nine lines per
# occupation in that order: accountants 2-10, developers 11-19, producers 20-28, chefs 29-37,
# pâtissiers 38-46; within each, OI R I A S E C, then IH First, Second, Third.
SAMPLE: dict[str, list[list[str]]] = {
    OCCUPATIONS: [
        ["O*NET-SOC Code", "Title", "Description"],
        ["13-2011.00", "Accountants and Auditors", "Examine, analyze, and interpret records."],
        ["15-1252.00", "Software Developers", "Research, design, and develop software."],
        ["27-2012.00", "Producers and Directors", "Produce or direct stage, film, or TV."],
        ["35-1011.00", "Chefs and Head Cooks", "Direct and participate in preparing food."],
        ["51-3011.00", "Pâtissiers", "Mix and bake pastries, tartes and crème brûlée."],
        ["11-9199.00", "Managers, All Other", "All managers not listed separately."],
    ],
    INTERESTS: [
        [
            "O*NET-SOC Code",
            "Element ID",
            "Element Name",
            "Scale ID",
            "Data Value",
            "Date",
            "Domain Source",
        ],
        # C 100, E 75, I 50, S 25, R 8, A 0; high points C E I.
        *interest_rows("13-2011.00", "1.50 4.00 1.00 2.50 5.50 7.00", "6 5 2"),
        # R 50, I 100, A 25, S 0, E 25, C 75: scores a quiz taker can reach; I C R.
        *interest_rows("15-1252.00", "4.00 7.00 2.50 1.00 2.50 5.50", "2 6 1"),
        # E 100, A 83, S 50: two high points only, E A.
        *interest_rows("27-2012.00", "1.50 2.50 6.00 4.00 7.00 3.00", "5 3 0"),
        # No high points: the code comes from the profile, R 83, A 75, E 67.
        *interest_rows("35-1011.00", "6.00 2.00 5.50 3.00 5.00 3.00", "0 0 0"),
        # High points R C A, but A (67) beats C (50): the code comes from the profile, R A C.
        *interest_rows("51-3011.00", "6.00 2.00 5.00 1.03 3.00 4.00", "1 6 3"),
    ],
    TITLES: [
        ["O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"],
        *[["13-2011.00", "Accountants and Auditors", t, "", "08"] for t in ACCOUNTANT_TITLES],
        ["27-2012.00", "Producers and Directors", "Film Producer", "", "08"],
        ["27-2012.00", "Producers and Directors", "Stage Director", "", "08"],
        ["51-3011.00", "Pâtissiers", "Chef pâtissier", "", "08"],
    ],
    # Columns in another order, and one O*NET does not have: found by header name.
    ZONES: [
        ["Domain Source", "Job Zone", "O*NET-SOC Code", "Note", "Date"],
        ["Analyst", "4", "13-2011.00", "", "08/2023"],
        ["Analyst", "4", "15-1252.00", "", "08/2023"],
        ["Analyst", "4", "27-2012.00", "", "08/2023"],
        ["Analyst", "2", "35-1011.00", "", "08/2023"],
        ["Analyst", "1", "51-3011.00", "", "08/2023"],
    ],
}
IMPORTED = {
    "13-2011.00": "Accountants and Auditors",
    "15-1252.00": "Software Developers",
    "27-2012.00": "Producers and Directors",
    "35-1011.00": "Chefs and Head Cooks",
    "51-3011.00": "Pâtissiers",
}


def write_tsv(path: Path, rows: list[list[str]], *, newline: str = "\n", bom: bool = False) -> None:
    text = "".join("\t".join(row) + newline for row in rows)
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode())


def sample() -> dict[str, list[list[str]]]:
    """A fresh copy of SAMPLE to change."""
    return {name: [list(row) for row in rows] for name, rows in SAMPLE.items()}


def write_release(directory: Path, files: dict[str, list[list[str]]]) -> Path:
    """The files as O*NET ships them; Interests.txt with Windows line endings and
    Occupation Data.txt with a byte-order mark."""
    directory.mkdir(exist_ok=True)
    for stale in directory.iterdir():
        stale.unlink()
    for name, rows in files.items():
        write_tsv(
            directory / name,
            rows,
            newline="\r\n" if name == INTERESTS else "\n",
            bom=name == OCCUPATIONS,
        )
    return directory


def set_value(files, name: str, line: int, column: str, value: str) -> None:
    rows = files[name]
    rows[line - 1][rows[0].index(column)] = value


def run(directory: Path, *args: str) -> str:
    out = StringIO()
    call_command("import_onet", str(directory), *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, list[str]]:
    """Every row of professions and job titles, to compare before and after."""
    return {
        # As text: a row holds a list (its related occupations), which no set can hold.
        model.__name__: sorted(repr(row) for row in model.objects.values_list())
        for model in (Profession, JobTitle)
    }


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)]


def changed(files):
    """Every occupation with a new description and new job titles."""
    for row in files[OCCUPATIONS][1:]:
        row[2] = "Changed."
    for row in files[TITLES][1:]:
        row[2] += " (new)"
    return files
