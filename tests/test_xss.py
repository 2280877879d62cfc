"""Hostile profession data renders inert everywhere: HTML pages, the SVG chart, the JSON."""

import json

import pytest
from django.core.management import call_command

from professions.models import JobTitle, ProfessionSkill, Skill
from quiz.models import Question, QuizLength, Result

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="alert(2)'
JS_URL = "javascript:alert(3)"


@pytest.fixture
def hostile(make_profession):
    call_command("loaddata", "professions", "questions", verbosity=0)
    profession = make_profession(
        slug="hostile",
        name=f"Evil {SCRIPT}",
        summary=f"Summary {ATTRIBUTE} {JS_URL}",
        description=SCRIPT,
        duties=SCRIPT,
        sources=JS_URL,
        realistic=90,
    )
    skill = Skill.objects.create(
        slug="evil", name=f"Skill {SCRIPT}", kind="skill", description=ATTRIBUTE
    )
    ProfessionSkill.objects.create(profession=profession, skill=skill, essential=True)
    JobTitle.objects.create(profession=profession, title=f"{JS_URL} {ATTRIBUTE}")
    items = dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))
    answers = {code: 5 if scale == "R" else 1 for code, scale in items.items()}
    return Result.objects.score_and_create(length=QuizLength.QUICK, answers=answers, scale_of=items)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/professions/",
        "/professions/?q=evil",
        "/professions/hostile/",
        "/professions/compare/hostile/producer/",
        "RESULT",
    ],
)
def test_hostile_text_is_escaped_on_every_page(client, hostile, path):
    page = client.get(hostile.get_absolute_url() if path == "RESULT" else path).content.decode()

    assert "Evil" in page  # the hostile profession is on the page ...
    assert SCRIPT not in page  # ... but never as markup
    assert 'onmouseover="alert' not in page
    assert 'href="javascript:' not in page
    assert "&lt;script&gt;" in page


def test_the_svg_chart_carries_only_numbers_and_letters(client, hostile):
    page = client.get("/professions/compare/hostile/producer/").content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]

    assert "Evil" not in svg
    assert "<script" not in svg


def test_the_json_download_is_inert(client, hostile):
    response = client.get(f"{hostile.get_absolute_url()}json/")
    data = json.loads(response.content)

    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert data["matches"][0]["name"] == f"Evil {SCRIPT}"  # data kept exact, served as data
