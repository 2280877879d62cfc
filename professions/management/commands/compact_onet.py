"""Build the compact copy of an O*NET release that CareerFit ships in fixtures/onet/.

python manage.py compact_onet path/to/db_29_3_text fixtures/onet/db_29_3_text
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from professions.onet import OnetImportError
from professions.onet.compact import compact_release


class Command(BaseCommand):
    help = "Copy the files and columns the importer reads from an O*NET text release."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="The unzipped release, e.g. db_29_3_text.")
        parser.add_argument(
            "target", type=Path, help="Where to write the copy; keep the release's folder name."
        )

    def handle(self, *args, source, target, **options):
        if source.resolve() == target.resolve():
            raise CommandError("The copy must go to another folder than the release.")
        try:
            written = compact_release(source, target)
        except (OnetImportError, OSError) as error:
            raise CommandError(str(error)) from error
        for name, rows in written.items():
            self.stdout.write(f"{name}: {rows:,} rows")
