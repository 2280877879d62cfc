from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView, TemplateView

from professions.sitemaps import PageSitemap, ProfessionSitemap
from professions.views import HomeView

admin.site.site_header = "CareerFit admin"
admin.site.site_title = "CareerFit admin"
admin.site.index_title = "Professions, questions and results"

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
    # Browsers ask for /favicon.ico on pages that name no icon, such as the admin's.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("favicon.svg"))),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]

handler500 = "professions.errors.server_error"
