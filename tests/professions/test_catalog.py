"""The catalog: search, letter filters, sorting, best fit, pagination and bad parameters."""

import pytest
from django.core.management import call_command

from professions.models import JobTitle, Profession, Skill
from quiz.models import Question, QuizLength, Result
from tests.taker import remember_result as finished

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", "questions", verbosity=0)


def names(response) -> list[str]:
    return [profession.name for profession, _match, _note in response.context["cards"]]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Video producer", ["Producer"]),  # a job title
        ("video PRODUCER", ["Producer"]),  # any case
        ("vidéo", ["Producer"]),  # accents ignored in the query
        ("copyright", ["Producer"]),  # a skill
        (
            "market research",
            ["Producer", "Product manager"],
        ),  # essential for one, optional for the other
        ("product owner", ["Product manager"]),
        (
            "manager",
            ["Product manager", "Producer"],
        ),  # the name first, then producer's title "Producer / project manager"
        ("astronaut", []),
    ],
)
def test_search_by_name_job_title_and_skill(client, shipped, query, found):
    assert names(client.get("/professions/", {"q": query})) == found


def test_accents_in_the_data_are_ignored_too(client, make_profession):
    pilot = make_profession(slug="pilot", name="Pilote d’hélicoptère")
    JobTitle.objects.create(profession=pilot, title="Rettungsflieger Über Berge")
    Skill.objects.create(slug="navigation", name="Navigación aérea", kind="skill")
    pilot.skills.add(Skill.objects.get(slug="navigation"))

    for query in ("helicoptere", "ÜBER", "navigacion aerea"):
        assert names(client.get("/professions/", {"q": query})) == ["Pilote d’hélicoptère"], query


@pytest.mark.parametrize(
    ("letters", "found"),
    [
        (["E"], ["Producer", "Product manager"]),
        (["E", "A"], ["Producer"]),
        (["C"], ["Product manager"]),
        (["R"], []),
    ],
)
def test_filter_by_letters_the_code_must_contain(client, shipped, letters, found):
    assert names(client.get("/professions/", {"letter": letters})) == found


def test_sort_by_name_or_by_salary(client, shipped):
    assert names(client.get("/professions/", {"sort": "name"})) == ["Producer", "Product manager"]
    assert names(client.get("/professions/", {"sort": "salary"})) == ["Product manager", "Producer"]


def test_cards_show_code_summary_and_salary(client, shipped):
    page = client.get("/professions/").content.decode()

    assert 'aria-label="Holland code EA"' in page
    assert "$62,193" in page
    assert "$98,439" in page
    assert "Producers steer creative projects" in page


def remember_result(client, liked: str) -> None:
    """Give the client a quick-form result that likes the `liked` scales."""
    items = dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))
    answers = {code: 5 if scale in liked else 2 for code, scale in items.items()}
    result = Result.objects.score_and_create(
        length=QuizLength.QUICK, answers=answers, scale_of=items
    )
    finished(client, str(result.uuid))


def test_best_fit_is_offered_and_used_once_the_visitor_has_a_result(client, shipped):
    assert "Best fit for me" not in client.get("/professions/").content.decode()
    remember_result(client, "EC")

    response = client.get("/professions/")

    assert "Best fit for me" in response.content.decode()
    assert names(response) == ["Product manager", "Producer"]
    assert all(match is not None for _profession, match, _note in response.context["cards"])
    assert "<strong>Best fit</strong> for you" in response.content.decode()
    assert names(client.get("/professions/", {"sort": "name"})) == ["Producer", "Product manager"]


def test_pages_of_24_with_links_that_keep_the_query(client, make_profession):
    for n in range(30):
        make_profession(slug=f"pilot-{n:02}")

    first = client.get("/professions/", {"q": "pilot", "letter": "R"})
    second = client.get("/professions/", {"q": "pilot", "letter": "R", "page": 2})

    assert len(first.context["cards"]) == 24
    assert len(second.context["cards"]) == 6
    assert 'href="?q=pilot&amp;letter=R&amp;page=2"' in first.content.decode()


def test_no_match_says_so_and_suggests_removing_filters(client, shipped):
    page = client.get("/professions/", {"q": "zzz", "letter": "R"}).content.decode()

    assert "No profession matches your search" in page
    assert "clear all filters" in page


@pytest.mark.parametrize(
    "params",
    [
        {"letter": "X"},
        {"letter": ["E", "Q"]},
        {"page": "999"},
        {"page": "-1"},
        {"page": "abc"},
        {"sort": "price; DROP TABLE"},
        {"sort": "fit"},  # no result in this browser
        {"q": "x" * 10_000},
        {"q": "\x00"},
        {"q": "%_\\"},
    ],
)
def test_bad_parameters_give_a_normal_page(client, shipped, params):
    response = client.get("/professions/", params)

    assert response.status_code == 200
    assert "<h1>Professions</h1>" in response.content.decode()


def test_an_overlong_search_is_explained_not_run(client, shipped):
    response = client.get("/professions/", {"q": "x" * 10_000})

    assert "at most 100 characters" in response.content.decode()
    assert names(response) == ["Producer", "Product manager"]


