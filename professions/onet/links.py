"""--link SLUG=CODE[:FIELDS]: an editorial profession standing for an O*NET occupation, parsed
and checked against the release and the database before an import writes anything."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from professions.models import Profession
from professions.onet.release import GROUP_FILES, Release
from professions.onet.tsv import CODE_PATTERN, OnetImportError

LINK_FIELDS = ("description", "profile", "job_zone", "titles", "attribution")

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
        for name in link.fields & GROUP_FILES.keys():
            if not release.has(name):
                file = GROUP_FILES[name]
                raise OnetLinkError(LINK_NO_FILE.format(link=link.text, field=name, file=file))
        slugs.add(link.slug)
        by_code[link.code] = link
    return by_code
