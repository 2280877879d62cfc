"""What a quiz taker's browser keeps: the quiz in progress and the results it finished.

Both travel in one cookie signed with the secret key (django.core.signing), not in the
database session, so taking the quiz touches no database until the result is stored, and any
app server can read it. The browser can read the cookie but not change it: a changed,
truncated or expired cookie is dropped with a message, and the taker starts afresh. It lasts
two weeks from the last answer, so reloads, the back button and a return the next day all
resume. The items are fixed when the quiz starts, so an editor changing the question bank
mid-quiz cannot shift the pages under the taker. Staff keep server-side sessions, which can be
revoked; the public site needs none.
"""

import time
import uuid
from collections.abc import Mapping

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

PAGE_SIZE = 10
COOKIE_NAME = "careerfit_quiz"
COOKIE_MAX_AGE = 14 * 24 * 60 * 60
SALT = "careerfit.quiz.taker"
# Bumped when the cookie's layout changes; a cookie of another layout starts afresh.
LAYOUT = 1
# The results this browser finished: only it may delete them, not everyone given the link.
OWN_RESULTS_KEPT = 20
UNREADABLE = "Your saved quiz could not be read, so it was cleared. Please start again."
EXPIRED = "Your saved quiz was more than two weeks old, so it was cleared. Please start again."


class TakerState:
    """The taker's cookie, read once per request (quiz.middleware) and written back when
    something in it changed."""

    def __init__(self, data: Mapping | None = None, problem: str = "") -> None:
        data = data or {}
        self.quiz: dict | None = data.get("quiz")
        # The latest result: the catalog ranks by it, a re-post is sent to it.
        self.last_result: str = data.get("last", "")
        self.own_results: list[str] = list(data.get("own", []))
        self.problem = problem  # what to tell the taker about a cookie that was dropped
        self.changed = bool(problem)  # a dropped cookie is deleted from the browser

    @classmethod
    def from_request(cls, request: HttpRequest) -> "TakerState":
        return cls.from_cookie(request.COOKIES.get(COOKIE_NAME))

    @classmethod
    def from_cookie(cls, raw: str | None) -> "TakerState":
        if not raw:
            return cls()
        try:
            data = signing.loads(raw, salt=SALT, max_age=COOKIE_MAX_AGE)
        except signing.SignatureExpired:
            return cls(problem=EXPIRED)
        except signing.BadSignature:
            return cls(problem=UNREADABLE)
        if not isinstance(data, dict) or data.get("v") != LAYOUT:
            return cls(problem=UNREADABLE)
        return cls(data)

    def as_data(self) -> dict:
        data = {"v": LAYOUT, "quiz": self.quiz, "last": self.last_result, "own": self.own_results}
        return {key: value for key, value in data.items() if value}

    def signed(self) -> str:
        return signing.dumps(self.as_data(), salt=SALT, compress=True)

    def write(self, response: HttpResponse) -> None:
        if not self.changed:
            return
        if self.as_data().keys() == {"v"}:
            response.delete_cookie(COOKIE_NAME, samesite="Lax")
            return
        response.set_cookie(
            COOKIE_NAME,
            self.signed(),
            max_age=COOKIE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )

    def remember_result(self, uuid: str) -> None:
        self.last_result = uuid
        self.own_results = [*self.own_results, uuid][-OWN_RESULTS_KEPT:]
        self.changed = True

    def owns_result(self, uuid: str) -> bool:
        return uuid in self.own_results

    def forget_result(self, uuid: str) -> None:
        self.own_results = [own for own in self.own_results if own != uuid]
        if self.last_result == uuid:  # the one before it, if any, ranks the catalog now
            self.last_result = self.own_results[-1] if self.own_results else ""
        self.changed = True


class QuizProgress:
    """The quiz in progress in a TakerState."""

    def __init__(self, taker: TakerState, state: dict) -> None:
        self.taker = taker
        self.length: str = state["length"]
        # [code, scale] pairs in presentation order.
        self.items: list[list[str]] = state["items"]
        self.answers: dict[str, int] = state["answers"]
        # Names this attempt: a result stores it once, so a double submit cannot store two.
        self.token: str = state["token"]
        # When the quiz began, in seconds since the epoch; None in a cookie from before it
        # was kept. Tells a result answered faster than reading allows (quiz/screening.py).
        self.started: int | None = state.get("started")

    @classmethod
    def start(cls, taker: TakerState, length: str, items: list[tuple[str, str]]) -> "QuizProgress":
        state = {"length": length, "items": [list(item) for item in items], "answers": {}}
        progress = cls(taker, {**state, "token": uuid.uuid4().hex, "started": int(time.time())})
        progress.save()
        return progress

    @classmethod
    def load(cls, taker: TakerState) -> "QuizProgress | None":
        return cls(taker, taker.quiz) if taker.quiz else None

    def save(self) -> None:
        self.taker.quiz = {
            "length": self.length,
            "items": self.items,
            "answers": self.answers,
            "token": self.token,
            "started": self.started,
        }
        self.taker.changed = True

    def clear(self) -> None:
        self.taker.quiz = None
        self.taker.changed = True

    @property
    def codes(self) -> list[str]:
        return [code for code, _scale in self.items]

    @property
    def scale_of(self) -> dict[str, str]:
        return dict(self.items)

    @property
    def page_count(self) -> int:
        return -(-len(self.items) // PAGE_SIZE)

    def page_codes(self, page: int) -> list[str]:
        return self.codes[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]

    def first_number_on(self, page: int) -> int:
        return (page - 1) * PAGE_SIZE + 1

    @property
    def answered_count(self) -> int:
        return len(self.answers)

    def answered_elsewhere(self, page: int) -> int:
        """Answers to items on other pages than this one: what a live count starts from."""
        on_page = set(self.page_codes(page))
        return sum(1 for code in self.answers if code not in on_page)

    @property
    def resume_page(self) -> int:
        """The first page with an unanswered item: the furthest the taker may go."""
        for page in range(1, self.page_count + 1):
            if any(code not in self.answers for code in self.page_codes(page)):
                return page
        return self.page_count

    @property
    def seconds(self) -> int | None:
        """Seconds since the quiz began; None when unknown."""
        return None if self.started is None else max(0, int(time.time()) - self.started)

    @property
    def is_complete(self) -> bool:
        return self.answered_count == len(self.items)

    def record(self, answers: Mapping[str, int]) -> None:
        known = set(self.codes)
        self.answers.update({code: value for code, value in answers.items() if code in known})
        self.save()
