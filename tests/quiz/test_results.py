"""The result page, its JSON download and its deletion; matching against the shipped professions."""

import json
import uuid

import pytest
from django.core.management import call_command
from django.test import Client

from quiz.models import Question, QuizLength, Result
from quiz.progress import COOKIE_NAME
from tests.quiz.test_flow import take_quiz
from tests.taker import remember_result, shown_rows, taker_state

pytestmark = pytest.mark.django_db

STRONGLY_LIKE, LIKE, DISLIKE = 5, 4, 2


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", "questions", verbosity=0)


def liking(letters: str, value: int = LIKE):
    """Answers: `value` for items of the given scales, Dislike for the rest."""
    scale_of = dict(Question.objects.values_list("code", "scale"))
    return lambda code: value if scale_of[code] in letters else DISLIKE


def make_result(scores_by_letter: dict[str, int]) -> Result:
    """A stored quick-form result whose every item of a scale has the same answer."""
    items = dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))
    answers = {code: scores_by_letter[scale] for code, scale in items.items()}
    return Result.objects.score_and_create(length=QuizLength.QUICK, answers=answers, scale_of=items)


def ranked_names(client, result: Result) -> list[str]:
    return [row.match.profession.name for row in shown_rows(client.get(result.get_absolute_url()))]


@pytest.mark.parametrize(
    ("letters", "value", "first"),
    [
        ("EA", LIKE, "Producer"),
        ("EA", STRONGLY_LIKE, "Producer"),
        ("EC", LIKE, "Product manager"),
        ("EC", STRONGLY_LIKE, "Product manager"),
    ],
)
def test_liking_a_professions_types_ranks_it_first(client, shipped, letters, value, first):
    take_quiz(client, liking(letters, value))

    assert ranked_names(client, Result.objects.get())[0] == first


def test_result_page_explains_the_code_and_shows_chart_bars_and_matches(client, shipped):
    take_quiz(client, liking("EA"))
    result = Result.objects.get()

    response = client.get(result.get_absolute_url())
    page = response.content.decode()

    assert result.holland_code == "AE" + "R"  # A and E tie; R leads the tied rest by hexagon order
    assert '<span class="result-letter type-A">A</span>' in page
    assert "Tied for your strongest interest, 75 of 100." in page  # A and E, quick form
    assert "<svg" in page
    assert 'class="hexagon-profile hexagon-profile-1"' in page
    # All six types as bars with their scores, strongest first, and each score on the hexagon.
    rows = response.context["report"].type_rows
    assert [name for _, name, *_ in rows][:2] == ["Artistic", "Enterprising"]
    assert page.count('class="score-bar-fill"') == 6
    assert '<rect class="score-bar-fill" width="75" height="6"/>' in page
    assert page.count('class="hexagon-value') == 6
    assert "What to do next" in page
    assert 'href="/professions/?letter=A">See every Artistic profession' in page
    assert "Tie:" in page
    assert "Best fit" in page
    assert 'href="/professions/producer/"' in page
    assert f"http://testserver/results/{result.uuid}/" in page
    assert 'href="/professions/compare/producer/product-manager/">Compare your top two' in page


def test_a_clear_profile_has_no_tie_note(client, shipped):
    result = make_result({"R": 1, "I": 2, "A": 3, "S": 4, "E": 5, "C": 2})

    page = client.get(result.get_absolute_url()).content.decode()

    assert result.holland_code == "ESA"
    assert "Tie:" not in page
    assert "Your six scores are all the same" not in page


def test_a_flat_profile_is_explained_and_still_ranked(client, shipped):
    result = make_result(dict.fromkeys("RIASEC", 3))

    response = client.get(result.get_absolute_url())

    assert "Your six scores are all the same" in response.content.decode()
    assert len(shown_rows(response)) == 2
    assert all(row.match.by_code for row in shown_rows(response))


def test_new_professions_appear_in_old_results(client, shipped, make_profession):
    result = make_result({"R": 5, "I": 4, "A": 1, "S": 2, "E": 2, "C": 3})
    make_profession(slug="mechanic")

    assert ranked_names(client, result)[0] == "Mechanic"


