"""What results pages and the catalog need of every published profession, kept in each
process between requests.

Results pages rank all published professions; reading and checking 1,000 profiles costs three
times as much as ranking them. Each process keeps what it built last, and builds it again
when the content version changes (professions/content.py): after any edit, import or fixture,
within CAREERFIT_CONTENT_RECHECK_SECONDS.
"""

from typing import NamedTuple

from professions.content import per_content_version
from professions.models import Profession
from professions.riasec import ProfessionProfile


class PublishedCatalog(NamedTuple):
    profiles: list[ProfessionProfile]  # for matching
    tie_notes: dict[str, str]  # what to say beside tied professions' cards, by slug

    def in_zone(self, zone: int | None) -> list[ProfessionProfile]:
        """The profiles of professions of that job zone; all of them for None."""
        if zone is None:
            return self.profiles
        return [profile for profile in self.profiles if profile.job_zone == zone]


@per_content_version
def published_catalog() -> PublishedCatalog:
    published = Profession.objects.published()
    return PublishedCatalog(published.profiles(), published.tie_notes())


def published_profiles() -> list[ProfessionProfile]:
    return published_catalog().profiles
