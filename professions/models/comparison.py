"""Editors' notes on how two professions differ."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Greatest, Least
from django.urls import reverse

from professions.content import ContentQuerySet
from professions.models.profession import Profession


class ComparisonManager(models.Manager.from_queryset(ContentQuerySet)):
    def get_by_natural_key(self, slug_a: str, slug_b: str) -> "Comparison":
        return self.get(profession_a__slug=slug_a, profession_b__slug=slug_b)

    def for_pair(self, first: Profession, second: Profession) -> "Comparison | None":
        """The curated notes on two professions, whichever order they are given in."""
        return self.filter(
            Q(profession_a=first, profession_b=second) | Q(profession_a=second, profession_b=first)
        ).first()


class Comparison(models.Model):
    """Editors' notes on how two professions differ, shown on their comparison page.

    The pair is unordered: producer/product manager and product manager/producer are the same
    comparison, which a unique constraint on the smaller and larger id enforces.
    """

    profession_a = models.ForeignKey(Profession, on_delete=models.CASCADE, related_name="+")
    profession_b = models.ForeignKey(Profession, on_delete=models.CASCADE, related_name="+")
    intro = models.TextField(help_text="Opens the comparison page.")
    summary_note = models.TextField("note on what each job is", blank=True)
    duties_note = models.TextField("note on job duties", blank=True)
    requirements_note = models.TextField("note on requirements", blank=True)
    environment_note = models.TextField("note on work environment", blank=True)
    skills_note = models.TextField("note on skills", blank=True)
    salary_note = models.TextField("note on salary", blank=True)

    objects = ComparisonManager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~Q(profession_a=models.F("profession_b")),
                name="comparison_of_two_professions",
                violation_error_message="Choose two different professions.",
            ),
            models.UniqueConstraint(
                Least("profession_a", "profession_b"),
                Greatest("profession_a", "profession_b"),
                name="unique_comparison_pair",
                violation_error_message="These two professions already have a comparison.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.profession_a} vs. {self.profession_b}"

    def get_absolute_url(self) -> str:
        return compare_url(self.profession_a.slug, self.profession_b.slug)

    def natural_key(self) -> tuple[str, str]:
        return (*self.profession_a.natural_key(), *self.profession_b.natural_key())

    natural_key.dependencies = ["professions.profession"]


def compare_url(slug_a: str, slug_b: str) -> str:
    """The canonical comparison address: slugs in alphabetical order."""
    first, second = sorted((slug_a, slug_b))
    return reverse("professions:compare", args=[first, second])