def test_top_ten_shown_with_a_link_to_all(client, shipped, make_profession):
    for n in range(12):
        make_profession(slug=f"pilot-{n}")
    result = make_result({"R": 5, "I": 4, "A": 1, "S": 2, "E": 2, "C": 3})

    page = client.get(result.get_absolute_url())
    everything = client.get(result.get_absolute_url(), {"all": ""})

    assert len(shown_rows(page)) == 10
    assert "Show all 14 professions" in page.content.decode()
    assert len(shown_rows(everything)) == 14


@pytest.mark.parametrize("professions", [10, 1000])
def test_result_page_queries_do_not_grow_with_professions(
    client, shipped, add_professions, django_assert_max_num_queries, professions
):
    add_professions(professions - 2)
    result = make_result({"R": 5, "I": 4, "A": 1, "S": 2, "E": 2, "C": 3})

    # The result, the content version (read by the page cache and by the profiles' cache, at
    # most once a second each in production), the profiles themselves and the notes on tied
    # ones (once per content version), the percentile norms.
    with django_assert_max_num_queries(6):
        response = client.get(result.get_absolute_url())
    assert len(shown_rows(response)) == 10
    assert response.context["hidden_matches"] == professions - 10


def test_unknown_result_is_a_404(client, shipped):
    assert client.get(f"/results/{uuid.uuid4()}/").status_code == 404
    assert client.get("/results/not-a-uuid/").status_code == 404


def test_json_download_has_scores_code_and_matches(client, shipped):
    result = make_result({"R": 1, "I": 2, "A": 3, "S": 4, "E": 5, "C": 2})

    response = client.get(f"/results/{result.uuid}/json/")
    data = json.loads(response.content)

    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert data["holland_code"] == "ESA"
    assert data["scores"]["E"] == 100.0
    assert len(data["answers"]) == 30
    assert [m["profession"] for m in data["matches"]] == ["producer", "product-manager"]
    assert data["holland_code_with_ties"] == "ESA"
    assert data["weak_signal"] == ""
    assert [m["band"] for m in data["matches"]] == ["Best fit", "Good fit"]
    assert "fit_percent" not in data["matches"][0]


def test_no_match_is_shown_as_a_percentage(client, shipped):
    # The product manager is E and C, this taker's lowest types: r is negative. The old page
    # called that "a 20 % fit"; the band says there is little in common.
    result = make_result({"R": 4, "I": 4, "A": 5, "S": 4, "E": 1, "C": 1})
    page = client.get(result.get_absolute_url()).content.decode()

    assert "% fit" not in page
    assert "Little in common" in page


def test_a_near_flat_profile_is_told_plainly_first_and_gets_no_band(client, shipped):
    # The taker: Like throughout, one Strongly like (quick form: A 80, the rest 75).
    items = dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))
    first_artistic = next(code for code, scale in items.items() if scale == "A")
    answers = {code: 5 if code == first_artistic else 4 for code in items}
    result = Result.objects.score_and_create(
        length=QuizLength.QUICK, answers=answers, scale_of=items
    )

    response = client.get(result.get_absolute_url())
    page = response.content.decode()

    assert page.index("Your answers do not single out a type of work") < page.index("<h1")
    assert "take the quiz again" in page
    assert 'href="/professions/">explore the catalog by type</a>' in page
    assert "Best fit" not in page
    assert "Great fit" not in page
    assert {band.band.name for band in response.context["bands"]} == {"Tentative"}


def test_all_low_scores_are_told_plainly(client, shipped):
    result = make_result({"R": 1, "I": 1, "A": 2, "S": 1, "E": 3, "C": 1})  # E 50 at most

    page = client.get(result.get_absolute_url()).content.decode()

    assert result.scores["E"] == 50  # not below the middle: a lean, not all low
    low = make_result({"R": 1, "I": 1, "A": 2, "S": 1, "E": 2, "C": 1})
    low_page = client.get(low.get_absolute_url()).content.decode()
    assert "No type of work drew you much" not in page
    assert "No type of work drew you much" in low_page
    assert "Best fit" not in low_page


