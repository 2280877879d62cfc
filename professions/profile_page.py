"""What a profile page shows beyond the profession's own fields: its long texts folded after
their first paragraph, its optional items as one A-Z list, and its O*NET source named."""

import re
from typing import NamedTuple

from professions.models import Profession, Skill

# Where O*NET publishes its database, and the licence it is published under.
ONET_DATABASE_URL = "https://www.onetcenter.org/database.html"
ONET_LICENCE = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
_ONET_RELEASE = re.compile(r"O\*NET (\d+\.\d+)")
# An optional list this long or longer is folded away behind its count.
OPTIONAL_FOLDED_FROM = 13
# The long texts: section id, heading, field. Each shows its first paragraph; the rest is
# folded behind "Read more" when it is FOLDED_FROM characters or longer.
LONG_TEXTS = [
    ("duties", "Job duties", "duties"),
    ("requirements", "Job requirements", "requirements"),
    ("environment", "Work environment", "work_environment"),
]
FOLDED_FROM = 300


class LongText(NamedTuple):
    section: str
    heading: str
    shown: str
    folded: str  # "" when nothing is folded


def long_texts(profession: Profession) -> list[LongText]:
    return [
        LongText(section, heading, *first_paragraph_and_rest(getattr(profession, field)))
        for section, heading, field in LONG_TEXTS
    ]


def first_paragraph_and_rest(text: str) -> tuple[str, str]:
    """The text split after its first paragraph, when what follows is long enough to fold;
    else the whole text and nothing."""
    first, *rest = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip(), maxsplit=1)
    if not rest or len(rest[0].strip()) < FOLDED_FROM:
        return text, ""
    return first, rest[0].strip()


def optional_items(skills: list[Skill]) -> list[Skill]:
    """Optional knowledge and skills as one list, A to Z whatever their kind."""
    return sorted(skills, key=lambda skill: skill.name.casefold())


def onet_release(profession: Profession) -> str:
    """The O*NET release the profile's attribution or sources name, e.g. "29.3"; "" if none."""
    release = _ONET_RELEASE.search(f"{profession.attribution}\n{profession.sources}")
    return release[1] if release else ""
