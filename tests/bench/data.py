"""Generated data for the benchmark: professions with realistic profiles, and stored results."""

import random
from itertools import islice

from django.core.management import call_command
from django.utils.text import slugify

from professions import riasec
from professions.models import JobTitle, Profession, ProfessionSkill, Skill
from quiz.models import Question, QuizLength, Result

BATCH = 1000
QUALIFIERS = ["Senior", "Assistant", "Lead", "Junior", "Chief", "Field", "Clinical", "Digital"]
DOMAINS = ["Data", "Marine", "Solar", "Museum", "Retail", "Software", "Forest", "Sound", "Legal"]
ROLES = ["Technician", "Analyst", "Designer", "Advisor", "Manager", "Inspector", "Planner"]


def profile_for(rng: random.Random) -> dict[str, int]:
    """Two or three neighbouring types stand out, as in real occupations' interest profiles."""
    profile = {letter: rng.randint(5, 45) for letter in riasec.LETTERS}
    first = rng.randrange(6)
    for step, low, high in ((0, 75, 98), (rng.choice((-1, 1)), 55, 80), (3, 35, 60)):
        letter = riasec.LETTERS[(first + step) % 6]
        profile[letter] = max(profile[letter], rng.randint(low, high))
    return profile


def generate_professions(count: int, seed: int = 42) -> None:
    rng = random.Random(seed)
    skills = Skill.objects.bulk_create(
        Skill(
            slug=f"bench-skill-{n}",
            name=f"Bench skill {n}",
            kind=rng.choice(["skill", "knowledge"]),
        )
        for n in range(300)
    )
    professions = []
    for n in range(count):
        name = f"{rng.choice(QUALIFIERS)} {rng.choice(DOMAINS)} {rng.choice(ROLES)} {n}"
        profile = profile_for(rng)
        professions.append(
            Profession(
                slug=slugify(name),
                name=name,
                summary=f"A generated profession for the benchmark: {name.lower()}.",
                description="Generated.",
                holland_code=riasec.holland_code(profile),
                annual_salary=rng.randrange(30_000, 150_000, 100),
                published=True,
                **{riasec.FIELDS[letter]: value for letter, value in profile.items()},
            )
        )
    Profession.objects.bulk_create(professions, batch_size=BATCH)
    links = (
        ProfessionSkill(profession=profession, skill=skill, essential=index < 8)
        for profession in professions
        for index, skill in enumerate(rng.sample(skills, 18))
    )
    titles = (
        JobTitle(profession=profession, title=f"{profession.name} title {n}")
        for profession in professions
        for n in range(5)
    )
    for rows in (links, titles):
        while batch := list(islice(rows, BATCH)):
            type(batch[0]).objects.bulk_create(batch)


def generate_results(count: int, seed: int = 7) -> list[Result]:
    rng = random.Random(seed)
    items = dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))
    results = []
    for _ in range(count):
        answers = {code: rng.randint(1, 5) for code in items}
        scores = riasec.scale_scores(answers, items)
        code = riasec.holland_code(scores)
        results.append(
            Result(
                length=QuizLength.QUICK,
                answers=answers,
                holland_code=code,
                differentiation=riasec.differentiation(scores),
                consistency=riasec.consistency(code),
                **{riasec.FIELDS[letter]: value for letter, value in scores.items()},
            )
        )
    return Result.objects.bulk_create(results, batch_size=BATCH)


def prepare(professions: int, results: int) -> Result:
    """Migrate, load the shipped data (the editorial profiles, the question bank and the O*NET
    catalog, 925 professions) and generate professions up to `professions` and `results`
    results; returns one result."""
    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0)
    generate_professions(max(0, professions - Profession.objects.count()))
    return generate_results(results)[0]
