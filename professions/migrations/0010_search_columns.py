"""Search, part two: folded copies of what the catalog searches, kept by the database, and on
PostgreSQL pg_trgm's GIN indexes on them, which answer both `LIKE '%word%'` and the
misspelling operator `<<%` (professions/search.py)."""

import professions.search
from django.db import migrations, models


INDEXES = {
    "professions_profession_search_name_trgm": ("professions_profession", "search_name"),
    "professions_profession_search_other_titles_trgm": (
        "professions_profession",
        "search_other_titles",
    ),
    "professions_jobtitle_search_title_trgm": ("professions_jobtitle", "search_title"),
    "professions_skill_search_name_trgm": ("professions_skill", "search_name"),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index, (table, column) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin ({column} gin_trgm_ops)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")


class Migration(migrations.Migration):

    dependencies = [
        ('professions', '0009_search_functions'),
    ]

    operations = [
        migrations.AddField(
            model_name='jobtitle',
            name='search_title',
            field=models.GeneratedField(db_persist=True, expression=professions.search.Folded('title'), output_field=models.TextField()),
        ),
        migrations.AddField(
            model_name='profession',
            name='search_name',
            field=models.GeneratedField(db_persist=True, expression=professions.search.Folded('name'), output_field=models.TextField()),
        ),
        migrations.AddField(
            model_name='profession',
            name='search_other_titles',
            field=models.GeneratedField(db_persist=True, expression=professions.search.DistinctWords('other_titles'), output_field=models.TextField()),
        ),
        migrations.AddField(
            model_name='skill',
            name='search_name',
            field=models.GeneratedField(db_persist=True, expression=professions.search.Folded('name'), output_field=models.TextField()),
        ),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
