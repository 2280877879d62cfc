"""Django's loaddata, checking each record as the admin would and naming what is at fault.

Django's own command already loads every fixture in one transaction and names the file on
failure. This adds the record, by its natural key, and for values a model refuses the field
and the reason (e.g. which score contradicts a Holland code), before the database sees them,
and changes the content version once, so cached pages show what was loaded. Each row loaded
that the edit history keeps gets a version there when it differs from its latest one, so the
first edit can be undone (professions/history.py).
"""

from collections import defaultdict

import reversion
from django.core.exceptions import ValidationError
from django.core.management.commands import loaddata

from professions import history
from professions.content import ContentVersion


class Command(loaddata.Command):
    def loaddata(self, fixture_labels):
        # In the command's transaction, before any write (see ContentVersionManager.bump).
        ContentVersion.objects.db_manager(self.using).bump()
        self.loaded = []
        super().loaddata(fixture_labels)
        self.record_history(fixture_labels)

    def save_obj(self, obj):
        instance = obj.object
        excluded = (
            instance._meta.app_config in self.excluded_apps
            or type(instance) in self.excluded_models
        )
        if not excluded:
            check_record(obj)
        saved = super().save_obj(obj)
        if saved and reversion.is_registered(type(instance)):
            self.loaded.append(instance)
        return saved

    def record_history(self, fixture_labels) -> None:
        """A version of each loaded row, fresh from the database: a profession's with its
        links, titles and skills; a link or title is part of its profession's."""
        by_model = defaultdict(list)
        for instance in self.loaded:
            if instance._meta.label_lower not in history.PART_OF_ANOTHER:
                by_model[type(instance)].append(instance.pk)
        groups = []
        for model, pks in by_model.items():
            rows = history.with_rows(model._default_manager.using(self.using).filter(pk__in=pks))
            # A row never recorded needs no comparison with a version (a new database).
            new = {row.pk for row in history.unrecorded(rows)}
            groups += [
                history.rows_with(row)
                for row in rows
                if row.pk in new or history.differs_from_latest(row)
            ]
        history.record(groups, f"Loaded from the fixtures: {', '.join(fixture_labels)}.")


def check_record(obj) -> None:
    """Validate a deserialized record, or raise naming its natural key, fields and reasons."""
    instance = obj.object
    try:
        # Uniqueness and check constraints are the database's to enforce, in the same
        # transaction; clean() gives the readable version of the code constraint. Links
        # to records later in the fixture (deferred fields) are checked when they resolve.
        instance.full_clean(
            exclude=[field.name for field in obj.deferred_fields or ()],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        key = instance.natural_key() if hasattr(instance, "natural_key") else instance.pk
        problems = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
        raise ValueError(f"Could not load {instance._meta.label} {key!r}: {problems}") from error
