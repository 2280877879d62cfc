"""Edit history: what is recorded before the admin writes, and how two versions differ.

django-reversion stores each version as a serialized row in a revision (one save in the admin:
a profession with its skill links and job titles). It records the state *after* each change,
so a row loaded from fixtures or an import has no version until its first edit. Before every
admin write, `record_current_state()` records the rows about to change as they are, so the
first edit can be undone and a deleted row can be recovered; rows whose latest version still
matches are skipped (the models are registered with `ignore_duplicates`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

import reversion
from django.db import models
from reversion.models import Version

# Recorded with each version of the model, so that reverting it restores them too.
FOLLOWS = {"professions.profession": ("profession_skills", "job_titles")}
# Changed with every save; a difference there says nothing.
IGNORED_FIELDS = {"created", "updated"}


def register(*models_to_version: type[models.Model]) -> None:
    for model in models_to_version:
        if not reversion.is_registered(model):
            reversion.register(
                model, follow=FOLLOWS.get(model._meta.label_lower, ()), ignore_duplicates=True
            )


def record_current_state(objects: Iterable[models.Model], comment: str) -> None:
    """One revision with `objects` as they are now; outside any other revision, which would
    otherwise absorb it and keep only the state after the change."""
    objects = list(objects)
    if not objects:
        return
    assert not reversion.is_active(), "record the state before the admin's revision opens"
    with reversion.create_revision():
        reversion.set_comment(comment)
        for obj in objects:
            reversion.add_to_revision(obj)


@dataclass
class FieldChange:
    label: str
    before: str
    after: str


@dataclass
class VersionDiff:
    """What changed between two versions of one object, older first."""

    fields: list[FieldChange] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.fields or self.added or self.removed or self.changed)


def compare(older: Version, newer: Version) -> VersionDiff:
    model = older._model
    diff = VersionDiff(fields=field_changes(model, older.field_dict, newer.field_dict))
    before, after = related_rows(older), related_rows(newer)
    diff.added = sorted(after[key][0] for key in after.keys() - before.keys())
    diff.removed = sorted(before[key][0] for key in before.keys() - after.keys())
    diff.changed = sorted(
        after[key][0] for key in after.keys() & before.keys() if after[key][1] != before[key][1]
    )
    return diff


def field_changes(model: type[models.Model], before: dict, after: dict) -> list[FieldChange]:
    changes = []
    for model_field in model._meta.concrete_fields:
        name = model_field.name
        if model_field.primary_key or name in IGNORED_FIELDS:
            continue
        old, new = before.get(model_field.attname), after.get(model_field.attname)
        if old != new:
            changes.append(
                FieldChange(
                    str(model_field.verbose_name),
                    display(model_field, old),
                    display(model_field, new),
                )
            )
    return changes


def display(model_field: models.Field, value) -> str:
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        related = model_field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else f"#{value} (deleted)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def related_rows(version: Version) -> dict[tuple[int, str], tuple[str, dict]]:
    """The rows recorded with `version` through its model's FOLLOWS, e.g. a profession's skill
    links and job titles, by type and id: (how the row reads, its fields)."""
    follows = FOLLOWS.get(version._model._meta.label_lower, ())
    if not follows:
        return {}
    rows = {}
    for relation in follows:
        remote = version._model._meta.get_field(relation).remote_field
        siblings = version.revision.version_set.filter(
            content_type__app_label=remote.model._meta.app_label,
            content_type__model=remote.model._meta.model_name,
        )
        for sibling in siblings:
            values = sibling.field_dict
            if str(values.get(remote.attname)) == version.object_id:
                rows[(sibling.content_type_id, sibling.object_id)] = (sibling.object_repr, values)
    return rows
