"""Applying an O*NET import: the database side.

`onet_import` reads the release (`professions.onet.release`), plans the writes that bring the
database to its state (`professions.onet.plan`, which also says how editors' work is kept) and
makes them in one transaction. The writes are bulk writes through the models'
`ContentQuerySet`, each of which changes the content version before it writes, and each
profession created or changed gets a version in the edit history (professions/history.py).
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from django.db import transaction

from professions import history
from professions.models import (
    JobTitle,
    Profession,
    ProfessionSkill,
    Skill,
)
from professions.onet.links import Link
from professions.onet.plan import ImportPlan, import_plan
from professions.onet.release import (
    ATTRIBUTION,
    DEFAULT_MAX_TITLES,
    release_name,
    release_read,
)
from professions.onet.tsv import Progress


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did, or with dry_run would do; names in the release's order."""

    release: str
    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    codes_from_profile: int  # occupations whose Holland code came from the profile
    skipped: tuple[str, ...]  # codes without interest data and without a profession
    not_in_release: tuple[str, ...]  # codes of imported professions the release lacks
    dry_run: bool
    kept: tuple[str, ...] = ()  # editors' work the import left as it is, one line each
    removed: tuple[str, ...] = ()  # job titles and links the release no longer has

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


BATCH_SIZE = 500
_NAME_MAX = Profession._meta.get_field("name").max_length
_JOB_TITLE_MAX = JobTitle._meta.get_field("title").max_length
T = TypeVar("T")


def _batches(items: Sequence[T], size: int = BATCH_SIZE) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def plan_apply(plan: ImportPlan) -> None:
    """Write the plan: updates first (a re-linked code is freed before it is reused), then
    new professions, then job titles, new skills and essential-skill links. Call inside a
    transaction."""
    for fields, professions in plan.updates.items():
        Profession.objects.bulk_update(professions, fields, batch_size=BATCH_SIZE)
    Profession.objects.bulk_create(plan.created, batch_size=BATCH_SIZE)
    for pks in _batches(plan.titles_removed):
        JobTitle.objects.filter(pk__in=pks).delete()
    JobTitle.objects.bulk_create(plan.titles_added, batch_size=BATCH_SIZE)
    Skill.objects.bulk_create(plan.skills_created, batch_size=BATCH_SIZE)
    for pks in _batches(plan.essentials_removed):
        ProfessionSkill.objects.filter(pk__in=pks).delete()
    for link in plan.essentials_added:  # the profession's and skill's pks are set by now
        link.profession_id, link.skill_id = link.profession.pk, link.skill.pk
    ProfessionSkill.objects.bulk_create(plan.essentials_added, batch_size=BATCH_SIZE)


def plan_record(plan: ImportPlan, release: str) -> None:
    """A version in the edit history of each profession the plan created or changed, as it
    is now, with its links, titles and skills; call after `plan_apply`."""
    created = {profession.pk for profession in plan.created}
    updated = {profession.pk for group in plan.updates.values() for profession in group}
    professions = history.with_rows(Profession.objects.filter(pk__in=created | updated))
    groups: dict[bool, list] = {True: [], False: []}
    for profession in professions:
        groups[profession.pk in created].append(history.rows_with(profession))
    history.record(groups[True], f"Imported from O*NET {release}.")
    history.record(groups[False], f"Updated from O*NET {release}.")


def onet_import(
    *,
    directory: Path,
    release: str | None = None,
    links: Sequence[Link] = (),
    max_titles: int = DEFAULT_MAX_TITLES,
    publish: bool = True,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import an O*NET text release from `directory`; see this module's docstring and
    `professions.onet.release`'s.

    Every file is read and validated first (OnetFormatError), the links are checked
    (OnetLinkError), and then all writes happen in one transaction, or none with dry_run.
    """
    release = release or release_name(directory)
    data = release_read(
        directory,
        name_max=_NAME_MAX,
        title_max=_JOB_TITLE_MAX,
        max_titles=max_titles,
        progress=progress,
    )
    with transaction.atomic():
        plan = import_plan(
            data, links=links, attribution=ATTRIBUTION.format(release=release), publish=publish
        )
        if not dry_run:
            plan_apply(plan)
            plan_record(plan, release)
    return ImportReport(
        release=release,
        created=tuple(profession.name for profession in plan.created),
        updated=tuple(plan.updated_names),
        unchanged=tuple(plan.unchanged_names),
        codes_from_profile=sum(record.code_from_profile for record in data.records.values()),
        skipped=tuple(plan.skipped),
        not_in_release=tuple(plan.not_in_release),
        dry_run=dry_run,
        kept=tuple(plan.kept),
        removed=tuple(plan.removed),
    )
