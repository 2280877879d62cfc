"""Planning an O*NET import: the release's wanted state of every occupation compared with the
database, as the list of writes that would bring one to the other (`import_plan`).

Professions written by editors (origin "editorial") are never planned for unless a `Link`
(--link SLUG=CODE[:FIELDS]) names them. An import never undoes an editor's work. Each job
title and skill link says who made it (`origin`): the plan adds and removes only the
import's own, so an editor's title or link stays through any number of re-imports of any
release. A field an editor changed (`Profession.edited_fields`) keeps the editor's value,
with the rest of its group (`IMPORTED_FIELD_GROUPS`). The plan lists what it kept and what
the release removed.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from professions import riasec
from professions.models import (
    IMPORTED_FIELD_GROUPS,
    JobTitle,
    Origin,
    Profession,
    ProfessionSkill,
    Skill,
)
from professions.onet.elements import ELEMENTS, is_knowledge
from professions.onet.links import Link, links_check
from professions.onet.release import (
    GROUP_FILES,
    OccupationRecord,
    Release,
)
from professions.search import title_word_sources

_SLUG_MAX = Profession._meta.get_field("slug").max_length


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
    record: OccupationRecord, names: Iterable[str], attribution: str, release: Release | None
) -> dict[str, object]:
    """Model field values for the named groups (IMPORTED_FIELD_GROUPS): "name", "summary",
    "description", "profile" (six levels and the code), "titles" (those not shown),
    "job_zone", "education", "related" and "attribution". A group the release has no data
    for (a profile without interests, job zones without Job Zones.txt) is left out, so the
    profession keeps what it has; without a `release`, every file counts as present (a new
    profession)."""
    values: dict[str, object] = {}
    for name in names:
        if name in GROUP_FILES and release is not None and not release.has(name):
            continue
        if name == "name":
            values["name"] = record.name
        elif name == "summary":
            values["summary"] = first_sentence(record.description)
        elif name == "description":
            values["description"] = record.description
        elif name == "profile" and record.profile is not None:
            values.update(
                {riasec.FIELDS[letter]: level for letter, level in record.profile.items()}
            )
            values["holland_code"] = record.holland_code
        elif name == "titles":  # the shown ones are JobTitle rows
            values["other_titles"] = "\n".join(record.other_titles)
            values["title_words"] = title_word_sources(record.title_sources)
        elif name == "job_zone":
            values["job_zone"] = record.job_zone
        elif name == "education":
            level, percent = record.education or (None, None)
            values["education_level"], values["education_percent"] = level, percent
        elif name == "related":
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
    element_skills = _element_skills_plan(plan, release) if release.has("essentials") else {}
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
        if release.has("titles") and (imported or "titles" in names):
            titles_changed = _titles_plan(plan, profession, record.titles, titles)
        essentials_changed = False
        if release.has("essentials") and imported:
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
        record, [name for name in names if name not in kept], attribution, release
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
        **_wanted_fields(record, _IMPORTED_FIELDS, attribution, release=None),
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
            name, description, _same_as = ELEMENTS[element]
            kind = Skill.Kind.KNOWLEDGE if is_knowledge(element) else Skill.Kind.SKILL
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
