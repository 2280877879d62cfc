"""Knowledge and skills, shared by the professions that need them, and job titles."""

from django.db import models

from professions.constraints import one_of_the_choices
from professions.content import ContentQuerySet
from professions.models.fields import Origin, SkillKind, folded_copy, row_origin_field
from professions.search import Folded


class SkillManager(models.Manager.from_queryset(ContentQuerySet)):
    def get_by_natural_key(self, slug: str) -> "Skill":
        return self.get(slug=slug)


class Skill(models.Model):
    """A piece of knowledge or a skill, shared by every profession that needs it."""

    Kind = SkillKind

    slug = models.SlugField(max_length=150, unique=True)
    name = models.CharField(max_length=150, unique=True)
    description = models.TextField(blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    search_name = folded_copy(Folded("name"))

    objects = SkillManager()

    class Meta:
        ordering = ["name"]
        constraints = [one_of_the_choices("kind", SkillKind.choices, "skill_kind_valid")]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class ProfessionSkillManager(models.Manager.from_queryset(ContentQuerySet)):
    def get_by_natural_key(self, profession_slug: str, skill_slug: str) -> "ProfessionSkill":
        return self.get(profession__slug=profession_slug, skill__slug=skill_slug)


class ProfessionSkill(models.Model):
    """That a profession needs a skill, and whether it is essential or optional."""

    profession = models.ForeignKey(
        "Profession", on_delete=models.CASCADE, related_name="profession_skills"
    )
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="profession_skills")
    essential = models.BooleanField(default=True)
    origin = row_origin_field()

    objects = ProfessionSkillManager()

    class Meta:
        verbose_name = "profession skill"
        constraints = [
            one_of_the_choices("origin", Origin.choices, "profession_skill_origin_valid"),
            models.UniqueConstraint(
                fields=["profession", "skill"],
                name="unique_profession_skill",
                violation_error_message="This item is already on the profile. To move it to "
                "the other list, tick or untick “essential” where it is.",
            ),
        ]

    def __str__(self) -> str:
        need = "essential" if self.essential else "optional"
        return f"{self.skill} ({need} for {self.profession})"

    def natural_key(self) -> tuple[str, str]:
        return (*self.profession.natural_key(), *self.skill.natural_key())

    natural_key.dependencies = ["professions.profession", "professions.skill"]


class JobTitleManager(models.Manager.from_queryset(ContentQuerySet)):
    def get_by_natural_key(self, profession_slug: str, title: str) -> "JobTitle":
        return self.get(profession__slug=profession_slug, title=title)


class JobTitle(models.Model):
    """A title under which the profession is advertised."""

    profession = models.ForeignKey(
        "Profession", on_delete=models.CASCADE, related_name="job_titles"
    )
    title = models.CharField(max_length=200)
    search_title = folded_copy(Folded("title"))
    origin = row_origin_field()

    objects = JobTitleManager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["profession", "title"], name="unique_job_title"),
            one_of_the_choices("origin", Origin.choices, "job_title_origin_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    def natural_key(self) -> tuple[str, str]:
        return (*self.profession.natural_key(), self.title)

    natural_key.dependencies = ["professions.profession"]
