"""`manage.py simulate_retest`: how stable codes and best bands are on a retest, for the full
and the quick form, with the published O*NET occupations as people (quiz/simulation.py)."""

from django.core.management.base import BaseCommand, CommandError

from professions.models import Profession
from professions.profiles import published_catalog
from professions.riasec import Precision
from quiz.models import ITEMS_PER_SCALE, QuizLength
from quiz.simulation import CLOSEST, SHOWN, simulate_retest


class Command(BaseCommand):
    help = (
        "Simulate every published O*NET occupation taking each form twice, with answer noise, "
        "and report how often the first letter and the best band repeat."
    )

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, help="Only the first N occupations.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")

    def handle(self, *args, people=None, seed=1, **options):
        if people is not None and people < 1:
            raise CommandError("--people must be 1 or more.")
        catalog = published_catalog().profiles
        occupations = set(
            Profession.objects.published()
            .filter(origin=Profession.Origin.ONET)
            .values_list("slug", flat=True)
        )
        persons = [profile for profile in catalog if profile.slug in occupations][:people]
        if not persons:
            raise CommandError("No published O*NET occupation: run `manage.py seed` first.")
        self.stdout.write(
            f"{len(persons)} O*NET occupations as people, each taking the form twice, "
            f"matched against {len(catalog) - 1} professions (their own left out); seed {seed}."
        )
        for length in (QuizLength.FULL, QuizLength.QUICK):
            precision = Precision(ITEMS_PER_SCALE[length])
            figures = simulate_retest(persons, catalog, precision.items_per_scale, seed)
            alphas = ", ".join(f"{k} {v:.2f}" for k, v in figures.alphas.items())
            sems = ", ".join(f"{k} {v:.1f}" for k, v in figures.sems.items())
            self.stdout.write(
                f"\n{length.label} ({figures.items_per_scale} items a scale)\n"
                f"  first letter the same on retest: {figures.first_letter_repeats:.0%}\n"
                f"  best band: median size {figures.best_band_size:g}; "
                f"{figures.best_band_kept:.0%} of it in the retest's best band\n"
                f"  first {SHOWN} matches shown: {figures.shown_kept:.1f} of {SHOWN} shown again\n"
                f"  weak signal (no band claimed): {figures.weak_share:.0%} of takings\n"
                f"  r with the {CLOSEST} closest professions strays by {figures.r_error:.3f} "
                f"(SD), {figures.r_error / precision.sem:.4f} a point of SEM\n"
                f"  alpha: {alphas}\n"
                f"  SEM (points): {sems}"
            )
