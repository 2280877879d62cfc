"""Profession profiles: who does what, the RIASEC interests it suits, what it needs and pays."""

from collections.abc import Iterable
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Greatest, Least
from django.urls import reverse
from django.utils.deconstruct import deconstructible

from professions.constraints import holland_code_agrees_with_profile, one_of_the_choices
from professions.content import ContentQuerySet, ContentVersion  # noqa: F401 (a model of this app)
from professions.search import (
    DistinctWords,
    Folded,
)
from quiz import riasec


def folded_copy(expression) -> models.GeneratedField:
    """A field's text folded for search (professions/search.py), kept by the database."""
    return models.GeneratedField(
        expression=expression, output_field=models.TextField(), db_persist=True
    )


class RiasecLetter(models.TextChoices):
    """The six Holland types, in hexagon order."""

    REALISTIC = "R", "Realistic"
    INVESTIGATIVE = "I", "Investigative"
    ARTISTIC = "A", "Artistic"
    SOCIAL = "S", "Social"
    ENTERPRISING = "E", "Enterprising"
    CONVENTIONAL = "C", "Conventional"


# The profile's field for each letter, e.g. "E" -> "enterprising".
def onet_online_url(onet_code: str | None) -> str:
    """An occupation's page on O*NET OnLine; "" without a code."""
    return f"https://www.onetonline.org/link/summary/{onet_code}" if onet_code else ""


PROFILE_FIELDS = {letter.value: letter.label.lower() for letter in RiasecLetter}
# What the O*NET import writes into a profession, in groups it writes whole (the profile
# and its code must agree). A field an editor changed is kept, and with it its group.
IMPORTED_FIELD_GROUPS = {
    "name": ("name",),
    "summary": ("summary",),
    "description": ("description",),
    "profile": (*PROFILE_FIELDS.values(), "holland_code"),
    "titles": ("other_titles", "title_words"),
    "job_zone": ("job_zone",),
    "education": ("education_level", "education_percent"),
    "related": ("related_onet_codes",),
    "attribution": ("attribution",),
}
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
ONET_CODE_VALIDATOR = RegexValidator(r"^\d{2}-\d{4}\.\d{2}$", "Use the form 27-2012.00.")


class SkillGroups(NamedTuple):
    essential_knowledge: list["Skill"]
    essential_skills: list["Skill"]
    optional: list["Skill"]


@deconstructible
class ProhibitReservedSlug:
    """Slugs that name other pages under /professions/, such as the comparison picker."""

    reserved = frozenset({"compare"})

    def __call__(self, value: str) -> None:
        if value in self.reserved:
            raise ValidationError(f"“{value}” is the address of another page; choose another slug.")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ProhibitReservedSlug)


