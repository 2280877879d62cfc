"""Writes that touch several rows at once, each in one transaction."""

from collections.abc import Sequence

from django.db import transaction

from professions.content import ContentVersion
from professions.models import ProfessionSkill, Skill


@transaction.atomic
def skills_merge(*, keep: Skill, duplicates: Sequence[Skill]) -> int:
    """Fold duplicate skills into `keep`, then delete them; returns the links moved.

    Every profession that used a duplicate ends up linked to `keep`. When it was already
    linked to `keep`, the two links become one, essential if either was.
    """
    ContentVersion.objects.bump()  # before locking the links: see ContentVersionManager.bump
    moved = 0
    for link in ProfessionSkill.objects.filter(skill__in=duplicates).select_for_update():
        existing = ProfessionSkill.objects.filter(profession=link.profession_id, skill=keep).first()
        if existing is None:
            link.skill = keep
            link.save(update_fields=["skill"])
        else:
            if link.essential and not existing.essential:
                existing.essential = True
                existing.save(update_fields=["essential"])
            link.delete()
        moved += 1
    Skill.objects.filter(pk__in=[skill.pk for skill in duplicates]).delete()
    return moved
