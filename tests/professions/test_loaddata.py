"""A malformed fixture loads nothing and says which file, record and field are at fault."""

import json
import re

import pytest
from django.core.management import call_command

from professions.models import JobTitle, Profession, ProfessionSkill, Skill

pytestmark = pytest.mark.django_db

GOOD = {
    "model": "professions.profession",
    "fields": {
        "slug": "pilot",
        "name": "Pilot",
        "summary": "Flies aircraft.",
        "description": "Flies aircraft.",
        "realistic": 80,
        "investigative": 60,
        "artistic": 10,
        "social": 30,
        "enterprising": 40,
        "conventional": 50,
        "holland_code": "RIC",
        "published": True,
        "created": "2026-11-22T00:00:00Z",
        "updated": "2026-11-22T00:00:00Z",
    },
}


def snapshot() -> dict[str, list]:
    """Every row of the professions tables: equal snapshots mean nothing changed."""
    return {
        model.__name__: sorted(model.objects.values_list(), key=repr)
        for model in (Profession, Skill, ProfessionSkill, JobTitle)
    }


def fixture(tmp_path, objects) -> str:
    path = tmp_path / "broken.json"
    path.write_text(objects if isinstance(objects, str) else json.dumps(objects))
    return str(path)


def with_fields(**fields) -> dict:
    return {**GOOD, "fields": {**GOOD["fields"], **fields}}


@pytest.fixture
def shipped():
    call_command("loaddata", "professions", verbosity=0)
    return snapshot()


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            with_fields(slug="diver", holland_code="CIR"),
            "Could not load professions.Profession ('diver',): holland_code: "
            "Realistic (80) is higher than Conventional (50)",
        ),
        (
            with_fields(slug="diver", social=140),
            "Could not load professions.Profession ('diver',): social: "
            "Ensure this value is less than or equal to 100.",
        ),
        (with_fields(slug="diver", realistic="lots"), "“lots” value must be a decimal number"),
        (with_fields(slug="diver", name=""), "name: This field cannot be blank."),
    ],
)
def test_a_bad_record_rolls_back_the_whole_load_and_is_named(tmp_path, shipped, bad, message):
    # The good record and a change to an existing one come first: both must be undone.
    changed_producer = {
        "model": "professions.profession",
        "fields": {**GOOD["fields"], "slug": "producer", "name": "Changed", "holland_code": "RI"},
    }
    path = fixture(tmp_path, [GOOD, changed_producer, bad])

    with pytest.raises(Exception, match=re.escape(f"Problem installing fixture '{path}'")) as error:
        call_command("loaddata", path, verbosity=0)

    assert message in str(error.value)
    assert snapshot() == shipped


def test_invalid_json_names_the_file(tmp_path, shipped):
    path = fixture(tmp_path, '[{"model": "professions.profession", "fields": {')

    with pytest.raises(Exception, match=r"broken\.json"):
        call_command("loaddata", path, verbosity=0)
    assert snapshot() == shipped


def test_a_good_fixture_still_loads(tmp_path, shipped):
    call_command("loaddata", fixture(tmp_path, [GOOD]), verbosity=0)

    assert Profession.objects.get(slug="pilot").holland_code == "RIC"
