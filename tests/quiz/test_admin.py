"""Analysts' admin: read-only results, CSV export, analytics; the question bank's warnings."""

import csv
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from quiz.exports import csv_response
from quiz.models import NORMS_MINIMUM, Question, QuizLength, Result

pytestmark = pytest.mark.django_db

RESULTS = reverse("admin:quiz_result_changelist")
EXPORT = reverse("admin:quiz_result_export")
ANALYTICS = reverse("admin:quiz_result_analytics")


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def quick_items() -> dict[str, str]:
    return dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))


def store(answer_of_scale: dict[str, int], items=None) -> Result:
    items = items or quick_items()
    answers = {code: answer_of_scale[scale] for code, scale in items.items()}
    return Result.objects.score_and_create(length=QuizLength.QUICK, answers=answers, scale_of=items)


def test_results_are_read_only_and_only_superusers_delete(admin_client, bank):
    result = store(dict.fromkeys("RIASEC", 3))
    change = reverse("admin:quiz_result_change", args=[result.pk])

    page = admin_client.get(change)

    assert admin_client.get(reverse("admin:quiz_result_add")).status_code == 403
    assert page.status_code == 200
    assert 'name="holland_code"' not in page.content.decode()  # shown, not editable
    assert "Delete" in page.content.decode()


def test_csv_export_of_selected_results(admin_client, bank):
    first = store(dict.fromkeys("RIASEC", 3))
    store(dict.fromkeys("RIASEC", 4))

    response = admin_client.post(RESULTS, {"action": "export_csv", "_selected_action": [first.pk]})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert response["Content-Type"].startswith("text/csv")
    assert rows[0][:3] == ["uuid", "created", "form"]
    assert "R01" in rows[0]
    assert rows[0][-7:] == [
        "realistic",
        "investigative",
        "artistic",
        "social",
        "enterprising",
        "conventional",
        "holland_code",
    ]
    assert len(rows) == 2
    assert rows[1][0] == str(first.uuid)
    assert rows[1][rows[0].index("R01")] == "3"
    assert rows[1][rows[0].index("R06")] == ""  # full-form item, not asked in the quick form
    assert rows[1][-1] == first.holland_code


def test_csv_export_of_all_results_streams_in_chunks(
    admin_client, bank, django_assert_max_num_queries
):
    items = quick_items()
    answers = dict.fromkeys(items, 4)
    template = Result.objects.score_and_create(
        length=QuizLength.QUICK, answers=answers, scale_of=items
    )
    Result.objects.bulk_create(
        Result(
            **{
                f.name: getattr(template, f.name)
                for f in Result._meta.fields
                if f.name not in ("id", "uuid")
            }
        )
        for _ in range(4_999)
    )

    response = admin_client.get(EXPORT)

    assert response.streaming
    with django_assert_max_num_queries(8):
        lines = sum(1 for _ in response.streaming_content)
    assert lines == 5_001  # header + 5,000 results


def test_percentile_norms_appear_at_100_results_not_at_99(client, bank, expire_cached_pages):
    # C differs from the rest in each, as one answer throughout would not count.
    low = store({"R": 1, "I": 1, "A": 1, "S": 1, "E": 1, "C": 2})
    for _ in range(NORMS_MINIMUM - 3):
        store({"R": 2, "I": 2, "A": 2, "S": 2, "E": 2, "C": 3})
    high = store({"R": 5, "I": 2, "A": 2, "S": 2, "E": 2, "C": 3})  # the 99th result

    before = client.get(high.get_absolute_url()).content.decode()
    store({"R": 5, "I": 2, "A": 2, "S": 2, "E": 2, "C": 3})  # the 100th
    cached = client.get(high.get_absolute_url()).content.decode()
    expire_cached_pages()
    after = client.get(high.get_absolute_url()).content.decode()

    assert "Comparisons with other people are not available yet" in before
    assert "Higher than" not in before
    assert cached == before  # a results page is rendered again once its cache entry expires
    # R: 98 of 100 results score lower than 100 (the low one and 97 twos); I: 1 of 100.
    assert "Higher than 98% of people who took this quiz" in after
    assert "Higher than 1% of people who took this quiz" in after
    assert "not available yet" not in client.get(low.get_absolute_url()).content.decode()


def test_analytics_report_has_counts_letters_alpha_and_item_correlations(admin_client, bank):
    items = quick_items()
    r_codes = [code for code, scale in items.items() if scale == "R"]
    # R items answered as three patterns; every other scale constant (alpha undefined).
    for r_answers in ([1, 1, 2, 2, 5], [3, 3, 3, 4, 1], [5, 5, 4, 5, 3]):
        answers = dict.fromkeys(items, 3) | dict(zip(r_codes, r_answers, strict=True))
        Result.objects.score_and_create(length=QuizLength.QUICK, answers=answers, scale_of=items)

    response = admin_client.get(ANALYTICS, {"form": "quick"})
    report = response.context["report"]
    realistic = report.scales[0]

    assert report.count == 3
    assert sum(share.count for share in report.first_letters) == 3
    assert realistic.scale == "R"
    assert realistic.n == 3
    assert realistic.alpha is not None
    # The fifth R item runs against the rest of the scale: flagged for review.
    assert realistic.items[4].flagged
    assert not realistic.items[0].flagged
    assert "Below 0.30: review this item" in response.content.decode()
    assert "Cronbach’s α" in response.content.decode()


