"""Cached pages: rendered once for everyone, never out of date, never someone else's."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import professions.content
from professions import pagecache
from professions.content import ContentVersion
from professions.models import Comparison, Profession, Skill
from professions.services import skills_merge
from quiz.models import Question, QuizLength, Result
from tests.professions.onet_sample import run, sample, write_release
from tests.professions.test_admin import profession_form
from tests.taker import remember_result

pytestmark = pytest.mark.django_db

PRODUCER = "/professions/producer/"
COMPARE = "/professions/compare/producer/product-manager/"


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", "questions", verbosity=0)


def text(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def quick_result(liked: str) -> Result:
    items = dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))
    answers = {code: 5 if scale in liked else 2 for code, scale in items.items()}
    return Result.objects.score_and_create(length=QuizLength.QUICK, answers=answers, scale_of=items)


def finished_by(client: Client, result: Result) -> Client:
    """`client` as the browser that finished `result`."""
    remember_result(client, str(result.uuid))
    return client


@pytest.mark.parametrize(
    "path", ["/", "/professions/", "/professions/?q=prod&letter=E", PRODUCER, COMPARE]
)
def test_a_public_page_is_rendered_once_then_served_to_everyone(
    shipped, django_assert_num_queries, path
):
    first = Client().get(path)

    with django_assert_num_queries(1):  # the content version; nothing is rendered again
        again = Client().get(path)

    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == "text/html; charset=utf-8"


def test_one_setting_switches_the_page_cache_off(shipped, settings):
    settings.CAREERFIT_PAGE_CACHE_SECONDS = 0
    Client().get("/professions/producer/")
    # Changed behind the cache's back: a plain update, no new content version.
    Profession._base_manager.filter(slug="producer").update(summary="Changed quietly.")

    page = Client().get("/professions/producer/").content.decode()

    assert "Changed quietly." in page


def rename_skill():
    skill = Skill.objects.get(slug="copyright-legislation")
    skill.name = "Copyright law"
    skill.save()


def edit_producer():
    producer = Profession.objects.get(slug="producer")
    producer.summary = "Producers make films happen."
    producer.save()


def merge_skills():
    merging_skills()()


def merging_skills():
    """The merge of a skill into a new one, to run."""
    kept = Skill.objects.create(slug="law-of-copyright", name="Law of copyright", kind="knowledge")
    duplicate = Skill.objects.get(slug="copyright-legislation")
    return lambda: skills_merge(keep=kept, duplicates=[duplicate])


@pytest.mark.parametrize(
    ("change", "path", "shown"),
    [
        (edit_producer, PRODUCER, "Producers make films happen."),
        (rename_skill, PRODUCER, "Copyright law"),
        (merge_skills, PRODUCER, "Law of copyright"),
        (
            lambda: Comparison.objects.update(intro="Two jobs, one team."),
            COMPARE,
            "Two jobs, one team.",
        ),
        (
            lambda: Profession.objects.filter(slug="producer").update(annual_salary=70_000),
            "/professions/",
            "$70,000",
        ),
    ],
    ids=["profession saved", "skill renamed", "skills merged", "bulk update", "queryset update"],
)
def test_every_kind_of_edit_shows_on_the_next_request(client, shipped, change, path, shown):
    assert shown not in text(client, path)

    change()

    assert shown in text(client, path)


def test_comparison_notes_saved_in_the_admin_way_show_at_once(client, shipped):
    text(client, COMPARE)
    comparison = Comparison.objects.get()
    comparison.skills_note = "Both need people skills."
    comparison.save()

    assert "Both need people skills." in text(client, COMPARE)


def test_unpublishing_or_deleting_a_profession_removes_its_cached_page(client, shipped):
    text(client, PRODUCER)
    Profession.objects.filter(slug="producer").update(published=False)
    assert client.get(PRODUCER).status_code == 404

    Profession.objects.filter(slug="producer").update(published=True)
    text(client, PRODUCER)
    Profession.objects.get(slug="producer").delete()
    assert client.get(PRODUCER).status_code == 404


def test_reloading_the_fixtures_restores_the_cached_page(client, shipped):
    Profession.objects.filter(slug="producer").update(summary="Edited by mistake.")
    assert "Edited by mistake." in text(client, PRODUCER)

    call_command("loaddata", "professions", verbosity=0)

    assert "Edited by mistake." not in text(client, PRODUCER)
    assert "Producers steer creative projects" in text(client, PRODUCER)


def test_an_import_shows_in_the_cached_catalog(client, shipped, tmp_path):
    assert "Software Developers" not in text(client, "/professions/?q=software")

    write_release(tmp_path / "release", sample())
    run(tmp_path / "release")

    assert "Software Developers" in text(client, "/professions/?q=software")


@pytest.fixture
def recheck_every_second(settings, monkeypatch):
    """Production's recheck interval, on a clock the test moves (a list of one number)."""
    settings.CAREERFIT_CONTENT_RECHECK_SECONDS = 1
    clock = [1000.0]
    monkeypatch.setattr(professions.content.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(professions.content, "_read", (float("-inf"), ""))
    return clock


def test_other_processes_see_an_edit_within_the_recheck_interval(
    client, shipped, recheck_every_second
):
    clock = recheck_every_second
    text(client, PRODUCER)

    # Inside the test's transaction the commit never comes, so this process is not told:
    # it learns of the edit as any other process would, by reading the token again.
    Profession.objects.filter(slug="producer").update(summary="Edited elsewhere.")
    clock[0] += 0.5
    stale = text(client, PRODUCER)
    clock[0] += 0.5
    fresh = text(client, PRODUCER)

    assert "Edited elsewhere." not in stale
    assert "Edited elsewhere." in fresh


def test_the_process_that_made_an_edit_shows_it_at_once(
    client, shipped, recheck_every_second, django_capture_on_commit_callbacks
):
    text(client, PRODUCER)

    with django_capture_on_commit_callbacks(execute=True):
        Profession.objects.filter(slug="producer").update(summary="Edited here.")

    assert "Edited here." in text(client, PRODUCER)


def test_a_page_showing_a_message_is_neither_served_from_nor_kept_in_the_cache(shipped):
    text(Client(), "/professions/compare/")  # cached without a message
    visitor = Client()

    shown = visitor.get("/professions/compare/producer/producer/", follow=True)

    assert "Choose two different professions to compare." in shown.content.decode()
    assert "Choose two different" not in text(Client(), "/professions/compare/")


def test_the_catalog_shows_fits_only_to_the_visitor_with_a_result(shipped):
    taker = finished_by(Client(), quick_result("EC"))

    assert "</strong> for you" in text(taker, "/professions/")
    assert "</strong> for you" not in text(Client(), "/professions/")
    assert "</strong> for you" in text(taker, "/professions/")


def test_only_the_browser_that_took_the_quiz_sees_delete_whoever_comes_first(shipped):
    result = quick_result("EA")
    url = result.get_absolute_url()
    owner = finished_by(Client(), result)

    assert "Delete this result" not in text(Client(), url)
    assert "Delete this result" in text(owner, url)
    assert "Delete this result" not in text(Client(), url)


def test_a_deleted_result_is_gone_though_its_page_was_cached(shipped):
    result = quick_result("EA")
    owner = finished_by(Client(), result)
    stranger = Client()
    text(stranger, result.get_absolute_url())

    owner.post(f"{result.get_absolute_url()}delete/")

    assert stranger.get(result.get_absolute_url()).status_code == 404


def test_the_permanent_link_names_the_host_that_was_asked(shipped, settings):
    settings.ALLOWED_HOSTS = ["careerfit.example", "testserver"]
    url = quick_result("EA").get_absolute_url()

    elsewhere = Client(HTTP_HOST="careerfit.example").get(url).content.decode()
    here = text(Client(), url)

    assert f"http://careerfit.example{url}" in elsewhere
    assert f"http://testserver{url}" in here


def first_write(run) -> str:
    """The first statement `run()` sends that writes a row."""
    with CaptureQueriesContext(connection) as queries:
        run()
    writes = (q["sql"] for q in queries.captured_queries)
    return next(sql for sql in writes if sql.startswith(("UPDATE", "INSERT", "DELETE")))


def add_in_the_admin(admin_client):
    data = profession_form()
    return lambda: admin_client.post(reverse("admin:professions_profession_add"), data)


@pytest.mark.parametrize(
    "writer",
    [
        lambda admin_client, tmp_path: add_in_the_admin(admin_client),
        lambda admin_client, tmp_path: merging_skills(),
        lambda admin_client, tmp_path: lambda: call_command("loaddata", "professions", verbosity=0),
        lambda admin_client, tmp_path: lambda: run(write_release(tmp_path / "release", sample())),
    ],
    ids=["admin save with inlines", "skills merge", "loaddata", "import_onet"],
)
def test_writers_of_several_rows_take_the_version_row_first(
    admin_client, shipped, tmp_path, writer
):
    # Writers that lock the version row before any other row queue for it; a writer that
    # locked a profession first could wait for the version row while another writer holding
    # it waits for that profession: a deadlock, and an error page for one of them.
    assert first_write(writer(admin_client, tmp_path)).startswith(
        'UPDATE "professions_contentversion"'
    )


def checked_answers(client: Client, page: int) -> list[str]:
    """The values checked on a quiz page, in order."""
    html = text(client, f"/quiz/page/{page}/")
    return re.findall(r'value="(\d)"[^>]*\bchecked\b', html)


def test_each_taker_sees_their_own_answers_on_a_shared_quiz_page(shipped):
    takers = [Client(), Client(), Client()]
    for taker in takers:
        taker.post("/quiz/", {"form": "quick"})
    codes = list(takers[0].get("/quiz/page/1/").context["form"].fields)
    for taker, value in zip(takers[1:], (4, 2), strict=True):
        taker.post("/quiz/page/1/", {**dict.fromkeys(codes, value), "action": "next"})

    assert checked_answers(takers[1], 1) == ["4"] * 10
    assert checked_answers(takers[0], 1) == []
    assert checked_answers(takers[2], 1) == ["2"] * 10


def test_a_quiz_page_with_errors_is_neither_shown_to_the_next_taker_nor_hidden(shipped):
    first, second, third = Client(), Client(), Client()
    for taker in (first, second, third):
        taker.post("/quiz/", {"form": "quick"})
    text(third, "/quiz/page/1/")  # the unanswered page, cached

    errors = first.post("/quiz/page/1/", {"action": "next"}).content.decode()
    clean = text(second, "/quiz/page/1/")

    assert errors.count('aria-invalid="true"') == 50  # every radio of the ten items
    assert "is-invalid" not in clean


def test_an_edited_question_shows_on_the_quiz_page(client, shipped):
    client.post("/quiz/", {"form": "quick"})
    code = next(iter(client.get("/quiz/page/1/").context["form"].fields))
    question = Question.objects.get(code=code)
    question.text = "Fix a leaking tap"
    question.save()

    assert "1. Fix a leaking tap" in text(client, "/quiz/page/1/")


def serve_twice(make_response, method: str = "get", **headers) -> int:
    """How many times `make_response` runs when the same page is asked for twice."""
    calls = []

    def render():
        calls.append(1)
        return make_response(request)

    for _ in range(2):
        request = getattr(RequestFactory(), method)("/page/", **headers)
        pagecache.cached_page(request, render)
    return len(calls)


@pytest.mark.parametrize(
    ("make_response", "method", "headers"),
    [
        (lambda request: HttpResponse("Not here", status=404), "get", {}),
        (lambda request: HttpResponse("Posted"), "post", {}),
        (lambda request: HttpResponse(f"Token {get_token(request)}"), "get", {}),
        (lambda request: HttpResponse("Hello"), "get", {"HTTP_COOKIE": "messages=waiting"}),
    ],
    ids=["error status", "POST", "CSRF token in the page", "message waiting"],
)
def test_what_belongs_to_one_visitor_or_moment_is_never_shared(db, make_response, method, headers):
    assert serve_twice(make_response, method, **headers) == 2


def test_a_page_that_sets_a_cookie_is_not_shared(db):
    def with_cookie(request):
        response = HttpResponse("Hello")
        response.set_cookie("seen", "1")
        return response

    assert serve_twice(with_cookie) == 2
    assert serve_twice(lambda request: HttpResponse("Hello")) == 1


def test_without_a_version_row_no_page_is_cached(shipped):
    ContentVersion.objects.all().delete()  # as a database just flushed has it
    text(Client(), PRODUCER)
    with connection.cursor() as cursor:  # a change no signal reports, as from SQL
        cursor.execute(
            "UPDATE professions_profession SET summary = %s WHERE slug = %s",
            ["Changed in SQL.", "producer"],
        )

    assert "Changed in SQL." in text(Client(), PRODUCER)


def test_migrating_changes_the_content_version(db):
    before = ContentVersion.objects.current()

    call_command("migrate", verbosity=0)

    assert ContentVersion.objects.current() not in ("", before)
