"""Results as CSV, streamed row by row so that any number of results fits in memory.

Every text cell goes through `spreadsheet_safe`: a spreadsheet opening the file must never
run a formula that someone typed into the site (OWASP's advice on CSV injection).
"""

import csv
from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import StreamingHttpResponse

from professions import riasec
from quiz.models import Question

CHUNK_SIZE = 2000
# A cell starting with one of these is a formula, or becomes one, in common spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text a spreadsheet shows as text: a leading quote before a cell that would start a
    formula (OWASP); numbers and other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


class Echo:
    """A file-like object whose write() returns the line, for csv.writer over a stream."""

    def write(self, line: str) -> str:
        return line


def result_rows(results: QuerySet) -> Iterator[list]:
    codes = list(Question.objects.order_by("code").values_list("code", flat=True))
    scores = list(riasec.FIELDS.values())
    # The quiz length's column keeps the name analysts' files have always had.
    yield ["uuid", "created", "form", *codes, *scores, "holland_code"]
    rows = results.order_by("created", "pk").values_list(
        "uuid", "created", "length", "answers", *scores, "holland_code"
    )
    for uuid, created, length, answers, *values, code in rows.iterator(chunk_size=CHUNK_SIZE):
        yield [
            uuid,
            created.isoformat(),
            length,
            *(answers.get(c, "") for c in codes),
            *(round(v, 2) for v in values),
            code,
        ]


def csv_response(rows: Iterator[list], filename: str) -> StreamingHttpResponse:
    """`rows` streamed as a CSV download, every cell made spreadsheet-safe."""
    writer = csv.writer(Echo())
    return StreamingHttpResponse(
        (writer.writerow([spreadsheet_safe(cell) for cell in row]) for row in rows),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def results_csv_response(results: QuerySet, filename: str) -> StreamingHttpResponse:
    return csv_response(result_rows(results), filename)
