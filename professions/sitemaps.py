from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from professions.models import Profession


class ProfessionSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Profession.objects.published().only("slug", "updated")

    def lastmod(self, profession: Profession):
        return profession.updated


class PageSitemap(Sitemap):
    """The public pages that are not professions."""

    changefreq = "monthly"

    def items(self):
        return ["home", "quiz:start", "professions:catalog"]

    def location(self, name: str) -> str:
        return reverse(name)
