"""The quiz taker's cookie on every request, and the visitor's scores for the professions pages."""

from functools import cached_property

from django.contrib import messages
from django.http import HttpRequest

from professions.riasec import Precision
from quiz.models import Result
from quiz.progress import TakerState


class LatestResultInterests:
    """The scores of the visitor's latest result (professions/visitor.py), read only when a
    page asks for them."""

    def __init__(self, taker: TakerState) -> None:
        self.key = taker.last_result

    @cached_property
    def result(self) -> Result | None:
        return Result.objects.filter(uuid=self.key).first() if self.key else None

    @property
    def scores(self) -> dict[str, float] | None:
        return self.result.scores if self.result else None

    @property
    def precision(self) -> Precision | None:
        return self.result.precision if self.result else None


class QuizTakerMiddleware:
    """Reads the taker's signed cookie into `request.taker` and writes it back when it changed.
    After MessageMiddleware, so that a dropped cookie can say so."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        request.taker = TakerState.from_request(request)
        if request.taker.problem:
            messages.warning(request, request.taker.problem)
        request.visitor_interests = LatestResultInterests(request.taker)
        response = self.get_response(request)
        request.taker.write(response)
        return response
