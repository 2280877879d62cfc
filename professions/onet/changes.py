"""Planning and applying an O*NET import: the database side.

`onet_import` reads the release (`professions.onet.files`), compares the wanted state of
every occupation with the database and, in one transaction, writes only what differs.
Professions written by editors (origin "editorial") are never changed unless a `Link`
(--link SLUG=CODE[:FIELDS]) names them. The writes are bulk writes through the models'
`ContentQuerySet`, each of which changes the content version before it writes, and each
profession created or changed gets a version in the edit history (professions/history.py).

An import never undoes an editor's work. Each job title and skill link says who made it
(`origin`): the import adds and removes only its own, so an editor's title or link stays
through any number of re-imports of any release. A field an editor changed
(`Profession.edited_fields`) keeps the editor's value, with the rest of its group
(`IMPORTED_FIELD_GROUPS`). The report lists what was kept and what the release removed.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypeVar

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from professions import history
from professions.models import (
    IMPORTED_FIELD_GROUPS,
    PROFILE_FIELDS,
    JobTitle,
    Origin,
    Profession,
    ProfessionSkill,
    Skill,
)
from professions.onet.elements import ELEMENTS
from professions.onet.files import (
    ATTRIBUTION,
    CODE_PATTERN,
    DEFAULT_MAX_TITLES,
    TITLES_FILE,
    ZONES_FILE,
    OccupationRecord,
    OnetImportError,
    Progress,
    Release,
    release_name,
    release_read,
)
from professions.search import title_word_sources

BATCH_SIZE = 500
LINK_FIELDS = ("description", "profile", "job_zone", "titles", "attribution")
_NAME_MAX = Profession._meta.get_field("name").max_length
_SLUG_MAX = Profession._meta.get_field("slug").max_length
_JOB_TITLE_MAX = JobTitle._meta.get_field("title").max_length

# --- Messages about --link: exact texts, so that operators and tests can rely on them ------

LINK_SYNTAX = (
    '--link "{link}": write SLUG=CODE or SLUG=CODE:FIELDS, '
    "e.g. producer=27-2012.00:job_zone,titles."
)
LINK_BAD_CODE = '--link "{link}": "{code}" is not an O*NET-SOC code (NN-NNNN.NN).'
LINK_UNKNOWN_FIELD = (
    '--link "{link}": unknown field "{field}"; choose from description, profile, job_zone, '
    "titles, attribution."
)
LINK_SLUG_TWICE = '--link "{link}": the profession "{slug}" is already linked by another --link.'
LINK_CODE_TWICE = '--link "{link}": the code {code} is already linked by another --link.'
LINK_UNKNOWN_SLUG = '--link "{link}": no profession has the slug "{slug}".'
LINK_UNKNOWN_CODE = '--link "{link}": {code} is not in Occupation Data.txt.'
LINK_NOT_EDITORIAL = (
    '--link "{link}": "{slug}" was imported from O*NET; only editorial professions are linked.'
)
LINK_CODE_TAKEN = '--link "{link}": {code} already belongs to the profession "{other}".'
LINK_NO_INTERESTS = (
    '--link "{link}": field "profile" needs interest data, and Interests.txt has none for {code}.'
)
LINK_NO_FILE = '--link "{link}": field "{field}" needs {file}, which is not in the folder.'


class OnetLinkError(OnetImportError):
    """A --link argument is malformed or names something that does not exist."""


# --- Links between editorial professions and O*NET occupations ----------------------------


@dataclass(frozen=True, slots=True)
class Link:
    """--link SLUG=CODE[:FIELDS]: an editorial profession stands for an O*NET occupation,
    and the listed fields (only those) are taken from the release."""

    slug: str
    code: str
    fields: frozenset[str]
    text: str  # as the operator wrote it, for messages


def link_parse(text: str) -> Link:
    """Parse one --link argument; raises OnetLinkError."""
    slug, equals, rest = text.partition("=")
    code, colon, names = rest.partition(":")
    slug, code = slug.strip(), code.strip()
    fields = [name.strip() for name in names.split(",")] if colon else []
    if not equals or not slug or not code or (colon and not any(fields)):
        raise OnetLinkError(LINK_SYNTAX.format(link=text))
    if not CODE_PATTERN.fullmatch(code):
        raise OnetLinkError(LINK_BAD_CODE.format(link=text, code=code))
    for name in fields:
        if name not in LINK_FIELDS:
            raise OnetLinkError(LINK_UNKNOWN_FIELD.format(link=text, field=name))
    return Link(slug, code, frozenset(fields), text)


def links_check(
    links: Sequence[Link],
    release: Release,
    owners: Mapping[str, Profession],
    by_slug: Mapping[str, Profession],
) -> dict[str, Link]:
    """Check the links against the release and the database; returns them by code.

    `owners` maps each code already in the database to its profession.
    """
    by_code: dict[str, Link] = {}
    slugs: set[str] = set()
    for link in links:
        if link.slug in slugs:
            raise OnetLinkError(LINK_SLUG_TWICE.format(link=link.text, slug=link.slug))
        if link.code in by_code:
            raise OnetLinkError(LINK_CODE_TWICE.format(link=link.text, code=link.code))
        profession = by_slug.get(link.slug)
        if profession is None:
            raise OnetLinkError(LINK_UNKNOWN_SLUG.format(link=link.text, slug=link.slug))
        if profession.origin != Profession.Origin.EDITORIAL:
            raise OnetLinkError(LINK_NOT_EDITORIAL.format(link=link.text, slug=link.slug))
        record = release.records.get(link.code)
        if record is None:
            raise OnetLinkError(LINK_UNKNOWN_CODE.format(link=link.text, code=link.code))
        owner = owners.get(link.code)
        if owner is not None and owner.pk != profession.pk:
            raise OnetLinkError(
                LINK_CODE_TAKEN.format(link=link.text, code=link.code, other=owner.slug)
            )
        if "profile" in link.fields and record.profile is None:
            raise OnetLinkError(LINK_NO_INTERESTS.format(link=link.text, code=link.code))
        for name, file, present in (
            ("titles", TITLES_FILE, release.has_titles),
            ("job_zone", ZONES_FILE, release.has_zones),
        ):
            if name in link.fields and not present:
                raise OnetLinkError(LINK_NO_FILE.format(link=link.text, field=name, file=file))
        slugs.add(link.slug)
        by_code[link.code] = link
    return by_code


# --- Planning and applying the changes -----------------------------------------------------


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


@dataclass
class ImportPlan:
    """The writes that bring the database to the release's state."""

    created: list[Profession] = field(default_factory=list)
    updates: dict[tuple[str, ...], list[Profession]] = field(default_factory=dict)
    titles_removed: list[int] = field(default_factory=list)  # JobTitle pks
    titles_added: list[JobTitle] = field(default_factory=list)
    skills_created: list[Skill] = field(default_factory=list)
    essentials_removed: list[int] = field(default_factory=list)  # ProfessionSkill pks
    essentials_added: list[ProfessionSkill] = field(default_factory=list)
    updated_names: list[str] = field(default_factory=list)
    unchanged_names: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    not_in_release: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def first_sentence(text: str) -> str:
    """The summary a card shows: O*NET descriptions are one paragraph, its first sentence
    says what the job is, and the profile page shows the whole paragraph below it."""
    return re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]


