"""Load the shipped fixtures into a database that does not have their data yet.

`make run` and `make serve` call it on every start. Unlike `loaddata` it leaves a database
that already holds professions or questions alone, so what editors changed survives a
restart. Reload the fixtures on purpose with `manage.py loaddata professions questions`.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from professions.models import Profession
from quiz.models import Question

FIXTURES = {"professions": Profession, "questions": Question}


class Command(BaseCommand):
    help = "Load the shipped fixtures into an empty database; leave existing data alone."

    def handle(self, *args, **options):
        missing = [name for name, model in FIXTURES.items() if not model.objects.exists()]
        if missing:
            call_command("loaddata", *missing, verbosity=options["verbosity"])
        else:
            self.stdout.write("Professions and questions are already loaded; nothing changed.")