class ProfessionQuerySet(ContentQuerySet):
    def published(self):
        return self.filter(published=True)

    def related_to(self, profession: "Profession") -> list["Profession"]:
        """The occupations related to `profession`, closest first: O*NET's related
        occupations; for an editorial profile tied to an occupation, that occupation and
        then its related ones. Two queries at most."""
        codes = list(profession.related_onet_codes)
        if profession.tied_onet_code:
            tied = self.filter(onet_code=profession.tied_onet_code)
            codes = [
                profession.tied_onet_code,
                *codes,
                *(tied.values_list("related_onet_codes", flat=True).first() or ()),
            ]
        codes = [code for code in dict.fromkeys(codes) if code != profession.onet_code]
        return self.only("slug", "name", "onet_code").in_order_of(codes)

    def tied_to(self, profession: "Profession") -> list["Profession"]:
        """The other side of `profession`'s ties: the occupation an editorial profile looks
        at closely, or the editorial profiles that look closely at an occupation."""
        if profession.tied_onet_code:
            ties = Q(onet_code=profession.tied_onet_code)
        elif profession.onet_code:
            ties = Q(tied_onet_code=profession.onet_code)
        else:
            return []
        return list(self.filter(ties).only("slug", "name", "onet_code", "tie_note"))

    def in_order_of(self, onet_codes: list[str]) -> list["Profession"]:
        """The professions holding these O*NET codes, in the codes' order; codes nobody holds
        are skipped."""
        found = self.in_bulk(onet_codes, field_name="onet_code")
        return [found[code] for code in onet_codes if code in found]

    def tie_notes(self) -> dict[str, str]:
        """What to say beside the card of each of these professions that is tied to another
        of them (an editorial profile and the O*NET occupation it looks at closely), by
        slug. One query."""
        tied_codes = self.exclude(tied_onet_code="").values("tied_onet_code")
        rows = list(
            self.filter(Q(onet_code__in=tied_codes) | ~Q(tied_onet_code="")).values_list(
                "slug", "name", "tie_note", "tied_onet_code", "onet_code"
            )
        )
        occupations = {onet_code: slug for slug, *_rest, onet_code in rows if onet_code}
        notes: dict[str, str] = {}
        for slug, name, note, code, _onet_code in rows:
            if code in occupations:
                notes[slug] = note
                about = (
                    f"CareerFit’s {name} profile looks closely at one job within this "
                    "occupation and says how the two differ."
                )
                other = occupations[code]
                notes[other] = f"{notes[other]} {about}" if other in notes else about
        return notes

    def with_letters(self, letters: str):
        """Professions whose Holland code contains every one of `letters`."""
        return self.filter(*(Q(holland_code__contains=letter) for letter in letters))

    def profiles(self) -> list[riasec.ProfessionProfile]:
        """Every profile for matching, read in one query of plain values."""
        fields = list(PROFILE_FIELDS.values())
        return [
            riasec.ProfessionProfile(
                slug=slug,
                name=name,
                code=code,
                profile=dict(zip(PROFILE_FIELDS, map(float, scores), strict=True)),
                job_zone=job_zone,
            )
            for slug, name, code, job_zone, *scores in self.values_list(
                "slug", "name", "holland_code", "job_zone", *fields
            )
        ]

    def with_details(self):
        """Everything a profile page shows, in a fixed number of queries."""
        return self.prefetch_related(
            models.Prefetch(
                "profession_skills",
                queryset=ProfessionSkill.objects.select_related("skill").order_by(
                    "-essential", "skill__kind", "skill__name"
                ),
            ),
            "job_titles",
        )


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


class ProfessionManager(models.Manager.from_queryset(ProfessionQuerySet)):
    def get_by_natural_key(self, slug: str) -> "Profession":
        return self.get(slug=slug)


