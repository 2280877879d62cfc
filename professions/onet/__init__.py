"""Importing occupations from the O*NET database text release (`manage.py import_onet`).

- `tsv`: the release's files as checked rows, and the exact texts of every error;
- `readers`: one reader per file, into plain data by occupation code;
- `release`: the whole release as one record per occupation, and the table of its optional
  files (what is read, kept in the compact copy, and given to which group of fields);
- `compact`: the facts-only copy of a release that CareerFit ships;
- `links`: --link SLUG=CODE[:FIELDS], an editorial profession standing for an occupation;
- `changes`: comparing the records with the professions in the database and writing the
  differences in one transaction (`onet_import`).

Only what the management command and the tests use is exported here.
"""

from professions.onet.changes import ImportReport, onet_import
from professions.onet.links import LINK_FIELDS, link_parse
from professions.onet.plan import first_sentence
from professions.onet.release import DEFAULT_MAX_TITLES
from professions.onet.tsv import OnetImportError

__all__ = [
    "DEFAULT_MAX_TITLES",
    "LINK_FIELDS",
    "ImportReport",
    "OnetImportError",
    "first_sentence",
    "link_parse",
    "onet_import",
]
