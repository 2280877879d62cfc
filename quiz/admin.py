"""The question bank is edited here; results are kept read-only."""

from django.contrib import admin

from quiz.models import Question, Result


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["code", "text", "scale", "position", "in_quick_form", "active"]
    list_editable = ["position", "in_quick_form", "active"]
    list_filter = ["scale", "in_quick_form", "active"]
    search_fields = ["code", "text"]


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    list_display = ["uuid", "created", "form", "holland_code"]
    list_filter = ["form", "created"]
    search_fields = ["uuid", "holland_code"]
    readonly_fields = [field.name for field in Result._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
