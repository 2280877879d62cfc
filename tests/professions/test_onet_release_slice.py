"""The importer on real release files: a slice of O*NET 29.3, thirteen occupations.

onet_slice/db_29_3_text/ holds, for each file the importer reads, the header and every row of
these occupations exactly as the O*NET 29.3 text release has them (facts only; that release
leaves the descriptions empty): producers and directors and a neighbour, marketing managers,
registered nurses, software developers, a one-letter code (rehabilitation counselors), two
occupations with tied interest levels, cooks, electricians, pharmacists, an occupation
without an education survey (legislators) and one without interest data (managers, all
other). The expected figures are worked out here from the slice's own rows.
"""

import csv
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from professions import riasec
from professions.models import Profession, ProfessionSkill
from professions.onet.elements import ELEMENTS

pytestmark = pytest.mark.django_db

CENT = Decimal("0.01")

SLICE = Path(__file__).parent / "onet_slice" / "db_29_3_text"
HIGH_POINTS = [
    "First Interest High-Point",
    "Second Interest High-Point",
    "Third Interest High-Point",
]


def rows(name: str) -> list[dict[str, str]]:
    with (SLICE / name).open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))


def levels() -> dict[str, dict[str, Decimal]]:
    """Each occupation's OI levels (1-7) by letter, from Interests.txt."""
    found: dict[str, dict[str, Decimal]] = defaultdict(dict)
    letters = {name: letter for letter, name in riasec.NAMES.items()}
    for row in rows("Interests.txt"):
        if row["Scale ID"] == "OI":
            found[row["O*NET-SOC Code"]][letters[row["Element Name"]]] = Decimal(row["Data Value"])
    return found


def high_point_code(code: str) -> str:
    values = {
        row["Element Name"]: int(Decimal(row["Data Value"]))
        for row in rows("Interests.txt")
        if row["O*NET-SOC Code"] == code and row["Scale ID"] == "IH"
    }
    letters = ""
    for place in HIGH_POINTS:
        if not values[place]:
            break
        letters += riasec.LETTERS[values[place] - 1]
    return letters


@pytest.fixture
def imported():
    call_command("import_onet", str(SLICE), verbosity=0)
    return {profession.onet_code: profession for profession in Profession.objects.all()}


def test_every_occupation_with_interest_data_becomes_a_published_profession(imported):
    with_interests = set(levels())
    occupations = {row["O*NET-SOC Code"] for row in rows("Occupation Data.txt")}

    assert set(imported) == with_interests
    assert occupations - with_interests == {"11-9199.00"}  # no interest data: skipped
    assert len(imported) == 12
    assert all(profession.published for profession in imported.values())
    assert imported["27-2012.00"].name == "Producers and Directors"


def test_interest_levels_keep_onets_two_decimals(imported):
    for code, by_letter in levels().items():
        profile = imported[code].profile
        for letter, level in by_letter.items():
            stored = Decimal(str(profile[letter]))
            assert stored == ((level - 1) * 100 / 6).quantize(CENT, ROUND_HALF_UP), (code, letter)
            # And back: nothing of O*NET's figure is lost.
            assert (1 + stored * 6 / 100).quantize(CENT, ROUND_HALF_UP) == level, (code, letter)


def test_the_holland_code_is_onets_high_points_with_ties_shown(imported):
    for code, profession in imported.items():
        assert profession.holland_code == high_point_code(code), code
    # One high point, one letter: never padded with the next highest.
    assert imported["21-1015.00"].holland_code == "S"
    # E and C both at 4.86: the tie is shown, not broken silently.
    assert imported["13-1021.00"].code_with_ties == "[EC]R"
    # R and C both at 4.18, one of them in the code: the bracket runs past its end.
    assert imported["29-1214.00"].code_with_ties == "IS[RC]"
    assert imported["27-2012.00"].code_with_ties == "AE"


def test_job_zones_and_most_common_education(imported):
    for row in rows("Job Zones.txt"):
        assert imported[row["O*NET-SOC Code"]].job_zone == int(row["Job Zone"])
    shares: dict[str, dict[int, Decimal]] = defaultdict(dict)
    for row in rows("Education, Training, and Experience.txt"):
        if row["Scale ID"] == "RL":
            shares[row["O*NET-SOC Code"]][int(row["Category"])] = Decimal(row["Data Value"])
    for code, by_level in shares.items():
        level = max(sorted(by_level), key=by_level.get)
        profession = imported[code]
        assert profession.education_level == level, code
        assert profession.education_percent == round(by_level[level]), code
    assert (imported["29-1141.00"].education_level, imported["29-1141.00"].education_percent) == (
        6,
        56,
    )
    assert imported["11-1031.00"].education_level is None  # O*NET has no survey for it


def test_essential_knowledge_and_skills_are_the_most_important_ones(imported):
    for file, kind in (("Knowledge.txt", "knowledge"), ("Skills.txt", "skill")):
        rated: dict[str, list[tuple[Decimal, int, str]]] = defaultdict(list)
        for line, row in enumerate(rows(file)):
            importance = Decimal(row["Data Value"])
            if row["Scale ID"] == "IM" and importance >= 3 and row["Recommend Suppress"] != "Y":
                name = ELEMENTS[row["Element ID"]].name
                rated[row["O*NET-SOC Code"]].append((-importance, line, name))
        for code, profession in imported.items():
            expected = {name for *_order, name in sorted(rated[code])[:7]}
            groups = profession.skill_groups()
            chosen = groups.essential_knowledge if kind == "knowledge" else groups.essential_skills
            assert {skill.name for skill in chosen} == expected, (code, kind)
    producers = imported["27-2012.00"].skill_groups()
    assert len(producers.essential_skills) == 7  # more than seven reach 3.0
    assert "Communications and Media" in {skill.name for skill in producers.essential_knowledge}
    assert all(skill.description for skill in producers.essential_skills)


def test_common_titles_are_the_ones_most_sources_report_and_all_are_searched(imported, client):
    sources = {
        row["Alternate Title"]: len(row["Source(s)"].split(","))
        for row in rows("Alternate Titles.txt")
        if row["O*NET-SOC Code"] == "27-2012.00"
    }
    shown = set(imported["27-2012.00"].job_titles.values_list("title", flat=True))

    assert len(shown) == 10
    assert min(sources[title] for title in shown) >= max(
        count for title, count in sources.items() if title not in shown
    )
    assert "Film Producer" not in shown  # reported by one source only
    found = client.get("/professions/", {"q": "film producer"}).context["cards"]
    assert [profession.name for profession, *_ in found] == ["Producers and Directors"]


def test_related_occupations_link_the_ones_in_the_catalog_in_onets_order(imported, client):
    closest = [
        row["Related O*NET-SOC Code"]
        for row in sorted(rows("Related Occupations.txt"), key=lambda row: int(row["Index"]))
        if row["O*NET-SOC Code"] == "27-2012.00" and row["Relatedness Tier"] == "Primary-Short"
    ]
    page = client.get("/professions/producers-and-directors/")

    assert imported["27-2012.00"].related_onet_codes == closest
    related = [profession.onet_code for profession in page.context["related"]]
    assert related == [code for code in closest if code in imported]
    assert related == ["27-2012.05"]  # the only one of the five in this slice


def test_a_second_import_changes_nothing(imported):
    def state():
        return (
            list(Profession.objects.order_by("pk").values()),
            list(ProfessionSkill.objects.order_by("pk").values()),
        )

    before = state()
    call_command("import_onet", str(SLICE), verbosity=0)

    assert state() == before
