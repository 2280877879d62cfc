"""Hands the visitor's latest result down to the professions pages (see professions/visitor.py)."""

from functools import cached_property

from django.http import HttpRequest

from quiz.models import Result
from quiz.progress import LAST_RESULT_KEY


class LatestResultInterests:
    """The scores of the visitor's latest result in this session, read only when asked for."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    @cached_property
    def key(self) -> str:
        return str(self.request.session.get(LAST_RESULT_KEY) or "")

    @cached_property
    def scores(self) -> dict[str, float] | None:
        result = Result.objects.filter(uuid=self.key).first() if self.key else None
        return result.scores if result else None


class VisitorInterestsMiddleware:
    """After SessionMiddleware. Costs nothing on pages that never ask."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        request.visitor_interests = LatestResultInterests(request)
        return self.get_response(request)
