"""The question bank and stored quiz results."""

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from professions import riasec
from professions.constraints import (
    each_from_0_to_100,
    holland_code_agrees_with_profile,
    one_of_the_choices,
)
from professions.content import ContentQuerySet, per_content_version
from professions.models import RiasecLetter
from quiz.screening import Exclusion, exclusion


class QuizLength(models.TextChoices):
    """How long a quiz is: the site calls the two the quick and the full form. Both score on
    the same 0-100 scale, so results compare. (The start page and the analysts' report still
    name their parameter `form`, as on the site.)"""

    FULL = "full", "Full form"
    QUICK = "quick", "Quick form"


# How many active items of each scale a form needs before it can be taken.
ITEMS_PER_SCALE = {QuizLength.FULL: 10, QuizLength.QUICK: 5}


@dataclass(frozen=True)
class ScaleCounts:
    """The active items of each scale in a form, and what they mean for taking it.

    A form short of ITEMS_PER_SCALE items on any scale cannot be taken. A form with enough
    items but different numbers per scale is unbalanced: it can be taken and is scored
    correctly, since riasec.scale_scores scores each scale as a percentage of the points its
    own items could give, but a scale with fewer items is measured less reliably.
    """

    length: QuizLength
    counts: Mapping[str, int]  # every RIASEC letter, in hexagon order

    @classmethod
    def of_items(cls, length: str, items: Iterable[tuple[str, str]]) -> "ScaleCounts":
        """From a form's (code, scale) items."""
        counts = dict.fromkeys(riasec.LETTERS, 0)
        for _code, scale in items:
            counts[scale] += 1
        return cls(QuizLength(length), counts)

    @property
    def shortfall(self) -> str:
        """The scales lacking items, e.g. "Artistic: 3 of 5"; empty when none."""
        needed = ITEMS_PER_SCALE[self.length]
        return ", ".join(
            f"{riasec.NAMES[letter]}: {count} of {needed}"
            for letter, count in self.counts.items()
            if count < needed
        )

    @property
    def balanced(self) -> bool:
        return len(set(self.counts.values())) <= 1

    @property
    def imbalance(self) -> str:
        """Every scale's count, e.g. "Realistic 6, Investigative 5, …", when they differ;
        empty when the form is balanced."""
        if self.balanced:
            return ""
        return ", ".join(f"{riasec.NAMES[letter]} {count}" for letter, count in self.counts.items())


class QuestionQuerySet(ContentQuerySet):
    def for_length(self, length: str) -> "QuestionQuerySet":
        """The active items of a quiz of this length, in presentation order."""
        questions = self.filter(active=True)
        if length == QuizLength.QUICK:
            questions = questions.filter(in_quick_form=True)
        return questions.order_by("position", "code")

    def items(self, length: str) -> list[tuple[str, str]]:
        """The active items as (code, scale) pairs, in presentation order."""
        return list(self.for_length(length).values_list("code", "scale"))

    def scale_counts(self, length: str) -> ScaleCounts:
        """How many active items of each scale a quiz of this length has, in one query."""
        return ScaleCounts.of_items(length, self.items(length))

    def next_position(self) -> int:
        """The position that puts a new item after every other, active or not."""
        highest = self.aggregate(highest=models.Max("position"))["highest"]
        return (highest or 0) + 1


class QuestionManager(models.Manager.from_queryset(QuestionQuerySet)):
    def get_by_natural_key(self, code: str) -> "Question":
        return self.get(code=code)


@per_content_version
def question_bank() -> dict[str, "Question"]:
    """Every question by code, kept in each process until the content changes: each quiz
    page shows ten of them."""
    return Question.objects.in_bulk(field_name="code")


@per_content_version
def form_items() -> dict[str, list[tuple[str, str]]]:
    """Each form's active items, (code, scale) in presentation order, kept like the bank:
    starting a quiz reads no database."""
    return {length: Question.objects.items(length) for length in QuizLength}


# A code is a column name in the analysts' CSV: plain letters and digits, never a formula.
QUESTION_CODE_VALIDATOR = RegexValidator(
    r"^[RIASEC][0-9]{2,3}$", "Use the scale's letter and two or three digits, e.g. R01."
)