def test_tied_top_scores_are_shown_tied_with_both_consistencies(client, shipped):
    # Quick form, S 100, R 75, E 75: the code is S[RE], and S-R is low, S-E high.
    result = make_result({"R": 4, "I": 1, "A": 2, "S": 5, "E": 4, "C": 2})
    page = client.get(result.get_absolute_url()).content.decode()

    assert result.holland_code == "SRE"  # stored as before: the hexagon order breaks the tie
    assert 'aria-label="Your Holland code: S[RE]"' in page
    assert "It depends on the order of your tied types" in page
    assert "Social with Realistic: Not often" in page
    assert "Social with Enterprising: Yes" in page


def test_scores_within_measurement_error_tie_too(client, shipped):
    # Full form: A 95 and E 87.5 are 7.5 apart, less than the 11.2 points two scores of
    # ten items each can differ by measurement error alone.
    items = dict(Question.objects.for_length(QuizLength.FULL).values_list("code", "scale"))
    per_scale = {"R": [1], "I": [2], "A": [5, 5, 5, 4], "S": [2], "E": [5, 4], "C": [1]}
    seen: dict[str, int] = {}
    answers = {}
    for code, scale in items.items():
        answers[code] = per_scale[scale][seen.get(scale, 0) % len(per_scale[scale])]
        seen[scale] = seen.get(scale, 0) + 1
    result = Result.objects.score_and_create(
        length=QuizLength.FULL, answers=answers, scale_of=items
    )
    page = client.get(result.get_absolute_url()).content.decode()

    assert (result.scores["A"], result.scores["E"]) == (95, 87.5)
    assert 'aria-label="Your Holland code: [AE]' in page
    assert "less than 11 points apart" in page


def test_an_unknown_preparation_is_an_error_on_the_form_not_a_500(client, shipped):
    result = make_result({"R": 5, "I": 4, "A": 1, "S": 2, "E": 2, "C": 3})

    response = client.get(result.get_absolute_url(), {"zone": "9"})

    assert response.status_code == 200
    assert "Choose one of the listed amounts of preparation." in response.content.decode()
    assert len(shown_rows(response)) == 2  # all professions, as with no choice


def own(client, result: Result) -> None:
    """Make the client the browser that took the quiz of `result`."""
    remember_result(client, str(result.uuid))


def test_delete_asks_first_then_removes_the_result_for_good(client, shipped):
    result = make_result(dict.fromkeys("RIASEC", 4))
    own(client, result)
    url = result.get_absolute_url()

    assert "Delete this result" in client.get(url).content.decode()
    confirm = client.get(f"{url}delete/")
    deleted = client.post(f"{url}delete/", follow=True)

    assert "Delete your result?" in confirm.content.decode()
    assert Result.objects.filter(pk=result.pk).exists() is False
    assert "Your result has been deleted" in deleted.content.decode()
    assert client.get(url).status_code == 404
    assert client.post(f"{url}delete/").status_code == 404


def test_only_the_browser_that_took_the_quiz_may_delete_its_result(client, shipped):
    result = make_result(dict.fromkeys("RIASEC", 4))
    url = result.get_absolute_url()

    page = client.get(url).content.decode()
    refused = client.post(f"{url}delete/")

    assert "Delete this result" not in page
    assert refused.status_code == 403
    assert "Only the browser that took the quiz can delete" in refused.content.decode()
    assert Result.objects.filter(pk=result.pk).exists()


def test_delete_without_the_csrf_token_is_refused(shipped):
    result = make_result(dict.fromkeys("RIASEC", 4))

    response = Client(enforce_csrf_checks=True).post(f"{result.get_absolute_url()}delete/")

    assert response.status_code == 403
    assert Result.objects.filter(pk=result.pk).exists()


