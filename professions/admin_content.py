"""The base of every admin page that edits what the public pages show.

Each write that changes a row is recorded in the edit history as one version, with its user
and what changed (professions/history.py), and changes the content version first (see
ContentVersionManager.bump), so cached pages show the change at once.
"""

from contextlib import contextmanager

import reversion
from django import forms
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from reversion.admin import VersionAdmin
from reversion.models import Version

from professions import history
from professions.content import ContentVersion


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

    @contextmanager
    def create_revision(self, request):
        # Rows join the revision only when they changed (`record_change`), not on every save.
        with reversion.create_revision(manage_manually=True):
            reversion.set_user(request.user)
            yield

    def record_change(self, obj: models.Model, comment: str = "") -> None:
        """Add `obj`, with what its version holds, to the request's revision if it differs
        from its latest version."""
        if reversion.is_active() and history.add_if_changed(obj) and comment:
            reversion.set_comment(comment)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)  # the comment: what was added
        self.record_change(obj)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)  # the comment: what changed
        self.record_change(obj)
        return entry

    def save_model(self, request, obj, form, change):
        ContentVersion.objects.bump()
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        ContentVersion.objects.bump()
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        ContentVersion.objects.bump()
        super().delete_queryset(request, queryset)

    # Views: a deleted row stays recoverable, a revert changes cached pages at once.

    def delete_view(self, request, object_id, extra_context=None):
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if (
                obj is not None
                and self.has_delete_permission(request, obj)
                and history.differs_from_latest(obj)
            ):
                # Only when the latest version is not the row as it is (an older database).
                history.record([history.rows_with(obj)], "As it was when deleted.", request.user)
        return super().delete_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            return super().revision_view(request, object_id, version_id, extra_context)
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
        # Reversion's own list, with each version's id for the compare form: only versions
        # that changed the row (a skill is recorded with every profession that links it).
        versions = Version.objects.get_for_object_reference(self.model, unquote(object_id))
        action_list = [
            {
                "revision": version.revision,
                "version_id": version.pk,
                "url": self.admin_url("revision", quote(version.object_id), version.pk),
            }
            for version in reversed(
                history.changes_only(versions.select_related("revision__user").order_by("pk"))
            )
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
