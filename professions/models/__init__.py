"""Profession profiles: who does what, the RIASEC interests it suits, what it needs and pays.

- `fields`: the field types, choices and validators the models share;
- `profession`: the profile itself, and `querysets` for what the catalog asks of it;
- `skills`: knowledge and skills, their links to professions, and job titles;
- `comparison`: editors' notes on how two professions differ.
"""

from professions.content import ContentVersion
from professions.models.comparison import Comparison, compare_url
from professions.models.fields import (
    IMPORTED_FIELD_GROUPS,
    PROFILE_FIELDS,
    EducationLevel,
    Origin,
    ProhibitReservedSlug,
    RiasecLetter,
    SalaryStatistic,
    SkillKind,
    onet_online_url,
)
from professions.models.profession import Profession, SkillGroups
from professions.models.querysets import ProfessionQuerySet
from professions.models.skills import JobTitle, ProfessionSkill, Skill

__all__ = [
    "IMPORTED_FIELD_GROUPS",
    "PROFILE_FIELDS",
    "Comparison",
    "ContentVersion",
    "EducationLevel",
    "JobTitle",
    "Origin",
    "Profession",
    "ProfessionQuerySet",
    "ProfessionSkill",
    "ProhibitReservedSlug",
    "RiasecLetter",
    "SalaryStatistic",
    "Skill",
    "SkillGroups",
    "SkillKind",
    "compare_url",
    "onet_online_url",
]