class Profession(models.Model):
    """A profession's profile.

    The RIASEC profile is six interest levels on one scale, 0 to 100 with two decimals
    (percent of the strongest possible interest), the same scale as a quiz taker's scale
    scores, so the two compare directly; O*NET's 1-7 levels map onto it without loss
    (professions/onet/files.py). The Holland code lists the profile's highest letters, one to
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
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{field}__gte": 0, f"{field}__lte": 100}),
                    name=f"profession_{field}_0_to_100",
                )
                for field in PROFILE_FIELDS.values()
            ),
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
                    "holland_code", PROFILE_FIELDS, shortest=1
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
            for letter, field in PROFILE_FIELDS.items()
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

    def clean(self) -> None:
        # Name the score that contradicts the code, which the database constraint cannot.
        profile = self.profile
        if None in profile.values() or not riasec.is_code(self.holland_code):
            return  # the field validators report these
        problem = riasec.code_disagreement(self.holland_code, profile)
        if problem:
            raise ValidationError({"holland_code": problem}, code="code_contradicts_profile")


class SkillManager(models.Manager.from_queryset(ContentQuerySet)):
    def get_by_natural_key(self, slug: str) -> "Skill":
        return self.get(slug=slug)


class Skill(models.Model):
    """A piece of knowledge or a skill, shared by every profession that needs it."""

    Kind = SkillKind

    slug = models.SlugField(max_length=150, unique=True)
    name = models.CharField(max_length=150, unique=True)
    description = models.TextField(blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    search_name = folded_copy(Folded("name"))

    objects = SkillManager()

    class Meta:
        ordering = ["name"]
        constraints = [one_of_the_choices("kind", SkillKind.choices, "skill_kind_valid")]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class ProfessionSkillManager(models.Manager.from_queryset(ContentQuerySet)):
    def get_by_natural_key(self, profession_slug: str, skill_slug: str) -> "ProfessionSkill":
        return self.get(profession__slug=profession_slug, skill__slug=skill_slug)


class ProfessionSkill(models.Model):
    """That a profession needs a skill, and whether it is essential or optional."""

    profession = models.ForeignKey(
        Profession, on_delete=models.CASCADE, related_name="profession_skills"
    )
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="profession_skills")
    essential = models.BooleanField(default=True)
    origin = row_origin_field()

    objects = ProfessionSkillManager()

    class Meta:
        verbose_name = "profession skill"
        constraints = [
            one_of_the_choices("origin", Origin.choices, "profession_skill_origin_valid"),
            models.UniqueConstraint(
                fields=["profession", "skill"],
                name="unique_profession_skill",
                violation_error_message="This item is already on the profile. To move it to "
                "the other list, tick or untick “essential” where it is.",
            ),
        ]

    def __str__(self) -> str:
        need = "essential" if self.essential else "optional"
        return f"{self.skill} ({need} for {self.profession})"

    def natural_key(self) -> tuple[str, str]:
        return (*self.profession.natural_key(), *self.skill.natural_key())

    natural_key.dependencies = ["professions.profession", "professions.skill"]


class JobTitleManager(models.Manager.from_queryset(ContentQuerySet)):
    def get_by_natural_key(self, profession_slug: str, title: str) -> "JobTitle":
        return self.get(profession__slug=profession_slug, title=title)


class JobTitle(models.Model):
    """A title under which the profession is advertised."""

    profession = models.ForeignKey(Profession, on_delete=models.CASCADE, related_name="job_titles")
    title = models.CharField(max_length=200)
    search_title = folded_copy(Folded("title"))
    origin = row_origin_field()

    objects = JobTitleManager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["profession", "title"], name="unique_job_title"),
            one_of_the_choices("origin", Origin.choices, "job_title_origin_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    def natural_key(self) -> tuple[str, str]:
        return (*self.profession.natural_key(), self.title)

    natural_key.dependencies = ["professions.profession"]


class ComparisonManager(models.Manager.from_queryset(ContentQuerySet)):
    def get_by_natural_key(self, slug_a: str, slug_b: str) -> "Comparison":
        return self.get(profession_a__slug=slug_a, profession_b__slug=slug_b)

    def for_pair(self, first: Profession, second: Profession) -> "Comparison | None":
        """The curated notes on two professions, whichever order they are given in."""
        return self.filter(
            Q(profession_a=first, profession_b=second) | Q(profession_a=second, profession_b=first)
        ).first()


class Comparison(models.Model):
    """Editors' notes on how two professions differ, shown on their comparison page.

    The pair is unordered: producer/product manager and product manager/producer are the same
    comparison, which a unique constraint on the smaller and larger id enforces.
    """

    profession_a = models.ForeignKey(Profession, on_delete=models.CASCADE, related_name="+")
    profession_b = models.ForeignKey(Profession, on_delete=models.CASCADE, related_name="+")
    intro = models.TextField(help_text="Opens the comparison page.")
    summary_note = models.TextField("note on what each job is", blank=True)
    duties_note = models.TextField("note on job duties", blank=True)
    requirements_note = models.TextField("note on requirements", blank=True)
    environment_note = models.TextField("note on work environment", blank=True)
    skills_note = models.TextField("note on skills", blank=True)
    salary_note = models.TextField("note on salary", blank=True)

    objects = ComparisonManager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(profession_a=models.F("profession_b")),
                name="comparison_of_two_professions",
                violation_error_message="Choose two different professions.",
            ),
            models.UniqueConstraint(
                Least("profession_a", "profession_b"),
                Greatest("profession_a", "profession_b"),
                name="unique_comparison_pair",
                violation_error_message="These two professions already have a comparison.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.profession_a} vs. {self.profession_b}"

    def get_absolute_url(self) -> str:
        return compare_url(self.profession_a.slug, self.profession_b.slug)

    def natural_key(self) -> tuple[str, str]:
        return (*self.profession_a.natural_key(), *self.profession_b.natural_key())

    natural_key.dependencies = ["professions.profession"]


def compare_url(slug_a: str, slug_b: str) -> str:
    """The canonical comparison address: slugs in alphabetical order."""
    first, second = sorted((slug_a, slug_b))
    return reverse("professions:compare", args=[first, second])
