from django import forms

from professions.forms import fields_only_helper
from quiz.models import QuizLength, form_items

ANSWER_CHOICES = [
    (1, "Strongly dislike"),
    (2, "Dislike"),
    (3, "Unsure"),
    (4, "Like"),
    (5, "Strongly like"),
]


class StartForm(forms.Form):
    form = forms.ChoiceField(
        label="Which form would you like to take?",
        choices=[],
        initial=QuizLength.QUICK,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Describe the forms as the question bank builds them now; about ten seconds an item.
        sizes = {form: len(items) for form, items in form_items().items()}
        self.fields["form"].choices = [
            (
                QuizLength.QUICK,
                f"Quick: {sizes[QuizLength.QUICK]} activities, {minutes(sizes[QuizLength.QUICK])}",
            ),
            (
                QuizLength.FULL,
                f"Full: {sizes[QuizLength.FULL]} activities, {minutes(sizes[QuizLength.FULL])}, "
                "a more reliable result",
            ),
        ]
        self.helper = fields_only_helper()


def minutes(items: int) -> str:
    return f"about {max(1, round(items / 6))} minutes"


class AnswerPageForm(forms.Form):
    """One page of items, each a required five-point radio group named by its question code.
    templates/quiz/page.html draws each as one row: the activity, then the five answers as a
    segmented scale."""

    def __init__(self, *args, questions, first_number: int, **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(questions, start=first_number):
            self.fields[question.code] = forms.TypedChoiceField(
                label=f"{number}. {question.text}",
                choices=ANSWER_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Choose an answer for item {number}: {question.text}.",
                    "invalid_choice": f"Choose one of the five answers for item {number}.",
                },
            )

    def rendering_key(self) -> tuple:
        """All the unbound form's HTML depends on: each item's name, label and answer so far.

        Every taker sees the same page before answering it, so the rendered items are worth
        caching under this key; a bound form (one with errors) is rendered afresh."""
        return tuple(
            (name, field.label, self.initial.get(name)) for name, field in self.fields.items()
        )

    def valid_answers(self) -> dict[str, int]:
        """The answers that passed validation, even when others on the page did not."""
        self.is_valid()
        return dict(self.cleaned_data)


# The five O*NET job zones as a taker would say how far they are ready to go.
READY_FOR = {
    1: "A few days to a few months of training on the job",
    2: "Secondary school, then some months to a year of training",
    3: "Vocational training, an apprenticeship or a two-year degree",
    4: "A bachelor's degree and a few years of experience",
    5: "A master's, doctoral or professional degree",
}


class PreparationForm(forms.Form):
    """The preparation step of a results page: a GET form, so the choice stays in the link."""

    zone = forms.TypedChoiceField(
        label="How much education and training are you ready for?",
        choices=[("", "Show all, whatever the preparation"), *READY_FOR.items()],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose one of the listed amounts of preparation."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = fields_only_helper()

    @property
    def chosen_zone(self) -> int | None:
        """The job zone chosen; None for all, also when the choice is not valid."""
        return self.cleaned_data.get("zone") if self.is_valid() else None
