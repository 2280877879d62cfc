"""Case- and accent-insensitive text matching that behaves the same on SQLite and PostgreSQL.

Both sides of a comparison are folded to lower case without accents: the query in Python by
`fold()`, the column in SQL by `Folded()`. On PostgreSQL that is lower(unaccent(...)), from the
unaccent extension (installed by a migration); SQLite's lower() knows only ASCII, so there
`fold()` itself is registered as a SQL function on every new connection.
"""

import unicodedata

from django.db.models import Func, TextField

SQLITE_FUNCTION = "careerfit_fold"


def fold(text: str | None) -> str | None:
    """ "Créatif ÉLAN" -> "creatif elan": lower case, accents removed."""
    if text is None:
        return None  # SQL NULL stays NULL
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class Folded(Func):
    """A text column folded like `fold()`, for `__contains` lookups."""

    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function=SQLITE_FUNCTION, **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, template="lower(unaccent(%(expressions)s))", **extra_context
        )


def register_sqlite_fold(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: give each SQLite connection the fold function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, fold, deterministic=True)
