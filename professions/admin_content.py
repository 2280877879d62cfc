"""The base of every admin page that edits what the public pages show.

Each write is recorded in the edit history (professions/history.py), with the state before it
when that was never recorded, and changes the content version first (see
ContentVersionManager.bump), so cached pages show the change at once.
"""

import re

from django import forms
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404, HttpRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from reversion.admin import VersionAdmin
from reversion.models import Version

from professions import history
from professions.content import ContentVersion

EDITED_ROW = re.compile(r"form-\d+-id")


class TextareaField(forms.CharField):
    """Browsers send a textarea's line breaks as CRLF; fixtures and imports store LF. Storing
    LF keeps an unchanged save from changing every paragraph (and the history saying so)."""

    widget = forms.Textarea

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class ContentAdmin(VersionAdmin):
    object_history_template = "admin/content_history.html"
    history_latest_first = True
    formfield_overrides = {models.TextField: {"form_class": TextareaField}}

    # Writes.

    def save_model(self, request, obj, form, change):
        ContentVersion.objects.bump()
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        ContentVersion.objects.bump()
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        ContentVersion.objects.bump()
        super().delete_queryset(request, queryset)

    def rows_about_to_change(self, request: HttpRequest) -> list[models.Model]:
        """The rows a changelist POST edits (editable columns) or acts on (actions)."""
        if request.POST.get("select_across") == "1":
            return list(self.get_queryset(request))
        ids = request.POST.getlist("_selected_action") + [
            value for key, value in request.POST.items() if EDITED_ROW.fullmatch(key)
        ]
        return list(self.get_queryset(request).filter(pk__in=[i for i in ids if i.isdigit()]))

    # Views: record what is about to change, then let the admin change it.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self.has_change_permission(request, obj):
                history.record_current_state(
                    [obj, *self.rows_changed_with(request, obj)], "As it was before this change."
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def rows_changed_with(self, request: HttpRequest, obj: models.Model) -> list[models.Model]:
        """Other rows the change form of `obj` edits, besides its own inlines."""
        return []

    def delete_view(self, request, object_id, extra_context=None):
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self.has_delete_permission(request, obj):
                history.record_current_state([obj], "As it was when deleted.")
        return super().delete_view(request, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and self.has_change_permission(request):
            history.record_current_state(
                self.rows_about_to_change(request), "As it was before this change."
            )
        return super().changelist_view(request, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            return super().revision_view(request, object_id, version_id, extra_context)
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and self.has_change_permission(request, obj):
            history.record_current_state([obj], "As it was before reverting.")
        with transaction.atomic():
            ContentVersion.objects.bump()  # before reverting writes any row
            return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if request.method != "POST":
            return super().recover_view(request, version_id, extra_context)
        with transaction.atomic():
            ContentVersion.objects.bump()
            return super().recover_view(request, version_id, extra_context)

    # History: the list of versions, and the difference between two of them.

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_compare"
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=name,
        )
        return [compare, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        # Reversion's own list, with each version's id for the compare form.
        versions = Version.objects.get_for_object_reference(self.model, unquote(object_id))
        action_list = [
            {
                "revision": version.revision,
                "version_id": version.pk,
                "url": self.admin_url("revision", quote(version.object_id), version.pk),
            }
            for version in versions.select_related("revision__user").order_by("-pk")
        ]
        context = {
            "action_list": action_list,
            "compare_url": self.admin_url("compare", object_id),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def admin_url(self, view: str, *args) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{view}", args=args)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        chosen = {
            name: versions.filter(pk=value).first()
            for name in ("older", "newer")
            if (value := request.GET.get(name, "")).isdigit()
        }
        history_url = self.admin_url("history", object_id)
        if len(chosen) < 2 or None in chosen.values():
            self.message_user(request, "Choose two versions of this page to compare.", "warning")
            return redirect(history_url)
        older, newer = sorted(chosen.values(), key=lambda version: version.pk)
        return TemplateResponse(
            request,
            "admin/content_history_compare.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "object": obj,
                "title": f"Changes to {obj}",
                "older": older,
                "newer": newer,
                "diff": history.compare(older, newer),
                "history_url": history_url,
            },
        )
