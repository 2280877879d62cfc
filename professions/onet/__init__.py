"""Importing occupations from the O*NET database text release (`manage.py import_onet`).

- `files`: reading and validating the release's files into one record per occupation
  (columns by header name, errors naming file, line, column and value, the 0-100 profile,
  the Holland code, titles, job zone, attribution); plain Python, no database.
- `changes`: comparing those records with the professions in the database, the --link
  handling, and writing the differences in one transaction (`onet_import`).

Only what the management command and the tests use is exported here.
"""

from professions.onet.changes import (
    LINK_FIELDS,
    ImportReport,
    first_sentence,
    link_parse,
    onet_import,
)
from professions.onet.files import DEFAULT_MAX_TITLES, OnetImportError

__all__ = [
    "DEFAULT_MAX_TITLES",
    "LINK_FIELDS",
    "ImportReport",
    "OnetImportError",
    "first_sentence",
    "link_parse",
    "onet_import",
]
