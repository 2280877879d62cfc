"""Editors keep profession profiles, skills and comparisons here."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils import timezone

from professions import riasec
from professions.admin_content import ContentAdmin
from professions.admin_inlines import EssentialItemInline, JobTitleInline, OptionalItemInline
from professions.models import (
    Comparison,
    Profession,
    Skill,
)
from professions.services import skills_merge


class CodeLetterFilter(admin.SimpleListFilter):
    """Filter by the first letter of a Holland code, e.g. all Enterprising-first rows."""

    title = "first letter of code"
    parameter_name = "letter"

    def lookups(self, request, model_admin):
        return [(letter, f"{letter} · {riasec.NAMES[letter]}") for letter in riasec.LETTERS]

    def queryset(self, request, queryset):
        if self.value() in riasec.NAMES:
            return queryset.filter(holland_code__startswith=self.value())
        return queryset


class DescriptionFilter(admin.SimpleListFilter):
    """Imported occupations start without CareerFit's own description: find those to write."""

    title = "description"
    parameter_name = "description"

    def lookups(self, request, model_admin):
        return [("written", "Written"), ("missing", "Not written yet")]

    def queryset(self, request, queryset):
        if self.value() == "written":
            return queryset.exclude(description="")
        if self.value() == "missing":
            return queryset.filter(description="")
        return queryset


