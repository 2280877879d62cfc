"""Edit history: one version for every write that changes a page, and how two versions differ.

django-reversion stores each version as a serialized row in a revision. A version records the
state *after* a write, and every write path records one, so the latest version of a row is
always the row as it is:

- the O*NET import and the fixture loader record each profession, question, skill and
  comparison they create or change (`record`, in bulk, with no user and the source named);
- each admin save, list edit, action, merge and revert records the rows it changed, with its
  user and what changed (`professions.admin_content.ContentAdmin`), but only when they differ
  from their latest version (`differs_from_latest`): a failed or unchanged save adds nothing.

A profession's version holds the profession, its skill links and job titles (its FOLLOWS) and
the skills it links to (`rows_with`): reverting it restores all of them, including the skill
descriptions edited on its page. Skills are added to the revision as rows of their own, not
followed, so a revert never deletes a skill, only links.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from reversion.models import Revision, Version

# Recorded with each version of the model, so that reverting it restores them too.
FOLLOWS = {"professions.profession": ("profession_skills", "job_titles")}
# What `rows_with` reads for each row of the model, prefetched for many rows at once.
PREFETCH = {"professions.profession": ("profession_skills__skill", "job_titles")}
# Rows whose versions are part of another row's (a FOLLOWS relation), never on their own.
PART_OF_ANOTHER = {"professions.professionskill", "professions.jobtitle"}
# Changed with every save, or derived from other fields: a difference there says nothing.
IGNORED_FIELDS = {"created", "updated", "edited_fields", "title_words"}
FORMAT = "json"


def register(*models_to_version: type[models.Model]) -> None:
    for model in models_to_version:
        if not reversion.is_registered(model):
            reversion.register(model, follow=FOLLOWS.get(model._meta.label_lower, ()))


def rows_with(obj: models.Model) -> list[models.Model]:
    """`obj` and the rows a version of it holds: for a profession its skill links, job titles
    and the skills linked (shared with other professions, but edited on its page too). Uses
    the prefetch of `with_rows`, else reads the links with their skills in one query."""
    rows = [obj]
    for relation in FOLLOWS.get(obj._meta.label_lower, ()):
        related = getattr(obj, relation).all()
        if relation not in getattr(obj, "_prefetched_objects_cache", {}) and any(
            field.name == "skill" for field in related.model._meta.fields
        ):
            related = related.select_related("skill")
        rows.extend(related)
    rows.extend(row.skill for row in rows if getattr(row, "skill_id", None))
    return rows


def with_rows(queryset: models.QuerySet) -> models.QuerySet:
    """`queryset` reading what `rows_with` needs of each row in a fixed number of queries."""
    return queryset.prefetch_related(*PREFETCH.get(queryset.model._meta.label_lower, ()))


def add_if_changed(obj: models.Model) -> bool:
    """Add `obj` with everything its version holds to the revision being recorded, if that
    differs from its latest version; whether it did."""
    rows = rows_with(obj)
    if not differs_from_latest(obj, rows):
        return False
    # The object last: reversion then finds the rows it follows already added, with their
    # related rows read once, instead of reading them again one by one.
    for row in reversed(rows):
        reversion.add_to_revision(row)
    return True


def _fields(serialized: str) -> dict:
    """A row's serialized fields, without those a difference in which says nothing."""
    (row,) = json.loads(serialized)
    return {
        name: value
        for name, value in row["fields"].items()
        if name not in IGNORED_FIELDS and not name.startswith("search_")
    }


def _key(obj: models.Model) -> tuple[str, str]:
    return obj._meta.label_lower, str(obj.pk)


def _state(rows: Iterable[models.Model]) -> dict[tuple[str, str], dict]:
    return {_key(row): _fields(serializers.serialize(FORMAT, [row])) for row in rows}


def recorded_rows(version: Version) -> list[Version]:
    """The versions recorded with `version` that belong to its object: itself, the rows of its
    FOLLOWS that point to it, and the skills those link to."""
    own = [version]
    follows = FOLLOWS.get(version._model._meta.label_lower, ())
    if not follows:
        return own
    siblings = list(version.revision.version_set.select_related("content_type"))
    pointing = set()
    for relation in follows:
        remote = version._model._meta.get_field(relation).remote_field
        pointing |= {
            sibling.pk
            for sibling in siblings
            if sibling._model is remote.model
            and str(_fields(sibling.serialized_data).get(remote.name)) == version.object_id
        }
    rows = [sibling for sibling in siblings if sibling.pk in pointing]
    skills = {str(_fields(row.serialized_data).get("skill")) for row in rows}
    rows += [
        sibling
        for sibling in siblings
        if sibling.content_type.model == "skill"
        and sibling.content_type.app_label == "professions"
        and sibling.object_id in skills
    ]
    return own + rows


def differs_from_latest(obj: models.Model, rows: Sequence[models.Model] = ()) -> bool:
    """Whether `obj`, with the rows its version holds (`rows`, read if not given), differs
    from its latest version (or has none): whether saving it now has anything to record."""
    latest = Version.objects.get_for_object(obj).select_related("revision").first()
    if latest is None:
        return True
    recorded = {
        (row._model._meta.label_lower, row.object_id): _fields(row.serialized_data)
        for row in recorded_rows(latest)
    }
    return recorded != _state(rows or rows_with(obj))


def changes_only(versions: Iterable[Version]) -> list[Version]:
    """Of `versions`, oldest first, those that differ from the one before them: a skill is
    recorded with every profession that links it, changed or not."""
    kept, previous = [], None
    for version in versions:
        state = {
            (row.content_type_id, row.object_id): _fields(row.serialized_data)
            for row in recorded_rows(version)
        }
        if state != previous:
            kept.append(version)
        previous = state
    return kept


