"""Editors keep profession profiles, skills and comparisons here."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils import timezone

from professions.models import (
    Comparison,
    ContentVersion,
    JobTitle,
    Profession,
    ProfessionSkill,
    Skill,
)
from professions.services import skills_merge
from quiz import riasec


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


class ContentAdmin(admin.ModelAdmin):
    """Admin pages write a row and then its inlines in one transaction, so they change the
    content version first (see ContentVersionManager.bump)."""

    def save_model(self, request, obj, form, change):
        ContentVersion.objects.bump()
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        ContentVersion.objects.bump()
        super().delete_model(request, obj)


class ProfessionSkillInline(admin.TabularInline):
    model = ProfessionSkill
    extra = 0
    autocomplete_fields = ["skill"]


class JobTitleInline(admin.TabularInline):
    model = JobTitle
    extra = 0


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
    list_filter = ["published", CodeLetterFilter, "origin", "job_zone"]
    search_fields = ["name", "onet_code", "job_titles__title", "skills__name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["implied_code"]
    fieldsets = [
        ("Profile", {"fields": ["name", "slug", "summary", "published"]}),
        (
            "RIASEC interests",
            {
                "description": "Interest levels from 0 to 100. The Holland code lists the two "
                "or three highest, highest first; tied letters may stand in either order.",
                "fields": [
                    ("realistic", "investigative", "artistic"),
                    ("social", "enterprising", "conventional"),
                    "holland_code",
                    "implied_code",
                ],
            },
        ),
        (
            "Pay",
            {"fields": ["annual_salary", "salary_currency", "salary_statistic", "salary_source"]},
        ),
        ("Text", {"fields": ["description", "duties", "requirements", "work_environment"]}),
        (
            "Sources",
            {
                "classes": ["collapse"],
                "fields": ["sources", "origin", "onet_code", "job_zone", "attribution"],
            },
        ),
    ]
    inlines = [ProfessionSkillInline, JobTitleInline]
    actions = ["publish", "unpublish"]

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

    @admin.display(description="code the profile implies")
    def implied_code(self, profession: Profession) -> str:
        if profession.pk is None:
            return "Shown once the profile is saved."
        profile = profession.profile
        ties = riasec.ties(profile)
        note = " (tied letters may swap)" if ties else ""
        return f"{riasec.holland_code(profile)}{note}"

    @admin.action(description="Publish the selected professions", permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.update(published=True, updated=timezone.now())
        self.message_user(request, f"Published {count} profession(s).", messages.SUCCESS)

    @admin.action(description="Unpublish the selected professions", permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.update(published=False, updated=timezone.now())
        self.message_user(request, f"Unpublished {count} profession(s).", messages.SUCCESS)


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
        moved = skills_merge(keep=keep, duplicates=[s for s in skills if s != keep])
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
