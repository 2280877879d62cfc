"""The field types, choices and validators the profession models share."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.deconstruct import deconstructible

from professions import riasec


def folded_copy(expression) -> models.GeneratedField:
    """A field's text folded for search (professions/search.py), kept by the database."""
    return models.GeneratedField(
        expression=expression, output_field=models.TextField(), db_persist=True
    )


# The six Holland types as model choices, in hexagon order, from the engine's vocabulary.
RiasecLetter = models.TextChoices(
    "RiasecLetter", [(name.upper(), (letter, name)) for letter, name in riasec.NAMES.items()]
)
# The profile's field for each letter, e.g. "E" -> "enterprising".
PROFILE_FIELDS = riasec.FIELDS  # the name migrations use


def onet_online_url(onet_code: str | None) -> str:
    """An occupation's page on O*NET OnLine; "" without a code."""
    return f"https://www.onetonline.org/link/summary/{onet_code}" if onet_code else ""


# What the O*NET import writes into a profession, in groups it writes whole (the profile
# and its code must agree). A field an editor changed is kept, and with it its group.
IMPORTED_FIELD_GROUPS = {
    "name": ("name",),
    "summary": ("summary",),
    "description": ("description",),
    "profile": (*riasec.FIELDS.values(), "holland_code"),
    "titles": ("other_titles", "title_words"),
    "job_zone": ("job_zone",),
    "education": ("education_level", "education_percent"),
    "related": ("related_onet_codes",),
    "attribution": ("attribution",),
}
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
ONET_CODE_VALIDATOR = RegexValidator(r"^\d{2}-\d{4}\.\d{2}$", "Use the form 27-2012.00.")


@deconstructible(path="professions.models.ProhibitReservedSlug")  # as migrations name it
class ProhibitReservedSlug:
    """Slugs that name other pages under /professions/, such as the comparison picker."""

    reserved = frozenset({"compare"})

    def __call__(self, value: str) -> None:
        if value in self.reserved:
            raise ValidationError(f"“{value}” is the address of another page; choose another slug.")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ProhibitReservedSlug)


def interest_level_field() -> models.DecimalField:
    """An interest level, 0.00 to 100.00: two decimals keep O*NET's 1-7 levels exact."""
    return models.DecimalField(
        max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )


class SalaryStatistic(models.TextChoices):
    MEDIAN = "median", "Median"
    AVERAGE = "average", "Average"


class Origin(models.TextChoices):
    EDITORIAL = "editorial", "Written by editors"
    ONET = "onet", "Imported from O*NET"


def row_origin_field() -> models.CharField:
    """Who made a job title or a skill link: a re-import changes only the rows it made."""
    return models.CharField(
        max_length=10,
        choices=Origin.choices,
        default=Origin.EDITORIAL,
        editable=False,
        help_text="The O*NET import adds and removes only the rows it made; editors' rows "
        "stay through every re-import.",
    )


class EducationLevel(models.IntegerChoices):
    """O*NET's twelve levels of required education, named briefly."""

    BELOW_HIGH_SCHOOL = 1, "Less than a high-school diploma"
    HIGH_SCHOOL = 2, "High-school diploma or equivalent"
    POST_SECONDARY_CERTIFICATE = 3, "Post-secondary certificate"
    SOME_COLLEGE = 4, "Some college courses"
    ASSOCIATE = 5, "Associate's degree"
    BACHELOR = 6, "Bachelor's degree"
    POST_BACCALAUREATE_CERTIFICATE = 7, "Post-baccalaureate certificate"
    MASTER = 8, "Master's degree"
    POST_MASTER_CERTIFICATE = 9, "Post-master's certificate"
    FIRST_PROFESSIONAL = 10, "First professional degree"
    DOCTORAL = 11, "Doctoral degree"
    POST_DOCTORAL = 12, "Post-doctoral training"


class SkillKind(models.TextChoices):
    KNOWLEDGE = "knowledge", "Knowledge"
    SKILL = "skill", "Skill"
