"""Editors keep profession profiles here; skills and job titles are edited inline."""

from django.contrib import admin

from professions.models import Comparison, JobTitle, Profession, ProfessionSkill, Skill


class ProfessionSkillInline(admin.TabularInline):
    model = ProfessionSkill
    extra = 0
    autocomplete_fields = ["skill"]


class JobTitleInline(admin.TabularInline):
    model = JobTitle
    extra = 0


@admin.register(Profession)
class ProfessionAdmin(admin.ModelAdmin):
    list_display = ["name", "holland_code", "annual_salary", "published", "updated"]
    list_filter = ["published"]
    search_fields = ["name", "job_titles__title", "skills__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ProfessionSkillInline, JobTitleInline]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Comparison)
class ComparisonAdmin(admin.ModelAdmin):
    list_display = ["__str__", "profession_a", "profession_b"]
    autocomplete_fields = ["profession_a", "profession_b"]
    search_fields = ["profession_a__name", "profession_b__name"]
