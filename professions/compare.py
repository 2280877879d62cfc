"""What the comparison page computes from two profiles: shared and distinct skills, pay gap,
and which of the long texts and editors' notes it shows, so that each fact is stated once."""

import re
from dataclasses import dataclass

from professions.models import Comparison, Profession, Skill


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


# The comparison's long texts: topic (names the editor's note, `<topic>_note`), heading and
# the Profession field.
COMPARED_TEXTS = [
    ("summary", "What each job is", "summary"),
    ("duties", "Job duties", "duties"),
    ("requirements", "Job requirements", "requirements"),
    ("environment", "Work environment", "work_environment"),
]


@dataclass(frozen=True)
class TextTopic:
    """One long text of a comparison: the editor's note on it, or else each profession's text."""

    topic: str
    heading: str
    note: str
    text_a: str
    text_b: str


def text_topics(a: Profession, b: Profession, notes: Comparison | None) -> list[TextTopic]:
    """The topics to show, each fact once.

    The rule, topic by topic: an editor's note sets the two jobs side by side on its topic and
    retells what their own texts say, so where there is a note it is shown *instead of* the
    two texts (each profile, linked from the page, keeps its own); without a note the two texts
    stand side by side. A topic that neither profession describes and no note covers is left out.
    """
    topics = []
    for topic, heading, field in COMPARED_TEXTS:
        note = getattr(notes, f"{topic}_note", "") if notes else ""
        text_a, text_b = getattr(a, field), getattr(b, field)
        if note or text_a or text_b:
            topics.append(TextTopic(topic, heading, note, text_a, text_b))
    return topics


def paragraphs_beyond(note: str, figures: list[str]) -> list[str]:
    """The paragraphs of an editor's note that quote none of `figures`.

    The comparison table gives each salary once and the page works out the gap once, so a
    salary note's paragraph that retells those figures is left out and the rest of the note,
    what the figures alone do not say, is shown."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", note.strip()) if part.strip()]
    shown = [figure for figure in figures if figure]
    return [part for part in paragraphs if not any(figure in part for figure in shown)]