@pytest.mark.parametrize("extra", [8, 998])
def test_query_count_does_not_grow_with_professions(
    client, shipped, add_professions, django_assert_max_num_queries, extra
):
    add_professions(extra)

    # The content version (read once a second in production); the job titles and skills that
    # hold the word, and its names (none do here: "generated" is in names only); the matches'
    # scores, the page's professions; once per content version the content version again,
    # every profile and the notes on tied ones.
    with django_assert_max_num_queries(8):
        response = client.get("/professions/", {"q": "generated", "letter": "R"})
    assert response.context["page"].paginator.count == extra
    remember_result(client, "RI")
    # Session, content version, result, every profile for ranking, the page's professions.
    with django_assert_max_num_queries(5):
        response = client.get("/professions/", {"letter": "R"})
    assert names(response)[0].startswith("Generated")


def test_filter_by_job_zone(client, make_profession):
    make_profession(slug="pilot", job_zone=4)
    make_profession(slug="porter", job_zone=1)
    make_profession(slug="unknown")

    assert names(client.get("/professions/", {"zone": "4"})) == ["Pilot"]
    assert names(client.get("/professions/", {"zone": ""})) == ["Pilot", "Porter", "Unknown"]
    bad = client.get("/professions/", {"zone": "9"})
    assert bad.status_code == 200
    assert names(bad) == ["Pilot", "Porter", "Unknown"]


def test_a_word_something_holds_is_not_taken_for_a_misspelling(client, make_profession):
    make_profession(slug="web-developer", name="Web developer")
    budgets = Skill.objects.create(slug="develop-budgets", name="Develop budgets", kind="skill")
    make_profession(slug="planner", name="Planner").skills.add(budgets)

    # "developer" is held by a name, so "develop" (0.64 alike) does not count.
    assert names(client.get("/professions/", {"q": "developer"})) == ["Web developer"]
    # "developper" is held by nothing: taken as misspelt, it finds both.
    assert names(client.get("/professions/", {"q": "developper"})) == ["Web developer", "Planner"]


def test_a_draft_does_not_keep_a_misspelling_from_being_found(client, make_profession):
    make_profession(slug="violinist", name="Violinist")
    make_profession(slug="draft", name="Violinst", published=False)

    response = client.get("/professions/", {"q": "violinst"})

    assert names(response) == ["Violinist"]
    assert response.context["misspelt"] == ["violinst"]


def test_a_query_of_single_letters_is_no_search(client, shipped):
    response = client.get("/professions/", {"q": "a b c"})

    assert names(response) == ["Producer", "Product manager"]
    assert "Best match" not in response.content.decode()  # no relevance sort without words


def test_name_ranks_above_job_title_and_job_title_above_skill(client, make_profession):
    make_profession(slug="a-skill", name="Zoo keeper")
    make_profession(slug="a-title", name="Yacht crew")
    make_profession(slug="the-name", name="Xylophone tuner")
    JobTitle.objects.create(profession=Profession.objects.get(slug="a-title"), title="Tuner")
    tuning = Skill.objects.create(slug="tuning", name="Tuner calibration", kind="skill")
    Profession.objects.get(slug="a-skill").skills.add(tuning)

    assert names(client.get("/professions/", {"q": "tuner"})) == [
        "Xylophone tuner",
        "Yacht crew",
        "Zoo keeper",
    ]


def test_the_fit_sort_bands_within_the_preparation_chosen(client, shipped, make_profession):
    # The closest profession needs little preparation. Within zone 4 (the pilot's, and the
    # shipped producer's and product manager's) the pilot is the closest there is, so it is
    # the best fit there, while across all zones it is only a great one.
    twin = {"realistic": 100, "investigative": 100, "artistic": 25}
    make_profession(slug="porter", job_zone=1, **twin, social=25, enterprising=25, conventional=25)
    make_profession(slug="pilot", job_zone=4)  # R 80, I 60, A 20, S 30, E 40, C 50: r .84
    remember_result(client, "RI")  # quick form: R and I 100, the rest 25

    everything = client.get("/professions/", {"sort": "fit"})
    zone_four = client.get("/professions/", {"sort": "fit", "zone": "4"})

    assert names(everything)[:2] == ["Porter", "Pilot"]
    bands = {profession.slug: band.name for profession, band, _ in everything.context["cards"]}
    assert (bands["porter"], bands["pilot"]) == ("Best fit", "Great fit")
    assert names(zone_four)[0] == "Pilot"
    assert "Porter" not in names(zone_four)
    bands = {profession.slug: band.name for profession, band, _ in zone_four.context["cards"]}
    assert bands["pilot"] == "Best fit"


def test_the_filters_in_force_are_listed_above_the_results_each_with_a_way_to_drop_it(
    client, shipped
):
    response = client.get(
        "/professions/", {"q": "producer", "letter": ["A", "E"], "zone": "4", "page": "1"}
    )
    page = response.content.decode()

    assert "Search: “producer”" in page
    assert "Code contains Artistic, Enterprising" in page
    assert "Job zone 4 · Considerable preparation needed" in page
    # Dropping one keeps the others (and goes back to the first page).
    assert (
        'href="?letter=A&amp;letter=E&amp;zone=4" aria-label="Remove: Search: “producer”"' in page
    )
    assert 'href="?q=producer&amp;zone=4" aria-label="Remove: Code contains' in page
    assert "Search and filters in force" not in client.get("/professions/").content.decode()
