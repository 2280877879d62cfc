from typing import NamedTuple

from crispy_forms.bootstrap import InlineCheckboxes
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms

from professions.models import Profession, RiasecLetter
from professions.search import search_words


def fields_only_helper(*layout) -> FormHelper:
    """crispy renders the fields only; the template writes the <form> tag and, for a POST
    form, its CSRF token. (Left to itself crispy adds a token to GET forms too, which would
    put it into addresses, logs and Referer headers.)"""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if layout:
        helper.layout = Layout(*layout)
    return helper


class CatalogChoices(NamedTuple):
    query: str
    letters: str
    zone: int | None
    education: list[int]  # the most common education levels asked for; empty for any
    sort: str


# The catalog's education filter: O*NET's twelve levels in four groups a person would ask for.
EDUCATION_GROUPS = {
    "school": ("High school or less", [1, 2]),
    "college": ("Certificate, some college or associate's degree", [3, 4, 5]),
    "bachelor": ("Bachelor's degree", [6, 7]),
    "graduate": ("Master's, doctoral or professional degree", [8, 9, 10, 11, 12]),
}


SORTS = {
    "relevance": "Best match for the search",
    "name": "Name, A to Z",
    "salary": "Salary, highest first",
    "fit": "Best fit for me",
}


class CatalogForm(forms.Form):
    """Search and filters of the catalog; every field is optional and GET-submitted."""

    q = forms.CharField(
        label="Search",
        max_length=100,
        required=False,
        help_text="A profession, job title or skill.",
    )
    letter = forms.MultipleChoiceField(
        label="Holland code contains",
        choices=RiasecLetter.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    zone = forms.TypedChoiceField(
        label="Preparation needed",
        choices=[("", "Any"), *Profession.JobZone.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    education = forms.ChoiceField(
        label="Education most people in the job have",
        choices=[
            ("", "Any"),
            *((key, label) for key, (label, _levels) in EDUCATION_GROUPS.items()),
        ],
        required=False,
    )
    sort = forms.ChoiceField(label="Sort by", required=False)

    def __init__(self, data, *, can_sort_by_fit: bool):
        super().__init__(data)
        searching = bool(data and search_words(str(data.get("q", ""))))
        offered = {"relevance": searching, "fit": can_sort_by_fit}
        self.fields["sort"].choices = [
            (key, label) for key, label in SORTS.items() if offered.get(key, True)
        ]
        self.default_sort = next(
            key for key in ("relevance", "fit", "name") if offered.get(key, True)
        )
        self.fields["sort"].initial = self.default_sort
        self.helper = fields_only_helper(
            "q", InlineCheckboxes("letter"), "zone", "education", "sort"
        )

    def active_filters(self) -> list[tuple[str, str]]:
        """The search and filters in force, in words, each with the query string that drops
        it (and the page number): (description, "?..." without it)."""
        if not self.is_bound or not self.is_valid():
            return []
        data, active = self.cleaned_data, []
        if data.get("q"):
            active.append((f"Search: “{data['q']}”", "q"))
        if data.get("letter"):
            names = ", ".join(RiasecLetter(letter).label for letter in data["letter"])
            active.append((f"Code contains {names}", "letter"))
        if data.get("zone"):
            active.append((f"Job zone {Profession.JobZone(data['zone']).label}", "zone"))
        if data.get("education"):
            active.append((f"Education: {EDUCATION_GROUPS[data['education']][0]}", "education"))
        return [(words, self._without(name)) for words, name in active]

    def _without(self, name: str) -> str:
        query = self.data.copy()
        for dropped in (name, "page"):
            query.pop(dropped, None)
        return f"?{query.urlencode()}"

    def choices(self) -> "CatalogChoices":
        """What to apply; a field with an error falls back to its default."""
        data = {}
        if self.is_bound:
            self.is_valid()
            data = self.cleaned_data
        query = data.get("q", "")
        sort = data.get("sort") or self.default_sort
        if sort == "relevance" and not search_words(query):  # e.g. a search too long to run
            sort = "fit" if "fit" in dict(self.fields["sort"].choices) else "name"
        return CatalogChoices(
            query=query,
            letters="".join(data.get("letter", [])),
            zone=data.get("zone"),
            education=EDUCATION_GROUPS[data["education"]][1] if data.get("education") else [],
            sort=sort,
        )


class ComparePickForm(forms.Form):
    """Two published professions to compare; each select opens on "Choose a profession"."""

    a = forms.ModelChoiceField(
        label="First profession",
        queryset=Profession.objects.published().only("slug", "name"),
        to_field_name="slug",
        empty_label="Choose a profession",
    )
    b = forms.ModelChoiceField(
        label="Second profession",
        queryset=Profession.objects.published().only("slug", "name"),
        to_field_name="slug",
        empty_label="Choose a profession",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = fields_only_helper()

    def clean(self):
        data = super().clean()
        if data.get("a") and data.get("a") == data.get("b"):
            raise forms.ValidationError("Choose two different professions.", code="same")
        return data
