"""Every published profile, for matching, kept in each process between requests.

Results pages rank all published professions; reading and checking 1,000 profiles costs three
times as much as ranking them. Each process keeps the list it built last, and builds it again
when the content version changes (professions/content.py): after any edit, import or fixture,
within CAREERFIT_CONTENT_RECHECK_SECONDS.
"""

from professions.content import per_content_version
from professions.models import Profession
from quiz.riasec import ProfessionProfile


@per_content_version
def published_profiles() -> list[ProfessionProfile]:
    return Profession.objects.published().profiles()