def _wanted_fields(
    record: OccupationRecord,
    names: Iterable[str],
    attribution: str,
    has_zones: bool,
    has_titles: bool = True,
    has_education: bool = True,
    has_related: bool = True,
) -> dict[str, object]:
    """Model field values for the named groups: "name", "summary", "description",
    "profile" (six levels and the code), "titles" (those not shown), "job_zone", "education",
    "related" and "attribution". A group the release
    has no data for (a profile without interests, job zones without Job Zones.txt) is left
    out, so the profession keeps what it has."""
    values: dict[str, object] = {}
    for name in names:
        if name == "name":
            values["name"] = record.name
        elif name == "summary":
            values["summary"] = first_sentence(record.description)
        elif name == "description":
            values["description"] = record.description
        elif name == "profile" and record.profile is not None:
            values.update(
                {PROFILE_FIELDS[letter]: level for letter, level in record.profile.items()}
            )
            values["holland_code"] = record.holland_code
        elif name == "titles" and has_titles:  # the shown ones are JobTitle rows
            values["other_titles"] = "\n".join(record.other_titles)
            values["title_words"] = title_word_sources(record.title_sources)
        elif name == "job_zone" and has_zones:
            values["job_zone"] = record.job_zone
        elif name == "education" and has_education:
            level, percent = record.education or (None, None)
            values["education_level"], values["education_percent"] = level, percent
        elif name == "related" and has_related:
            values["related_onet_codes"] = list(record.related)
        elif name == "attribution":
            values["attribution"] = attribution
    return values


# An imported profession follows the release in everything but slug and published.
_IMPORTED_FIELDS = (
    "name",
    "summary",
    "description",
    "profile",
    "titles",
    "job_zone",
    "education",
    "related",
    "attribution",
)


