"""A profession's profile: who does what, the RIASEC interests it suits, what it needs and pays."""

from collections.abc import Iterable
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from professions import riasec
from professions.constraints import (
    each_from_0_to_100,
    holland_code_agrees_with_profile,
    one_of_the_choices,
)
from professions.models.fields import (
    CURRENCY_SYMBOLS,
    IMPORTED_FIELD_GROUPS,
    ONET_CODE_VALIDATOR,
    EducationLevel,
    Origin,
    ProhibitReservedSlug,
    RiasecLetter,
    SalaryStatistic,
    folded_copy,
    interest_level_field,
    onet_online_url,
)
from professions.models.querysets import ProfessionManager
from professions.models.skills import Skill
from professions.search import DistinctWords, Folded


class SkillGroups(NamedTuple):
    essential_knowledge: list["Skill"]
    essential_skills: list["Skill"]
    optional: list["Skill"]


class Profession(models.Model):
    """A profession's profile.

    The RIASEC profile is six interest levels on one scale, 0 to 100 with two decimals
    (percent of the strongest possible interest), the same scale as a quiz taker's scale
    scores, so the two compare directly; O*NET's 1-7 levels map onto it without loss
    (professions/onet/release.py). The Holland code lists the profile's highest letters, one to
    three, highest first: O*NET gives one letter when a single interest stands out. Letters of
    equal level may stand in either order (`code_ties` shows them); the database refuses a
    code that the profile contradicts (see constraints.py).
    """

    # Module-level, so Meta's constraints can name them too.
    SalaryStatistic = SalaryStatistic
    Origin = Origin

    class JobZone(models.IntegerChoices):
        """O*NET's job zones: how much preparation the work needs."""

        LITTLE = 1, "1 · Little or no preparation needed"
        SOME = 2, "2 · Some preparation needed"
        MEDIUM = 3, "3 · Medium preparation needed"
        CONSIDERABLE = 4, "4 · Considerable preparation needed"
        EXTENSIVE = 5, "5 · Extensive preparation needed"

    # What each job zone means for someone preparing for the work, in plain words.
    PREPARATION = {
        1: "Most people start with a short spell of training on the job, from a few days to a "
        "few months; a school-leaving certificate may not be needed.",
        2: "Most people have finished secondary school and learn the work over some months to "
        "a year, on the job or through a short course.",
        3: "Most people have vocational training, an apprenticeship or a two-year degree, and "
        "a year or two of experience in related work.",
        4: "Most people have a bachelor's degree and several years of experience in related work.",
        5: "Most people have a master's, doctoral or professional degree, and many have years "
        "of experience besides.",
    }

    slug = models.SlugField(
        unique=True,
        validators=[ProhibitReservedSlug()],
        help_text="The end of the profile's address: producer for /professions/producer/.",
    )
    name = models.CharField(max_length=120)
    # Both may be empty: O*NET's prose is not shipped, so an imported occupation starts
    # without them and its pages say so (see `has_own_text`).
    summary = models.TextField(
        blank=True, help_text="One paragraph: what the job is, in plain words."
    )
    description = models.TextField(
        blank=True,
        help_text="What the job involves, in CareerFit's own words. Empty: the profile page "
        "says CareerFit has no description yet and links to O*NET OnLine.",
    )

    realistic = interest_level_field()
    investigative = interest_level_field()
    artistic = interest_level_field()
    social = interest_level_field()
    enterprising = interest_level_field()
    conventional = interest_level_field()
    holland_code = models.CharField(
        max_length=3,
        validators=[
            RegexValidator(r"^[RIASEC]{1,3}$", "Use one to three of the letters R I A S E C.")
        ],
        help_text="The profile's highest letters, one to three, highest first, e.g. EA.",
    )

    annual_salary = models.PositiveIntegerField(
        null=True, blank=True, help_text="Yearly pay in whole units of the currency."
    )
    salary_currency = models.CharField(max_length=3, default="USD")
    salary_statistic = models.CharField(
        max_length=10, choices=SalaryStatistic.choices, default=SalaryStatistic.MEDIAN
    )
    salary_source = models.CharField(max_length=300, blank=True)

    duties = models.TextField(blank=True)
    requirements = models.TextField(blank=True)
    work_environment = models.TextField(blank=True)
    sources = models.TextField(blank=True, help_text="Where each fact on the profile came from.")

    job_zone = models.PositiveSmallIntegerField(choices=JobZone.choices, null=True, blank=True)
    education_level = models.PositiveSmallIntegerField(
        "most common education",
        choices=EducationLevel.choices,
        null=True,
        blank=True,
        help_text="The level of education most people in the job have (O*NET's survey).",
    )
    related_onet_codes = models.JSONField(
        "related occupations",
        default=list,
        blank=True,
        help_text="O*NET-SOC codes of the closest related occupations, closest first.",
    )
    education_percent = models.PositiveSmallIntegerField(
        "share with that education",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text="Percent of people in the job with that level.",
    )
    origin = models.CharField(
        max_length=10,
        choices=Origin.choices,
        default=Origin.EDITORIAL,
        help_text="The O*NET importer updates imported professions only; editors' own "
        "professions change only where an operator links them explicitly.",
    )
    onet_code = models.CharField(
        "O*NET-SOC code",
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        validators=[ONET_CODE_VALIDATOR],
    )
    attribution = models.TextField(
        blank=True, help_text="Licence notice for imported data, shown on the profile page."
    )
    other_titles = models.TextField(
        "other job titles",
        blank=True,
        help_text="More titles the job goes by, one per line: the catalog search finds "
        "them; the profile page lists only the common job titles.",
    )
    search_name = folded_copy(Folded("name"))
    search_other_titles = folded_copy(DistinctWords("other_titles"))
    title_words = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="Each word of the O*NET titles and which of O*NET's sources report a title "
        "with it (professions/search.py): the search puts the occupations people commonly "
        "mean by a word first.",
    )
    tied_onet_code = models.CharField(
        "closest O*NET occupation",
        max_length=10,
        blank=True,
        validators=[ONET_CODE_VALIDATOR],
        help_text="For an editorial profile of one job within a broader O*NET occupation: "
        "that occupation's code, e.g. 27-2012.00 (Producers and Directors).",
    )
    tie_note = models.TextField(
        "how it differs from that occupation",
        blank=True,
        help_text="One or two sentences, shown on both profiles and beside both in quiz "
        "results, so that no one sees two near-identical jobs without knowing why.",
    )

    edited_fields = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Fields editors changed on an imported profession: the O*NET import keeps "
        "their values (professions/onet/changes.py).",
    )

    published = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    skills = models.ManyToManyField("Skill", through="ProfessionSkill", related_name="professions")

    objects = ProfessionManager()

    class Meta:
        ordering = ["name"]
        constraints = [
            *each_from_0_to_100(riasec.FIELDS.values(), "profession_{field}_0_to_100"),
            models.CheckConstraint(
                condition=Q(annual_salary__isnull=True) | Q(annual_salary__gt=0),
                name="profession_salary_positive",
            ),
            models.CheckConstraint(
                condition=Q(job_zone__isnull=True) | Q(job_zone__gte=1, job_zone__lte=5),
                name="profession_job_zone_1_to_5",
            ),
            models.CheckConstraint(
                condition=(
                    Q(education_level__isnull=True, education_percent__isnull=True)
                    | Q(education_level__gte=1, education_level__lte=12, education_percent__lte=100)
                ),
                name="profession_education_level_and_percent",
                violation_error_message="Give the education level and its share together.",
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=sorted(ProhibitReservedSlug.reserved)),
                name="profession_slug_not_reserved",
            ),
            models.CheckConstraint(
                condition=Q(tied_onet_code="") | ~Q(tie_note=""),
                name="profession_tie_explained",
                violation_error_message="Say how this profile differs from the O*NET "
                "occupation it is tied to.",
            ),
            one_of_the_choices(
                "salary_statistic", SalaryStatistic.choices, "profession_salary_statistic_valid"
            ),
            one_of_the_choices("origin", Origin.choices, "profession_origin_valid"),
            models.CheckConstraint(
                condition=holland_code_agrees_with_profile(
                    "holland_code", riasec.FIELDS, shortest=1
                ),
                name="profession_code_agrees_with_profile",
                violation_error_message="The Holland code does not agree with the profile.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("professions:detail", args=[self.slug])

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def profile(self) -> dict[str, float]:
        """The six interest levels keyed by letter, in hexagon order, as numbers the RIASEC
        engine takes; None where a level is not set yet."""
        return {
            letter: None if (level := getattr(self, field)) is None else float(level)
            for letter, field in riasec.FIELDS.items()
        }

    @property
    def code_ties(self) -> list[list[str]]:
        """Groups of letters with equal levels that reach into the code, each in hexagon
        order: their order in the code (O*NET's, or an editor's) is a choice, not a
        difference. E.g. [["E", "C"]] for a code ECR with E and C both at 64.33."""
        return [
            sorted(group, key=riasec.LETTERS.index)
            for group in riasec.ties(self.profile, len(self.holland_code))
        ]

    @property
    def code_with_ties(self) -> str:
        """The code in the engine's tie notation, e.g. "[EC]R"; the plain code without ties."""
        if not self.code_ties:
            return self.holland_code
        return riasec.tie_code(self.profile, len(self.holland_code))

    @property
    def code_letters(self) -> list[RiasecLetter]:
        return [RiasecLetter(letter) for letter in self.holland_code]

    @property
    def code_meaning(self) -> list[tuple[str, str, str]]:
        """What each letter of the code says about the work: (letter, type, description)."""
        return [
            (letter, riasec.NAMES[letter], riasec.DESCRIPTIONS[letter])
            for letter in self.holland_code
        ]

    @property
    def preparation(self) -> str:
        """What the job zone means in plain words; empty without a job zone."""
        return self.PREPARATION.get(self.job_zone, "")

    @property
    def onet_online_url(self) -> str:
        """The occupation on O*NET OnLine, with its full description and tasks."""
        return onet_online_url(self.onet_code)

    @property
    def closest_onet_code(self) -> str:
        """The O*NET occupation this profile is, or else the one it is tied to; "" if none."""
        return self.onet_code or self.tied_onet_code or ""

    @property
    def closest_onet_url(self) -> str:
        return onet_online_url(self.closest_onet_code)

    @property
    def salary_display(self) -> str:
        """E.g. "$62,193"; empty when the salary is unknown."""
        return "" if self.annual_salary is None else self.format_money(self.annual_salary)

    def format_money(self, amount: int) -> str:
        """An amount in this profession's salary currency, e.g. "$36,246" or "CHF 9,000"."""
        symbol = CURRENCY_SYMBOLS.get(self.salary_currency)
        return f"{symbol}{amount:,}" if symbol else f"{self.salary_currency} {amount:,}"

    def skill_groups(self) -> SkillGroups:
        """The profile page's three lists; uses the prefetch of `with_details()`."""
        groups = SkillGroups([], [], [])
        for link in self.profession_skills.all():
            if not link.essential:
                groups.optional.append(link.skill)
            elif link.skill.kind == Skill.Kind.KNOWLEDGE:
                groups.essential_knowledge.append(link.skill)
            else:
                groups.essential_skills.append(link.skill)
        return groups

    def mark_edited(self, fields: Iterable[str]) -> None:
        """Note that an editor changed these fields: the O*NET import keeps their values."""
        imported = {name for group in IMPORTED_FIELD_GROUPS.values() for name in group}
        self.edited_fields = sorted(set(self.edited_fields) | (set(fields) & imported))

    def imported_groups_kept(self) -> set[str]:
        """The IMPORTED_FIELD_GROUPS an import leaves alone: those holding an edited field."""
        edited = set(self.edited_fields)
        return {group for group, names in IMPORTED_FIELD_GROUPS.items() if edited & set(names)}

    # Database checks that the field validators, the choices or clean() already make, with a
    # clearer message: model validation skips them, as each would cost a query on every save
    # in the admin. The database still enforces them on every write.
    CHECKED_BEFORE_THE_DATABASE = frozenset(
        {
            *(f"profession_{field}_0_to_100" for field in riasec.FIELDS.values()),
            "profession_job_zone_1_to_5",
            "profession_slug_not_reserved",
            "profession_salary_statistic_valid",
            "profession_origin_valid",
            "profession_code_agrees_with_profile",
        }
    )

    def get_constraints(self):
        return [
            (model, [c for c in constraints if c.name not in self.CHECKED_BEFORE_THE_DATABASE])
            for model, constraints in super().get_constraints()
        ]

    def clean(self) -> None:
        # Name the score that contradicts the code, which the database constraint cannot.
        profile = self.profile
        if None in profile.values() or not riasec.is_code(self.holland_code):
            return  # the field validators report these
        problem = riasec.code_disagreement(self.holland_code, profile)
        if problem:
            raise ValidationError({"holland_code": problem}, code="code_contradicts_profile")