def test_analytics_report_flags_an_item_closer_to_another_scale_and_shows_the_sem(
    admin_client, bank
):
    items = quick_items()
    r_codes = [code for code, scale in items.items() if scale == "R"]
    i_codes = [code for code, scale in items.items() if scale == "I"]
    # The first R item moves with the I items and against the other R items.
    for level in (1, 2, 3, 4, 5):
        answers = dict.fromkeys(items, 3)
        answers |= dict.fromkeys(i_codes, level)
        answers |= dict.fromkeys(r_codes[1:], 6 - level) | {r_codes[0]: level}
        Result.objects.score_and_create(length=QuizLength.QUICK, answers=answers, scale_of=items)

    response = admin_client.get(ANALYTICS, {"form": "quick"})
    realistic = response.context["report"].scales[0]
    page = response.content.decode()

    assert realistic.items[0].cross_loads
    assert realistic.items[0].strongest_other == ("I", 1.0)
    assert not any(item.cross_loads for item in realistic.items[1:])
    assert "Closer to I than to R: review this item" in page
    assert realistic.sem is not None
    assert f"<td>{realistic.sem:.1f}</td>" in page
    assert "Results pages assume an SEM of 11.2 points for this form" in page


def test_analytics_date_range_and_bad_input(admin_client, bank):
    store(dict.fromkeys("RIASEC", 3))

    future = admin_client.get(ANALYTICS, {"form": "quick", "start": "2999-01-01"})
    reversed_range = admin_client.get(ANALYTICS, {"start": "2026-02-01", "end": "2026-01-01"})
    nonsense = admin_client.get(ANALYTICS, {"form": "huge", "start": "yesterday"})

    assert future.context["report"].count == 0
    assert reversed_range.status_code == 200
    assert "The start date is after the end date." in reversed_range.content.decode()
    assert nonsense.status_code == 200
    assert nonsense.context["report"] is None


def test_question_changelist_warns_when_a_form_cannot_be_built(admin_client, bank):
    changelist = reverse("admin:quiz_question_changelist")
    assert "cannot be taken" not in admin_client.get(changelist).content.decode()

    Question.objects.filter(scale="S", code__in=["S01", "S02"]).update(active=False)
    page = admin_client.get(changelist).content.decode()

    assert "The quick form cannot be taken: too few active items (Social: 3 of 5)." in page
    assert "The full form cannot be taken: too few active items (Social: 8 of 10)." in page
    assert "unbalanced" not in page  # the shortfall is what needs fixing first


def test_question_changelist_warns_when_a_form_is_unbalanced(admin_client, bank):
    changelist = reverse("admin:quiz_question_changelist")
    assert "unbalanced" not in admin_client.get(changelist).content.decode()  # as shipped

    Question.objects.create(
        code="R99", text="Fit a new chain", scale="R", position=61, in_quick_form=True
    )
    page = admin_client.get(changelist).content.decode()

    assert (
        "The quick form is unbalanced: Realistic 6, Investigative 5, Artistic 5, Social 5, "
        "Enterprising 5, Conventional 5; scores stay comparable, but scales with fewer items "
        "are less reliable. Give every scale the same number of active items."
    ) in page
    assert (
        "The full form is unbalanced: Realistic 11, Investigative 10, Artistic 10, Social 10, "
        "Enterprising 10, Conventional 10;"
    ) in page
    assert "cannot be taken" not in page


def test_question_changelist_warns_about_the_bank_as_saved_by_a_list_edit(admin_client, bank):
    changelist = reverse("admin:quiz_question_changelist")
    retired = set(Question.objects.filter(active=False).values_list("code", flat=True))
    Question.objects.filter(code__in=["S01", "S02"]).update(active=False)
    rows = list(admin_client.get(changelist).context["cl"].result_list)
    data = {"form-TOTAL_FORMS": len(rows), "form-INITIAL_FORMS": len(rows), "_save": "Save"}
    for number, question in enumerate(rows):
        data[f"form-{number}-id"] = question.pk
        data[f"form-{number}-position"] = question.position
        if question.in_quick_form:
            data[f"form-{number}-in_quick_form"] = "on"
        if question.code not in retired:
            data[f"form-{number}-active"] = "on"  # S01 and S02 active again

    page = admin_client.post(changelist, data, follow=True).content.decode()

    assert set(Question.objects.filter(active=False).values_list("code", flat=True)) == retired
    assert "2 questions were changed successfully." in page
    assert "cannot be taken" not in page
    assert "unbalanced" not in page