def slug_choose(name: str, code: str, taken: set[str]) -> str:
    """slugify(name), or with the code appended when another profession has that slug."""
    base = slugify(name)[:_SLUG_MAX].strip("-")
    if base and base not in taken:
        return base
    suffix = slugify(code.replace(".", "-"))  # 27-2012.00 -> 27-2012-00
    stem = base[: _SLUG_MAX - len(suffix) - 1].strip("-")
    candidate = f"{stem}-{suffix}" if stem else suffix
    number = 2
    while candidate in taken:  # only if an editor chose exactly such a slug
        candidate = f"{stem[: _SLUG_MAX - len(suffix) - 4].strip('-')}-{suffix}-{number}"
        number += 1
    return candidate


class _Row(NamedTuple):
    """A job title or skill link as the plan sees it."""

    pk: int
    origin: str
    label: str  # the title, or the skill's name


def _rows_by_profession(queryset, key: str, label: str) -> dict[int, dict[object, _Row]]:
    """Each profession's job titles or skill links, by title or skill id."""
    rows: dict[int, dict[object, _Row]] = defaultdict(dict)
    for pk, profession_id, value, origin, name in queryset.values_list(
        "pk", "profession_id", key, "origin", label
    ):
        rows[profession_id][value] = _Row(pk, origin, name)
    return rows


def import_plan(
    release: Release, *, links: Sequence[Link], attribution: str, publish: bool
) -> ImportPlan:
    """Compare the release with the database and list the writes; reads in four queries."""
    professions = list(Profession.objects.order_by("pk"))
    by_slug = {profession.slug: profession for profession in professions}
    owners = {
        profession.onet_code: profession for profession in professions if profession.onet_code
    }
    links_by_code = links_check(links, release, owners, by_slug)
    for code, link in links_by_code.items():  # a re-linked profession frees its old code
        profession = by_slug[link.slug]
        if profession.onet_code and profession.onet_code != code:
            del owners[profession.onet_code]
        owners[code] = profession
    in_release = Q(profession__onet_code__isnull=False) | Q(
        profession__slug__in=[link.slug for link in links]
    )
    titles_by_profession = _rows_by_profession(
        JobTitle.objects.filter(in_release), "title", "title"
    )
    skill_links_by_profession = _rows_by_profession(
        ProfessionSkill.objects.filter(in_release), "skill_id", "skill__name"
    )

    plan = ImportPlan()
    element_skills = _element_skills_plan(plan, release) if release.has_essentials else {}
    plan.not_in_release = sorted(
        code
        for code, profession in owners.items()
        if profession.origin == Profession.Origin.ONET and code not in release.records
    )
    taken = set(by_slug)
    now = timezone.now()
    for code, record in release.records.items():
        link = links_by_code.get(code)
        profession = owners.get(code)
        if profession is None:
            if record.profile is None:
                plan.skipped.append(code)
                continue
            profession = _profession_new(record, attribution, publish, taken)
            plan.created.append(profession)
            plan.titles_added.extend(
                JobTitle(profession=profession, title=title, origin=Origin.ONET)
                for title in record.titles
            )
            plan.essentials_added.extend(
                ProfessionSkill(
                    profession=profession, skill=element_skills[element], origin=Origin.ONET
                )
                for element in record.essentials
            )
            continue
        imported = profession.origin == Profession.Origin.ONET
        names = _IMPORTED_FIELDS if imported else (link.fields if link else ())
        changed = _fields_plan(plan, profession, record, names, attribution, release)
        if profession.onet_code != code:
            profession.onet_code = code
            changed.append("onet_code")
        titles = titles_by_profession.get(profession.pk, {})
        skill_links = skill_links_by_profession.get(profession.pk, {})
        _editor_rows_kept(plan, profession, "job title", titles.values())
        _editor_rows_kept(plan, profession, "link to", skill_links.values())
        titles_changed = False
        if release.has_titles and (imported or "titles" in names):
            titles_changed = _titles_plan(plan, profession, record.titles, titles)
        essentials_changed = False
        if release.has_essentials and imported:
            wanted = [element_skills[element] for element in record.essentials]
            essentials_changed = _essentials_plan(plan, profession, wanted, skill_links)
        if changed or titles_changed or essentials_changed:
            profession.updated = now
            plan.updates.setdefault((*changed, "updated"), []).append(profession)
            plan.updated_names.append(profession.name)
        else:
            plan.unchanged_names.append(profession.name)
    return plan