def test_a_second_click_on_delete_says_it_is_deleted_not_that_it_is_missing(client, shipped):
    result = make_result(dict.fromkeys("RIASEC", 4))
    own(client, result)
    delete = f"{result.get_absolute_url()}delete/"
    before_deleting = client.cookies[COOKIE_NAME].value
    client.post(delete)
    # The second click left with the cookie as it was before the first came back.
    client.cookies[COOKIE_NAME] = before_deleting

    again = client.post(delete, follow=True)

    assert again.status_code == 200
    assert "Your result has been deleted" in again.content.decode()
    assert client.post(delete).status_code == 404  # forgotten now: like any unknown address


def test_deleting_the_latest_result_leaves_the_one_before_for_the_catalog(client, shipped):
    older = make_result({"R": 5, "I": 5, "A": 1, "S": 1, "E": 1, "C": 1})
    newer = make_result({"R": 1, "I": 1, "A": 5, "S": 1, "E": 5, "C": 1})
    own(client, older)
    own(client, newer)

    client.post(f"{newer.get_absolute_url()}delete/")

    assert taker_state(client).last_result == str(older.uuid)
    assert "Best fit for me" in client.get("/professions/").content.decode()


@pytest.mark.parametrize("path", ["/professions/", "RESULT"])
def test_pages_that_depend_on_the_visitor_say_so_to_caches_in_front(client, shipped, path):
    result = make_result(dict.fromkeys("RIASEC", 4))
    own(client, result)
    url = result.get_absolute_url() if path == "RESULT" else path

    for _ in range(2):  # built, then from the page cache
        assert "Cookie" in client.get(url)["Vary"]
    assert "Cookie" not in client.get("/professions/producer/").get("Vary", "")


def test_each_match_says_what_fits_and_the_biggest_difference(client, shipped):
    # Enterprising and Conventional high, Artistic lowest: the product manager fits; the
    # producer needs the Artistic side this taker scored low.
    result = make_result({"R": 2, "I": 3, "A": 1, "S": 3, "E": 5, "C": 5})

    response = client.get(result.get_absolute_url())
    differences = {row.match.profession.slug: row.difference for row in shown_rows(response)}
    page = response.content.decode()

    assert differences["producer"] == ("A", True)
    assert (
        "The biggest difference: Artistic, which this profession needs and you scored low." in page
    )
    assert "The fit comes mostly from" in page


def test_a_tied_second_place_of_four_types_says_the_top_two_cannot_be_told(client, shipped):
    # Quick form: S 100, R, I and E 75, C 65 (within 15.8 of 75), A 0: S[RIEC], not a weak
    # signal (differentiation 100 - (75 + 75) / 2 = 25).
    items = dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))
    c_answers = iter([4, 4, 4, 3, 3])
    by_scale = {"R": 4, "I": 4, "A": 1, "S": 5, "E": 4}
    answers = {
        code: by_scale[scale] if scale in by_scale else next(c_answers)
        for code, scale in items.items()
    }
    result = Result.objects.score_and_create(
        length=QuizLength.QUICK, answers=answers, scale_of=items
    )
    page = client.get(result.get_absolute_url()).content.decode()

    assert result.scores["C"] == 65
    assert 'aria-label="Your Holland code: S[RIEC]"' in page
    assert (
        "Your second type could be any of Realistic, Investigative, Enterprising and "
        "Conventional, which are tied" in page
    )
    assert "Your top 1 types" not in page


def test_a_clear_shape_of_low_scores_is_not_called_well_defined(client, shipped):
    result = make_result({"R": 1, "I": 1, "A": 2, "S": 1, "E": 2, "C": 1})  # A, E 25; rest 0

    page = client.get(result.get_absolute_url()).content.decode()

    assert "No type of work drew you much" in page
    assert "Your answers have a shape, but every score is low" in page
    assert "Well defined" not in page


def test_only_the_browsers_latest_result_links_to_the_catalog_ranked_by_it(client, shipped):
    # The catalog ranks by the browser's latest result: from any other result it would show
    # another result's bands.
    result = make_result({"R": 5, "I": 4, "A": 1, "S": 2, "E": 2, "C": 3})
    url = result.get_absolute_url()

    assert "Browse them in the catalog" not in client.get(url).content.decode()
    remember_result(client, str(result.uuid))
    assert "Browse them in the catalog" in client.get(url).content.decode()