@admin.register(Profession)
class ProfessionAdmin(ContentAdmin):
    list_display = [
        "name",
        "holland_code",
        "annual_salary",
        "essential_count",
        "optional_count",
        "published",
        "updated",
    ]
    list_filter = ["published", CodeLetterFilter, "origin", DescriptionFilter, "job_zone"]
    search_fields = ["name", "onet_code", "job_titles__title", "skills__name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["implied_code", "kept_through_imports"]
    fieldsets = [
        ("Profile", {"fields": ["name", "slug", "summary", "published"]}),
        (
            "RIASEC interests",
            {
                "description": "Interest levels from 0 to 100, with up to two decimals. The "
                "Holland code lists the one to three highest, highest first; tied letters may "
                "stand in either order.",
                "fields": [
                    tuple(riasec.FIELDS.values()),
                    ("holland_code", "implied_code"),
                ],
            },
        ),
        (
            "Pay",
            {"fields": ["annual_salary", "salary_currency", "salary_statistic", "salary_source"]},
        ),
        ("Text", {"fields": ["description", "duties", "requirements", "work_environment"]}),
        ("Preparation", {"fields": ["job_zone", ("education_level", "education_percent")]}),
        (
            "Place in the catalog",
            {
                "description": "An editorial profile of one job within a broader O*NET "
                "occupation names it here and says how the two differ; both profiles and "
                "quiz results then show that note.",
                "fields": ["tied_onet_code", "tie_note", "other_titles"],
            },
        ),
        (
            "Sources",
            {
                "classes": ["collapse"],
                "fields": [
                    "sources",
                    "origin",
                    "onet_code",
                    "attribution",
                    "kept_through_imports",
                ],
            },
        ),
    ]
    inlines = [EssentialItemInline, OptionalItemInline, JobTitleInline]
    actions = ["publish", "unpublish"]
    NO_DESCRIPTION_YET = (
        "No description yet. O*NET's own text is not shipped, so this occupation has none "
        "until an editor writes one in CareerFit's words; meanwhile its page says so and "
        "links to O*NET OnLine. An O*NET import never overwrites what you write here."
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or obj.description:
            return fieldsets
        return [
            (name, {**options, "description": self.NO_DESCRIPTION_YET})
            if name == "Text"
            else (name, options)
            for name, options in fieldsets
        ]

    def save_model(self, request, obj, form, change):
        if change:
            obj.mark_edited(form.changed_data)
        super().save_model(request, obj, form, change)

    def get_queryset(self, request):
        # The counts come with the rows: one query for the changelist, however long.
        return (
            super()
            .get_queryset(request)
            .annotate(
                essential_total=Count(
                    "profession_skills", filter=Q(profession_skills__essential=True)
                ),
                optional_total=Count(
                    "profession_skills", filter=Q(profession_skills__essential=False)
                ),
            )
        )

    @admin.display(description="essential items", ordering="essential_total")
    def essential_count(self, profession: Profession) -> int:
        return profession.essential_total

    @admin.display(description="optional items", ordering="optional_total")
    def optional_count(self, profession: Profession) -> int:
        return profession.optional_total

    @admin.display(description="kept through O*NET imports")
    def kept_through_imports(self, profession: Profession) -> str:
        if not profession.edited_fields:
            return "Nothing yet: an import updates what it imported."
        return ", ".join(
            str(Profession._meta.get_field(name).verbose_name) for name in profession.edited_fields
        )

    @admin.display(description="code the profile implies")
    def implied_code(self, profession: Profession) -> str:
        if profession.pk is None:
            return "Shown once the profile is saved."
        profile = profession.profile
        implied = riasec.holland_code(profile)
        tied = " Tied letters may stand in either order." if riasec.ties(profile) else ""
        problem = riasec.code_disagreement(profession.holland_code, profile)
        if problem:
            return f"{implied}. The stored code differs: {problem}{tied}"
        stored = profession.holland_code
        if implied != stored:
            how = "lists fewer letters" if implied.startswith(stored) else "orders tied letters"
            return f"{implied}. The stored code, {stored}, also agrees with the profile: it {how}."
        return f"{implied}, the stored code.{tied}"

    @admin.action(description="Publish the selected professions", permissions=["change"])
    def publish(self, request, queryset):
        self.set_published(request, queryset, True)

    @admin.action(description="Unpublish the selected professions", permissions=["change"])
    def unpublish(self, request, queryset):
        self.set_published(request, queryset, False)

    def set_published(self, request, queryset, published: bool) -> None:
        count = queryset.update(published=published, updated=timezone.now())
        done = "Published" if published else "Unpublished"
        for profession in queryset:  # an update sends no signal: record each row by hand
            self.record_change(profession, f"{done}.")
        self.message_user(request, f"{done} {count} profession(s).", messages.SUCCESS)


@admin.register(Skill)
class SkillAdmin(ContentAdmin):
    list_display = ["name", "kind", "profession_count"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["used_by"]
    actions = ["merge"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(profession_total=Count("profession_skills"))

    @admin.display(description="professions", ordering="profession_total")
    def profession_count(self, skill: Skill) -> int:
        return skill.profession_total

    @admin.display(description="used by")
    def used_by(self, skill: Skill) -> str:
        links = skill.profession_skills.select_related("profession").order_by("profession__name")
        return (
            ", ".join(
                f"{link.profession.name} ({'essential' if link.essential else 'optional'})"
                for link in links
            )
            or "No profession yet."
        )

    def has_merge_permission(self, request) -> bool:
        # Merging changes links and deletes skills: it needs both rights, not either.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description="Merge the selected skills into one", permissions=["merge"])
    def merge(self, request, queryset):
        skills = list(queryset.order_by("name"))
        if len(skills) < 2:
            self.message_user(request, "Select at least two skills to merge.", messages.WARNING)
            return None
        keep_id = request.POST.get("keep")
        keep = next((skill for skill in skills if str(skill.pk) == keep_id), None)
        if keep is None:
            return TemplateResponse(
                request,
                "admin/professions/skill/merge.html",
                {**self.admin_site.each_context(request), "skills": skills, "opts": self.opts},
            )
        duplicates = [skill for skill in skills if skill != keep]
        relinked = list(Profession.objects.filter(profession_skills__skill__in=duplicates))
        moved = skills_merge(keep=keep, duplicates=duplicates)
        names = ", ".join(f"“{skill.name}”" for skill in duplicates)
        merged = f"Merged {names} into “{keep.name}”."
        for profession in relinked:  # with its links as they are now
            self.record_change(profession, merged)
        self.message_user(
            request,
            f"Merged {len(skills) - 1} skill(s) into “{keep.name}”; "
            f"{moved} profession link(s) moved.",
            messages.SUCCESS,
        )
        return None


@admin.register(Comparison)
class ComparisonAdmin(ContentAdmin):
    list_display = ["__str__", "profession_a", "profession_b"]
    autocomplete_fields = ["profession_a", "profession_b"]
    search_fields = ["profession_a__name", "profession_b__name"]