def _fields_plan(
    plan: ImportPlan,
    profession: Profession,
    record: OccupationRecord,
    names: Iterable[str],
    attribution: str,
    release: Release,
) -> list[str]:
    """Set the fields of `profession` that the release changes, except the groups holding a
    field an editor changed (listed in the plan as kept); returns the fields changed."""
    kept = profession.imported_groups_kept() & set(names)
    for group in sorted(kept):
        fields = ", ".join(IMPORTED_FIELD_GROUPS[group])
        plan.kept.append(f"{profession.name}: {fields} (changed by an editor)")
    wanted = _wanted_fields(
        record,
        [name for name in names if name not in kept],
        attribution,
        release.has_zones,
        release.has_titles,
        release.has_education,
        release.has_related,
    )
    changed = []
    for name, value in wanted.items():
        if getattr(profession, name) != value:
            setattr(profession, name, value)
            changed.append(name)
    return changed


def _editor_rows_kept(
    plan: ImportPlan, profession: Profession, kind: str, rows: Iterable[_Row]
) -> None:
    plan.kept.extend(
        f"{profession.name}: {kind} “{row.label}” (added by an editor)"
        for row in rows
        if row.origin == Origin.EDITORIAL
    )


def _profession_new(
    record: OccupationRecord, attribution: str, publish: bool, taken: set[str]
) -> Profession:
    slug = slug_choose(record.name, record.code, taken)
    taken.add(slug)
    return Profession(
        slug=slug,
        origin=Profession.Origin.ONET,
        onet_code=record.code,
        published=publish,
        **_wanted_fields(record, _IMPORTED_FIELDS, attribution, has_zones=True),
    )


def _titles_plan(
    plan: ImportPlan,
    profession: Profession,
    wanted: Sequence[str],
    current: Mapping[str, _Row],
) -> bool:
    """Add the title changes of one existing profession to `plan`: the release's titles it
    lacks, and the removal of titles the import made that the release no longer has (an
    editor's stay). Whether there were any."""
    removed = [
        row for title, row in current.items() if row.origin == Origin.ONET and title not in wanted
    ]
    added = [title for title in wanted if title not in current]
    plan.titles_removed.extend(row.pk for row in removed)
    plan.removed.extend(f"{profession.name}: job title “{row.label}”" for row in removed)
    plan.titles_added.extend(
        JobTitle(profession=profession, title=title, origin=Origin.ONET) for title in added
    )
    return bool(removed or added)


def _element_skills_plan(plan: ImportPlan, release: Release) -> dict[str, Skill]:
    """The Skill of each knowledge area and skill the release makes essential, by element
    ID: the one with the element's slug (its `same_as` seed skill, or its name slugified) or
    name, else a new one with CareerFit's description. Existing skills are not changed, so
    editors' wording stays."""
    used = sorted({element for record in release.records.values() for element in record.essentials})
    slugs = {
        element: ELEMENTS[element].same_as or slugify(ELEMENTS[element].name) for element in used
    }
    names = {element: ELEMENTS[element].name for element in used}
    existing = Skill.objects.filter(Q(slug__in=slugs.values()) | Q(name__in=names.values())).only(
        "slug", "name"
    )
    by_slug = {skill.slug: skill for skill in existing}
    by_name = {skill.name: skill for skill in existing}
    skills = {}
    for element in used:
        skill = by_slug.get(slugs[element]) or by_name.get(names[element])
        if skill is None:
            kind, name, description, _same_as = ELEMENTS[element]
            skill = Skill(slug=slugs[element], name=name, description=description, kind=kind)
            plan.skills_created.append(skill)
        skills[element] = skill
    return skills


def _essentials_plan(
    plan: ImportPlan,
    profession: Profession,
    wanted: Sequence[Skill],
    current: Mapping[int, _Row],
) -> bool:
    """Add one imported profession's changes to its essential O*NET knowledge and skills to
    `plan`: links to the release's elements it lacks, and the removal of links the import
    made that the release no longer rates highly. Links an editor made stay, whatever their
    skill. Whether there were any changes."""
    wanted_ids = {skill.pk for skill in wanted if skill.pk}
    removed = [
        row
        for skill_id, row in current.items()
        if row.origin == Origin.ONET and skill_id not in wanted_ids
    ]
    added = [skill for skill in wanted if skill.pk is None or skill.pk not in current]
    plan.essentials_removed.extend(row.pk for row in removed)
    plan.removed.extend(f"{profession.name}: link to “{row.label}”" for row in removed)
    plan.essentials_added.extend(
        ProfessionSkill(profession=profession, skill=skill, origin=Origin.ONET) for skill in added
    )
    return bool(removed or added)


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
    `professions.onet.files`'s.

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
