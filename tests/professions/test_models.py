"""The database and the model refuse profiles and codes that contradict each other."""

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction

from professions.models import Profession

pytestmark = pytest.mark.django_db

# The factory's default profile: R 80, I 60, C 50, E 40, S 30, A 20.


@pytest.mark.parametrize("code", ["R", "RI", "RIC"])  # one letter, as O*NET gives some
def test_codes_that_follow_the_profile_are_stored(make_profession, code):
    assert make_profession(holland_code=code).holland_code == code


def test_tied_letters_may_stand_in_either_order(make_profession):
    make_profession(slug="a", investigative=80, holland_code="RI")
    make_profession(slug="b", investigative=80, holland_code="IR")

    assert Profession.objects.count() == 2


@pytest.mark.parametrize(
    "code",
    [
        "IR",  # I (60) listed before R (80)
        "RC",  # I (60) is left out but beats C (50)
        "RIE",  # C (50) is left out but beats E (40)
        "",  # too short
        "I",  # R (80) is left out but beats I (60)
        "RICE",  # too long
        "RR",  # repeated letter
        "RX",  # not a RIASEC letter
        "ri",  # lower case
    ],
)
def test_the_database_refuses_a_code_the_profile_contradicts(make_profession, code):
    # IntegrityError from the check constraint; PostgreSQL refuses "RICE" as too long first.
    with pytest.raises(DatabaseError), transaction.atomic():
        make_profession(holland_code=code)


@pytest.mark.parametrize("level", [101, -1])
def test_the_database_refuses_a_level_outside_0_to_100(make_profession, level):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_profession(realistic=level)


def test_levels_keep_two_decimals(make_profession):
    make_profession(realistic="64.33", investigative="64.33", holland_code="IR")

    stored = Profession.objects.get()
    assert stored.profile["R"] == stored.profile["I"] == 64.33
    assert stored.code_ties == [["R", "I"]]  # the order of R and I is the code's choice
    assert stored.code_with_ties == "[RI]"


def test_the_database_check_also_guards_bulk_updates(make_profession):
    make_profession()

    with pytest.raises(IntegrityError), transaction.atomic():
        Profession.objects.update(artistic=99)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("IR", "Realistic (80) is higher than Investigative (60)"),
        ("RC", "Investigative (60) is higher than Conventional (50)"),
    ],
)
def test_validation_names_the_score_that_contradicts_the_code(make_profession, code, message):
    profession = make_profession()
    profession.holland_code = code

    with pytest.raises(ValidationError) as error:
        profession.full_clean()

    assert message in str(error.value.message_dict["holland_code"])


def test_validation_rejects_a_score_over_100_on_its_field(make_profession):
    profession = make_profession()
    profession.social = 120

    with pytest.raises(ValidationError) as error:
        profession.full_clean()

    assert "social" in error.value.message_dict


def test_salary_is_shown_with_its_currency(make_profession):
    assert make_profession(annual_salary=62193).salary_display == "$62,193"
    assert make_profession(slug="b", salary_currency="CHF", annual_salary=90000).salary_display == (
        "CHF 90,000"
    )


def test_a_slug_that_names_another_page_is_refused(make_profession):
    profession = make_profession()
    profession.slug = "compare"

    with pytest.raises(ValidationError, match="address of another page"):
        profession.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        profession.save()


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        ("profession", "salary_statistic", "mode"),
        ("profession", "origin", "wikipedia"),
        ("skill", "kind", "talent"),
    ],
)
def test_the_database_refuses_values_outside_the_choices(make_profession, model, field, value):
    from professions.models import Skill

    row = (
        make_profession()
        if model == "profession"
        else Skill.objects.create(slug="s", name="S", kind="skill")
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        type(row).objects.filter(pk=row.pk).update(**{field: value})
