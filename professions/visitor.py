"""What the professions pages may know of the visitor: at most their latest interest scores.

Results, and how a browser keeps hold of them, belong to the quiz app, a layer above this one.
It hands the scores down without this app importing it: its middleware
(quiz.middleware.QuizTakerMiddleware) puts a `VisitorInterests` on each request, and the
catalog reads it through `visitor_interests()`. Without that middleware, or before a visitor
has finished a quiz, there are no scores and the pages show no fit.
"""

from collections.abc import Mapping
from typing import Protocol

from django.http import HttpRequest

from professions.riasec import Precision


class VisitorInterests(Protocol):
    @property
    def key(self) -> str:
        """Names the scores, e.g. a result's id, for caching pages per visitor; empty if none."""

    @property
    def scores(self) -> Mapping[str, float] | None:
        """The six scale scores (0-100) keyed by letter, or None."""

    @property
    def precision(self) -> Precision | None:
        """How precisely the scores were measured, or None without scores."""


def visitor_interests(request: HttpRequest) -> VisitorInterests | None:
    return getattr(request, "visitor_interests", None)


def visitor_key(request: HttpRequest) -> str:
    interests = visitor_interests(request)
    return interests.key if interests else ""


def visitor_scores(request: HttpRequest) -> Mapping[str, float] | None:
    interests = visitor_interests(request)
    return interests.scores if interests else None


def visitor_precision(request: HttpRequest) -> Precision | None:
    interests = visitor_interests(request)
    return interests.precision if interests else None
