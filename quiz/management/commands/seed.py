"""Load the shipped data into a database that does not have it yet.

`make run` and `make serve` call it on every start. It loads the fixtures (the editorial
professions and the question bank) and the O*NET catalog shipped in fixtures/onet/ (a compact
copy of the release, see professions/onet/compact.py), each only into a database that has
none of it yet, so what editors changed survives a restart. Reload on purpose with
`manage.py loaddata professions questions` and `manage.py import_onet fixtures/onet/...`.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from professions import history, onet
from professions.models import Comparison, Profession, Skill
from quiz.models import Question

FIXTURES = {"professions": Profession, "questions": Question}
ONET_RELEASE = settings.BASE_DIR / "fixtures" / "onet" / "db_29_3_text"


class Command(BaseCommand):
    help = "Load the shipped fixtures and O*NET catalog into an empty database."

    def handle(self, *args, **options):
        missing = [name for name, model in FIXTURES.items() if not model.objects.exists()]
        if missing:
            call_command("loaddata", *missing, verbosity=options["verbosity"])
        if Profession.objects.filter(onet_code__isnull=False).exists():
            # A database from before every write was recorded: first versions, so that each
            # row's first edit can be undone.
            recorded = history.record_unrecorded(
                [model.objects.all() for model in (Profession, Skill, Comparison, Question)],
                "As it was before the edit history recorded every write.",
            )
            if not missing and not recorded:
                self.stdout.write("The shipped data is already loaded; nothing changed.")
            return
        # The editorial profiles stand beside the occupations they look at closely (their
        # tied_onet_code), rather than replacing them: Producer beside Producers and Directors.
        report = onet.onet_import(directory=ONET_RELEASE)
        if options["verbosity"]:
            self.stdout.write(
                f"Loaded O*NET {report.release}: {len(report.created):,} occupations."
            )
