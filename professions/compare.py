"""What the comparison page computes from two profiles: shared and distinct skills, pay gap."""

from dataclasses import dataclass

from professions.models import Profession, Skill


@dataclass(frozen=True)
class SkillSplit:
    """Skills both professions list, and those only one of them lists, each sorted by name."""

    shared: list[Skill]
    only_a: list[Skill]
    only_b: list[Skill]


def split_skills(a: list[Skill], b: list[Skill]) -> SkillSplit:
    a_slugs, b_slugs = {skill.slug for skill in a}, {skill.slug for skill in b}
    return SkillSplit(
        shared=sorted((s for s in a if s.slug in b_slugs), key=lambda s: s.name),
        only_a=sorted((s for s in a if s.slug not in b_slugs), key=lambda s: s.name),
        only_b=sorted((s for s in b if s.slug not in a_slugs), key=lambda s: s.name),
    )


@dataclass(frozen=True)
class SalaryGap:
    """How much more the better-paid profession earns: in money and as a percent of the other."""

    higher: Profession
    lower: Profession
    amount: int
    percent: float

    @property
    def amount_display(self) -> str:
        return self.higher.format_money(self.amount)


def salary_gap(a: Profession, b: Profession) -> SalaryGap | None:
    """None when either salary is unknown or the two are in different currencies."""
    if a.annual_salary is None or b.annual_salary is None:
        return None
    if a.salary_currency != b.salary_currency:
        return None
    higher, lower = (a, b) if a.annual_salary >= b.annual_salary else (b, a)
    amount = higher.annual_salary - lower.annual_salary
    return SalaryGap(higher, lower, amount, 100 * amount / lower.annual_salary)
