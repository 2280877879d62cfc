"""Search on PostgreSQL, part one: pg_trgm and an immutable careerfit_fold().

lower(unaccent(...)) cannot fill a generated column as it is, because unaccent() is only
"stable" (its dictionary could change); careerfit_fold() names the dictionary and is declared
immutable, the usual way to keep unaccented text. SQLite gets a Python function of the same
name on each connection (professions/search.py) and needs nothing here.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FOLD = """
CREATE OR REPLACE FUNCTION careerfit_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FOLD)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS careerfit_fold(text)")


class Migration(migrations.Migration):
    dependencies = [("professions", "0008_other_titles")]

    operations = [TrigramExtension(), migrations.RunPython(create, drop, elidable=False)]