class Question(models.Model):
    """One interest item: a work activity the taker rates from Strongly dislike to Strongly like.

    Its code is how stored results keep their answers, so it starts with the scale's letter
    and never changes once a result uses it: a revised item is a new item (retire the old).
    """

    code = models.CharField(
        max_length=4,
        unique=True,
        validators=[QUESTION_CODE_VALIDATOR],
        help_text="Stable identifier: the scale's letter and two or three digits, e.g. R01. "
        "Fixed once a stored result uses it.",
    )
    text = models.CharField(max_length=200)
    scale = models.CharField(max_length=1, choices=RiasecLetter.choices)
    position = models.PositiveSmallIntegerField(help_text="Presentation order, lowest first.")
    in_quick_form = models.BooleanField(default=False, help_text="Also asked in the quick form.")
    active = models.BooleanField(default=True)

    objects = QuestionManager()

    class Meta:
        ordering = ["position", "code"]
        constraints = [
            one_of_the_choices("scale", RiasecLetter.choices, "question_scale_valid"),
            models.CheckConstraint(
                condition=Q(code__startswith=models.F("scale")),
                name="question_code_starts_with_scale",
                violation_error_message="A question's code starts with its scale's letter.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.text}"

    def natural_key(self) -> tuple[str]:
        return (self.code,)

    def clean(self) -> None:
        if self.code and self.scale and not self.code.startswith(self.scale):
            raise ValidationError(
                {"code": f"Start the code with the scale's letter, {self.scale}."},
                code="code_scale",
            )
        saved = Question.objects.filter(pk=self.pk).values_list("code", flat=True).first()
        if saved and saved != self.code and Result.objects.answering(saved).exists():
            raise ValidationError(
                {
                    "code": f"Stored results answered this item as {saved}, so its code cannot "
                    "change: untick Active to retire it, and add a new item with the new code."
                },
                code="code_in_use",
            )


class Consistency(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


# Percentile norms need enough results of a form to mean something.
NORMS_MINIMUM = 100


@dataclass(frozen=True)
class Finished:
    """What finishing a quiz came to: the stored result, or none because its client has
    stored too many lately (`over_limit`)."""

    result: "Result | None"
    over_limit: bool = False


class ResultQuerySet(models.QuerySet):
    def counted(self):
        """The results norms and analytics count: those a person produced."""
        return self.filter(excluded=Exclusion.COUNTED)

    def answering(self, code: str):
        """The results that hold an answer to the item with this code."""
        return self.filter(answers__has_key=code)


class ResultManager(models.Manager.from_queryset(ResultQuerySet)):
    def score_and_create(
        self,
        *,
        length: str,
        answers: Mapping[str, int],
        scale_of: Mapping[str, str],
        attempt: str | None = None,
        seconds: int | None = None,
        client: str = "",
    ) -> "Result":
        """Store a finished quiz with everything derived from its answers; `seconds` it
        took and the `client` key (quiz/screening.py) decide whether it counts."""
        scores = riasec.scale_scores(answers, scale_of)
        code = riasec.holland_code(scores)
        return self.create(
            length=length,
            answers=dict(answers),
            **{riasec.FIELDS[letter]: score for letter, score in scores.items()},
            holland_code=code,
            differentiation=riasec.differentiation(scores),
            consistency=riasec.consistency(code),
            attempt=attempt,
            seconds=seconds,
            client=client,
            excluded=exclusion(answers, seconds),
        )

    def finish(
        self,
        *,
        attempt: str,
        length: str,
        answers: Mapping[str, int],
        scale_of: Mapping[str, str],
        seconds: int | None,
        client: str,
    ) -> "Finished":
        """Store a finished quiz attempt once: the result it stored already (a second click on
        Finish, or a retry of a request whose answer never reached the browser), else a new
        one, unless the client has stored its share of results lately (`may_store_from`)."""
        stored = self.filter(attempt=attempt).first()
        if stored is not None:
            return Finished(stored)
        if not self.may_store_from(client):
            return Finished(None, over_limit=True)
        try:
            with transaction.atomic():
                return Finished(
                    self.score_and_create(
                        length=length,
                        answers=answers,
                        scale_of=scale_of,
                        attempt=attempt,
                        seconds=seconds,
                        client=client,
                    )
                )
        except IntegrityError:
            # Another request stored this attempt between the look and the write.
            stored = self.filter(attempt=attempt).first()
            if stored is None:  # not that: another constraint refused the result
                raise
            return Finished(stored)

    def may_store_from(self, client: str) -> bool:
        """Whether the client may store another result (CAREERFIT_RESULTS_PER_ADDRESS in
        CAREERFIT_RESULTS_WINDOW_SECONDS)."""
        since = timezone.now() - timedelta(seconds=settings.CAREERFIT_RESULTS_WINDOW_SECONDS)
        recent = self.filter(client=client, created__gte=since)
        return recent.count() < settings.CAREERFIT_RESULTS_PER_ADDRESS

    def percentiles(self, result: "Result") -> dict[str, int] | None:
        """Per scale, the percent of counted results of the same form scoring lower than
        `result`.

        None until the form has NORMS_MINIMUM counted results. One query, whatever the number.
        """
        lower = {
            letter: models.Count("pk", filter=Q(**{f"{field}__lt": getattr(result, field)}))
            for letter, field in riasec.FIELDS.items()
        }
        counts = (
            self.counted().filter(length=result.length).aggregate(total=models.Count("pk"), **lower)
        )
        total = counts.pop("total")
        if total < NORMS_MINIMUM:
            return None
        return {letter: round(100 * below / total) for letter, below in counts.items()}


class Result(models.Model):
    """A finished quiz. Holds no personal data; its random uuid is the only way to reach it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    length = models.CharField(max_length=10, choices=QuizLength.choices)
    answers = models.JSONField(help_text="Question code to answer, 1 (strongly dislike) to 5.")
    realistic = models.FloatField()
    investigative = models.FloatField()
    artistic = models.FloatField()
    social = models.FloatField()
    enterprising = models.FloatField()
    conventional = models.FloatField()
    holland_code = models.CharField(max_length=3)
    differentiation = models.FloatField()
    consistency = models.CharField(max_length=6, choices=Consistency.choices)
    attempt = models.UUIDField(
        unique=True,
        null=True,
        editable=False,
        help_text="The quiz attempt this result finished: one result per attempt.",
    )
    seconds = models.PositiveIntegerField(
        null=True, editable=False, help_text="From the start of the quiz to its end."
    )
    client = models.CharField(
        max_length=32,
        blank=True,
        editable=False,
        help_text="A keyed hash of the client address, to limit floods (quiz/screening.py).",
    )
    excluded = models.CharField(
        "left out of norms and analytics",
        max_length=10,
        choices=Exclusion.choices,
        blank=True,
        default=Exclusion.COUNTED,
        editable=False,
    )

    objects = ResultManager()

    class Meta:
        ordering = ["-created"]
        permissions = [("view_analytics", "Can view quiz analytics")]
        indexes = [models.Index(fields=["client", "created"], name="result_client_created")]
        constraints = [
            *each_from_0_to_100(riasec.FIELDS.values(), "result_{field}_in_range"),
            models.CheckConstraint(
                condition=holland_code_agrees_with_profile(
                    "holland_code", riasec.FIELDS, shortest=2
                ),
                name="result_code_agrees_with_scores",
            ),
            one_of_the_choices("length", QuizLength.choices, "result_length_valid"),
            one_of_the_choices("excluded", Exclusion.choices, "result_excluded_valid"),
            one_of_the_choices("consistency", Consistency.choices, "result_consistency_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.holland_code} ({self.get_length_display()}, {self.created:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("quiz:result", args=[self.uuid])

    @property
    def scores(self) -> dict[str, float]:
        return {letter: getattr(self, field) for letter, field in riasec.FIELDS.items()}

    @property
    def precision(self) -> riasec.Precision:
        """How precisely the result's form measures each scale."""
        return riasec.Precision(ITEMS_PER_SCALE[QuizLength(self.length)])
