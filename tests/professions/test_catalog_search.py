"""Searching the catalog `seed` builds (925 professions) with the words people use.

Each everyday query states what its first page (24 cards) or its first few must show: what a
person typing it means. The ranking rules are in professions/catalog_search.py.
"""

import pytest

from professions.models import Profession
from tests.professions.test_catalog import names

pytestmark = pytest.mark.django_db

PAGE = 24


@pytest.fixture
def search(client, seeded_catalog):
    def found(query: str, **filters) -> list[str]:
        """The names the catalog lists for `query`, every page."""
        response = client.get("/professions/", {"q": query, **filters})
        shown = names(response)
        page = response.context["page"]
        while page.has_next():
            response = client.get(
                "/professions/", {"q": query, **filters, "page": page.next_page_number()}
            )
            shown += names(response)
            page = response.context["page"]
        return shown

    return found


def rank(found: list[str], name: str) -> int:
    """1 for the first card; past the end when `name` is not found."""
    return found.index(name) + 1 if name in found else len(found) + 1


# (query, names the first `within` cards must show, names they must not show, within)
EVERYDAY_QUERIES = [
    (
        "teacher",
        [
            "Elementary School Teachers, Except Special Education",
            "Middle School Teachers, Except Special and Career/Technical Education",
            "Secondary School Teachers, Except Special and Career/Technical Education",
        ],
        [],
        PAGE,
    ),
    ("product manager", ["Product manager"], [], 1),
    ("product manager", ["Marketing Managers"], ["Industrial Production Managers"], 5),
    (
        "nurse",
        [
            "Registered Nurses",
            "Licensed Practical and Licensed Vocational Nurses",
            "Nursing Assistants",
        ],
        ["Farmworkers and Laborers, Crop, Nursery, and Greenhouse"],
        10,
    ),
    ("nurse", [], ["Farmworkers and Laborers, Crop, Nursery, and Greenhouse"], PAGE),
    ("chef", ["Chefs and Head Cooks"], [], 1),
    ("chef", [], ["Concierges"], 5),
    ("registered nurse", ["Registered Nurses"], [], 1),
    ("software developer", ["Software Developers"], [], 1),
    ("software developer", ["Web Developers"], [], 3),
    ("lawyer", ["Lawyers"], [], 1),
    (
        "doctor",
        [
            "Family Medicine Physicians",
            "General Internal Medicine Physicians",
            "Pediatricians, General",
        ],
        [],
        PAGE,
    ),
    ("police", ["Police and Sheriff's Patrol Officers"], [], 3),
    ("firefighter", ["Firefighters"], [], 1),
    ("electrician", ["Electricians"], [], 1),
    ("plumber", ["Plumbers, Pipefitters, and Steamfitters"], [], 1),
    ("pilot", ["Commercial Pilots", "Airline Pilots, Copilots, and Flight Engineers"], [], 2),
    ("cook", ["Cooks, Restaurant", "Chefs and Head Cooks"], [], 10),
    ("accountant", ["Accountants and Auditors"], [], 1),
    ("truck driver", ["Heavy and Tractor-Trailer Truck Drivers", "Light Truck Drivers"], [], 2),
    ("cashier", ["Cashiers"], [], 1),
    ("hairdresser", ["Hairdressers, Hairstylists, and Cosmetologists"], [], 1),
    ("vet", ["Veterinarians"], [], 1),
    ("actor", ["Actors"], ["Chiropractors"], 1),
    (
        "social worker",
        [
            "Child, Family, and School Social Workers",
            "Healthcare Social Workers",
            "Mental Health and Substance Abuse Social Workers",
        ],
        [],
        3,
    ),
    ("dentist", ["Dentists, General"], [], 1),
    ("receptionist", ["Receptionists and Information Clerks"], [], 1),
    ("farmer", ["Farmers, Ranchers, and Other Agricultural Managers"], [], 1),
    ("mechanic", ["Automotive Service Technicians and Mechanics"], [], 10),
    ("writer", ["Writers and Authors"], [], 3),
    ("producer", ["Producer", "Producers and Directors"], [], 2),
]


@pytest.mark.parametrize(("query", "shown", "not_shown", "within"), EVERYDAY_QUERIES)
def test_everyday_words_find_what_people_mean(search, query, shown, not_shown, within):
    found = search(query)
    first = found[:within]

    assert [name for name in shown if name not in first] == [], first
    assert [name for name in not_shown if name in first] == [], first


def test_the_everyday_queries_are_at_least_twenty_words():
    assert len({query for query, *_rest in EVERYDAY_QUERIES}) >= 20


def test_a_whole_word_ranks_above_the_start_of_a_longer_one(search):
    found = search("nurse")

    assert rank(found, "Nursing Assistants") < rank(
        found, "Farmworkers and Laborers, Crop, Nursery, and Greenhouse"
    )
    assert rank(found, "Registered Nurses") == 1


@pytest.mark.parametrize(
    ("query", "first", "also"),
    [
        ("registered nurse", "Registered Nurses", []),
        ("nurse   registered", "Registered Nurses", []),  # any order, any spacing
        ("REGISTERED Nurse", "Registered Nurses", []),  # any case
        ("registred nurse", "Registered Nurses", []),  # a misspelling
        ("registered nurses", "Registered Nurses", []),  # a plural
        ("prodcer", "Producer", ["Producers and Directors"]),
        ("film producer", "Producers and Directors", ["Producer"]),  # an other title
        ("product  manager", "Product manager", ["Marketing Managers"]),  # a title
        ("software developer", "Software Developers", ["Web Developers"]),
        ("farmacist", "Pharmacists", []),
        ("truckdriver", "Light Truck Drivers", ["Heavy and Tractor-Trailer Truck Drivers"]),
        ("socialworker", "Healthcare Social Workers", []),  # words run together
        ("c++ programmer", "Computer Programmers", []),  # "c" alone is in nearly everything
        ("Électricien", "Electricians", []),  # accents ignored, and misspelt
        (
            "kindergarten teacher",
            "Kindergarten Teachers, Except Special Education",  # called so by more sources
            ["Special Education Teachers, Kindergarten"],
        ),
    ],
)
def test_searching_the_whole_catalog_finds_what_a_person_means(search, query, first, also):
    found = search(query)

    assert found[0] == first
    assert set(also) <= set(found)
    assert len(found) < 100  # the words narrow 925 professions down


def test_every_word_must_match(search):
    assert search("CHEF pâtissier") == []
    assert "Registered Nurses" not in search("nurse pilot")


def test_a_misspelling_is_said(client, seeded_catalog):
    misspelt = client.get("/professions/", {"q": "prodcer"})
    held = client.get("/professions/", {"q": "producer"})

    assert "No name, job title or skill contains “prodcer”" in misspelt.content.decode()
    assert "spelled like it were looked for" not in held.content.decode()


def test_search_letters_job_zone_and_education_combine(search):
    found = search("nurse", letter=["S", "I"], zone="5", education="graduate")

    assert found
    assert "Registered Nurses" not in found  # zone 4, a bachelor's degree
    for name in found:
        nurse = Profession.objects.get(name=name)
        assert {"S", "I"} <= set(nurse.holland_code)
        assert nurse.job_zone == 5
        assert nurse.education_level >= 8
