"""The analysts' report on stored results: counts, code letters and item quality.

The item statistics come from one streaming pass over the stored answers (see
quiz/psychometrics.py); the report is cached briefly because analysts reload it often and it
reads every result in the range.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import Substr

from professions import riasec
from quiz.exports import CHUNK_SIZE
from quiz.models import ITEMS_PER_SCALE, Question, QuizLength, Result
from quiz.psychometrics import ScaleStats, scale_statistics
from quiz.screening import Exclusion

CACHE_SECONDS = 60


class AnalyticsForm(forms.Form):
    form = forms.ChoiceField(choices=QuizLength.choices, initial=QuizLength.QUICK)
    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("The start date is after the end date.", code="range")
        return data

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_bound else {}
        return {
            "length": data.get("form") or QuizLength.QUICK,  # `form`, as the site calls it
            "start": data.get("start"),
            "end": data.get("end"),
        }


@dataclass(frozen=True)
class LetterShare:
    letter: str
    name: str
    count: int
    percent: float


@dataclass(frozen=True)
class AnalyticsReport:
    count: int  # the results counted
    first_letters: list[LetterShare]
    scales: list[ScaleStats]
    # Results of the form and dates left out, by reason (quiz/screening.py): label -> count.
    excluded: dict[str, int]
    # The SEM results pages assume for this form (riasec.Precision), to hold the real one to.
    assumed_sem: float


def analytics_report(
    *, length: str, start: datetime.date | None, end: datetime.date | None
) -> AnalyticsReport:
    key = f"quiz-analytics:{length}:{start}:{end}"
    return cache.get_or_set(key, lambda: build_report(length, start, end), CACHE_SECONDS)


def build_report(
    length: str, start: datetime.date | None, end: datetime.date | None
) -> AnalyticsReport:
    stored = Result.objects.filter(length=length)
    if start:
        stored = stored.filter(created__date__gte=start)
    if end:
        stored = stored.filter(created__date__lte=end)
    excluded = dict(
        stored.exclude(excluded=Exclusion.COUNTED)
        .values_list("excluded")
        .annotate(total=Count("pk"))
        .order_by()
    )
    results = stored.counted()
    by_letter = dict(
        results.annotate(letter=Substr("holland_code", 1, 1))
        .values_list("letter")
        .annotate(total=Count("pk"))
        .order_by()
    )
    count = sum(by_letter.values())
    items_by_scale = {letter: [] for letter in riasec.LETTERS}
    for code, scale in Question.objects.for_length(length).values_list("code", "scale"):
        items_by_scale[scale].append(code)
    answers = results.values_list("answers", flat=True).iterator(chunk_size=CHUNK_SIZE)
    return AnalyticsReport(
        count=count,
        first_letters=[
            LetterShare(
                letter,
                riasec.NAMES[letter],
                by_letter.get(letter, 0),
                100 * by_letter.get(letter, 0) / count if count else 0.0,
            )
            for letter in riasec.LETTERS
        ],
        scales=scale_statistics(answers, items_by_scale),
        excluded={
            Exclusion(reason).label: excluded.get(reason, 0)
            for reason in Exclusion.values
            if reason != Exclusion.COUNTED
        },
        assumed_sem=riasec.Precision(ITEMS_PER_SCALE[QuizLength(length)]).sem,
    )
