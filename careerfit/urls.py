from django.contrib import admin
from django.urls import include, path

from professions.views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("professions/", include("professions.urls")),
    path("", include("quiz.urls")),
    path("admin/", admin.site.urls),
]
