from typing import NamedTuple

from crispy_forms.bootstrap import InlineCheckboxes
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms

from professions.models import Profession, RiasecLetter


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
    sort: str


SORTS = {
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
    sort = forms.ChoiceField(label="Sort by", required=False)

    def __init__(self, data, *, can_sort_by_fit: bool):
        super().__init__(data)
        self.fields["sort"].choices = [
            (key, label) for key, label in SORTS.items() if key != "fit" or can_sort_by_fit
        ]
        self.default_sort = "fit" if can_sort_by_fit else "name"
        self.helper = fields_only_helper("q", InlineCheckboxes("letter"), "zone", "sort")

    def choices(self) -> "CatalogChoices":
        """What to apply; a field with an error falls back to its default."""
        data = {}
        if self.is_bound:
            self.is_valid()
            data = self.cleaned_data
        return CatalogChoices(
            query=data.get("q", ""),
            letters="".join(data.get("letter", [])),
            zone=data.get("zone"),
            sort=data.get("sort") or self.default_sort,
        )


class ComparePickForm(forms.Form):
    a = forms.ModelChoiceField(
        label="First profession", queryset=Profession.objects.published(), to_field_name="slug"
    )
    b = forms.ModelChoiceField(
        label="Second profession", queryset=Profession.objects.published(), to_field_name="slug"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = fields_only_helper()

    def clean(self):
        data = super().clean()
        if data.get("a") and data.get("a") == data.get("b"):
            raise forms.ValidationError("Choose two different professions.", code="same")
        return data
