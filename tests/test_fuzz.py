"""Generated bad input on every endpoint that takes input: never a 5xx, never a partial result.

Hypothesis sends wrong types, huge strings, control characters, invalid UTF-8, repeated and
unknown keys, negative and fractional answers and too many fields. Every response must be a
2xx, 3xx or 4xx, and the database must hold no result the taker did not finish.
"""

import uuid

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.models import Result
from tests.taker import taker_state

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

nasty_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=20_000),
    st.sampled_from(["\x00", "\r\n", "<script>", "' OR 1=1 --", "%00", "😀", "\u202e", "\uff11"]),
)
answer_value = st.one_of(
    st.integers(-10, 10).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    nasty_text,
)
field_name = st.one_of(
    st.sampled_from(["R01", "I01", "A01", "C10", "R99", "action", "form", "csrfmiddlewaretoken"]),
    st.text(max_size=20),
)
form_data = st.dictionaries(field_name, st.one_of(answer_value, st.lists(answer_value, max_size=4)))


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", "questions", verbosity=0)


def assert_understandable(response) -> None:
    assert response.status_code < 500, response.content[:300]


@FUZZ
@given(data=form_data, page=st.integers(0, 9), action=st.sampled_from(["next", "back", "", "x"]))
def test_quiz_pages_survive_any_post(shipped, data, page, action):
    client = Client(raise_request_exception=False)
    client.post("/quiz/", {"form": "quick"})

    response = client.post(f"/quiz/page/{page}/", {**data, "action": action})

    assert_understandable(response)
    answers = taker_state(client).quiz["answers"]
    assert all(isinstance(v, int) and 1 <= v <= 5 for v in answers.values())
    assert Result.objects.count() == 0


@FUZZ
@given(data=form_data)
def test_the_start_page_survives_any_post(shipped, data):
    response = Client(raise_request_exception=False).post("/quiz/", data)

    assert_understandable(response)


@FUZZ
@given(
    body=st.binary(max_size=2000),
    content_type=st.sampled_from(
        ["application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "text/plain"]
    ),
)
def test_raw_bodies_and_invalid_utf8_are_refused_cleanly(shipped, body, content_type):
    client = Client(raise_request_exception=False)
    client.post("/quiz/", {"form": "quick"})

    for path in ("/quiz/", "/quiz/page/1/"):
        assert_understandable(client.post(path, body, content_type=content_type))
    assert Result.objects.count() == 0


def test_too_many_fields_is_a_400_not_a_crash(shipped):
    client = Client(raise_request_exception=False)
    client.post("/quiz/", {"form": "quick"})

    response = client.post("/quiz/page/1/", {f"field{n}": "1" for n in range(500)})

    assert response.status_code == 400


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(["q", "letter", "page", "sort", "zone", "other"]),
        st.lists(nasty_text, min_size=1, max_size=3),
    )
)
def test_catalog_survives_any_query(shipped, params):
    assert_understandable(Client(raise_request_exception=False).get("/professions/", params))


@FUZZ
@given(a=nasty_text, b=nasty_text)
def test_compare_survives_any_pair(shipped, a, b):
    client = Client(raise_request_exception=False)
    assert_understandable(client.get("/professions/compare/", {"a": a, "b": b}))
    safe = [part.replace("/", "") or "x" for part in (a[:50], b[:50])]
    assert_understandable(client.get(f"/professions/compare/{safe[0]}/{safe[1]}/"))


@FUZZ
@given(path=st.text(max_size=60))
def test_result_addresses_survive_anything(shipped, path):
    client = Client(raise_request_exception=False)
    for url in (f"/results/{path}/", f"/results/{path}/json/", f"/results/{path}/delete/"):
        assert_understandable(client.get(url))
        assert_understandable(client.post(url))


def test_results_cannot_be_found_by_guessing(shipped, client):
    for _ in range(20):
        guess = uuid.uuid4()
        assert client.get(f"/results/{guess}/").status_code == 404
        assert client.post(f"/results/{guess}/delete/").status_code == 404
