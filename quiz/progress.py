"""A quiz in progress, kept in the session.

The session outlives reloads, the back button and a return the next day, so nothing the taker
answered is lost. The items are fixed when the quiz starts, so an editor changing the question
bank mid-quiz cannot shift the pages under the taker.
"""

import uuid
from collections.abc import Mapping

PAGE_SIZE = 10
SESSION_KEY = "quiz_in_progress"
# The uuid of the visitor's latest result: the catalog ranks by it, a re-post is sent to it.
LAST_RESULT_KEY = "last_result"
# The results this browser finished: only it may delete them, not everyone given the link.
OWN_RESULTS_KEY = "own_results"
OWN_RESULTS_KEPT = 50


def remember_result(session, uuid: str) -> None:
    session[LAST_RESULT_KEY] = uuid
    session[OWN_RESULTS_KEY] = [*session.get(OWN_RESULTS_KEY, []), uuid][-OWN_RESULTS_KEPT:]


def owns_result(session, uuid: str) -> bool:
    return uuid in session.get(OWN_RESULTS_KEY, [])


class QuizProgress:
    def __init__(self, session, state: dict) -> None:
        self.session = session
        self.form: str = state["form"]
        # [code, scale] pairs in presentation order.
        self.items: list[list[str]] = state["items"]
        self.answers: dict[str, int] = state["answers"]
        # Names this attempt: a result stores it once, so a double submit cannot store two.
        self.token: str | None = state.get("token")

    @classmethod
    def start(cls, session, form: str, items: list[tuple[str, str]]) -> "QuizProgress":
        state = {"form": form, "items": [list(i) for i in items], "answers": {}}
        progress = cls(session, {**state, "token": uuid.uuid4().hex})
        progress.save()
        return progress

    @classmethod
    def load(cls, session) -> "QuizProgress | None":
        state = session.get(SESSION_KEY)
        return cls(session, state) if state else None

    def save(self) -> None:
        self.session[SESSION_KEY] = {
            "form": self.form,
            "items": self.items,
            "answers": self.answers,
            "token": self.token,
        }

    def clear(self) -> None:
        self.session.pop(SESSION_KEY, None)

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

    @property
    def resume_page(self) -> int:
        """The first page with an unanswered item: the furthest the taker may go."""
        for page in range(1, self.page_count + 1):
            if any(code not in self.answers for code in self.page_codes(page)):
                return page
        return self.page_count

    @property
    def is_complete(self) -> bool:
        return self.answered_count == len(self.items)

    def record(self, answers: Mapping[str, int]) -> None:
        known = set(self.codes)
        self.answers.update({code: value for code, value in answers.items() if code in known})
        self.save()