def record(groups: Sequence[Sequence[models.Model]], comment: str, user=None) -> int:
    """One revision per group of rows, in bulk, outside the admin: for imports and fixture
    loads of hundreds of professions, where reversion's one-by-one recording takes seconds.
    Each group is a row and what its version holds (`rows_with`). Returns the revisions
    written. The versions are exactly those reversion writes, so the admin reverts them."""
    groups = [group for group in groups if group]
    if not groups:
        return 0
    now = timezone.now()
    revisions = Revision.objects.bulk_create(
        [Revision(date_created=now, user=user, comment=comment) for _group in groups]
    )
    # A row linked twice in a group (a skill) is recorded once.
    rows = [
        (revision, row)
        for revision, group in zip(revisions, groups, strict=True)
        for row in dict.fromkeys(group)
    ]
    # Serialized in one pass, twice as fast as reversion's one call per row, to the same JSON.
    serialized = serializers.serialize("python", [row for _revision, row in rows])
    content_types = ContentType.objects.get_for_models(*{type(row) for _revision, row in rows})
    versions = [
        Version(
            revision=revision,
            content_type=content_types[type(row)],
            object_id=str(row.pk),
            db=row._state.db,
            format=FORMAT,
            serialized_data=json.dumps([data], cls=DjangoJSONEncoder, ensure_ascii=False),
            object_repr=str(row)[:191],
        )
        for (revision, row), data in zip(rows, serialized, strict=True)
    ]
    Version.objects.bulk_create(versions, batch_size=1000)
    return len(revisions)


def unrecorded(objects: Iterable[models.Model]) -> list[models.Model]:
    """Those of `objects`, all of one model, that have no version yet (one query)."""
    objects = list(objects)
    if not objects:
        return []
    recorded = set(
        Version.objects.get_for_model(type(objects[0]))
        .filter(object_id__in=[str(obj.pk) for obj in objects])
        .values_list("object_id", flat=True)
    )
    return [obj for obj in objects if str(obj.pk) not in recorded]


def record_unrecorded(querysets: Iterable[models.QuerySet], comment: str) -> int:
    """A first version of each row of `querysets` that has none (a database from before every
    write was recorded), so that its first edit can be undone. Returns how many."""
    groups = []
    for queryset in querysets:
        recorded = Version.objects.get_for_model(queryset.model).values_list("object_id")
        missing = queryset.exclude(pk__in={int(pk) for (pk,) in recorded.distinct()})
        groups.extend(rows_with(row) for row in with_rows(missing))
    return record(groups, comment)


# --- Comparing two versions -------------------------------------------------------------


@dataclass
class FieldChange:
    label: str
    before: SafeString  # the old text, removed words marked <del>
    after: SafeString  # the new text, added words marked <ins>


@dataclass
class VersionDiff:
    """What changed between two versions of one object, older first: its fields, and the rows
    recorded with it (skill links, job titles, skills) added, removed or changed."""

    fields: list[FieldChange] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[FieldChange]]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.fields or self.added or self.removed or self.changed)


def compare(older: Version, newer: Version) -> VersionDiff:
    model = older._model
    diff = VersionDiff(fields=field_changes(model, older.field_dict, newer.field_dict))
    before, after = related_rows(older), related_rows(newer)
    diff.added = sorted(after[key][0] for key in after.keys() - before.keys())
    diff.removed = sorted(before[key][0] for key in before.keys() - after.keys())
    for key in sorted(after.keys() & before.keys(), key=lambda key: after[key][0]):
        (label, old), (_label, new) = before[key], after[key]
        changes = field_changes(new._model, old.field_dict, new.field_dict)
        if changes:
            diff.changed.append((label, changes))
    return diff


def field_changes(model: type[models.Model], before: dict, after: dict) -> list[FieldChange]:
    changes = []
    for model_field in model._meta.concrete_fields:
        name = model_field.name
        if model_field.primary_key or name in IGNORED_FIELDS or model_field.generated:
            continue
        old, new = before.get(model_field.attname), after.get(model_field.attname)
        if old != new:
            changes.append(
                FieldChange(
                    str(model_field.verbose_name),
                    *marked_changes(display(model_field, old), display(model_field, new)),
                )
            )
    return changes


def marked_changes(before: str, after: str) -> tuple[SafeString, SafeString]:
    """Both texts, escaped, with the words only the old one has in <del> and the words only
    the new one has in <ins>: a one-word fix in a long description stands out."""
    old_words, new_words = before.split(" "), after.split(" ")
    old_marked, new_marked = [], []
    matcher = SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        old_part = escape(" ".join(old_words[old_start:old_end]))
        new_part = escape(" ".join(new_words[new_start:new_end]))
        if operation == "equal":
            old_marked.append(old_part)
            new_marked.append(new_part)
            continue
        if old_part:
            old_marked.append(f"<del>{old_part}</del>")
        if new_part:
            new_marked.append(f"<ins>{new_part}</ins>")
    # Safe: every part was escaped above.
    return mark_safe(" ".join(old_marked)), mark_safe(" ".join(new_marked))


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


def related_rows(version: Version) -> dict[tuple[int, str], tuple[str, Version]]:
    """The rows recorded with `version` besides its own (skill links, job titles, skills), by
    type and id: (how the row reads, its version)."""
    return {
        (row.content_type_id, row.object_id): (
            f"{row._model._meta.verbose_name.capitalize()}: {row.object_repr}",
            row,
        )
        for row in recorded_rows(version)[1:]
    }
