"""Every published profile, for matching, kept in each process between requests.

Results pages rank all published professions; reading and checking 1,000 profiles costs three
times as much as ranking them. Each process keeps the list it built last and builds it again
when a one-row aggregate over the published professions changes: their number, their latest
update and the sum of each interest score. Admin edits, imports, fixtures and the publish
actions all change at least one of these, so every process sees a change on its next request.
"""

from django.db.models import Count, Max, Sum

from professions.models import PROFILE_FIELDS, Profession
from quiz.riasec import ProfessionProfile

_cache: tuple[tuple, list[ProfessionProfile]] = ((), [])


def published_profiles() -> list[ProfessionProfile]:
    global _cache
    published = Profession.objects.published()
    fingerprint = tuple(
        published.aggregate(
            count=Count("pk"),
            latest=Max("updated"),
            **{field: Sum(field) for field in PROFILE_FIELDS.values()},
        ).values()
    )
    cached_fingerprint, profiles = _cache
    if fingerprint != cached_fingerprint:
        profiles = published.profiles()
        _cache = (fingerprint, profiles)
    return profiles