def test_the_add_form_proposes_the_position_after_the_last_item(admin_client, bank):
    Question.objects.filter(code="C10").update(active=False)  # inactive items count too
    add = reverse("admin:quiz_question_add")

    page = admin_client.get(add)
    proposed = page.context["adminform"].form.initial["position"]
    response = admin_client.post(
        add,
        {"code": "R20", "text": "Fit a new chain", "scale": "R", "position": proposed},
    )

    assert proposed == 61  # the shipped items hold positions 1 to 60
    assert 'name="position" value="61"' in page.content.decode()
    assert response.status_code == 302
    assert Question.objects.last().code == "R20"
    assert Question.objects.get(code="R20").position == 61


def test_question_changelist_edits_position_and_flags_in_place(admin_client, bank):
    page = admin_client.get(reverse("admin:quiz_question_changelist")).content.decode()

    assert 'name="form-0-position"' in page
    assert 'name="form-0-in_quick_form"' in page
    assert 'name="form-0-active"' in page


# --- Question codes: never a formula, never a silent loss ---------------------------------


@pytest.mark.parametrize(
    ("code", "scale", "message"),
    [
        ("=2+5*cmd", "R", "Ensure this value has at most 4 characters"),
        ("=2+5", "R", "Use the scale's letter and two or three digits"),
        ("+R01", "R", "Use the scale's letter and two or three digits"),
        ("R1", "R", "Use the scale's letter and two or three digits"),
        ("I13", "R", "Start the code with the scale's letter, R."),
    ],
)
def test_a_question_code_is_its_scales_letter_and_digits(
    django_app, admin_user, bank, code, scale, message
):
    form = django_app.get(reverse("admin:quiz_question_add"), user=admin_user).forms[
        "question_form"
    ]
    form["code"], form["scale"], form["text"] = code, scale, "Fix a bicycle"

    response = form.submit("_save")

    assert response.status_code == 200
    assert message in response.html.text
    assert not Question.objects.filter(text="Fix a bicycle").exists()


def test_a_code_that_results_answered_cannot_be_renamed_and_nothing_is_lost(
    django_app, admin_user, bank
):
    store(dict.fromkeys("RIASEC", 4))
    question = Question.objects.get(code="R01")
    form = django_app.get(
        reverse("admin:quiz_question_change", args=[question.pk]), user=admin_user
    ).forms["question_form"]
    form["code"] = "R90"

    response = form.submit("_save")
    export = django_app.get(EXPORT, user=admin_user)
    rows = list(csv.reader(io.StringIO(export.text)))

    assert response.status_code == 200
    assert "Stored results answered this item as R01" in response.html.text
    assert "untick Active to retire it" in response.html.text
    assert Question.objects.get(pk=question.pk).code == "R01"
    assert rows[1][rows[0].index("R01")] == "4"


def test_an_unanswered_item_may_still_be_renamed(django_app, admin_user, bank):
    question = Question.objects.get(code="R01")
    form = django_app.get(
        reverse("admin:quiz_question_change", args=[question.pk]), user=admin_user
    ).forms["question_form"]
    form["code"] = "R90"

    assert form.submit("_save").status_code == 302
    assert Question.objects.get(pk=question.pk).code == "R90"


def test_an_answered_item_cannot_be_deleted_and_the_page_says_why(admin_client, bank):
    store(dict.fromkeys("RIASEC", 4))
    question = Question.objects.get(code="R01")
    url = reverse("admin:quiz_question_delete", args=[question.pk])

    page = admin_client.get(url).content.decode()
    confirmed = admin_client.post(url, {"post": "yes"})

    assert "This item cannot be deleted" in page
    assert "R01: answered in 1 stored result(s). Retire it instead" in page
    assert 'name="post"' not in page  # no button to confirm
    assert confirmed.status_code == 200
    assert Question.objects.filter(pk=question.pk).exists()


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_would_start_a_formula_are_neutralised(start):
    response = csv_response(iter([[f"{start}HYPERLINK(1)", 3, "plain"]]), "x.csv")
    (row,) = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))

    assert row == [f"'{start}HYPERLINK(1)", "3", "plain"]


def test_a_formula_stored_as_a_code_before_the_rule_is_renamed_with_its_answers(
    transactional_db,
):
    """Migration quiz.0006 on a bank holding a code an editor typed before codes were checked."""

    executor = MigrationExecutor(connection)
    executor.migrate([("quiz", "0005_revised_items")])
    old = executor.loader.project_state([("quiz", "0005_revised_items")]).apps
    OldQuestion, OldResult = old.get_model("quiz", "Question"), old.get_model("quiz", "Result")
    OldQuestion.objects.create(code="R01", text="Fix a bike", scale="R", position=1)
    OldQuestion.objects.create(code="=2+5*cmd", text="Mend a fence", scale="R", position=2)
    OldResult.objects.create(
        length="quick",
        answers={"R01": 4, "=2+5*cmd": 5},
        realistic=90,
        investigative=0,
        artistic=0,
        social=0,
        enterprising=0,
        conventional=0,
        holland_code="RIA",
        differentiation=90,
        consistency="high",
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert set(Question.objects.values_list("code", flat=True)) == {"R01", "R02"}
    assert Result.objects.get().answers == {"R01": 4, "R02": 5}
