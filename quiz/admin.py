"""Editors keep the question bank here; analysts read results and their statistics."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from professions.admin import CodeLetterFilter
from professions.admin_content import ContentAdmin
from quiz.analytics import AnalyticsForm, analytics_report
from quiz.exports import results_csv_response
from quiz.models import Question, QuizLength, Result


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    list_display = ["code", "text", "scale", "position", "in_quick_form", "active"]
    list_editable = ["position", "in_quick_form", "active"]
    list_filter = ["scale", "in_quick_form", "active"]
    search_fields = ["code", "text"]

    def changelist_view(self, request, extra_context=None):
        # On GET only: a list edit posts and redirects, and the GET that follows warns about
        # the bank as saved, not as it was before the edit.
        if request.method == "GET":
            self.warn_about_forms(request)
        return super().changelist_view(request, extra_context)

    def warn_about_forms(self, request) -> None:
        # Warn before takers are turned away: the quiz refuses a form it cannot build. An
        # unbalanced form can be taken and scores correctly (each scale is a percentage of
        # its own items' points), but its shorter scales are less reliable.
        for length in QuizLength:
            counts = Question.objects.scale_counts(length)
            if counts.shortfall:
                messages.warning(
                    request,
                    f"The {length.label.lower()} cannot be taken: too few active items "
                    f"({counts.shortfall}).",
                )
            elif counts.imbalance:
                messages.warning(
                    request,
                    f"The {length.label.lower()} is unbalanced: {counts.imbalance}; scores stay "
                    "comparable, but scales with fewer items are less reliable. Give every "
                    "scale the same number of active items.",
                )

    def get_deleted_objects(self, objs, request):
        # An item stored results answered stays in the bank, retired: its answers are columns
        # of the analysts' export and count in analytics. The admin lists these as protected
        # and refuses the deletion, saying why.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for question in objs:
            answered = Result.objects.answering(question.code).count()
            if answered:
                protected.append(
                    f"{question.code}: answered in {answered} stored result(s). Retire it "
                    "instead: untick Active, and add a new item if it needs replacing."
                )
        return deleted, counts, perms_needed, protected

    def get_changeform_initial_data(self, request):
        # A new item goes last unless the editor places it elsewhere.
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("position", Question.objects.next_position())
        return initial


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    list_display = ["uuid", "created", "length", "holland_code"]
    list_filter = ["created", "length", CodeLetterFilter]
    search_fields = ["uuid", "holland_code"]
    readonly_fields = [field.name for field in Result._meta.fields]
    date_hierarchy = "created"
    actions = ["export_csv"]
    change_list_template = "admin/quiz/result/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_urls(self):
        return [
            path("export/", self.admin_site.admin_view(self.export_all), name="quiz_result_export"),
            path(
                "analytics/",
                self.admin_site.admin_view(self.analytics_view),
                name="quiz_result_analytics",
            ),
            *super().get_urls(),
        ]

    @admin.action(description="Export the selected results as CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        return results_csv_response(queryset, "careerfit-results-selected.csv")

    def export_all(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        return results_csv_response(Result.objects.all(), f"careerfit-results-{stamp}.csv")

    def analytics_view(self, request):
        if not request.user.has_perm("quiz.view_analytics"):
            raise PermissionDenied
        form = AnalyticsForm(request.GET or None)
        report = (
            analytics_report(**form.filters()) if form.is_valid() or not form.is_bound else None
        )
        return TemplateResponse(
            request,
            "admin/quiz/result/analytics.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": "Quiz analytics",
                "form": form,
                "report": report,
            },
        )
