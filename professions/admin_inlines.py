"""The lists a profession's admin page edits with it: its essential and optional knowledge and
skills (two tables of one model, moved between by ticking "essential") and its job titles."""

from django import forms
from django.contrib import admin
from django.forms.formsets import DEFAULT_MAX_NUM

from professions.admin_content import TextareaField
from professions.models import JobTitle, ProfessionSkill


def posted_rows(data, prefix: str) -> range:
    """The rows a formset posted under `prefix`, read from the raw data (as many as Django
    would read at most), for checks that span two formsets."""
    total = data.get(f"{prefix}-TOTAL_FORMS", "")
    return range(min(int(total), 2 * DEFAULT_MAX_NUM) if total.isdigit() else 0)


class SkillLinkForm(forms.ModelForm):
    """A skill link in one of the profile's two lists; ticking or unticking "essential"
    moves it to the other list on save."""

    class Meta:
        model = ProfessionSkill
        fields = ["skill", "essential"]


class EssentialLinkForm(SkillLinkForm):
    """An essential item, with the description the profile page shows under it. The
    description belongs to the skill, so it changes for every profession that has it."""

    description = TextareaField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 48}),
        help_text="Shared by every profession with this item.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.skill_id:
            self.fields["description"].initial = self.instance.skill.description

    def clean(self):
        cleaned = super().clean()
        skill = cleaned.get("skill")
        if skill and not cleaned.get("description") and not skill.description:
            self.add_error("description", "Essential items need a description for the profile.")
        return cleaned

    def save(self, commit=True):
        link = super().save(commit)
        if "description" in self.changed_data and self.cleaned_data["description"]:
            link.skill.description = self.cleaned_data["description"]
            link.skill.save(update_fields=["description"])
        return link


class SkillLinkFormSet(forms.BaseInlineFormSet):
    """One of the profile's two lists of skill links, under a fixed prefix, so that it can
    refuse a skill that the other list, posted with it, keeps."""

    prefix_name = ""
    other_prefix = ""
    other_list = ""

    @classmethod
    def get_default_prefix(cls) -> str:
        return cls.prefix_name

    def skills_kept_by_other_list(self) -> set[str]:
        data, prefix = self.data, self.other_prefix
        return {
            data.get(f"{prefix}-{row}-skill", "")
            for row in posted_rows(data, prefix)
            if not data.get(f"{prefix}-{row}-DELETE")
        } - {""}

    def clean(self):
        super().clean()
        kept_elsewhere = self.skills_kept_by_other_list()
        for form in self.forms:
            skill = form.cleaned_data.get("skill") if hasattr(form, "cleaned_data") else None
            if skill and not self._should_delete_form(form) and str(skill.pk) in kept_elsewhere:
                form.add_error(
                    "skill", f"“{skill}” is also in the {self.other_list} list; keep it in one."
                )


class EssentialLinkFormSet(SkillLinkFormSet):
    prefix_name, other_prefix, other_list = "essential_items", "optional_items", "optional"


class OptionalLinkFormSet(SkillLinkFormSet):
    prefix_name, other_prefix, other_list = "optional_items", "essential_items", "essential"


class SkillLinkInline(admin.TabularInline):
    model = ProfessionSkill
    extra = 0
    autocomplete_fields = ["skill"]
    readonly_fields = ["kind", "origin"]
    essential = True

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(essential=self.essential)
            .select_related("skill")
            .order_by("skill__kind", "skill__name")
        )

    @admin.display(description="kind")
    def kind(self, link: ProfessionSkill) -> str:
        return link.skill.get_kind_display() if link.skill_id else "—"


class EssentialItemInline(SkillLinkInline):
    form = EssentialLinkForm
    formset = EssentialLinkFormSet
    fields = ["skill", "kind", "description", "essential", "origin"]
    verbose_name = "essential item"
    verbose_name_plural = "Essential knowledge and skills (untick “essential” to make optional)"


class OptionalLinkForm(SkillLinkForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.initial["essential"] = False  # a new row here starts optional


class OptionalItemInline(SkillLinkInline):
    form = OptionalLinkForm
    formset = OptionalLinkFormSet
    fields = ["skill", "kind", "essential", "origin"]
    essential = False
    verbose_name = "optional item"
    verbose_name_plural = "Optional knowledge and skills (tick “essential” to make essential)"


class JobTitleInline(admin.TabularInline):
    model = JobTitle
    extra = 0
    fields = ["title", "origin"]
    readonly_fields = ["origin"]
