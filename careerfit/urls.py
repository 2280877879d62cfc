from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from professions.sitemaps import PageSitemap, ProfessionSitemap
from professions.views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("professions/", include("professions.urls")),
    path("", include("quiz.urls")),
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap, "professions": ProfessionSitemap}},
        name="sitemap",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
