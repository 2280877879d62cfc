"""The quiz flow (start, pages, finish) and the result pages.

Every step posts and then redirects (post/redirect/get), so reloading never re-submits. A page
that fails validation is shown again with its errors; the valid answers on it are kept.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView

from professions.pagecache import cached_page
from quiz.forms import AnswerPageForm, PreparationForm, StartForm
from quiz.models import NORMS_MINIMUM, QuizLength, Result, ScaleCounts, form_items, question_bank
from quiz.progress import QuizProgress
from quiz.report import ResultReport
from quiz.screening import client_key

TOO_MANY_RESULTS = (
    "Many quizzes have been finished from your network in the last {minutes} minutes, more "
    "than CareerFit keeps from one place, so this result was not stored yet. Your answers are "
    "saved in this browser: press Finish again later to see your result."
)


class StartView(View):
    template_name = "quiz/start.html"

    def get(self, request):
        return self.show(request, StartForm())

    def post(self, request):
        form = StartForm(request.POST)
        if not form.is_valid():
            return self.show(request, form)
        chosen = QuizLength(form.cleaned_data["form"])
        items = form_items()[chosen]
        shortfall = ScaleCounts.of_items(chosen, items).shortfall
        if shortfall:
            messages.error(
                request,
                f"The {chosen.label.lower()} cannot be started right now because the question "
                f"bank is incomplete ({shortfall}). Please try the other form or come back later.",
            )
            return self.show(request, form)
        QuizProgress.start(request.taker, chosen, items)
        return redirect("quiz:page", page=1)

    def show(self, request, form):
        return render(
            request,
            self.template_name,
            {"form": form, "progress": QuizProgress.load(request.taker)},
        )


class PageView(View):
    template_name = "quiz/page.html"

    def dispatch(self, request, page: int):
        self.progress = QuizProgress.load(request.taker)
        if self.progress is None:
            return no_quiz_in_progress(request)
        allowed = self.progress.resume_page
        if not 1 <= page <= allowed:
            if page > allowed:
                messages.info(request, "Please answer this page first; you were taken back to it.")
            return redirect("quiz:page", page=allowed)
        self.page = page
        bank = question_bank()
        if any(code not in bank for code in self.progress.page_codes(page)):
            # An editor deleted an item of this quiz; its answers cannot be scored any more.
            self.progress.clear()
            messages.error(
                request, "The questions changed while you were away. Please start again."
            )
            return redirect("quiz:start")
        self.questions = [bank[code] for code in self.progress.page_codes(page)]
        return super().dispatch(request, page)

    def make_form(self, data=None):
        return AnswerPageForm(
            data,
            initial=self.progress.answers,
            questions=self.questions,
            first_number=self.progress.first_number_on(self.page),
        )

    def get(self, request, page: int):
        return self.show(request, self.make_form())

    def post(self, request, page: int):
        form = self.make_form(request.POST)
        self.progress.record(form.valid_answers())
        if request.POST.get("action") == "back" and page > 1:
            return redirect("quiz:page", page=page - 1)
        if not form.is_valid():
            return self.show(request, form)
        if page < self.progress.page_count:
            return redirect("quiz:page", page=page + 1)
        return self.finish(request)

    def finish(self, request):
        if not self.progress.is_complete:
            return redirect("quiz:page", page=self.progress.resume_page)
        finished = Result.objects.finish(
            attempt=self.progress.token,
            length=self.progress.length,
            answers=self.progress.answers,
            scale_of=self.progress.scale_of,
            seconds=self.progress.seconds,
            client=client_key(request),
        )
        if finished.over_limit:
            minutes = settings.CAREERFIT_RESULTS_WINDOW_SECONDS // 60
            messages.error(request, TOO_MANY_RESULTS.format(minutes=minutes))
            return redirect("quiz:page", page=self.progress.page_count)
        return self.shown(request, finished.result)

    def shown(self, request, result):
        self.progress.clear()
        request.taker.remember_result(str(result.uuid))
        return redirect(result)

    def show(self, request, form):
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "progress": self.progress,
                "page": self.page,
                "answered_elsewhere": self.progress.answered_elsewhere(self.page),
                "cache_seconds": settings.CAREERFIT_PAGE_CACHE_SECONDS,
            },
        )


def no_quiz_in_progress(request):
    last_result = request.taker.last_result
    if last_result:  # e.g. Back after finishing, or a second click on the last page
        messages.info(request, "That quiz is already finished. Here is its result.")
        return redirect("quiz:result", uuid=last_result)
    if not request.taker.problem:  # which has already said why
        messages.info(request, "There is no quiz in progress. Choose a form to start one.")
    return redirect("quiz:start")


class ResultView(DetailView):
    template_name = "quiz/result.html"
    model = Result
    slug_field = slug_url_kwarg = "uuid"
    context_object_name = "result"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()  # first, so a deleted result is gone at once
        return cached_page(
            request,
            lambda: self.render_to_response(self.get_context_data(object=self.object)),
            varies_on=(self.can_delete, self.is_latest),
            cache_alias="visitor",
        )

    @property
    def can_delete(self) -> bool:
        return self.request.taker.owns_result(str(self.object.uuid))

    @property
    def is_latest(self) -> bool:
        """Whether this is the browser's latest result, the one the catalog ranks by."""
        return self.request.taker.last_result == str(self.object.uuid)

    def get_context_data(self, **kwargs):
        preparation = PreparationForm(self.request.GET)
        report = ResultReport(self.object, preparation.chosen_zone)
        bands, hidden_matches = report.page(show_all="all" in self.request.GET)
        return super().get_context_data(
            report=report,
            preparation=preparation,
            bands=bands,
            hidden_matches=hidden_matches,
            norms_minimum=NORMS_MINIMUM,
            catalog_url=catalog_url(preparation.chosen_zone) if self.is_latest else "",
            permanent_url=self.request.build_absolute_uri(self.object.get_absolute_url()),
            can_delete=self.can_delete,
            **kwargs,
        )


def catalog_url(zone: int | None) -> str:
    """The catalog sorted by fit for this visitor, within the chosen preparation."""
    query = {"sort": "fit", **({"zone": zone} if zone else {})}
    return f"{reverse('professions:catalog')}?{urlencode(query)}"


def result_json(request, uuid):
    result = get_object_or_404(Result, uuid=uuid)
    report = ResultReport(result, zone=None)
    response = JsonResponse(
        report.as_json(request.build_absolute_uri), json_dumps_params={"indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="careerfit-result-{result.uuid}.json"'
    return response


class ResultDeleteView(View):
    """Deletion, for the browser that took the quiz only: a shared link lets others look."""

    template_name = "quiz/result_confirm_delete.html"

    def dispatch(self, request, uuid):
        self.result = Result.objects.filter(uuid=uuid).first()
        if self.result is None and request.taker.owns_result(str(uuid)):
            # Deleted already, by this browser: a second click on Delete, or Back and again.
            request.taker.forget_result(str(uuid))
            messages.success(request, "Your result has been deleted. Its link no longer works.")
            return redirect("quiz:start")
        if self.result is None:
            raise Http404("No such result.")
        if not request.taker.owns_result(str(uuid)):
            return render(
                request, "quiz/result_not_yours.html", {"result": self.result}, status=403
            )
        return super().dispatch(request, uuid)

    def get(self, request, uuid):
        return render(request, self.template_name, {"result": self.result})

    def post(self, request, uuid):
        self.result.delete()
        request.taker.forget_result(str(uuid))
        messages.success(request, "Your result has been deleted. Its link no longer works.")
        return redirect("quiz:start")
