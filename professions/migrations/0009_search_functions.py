"""Search on PostgreSQL, part one: pg_trgm, an immutable careerfit_fold() and careerfit_words().

lower(unaccent(...)) cannot fill a generated column as it is, because unaccent() is only
"stable" (its dictionary could change); careerfit_fold() names the dictionary and is declared
immutable, the usual way to keep unaccented text. Every name inside the functions' bodies
is schema-qualified, as pg_dump restores with an empty search path. SQLite gets Python
functions of the same names on each connection (professions/search.py) and needs nothing
here.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FOLD = """
CREATE OR REPLACE FUNCTION public.careerfit_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
"""


# A text's distinct folded words, sorted, joined by spaces, as professions.search.distinct_words.
WORDS = """
CREATE OR REPLACE FUNCTION public.careerfit_words(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(string_agg(word, ' ' ORDER BY word COLLATE "C"), '')
    FROM (
        SELECT DISTINCT word
        FROM regexp_split_to_table(public.careerfit_fold($1), '[^[:alnum:]]+') AS word
        WHERE word <> ''
    ) AS words
$$;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FOLD)
        schema_editor.execute(WORDS)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS public.careerfit_words(text)")
        schema_editor.execute("DROP FUNCTION IF EXISTS public.careerfit_fold(text)")


class Migration(migrations.Migration):
    dependencies = [("professions", "0008_other_titles")]

    operations = [TrigramExtension(), migrations.RunPython(create, drop, elidable=False)]
