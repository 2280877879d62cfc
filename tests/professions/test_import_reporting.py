"""The O*NET importer's report and progress output, and the quiz matching what it imported."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError, OutputWrapper

from professions import riasec
from professions.models import Profession
from professions.onet import first_sentence
from quiz.models import Question, QuizLength, Result
from tests.professions.onet_sample import (
    run,
)
from tests.taker import shown_rows

pytestmark = pytest.mark.django_db


# --- Matching imported occupations ------------------------------------------------------------


def test_the_quiz_ranks_an_imported_occupation_first_for_its_own_profile(client, folder):
    call_command("loaddata", "professions", "questions", verbosity=0)
    run(folder)
    developers = Profession.objects.get(onet_code="15-1252.00")

    matches = riasec.rank_professions(developers.profile, Profession.objects.published().profiles())

    assert matches[0].profession.name == "Software Developers"
    # A stored result with the same scores: answer a scores 100 x (a - 1) / 4 on each scale.
    answer = {"R": 3, "I": 5, "A": 2, "S": 1, "E": 2, "C": 4}
    items = dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))
    result = Result.objects.score_and_create(
        length=QuizLength.QUICK,
        answers={code: answer[scale] for code, scale in items.items()},
        scale_of=items,
    )
    assert result.scores == developers.profile
    response = client.get(result.get_absolute_url())
    page = response.content.decode()
    assert shown_rows(response)[0].match.profession.name == "Software Developers"
    assert (
        0
        < page.index("Software Developers")
        < min(page.index(name) for name in ("Producer", "Accountants and Auditors"))
    )


# --- Output -----------------------------------------------------------------------------------


def test_plain_output_logs_one_line_per_file(folder):
    lines = run(folder).splitlines()

    assert [re.sub(r"in \d+\.\d s", "in T s", line) for line in lines[:4]] == [
        "Read Occupation Data.txt: 6 rows in T s",
        "Read Interests.txt: 45 rows in T s",
        "Read Job Zones.txt: 5 rows in T s",
        "Read Alternate Titles.txt: 16 rows in T s",
    ]
    assert len(lines) == 5


class Terminal(StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_output_rewrites_a_progress_line_per_file(folder):
    out = Terminal()

    call_command("import_onet", str(folder), stdout=out)

    text = out.getvalue()
    assert re.search(r"\rRead Interests\.txt: 45 rows in \d+\.\d s \([\d,]+ rows/s\)\n", text)
    assert text.count("\r") == 4


def test_quiet_prints_nothing(folder):
    assert run(folder, "--quiet") == ""
    assert Profession.objects.count() == 5


def test_negative_max_titles_is_refused(folder):
    with pytest.raises(CommandError, match=r"^--max-titles must be 0 or more\.$"):
        run(folder, "--max-titles", "-1")


@pytest.mark.parametrize(
    ("description", "summary"),
    [
        ("Fly aircraft. Check the weather and the plane.", "Fly aircraft."),
        ("Repair engines! Test them.", "Repair engines!"),
        ("One sentence without a full stop", "One sentence without a full stop"),
    ],
)
def test_the_summary_on_cards_is_the_descriptions_first_sentence(description, summary):
    assert first_sentence(description) == summary


def test_terminal_progress_shows_a_bar_with_counts_and_rate():
    from professions.management.commands.import_onet import TerminalProgress, bar

    out = Terminal()
    progress = TerminalProgress(OutputWrapper(out))
    progress.rows("Alternate Titles.txt", 12_000, 2.0, 0.45)

    assert bar(0.45) == "[#########-----------]  45%"
    assert out.getvalue() == (
        "\rReading Alternate Titles.txt [#########-----------]  45% 12,000 rows (6,000 rows/s)"
    )
