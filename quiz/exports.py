"""Results as CSV, streamed row by row so that any number of results fits in memory."""

import csv
from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import StreamingHttpResponse

from professions.models import PROFILE_FIELDS
from quiz.models import Question

CHUNK_SIZE = 2000


class Echo:
    """A file-like object whose write() returns the line, for csv.writer over a stream."""

    def write(self, line: str) -> str:
        return line


def result_rows(results: QuerySet) -> Iterator[list]:
    codes = list(Question.objects.order_by("code").values_list("code", flat=True))
    scores = list(PROFILE_FIELDS.values())
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


def results_csv_response(results: QuerySet, filename: str) -> StreamingHttpResponse:
    writer = csv.writer(Echo())
    return StreamingHttpResponse(
        (writer.writerow(row) for row in result_rows(results)),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
